//! The filing bundle: snapshots of every generated file for three drafts, and the safety
//! promises (no clobbering, --force, permissions, interrupted writes, no ID numbers on the
//! terminal).

use beian::bundle::{self, templates, write};
use beian::diag::Lang;
use std::path::{Path, PathBuf};
use std::process::Command;

const DRAFTS: &[&str] = &["individual-guangdong", "enterprise-shanxi", "government-sichuan"];

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bundle")
}

fn draft(name: &str) -> (PathBuf, String) {
    let p = fixtures().join(format!("{name}.toml"));
    let src = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("cannot read {}: {e}", p.display()));
    (p, src)
}

/// Every 18-character ID number and credit code in a fixture (what must never reach a terminal).
fn id_numbers(src: &str) -> Vec<String> {
    let mut out: Vec<String> = src
        .split(['"', '\n'])
        .filter(|s| s.len() == 18 && s.chars().all(|c| c.is_ascii_alphanumeric()) && s.chars().filter(char::is_ascii_digit).count() >= 8)
        .map(str::to_string)
        .collect();
    out.sort();
    out.dedup();
    assert!(!out.is_empty(), "fixture has no ID numbers to look for");
    out
}

fn beian() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_beian"));
    for k in [
        "BEIAN_LANG",
        "BEIAN_FORMAT",
        "BEIAN_CONFIG_DIR",
        "BEIAN_TEST_FAIL_AFTER_FILES",
        "LANG",
        "LC_ALL",
        "LC_MESSAGES",
    ] {
        c.env_remove(k);
    }
    c.env("BEIAN_LANG", "zh");
    c
}

/// A config folder with no overrides, so the user's own never leak into tests.
fn empty_config() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

fn read_tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    fn walk(root: &Path, d: &Path, out: &mut Vec<(String, Vec<u8>)>) {
        for e in std::fs::read_dir(d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(root, &p, out);
            } else {
                out.push((
                    p.strip_prefix(root).unwrap().to_string_lossy().into_owned(),
                    std::fs::read(&p).unwrap(),
                ));
            }
        }
    }
    walk(dir, dir, &mut out);
    out.sort();
    out
}

#[test]
fn snapshots_of_every_bundle_file() {
    let fixtures_dir = fixtures().to_string_lossy().into_owned();
    for name in DRAFTS {
        let (path, src) = draft(name);
        let r = bundle::render(&src, Some(&path), Lang::Zh, None, None).unwrap();
        for (file, bytes) in &r.files {
            if file == write::MARKER {
                continue;
            }
            let text = String::from_utf8(bytes.clone()).unwrap().replace(&fixtures_dir, "[FIXTURES]");
            let snap = format!("{name}__{}", file.replace('/', "__"));
            insta::assert_snapshot!(snap, text);
        }
    }
}

#[test]
fn english_checklist_snapshot() {
    // Headings and rule texts follow --lang; the letters stay Chinese.
    let (path, src) = draft("enterprise-shanxi");
    let r = bundle::render(&src, Some(&path), Lang::En, None, None).unwrap();
    let get = |name: &str| String::from_utf8(r.files.iter().find(|(f, _)| f == name).unwrap().1.clone()).unwrap();
    insta::assert_snapshot!("enterprise-shanxi__en__checklist.md", get("checklist.md"));
    assert!(get("letters/website_responsible_authorization.md").starts_with("# 网站负责人授权书"));
}

#[test]
fn letters_follow_the_rules() {
    let letters = |name: &str| -> Vec<String> {
        let (path, src) = draft(name);
        let r = bundle::render(&src, Some(&path), Lang::Zh, None, None).unwrap();
        r.files
            .iter()
            .map(|(f, _)| f.clone())
            .filter(|f| f.starts_with("letters/"))
            .collect()
    };
    let files = |name: &str, dir: &str| -> Vec<String> {
        let (path, src) = draft(name);
        let r = bundle::render(&src, Some(&path), Lang::Zh, None, None).unwrap();
        r.files.iter().map(|(f, _)| f.clone()).filter(|f| f.starts_with(dir)).collect()
    };
    // 广东's commitment is the bureau's fixed form: a fill-in sheet, no letter of ours.
    assert_eq!(letters("individual-guangdong"), Vec::<String>::new());
    assert_eq!(files("individual-guangdong", "sheets/"), ["sheets/commitment_letter.md"]);
    let (path, src) = draft("individual-guangdong");
    let r = bundle::render(&src, Some(&path), Lang::Zh, None, None).unwrap();
    let sheet = String::from_utf8(r.files.iter().find(|(f, _)| f == "sheets/commitment_letter.md").unwrap().1.clone()).unwrap();
    assert!(sheet.starts_with("# 广东省互联网信息服务备案承诺书：填写指引"), "{sheet}");
    assert!(sheet.contains("440304199808080045"), "the sheet says which ID number to write");
    assert!(sheet.contains("✍ 亲笔手写"), "{sheet}");

    let sx = letters("enterprise-shanxi");
    assert!(sx.contains(&"letters/website_responsible_authorization.md".to_string()), "{sx:?}");
    assert!(files("government-sichuan", "sheets/").contains(&"sheets/gov_domain_form.md".to_string()));
}

