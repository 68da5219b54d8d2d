//! The terminal prompter: dialoguer on stderr. Each input runs the flow's validator through
//! `validate_with`, so a person sees the same explanation `check` gives. Personal data is
//! never echoed: those inputs use `.report(false)` and a masked echo is printed instead.

use super::prompter::{Asked, Choice, Interrupted, Prompter, Question, Reply, Validator};
use crate::diag::Lang;
use crate::pii::mask;
use console::{Term, style};
use dialoguer::theme::ColorfulTheme;
use dialoguer::{Confirm, Input, Select};

pub struct TtyPrompter {
    term: Term,
    theme: ColorfulTheme,
    lang: Lang,
}

impl TtyPrompter {
    pub fn new(lang: Lang) -> Self {
        TtyPrompter {
            term: Term::stderr(),
            theme: ColorfulTheme::default(),
            lang,
        }
    }

    fn with_hint(&self, help: &str, hint: &str) -> String {
        if self.lang == Lang::Zh {
            format!("{help}（{hint}）")
        } else {
            format!("{help} ({hint})")
        }
    }

    fn help(&self, q: &Question) {
        if !q.help.is_empty() {
            let _ = self.term.write_line(&format!("  {}", style(&q.help).dim()));
        }
    }
}

/// Break lines so none is wider than the terminal. dialoguer clears a refused answer's
/// explanation by counting lines; a line the terminal wraps would leave a row behind.
fn wrap(text: &str, width: usize) -> String {
    let max = width.saturating_sub(4).max(20);
    let mut out = Vec::new();
    for line in text.lines() {
        let mut cur = String::new();
        let mut w = 0;
        for c in line.chars() {
            let cw = console::measure_text_width(c.encode_utf8(&mut [0; 4]));
            if w + cw > max {
                out.push(std::mem::take(&mut cur));
                cur.push_str("    ");
                w = 4;
            }
            cur.push(c);
            w += cw;
        }
        out.push(cur);
    }
    out.join("\n")
}

/// Ctrl-C, end of input or a closed terminal: stop; the draft is already saved.
fn stopped(_e: dialoguer::Error) -> Interrupted {
    Interrupted
}

impl Prompter for TtyPrompter {
    fn input(&mut self, q: &Question, default: Option<&str>, validate: Validator<'_>) -> Asked<String> {
        self.help(q);
        let width = self.term.size_checked().map(|(_, w)| w as usize).unwrap_or(80);
        let mut input = Input::<String>::with_theme(&self.theme)
            .with_prompt(&q.prompt)
            .allow_empty(q.optional)
            .report(!q.pii)
            .validate_with(|s: &String| validate(s).map_err(|e| wrap(&e, width)));
        if let Some(d) = default {
            input = input.default(d.to_string());
        }
        let s = input.interact_on(&self.term).map_err(stopped)?;
        if q.pii {
            let shown = if s.is_empty() { String::new() } else { mask(s.trim()) };
            let _ = self
                .term
                .write_line(&format!("{} {} {} {}", style("✔").green(), q.prompt, style("·").dim(), shown));
        }
        Ok(Reply::Answer(s))
    }

    fn select(&mut self, q: &Question, choices: &[Choice], default: usize) -> Asked<usize> {
        let hint = if self.lang == Lang::Zh {
            "↑↓ 选择，回车确认"
        } else {
            "↑↓ to move, Enter to choose"
        };
        let mut shown = q.clone();
        shown.help = if q.help.is_empty() {
            hint.to_string()
        } else {
            self.with_hint(&q.help, hint)
        };
        self.help(&shown);
        let labels: Vec<&str> = choices.iter().map(|c| c.label.as_str()).collect();
        let i = Select::with_theme(&self.theme)
            .with_prompt(&q.prompt)
            .items(&labels)
            .default(default)
            .max_length(12)
            .interact_on(&self.term)
            .map_err(stopped)?;
        Ok(Reply::Answer(i))
    }

    fn confirm(&mut self, q: &Question, default: bool) -> Asked<bool> {
        let hint = match (self.lang, default) {
            (Lang::Zh, true) => "按 y 表示“是”，n 表示“否”；直接回车 = 是",
            (Lang::Zh, false) => "按 y 表示“是”，n 表示“否”；直接回车 = 否",
            (Lang::En, true) => "y = yes, n = no; Enter = yes",
            (Lang::En, false) => "y = yes, n = no; Enter = no",
        };
        let mut shown = q.clone();
        shown.help = if q.help.is_empty() {
            hint.to_string()
        } else {
            self.with_hint(&q.help, hint)
        };
        self.help(&shown);
        let b = Confirm::with_theme(&self.theme)
            .with_prompt(&q.prompt)
            .default(default)
            .interact_on(&self.term)
            .map_err(stopped)?;
        Ok(Reply::Answer(b))
    }

    fn note(&mut self, text: &str) {
        for line in text.lines() {
            let _ = self.term.write_line(&format!("  {}", style(line).yellow()));
        }
    }

    fn heading(&mut self, text: &str) {
        let _ = self.term.write_line("");
        let _ = self.term.write_line(&format!("{}", style(text).bold().cyan()));
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn wraps_wide_text_to_the_terminal() {
        let s = super::wrap("原因：证件号码错误是常见的驳回与核查原因。\nok", 20);
        for line in s.lines() {
            assert!(console::measure_text_width(line) <= 20, "{line:?}");
        }
        assert!(s.ends_with("\nok"));
        assert_eq!(super::wrap("short", 80), "short");
    }
}
