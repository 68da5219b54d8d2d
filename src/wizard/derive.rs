//! Answers that follow from others (an individual's own copy as responsible person, the only
//! document type a kind allows, a website's or APP's only domain), what an ID number says, and the
//! second draft of an order split at a province's cap.

use super::engine::{Flow, Progress};
use super::questions::{self, STEPS, get, put};
use crate::diag::Lang;
use crate::draft::model::DocType;
use crate::validators::resident_id;
use chrono::NaiveDate;
use toml::Value;

impl Flow<'_> {
    /// Split the order at a province's cap: a second draft with everything but the domains,
    /// websites and APPs, to be finished with `--resume`.
    pub(super) fn split_order(&mut self) {
        let mut seed = self.draft.clone();
        for k in ["domain", "website", "app", "materials"] {
            seed.remove(k);
        }
        let mut progress = Progress {
            done: STEPS.iter().take_while(|s| **s != "domains").map(|s| s.to_string()).collect(),
            lang: self.progress.lang.clone(),
            ..Progress::default()
        };
        let keep = |k: &String| !["domain", "website", "app", "materials"].iter().any(|p| k.starts_with(p));
        progress.skipped = self.progress.skipped.iter().filter(|k| keep(k)).cloned().collect();
        progress.kept = self.progress.kept.iter().filter(|k| keep(k)).cloned().collect();
        progress.meta = self
            .progress
            .meta
            .iter()
            .filter(|(k, _)| {
                !["~domain", "~website", "~app", "website", "app", "~materials"]
                    .iter()
                    .any(|p| k.starts_with(p))
            })
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        let msg = match self.split.as_mut().map(|s| s(&seed, &progress)) {
            Some(Ok(path)) => self.t(
                &format!("第二份订单的草稿已保存到 {path}。本订单写完后，运行 `beian new --resume {path}` 填写其余的域名。"),
                &format!("The second order's draft is saved in {path}. After this order, run `beian new --resume {path}` to add the other domains."),
            ),
            Some(Err(e)) => self.t(
                &format!("第二份草稿没能保存（{e}）；本订单写完后用 `beian new` 另建一份。"),
                &format!("The second draft could not be saved ({e}); start it with `beian new` after this order."),
            ),
            None => self.t(
                "其余的域名请在本订单之后另建一份草稿（`beian new`）。",
                "Put the other domains into a second draft after this order (`beian new`).",
            ),
        };
        self.prompter.note(&msg);
    }

    /// Answers that follow from others: an individual's own copy as responsible person, the
    /// only document type a kind allows, a website's only domain.
    pub(super) fn derive(&mut self) {
        let cx = self.cx();
        let individual = cx.individual();
        let mut notes: Vec<String> = Vec::new();
        let mut sets: Vec<(String, Value)> = Vec::new();
        if let Some(kind) = cx.kind() {
            let allowed = questions::principal::allowed_docs(&cx, kind);
            if allowed.len() == 1 && !cx.has("principal.document.type") {
                let d = allowed[0];
                notes.push(format!(
                    "{}{}",
                    self.t("主体证件类型：", "Principal's document type: "),
                    questions::vocab::doc(d).get(self.lang)
                ));
                sets.push(("principal.document.type".into(), Value::String(d.id().into())));
            }
        }
        if individual {
            if let Some(n) = cx.get("principal.name") {
                sets.push(("principal.responsible.name".into(), n.clone()));
            }
            if let Some(Value::Table(doc)) = cx.get("principal.document") {
                for (k, v) in doc {
                    sets.push((format!("principal.responsible.document.{k}"), v.clone()));
                }
            }
            if let Some(a) = cx.get("principal.address") {
                sets.push(("principal.responsible.document.address".into(), a.clone()));
            }
        } else if cx.meta("~resp.is_rep") == Some("yes") {
            for k in ["name", "document"] {
                if let Some(v) = cx.get(&format!("principal.legal_representative.{k}")) {
                    sets.push((format!("principal.responsible.{k}"), v.clone()));
                }
            }
        }
        let names = questions::websites::names_of(&cx, "domain");
        if names.len() == 1 {
            for i in 0..cx.count("website") {
                let k = format!("website.{i}.domains");
                if cx.has(&format!("website.{i}.name")) && !cx.has(&k) && cx.filing_type() != Some("cancel") {
                    notes.push(format!("{}{}", self.t("网站域名：", "Website domain: "), names[0]));
                    sets.push((k, Value::Array(vec![Value::String(names[0].clone())])));
                }
            }
            for i in 0..cx.count("app") {
                let k = format!("app.{i}.domains");
                if cx.has(&format!("app.{i}.name")) && !cx.has(&k) && cx.filing_type() != Some("cancel") {
                    notes.push(format!("{}{}", self.t("APP 域名：", "APP domain: "), names[0]));
                    sets.push((k, Value::Array(vec![Value::String(names[0].clone())])));
                }
            }
        }
        for (k, v) in sets {
            if get(&self.draft, &k) != Some(&v) {
                put(&mut self.draft, &k, v);
            }
        }
        for n in notes {
            self.prompter.note(&n);
        }
    }

    /// Tell what the ID number says, so nobody is asked for it again.
    pub(super) fn read_id(&mut self, doc_path: &str) {
        if get(&self.draft, &format!("{doc_path}.type"))
            .and_then(Value::as_str)
            .and_then(DocType::parse)
            != Some(DocType::ResidentId)
        {
            return;
        }
        let Some(id) = get(&self.draft, &format!("{doc_path}.number"))
            .and_then(Value::as_str)
            .and_then(|n| resident_id::parse(n).ok())
        else {
            return;
        };
        let day = get(&self.draft, "filing_date")
            .and_then(|v| v.as_datetime())
            .and_then(|d| d.to_string().parse::<NaiveDate>().ok())
            .unwrap_or(self.today);
        let age = resident_id::age_on(id.birth, day);
        let home = crate::province::by_code(id.province);
        let s = if self.lang == Lang::Zh {
            format!(
                "从证件号码读出：出生日期 {}（{} 岁），{}，{}。这些不用再填。",
                id.birth,
                age,
                home.map_or("?", |p| p.short),
                if id.male { "男" } else { "女" }
            )
        } else {
            format!(
                "Read from the ID number: born {} (age {}), {}, {}. No need to enter these.",
                id.birth,
                age,
                home.map_or("?", |p| p.english),
                if id.male { "male" } else { "female" }
            )
        };
        self.prompter.note(&s);
    }
}
