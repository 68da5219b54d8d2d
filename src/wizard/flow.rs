//! The question flow: steps → questions → answers in a `toml::Table` draft. Pure logic: it
//! talks to a `Prompter` and hands every change to a `save` callback; it never touches a
//! terminal or a file.
//!
//! Validation is `check`'s: an answer is applied to a copy of the draft, the rule engine runs
//! over it, and the error findings on the key just answered are the reasons to ask again. A
//! rule that reads several answers fires as soon as the last of them is given.

use super::prompter::{Choice, Interrupted, Prompter, Question, Reply};
use crate::commands::check::check_source;
use crate::diag::{Finding, Lang, Severity};
use crate::draft::edit;
use crate::draft::model::{DocType, FilingType, LANGUAGES, PROVIDERS, PrincipalKind, RESOURCE_KINDS, SERVICE_CONTENT};
use crate::province::{self, PROVINCES};
use crate::report::DraftReport;
use crate::rules::{Check, RuleSet};
use crate::validators::resident_id;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use toml::{Table, Value};

/// The steps, in order. The review is run by the caller once the flow returns.
pub const STEPS: &[&str] = &["account", "principal", "responsible", "domains", "websites"];

/// Where the wizard is, kept beside the draft (as a comment) so `--resume` continues there.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    /// Steps completed.
    #[serde(default)]
    pub done: Vec<String>,
    /// Optional keys the person chose to leave empty: not asked again.
    #[serde(default)]
    pub skipped: Vec<String>,
}

/// How a typed answer becomes a TOML value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Text,
    Date,
    /// A date or 长期 / long-term.
    Validity,
    Int,
    /// Comma-separated list.
    List,
}

/// A key missing from a non-interactive run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Missing {
    pub key: String,
    pub prompt: String,
}

pub type Saver<'a> = &'a mut dyn FnMut(&Table, &Progress);

pub struct Flow<'a> {
    rules: &'static RuleSet,
    lang: Lang,
    pub draft: Table,
    pub progress: Progress,
    prompter: &'a mut dyn Prompter,
    save: Saver<'a>,
    /// Keys a non-interactive run needed and did not get.
    pub missing: Vec<Missing>,
    /// Prefilled answers that break a rule (non-interactive runs: reported at the end).
    pub invalid: Vec<Finding>,
    today: NaiveDate,
}

type R<T = ()> = Result<T, Interrupted>;

pub fn tr(lang: Lang, zh: &str, en: &str) -> String {
    if lang == Lang::Zh { zh.to_string() } else { en.to_string() }
}

/// A step's title.
pub fn step_name(step: &str, lang: Lang) -> String {
    match step {
        "account" => tr(lang, "账号与接入资源", "Account and resource"),
        "principal" => tr(lang, "备案主体", "The principal (who files)"),
        "responsible" => tr(lang, "主体负责人", "The principal's responsible person"),
        "domains" => tr(lang, "域名", "Domains"),
        "websites" => tr(lang, "网站", "Websites"),
        _ => step.to_string(),
    }
}

/// The value at a dotted key (`domain.0.name`).
pub fn get<'t>(t: &'t Table, key: &str) -> Option<&'t Value> {
    let mut parts = key.split('.');
    let mut cur = t.get(parts.next()?)?;
    for p in parts {
        cur = match cur {
            Value::Table(t) => t.get(p)?,
            Value::Array(a) => a.get(p.parse::<usize>().ok()?)?,
            _ => return None,
        };
    }
    Some(cur)
}

fn get_str<'t>(t: &'t Table, key: &str) -> Option<&'t str> {
    get(t, key).and_then(Value::as_str)
}

/// Is `field` the key or inside it?
fn under(field: &str, key: &str) -> bool {
    field == key || (field.starts_with(key) && field[key.len()..].starts_with('.'))
}

/// Is a finding on `field` about the answer to `key`? An individual's document is also read
/// as their responsible person's, so rules about that one speak to this answer too.
fn about(field: &str, key: &str) -> bool {
    if under(field, key) {
        return true;
    }
    match key.strip_prefix("principal.document") {
        Some(rest) => under(field, &format!("principal.responsible.document{rest}")),
        None => false,
    }
}

/// Run the rules over a draft table, exactly as `beian check` does.
pub fn evaluate(rules: &RuleSet, t: &Table) -> DraftReport {
    let src = toml::to_string(t).unwrap_or_default();
    check_source(rules, "draft.toml", &src, None, None)
}

fn is_required_rule(rules: &RuleSet, code: &str) -> bool {
    matches!(rules.get(code).map(|r| &r.check), Some(Check::Required { .. } | Check::HasDomains))
}

/// Rules answered by a later question rather than by changing this answer.
fn is_followup_rule(rules: &RuleSet, code: &str) -> bool {
    matches!(rules.get(code).map(|r| &r.check), Some(Check::OutOfProvince { .. }))
}

/// What, why and the fix, in one block; ID and phone numbers masked.
pub fn explain(rules: &RuleSet, f: &Finding, lang: Lang) -> String {
    let why = rules.get(&f.rule).map(|r| r.why.get(lang).to_string()).unwrap_or_default();
    let level = match (f.severity, lang) {
        (Severity::Error, Lang::Zh) => "错误",
        (Severity::Warning, Lang::Zh) => "警告",
        (Severity::Info, Lang::Zh) => "提示",
        (s, Lang::En) => s.as_str(),
    };
    let mut s = format!("[{level} {}] {}", f.rule, f.message.get(lang));
    if !why.is_empty() {
        s.push_str(&format!("\n    {}{}", tr(lang, "原因：", "Why: "), why));
    }
    if !f.fix.get(lang).is_empty() {
        s.push_str(&format!("\n    {}{}", tr(lang, "修改：", "Fix: "), f.fix.get(lang)));
    }
    crate::text::display(&s)
}