#[test]
fn principal_authorisation_letters_render() {
    // The responsible person is not the legal representative: 法人授权书 (the province
    // rejects it as well, but the bundle still renders with that finding as a to-do).
    let (path, src) = draft("enterprise-shanxi");
    let delegated = src.replacen("is_legal_representative = true", "is_legal_representative = false", 1);
    let r = bundle::render(&delegated, Some(&path), Lang::Zh, None, None).unwrap();
    let letter = r
        .files
        .iter()
        .find(|(f, _)| f == "letters/legal_rep_authorization.md")
        .expect("法人授权书");
    let letter = String::from_utf8(letter.1.clone()).unwrap();
    assert!(letter.starts_with("# 法人授权书"), "{letter}");
    assert!(letter.contains("赵六") && letter.contains("140105198203150012"), "{letter}");
    assert!(letter.contains("授权人（法定代表人，签字）：＿"), "{letter}");
    assert!(
        letter.contains("负责。\n\n| 授权人"),
        "the table is its own Markdown block:\n{letter}"
    );
    // Without a known legal representative the website letter leaves the name out rather than guessing.
    let web = r
        .files
        .iter()
        .find(|(f, _)| f == "letters/website_responsible_authorization.md")
        .unwrap();
    assert!(!String::from_utf8_lossy(&web.1).contains("法定代表人赵六"));
    // A legal representative on a passport authorises a mainland-ID holder: 主体负责人授权书.
    let foreign = src.replacen(
        "type = \"resident_id\"\nnumber = \"140105198203150012\"",
        "type = \"passport\"\nnumber = \"E12345678\"",
        1,
    );
    assert_ne!(foreign, src);
    let r = bundle::render(&foreign, Some(&path), Lang::Zh, None, None).unwrap();
    let letter = r
        .files
        .iter()
        .find(|(f, _)| f == "letters/principal_authorization_foreign.md")
        .expect("主体负责人授权书");
    assert!(String::from_utf8_lossy(&letter.1).starts_with("# 主体负责人授权书"));
}

#[test]
fn as_of_dates_everything() {
    let (path, src) = draft("enterprise-shanxi");
    let day = chrono::NaiveDate::from_ymd_opt(2027, 1, 15).unwrap();
    let r = bundle::render(&src, Some(&path), Lang::Zh, Some(day), None).unwrap();
    let all: String = r.files.iter().map(|(_, b)| String::from_utf8_lossy(b).into_owned()).collect();
    assert!(
        all.contains("2027年1月15日") && all.contains("2027-02-14"),
        "letters and the police deadline follow --as-of"
    );
    assert!(!all.contains("2026年12月1日"));
}

#[test]
fn every_template_a_table_names_exists_and_renders() {
    let rules = beian::rules::rules();
    for (_, m) in rules.materials {
        if let Some(t) = &m.template {
            assert!(
                templates::embedded(t).is_some(),
                "material {} names template {t}, which is not in templates/",
                m.key
            );
        }
    }
    let env = templates::environment(None);
    for (name, _) in templates::EMBEDDED {
        env.get_template(name)
            .unwrap_or_else(|e| panic!("{name}: {}", templates::describe_error(&e)));
        assert!(Path::new(env!("CARGO_MANIFEST_DIR")).join("templates").join(name).is_file());
    }
    // And every file in templates/ is embedded.
    for e in std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("templates"))
        .unwrap()
        .flatten()
    {
        let n = e.file_name().to_string_lossy().into_owned();
        assert!(templates::embedded(&n).is_some(), "templates/{n} is not embedded");
    }
}

