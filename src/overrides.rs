//! Per-rule severity overrides (`allow` / `warn` / `deny`), from the config file or
//! `--allow/--warn/--deny CODE`. Applied in exactly one place: `Overrides::apply`.

use crate::diag::{Finding, Severity};
use crate::rules::RuleSet;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Drop the finding.
    Allow,
    Warn,
    Deny,
}

#[derive(Debug, Clone)]
pub struct Override {
    pub code: String,
    pub level: Level,
    pub reason: Option<String>,
    /// Where it came from, for messages: a config file path or a command-line flag.
    pub origin: String,
}

#[derive(Debug, Clone, Default)]
pub struct Overrides {
    pub list: Vec<Override>,
}

impl Overrides {
    /// Later entries win (command line after config file).
    pub fn level(&self, code: &str) -> Option<Level> {
        self.list.iter().rev().find(|o| o.code.eq_ignore_ascii_case(code)).map(|o| o.level)
    }

    pub fn apply(&self, findings: &mut Vec<Finding>) {
        if self.list.is_empty() {
            return;
        }
        findings.retain_mut(|f| match self.level(&f.rule) {
            Some(Level::Allow) => false,
            Some(Level::Warn) => {
                f.severity = Severity::Warning;
                true
            }
            Some(Level::Deny) => {
                f.severity = Severity::Error;
                true
            }
            None => true,
        });
    }

    /// Overrides naming a code no rule has: reported so a typo never silently disables nothing.
    pub fn unmatched<'a>(&'a self, rules: &RuleSet) -> Vec<&'a Override> {
        self.list.iter().filter(|o| rules.get(&o.code).is_none()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Text;

    fn f(rule: &str, s: Severity) -> Finding {
        Finding {
            rule: rule.into(),
            severity: s,
            field: String::new(),
            message: Text::default(),
            fix: Text::default(),
            source: String::new(),
            pos: None,
        }
    }

    #[test]
    fn allow_warn_deny() {
        let o = |code: &str, level| Override {
            code: code.into(),
            level,
            reason: None,
            origin: "test".into(),
        };
        let ov = Overrides {
            list: vec![o("A", Level::Allow), o("B", Level::Warn), o("C", Level::Deny), o("b", Level::Deny)],
        };
        let mut v = vec![
            f("A", Severity::Error),
            f("B", Severity::Error),
            f("C", Severity::Info),
            f("D", Severity::Warning),
        ];
        ov.apply(&mut v);
        let got: Vec<(String, Severity)> = v.into_iter().map(|x| (x.rule, x.severity)).collect();
        // The later `b = deny` wins over `B = warn`.
        assert_eq!(
            got,
            vec![
                ("B".into(), Severity::Error),
                ("C".into(), Severity::Error),
                ("D".into(), Severity::Warning)
            ]
        );
        let unmatched: Vec<&str> = ov.unmatched(crate::rules::rules()).iter().map(|o| o.code.as_str()).collect();
        assert_eq!(unmatched, vec!["A", "B", "C", "b"]);
    }
}