/// Typed text → TOML value. `Ok(None)` = left empty.
pub fn parse_answer(kind: Kind, raw: &str, lang: Lang) -> Result<Option<Value>, String> {
    let s = raw.trim();
    if s.is_empty() {
        return Ok(None);
    }
    let date = |s: &str| {
        let digits: String = s.chars().filter(|c| c.is_ascii_digit()).collect();
        NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .or_else(|_| NaiveDate::parse_from_str(s, "%Y/%m/%d"))
            .or_else(|_| NaiveDate::parse_from_str(s, "%Y.%m.%d"))
            .or_else(|_| NaiveDate::parse_from_str(&digits, "%Y%m%d"))
            .ok()
    };
    let bad_date = || {
        tr(
            lang,
            &format!("“{s}”不是日期：请写成 2031-05-01 的样子"),
            &format!("\"{s}\" is not a date: write it like 2031-05-01"),
        )
    };
    match kind {
        Kind::Text => Ok(Some(Value::String(s.to_string()))),
        Kind::Date => date(s).map(|d| Some(edit::parse_value(&d.to_string()))).ok_or_else(bad_date),
        Kind::Validity => {
            if ["长期", "长期有效", "long-term", "longterm", "long term"]
                .iter()
                .any(|x| s.eq_ignore_ascii_case(x))
            {
                return Ok(Some(Value::String("long-term".into())));
            }
            date(s).map(|d| Some(edit::parse_value(&d.to_string()))).ok_or_else(|| {
                tr(
                    lang,
                    &format!("“{s}”不是日期：请写成 2031-05-01，或写“长期”"),
                    &format!("\"{s}\" is not a date: write it like 2031-05-01, or \"long-term\""),
                )
            })
        }
        Kind::Int => s
            .parse::<i64>()
            .map(|n| Some(Value::Integer(n)))
            .map_err(|_| tr(lang, &format!("“{s}”不是整数"), &format!("\"{s}\" is not a whole number"))),
        Kind::List => {
            let items: Vec<Value> = s
                .split([',', '，', '、', ' '])
                .map(str::trim)
                .filter(|x| !x.is_empty())
                .map(|x| Value::String(x.to_string()))
                .collect();
            Ok(Some(Value::Array(items)))
        }
    }
}

/// Why an answer is refused.
enum Refusal {
    /// Not even the right shape (not a date …): always asked again.
    Shape(String),
    /// A rule says no. Typing the same answer twice keeps it (the review lists it).
    Rule(String),
}

/// The check a typed answer goes through, shared by every prompter.
fn judge(rules: &RuleSet, lang: Lang, draft: &Table, key: &str, kind: Kind, optional: bool, raw: &str) -> Result<(), Refusal> {
    let value = match parse_answer(kind, raw, lang).map_err(Refusal::Shape)? {
        Some(v) => v,
        None if optional => return Ok(()),
        None => {
            return Err(Refusal::Shape(tr(lang, "这一项必填", "This one is required")));
        }
    };
    let mut t = draft.clone();
    if edit::set(&mut t, key, value).is_err() {
        return Ok(());
    }
    let errs = key_errors(rules, &t, key);
    if errs.is_empty() {
        Ok(())
    } else {
        Err(Refusal::Rule(
            errs.iter().map(|f| explain(rules, f, lang)).collect::<Vec<_>>().join("\n"),
        ))
    }
}

/// Error findings about `key` (or inside it), leaving out "this is missing" rules and rules
/// that a later question settles.
fn key_errors(rules: &RuleSet, t: &Table, key: &str) -> Vec<Finding> {
    evaluate(rules, t)
        .findings
        .into_iter()
        .filter(|f| {
            f.severity == Severity::Error && about(&f.field, key) && !is_required_rule(rules, &f.rule) && !is_followup_rule(rules, &f.rule)
        })
        .collect()
}

/// A snapshot of what the rules say, to tell what an answer changed.
struct Snapshot {
    findings: HashSet<(String, String)>,
    materials: HashSet<String>,
}

impl<'a> Flow<'a> {
    pub fn new(
        rules: &'static RuleSet,
        lang: Lang,
        draft: Table,
        progress: Progress,
        prompter: &'a mut dyn Prompter,
        save: Saver<'a>,
    ) -> Self {
        Flow {
            rules,
            lang,
            draft,
            progress,
            prompter,
            save,
            missing: Vec::new(),
            invalid: Vec::new(),
            today: chrono::Local::now().date_naive(),
        }
    }

    /// Fix "today" (the default filing date) for tests.
    pub fn today(mut self, d: NaiveDate) -> Self {
        self.today = d;
        self
    }

    fn t(&self, zh: &str, en: &str) -> String {
        tr(self.lang, zh, en)
    }

    fn zh(&self) -> bool {
        self.lang == Lang::Zh
    }

    fn saved(&mut self) {
        (self.save)(&self.draft, &self.progress);
    }

    fn set(&mut self, key: &str, v: Value) {
        // Keys come from the flow itself; a value of the wrong shape from an answers file
        // (`document = []`) gives way to the answer instead of panicking.
        let _ = edit::set_replacing(&mut self.draft, key, v);
        self.saved();
    }

    /// Take an answer back before asking again, so its findings count as new next time.
    fn unset(&mut self, key: &str) {
        edit::remove(&mut self.draft, key);
        self.saved();
    }

    fn has(&self, key: &str) -> bool {
        get(&self.draft, key).is_some()
    }

    fn snapshot(&self) -> Snapshot {
        let r = evaluate(self.rules, &self.draft);
        Snapshot {
            findings: r
                .findings
                .iter()
                .filter(|f| !is_required_rule(self.rules, &f.rule))
                .map(|f| (f.rule.clone(), f.field.clone()))
                .collect(),
            materials: r.checklist.iter().map(|c| c.key().to_string()).collect(),
        }
    }

    /// Findings about `key` (or a table holding it) and materials that appeared since
    /// `before`. Findings elsewhere wait for the review: the draft is still incomplete, and a
    /// rule over several answers lands on the key answered last.
    fn news(&self, before: &Snapshot, key: &str) -> (Vec<Finding>, Vec<String>) {
        let r = evaluate(self.rules, &self.draft);
        let findings = r
            .findings
            .into_iter()
            .filter(|f| {
                !is_required_rule(self.rules, &f.rule)
                    && !before.findings.contains(&(f.rule.clone(), f.field.clone()))
                    && (about(&f.field, key) || (!f.field.is_empty() && under(key, &f.field)))
            })
            .collect();
        let materials = r
            .checklist
            .iter()
            .filter(|c| !before.materials.contains(c.key()))
            .map(|c| {
                let why = c.why().get(self.lang);
                if why.is_empty() {
                    c.material().get(self.lang).to_string()
                } else {
                    format!("{}（{}）", c.material().get(self.lang), why)
                }
            })
            .collect();
        (findings, materials)
    }

    fn note(&mut self, s: &str) {
        self.prompter.note(s);
    }