#[cfg(unix)]
fn mode(p: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

#[test]
fn written_bundle_matches_render_with_private_permissions() {
    let tmp = tempfile::tempdir().unwrap();
    let (path, src) = draft("enterprise-shanxi");
    let out = tmp.path().join("shanxi");
    let s = bundle::write_bundle_using(&src, Some(&path), &out, false, Lang::Zh, None, None).unwrap();
    assert_eq!(s.out, out);
    assert!(s.errors >= 1, "the fake scan is an error finding");
    let want = {
        let mut f = bundle::render(&src, Some(&path), Lang::Zh, None, None).unwrap().files;
        f.sort();
        f
    };
    assert_eq!(read_tree(&out), want);
    #[cfg(unix)]
    {
        assert_eq!(mode(&out), 0o700);
        assert_eq!(mode(&out.join("letters")), 0o700);
        for (f, _) in &want {
            assert_eq!(mode(&out.join(f)), 0o600, "{f}");
        }
    }
    // Nothing left beside it.
    let names: Vec<String> = std::fs::read_dir(tmp.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["shanxi"]);
}

#[test]
fn no_clobber_then_force() {
    let tmp = tempfile::tempdir().unwrap();
    let (path, src) = draft("individual-guangdong");
    let out = tmp.path().join("b");
    bundle::write_bundle_using(&src, Some(&path), &out, false, Lang::Zh, None, None).unwrap();
    std::fs::write(out.join("notes.txt"), "mine").unwrap();
    let err = bundle::write_bundle_using(&src, Some(&path), &out, false, Lang::Zh, None, None).unwrap_err();
    assert!(err.downcast_ref::<bundle::Exists>().is_some(), "{err}");
    assert_eq!(
        std::fs::read_to_string(out.join("notes.txt")).unwrap(),
        "mine",
        "untouched without --force"
    );

    // --force never deletes what the user added: it refuses and names the file.
    let err = bundle::write_bundle_using(&src, Some(&path), &out, true, Lang::Zh, None, None).unwrap_err();
    let foreign = err.downcast_ref::<bundle::Foreign>().expect("a Foreign error");
    assert_eq!(foreign.added, ["notes.txt"]);
    assert_eq!(std::fs::read_to_string(out.join("notes.txt")).unwrap(), "mine");
    std::fs::remove_file(out.join("notes.txt")).unwrap();
    bundle::write_bundle_using(&src, Some(&path), &out, true, Lang::Zh, None, None).unwrap();
    assert!(out.join("report.html").is_file());
    let left: Vec<String> = std::fs::read_dir(tmp.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(left, ["b"], "no backup or temp folder left behind");

    // A folder that is not a bundle is never replaced, even with --force.
    let home = tmp.path().join("home");
    std::fs::create_dir(&home).unwrap();
    std::fs::write(home.join("precious"), "x").unwrap();
    assert!(bundle::write_bundle_using(&src, Some(&path), &home, true, Lang::Zh, None, None).is_err());
    assert!(home.join("precious").is_file());

    // An empty folder made beforehand holds nothing to lose: no --force needed.
    let empty = tmp.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    bundle::write_bundle_using(&src, Some(&path), &empty, false, Lang::Zh, None, None).unwrap();
    assert!(empty.join("report.html").is_file() && empty.join(bundle::write::MARKER).is_file());
}

#[test]
fn cli_refuses_existing_target_without_force() {
    let tmp = tempfile::tempdir().unwrap();
    let cfg = empty_config();
    let out = tmp.path().join("b");
    let draft_path = fixtures().join("government-sichuan.toml");
    let run = |force: bool| {
        let mut c = beian();
        c.env("BEIAN_CONFIG_DIR", cfg.path())
            .arg("bundle")
            .arg(&draft_path)
            .arg("--out")
            .arg(&out);
        if force {
            c.arg("--force");
        }
        c.output().unwrap()
    };
    let first = run(false);
    assert_eq!(first.status.code(), Some(0), "{}", String::from_utf8_lossy(&first.stderr));
    let second = run(false);
    assert_eq!(second.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&second.stderr).contains("--force"));
    let third = run(true);
    assert_eq!(third.status.code(), Some(0));
}

#[test]
fn interrupted_write_leaves_no_bundle() {
    let tmp = tempfile::tempdir().unwrap();
    let cfg = empty_config();
    let draft_path = fixtures().join("enterprise-shanxi.toml");
    let out = tmp.path().join("b");
    let o = beian()
        .env("BEIAN_CONFIG_DIR", cfg.path())
        .env("BEIAN_TEST_FAIL_AFTER_FILES", "3")
        .args(["bundle", "--out"])
        .arg(&out)
        .arg(&draft_path)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stderr).contains("injected failure"));
    assert!(!out.exists(), "no half-written bundle");
    assert_eq!(std::fs::read_dir(tmp.path()).unwrap().count(), 0, "temp folder cleaned up");

    // With --force over an existing bundle, the old one stays as it was.
    bundle::write_bundle_using(
        &std::fs::read_to_string(&draft_path).unwrap(),
        Some(&draft_path),
        &out,
        false,
        Lang::Zh,
        None,
        None,
    )
    .unwrap();
    let before = read_tree(&out);
    let o = beian()
        .env("BEIAN_CONFIG_DIR", cfg.path())
        .env("BEIAN_TEST_FAIL_AFTER_FILES", "5")
        .args(["bundle", "--force", "--as-of", "2027-03-01", "--out"])
        .arg(&out)
        .arg(&draft_path)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(read_tree(&out), before, "previous bundle untouched");
    assert_eq!(std::fs::read_dir(tmp.path()).unwrap().count(), 1);
}

