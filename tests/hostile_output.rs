//! Drafts written to subvert the reports: terminal escapes and bidi overrides in names,
//! identifiers hidden in keys and names, spreadsheet formulas, GitHub workflow commands.
//! Every format must show them harmlessly (issue 15, items 8–11).

use assert_cmd::Command;
use std::path::{Path, PathBuf};

fn beian() -> Command {
    let mut c = Command::cargo_bin("beian").unwrap();
    c.env("BEIAN_LANG", "zh").env_remove("BEIAN_FORMAT").env_remove("LC_ALL");
    c
}

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("hostile_output").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn base() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/base/enterprise.toml")).unwrap()
}

/// The base enterprise draft with its principal's name replaced by `name` (a TOML basic
/// string body) and `extra` appended.
fn draft_with(dir: &Path, name: &str, extra: &str) -> PathBuf {
    let src = base().replacen("name = \"深圳市示例网络科技有限公司\"", &format!("name = \"{name}\""), 1);
    assert!(src.contains(name));
    let path = dir.join("draft.toml");
    std::fs::write(&path, format!("{src}\n{extra}")).unwrap();
    path
}

const FORMATS: &[&str] = &["table", "json", "csv", "junit", "sarif", "github"];

fn run(path: &Path, format: &str) -> (String, String) {
    let out = beian()
        .args(["check", "--format", format, "--color", "never"])
        .arg(path)
        .output()
        .unwrap();
    assert!(out.status.code().is_some_and(|c| c == 0 || c == 1), "{format}: {out:?}");
    (String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

fn raw_hostile(s: &str) -> Option<char> {
    s.chars().find(|&c| {
        matches!(c, '\u{1b}' | '\u{7}' | '\u{0}'..='\u{8}' | '\u{b}'..='\u{c}' | '\u{e}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
            | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{61c}')
    })
}

#[test]
fn control_and_bidi_characters_never_reach_any_output() {
    let dir = scratch("escapes");
    // OSC title change, SGR colour, C1 CSI, a bidi override and an isolate, in a TOML escape.
    let name = r"示例\u001b]0;owned\u0007\u001b[31m公司\u009b2J\u202eevil\u2066x";
    let path = draft_with(&dir, name, "");
    for format in FORMATS {
        let (out, err) = run(&path, format);
        assert_eq!(raw_hostile(&out), None, "{format} stdout holds a raw control: {out}");
        assert_eq!(raw_hostile(&err), None, "{format} stderr holds a raw control: {err}");
    }
    // Shown, not dropped: the reader can see what the draft holds.
    let (table, _) = run(&path, "table");
    assert!(table.contains("\\u{1b}]0;owned"), "{table}");
    // JSON keeps the value: its escapes decode to the same characters.
    let (json, _) = run(&path, "json");
    assert!(json.contains("\\u202e") && json.contains("\\u009b"), "{json}");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        v["drafts"][0]["principal"].as_str().unwrap(),
        "示例\u{1b}]0;owned\u{7}\u{1b}[31m公司\u{9b}2J\u{202e}evil\u{2066}x"
    );
}

#[test]
fn identifiers_in_names_and_keys_are_masked_everywhere() {
    let dir = scratch("pii");
    // A mobile typed into the name with a zero-width space, full-width digits in a key,
    // a resident ID as a key.
    let name = r"张三1380\u200b0138000";
    let extra = "[materials]\n\"44030519900101123X\" = \"scan.jpg\"\n\"１３９００１３９０００\" = \"x.jpg\"\n";
    let path = draft_with(&dir, name, extra);
    for format in FORMATS {
        let (out, _) = run(&path, format);
        let flat = out.replace('\u{200b}', "").replace("\\u200b", "").replace("\\u{200b}", "");
        for secret in ["13800138000", "44030519900101123X", "１３９００１３９０００", "0519900101"] {
            assert!(!flat.contains(secret), "{format} shows {secret}: {out}");
        }
    }
}

#[test]
fn quantities_are_not_masked() {
    let dir = scratch("quantity");
    let src = base().replacen("purchased_months = 12", "purchased_months = -9223372036854775808", 1);
    let path = dir.join("draft.toml");
    std::fs::write(&path, src).unwrap();
    let (out, _) = run(&path, "json");
    assert!(!out.contains("9223*"), "{out}");
}

#[test]
fn csv_cells_cannot_run_as_formulas() {
    let dir = scratch("csv");
    let path = draft_with(&dir, r#"=HYPERLINK(\"http://x\",\"y\")"#, "");
    let (out, _) = run(&path, "csv");
    let mut rd = csv::Reader::from_reader(out.as_bytes());
    let headers = rd.headers().unwrap().clone();
    let col = headers.iter().position(|h| h == "principal").unwrap();
    let rec = rd.records().next().unwrap().unwrap();
    assert_eq!(&rec[col], "'=HYPERLINK(\"http://x\",\"y\")");
    for rec in csv::Reader::from_reader(out.as_bytes()).records() {
        for cell in rec.unwrap().iter() {
            assert!(!cell.starts_with(['=', '+', '@', '\t', '\r']), "cell {cell:?}");
        }
    }
}

#[test]
fn github_commands_cannot_be_injected() {
    let dir = scratch("github");
    let path = draft_with(&dir, r"x\n::error file=evil::pwned\n##[group]y\r%0A::warning::z", "");
    let (out, _) = run(&path, "github");
    for line in out.lines() {
        let ours = line.starts_with("::error file=") || line.starts_with("::warning file=") || line.starts_with("::notice file=");
        assert!(ours || !line.starts_with("::"), "injected command: {line}");
        assert!(!line.starts_with("##["), "injected command: {line}");
        if ours {
            // The properties end at the first `::`; the draft's text is only in the message.
            let props = line[2..].split("::").next().unwrap();
            assert!(!props.contains("evil"), "{line}");
        }
    }
    assert!(!out.lines().any(|l| l.starts_with("::error file=evil")), "{out}");
}

#[test]
fn a_megabyte_value_is_cut_in_the_table() {
    let dir = scratch("huge");
    let name = "名".repeat(300_000);
    let path = draft_with(&dir, &name, "");
    let (out, _) = run(&path, "table");
    assert!(out.contains("个字符未显示"), "the cut says how much was left out");
    assert!(out.len() < 64 * 1024, "table output is {} bytes", out.len());
    // Every format still answers, with the same verdict.
    let (json, _) = run(&path, "json");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["drafts"][0]["principal"].as_str().map(|s| s.chars().count()), Some(300_000));
}

/// With many domains the checks key each name once (a hash set) instead of comparing every
/// pair; the findings must be the same as the pairwise comparison gives.
#[test]
fn many_domains_are_matched_by_key_with_the_same_findings() {
    let dir = scratch("many-domains");
    let base = base();
    let head = &base[..base.find("[[domain]]").unwrap()];
    let n = 200;
    let mut src = head.to_string();
    for i in 0..n {
        // Case and a trailing spelling difference must still match.
        src.push_str(&format!(
            "[[domain]]\nname = \"D{i}.Example.com\"\nholder = \"深圳市示例网络科技有限公司\"\n"
        ));
    }
    let listed: Vec<String> = (1..n)
        .map(|i| format!("\"d{i}.example.com\""))
        .chain(["\"unknown.example.com\"".to_string()])
        .collect();
    src.push_str(&format!(
        "[[website]]\nname = \"示例科技官网\"\ndomains = [{}]\nhome_url = \"www.d1.example.com\"\nservice_content = [\"enterprise_portal\"]\nlanguages = [\"zh-CN\"]\nresponsible = \"principal\"\n",
        listed.join(", ")
    ));
    let path = dir.join("draft.toml");
    std::fs::write(&path, src).unwrap();
    let (json, _) = run(&path, "json");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let fields = |code: &str| -> Vec<String> {
        v["drafts"][0]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["rule"] == code)
            .map(|f| f["field"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(fields("DOMAIN-UNUSED"), ["domain.0.name"], "only D0 is listed by no website");
    assert_eq!(fields("WEBSITE-DOMAIN-LISTED"), [format!("website.0.domains.{}", n - 1)]);
}

#[test]
fn the_bundle_shows_control_characters_harmlessly() {
    let dir = scratch("bundle");
    let path = draft_with(&dir, r"示例\u001b]0;owned\u0007\u202e公司", "");
    let out = dir.join("b");
    let cfg = dir.join("cfg");
    std::fs::create_dir_all(&cfg).unwrap();
    let o = beian()
        .env("BEIAN_CONFIG_DIR", &cfg)
        .arg("bundle")
        .arg(&path)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert!(matches!(o.status.code(), Some(0 | 1)), "{o:?}");
    for (f, text) in ["checklist.md", "forms.md", "report.html"].map(|f| (f, std::fs::read_to_string(out.join(f)).unwrap())) {
        assert_eq!(raw_hostile(&text), None, "{f} holds a raw control character");
        assert!(text.contains("\\u{1b}]0;owned"), "{f} shows it escaped");
    }
    assert_eq!(raw_hostile(&String::from_utf8_lossy(&o.stdout)), None);
}

#[test]
fn answers_with_a_wrong_shape_do_not_panic() {
    let dir = scratch("answers");
    let answers = dir.join("answers.toml");
    // A complete answers file, except that the principal's document is a list.
    let full = base();
    let (start, end) = (
        full.find("[principal.document]").unwrap(),
        full.find("[principal.responsible]").unwrap(),
    );
    let src = format!("{}{}", &full[..start], &full[end..]).replacen("mailing_address = ", "document = []\nmailing_address = ", 1);
    assert!(src.contains("document = []"));
    std::fs::write(&answers, src).unwrap();
    let o = beian()
        .current_dir(&dir)
        .env("BEIAN_CONFIG_DIR", &dir)
        .args(["new", "--no-input", "--answers"])
        .arg(&answers)
        .args(["--out", "out"])
        .output()
        .unwrap();
    // Missing answers: exit 1 with the list, never a panic (101).
    assert_eq!(o.status.code(), Some(1), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(!String::from_utf8_lossy(&o.stderr).contains("panicked"));
}
