//! The values the templates see: a flat, serialisable view of the draft, its checklist and
//! its findings. ID numbers are unmasked here: this view only ever feeds the bundle's files.
//! (No `Debug` derives, so nothing here can leak into a log by accident.)

use super::files::{self, FileState};
use crate::diag::{Finding, Lang};
use crate::draft::*;
use crate::rules::materials::{ChecklistItem, Status};
use chrono::NaiveDate;
use serde::Serialize;
use std::path::Path;

#[derive(Serialize, Clone)]
pub struct DocView {
    pub doc_type: Option<&'static str>,
    pub type_zh: Option<&'static str>,
    pub number: Option<String>,
    pub valid_until: Option<String>,
    pub address: Option<String>,
}

#[derive(Serialize, Clone)]
pub struct PersonView {
    pub name: Option<String>,
    pub document: DocView,
    pub is_legal_representative: Option<bool>,
    pub mobile: Option<String>,
    pub emergency_phone: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub residence_permit_province: Option<&'static str>,
    pub residence_permit_valid_until: Option<String>,
}

#[derive(Serialize)]
pub struct PrincipalView {
    pub kind: Option<&'static str>,
    pub kind_zh: Option<&'static str>,
    /// Kind and province in the bundle's language (the forms keep the Chinese).
    pub kind_text: Option<&'static str>,
    pub province_text: Option<&'static str>,
    pub is_individual: bool,
    /// 个体工商户: its operator (经营者) signs; a seal only if it has one.
    pub is_sole_trader: bool,
    /// Who signs for the principal: 本人, 经营者 or 法定代表人 (always Chinese: letters are).
    pub head_title: &'static str,
    /// The seal line of a letter: 单位（盖章）, or a sole trader's.
    pub seal_line: &'static str,
    /// Government bodies and public institutions (政府网站 rules).
    pub is_public_body: bool,
    pub province: Option<&'static str>,
    pub province_full: Option<&'static str>,
    /// One-character abbreviation used in filing numbers (粤, 晋, 川 …).
    pub province_abbr: Option<&'static str>,
    pub name: Option<String>,
    pub address: Option<String>,
    pub mailing_address: Option<String>,
    pub document: DocView,
    pub responsible: PersonView,
}

impl PrincipalView {
    /// An individual principal as a person (its name and document are the person's).
    pub fn as_person(&self) -> PersonView {
        PersonView {
            name: self.name.clone(),
            document: self.document.clone(),
            ..self.responsible.clone()
        }
    }
}

#[derive(Serialize)]
pub struct DomainView {
    pub name: Option<String>,
    pub holder: Option<String>,
    pub holder_document_type_zh: Option<&'static str>,
    pub holder_document_number: Option<String>,
    pub registered_on: Option<String>,
    pub expires_on: Option<String>,
    pub registrar: Option<String>,
}

#[derive(Serialize)]
pub struct Named {
    pub id: String,
    pub zh: String,
}

#[derive(Serialize)]
pub struct PreapprovalView {
    pub kind: Option<String>,
    pub number: Option<String>,
    pub valid_until: Option<String>,
}

#[derive(Serialize)]
pub struct WebsiteView {
    /// 1-based, for headings.
    pub number: usize,
    pub name: Option<String>,
    pub domains: Vec<String>,
    pub home_url: Option<String>,
    pub service_content: Vec<Named>,
    pub languages: Vec<String>,
    pub remark: Option<String>,
    pub preapproval: Vec<PreapprovalView>,
    pub responsible: Option<PersonView>,
    /// `responsible = "principal"` or the same person by document number.
    pub responsible_is_principal: bool,
    /// Whether this website's responsible person is the legal representative (None: unknown).
    pub responsible_is_legal_rep: Option<bool>,
    /// The site's own number, when it is already filed.
    pub filing_number: Option<String>,
}

#[derive(Serialize)]
pub struct NumberView {
    /// 主体, 网站 or APP, as the console labels them.
    pub what: &'static str,
    pub name: Option<String>,
    pub number: String,
}