    fn show_findings(&mut self, fs: &[Finding]) {
        for f in fs {
            let s = explain(self.rules, f, self.lang);
            self.note(&s);
        }
    }

    /// A prefilled answer (answers file, `--set`, resume): validated, not asked. Returns
    /// whether it stands.
    fn prefilled_stands(&mut self, key: &str) -> bool {
        if !self.has(key) {
            return false;
        }
        let errs = key_errors(self.rules, &self.draft, key);
        if errs.is_empty() {
            return true;
        }
        if !self.prompter.interactive() {
            self.invalid.extend(errs);
            return true;
        }
        let head = self.t(
            "预先填写的答案有问题，请重新回答：",
            "A prefilled answer breaks a rule; please answer again:",
        );
        self.note(&head);
        self.show_findings(&errs);
        edit::remove(&mut self.draft, key);
        self.saved();
        false
    }

    fn mark_missing(&mut self, q: &Question) {
        if !q.optional && !self.missing.iter().any(|m| m.key == q.key) {
            self.missing.push(Missing {
                key: q.key.clone(),
                prompt: q.prompt.clone(),
            });
        }
    }

    /// Ask for free text (unless prefilled), validate it with the rules, write it.
    fn ask(&mut self, q: Question, kind: Kind, default: Option<String>) -> R<Option<Value>> {
        if self.prefilled_stands(&q.key) {
            return Ok(get(&self.draft, &q.key).cloned());
        }
        if self.progress.skipped.contains(&q.key) {
            return Ok(None);
        }
        let before = self.snapshot();
        let (rules, lang, optional) = (self.rules, self.lang, q.optional);
        let draft = self.draft.clone();
        let key = q.key.clone();
        let mut last_refused: Option<String> = None;
        let mut validate = |raw: &str| -> Result<(), String> {
            match judge(rules, lang, &draft, &key, kind, optional, raw) {
                Ok(()) => Ok(()),
                Err(Refusal::Shape(e)) => Err(e),
                Err(Refusal::Rule(e)) => {
                    if last_refused.as_deref() == Some(raw.trim()) {
                        return Ok(());
                    }
                    last_refused = Some(raw.trim().to_string());
                    Err(format!(
                        "{e}\n{}",
                        tr(
                            lang,
                            "请重新输入（确实如此时再输入一次同样的内容即可保留，最后的检查会列出它）",
                            "Please answer again (to keep it anyway, enter the same answer once more; the review will list it)"
                        )
                    ))
                }
            }
        };
        let reply = self.prompter.input(&q, default.as_deref(), &mut validate)?;
        let raw = match reply {
            Reply::Answer(s) => s,
            Reply::Missing => {
                self.mark_missing(&q);
                return Ok(None);
            }
        };
        match parse_answer(kind, &raw, lang).ok().flatten() {
            None => {
                self.progress.skipped.push(q.key.clone());
                self.saved();
                Ok(None)
            }
            Some(v) => {
                self.set(&q.key, v.clone());
                let (news, _) = self.news(&before, &q.key);
                self.show_findings(&news);
                Ok(Some(v))
            }
        }
    }

    /// Pick one of `choices` (unless prefilled); returns the chosen id. When the answer has
    /// consequences (new findings or materials), they are shown and the person may choose again.
    fn choose(&mut self, q: Question, choices: &[Choice], default: usize, consequences: bool) -> R<Option<String>> {
        if self.prefilled_stands(&q.key) {
            return Ok(get_str(&self.draft, &q.key).map(str::to_string));
        }
        loop {
            let before = self.snapshot();
            let i = match self.prompter.select(&q, choices, default)? {
                Reply::Answer(i) => i,
                Reply::Missing => {
                    self.mark_missing(&q);
                    return Ok(None);
                }
            };
            let id = choices[i].id.clone();
            self.set(&q.key, Value::String(id.clone()));
            if self.accept_consequences(&before, &q.key, consequences)? {
                return Ok(Some(id));
            }
            self.unset(&q.key);
        }
    }

    /// Yes/no bound to a draft key.
    fn yes_no(&mut self, q: Question, default: bool, consequences: bool) -> R<Option<bool>> {
        if self.prefilled_stands(&q.key) {
            return Ok(get(&self.draft, &q.key).and_then(Value::as_bool));
        }
        loop {
            let before = self.snapshot();
            let b = match self.prompter.confirm(&q, default)? {
                Reply::Answer(b) => b,
                Reply::Missing => {
                    self.mark_missing(&q);
                    return Ok(None);
                }
            };
            self.set(&q.key, Value::Boolean(b));
            if self.accept_consequences(&before, &q.key, consequences)? {
                return Ok(Some(b));
            }
            self.unset(&q.key);
        }
    }

    /// A yes/no about the flow itself (not a draft key). `None` when nobody can answer.
    fn ask_flow(&mut self, prompt: String, default: bool) -> R<Option<bool>> {
        let q = Question::new("", prompt);
        Ok(match self.prompter.confirm(&q, default)? {
            Reply::Answer(b) => Some(b),
            Reply::Missing => None,
        })
    }

    /// Show what an answer brought (findings, materials). Errors, or consequences worth a
    /// confirmation, ask "keep this answer?"; false = ask the question again.
    fn accept_consequences(&mut self, before: &Snapshot, key: &str, consequences: bool) -> R<bool> {
        let (findings, materials) = self.news(before, key);
        if findings.is_empty() && materials.is_empty() {
            return Ok(true);
        }
        self.show_findings(&findings);
        let has_error = findings.iter().any(|f| f.severity == Severity::Error);
        if !materials.is_empty() {
            let head = self.t("这个回答意味着还需要准备：", "With this answer you will also need:");
            let list = materials.iter().map(|m| format!("  · {m}")).collect::<Vec<_>>().join("\n");
            self.note(&format!("{head}\n{list}"));
        }
        if !(has_error || (consequences && !materials.is_empty())) || !self.prompter.interactive() {
            return Ok(true);
        }
        let prompt = if has_error {
            self.t(
                "保留这个回答并继续吗？（选“否”重新回答）",
                "Keep this answer and continue? (No = answer again)",
            )
        } else {
            self.t("继续吗？（选“否”重新回答）", "Continue? (No = answer again)")
        };
        Ok(self.ask_flow(prompt, !has_error)?.unwrap_or(true))
    }

    // ------------------------------------------------------------------ the steps