#[test]
fn failing_template_override_leaves_no_bundle_and_no_ids() {
    let tmp = tempfile::tempdir().unwrap();
    let cfg = empty_config();
    std::fs::create_dir(cfg.path().join("templates")).unwrap();
    // Renders the ID number, then fails on an undefined variable (strict mode).
    std::fs::write(
        cfg.path().join("templates/report.html.j2"),
        "{{ principal.document.number }} {{ principal.responsible.document.number }}\n{{ no_such_value.field }}\n",
    )
    .unwrap();
    let (draft_path, src) = draft("government-sichuan");
    let out = tmp.path().join("b");
    let o = beian()
        .env("BEIAN_CONFIG_DIR", cfg.path())
        .args(["bundle", "--out"])
        .arg(&out)
        .arg(&draft_path)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("report.html.j2"), "{err}");
    for id in id_numbers(&src) {
        assert!(
            !err.contains(&id) && !String::from_utf8_lossy(&o.stdout).contains(&id),
            "{id} leaked: {err}"
        );
    }
    assert!(!out.exists());
    assert_eq!(std::fs::read_dir(tmp.path()).unwrap().count(), 0);
}

#[test]
fn override_is_used_and_listed() {
    let tmp = tempfile::tempdir().unwrap();
    let cfg = empty_config();
    std::fs::create_dir(cfg.path().join("templates")).unwrap();
    std::fs::write(cfg.path().join("templates/forms.md.j2"), "# 我的表单 {{ principal.name }}\n").unwrap();
    let draft_path = fixtures().join("government-sichuan.toml");
    let out = tmp.path().join("b");
    let o = beian()
        .env("BEIAN_CONFIG_DIR", cfg.path())
        .args(["bundle", "--out"])
        .arg(&out)
        .arg(&draft_path)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        std::fs::read_to_string(out.join("forms.md")).unwrap(),
        "# 我的表单 成都市锦江区示例服务中心\n"
    );

    let list = beian()
        .env("BEIAN_CONFIG_DIR", cfg.path())
        .args(["templates", "list"])
        .output()
        .unwrap();
    let list = String::from_utf8(list.stdout).unwrap();
    assert!(list.lines().any(|l| l.starts_with("forms.md.j2\t覆盖")), "{list}");
    assert!(list.lines().any(|l| l.starts_with("authorization-principal.md.j2\t内置")), "{list}");
    let show = beian()
        .env("BEIAN_CONFIG_DIR", cfg.path())
        .args(["templates", "show", "forms.md.j2"])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(show.stdout).unwrap(), "# 我的表单 {{ principal.name }}\n");
    let show = beian()
        .env("BEIAN_CONFIG_DIR", cfg.path())
        .args(["templates", "show", "authorization-principal.md.j2"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(show.stdout).unwrap(),
        templates::embedded("authorization-principal.md.j2").unwrap()
    );
    let missing = beian()
        .env("BEIAN_CONFIG_DIR", cfg.path())
        .args(["templates", "show", "nope.j2"])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(2));
}