#[derive(Serialize)]
pub struct ItemView {
    pub key: String,
    pub material: String,
    pub why: String,
    pub signer: Option<String>,
    pub step: String,
    pub status: &'static str,
    pub have: bool,
    pub file: Option<String>,
    /// What the file check found (format and size, or the problem).
    pub file_check: Option<String>,
    pub file_ok: bool,
    pub template: Option<String>,
    /// The filled-in letter in the bundle, e.g. `letters/legal_rep_authorization.md`.
    pub letter: Option<String>,
    /// The fill-in sheet for an official form, e.g. `sheets/commitment_letter.md`.
    pub sheet: Option<String>,
    #[serde(skip)]
    pub roles: Vec<crate::rules::materials::SignRole>,
}

#[derive(Serialize, Clone)]
pub struct FindingView {
    pub rule: String,
    pub severity: &'static str,
    pub severity_label: &'static str,
    pub field: String,
    pub line: Option<usize>,
    pub message: String,
    pub fix: String,
}

#[derive(Serialize)]
pub struct StepView {
    pub id: &'static str,
    pub title: String,
    pub items: Vec<ItemView>,
    pub findings: Vec<FindingView>,
}

#[derive(Serialize)]
pub struct ExtraFile {
    pub key: String,
    pub file: String,
    pub file_check: String,
    pub file_ok: bool,
}

#[derive(Serialize)]
pub struct Counts {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub missing: usize,
    pub materials: usize,
}

/// Facts for the after-approval notes.
#[derive(Serialize)]
pub struct Notes {
    pub miit_url: &'static str,
    /// Filing number with a blank for the number: 粤ICP备________号, 川ICP备________号-1.
    pub number_pattern: String,
    pub police_days: i64,
    pub police_url: &'static str,
}

#[derive(Serialize)]
pub struct BundleCtx {
    pub lang: &'static str,
    /// The as-of day (filing_date, or `--as-of`): every date in the bundle is derived from it.
    pub date: String,
    pub draft_file: String,
    pub provider: Option<String>,
    /// The provider's Chinese name (华为云 …), or the id as written.
    pub provider_zh: Option<String>,
    pub filing_type: Option<&'static str>,
    pub filing_type_zh: Option<&'static str>,
    pub filing_type_text: Option<&'static str>,
    /// For a cancel: principal, service or access, and its Chinese name.
    pub cancel_scope: Option<&'static str>,
    pub cancel_scope_zh: Option<&'static str>,
    /// For a new access: the provider the filing comes from.
    pub previous_provider: Option<String>,
    /// For a change that says what it changes: the parts (ids), and their Chinese names
    /// joined; the other parts stay as filed.
    pub changes: Vec<&'static str>,
    pub changes_zh: Option<String>,
    /// The same in the bundle's language.
    pub changes_text: Option<String>,
    /// The filing numbers the draft gives (principal, websites, APPs), for the form's first
    /// section: every type but a first filing is matched to its record through them.
    pub existing_numbers: Vec<NumberView>,
    pub principal: PrincipalView,
    /// The legal representative, when the draft says the principal's responsible person is one.
    pub legal_rep: Option<PersonView>,
    pub domains: Vec<DomainView>,
    pub websites: Vec<WebsiteView>,
    /// One block per APP, one sub-block per platform (`bundle/apps.rs`).
    pub apps: Vec<super::apps::AppView>,
    pub steps: Vec<StepView>,
    pub extra_files: Vec<ExtraFile>,
    pub findings: Vec<FindingView>,
    pub counts: Counts,
    pub notes: Notes,
}

pub const STEPS: &[(&str, &str, &str)] = &[
    ("account", "账号与接入", "Account and access"),
    ("principal", "主体信息", "Principal"),
    ("responsible", "负责人", "Responsible persons"),
    ("domain", "域名", "Domains"),
    ("website", "网站", "Websites"),
    ("app", "APP", "APPs"),
    ("pledge", "授权书与承诺书", "Letters and pledges"),
    ("other", "其他", "Other"),
];

