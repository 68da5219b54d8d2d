//! Letters and fill-in sheets as a provider's first reviewer reads them (issue 15, items
//! 1–3): fixed official forms get a fill-in sheet, never our own wording; letters name the
//! authoriser and the authorised person, one letter per purpose; a sole trader's operator
//! signs; and every letter the checklist lists exists in the bundle.

use beian::bundle;
use beian::diag::Lang;
use beian::draft::PrincipalKind;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> (PathBuf, String) {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/bundle/people")
        .join(format!("{name}.toml"));
    let src = std::fs::read_to_string(&p).unwrap();
    (p, src)
}

fn render(path: &Path, src: &str) -> Vec<(String, String)> {
    bundle::render(src, Some(path), Lang::Zh, None, None)
        .unwrap()
        .files
        .into_iter()
        .map(|(f, b)| (f, String::from_utf8(b).unwrap()))
        .collect()
}

const PEOPLE: &[&str] = &[
    "guangdong-individual-hunan-id",
    "shanxi-company-hk-legal-rep",
    "sichuan-sole-trader",
    "shanghai-foreigner-passport",
];

#[test]
fn snapshots_of_letters_and_sheets_for_four_people() {
    for name in PEOPLE {
        let (path, src) = fixture(name);
        for (file, text) in render(&path, &src) {
            if file.starts_with("letters/") || file.starts_with("sheets/") || file == "checklist.md" {
                insta::assert_snapshot!(format!("{name}__{}", file.replace('/', "__")), text);
            }
        }
    }
}

#[test]
fn fixed_forms_get_sheets_and_letters_name_the_right_people() {
    let get = |files: &[(String, String)], f: &str| files.iter().find(|(n, _)| n == f).map(|(_, t)| t.clone());

    // 广东: the bureau's fixed 承诺书 → a fill-in sheet with the handwritten blanks marked.
    let (p, s) = fixture("guangdong-individual-hunan-id");
    let gd = render(&p, &s);
    assert!(
        get(&gd, "letters/commitment_letter.md").is_none(),
        "no wording of ours for a fixed form"
    );
    let sheet = get(&gd, "sheets/commitment_letter.md").unwrap();
    assert!(
        sheet.contains("| 证件号码 | 430102199605120021") && sheet.contains("✍ 亲笔手写"),
        "{sheet}"
    );
    assert!(
        sheet.contains("https://support.huaweicloud.com/prepare-icp/icp_02_0021.html"),
        "{sheet}"
    );

    // 山西 with a Hong Kong legal representative: one authorisation, naming the authoriser.
    let (p, s) = fixture("shanxi-company-hk-legal-rep");
    let sx = render(&p, &s);
    let letters: Vec<&str> = sx.iter().map(|(f, _)| f.as_str()).filter(|f| f.starts_with("letters/")).collect();
    assert!(
        !letters.contains(&"letters/legal_rep_authorization.md"),
        "one letter per purpose: {letters:?}"
    );
    let auth = get(&sx, "letters/principal_authorization_foreign.md").unwrap();
    for want in ["陈家豪", "港澳居民来往内地通行证", "H60123456", "王建国", "140105198808080010"] {
        assert!(auth.contains(want), "the letter names {want}:\n{auth}");
    }

    // 四川 sole trader: the operator signs, no 法定代表人 under 单位（盖章）.
    let (p, s) = fixture("sichuan-sole-trader");
    let sc = render(&p, &s);
    let checklist = get(&sc, "checklist.md").unwrap();
    assert!(checklist.contains("经营者 张德明 签字"), "{checklist}");
    assert!(!checklist.contains("法定代表人"), "{checklist}");
    for (f, t) in sc.iter().filter(|(f, _)| f.starts_with("letters/")) {
        assert!(!t.contains("法定代表人") && !t.contains("单位（盖章）"), "{f}:\n{t}");
    }

    // 上海 foreigner: the 上海 承诺书 is listed, and its sheet exists and names the person.
    let (p, s) = fixture("shanghai-foreigner-passport");
    let sh = render(&p, &s);
    let sheet = get(&sh, "sheets/commitment_letter.md").expect("上海's 承诺书 sheet");
    assert!(
        sheet.starts_with("# 上海市互联网信息服务备案承诺书") && sheet.contains("Anna Schmidt"),
        "{sheet}"
    );
}

