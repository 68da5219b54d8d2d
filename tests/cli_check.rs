//! The `beian check` and `beian rules` commands as a user runs them: exit codes, the JSON
//! report contract of spec/draft-format.md, batches with broken drafts, `--as-of`,
//! `--require-materials`, masking of personal data, and `rules list/explain`.
//! Every command runs with BEIAN_LANG=zh and no BEIAN_FORMAT from the caller's environment.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn beian() -> Command {
    let mut c = Command::cargo_bin("beian").unwrap();
    c.env("BEIAN_LANG", "zh").env_remove("BEIAN_FORMAT").env_remove("LC_ALL");
    c
}

fn manifest() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn fixture(rel: &str) -> PathBuf {
    manifest().join("tests/fixtures").join(rel)
}

fn example_draft() -> PathBuf {
    manifest().join("examples/drafts/guangdong-enterprise.toml")
}

/// A fresh scratch folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli_check").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs `check --format json` and returns (exit code, parsed report).
fn check_json(args: &[&str]) -> (i32, Value) {
    let out = beian().arg("check").arg("--format").arg("json").args(args).output().unwrap();
    let text = String::from_utf8(out.stdout).expect("stdout is UTF-8");
    let v: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{text}"));
    (out.status.code().expect("exit code"), v)
}

fn findings(v: &Value, draft: usize) -> Vec<&Value> {
    v["drafts"][draft]["findings"].as_array().unwrap().iter().collect()
}

fn rules_of(v: &Value, draft: usize) -> Vec<String> {
    findings(v, draft).iter().map(|f| f["rule"].as_str().unwrap().to_string()).collect()
}

fn errors(v: &Value, draft: usize) -> Vec<String> {
    findings(v, draft)
        .iter()
        .filter(|f| f["severity"] == "error")
        .map(|f| format!("{} {}", f["rule"], f["field"]))
        .collect()
}

fn draft_by_path<'a>(v: &'a Value, ends_with: &str) -> &'a Value {
    v["drafts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["path"].as_str().unwrap().ends_with(ends_with))
        .unwrap_or_else(|| panic!("no draft ending in {ends_with}: {v:#}"))
}

/// Structural validation of the contract in spec/draft-format.md. Extra keys are allowed (the
/// contract is extended additively); the listed ones must be there with the listed types.
fn assert_contract(v: &Value) {
    let top = v.as_object().expect("the report is a JSON object");
    let drafts = top["drafts"].as_array().expect("drafts is an array");
    let summary = top["summary"].as_object().expect("summary is an object");
    let (mut errors, mut warnings) = (0, 0);
    for d in drafts {
        assert!(d["path"].is_string(), "path: {d}");
        assert!(d["ready"].is_boolean(), "ready: {d}");
        let fs = d["findings"].as_array().expect("findings is an array");
        let mut draft_errors = 0;
        for f in fs {
            for key in ["rule", "severity", "field", "message", "fix", "source"] {
                assert!(f[key].is_string(), "finding.{key} must be a string: {f}");
            }
            let sev = f["severity"].as_str().unwrap();
            assert!(["error", "warning", "info"].contains(&sev), "severity {sev}");
            assert!(!f["rule"].as_str().unwrap().is_empty() && !f["message"].as_str().unwrap().is_empty());
            match sev {
                "error" => draft_errors += 1,
                "warning" => warnings += 1,
                _ => {}
            }
        }
        errors += draft_errors;
        assert_eq!(d["ready"], draft_errors == 0, "ready must mean no error finding: {d}");
        for c in d["checklist"].as_array().expect("checklist is an array") {
            for key in ["material", "why", "status"] {
                assert!(c[key].is_string(), "checklist.{key} must be a string: {c}");
            }
            assert!(["have", "missing"].contains(&c["status"].as_str().unwrap()), "status: {c}");
        }
    }
    // Findings outside any one draft (an additive extension, e.g. a batch's cross-draft
    // findings in another top-level array) count in the summary too.
    for (key, val) in top {
        if key == "drafts" {
            continue;
        }
        for f in val.as_array().into_iter().flatten() {
            if f.get("rule").is_some() {
                match f["severity"].as_str() {
                    Some("error") => errors += 1,
                    Some("warning") => warnings += 1,
                    _ => {}
                }
            }
        }
    }
    assert_eq!(summary["drafts"].as_u64(), Some(drafts.len() as u64), "summary.drafts");
    assert_eq!(summary["errors"].as_u64(), Some(errors), "summary.errors");
    assert_eq!(summary["warnings"].as_u64(), Some(warnings), "summary.warnings");
}

// ---------------------------------------------------------------- exit codes and the contract