fn date(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

pub(super) fn validity(v: &Option<Validity>) -> Option<String> {
    match v {
        Some(Validity::Until(d)) => Some(date(*d)),
        Some(Validity::LongTerm) => Some("长期".to_string()),
        None => None,
    }
}

fn doc(d: &Document) -> DocView {
    DocView {
        doc_type: d.doc_type.map(|t| t.id()),
        type_zh: d.doc_type.map(|t| t.zh()),
        number: d.number.clone(),
        valid_until: validity(&d.valid_until),
        address: d.address.clone(),
    }
}

pub(super) fn person(p: &Person) -> PersonView {
    PersonView {
        name: p.name.clone(),
        document: doc(&p.document),
        is_legal_representative: p.is_legal_representative,
        mobile: p.contact.mobile.clone(),
        emergency_phone: p.contact.emergency_phone.clone(),
        phone: p.contact.phone.clone(),
        email: p.contact.email.clone(),
        residence_permit_province: p.residence_permit.as_ref().and_then(|r| r.province.map(|p| p.short)),
        residence_permit_valid_until: p.residence_permit.as_ref().and_then(|r| r.valid_until.map(date)),
    }
}

pub(super) fn same_person(a: &Person, b: &Person) -> bool {
    match (&a.document.number, &b.document.number) {
        (Some(x), Some(y)) => x.eq_ignore_ascii_case(y),
        _ => false,
    }
}

/// The step a finding belongs to, from the field it points at.
fn step_of(field: &str, items: &[ChecklistItem]) -> &'static str {
    let parts: Vec<&str> = field.split('.').collect();
    match parts.as_slice() {
        ["account", ..] => "account",
        ["principal", "responsible", ..] => "responsible",
        ["principal", ..] => "principal",
        ["domain", ..] => "domain",
        ["website", _, "responsible", ..] => "responsible",
        ["website", ..] => "website",
        ["app", _, "responsible", ..] => "responsible",
        ["app", ..] => "app",
        ["materials", key, ..] => items
            .iter()
            .find(|i| i.key() == *key)
            .and_then(|i| STEPS.iter().find(|s| s.0 == i.step()))
            .map(|s| s.0)
            .unwrap_or("other"),
        _ => "other",
    }
}

pub fn finding_view(f: &Finding, lang: Lang) -> FindingView {
    let (severity_label, severity) = match f.severity {
        crate::diag::Severity::Error => (if lang == Lang::En { "error" } else { "错误" }, "error"),
        crate::diag::Severity::Warning => (if lang == Lang::En { "warning" } else { "警告" }, "warning"),
        crate::diag::Severity::Info => (if lang == Lang::En { "info" } else { "提示" }, "info"),
    };
    FindingView {
        rule: f.rule.clone(),
        severity,
        severity_label,
        field: f.field.clone(),
        line: f.pos.map(|p| p.line),
        message: f.message.get(lang).to_string(),
        fix: f.fix.get(lang).to_string(),
    }
}

/// Letter file name in the bundle for a checklist item that names a template (and no
/// official form: a fixed form gets a fill-in sheet instead of a letter of ours).
pub fn letter_file(item: &ChecklistItem) -> Option<String> {
    (item.official_form().is_none() && item.template().is_some()).then(|| format!("letters/{}.md", item.key()))
}

/// Fill-in sheet file name for a checklist item with an official form.
pub fn sheet_file(item: &ChecklistItem) -> Option<String> {
    item.official_form().map(|_| format!("sheets/{}.md", item.key()))
}

pub struct Input<'a> {
    pub draft: &'a Draft,
    pub draft_file: String,
    pub checklist: &'a [ChecklistItem],
    pub findings: &'a [Finding],
    pub as_of: NaiveDate,
    pub lang: Lang,
    pub base: Option<&'a Path>,
}

/// Labelled like the form's other rows, in the console's (Chinese) field names.
fn existing_numbers(d: &Draft) -> Vec<NumberView> {
    let principal = d.principal.filing_number.iter().map(|n| NumberView {
        what: "主体",
        name: d.principal.name.clone(),
        number: n.clone(),
    });
    let sites = d.websites.iter().filter_map(|w| {
        w.filing_number.as_ref().map(|n| NumberView {
            what: "网站",
            name: w.name.clone(),
            number: n.clone(),
        })
    });
    let apps = d.apps.iter().filter_map(|a| {
        a.filing_number.as_ref().map(|n| NumberView {
            what: "APP",
            name: a.name.clone(),
            number: n.clone(),
        })
    });
    principal.chain(sites).chain(apps).collect()
}