#[test]
fn terminal_output_has_no_id_numbers() {
    let cfg = empty_config();
    for name in DRAFTS {
        let tmp = tempfile::tempdir().unwrap();
        let (path, src) = draft(name);
        let out = tmp.path().join("b");
        let o = beian()
            .env("BEIAN_CONFIG_DIR", cfg.path())
            .args(["bundle", "--out"])
            .arg(&out)
            .arg(&path)
            .output()
            .unwrap();
        assert!(
            o.status.code() == Some(0) || o.status.code() == Some(1),
            "{name}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        let shown = format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr));
        let files = read_tree(&out);
        for id in id_numbers(&src) {
            assert!(!shown.contains(&id), "{name}: {id} printed:\n{shown}");
            assert!(
                files.iter().any(|(_, b)| String::from_utf8_lossy(b).contains(&id)),
                "{name}: {id} should be in the bundle files"
            );
        }
    }
}

#[test]
fn material_files_are_checked() {
    let (path, src) = draft("enterprise-shanxi");
    let r = beian::commands::check::check_source(beian::rules::rules(), "x", &src, None, path.parent());
    let fmt: Vec<&str> = r
        .findings
        .iter()
        .filter(|f| f.rule == "MATERIAL-FORMAT")
        .map(|f| f.field.as_str())
        .collect();
    assert_eq!(fmt, ["materials.website_responsible_id"]);
    assert!(
        !r.findings.iter().any(|f| f.field == "materials.principal_document"),
        "the real PNG passes"
    );
    let license = r.checklist.iter().find(|c| c.key() == "principal_document").unwrap();
    assert_eq!(license.status, beian::rules::materials::Status::Have);
}

/// An APP on three platforms: forms.md and the report get one block per platform, in the
/// console's order, with the fingerprint each platform's field takes, normalised to plain hex.
#[test]
fn app_section_one_block_per_platform() {
    let name = "enterprise-zhejiang-app";
    let (path, src) = draft(name);
    let r = bundle::render(&src, Some(&path), Lang::Zh, None, None).unwrap();
    let get = |f: &str| String::from_utf8(r.files.iter().find(|(n, _)| n == f).unwrap().1.clone()).unwrap();
    let forms = get("forms.md");
    let at = |needle: &str| forms.find(needle).unwrap_or_else(|| panic!("forms.md has no {needle:?}:\n{forms}"));
    // Console order: name, platforms, each platform's package / key / fingerprint, then the rest.
    let order = [
        "| APP 名称 | 云栖口算 |",
        "| 运行平台 | 安卓、iOS、鸿蒙 |",
        "运行平台 1：安卓",
        "| 包名 | com.yunqiedu.kousuan |",
        "| 签名MD5值（证书 MD5） | 9E107D9D372BB6826BD81D3542A419D6 |",
        "运行平台 2：iOS",
        "| Bundle ID | com.yunqiedu.kousuan-ios |",
        "| 签名MD5值栏（填证书 SHA-1） | 2FD4E1C67A2D28FCED849EE1BB76E7391B93EB12 |",
        "运行平台 3：鸿蒙",
        "| APP 使用的域名 | yunqi-edu.com |",
        "APP 负责人",
        "| 姓名 | 陈晓雯 |",
    ];
    let pos: Vec<usize> = order.iter().map(|n| at(n)).collect();
    assert!(pos.windows(2).all(|w| w[0] < w[1]), "out of order: {pos:?}");
    // No website in this order: the APP sections follow the principal's directly.
    assert!(forms.contains("## 三、APP 信息") && forms.contains("## 四、APP 负责人"));
    let report = get("report.html");
    assert!(report.contains("<section id=\"apps\">") && report.contains("com.yunqiedu.kousuan-ios"));
    let en = bundle::render(&src, Some(&path), Lang::En, None, None).unwrap();
    let en_report = String::from_utf8(en.files.iter().find(|(n, _)| n == "report.html").unwrap().1.clone()).unwrap();
    assert!(en_report.contains("Platform 2: iOS") && en_report.contains("enter the certificate&#x27;s SHA-1"));
    insta::assert_snapshot!(format!("{name}__forms.md"), forms);
    insta::assert_snapshot!(
        format!("{name}__report.html"),
        report.replace(&fixtures().to_string_lossy().into_owned(), "[FIXTURES]")
    );
}