#[test]
fn example_draft_is_clean() {
    beian()
        .arg("check")
        .arg(example_draft())
        .assert()
        .code(0)
        .stdout(predicate::str::contains("0 个错误"));
    let (code, v) = check_json(&[example_draft().to_str().unwrap()]);
    assert_eq!(code, 0);
    assert_contract(&v);
    assert!(errors(&v, 0).is_empty(), "{:?}", errors(&v, 0));
    assert_eq!(v["drafts"][0]["ready"], true);
}

#[test]
fn json_report_follows_the_contract() {
    let paths = [
        example_draft(),
        fixture("seed/temporary_id.toml"),
        fixture("seed/id_expiring_with_receipt.toml"),
        fixture("seed/site_name_is_domain.toml"),
        fixture("clean/government_department_sichuan.toml"),
    ];
    let args: Vec<&str> = paths.iter().map(|p| p.to_str().unwrap()).collect();
    let (code, v) = check_json(&args);
    assert_eq!(code, 1);
    assert_contract(&v);
    assert_eq!(v["summary"]["drafts"], 5);
    // Each draft keeps its own path, in the order given.
    for (i, p) in paths.iter().enumerate() {
        assert_eq!(v["drafts"][i]["path"], p.display().to_string());
    }
    // field is the dotted path of the key to change; the material list names the bureau's forms.
    let temp = &v["drafts"][1];
    assert!(
        temp["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["rule"] == "ID-TEMPORARY" && f["field"] == "principal.responsible.document.type")
    );
    let gov = &v["drafts"][4];
    assert!(
        gov["checklist"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["material"] == "政府网站域名业务审核表")
    );
    // A material named in [materials] whose file exists is `have`.
    let receipt = v["drafts"][2]["checklist"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["material"].as_str().unwrap().contains("换证回执"))
        .expect("renewal receipt listed");
    assert_eq!(receipt["status"], "have");
}

#[test]
fn errors_exit_1() {
    beian()
        .arg("check")
        .arg(fixture("seed/temporary_id.toml"))
        .assert()
        .code(1)
        .stdout(predicate::str::contains("ID-TEMPORARY"));
}

#[test]
fn warnings_alone_exit_0() {
    let (code, v) = check_json(&[fixture("seed/id_expiring_with_receipt.toml").to_str().unwrap()]);
    assert_eq!(code, 0);
    assert_eq!(v["summary"]["errors"], 0);
    assert!(v["summary"]["warnings"].as_u64().unwrap() >= 1);
}

#[test]
fn missing_path_exits_2() {
    let missing = manifest().join("tests/fixtures/no-such-draft.toml");
    beian()
        .arg("check")
        .arg(&missing)
        .assert()
        .code(2)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains("no-such-draft.toml"));
    // Also in a batch: a usage error, not a half report.
    beian()
        .arg("check")
        .arg(example_draft())
        .arg(&missing)
        .arg("--format")
        .arg("json")
        .assert()
        .code(2);
}

// ---------------------------------------------------------------- batches with broken drafts

