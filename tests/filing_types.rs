//! Every filing type, in several provinces: a clean order of each type checks clean, each
//! contradiction between the type and the filing numbers is an error on the right field that
//! names the type that fits, and each type meets only its own rules (a cancel never a domain
//! or website-name rule; a new_service only the domains it adds).

use beian::commands::check::check_source;
use beian::diag::Severity;
use beian::draft::edit;
use beian::report::DraftReport;
use beian::rules::Evidence;
use std::path::PathBuf;
use toml::{Table, Value};

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Clean first filings of several kinds, provinces and shapes (one with an APP).
const CLEAN: &[&str] = &[
    "clean/enterprise_zhejiang_with_app.toml",
    "clean/foundation_beijing.toml",
    "clean/individual_business_hubei.toml",
    "clean/law_firm_shandong.toml",
    "clean/government_department_sichuan.toml",
    "clean/individual_shanghai_hk_residence_permit.toml",
    "base/enterprise.toml",
];

fn load(rel: &str) -> Table {
    let text = std::fs::read_to_string(fixtures().join(rel)).unwrap();
    text.parse().unwrap()
}

fn abbr(t: &Table) -> &'static str {
    let p = t["principal"]["province"].as_str().unwrap();
    beian::province::resolve(p).unwrap().abbr
}

fn set(t: &mut Table, k: &str, v: impl Into<Value>) {
    edit::set(t, k, v.into()).unwrap();
}

fn count(t: &Table, list: &str) -> usize {
    t.get(list).and_then(Value::as_array).map_or(0, Vec::len)
}

/// The principal's number, and each website's and APP's under it.
fn number_everything(t: &mut Table) {
    let principal = format!("{}ICP备2019012345号", abbr(t));
    set(t, "principal.filing_number", principal.clone());
    for i in 0..count(t, "website") {
        set(t, &format!("website.{i}.filing_number"), format!("{principal}-{}", i + 1));
    }
    for i in 0..count(t, "app") {
        set(t, &format!("app.{i}.filing_number"), format!("{principal}-{}A", i + 10));
    }
}

/// The same filing as an order of `ty`, consistent with it.
fn as_type(mut t: Table, ty: &str) -> Table {
    set(&mut t, "account.filing_type", ty);
    match ty {
        "first" => {}
        "new_service" => {
            let p = format!("{}ICP备2019012345号", abbr(&t));
            set(&mut t, "principal.filing_number", p);
        }
        "cancel" => {
            number_everything(&mut t);
            set(&mut t, "account.cancel_scope", "service");
            // A service is cancelled one per order (FILING-CANCEL-ONE-SERVICE): keep the first.
            if count(&t, "website") > 0 {
                t.remove("app");
                if let Some(Value::Array(w)) = t.get_mut("website") {
                    w.truncate(1);
                }
            } else if let Some(Value::Array(a)) = t.get_mut("app") {
                a.truncate(1);
            }
        }
        _ => number_everything(&mut t),
    }
    t
}

fn check(t: &Table, name: &str) -> DraftReport {
    let src = toml::to_string(t).unwrap();
    check_source(beian::rules::rules(), name, &src, None, None)
}

/// Errors, and warnings other than those of rules whose sources conflict (which warn by design).
/// `beian check .` in `dir` as a batch, JSON report.
fn check_folder(dir: &std::path::Path) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_beian"))
        .args(["check", ".", "--format", "json", "--as-of", "2026-12-01"])
        .current_dir(dir)
        .env("BEIAN_CONFIG_DIR", dir)
        .output()
        .unwrap()
}

fn noise(r: &DraftReport) -> Vec<String> {
    let rules = beian::rules::rules();
    r.findings
        .iter()
        .filter(|f| match f.severity {
            Severity::Error => true,
            Severity::Warning => rules.get(&f.rule).is_none_or(|x| x.evidence != Evidence::Conflict),
            Severity::Info => false,
        })
        .map(|f| format!("{} {}: {}", f.rule, f.field, f.message.zh))
        .collect()
}

const TYPES: &[&str] = &["first", "new_service", "new_access", "change", "cancel", "transfer"];