    /// Run every step not yet done. Returns when the draft is ready for the review.
    pub fn run(&mut self) -> R {
        if !self.has("format") {
            self.set("format", Value::Integer(1));
        }
        let total = STEPS.len() + 1;
        for (i, step) in STEPS.iter().enumerate() {
            if self.progress.done.iter().any(|d| d == step) {
                continue;
            }
            let title = self.step_title(step);
            self.prompter.heading(&format!("[{}/{}] {}", i + 1, total, title));
            match *step {
                "account" => self.account()?,
                "principal" => self.principal()?,
                "responsible" => self.responsible()?,
                "domains" => self.domains()?,
                "websites" => self.websites()?,
                _ => unreachable!(),
            }
            self.progress.done.push(step.to_string());
            self.saved();
        }
        Ok(())
    }

    fn step_title(&self, step: &str) -> String {
        step_name(step, self.lang)
    }

    fn account(&mut self) -> R {
        let labels = [
            ("huaweicloud", "华为云", "Huawei Cloud"),
            ("aliyun", "阿里云", "Alibaba Cloud"),
            ("tencentcloud", "腾讯云", "Tencent Cloud"),
            ("other", "其他", "Other"),
        ];
        let choices: Vec<Choice> = PROVIDERS
            .iter()
            .map(|p| {
                let l = labels.iter().find(|l| l.0 == *p);
                Choice::new(*p, l.map(|l| if self.zh() { l.1 } else { l.2 }).unwrap_or(p))
            })
            .collect();
        let q = Question::new("account.provider", self.t("接入商（云服务商）", "Access provider (cloud)"))
            .help(self.t(
                "网站服务器所在的云服务商，备案由它代为提交",
                "The cloud provider hosting the site; it submits the filing",
            ))
            .optional();
        let provider = self.choose(q, &choices, 0, false)?;
        let q = Question::new(
            "account.real_name_verified",
            self.t("云账号已完成实名认证？", "Has the cloud account passed real-name verification?"),
        )
        .help(self.t(
            "实名认证的主体须与备案主体一致",
            "The verified owner must be the filing's principal",
        ));
        self.yes_no(q, true, true)?;
        let choices: Vec<Choice> = FilingType::ALL
            .iter()
            .map(|f| {
                Choice::new(
                    f.id(),
                    if self.zh() {
                        f.zh().to_string()
                    } else {
                        format!("{} ({})", f.id(), f.zh())
                    },
                )
            })
            .collect();
        let q = Question::new("account.filing_type", self.t("备案类型", "Filing type")).help(self.t(
            "第一次为这个主体备案选“首次备案”",
            "First filing for this principal: choose the first one",
        ));
        self.choose(q, &choices, 0, false)?;
        let choices: Vec<Choice> = RESOURCE_KINDS
            .iter()
            .map(|k| {
                let zh = match *k {
                    "ecs" => "云服务器 ECS",
                    "lightweight" => "轻量应用服务器",
                    "authorization_code" => "备案授权码",
                    "cdn" => "CDN",
                    "oss" => "对象存储",
                    "bare_metal" => "裸金属服务器",
                    _ => "其他",
                };
                Choice::new(*k, if self.zh() { format!("{zh} ({k})") } else { k.to_string() })
            })
            .collect();
        let q = Question::new("account.resource.kind", self.t("备案资源类型", "Resource that backs the filing"))
            .help(self.t(
                "用于备案的云资源，须为中国内地地域",
                "The cloud resource used for the filing; must be in mainland China",
            ))
            .optional();
        self.choose(q, &choices, 0, false)?;
        let region = match provider.as_deref() {
            Some("huaweicloud") => Some("cn-south-1"),
            Some("aliyun") => Some("cn-hangzhou"),
            Some("tencentcloud") => Some("ap-guangzhou"),
            _ => None,
        };
        let q = Question::new(
            "account.resource.region",
            self.t("资源所在地域（区域代码）", "Resource region (region id)"),
        )
        .help(self.t(
            "控制台里看到的区域代码，如 cn-south-1；不能是香港或海外",
            "As in the console, e.g. cn-south-1; not Hong Kong or overseas",
        ))
        .optional();
        self.ask(q, Kind::Text, region.map(str::to_string))?;
        let q = Question::new(
            "account.resource.purchased_months",
            self.t("资源已购买时长（月，含续费）", "Months paid for the resource (renewals included)"),
        )
        .help(self.t("多数接入商要求包年包月 3 个月以上", "Most providers require at least 3 paid months"))
        .optional();
        self.ask(q, Kind::Int, Some("12".into()))?;
        let q = Question::new(
            "account.resource.filings_used",
            self.t("这台资源已用于几个备案", "Filings this resource already backs"),
        )
        .optional();
        self.ask(q, Kind::Int, Some("0".into()))?;
        let q = Question::new("filing_date", self.t("计划提交备案的日期", "Day you plan to submit"))
            .help(self.t(
                "所有日期规则按这一天检查；格式 2026-12-01",
                "Every date rule is checked as of this day; e.g. 2026-12-01",
            ))
            .optional();
        self.ask(q, Kind::Date, Some(self.today.to_string()))?;
        Ok(())
    }

    fn kind(&self) -> Option<PrincipalKind> {
        get_str(&self.draft, "principal.kind").and_then(PrincipalKind::parse)
    }