/// Names of materials that are a letter, pledge, statement or form someone signs.
fn is_letter(name: &str) -> bool {
    ["承诺书", "授权书", "告知书", "说明书", "审核表", "情况说明", "保证书"].iter().any(|w| name.contains(w))
        // A construction plan is a document of its own, not a letter (its 保证书 goes with it).
        && !name.contains("方案书")
}

#[test]
fn every_letter_material_has_a_template_or_an_official_form() {
    for (province, m) in beian::rules::rules().materials {
        // An `omit` entry takes a letter off the checklist; it is not a letter itself.
        if is_letter(&m.name.zh) && !m.omit {
            assert!(
                m.template.is_some() || m.official_form.is_some(),
                "{} ({province:?}) is a letter with neither a template nor an official_form",
                m.key
            );
        }
        if let Some(f) = &m.official_form {
            assert!(!f.blanks.is_empty(), "{}: an official form without blanks", m.key);
            assert!(f.url.as_deref().is_none_or(|u| u.starts_with("https://")), "{}", m.key);
        }
    }
}

/// Every province × every principal kind, with a draft that triggers the letters (responsible
/// person not the legal representative, a foreign legal representative, keywords in the
/// name): every letter on the checklist is in the bundle as a letter or a sheet, and the
/// summary names only files that were written.
#[test]
fn every_listed_letter_exists_for_every_province_and_kind() {
    let base = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bundle/people/shanxi-company-hk-legal-rep.toml"),
    )
    .unwrap();
    let rules = beian::rules::rules();
    let mut checked = 0;
    for p in &beian::province::PROVINCES {
        for kind in PrincipalKind::ALL {
            let src = base
                .replacen("province = \"山西\"", &format!("province = \"{}\"", p.short), 1)
                .replacen("kind = \"enterprise\"", &format!("kind = \"{}\"", kind.id()), 1)
                .replacen("name = \"太原市港晋贸易有限公司\"", "name = \"示例金融电子商务有限公司\"", 1);
            let report = beian::commands::check::check_source(rules, "d.toml", &src, None, None);
            let r = bundle::render(&src, Some(Path::new("d.toml")), Lang::Zh, None, None)
                .unwrap_or_else(|e| panic!("{} {}: {e:#}", p.short, kind.id()));
            let files: Vec<&str> = r.files.iter().map(|(f, _)| f.as_str()).collect();
            for item in report.checklist.iter().filter(|i| is_letter(&i.material().zh)) {
                let letter = format!("letters/{}.md", item.key());
                let sheet = format!("sheets/{}.md", item.key());
                assert!(
                    files.contains(&letter.as_str()) || files.contains(&sheet.as_str()),
                    "{} {}: checklist lists {} ({}) but the bundle has neither {letter} nor {sheet}",
                    p.short,
                    kind.id(),
                    item.key(),
                    item.material().zh
                );
                checked += 1;
            }
            for f in &r.summary.files {
                assert!(files.contains(&f.as_str()), "summary names {f}, not written");
            }
        }
    }
    assert!(checked > 31 * 4, "only {checked} letters checked");
}

/// report.html opens with the verdict (item 4): errors are said at the top with their count
/// and the first findings; the signer column names this draft's people.
#[test]
fn report_html_opens_with_the_verdict_and_names_the_signers() {
    let html = |path: &Path, src: &str| render(path, src).into_iter().find(|(f, _)| f == "report.html").unwrap().1;
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bundle/enterprise-shanxi.toml");
    let s = std::fs::read_to_string(&p).unwrap();
    let h = html(&p, &s);
    let verdict = h.find("尚不能提交：草稿还有 1 个错误").expect("the verdict");
    let checklist = h.find("<h2>材料清单</h2>").unwrap();
    assert!(verdict < checklist, "the verdict comes before the checklist");
    assert!(h[verdict..checklist].contains("MATERIAL-FORMAT"), "the first findings are listed");
    assert!(h.contains("<td class=\"signer\">法定代表人 赵六 签字；网站负责人 孙七 签字；加盖单位公章</td>"));
    assert!(!h.contains("单位：法定代表人签字并盖章；个人：本人签字"), "no generic signer text");

    let (p, s) = fixture("guangdong-individual-hunan-id");
    let h = html(&p, &s);
    assert!(h.contains("没有错误，可以提交") && !h.contains("尚不能提交"));
    assert!(h.contains("<td class=\"signer\">本人 刘晓华 签字；按手印</td>"), "{h}");
}