#[test]
fn batch_reports_every_file_and_goes_on_after_broken_ones() {
    let dir = scratch("batch");
    // a: not TOML at all (an unterminated string on line 4).
    std::fs::write(
        dir.join("a-broken.toml"),
        "format = 1\n[principal]\nkind = \"individual\"\nname = \"张三\n",
    )
    .unwrap();
    // b: a good draft with one key of the wrong type (a date written as text) on line 9.
    let good = std::fs::read_to_string(fixture("base/individual.toml")).unwrap();
    let wrong = good.replacen("valid_until = 2035-03-15", "valid_until = 20350315", 1);
    assert_ne!(wrong, good);
    std::fs::write(dir.join("b-wrong-type.toml"), &wrong).unwrap();
    // c: clean.
    std::fs::write(dir.join("c-good.toml"), &good).unwrap();
    let (code, v) = check_json(&[dir.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert_contract(&v);
    assert_eq!(v["summary"]["drafts"], 3, "every file is reported: {v:#}");

    let a = draft_by_path(&v, "a-broken.toml");
    let syntax = a["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "DRAFT-SYNTAX")
        .expect("DRAFT-SYNTAX");
    assert_eq!(syntax["severity"], "error");
    assert_eq!(syntax["field"], "");
    let msg = syntax["message"].as_str().unwrap();
    assert!(
        msg.contains("第 4 行") && msg.contains("列"),
        "message must give line and column: {msg}"
    );

    let b = draft_by_path(&v, "b-wrong-type.toml");
    let ty = b["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "DRAFT-TYPE")
        .expect("DRAFT-TYPE");
    assert_eq!(ty["severity"], "error");
    assert_eq!(ty["field"], "principal.document.valid_until");
    let line = wrong.lines().position(|l| l.contains("20350315")).unwrap() + 1;
    assert!(ty["message"].as_str().unwrap().contains(&format!("第 {line} 行")), "{ty}");

    let c = draft_by_path(&v, "c-good.toml");
    assert_eq!(c["ready"], true, "{c:#}");

    // The human report lists all three too.
    beian()
        .arg("check")
        .arg(&dir)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("a-broken.toml"))
        .stdout(predicate::str::contains("b-wrong-type.toml"))
        .stdout(predicate::str::contains("c-good.toml"));
}

#[test]
fn unknown_key_warns_with_the_closest_known_key() {
    let dir = scratch("unknown-key");
    let good = std::fs::read_to_string(fixture("base/enterprise.toml")).unwrap();
    let typo = good.replacen("emergency_phone =", "emergency_phon =", 1);
    assert_ne!(typo, good);
    std::fs::write(dir.join("typo.toml"), typo).unwrap();
    let (_, v) = check_json(&[dir.join("typo.toml").to_str().unwrap()]);
    assert_contract(&v);
    let f = findings(&v, 0)
        .into_iter()
        .find(|f| f["rule"] == "DRAFT-UNKNOWN-KEY")
        .expect("DRAFT-UNKNOWN-KEY");
    assert_eq!(f["severity"], "warning");
    assert_eq!(f["field"], "principal.responsible.contact.emergency_phon");
    assert!(
        f["message"]
            .as_str()
            .unwrap()
            .contains("principal.responsible.contact.emergency_phone"),
        "must name the closest key: {f}"
    );
}

// ---------------------------------------------------------------- options

#[test]
fn as_of_overrides_filing_date() {
    // The base draft is filed on 2026-12-01; its domain expires on 2028-10-01.
    let draft = fixture("base/enterprise.toml");
    let d = draft.to_str().unwrap();
    let (code, v) = check_json(&[d]);
    assert_eq!(code, 0);
    assert!(!rules_of(&v, 0).contains(&"DOMAIN-EXPIRED".to_string()));
    let (code, v) = check_json(&[d, "--as-of", "2028-12-01"]);
    assert_eq!(code, 1);
    assert!(rules_of(&v, 0).contains(&"DOMAIN-EXPIRED".to_string()), "{:?}", rules_of(&v, 0));
    // And the other way: a draft filed after its domain expired is fine as of an earlier day.
    let late = fixture("seed/domain_expired.toml");
    let (code, _) = check_json(&[late.to_str().unwrap()]);
    assert_eq!(code, 1);
    let (code, v) = check_json(&[late.to_str().unwrap(), "--as-of", "2025-06-01"]);
    assert_eq!(code, 0, "{:?}", errors(&v, 0));
    beian().args(["check", d, "--as-of", "2028-13-01"]).assert().code(2);
}

#[test]
fn require_materials_turns_missing_materials_into_errors() {
    let d = example_draft();
    beian().arg("check").arg(&d).assert().code(0);
    let (code, v) = check_json(&[d.to_str().unwrap(), "--require-materials"]);
    assert_eq!(code, 1);
    assert_contract(&v);
    let missing = v["drafts"][0]["checklist"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["status"] == "missing")
        .count();
    let raised = findings(&v, 0).iter().filter(|f| f["rule"] == "MATERIAL-MISSING").count();
    assert!(missing > 0);
    assert_eq!(raised, missing, "one MATERIAL-MISSING error per missing material");
}

// ---------------------------------------------------------------- personal data

#[test]
fn ids_and_phones_are_never_printed_unmasked() {
    const ID: &str = "440106199207184537";
    const BAD_ID: &str = "440106199207184538";
    const MOBILE: &str = "13922334455";
    let dir = scratch("pii");
    let good = std::fs::read_to_string(fixture("base/individual.toml")).unwrap();
    // Findings that concern the ID and the mobile: a wrong check digit on the domain's record,
    // the ID pasted into the document-type column (a message that echoes the value), the
    // emergency phone equal to the mobile, the mobile repeated as the landline.
    let draft = good
        .replace("440305199503151232", ID)
        .replacen(
            "holder_document_type = \"resident_id\"",
            &format!("holder_document_type = \"{ID}\""),
            1,
        )
        .replacen(
            &format!("holder_document_number = \"{ID}\""),
            &format!("holder_document_number = \"{BAD_ID}\""),
            1,
        )
        .replace("13912345678", MOBILE)
        .replace(
            "emergency_phone = \"13787654321\"",
            &format!("emergency_phone = \"{MOBILE}\"\nphone = \"{MOBILE}\""),
        );
    assert!(draft.contains(ID) && draft.contains(BAD_ID) && draft.contains(MOBILE));
    std::fs::write(dir.join("canary.toml"), &draft).unwrap();
    // A broken draft whose syntax error sits on the ID's line.
    std::fs::write(
        dir.join("canary-broken.toml"),
        format!("format = 1\n[principal.document]\nnumber = {ID}X\n"),
    )
    .unwrap();
    for format in ["table", "json"] {
        for lang in ["zh", "en"] {
            let out = beian()
                .env("BEIAN_LANG", lang)
                .args(["check", "--format", format])
                .arg(&dir)
                .output()
                .unwrap();
            assert_eq!(out.status.code(), Some(1));
            let all = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
            assert!(all.contains("canary.toml"), "{format}/{lang}: the report is there");
            for secret in [ID, BAD_ID, MOBILE] {
                assert!(!all.contains(secret), "{format}/{lang} printed {secret}:\n{all}");
            }
        }
    }
    // The findings really were about those values (the canary is not vacuous).
    let (_, v) = check_json(&[dir.join("canary.toml").to_str().unwrap()]);
    let rules = rules_of(&v, 0);
    for r in [
        // The draft is filed in 广东, whose own holder-document rule replaces the national one.
        "GD-DOMAIN-HOLDER-DOC",
        "DRAFT-UNKNOWN-VALUE",
        "CONTACT-EMERGENCY-SAME",
        "CONTACT-PHONE-SAME",
    ] {
        assert!(rules.contains(&r.to_string()), "{r} missing: {rules:?}");
    }
    let echoed = findings(&v, 0)
        .into_iter()
        .find(|f| f["rule"] == "DRAFT-UNKNOWN-VALUE")
        .map(|f| f["message"].as_str().unwrap().to_string())
        .unwrap();
    assert!(echoed.contains("4401**********4537"), "the value is shown masked: {echoed}");
}

// ---------------------------------------------------------------- rules list / explain

fn rule_list(province: Option<&str>) -> Vec<Value> {
    let mut c = beian();
    c.args(["rules", "list", "--json"]);
    if let Some(p) = province {
        c.args(["--province", p]);
    }
    let out = c.output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    serde_json::from_slice::<Value>(&out.stdout).unwrap().as_array().unwrap().clone()
}

#[test]
fn every_rule_can_be_explained() {
    let mut codes: Vec<(String, String)> = rule_list(None)
        .iter()
        .map(|r| (r["code"].as_str().unwrap().to_string(), r["source"].as_str().unwrap().to_string()))
        .collect();
    // Province rules too: `rules list` without --province shows the national ones.
    for p in ["山西", "四川", "广东"] {
        for r in rule_list(Some(p)) {
            let code = r["code"].as_str().unwrap().to_string();
            if !codes.iter().any(|(c, _)| *c == code) {
                codes.push((code, r["source"].as_str().unwrap().to_string()));
            }
        }
    }
    assert!(codes.len() > 60, "only {} rules listed", codes.len());
    for (code, source) in &codes {
        assert!(!source.is_empty(), "{code} has no source");
        let out = beian().args(["rules", "explain", code]).output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "explain {code}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains(code.as_str()), "explain {code} does not name it");
        assert!(text.contains(source.as_str()), "explain {code} does not show its source");
    }
}

#[test]
fn explaining_an_unknown_code_exits_2() {
    beian()
        .args(["rules", "explain", "NO-SUCH-RULE"])
        .assert()
        .code(2)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains("NO-SUCH-RULE"));
}

#[test]
fn rules_list_for_shanxi_has_national_and_shanxi_rules() {
    let codes: Vec<String> = rule_list(Some("山西"))
        .iter()
        .map(|r| r["code"].as_str().unwrap().to_string())
        .collect();
    for want in [
        "ID-VALIDITY",
        "DOMAIN-HOLDER",
        "SITE-NAME-LENGTH",
        "SX-LEGAL-REP",
        "SX-IND-OUT-OF-PROVINCE",
    ] {
        assert!(codes.contains(&want.to_string()), "{want} missing from 山西's list");
    }
    assert!(!codes.iter().any(|c| c.starts_with("GD-")), "another province's rules leaked in");
    // The same list whichever way the province is written.
    for alias in ["山西省", "14", "shanxi"] {
        let again: Vec<String> = rule_list(Some(alias))
            .iter()
            .map(|r| r["code"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(again, codes, "--province {alias}");
    }
}

#[test]
fn an_empty_folder_is_a_usage_error() {
    // A CI job that checks nothing must not pass (issue 10): exit 2, said on stderr.
    let dir = tempfile::tempdir().unwrap();
    beian()
        .arg("check")
        .arg(dir.path())
        .assert()
        .code(2)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains("*.toml"));
}