    fn province(&self) -> Option<&'static province::Province> {
        get_str(&self.draft, "principal.province").and_then(province::resolve)
    }

    fn doc_label(&self, d: DocType) -> String {
        if self.zh() {
            d.zh().to_string()
        } else {
            format!("{} ({})", d.id(), d.zh())
        }
    }

    /// The principal document types the rules allow for a kind, from the rule table.
    fn allowed_principal_docs(&self, kind: PrincipalKind) -> Vec<DocType> {
        let from_rules = self.rules.rules.iter().find_map(|r| match &r.check {
            Check::PrincipalDocumentType { allowed } => allowed.get(kind.id()).cloned(),
            _ => None,
        });
        match from_rules {
            Some(ids) if !ids.is_empty() => ids.iter().filter_map(|i| DocType::parse(i)).collect(),
            _ => DocType::ALL.to_vec(),
        }
    }

    fn principal(&mut self) -> R {
        let choices: Vec<Choice> = PrincipalKind::ALL
            .iter()
            .map(|k| {
                Choice::new(
                    k.id(),
                    if self.zh() {
                        k.zh().to_string()
                    } else {
                        format!("{} ({})", k.id(), k.zh())
                    },
                )
            })
            .collect();
        let q = Question::new("principal.kind", self.t("备案主体性质", "Kind of principal")).help(self.t(
            "以个人名义备案选“个人”；公司选“企业”",
            "Filing as a person: individual; a company: enterprise",
        ));
        self.choose(q, &choices, 0, false)?;
        let choices: Vec<Choice> = PROVINCES
            .iter()
            .map(|p| {
                Choice::new(
                    p.short,
                    if self.zh() {
                        p.short.to_string()
                    } else {
                        format!("{} ({})", p.english, p.short)
                    },
                )
            })
            .collect();
        let default = PROVINCES.iter().position(|p| p.code == 44).unwrap_or(0);
        let q = Question::new("principal.province", self.t("备案地域（省份）", "Filing region (province)")).help(self.t(
            "个人：身份证或居住证所在省份；单位：证件住所所在省份。它决定由哪个管局审核",
            "Individuals: the province of the ID or residence permit; organisations: of the certificate's address. It decides the bureau",
        ));
        self.choose(q, &choices, default, false)?;
        let individual = self.kind() == Some(PrincipalKind::Individual);

        let q = if individual {
            Question::new("principal.name", self.t("您的姓名（与证件一致）", "Your name (as on your ID)"))
        } else {
            Question::new(
                "principal.name",
                self.t(
                    "主办单位名称（与证件完全一致）",
                    "Name of the organisation (exactly as on its certificate)",
                ),
            )
        };
        self.ask(q, Kind::Text, None)?;

        let allowed = self
            .kind()
            .map(|k| self.allowed_principal_docs(k))
            .unwrap_or_else(|| DocType::ALL.to_vec());
        let q = Question::new("principal.document.type", self.t("主体证件类型", "Principal's document type")).help(self.t(
            "内地居民用居民身份证；港澳台及外籍人士选相应证件",
            "Mainland residents: resident ID; HK, Macau, Taiwan and foreign: the matching document",
        ));
        if allowed.len() == 1 && !self.has(&q.key) {
            let d = allowed[0];
            self.note(&format!(
                "{}{}",
                self.t("主体证件类型：", "Principal's document type: "),
                self.doc_label(d)
            ));
            self.set("principal.document.type", Value::String(d.id().into()));
        } else {
            let choices: Vec<Choice> = allowed.iter().map(|d| Choice::new(d.id(), self.doc_label(*d))).collect();
            self.choose(q, &choices, 0, true)?;
        }
        let doc = get_str(&self.draft, "principal.document.type").and_then(DocType::parse);
        let number_help = match doc {
            Some(DocType::ResidentId) => self.t(
                "18 位，最后一位可能是 X；出生日期和省份会从号码读出",
                "18 characters, the last may be X; birth date and province are read from it",
            ),
            Some(DocType::TaiwanPermit) => self.t(
                "填写台湾身份证号码（1 个字母加 9 位数字），不是 8 位通行证号码",
                "The Taiwan ID number (a letter and 9 digits), not the 8-digit permit number",
            ),
            Some(DocType::BusinessLicense | DocType::GovernmentCode) => {
                self.t("18 位统一社会信用代码", "The 18-character unified social credit code")
            }
            _ => self.t("与证件上印的完全一致", "Exactly as printed on the document"),
        };
        let mut q = Question::new("principal.document.number", self.t("主体证件号码", "Principal's document number")).help(number_help);
        if individual {
            q = q.pii();
        }
        self.ask(q, Kind::Text, None)?;
        if individual {
            self.read_id("principal.document");
            self.copy_self();
        }
        let q = Question::new("principal.document.valid_until", self.t("证件有效期至", "Document valid until")).help(self.t(
            "格式 2031-05-01；长期有效写“长期”",
            "Like 2031-05-01; write long-term if it never expires",
        ));
        let default = if individual { None } else { Some("long-term".to_string()) };
        self.ask(q, Kind::Validity, default)?;

        let q = if individual {
            Question::new("principal.address", self.t("证件上的住址", "Address printed on your ID"))
                .help(self.t("照抄证件上的住址", "Copy it from the document"))
        } else {
            Question::new(
                "principal.address",
                self.t("证件住所（证件上的地址）", "Address on the certificate"),
            )
            .help(self.t(
                "照抄营业执照等证件上的住所，须在备案省份",
                "Copy it from the licence; it must be in the filing province",
            ))
        };
        let addr = self.ask(q, Kind::Text, None)?;
        let q = Question::new(
            "principal.mailing_address",
            self.t("通信地址（能收到邮件的详细地址）", "Mailing address (where post reaches you)"),
        )
        .help(self.t(
            "写到门牌号；直接回车表示与证件地址相同",
            "Down to the door number; Enter = same as the certificate address",
        ));
        self.ask(q, Kind::Text, addr.and_then(|v| v.as_str().map(str::to_string)))?;

        if individual {
            // An individual is their own responsible person, with the same document.
            self.copy_self();
        }
        Ok(())
    }

    /// For an individual: principal.responsible is the principal, with the same document.
    fn copy_self(&mut self) {
        let before = self.snapshot();
        if let Some(name) = get(&self.draft, "principal.name").cloned()
            && !self.has("principal.responsible.name")
        {
            edit::set(&mut self.draft, "principal.responsible.name", name).ok();
        }
        if let Some(Value::Table(doc)) = get(&self.draft, "principal.document").cloned() {
            for (k, v) in doc {
                let key = format!("principal.responsible.document.{k}");
                if !self.has(&key) {
                    edit::set(&mut self.draft, &key, v).ok();
                }
            }
        }
        if let Some(addr) = get(&self.draft, "principal.address").cloned()
            && !self.has("principal.responsible.document.address")
        {
            edit::set(&mut self.draft, "principal.responsible.document.address", addr).ok();
        }
        self.saved();
        // Rules that read the responsible person's document (Taiwan ID number …) speak now.
        let (news, _) = self.news(&before, "principal.responsible");
        let news: Vec<Finding> = news.into_iter().filter(|f| f.severity != Severity::Error).collect();
        self.show_findings(&news);
    }

    /// Tell what the ID number says, so nobody is asked for it again.
    fn read_id(&mut self, doc_path: &str) {
        if get_str(&self.draft, &format!("{doc_path}.type")).and_then(DocType::parse) != Some(DocType::ResidentId) {
            return;
        }
        let Some(id) = get_str(&self.draft, &format!("{doc_path}.number")).and_then(|n| resident_id::parse(n).ok()) else {
            return;
        };
        let day = get(&self.draft, "filing_date")
            .and_then(|v| v.as_datetime())
            .and_then(|d| d.to_string().parse::<NaiveDate>().ok())
            .unwrap_or(self.today);
        let age = resident_id::age_on(id.birth, day);
        let home = resident_id::province_name(id.province).unwrap_or("?");
        let s = if self.zh() {
            format!(
                "从证件号码读出：出生日期 {}（{} 岁），{}，{}。这些不用再填。",
                id.birth,
                age,
                home,
                if id.male { "男" } else { "女" }
            )
        } else {
            format!(
                "Read from the ID number: born {} (age {}), {}, {}. No need to enter these.",
                id.birth,
                age,
                home,
                if id.male { "male" } else { "female" }
            )
        };
        self.note(&s);
    }

    fn responsible(&mut self) -> R {
        let individual = self.kind() == Some(PrincipalKind::Individual);
        if individual {
            let s = self.t(
                "个人备案的主体负责人就是您本人，证件信息已填好；下面填写联系方式。",
                "For an individual the responsible person is you, with the same document; now your contact details.",
            );
            self.note(&s);
            self.copy_self();
        }
        self.person("principal.responsible", !individual, individual)?;
        Ok(())
    }

    /// The questions for one person table at `path`.
    fn person(&mut self, path: &str, ask_identity: bool, individual: bool) -> R {
        let key = |k: &str| format!("{path}.{k}");
        if ask_identity {
            let q = Question::new(key("name"), self.t("负责人姓名", "Responsible person's name"));
            self.ask(q, Kind::Text, None)?;
            let q = Question::new(
                key("is_legal_representative"),
                self.t("此人是法定代表人吗？", "Is this person the legal representative?"),
            )
            .help(self.t("营业执照上的法定代表人/负责人", "The legal representative named on the licence"))
            .optional();
            self.yes_no(q, true, true)?;
            let personal: Vec<DocType> = DocType::ALL.iter().copied().filter(|d| d.is_personal()).collect();
            let choices: Vec<Choice> = personal.iter().map(|d| Choice::new(d.id(), self.doc_label(*d))).collect();
            let q = Question::new(key("document.type"), self.t("负责人证件类型", "Responsible person's document type"));
            self.choose(q, &choices, 0, true)?;
            let q = Question::new(
                key("document.number"),
                self.t("负责人证件号码", "Responsible person's document number"),
            )
            .help(self.t("与证件上印的完全一致", "Exactly as printed on the document"))
            .pii();
            self.ask(q, Kind::Text, None)?;
            self.read_id(&key("document"));
            let q = Question::new(key("document.valid_until"), self.t("证件有效期至", "Document valid until")).help(self.t(
                "格式 2031-05-01；长期有效写“长期”",
                "Like 2031-05-01; write long-term if it never expires",
            ));
            self.ask(q, Kind::Validity, None)?;
            let q = Question::new(
                key("document.address"),
                self.t("证件上的住址（可不填）", "Address on the document (optional)"),
            )
            .optional();
            self.ask(q, Kind::Text, None)?;
        }
        self.residence_followup(path, individual)?;

        let q = Question::new(key("contact.mobile"), self.t("手机号码", "Mobile number"))
            .help(self.t(
                "11 位中国内地手机号，须能接收短信核验",
                "11-digit mainland mobile; it receives the verification SMS",
            ))
            .pii();
        self.ask(q, Kind::Text, None)?;
        let q = Question::new(key("contact.emergency_phone"), self.t("应急联系电话", "Emergency phone"))
            .help(self.t(
                "另一个能联系到您的号码，不能与手机号码相同",
                "Another number that reaches you; not the same as the mobile",
            ))
            .pii();
        self.ask(q, Kind::Text, None)?;
        let q = Question::new(
            key("contact.phone"),
            self.t("固定电话（可不填，如 0755-86000000）", "Landline (optional, e.g. 0755-86000000)"),
        )
        .pii()
        .optional();
        self.ask(q, Kind::Text, None)?;
        let q = Question::new(key("contact.email"), self.t("电子邮箱", "E-mail"))
            .help(self.t("管局会发通知到这个邮箱", "The bureau sends notices here"));
        self.ask(q, Kind::Text, None)?;
        Ok(())
    }

    /// When the person's document is from another province (or is a HK/Macau/Taiwan or
    /// foreign travel document), ask for the residence permit the bureau wants.
    fn residence_followup(&mut self, path: &str, individual: bool) -> R {
        if !self.prompter.interactive()
            || self.has(&format!("{path}.residence_permit"))
            || self.has(&format!("{path}.social_security_months"))
        {
            return Ok(());
        }
        let Some(prov) = self.province() else { return Ok(()) };
        let doc = get_str(&self.draft, &format!("{path}.document.type")).and_then(DocType::parse);
        let doc_field = format!("{path}.document.number");
        let out_of_province = evaluate(self.rules, &self.draft)
            .findings
            .iter()
            .any(|f| f.field == doc_field && is_followup_rule(self.rules, &f.rule));
        let travel_doc = individual && matches!(doc, Some(DocType::HkMacauPermit | DocType::TaiwanPermit | DocType::Passport));
        if !(out_of_province || travel_doc) {
            return Ok(());
        }
        let why = if out_of_province {
            self.t(
                &format!(
                    "证件不是{}的，{}管局可能要求本省居住证（或社保、房产证明）。",
                    prov.short, prov.short
                ),
                &format!(
                    "The ID is not from {}; the {} bureau may want a local residence permit (or social security, or property).",
                    prov.english, prov.english
                ),
            )
        } else {
            self.t(
                &format!("持通行证或护照备案时，{}管局通常要求港澳台居民居住证或本省居住证。", prov.short),
                &format!(
                    "With a travel permit or passport, the {} bureau usually wants a residence permit.",
                    prov.english
                ),
            )
        };
        self.note(&why);
        let has = self.ask_flow(
            self.t(
                &format!("有有效的{}居住证吗？", prov.short),
                &format!("Do you hold a valid {} residence permit?", prov.english),
            ),
            true,
        )?;
        if has == Some(true) {
            self.set(&format!("{path}.residence_permit.province"), Value::String(prov.short.into()));
            let q = Question::new(
                format!("{path}.residence_permit.valid_until"),
                self.t("居住证有效期至", "Residence permit valid until"),
            )
            .help(self.t("格式 2028-05-01", "Like 2028-05-01"));
            self.ask(q, Kind::Date, None)?;
        } else if out_of_province {
            let q = Question::new(
                format!("{path}.social_security_months"),
                self.t(
                    &format!("在{}连续缴纳社保的月数", prov.short),
                    &format!("Months of social security paid in {}", prov.english),
                ),
            );
            self.ask(q, Kind::Int, Some("0".into()))?;
        }
        Ok(())
    }

    fn principal_doc(&self) -> (Option<String>, Option<String>, Option<String>) {
        (
            get_str(&self.draft, "principal.name").map(str::to_string),
            get_str(&self.draft, "principal.document.type").map(str::to_string),
            get_str(&self.draft, "principal.document.number").map(str::to_string),
        )
    }

    fn domains(&mut self) -> R {
        let mut i = 0;
        loop {
            let base = format!("domain.{i}");
            if i > 0 && !self.has(&base) {
                let more = self.ask_flow(self.t("再添加一个域名吗？", "Add another domain?"), false)?;
                if more != Some(true) {
                    break;
                }
            }
            self.domain(i)?;
            i += 1;
        }
        Ok(())
    }

    fn domain(&mut self, i: usize) -> R {
        let key = |k: &str| format!("domain.{i}.{k}");
        let q = Question::new(key("name"), self.t("域名", "Domain name")).help(self.t(
            "已注册的主域名，如 example.com 或 例子.中国，不带 www",
            "The registered domain, e.g. example.com or 例子.中国, without www",
        ));
        self.ask(q, Kind::Text, None)?;
        let (pname, ptype, pnumber) = self.principal_doc();
        if !self.has(&key("holder")) && !self.has(&key("holder_document_number")) && pname.is_some() && self.prompter.interactive() {
            let who = pname.clone().unwrap_or_default();
            let same = self.ask_flow(
                self.t(
                    &format!("域名持有者就是备案主体“{who}”（证件相同）吗？"),
                    &format!("Is the domain holder the principal \"{who}\" (same document)?"),
                ),
                true,
            )?;
            if same == Some(true) {
                let before = self.snapshot();
                self.set(&key("holder"), Value::String(who));
                if let Some(t) = ptype {
                    self.set(&key("holder_document_type"), Value::String(t));
                }
                if let Some(n) = pnumber {
                    self.set(&key("holder_document_number"), Value::String(n));
                }
                self.accept_consequences(&before, &format!("domain.{i}"), false)?;
            }
        }
        let q = Question::new(
            key("holder"),
            self.t("域名持有者（实名认证的名称）", "Domain holder (as in the real-name record)"),
        )
        .help(self.t("须与备案主体名称一致", "Must match the principal's name"));
        self.ask(q, Kind::Text, pname)?;
        let choices: Vec<Choice> = DocType::ALL.iter().map(|d| Choice::new(d.id(), self.doc_label(*d))).collect();
        let default = ptype_index(&self.draft);
        let q = Question::new(key("holder_document_type"), self.t("域名持有者证件类型", "Holder's document type")).optional();
        self.choose(q, &choices, default, false)?;
        let q = Question::new(
            key("holder_document_number"),
            self.t("域名持有者证件号码", "Holder's document number"),
        )
        .pii();
        self.ask(q, Kind::Text, None)?;
        let q = Question::new(
            key("real_name_verified"),
            self.t("域名已完成实名认证？", "Has the domain passed real-name verification?"),
        )
        .help(self.t(
            "在注册商控制台查看；未实名的域名不能备案",
            "See the registrar's console; unverified domains cannot be filed",
        ));
        self.yes_no(q, true, true)?;
        let q = Question::new(
            key("real_name_verified_on"),
            self.t("实名认证通过日期（可不填）", "Day the real-name check passed (optional)"),
        )
        .optional();
        self.ask(q, Kind::Date, None)?;
        let q = Question::new(
            key("registered_on"),
            self.t("域名注册日期（可不填）", "Registration date (optional)"),
        )
        .optional();
        self.ask(q, Kind::Date, None)?;
        let q = Question::new(key("expires_on"), self.t("域名到期日期", "Expiry date")).help(self.t(
            "格式 2028-10-01；须比提交日晚 3 个月以上",
            "Like 2028-10-01; at least 3 months after submission",
        ));
        self.ask(q, Kind::Date, None)?;
        let q = Question::new(key("registrar"), self.t("域名注册商（可不填）", "Registrar (optional)")).optional();
        self.ask(q, Kind::Text, None)?;
        Ok(())
    }

    fn domain_names(&self) -> Vec<String> {
        get(&self.draft, "domain")
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(|d| d.get("name").and_then(Value::as_str).map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    }

    fn websites(&mut self) -> R {
        let mut i = 0;
        loop {
            let base = format!("website.{i}");
            if i > 0 && !self.has(&base) {
                let more = self.ask_flow(self.t("再添加一个网站吗？", "Add another website?"), false)?;
                if more != Some(true) {
                    break;
                }
            }
            self.website(i)?;
            i += 1;
        }
        Ok(())
    }

    fn website(&mut self, i: usize) -> R {
        let key = |k: &str| format!("website.{i}.{k}");
        let individual = self.kind() == Some(PrincipalKind::Individual);
        let help = if individual {
            self.t(
                "至少 3 个汉字，不能是域名或英文，不能含“公司”“官网”“论坛”等字样；如“张三的技术笔记”",
                "At least 3 Chinese characters; not a domain or English; no 公司/官网/论坛; e.g. 张三的技术笔记",
            )
        } else {
            self.t(
                "至少 3 个汉字，能看出网站的内容，如“示例科技官网”",
                "At least 3 Chinese characters describing the site, e.g. 示例科技官网",
            )
        };
        let q = Question::new(key("name"), self.t("网站名称", "Website name")).help(help);
        self.ask(q, Kind::Text, None)?;
        let names = self.domain_names();
        if !self.prefilled_stands(&key("domains")) {
            match names.len() {
                0 => {
                    let q = Question::new(
                        key("domains"),
                        self.t("网站使用的域名（逗号分隔）", "Domains of the website (comma-separated)"),
                    );
                    self.ask(q, Kind::List, None)?;
                }
                1 => {
                    self.note(&format!("{}{}", self.t("网站域名：", "Website domain: "), names[0]));
                    self.set(&key("domains"), Value::Array(vec![Value::String(names[0].clone())]));
                }
                _ => {
                    let choices: Vec<Choice> = names.iter().map(|n| Choice::new(n.clone(), n.clone())).collect();
                    let q = Question::new(key("domains"), self.t("网站使用的域名", "Domain of the website"));
                    // The answer is a list in the draft; pick one here.
                    let before = self.snapshot();
                    match self.prompter.select(&q, &choices, i.min(names.len() - 1))? {
                        Reply::Answer(n) => {
                            self.set(&q.key, Value::Array(vec![Value::String(names[n].clone())]));
                            self.accept_consequences(&before, &q.key, false)?;
                        }
                        Reply::Missing => self.mark_missing(&q),
                    }
                }
            }
        }
        let first = get(&self.draft, &key("domains"))
            .and_then(Value::as_array)
            .and_then(|a| a.first())
            .and_then(Value::as_str)
            .map(|d| format!("www.{d}"));
        let q = Question::new(key("home_url"), self.t("网站首页网址", "Home page URL"))
            .help(self.t("不带 http://，如 www.example.com", "Without http://, e.g. www.example.com"))
            .optional();
        self.ask(q, Kind::Text, first)?;
        let choices: Vec<Choice> = SERVICE_CONTENT
            .iter()
            .map(|(id, zh)| Choice::new(*id, if self.zh() { zh.to_string() } else { format!("{id} ({zh})") }))
            .collect();
        let default_sc = if individual { "blog" } else { "enterprise_portal" };
        let default = SERVICE_CONTENT.iter().position(|(id, _)| *id == default_sc).unwrap_or(0);
        let q = Question::new(key("service_content"), self.t("网站服务内容", "Service content")).help(self.t(
            "个人网站一般选“博客/个人空间”；新闻、出版、金融等需要前置审批",
            "Personal sites: blog; news, publishing, finance … need a pre-approval",
        ));
        if !self.prefilled_stands(&q.key) {
            loop {
                let before = self.snapshot();
                match self.prompter.select(&q, &choices, default)? {
                    Reply::Answer(n) => {
                        self.set(&q.key, Value::Array(vec![Value::String(choices[n].id.clone())]));
                        if self.accept_consequences(&before, &q.key, true)? {
                            break;
                        }
                        self.unset(&q.key);
                    }
                    Reply::Missing => {
                        self.mark_missing(&q);
                        break;
                    }
                }
            }
        }
        self.preapproval_followup(i)?;
        let q = Question::new(key("languages"), self.t("网站语言（逗号分隔）", "Languages (comma-separated)"))
            .help(format!("{}{}", self.t("可选：", "Known: "), LANGUAGES.join(", ")))
            .optional();
        self.ask(q, Kind::List, Some("zh-CN".into()))?;

        // The website's responsible person: the principal's, or someone else.
        let rkey = key("responsible");
        if self.has(&rkey) {
            if get(&self.draft, &rkey).is_some_and(Value::is_table) {
                self.person(&rkey, true, individual)?;
            } else {
                self.prefilled_stands(&rkey);
            }
        } else {
            let q = Question::new(
                rkey.clone(),
                self.t(
                    "网站负责人与主体负责人是同一人吗？",
                    "Is the website's responsible person the principal's?",
                ),
            )
            .help(self.t(
                "选“否”需要另填一位负责人的证件和联系方式",
                "No = enter another person's document and contacts",
            ));
            let before = self.snapshot();
            match self.prompter.confirm(&q, true)? {
                Reply::Answer(true) => {
                    self.set(&rkey, Value::String("principal".into()));
                }
                Reply::Answer(false) => {
                    self.person(&rkey, true, individual)?;
                    // What a second person brings (their ID photo …), as a note: the choices
                    // with consequences inside `person` were already confirmed.
                    let (_, materials) = self.news(&before, &rkey);
                    if !materials.is_empty() {
                        let head = self.t("另设网站负责人还需要准备：", "A separate website responsible person also needs:");
                        let list = materials.iter().map(|m| format!("  · {m}")).collect::<Vec<_>>().join("\n");
                        self.note(&format!("{head}\n{list}"));
                    }
                }
                Reply::Missing => self.mark_missing(&q),
            }
        }
        Ok(())
    }
}