pub fn build(input: &Input) -> BundleCtx {
    let d = input.draft;
    let lang = input.lang;
    let p = &d.principal;
    let pr = &p.responsible;
    let file_states = files::inspect_all(d, input.base);
    let state_of = |key: &str| file_states.iter().find(|(k, _, _)| k == key).map(|(_, _, s)| s);
    let describe = |s: &FileState| {
        let (zh, en) = s.describe();
        if lang == Lang::En { en } else { zh }
    };

    let mut steps: Vec<StepView> = STEPS
        .iter()
        .map(|(id, zh, en)| StepView {
            id,
            title: if lang == Lang::En { en.to_string() } else { zh.to_string() },
            items: vec![],
            findings: vec![],
        })
        .collect();
    for item in input.checklist {
        let state = state_of(item.key());
        let view = ItemView {
            key: item.key().to_string(),
            material: item.material().get(lang).to_string(),
            why: item.why().get(lang).to_string(),
            signer: item.signer().map(|s| s.get(lang).to_string()),
            step: item.step().to_string(),
            status: match item.status {
                Status::Have => "have",
                Status::Missing => "missing",
            },
            have: item.status == Status::Have,
            file: item.file.clone(),
            file_check: state.map(describe),
            file_ok: state.is_some_and(FileState::is_ok),
            template: item.template().map(str::to_string),
            letter: letter_file(item),
            sheet: sheet_file(item),
            roles: item.def.signs.clone(),
        };
        let i = steps.iter().position(|s| s.id == item.step()).unwrap_or(steps.len() - 1);
        steps[i].items.push(view);
    }
    let findings: Vec<FindingView> = input.findings.iter().map(|f| finding_view(f, lang)).collect();
    for (f, v) in input.findings.iter().zip(&findings) {
        let id = step_of(&f.field, input.checklist);
        let i = steps.iter().position(|s| s.id == id).unwrap_or(steps.len() - 1);
        steps[i].findings.push(v.clone());
    }
    steps.retain(|s| !s.items.is_empty() || !s.findings.is_empty());

    let extra_files = file_states
        .iter()
        .filter(|(k, _, _)| !input.checklist.iter().any(|c| c.key() == k))
        .map(|(k, f, s)| ExtraFile {
            key: k.clone(),
            file: f.clone(),
            file_check: describe(s),
            file_ok: s.is_ok(),
        })
        .collect();

    let websites = d
        .websites
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let (resp, is_principal) = match &w.responsible {
                Some(Responsible::Principal) => (Some(pr), true),
                Some(Responsible::Person(x)) => (Some(&**x), same_person(x, pr)),
                None => (None, false),
            };
            let is_legal = resp.and_then(|x| {
                x.is_legal_representative
                    .or(if is_principal { pr.is_legal_representative } else { None })
            });
            WebsiteView {
                number: i + 1,
                name: w.name.clone(),
                domains: w.domains.clone(),
                home_url: w.home_url.clone(),
                service_content: service_content_views(&w.service_content),
                languages: w.languages.clone(),
                remark: w.remark.clone(),
                preapproval: preapproval_views(&w.preapproval),
                responsible: resp.map(person),
                responsible_is_principal: is_principal,
                responsible_is_legal_rep: is_legal,
                filing_number: w.filing_number.clone(),
            }
        })
        .collect();

    let count = |s| input.findings.iter().filter(|f| f.severity == s).count();
    let missing = input.checklist.iter().filter(|c| c.status == Status::Missing).count();
    // The legal representative: its own table, else the responsible person who is one.
    let legal_rep = p
        .legal_representative
        .as_ref()
        .map(person)
        .or_else(|| (pr.is_legal_representative == Some(true)).then(|| person(pr)));
    let sole = p.kind == Some(PrincipalKind::IndividualBusiness);
    let individual = p.kind == Some(PrincipalKind::Individual);
    let mut ctx = BundleCtx {
        lang: if lang == Lang::En { "en" } else { "zh" },
        date: date(input.as_of),
        draft_file: input.draft_file.clone(),
        provider: d.account.provider.clone(),
        provider_zh: d.account.provider.as_deref().map(|p| {
            match p {
                "huaweicloud" => "华为云",
                "aliyun" => "阿里云",
                "tencentcloud" => "腾讯云",
                other => other,
            }
            .to_string()
        }),
        filing_type: d.account.filing_type.map(|f| f.id()),
        filing_type_zh: d.account.filing_type.map(|f| f.zh()),
        filing_type_text: d.account.filing_type.map(|f| {
            if lang == Lang::En {
                crate::labels::filing_type_en(f)
            } else {
                f.zh()
            }
        }),
        cancel_scope: d.account.cancel_scope.map(|c| c.id()),
        cancel_scope_zh: d.account.cancel_scope.map(|c| c.zh()),
        previous_provider: d.account.previous_provider.clone(),
        changes: d.account.changes.iter().map(|c| c.id()).collect(),
        changes_zh: (!d.account.changes.is_empty()).then(|| d.account.changes.iter().map(|c| c.zh()).collect::<Vec<_>>().join("、")),
        changes_text: (!d.account.changes.is_empty()).then(|| {
            let names: Vec<&str> = d
                .account
                .changes
                .iter()
                .map(|c| if lang == Lang::En { crate::labels::change_en(*c) } else { c.zh() })
                .collect();
            names.join(if lang == Lang::En { ", " } else { "、" })
        }),
        existing_numbers: existing_numbers(d),
        principal: PrincipalView {
            kind: p.kind.map(|k| k.id()),
            kind_zh: p.kind.map(|k| k.zh()),
            kind_text: p.kind.map(|k| if lang == Lang::En { crate::labels::kind_en(k) } else { k.zh() }),
            province_text: p.province.map(|p| if lang == Lang::En { p.english } else { p.short }),
            is_individual: individual,
            is_sole_trader: sole,
            head_title: if individual {
                "本人"
            } else if sole {
                "经营者"
            } else {
                "法定代表人"
            },
            seal_line: if sole {
                "个体工商户印章（有印章的加盖；没有印章的由经营者按手印）"
            } else {
                "单位（盖章）"
            },
            is_public_body: matches!(p.kind, Some(PrincipalKind::Government | PrincipalKind::PublicInstitution)),
            province: p.province.map(|x| x.short),
            province_full: p.province.map(|x| x.full),
            province_abbr: p.province.map(|x| x.abbr),
            name: p.name.clone(),
            address: p.address.clone(),
            mailing_address: p.mailing_address.clone(),
            document: doc(&p.document),
            responsible: person(pr),
        },
        legal_rep,
        domains: d
            .domains
            .iter()
            .map(|x| DomainView {
                name: x.name.clone(),
                holder: x.holder.clone(),
                holder_document_type_zh: x.holder_document_type.map(|t| t.zh()),
                holder_document_number: x.holder_document_number.clone(),
                registered_on: x.registered_on.map(date),
                expires_on: x.expires_on.map(date),
                registrar: x.registrar.clone(),
            })
            .collect(),
        websites,
        apps: super::apps::views(d),
        steps,
        extra_files,
        findings,
        counts: Counts {
            errors: count(crate::diag::Severity::Error),
            warnings: count(crate::diag::Severity::Warning),
            infos: count(crate::diag::Severity::Info),
            missing,
            materials: input.checklist.len(),
        },
        notes: Notes {
            miit_url: "https://beian.miit.gov.cn/",
            // Guangdong sites show the principal's number; elsewhere the site's, with its suffix.
            number_pattern: match p.province {
                Some(x) if x.code == 44 => format!("{}ICP备________号", x.abbr),
                Some(x) => format!("{}ICP备________号-1", x.abbr),
                None => "ICP备________号-1".to_string(),
            },
            police_days: 30,
            police_url: "https://beian.mps.gov.cn/",
        },
    };
    // Who signs each item, for this draft (needs the people above).
    let mut signers = Vec::new();
    for step in &ctx.steps {
        for item in &step.items {
            signers.push(super::sheets::signer_text(&item.roles, &ctx, lang));
        }
    }
    let mut signers = signers.into_iter();
    for step in &mut ctx.steps {
        for item in &mut step.items {
            if let Some(Some(s)) = signers.next() {
                item.signer = Some(s);
            }
        }
    }
    ctx
}

/// Service-content ids with their Chinese names (websites and APPs share the list).
pub(super) fn service_content_views(list: &[String]) -> Vec<Named> {
    list.iter()
        .map(|s| Named {
            id: s.clone(),
            zh: SERVICE_CONTENT
                .iter()
                .find(|(id, _)| id == s)
                .map(|(_, zh)| zh.to_string())
                .unwrap_or_else(|| s.clone()),
        })
        .collect()
}

pub(super) fn preapproval_views(list: &[crate::draft::Preapproval]) -> Vec<PreapprovalView> {
    list.iter()
        .map(|a| PreapprovalView {
            kind: a.kind.clone(),
            number: a.number.clone(),
            valid_until: validity(&a.valid_until),
        })
        .collect()
}