#[test]
fn a_clean_order_of_every_type_checks_clean_in_several_provinces() {
    let mut bad = Vec::new();
    for rel in CLEAN {
        for ty in TYPES {
            let t = as_type(load(rel), ty);
            let r = check(&t, rel);
            assert_eq!(r.filing_type, Some(*ty), "{rel} as {ty}");
            let n = noise(&r);
            if !n.is_empty() {
                bad.push(format!("{rel} as {ty}: {n:#?}"));
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// `rule` is raised on `field`, as an error whose message names `fits`.
fn expect(t: &Table, rule: &str, field: &str, fits: &str) {
    let r = check(t, rule);
    let f = r
        .findings
        .iter()
        .find(|f| f.rule == rule)
        .unwrap_or_else(|| panic!("no {rule}: {:?}", r.findings.iter().map(|f| &f.rule).collect::<Vec<_>>()));
    assert_eq!(f.field, field, "{rule}");
    assert_eq!(f.severity, Severity::Error, "{rule}");
    assert!(
        f.message.zh.contains(fits) && f.message.en.contains(fits),
        "{rule}: {} / {}",
        f.message.zh,
        f.message.en
    );
}

#[test]
fn each_contradiction_is_reported_on_its_field_naming_the_type_that_fits() {
    for rel in [
        "clean/foundation_beijing.toml",
        "clean/law_firm_shandong.toml",
        "base/enterprise.toml",
    ] {
        let base = load(rel);
        let a = abbr(&base);

        // A first filing that carries a principal number: the site has none, so new_service fits.
        let mut t = base.clone();
        set(&mut t, "account.filing_type", "first");
        set(&mut t, "principal.filing_number", format!("{a}ICP备2019012345号"));
        expect(&t, "FILING-TYPE-FIRST-HAS-NUMBER", "principal.filing_number", "new_service");
        // …and with every site numbered, the types for filed services are named.
        let mut t = as_type(base.clone(), "change");
        set(&mut t, "account.filing_type", "first");
        expect(&t, "FILING-TYPE-FIRST-HAS-NUMBER", "principal.filing_number", "new_access");

        // Every other type without the principal's number: first fits.
        for ty in &TYPES[1..] {
            let mut t = as_type(base.clone(), ty);
            edit::remove(&mut t, "principal.filing_number");
            expect(&t, "FILING-TYPE-NO-PRINCIPAL-NUMBER", "principal.filing_number", "first");
        }

        // A site being changed, accessed or cancelled without its number: new_service fits
        // (a change never adds a site).
        for ty in ["change", "new_access"] {
            let mut t = as_type(base.clone(), ty);
            edit::remove(&mut t, "website.0.filing_number");
            expect(&t, "FILING-TYPE-SERVICE-NUMBER", "website.0.filing_number", "new_service");
        }
        let mut t = as_type(base.clone(), "cancel");
        edit::remove(&mut t, "website.0.filing_number");
        expect(&t, "FILING-TYPE-SERVICE-NUMBER", "website.0.filing_number", "principal");

        // A new_service whose every site is already filed adds nothing: new_access or change.
        let mut t = as_type(base.clone(), "change");
        set(&mut t, "account.filing_type", "new_service");
        expect(&t, "FILING-TYPE-NOTHING-ADDED", "website", "new_access");

        // A cancel without its scope.
        let mut t = as_type(base.clone(), "cancel");
        edit::remove(&mut t, "account.cancel_scope");
        expect(&t, "FILING-TYPE-CANCEL-SCOPE", "account.cancel_scope", "access");

        // A number from another region, a site's number under another principal.
        let mut t = as_type(base.clone(), "change");
        let other = if a == "粤" { "京" } else { "粤" };
        set(&mut t, "principal.filing_number", format!("{other}ICP备2019012345号"));
        set(&mut t, "website.0.filing_number", format!("{other}ICP备2019012345号-1"));
        expect(&t, "FILING-NUMBER-REGION", "principal.filing_number", other);
        let mut t = as_type(base.clone(), "change");
        set(&mut t, "website.0.filing_number", format!("{a}ICP备2019099999号-1"));
        expect(
            &t,
            "FILING-NUMBER-EXTENDS",
            "website.0.filing_number",
            &format!("{a}ICP备2019012345号"),
        );
        // A commercial licence number where the principal's filing number belongs.
        let mut t = as_type(base.clone(), "change");
        set(&mut t, "principal.filing_number", format!("{a}ICP证030173号"));
        expect(&t, "FILING-NUMBER-FORMAT", "principal.filing_number", "ICP证030173号");
    }
}

#[test]
fn a_cancel_with_an_expired_domain_has_no_domain_error() {
    for rel in CLEAN {
        for scope in ["principal", "service", "access"] {
            let mut t = as_type(load(rel), "cancel");
            set(&mut t, "account.cancel_scope", scope);
            for i in 0..count(&t, "domain") {
                set(
                    &mut t,
                    &format!("domain.{i}.expires_on"),
                    Value::Datetime("2024-01-01".parse().unwrap()),
                );
                set(&mut t, &format!("domain.{i}.real_name_verified"), false);
            }
            set(&mut t, "website.0.name", "www");
            let r = check(&t, rel);
            let n = noise(&r);
            assert!(n.is_empty(), "{rel} cancel/{scope}: {n:#?}");
            // A first filing of the same draft does raise them.
            set(&mut t, "account.filing_type", "first");
            let mut f = t.clone();
            edit::remove(&mut f, "principal.filing_number");
            let r = check(&f, rel);
            assert!(
                r.findings.iter().any(|f| f.rule == "DOMAIN-EXPIRED"),
                "{rel}: first must see the expiry"
            );
        }
    }
}

#[test]
fn a_new_service_checks_only_the_domains_it_adds() {
    let mut t = as_type(load("base/enterprise.toml"), "new_service");
    // The filed site, with an expired domain, stays context.
    set(&mut t, "website.0.filing_number", "粤ICP备2019012345号-1");
    set(&mut t, "domain.0.expires_on", Value::Datetime("2024-01-01".parse().unwrap()));
    // The site being added.
    let dom = t["domain"][0].clone();
    let mut added = dom.as_table().unwrap().clone();
    added.insert("name".into(), "example.cn".into());
    added.insert("expires_on".into(), Value::Datetime("2029-01-01".parse().unwrap()));
    edit::set(&mut t, "domain.1", Value::Table(added)).unwrap();
    let mut site = t["website"][0].as_table().unwrap().clone();
    site.remove("filing_number");
    site.insert("name".into(), "示例科技商城".into());
    site.insert("domains".into(), Value::Array(vec!["example.cn".into()]));
    site.insert("home_url".into(), "www.example.cn".into());
    edit::set(&mut t, "website.1", Value::Table(site)).unwrap();
    let r = check(&t, "new_service");
    assert!(noise(&r).is_empty(), "{:#?}", noise(&r));
    // The added site's domain expired: that one is reported.
    set(&mut t, "domain.1.expires_on", Value::Datetime("2024-01-01".parse().unwrap()));
    let r = check(&t, "new_service");
    let expired: Vec<&str> = r
        .findings
        .iter()
        .filter(|f| f.rule == "DOMAIN-EXPIRED")
        .map(|f| f.field.as_str())
        .collect();
    assert_eq!(expired, ["domain.1.expires_on"]);
}

/// Shanxi's cap of three new domains per order: first filings and new websites (the seed's
/// 首次备案、有主体新增、无主体新增), counting only the domains being added.
#[test]
fn shanxi_counts_new_domains_in_first_and_new_service_only() {
    let mut t = load("base/enterprise.toml");
    let dom = t["domain"][0].as_table().unwrap().clone();
    for (i, n) in ["a.cn", "b.cn", "c.cn"].iter().enumerate() {
        let mut d = dom.clone();
        d.insert("name".into(), (*n).into());
        edit::set(&mut t, &format!("domain.{}", i + 1), Value::Table(d)).unwrap();
    }
    let hits = |t: &Table| {
        let mut t = t.clone();
        set(&mut t, "principal.province", "山西");
        check(&t, "sx").findings.iter().filter(|f| f.rule == "SX-DOMAINS-MAX").count()
    };
    assert_eq!(hits(&t), 1, "first");
    let ns = as_type(t.clone(), "new_service");
    assert_eq!(hits(&ns), 1, "new_service");
    let mut filed = ns.clone();
    set(&mut filed, "website.0.filing_number", "晋ICP备2019012345号-1");
    set(
        &mut filed,
        "website.0.domains",
        Value::Array(["example.com", "a.cn", "b.cn", "c.cn"].map(Value::from).to_vec()),
    );
    assert_eq!(hits(&filed), 0, "domains of a filed site are not new");
    assert_eq!(hits(&as_type(t.clone(), "new_access")), 0, "new_access");
    assert_eq!(hits(&as_type(t, "change")), 0, "change");
}

#[test]
fn the_checklist_follows_the_type() {
    let keys = |t: &Table| check(t, "c").checklist.iter().map(|c| c.key().to_string()).collect::<Vec<_>>();
    let base = load("base/enterprise.toml");
    let first = keys(&base);
    assert!(first.iter().any(|k| k == "commitment_letter"), "{first:?}");
    let mut cancel = as_type(base.clone(), "cancel");
    let c = keys(&cancel);
    assert!(!c.iter().any(|k| k.contains("commitment") || k.contains("authorization")), "{c:?}");
    // An empty shell: a principal cancellation with no site left.
    set(&mut cancel, "account.cancel_scope", "principal");
    edit::remove(&mut cancel, "website");
    edit::remove(&mut cancel, "domain");
    assert_eq!(keys(&cancel), ["empty_shell_cancellation"]);
    let access = keys(&as_type(base.clone(), "new_access"));
    assert!(access.iter().any(|k| k == "previous_provider_record"), "{access:?}");
    assert!(keys(&as_type(base, "transfer")).is_empty());
}

#[test]
fn rules_list_by_type_and_the_types_command() {
    let bin = env!("CARGO_BIN_EXE_beian");
    let run = |args: &[&str]| {
        let o = std::process::Command::new(bin)
            .args(args)
            .env("BEIAN_CONFIG_DIR", env!("CARGO_TARGET_TMPDIR"))
            .output()
            .unwrap();
        assert!(o.status.success(), "{args:?}: {}", String::from_utf8_lossy(&o.stderr));
        String::from_utf8(o.stdout).unwrap()
    };
    for (ty, has, lacks) in [
        ("first", "FILING-TYPE-FIRST-HAS-NUMBER", "FILING-TYPE-CANCEL-SCOPE"),
        ("new_service", "FILING-TYPE-NOTHING-ADDED", "FILING-TYPE-FIRST-HAS-NUMBER"),
        ("new_access", "FILING-TYPE-SERVICE-NUMBER", "WEBSITE-NAME-SYMBOLS"),
        ("change", "DOMAIN-EXPIRED", "FILING-TYPE-NOTHING-ADDED"),
        ("cancel", "FILING-TYPE-CANCEL-SCOPE", "DOMAIN-EXPIRED"),
        ("transfer", "FILING-NUMBER-FORMAT", "ID-NUMBER"),
    ] {
        let out = run(&["rules", "list", "--type", ty, "--province", "广东", "--json"]);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        let codes: Vec<&str> = v.as_array().unwrap().iter().map(|r| r["code"].as_str().unwrap()).collect();
        assert!(codes.contains(&has) && !codes.contains(&lacks), "{ty}: {codes:?}");
        assert!(v.as_array().unwrap().iter().all(|r| {
            let t = r["filing_types"].as_array().unwrap();
            t.iter().any(|x| x == ty || x == "all")
        }));
    }
    let zh = run(&["types"]);
    for t in TYPES {
        assert!(zh.contains(&format!("（{t}）")), "{t}");
    }
    let en = run(&["--lang", "en", "types", "新增接入"]);
    assert!(
        en.starts_with("new_access\n") && en.contains("When:") && en.contains("FILING-TYPE-SERVICE-NUMBER"),
        "{en}"
    );
    let o = std::process::Command::new(bin).args(["types", "renew"]).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
}

/// One open order per principal: a change and a new_service for one company in one folder are
/// a cross-draft error naming both drafts; two first filings stay CROSS-PRINCIPAL's warning.
#[test]
fn a_change_and_a_new_service_for_one_principal_in_one_folder() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("filing-types-open-order");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let base = load("base/enterprise.toml");
    let change = as_type(base.clone(), "change");
    let mut added = as_type(base.clone(), "new_service");
    set(&mut added, "domain.0.name", "example.cn");
    set(&mut added, "website.0.domains", Value::Array(vec!["example.cn".into()]));
    set(&mut added, "website.0.home_url", "www.example.cn");
    set(&mut added, "website.0.name", "示例科技商城");
    std::fs::write(dir.join("a-change.toml"), toml::to_string(&change).unwrap()).unwrap();
    std::fs::write(dir.join("b-new-site.toml"), toml::to_string(&added).unwrap()).unwrap();
    let out = check_folder(&dir);
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for d in v["drafts"].as_array().unwrap() {
        assert_eq!(d["ready"], true, "each draft alone is clean: {d}");
    }
    let cross = v["cross_draft"].as_array().unwrap();
    let open: Vec<_> = cross.iter().filter(|c| c["rule"] == "CROSS-OPEN-ORDER").collect();
    assert_eq!(open.len(), 1, "{cross:#?}");
    let c = open[0];
    assert_eq!(
        (c["path"].as_str(), c["other_path"].as_str()),
        (Some("./b-new-site.toml"), Some("./a-change.toml"))
    );
    assert_eq!(c["severity"], "error");
    let msg = c["message"].as_str().unwrap();
    assert!(
        msg.contains("./a-change.toml") && msg.contains("new_service") && msg.contains("change"),
        "{msg}"
    );
    assert!(!cross.iter().any(|c| c["rule"] == "CROSS-PRINCIPAL"), "{cross:#?}");

    // Two first filings of one company: most likely one order in two drafts, a warning.
    let mut second = base.clone();
    set(&mut second, "domain.0.name", "example.cn");
    set(&mut second, "website.0.domains", Value::Array(vec!["example.cn".into()]));
    set(&mut second, "website.0.home_url", "www.example.cn");
    std::fs::write(dir.join("a-change.toml"), toml::to_string(&base).unwrap()).unwrap();
    std::fs::write(dir.join("b-new-site.toml"), toml::to_string(&second).unwrap()).unwrap();
    let out = check_folder(&dir);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rules: Vec<&str> = v["cross_draft"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["rule"].as_str().unwrap())
        .collect();
    assert_eq!(rules, ["CROSS-PRINCIPAL"]);
}

/// The bundle carries the type: the form lists the existing numbers, and a cancel gets none of
/// the letters (authorisations, commitments) a first filing needs.
#[test]
fn the_bundle_carries_the_type_and_the_numbers() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("filing-types-bundle");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let bundle = |t: &Table, name: &str| {
        let draft = dir.join(format!("{name}.toml"));
        std::fs::write(&draft, toml::to_string(t).unwrap()).unwrap();
        let out = dir.join(name);
        let o = std::process::Command::new(env!("CARGO_BIN_EXE_beian"))
            .args(["bundle", draft.to_str().unwrap(), "--out", out.to_str().unwrap()])
            .env("BEIAN_CONFIG_DIR", &dir)
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        out
    };
    let base = load("base/enterprise.toml");
    let first = bundle(&base, "first");
    let forms = std::fs::read_to_string(first.join("forms.md")).unwrap();
    assert!(!forms.contains("已有备案号"), "a first filing has none");
    // Our own letters go to letters/, fill-in sheets for fixed official forms to sheets/.
    assert!(
        first.join("letters").is_dir() || first.join("sheets").is_dir(),
        "a first filing has its letters or fill-in sheets"
    );

    let cancel = bundle(&as_type(base, "cancel"), "cancel");
    let forms = std::fs::read_to_string(cancel.join("forms.md")).unwrap();
    assert!(forms.contains("| 备案类型 | 注销备案（注销网站/APP） |"), "{forms}");
    assert!(forms.contains("| 主体备案号 | 粤ICP备2019012345号 |"), "{forms}");
    assert!(forms.contains("| 网站备案号 | 粤ICP备2019012345号-1 |"), "{forms}");
    for sub in ["letters", "sheets"] {
        let files: Vec<_> = std::fs::read_dir(cancel.join(sub))
            .map(|d| d.flatten().map(|e| e.file_name()).collect())
            .unwrap_or_default();
        assert!(files.is_empty(), "a cancel needs none of a first filing's {sub}: {files:?}");
    }
}

/// The draft reduced to what a change of `parts` submits: the principal's identity and
/// number, plus each changed part (the rest stays as filed).
fn change_of(parts: &[&str]) -> Table {
    let mut t = as_type(load("base/enterprise.toml"), "change");
    set(
        &mut t,
        "account.changes",
        Value::Array(parts.iter().map(|p| Value::String(p.to_string())).collect()),
    );
    let has = |p: &str| parts.contains(&p);
    if !has("principal") {
        for k in ["principal.address", "principal.mailing_address", "principal.document"] {
            edit::remove(&mut t, k);
        }
        if !has("principal_responsible") {
            edit::remove(&mut t, "principal.responsible");
        }
    }
    if !has("website") {
        // The site's responsible person is the principal's in the base; keep nothing of it.
        edit::remove(&mut t, "website");
        edit::remove(&mut t, "domain");
    }
    if !has("access") {
        edit::remove(&mut t, "account.resource");
    }
    t
}

fn errors(r: &DraftReport) -> Vec<String> {
    r.findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| format!("{} {}", f.rule, f.field))
        .collect()
}

#[test]
fn a_change_that_says_what_it_changes_needs_only_those_parts() {
    let keys = |r: &DraftReport| r.checklist.iter().map(|c| c.key().to_string()).collect::<Vec<_>>();
    // Each part alone is a complete change order.
    for parts in [
        &["principal"][..],
        &["principal_responsible"],
        &["website"],
        &["access"],
        &["principal", "website"],
    ] {
        let r = check(&change_of(parts), "change");
        assert!(noise(&r).is_empty(), "{parts:?}: {:#?}", noise(&r));
    }
    // The same reduced draft without `account.changes` is checked as a whole record.
    let mut whole = change_of(&["principal_responsible"]);
    edit::remove(&mut whole, "account.changes");
    let e = errors(&check(&whole, "whole"));
    for want in [
        "REQ-PRINCIPAL principal.address",
        "REQ-PRINCIPAL principal.document.number",
        "FILING-TYPE-SERVICE-NUMBER website",
    ] {
        assert!(e.iter().any(|x| x == want), "{want} not in {e:?}");
    }
    // Even a change of the responsible person names its principal.
    let mut nameless = change_of(&["principal_responsible"]);
    edit::remove(&mut nameless, "principal.name");
    assert_eq!(errors(&check(&nameless, "nameless")), ["REQ-CHANGE-PRINCIPAL principal.name"]);
    // A website change without a website, an APP change without an APP.
    let mut no_site = change_of(&["website", "app"]);
    edit::remove(&mut no_site, "website");
    let e = errors(&check(&no_site, "no site"));
    assert!(e.contains(&"FILING-TYPE-SERVICE-NUMBER website".to_string()), "{e:?}");
    assert!(e.contains(&"FILING-TYPE-SERVICE-NUMBER app".to_string()), "{e:?}");
    // The checklist asks for the changed parts' materials only.
    let principal = keys(&check(&change_of(&["principal"]), "p"));
    assert!(principal.iter().any(|k| k == "principal_document"), "{principal:?}");
    assert!(!principal.iter().any(|k| k.starts_with("domain_")), "{principal:?}");
    let website = keys(&check(&change_of(&["website"]), "w"));
    assert!(website.iter().any(|k| k == "domain_certificate"), "{website:?}");
    assert!(!website.iter().any(|k| k == "principal_document"), "{website:?}");
    // Changed parts on another type are a warning, and the draft is checked whole.
    let mut access = as_type(load("base/enterprise.toml"), "new_access");
    set(&mut access, "account.changes", Value::Array(vec!["website".into()]));
    let r = check(&access, "access");
    assert!(
        r.findings
            .iter()
            .any(|f| f.rule == "FILING-TYPE-CHANGES-UNUSED" && f.field == "account.changes")
    );
    // An unknown part is an error naming the known ones.
    let mut odd = change_of(&["website"]);
    set(
        &mut odd,
        "account.changes",
        Value::Array(vec!["website".into(), "everything".into()]),
    );
    let r = check(&odd, "odd");
    let f = r.findings.iter().find(|f| f.rule == "DRAFT-UNKNOWN-VALUE").expect("unknown part");
    assert_eq!(f.field, "account.changes.1");
    assert!(f.fix.en.contains("principal_responsible"), "{}", f.fix.en);
}