impl Flow<'_> {
    /// A service that needs a pre-approval (news, finance …): ask for the approval.
    fn preapproval_followup(&mut self, i: usize) -> R {
        let pkey = format!("website.{i}.preapproval");
        if !self.prompter.interactive() || self.has(&pkey) {
            return Ok(());
        }
        let needed: Vec<Finding> = evaluate(self.rules, &self.draft)
            .findings
            .into_iter()
            .filter(|f| f.field == pkey && matches!(self.rules.get(&f.rule).map(|r| &r.check), Some(Check::PreapprovalRequired { .. })))
            .collect();
        let Some(service) = get(&self.draft, &format!("website.{i}.service_content"))
            .and_then(Value::as_array)
            .and_then(|a| a.first())
            .and_then(Value::as_str)
            .map(str::to_string)
        else {
            return Ok(());
        };
        if needed.is_empty() {
            return Ok(());
        }
        self.show_findings(&needed);
        let has = self.ask_flow(self.t("已有这项前置审批的批准文件吗？", "Do you hold this pre-approval?"), false)?;
        if has == Some(true) {
            self.set(&format!("{pkey}.0.kind"), Value::String(service));
            let q = Question::new(
                format!("{pkey}.0.number"),
                self.t("审批文号（许可证编号）", "Approval or licence number"),
            );
            self.ask(q, Kind::Text, None)?;
            let q = Question::new(format!("{pkey}.0.valid_until"), self.t("审批有效期至", "Approval valid until")).help(self.t(
                "格式 2028-05-01；长期有效写“长期”",
                "Like 2028-05-01; write long-term if it never expires",
            ));
            self.ask(q, Kind::Validity, None)?;
        } else {
            let s = self.t(
                "没有审批文件就不能提交这类服务内容：先办审批，或换一种服务内容（最后的检查会列出它）。",
                "Without the approval this service cannot be filed: get it first, or choose another service (the review will list it).",
            );
            self.note(&s);
        }
        Ok(())
    }
}

fn ptype_index(t: &Table) -> usize {
    get_str(t, "principal.document.type")
        .and_then(DocType::parse)
        .and_then(|d| DocType::ALL.iter().position(|x| *x == d))
        .unwrap_or(0)
}
