//! The four people the wizard was tried with, each as a scripted flow: the draft must pass
//! `check` (no error) and the bundle's letters must name the right people.

use super::prompter::{Say, pick, text};
use super::tests::{N, Run, Y, account, assert_clean, contacts, domain, domain_only, enter, run_with, s, site, uscc_for, website_tail};
use crate::diag::Lang;
use toml::Table;

/// A resident ID number with its check character (GB 11643).
fn id_for(body: &str) -> String {
    const W: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let sum: u32 = body.chars().zip(W).map(|(c, w)| c.to_digit(10).unwrap() * w).sum();
    let check = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'][(sum % 11) as usize];
    format!("{body}{check}")
}

/// Write the bundle and return the text of every letter in it (and of the forms sheet when
/// the checklist calls for no letter).
fn letters(r: &Run, lang: Lang) -> String {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("bundle");
    let text = toml::to_string(&r.draft).unwrap();
    super::finish(&out, &text, lang, false).unwrap();
    let mut all = String::new();
    if let Ok(rd) = std::fs::read_dir(out.join("letters")) {
        for e in rd.flatten() {
            all.push_str(&std::fs::read_to_string(e.path()).unwrap_or_default());
            all.push('\n');
        }
    }
    if all.is_empty() {
        all = std::fs::read_to_string(out.join("forms.md")).unwrap_or_default();
    }
    all
}

fn go(script: Vec<Say>, lang: Lang) -> Run {
    run_with(Table::new(), Default::default(), script, lang)
}

#[test]
fn a_first_time_individual_in_guangdong() {
    let mut script = account();
    script.extend([
        pick("individual"),
        text("张三"),
        pick("resident_id"),
        text("44030519900101123X"),
        enter(), // 广东, read from the ID
        text("2031-05-01"),
        text("广东省深圳市福田区某街道1号"),
        enter(),
        enter(),
    ]);
    script.extend(contacts("13800138000", "13900139000"));
    script.push(enter());
    script.extend(domain("example.com"));
    script.extend([site(), text("张三的技术笔记"), enter(), pick("blog"), enter()]);
    script.extend(website_tail());
    let r = go(script, Lang::Zh);
    assert_clean(&r);
    assert_eq!(s(&r, "principal.province"), "广东");
    let l = letters(&r, Lang::Zh);
    assert!(l.contains("张三"), "{l}");
}

#[test]
fn a_shanxi_company_with_a_hong_kong_legal_representative_and_four_domains() {
    let mut script = account();
    script.extend([
        pick("enterprise"),
        text("太原市示例贸易有限公司"),
        text("91140100MA0000007Q"),
        enter(), // 山西, read from the credit code
        enter(), // long-term
        text("山西省太原市小店区示例路1号"),
        enter(),
        enter(),
        // The legal representative holds a Hong Kong permit and authorises a mainland manager.
        text("陈大文"),
        pick("hk_macau_permit"),
        text("H12345678"),
        N,
        Y, // continue: the authorisation letter is on the list
        text("赵六"),
        pick("resident_id"),
        text("140105198001014565"),
        text("2036-01-01"),
        text("山西省太原市小店区某路6号"),
    ]);
    script.extend(contacts("13934567890", "13834567891"));
    script.push(enter());
    // Four domains: the fourth breaks 山西's cap of three; the order is split.
    script.extend(domain_only("example-trade.cn"));
    script.push(Y);
    script.extend(domain_only("example-shop.cn"));
    script.push(Y);
    script.extend(domain_only("example-mall.cn"));
    script.extend([pick("split"), enter()]);
    script.extend([
        site(),
        text("示例贸易官网"),
        pick("example-trade.cn"),
        enter(),
        pick("enterprise_portal"),
        enter(),
    ]);
    script.extend(website_tail());
    let r = go(script, Lang::Zh);
    assert_clean(&r);
    assert_eq!(s(&r, "principal.legal_representative.name"), "陈大文");
    assert_eq!(s(&r, "principal.responsible.is_legal_representative"), "false");
    assert_eq!(super::questions::Cx::count_of(&r.draft, "domain"), 3);
    assert_eq!(r.splits.len(), 1, "the fourth domain goes into a second order");
    let notes = r.p.notes.join("\n");
    assert!(notes.contains("山西：可以由他人担任主体负责人"), "{notes}");
    let l = letters(&r, Lang::Zh);
    assert!(
        l.contains("陈大文") && l.contains("赵六"),
        "the letter names the authoriser and the authorised:\n{l}"
    );
}

#[test]
fn a_sichuan_sole_trader_with_a_hunan_id() {
    let id = id_for("43010219900307001");
    let mut script = account();
    script.extend([
        pick("individual_business"),
        text("成都市武侯区示例小吃店"),
        text(&uscc_for("92510107MA6C0000")),
        enter(), // 四川, from the code
        enter(),
        text("四川省成都市武侯区示例街1号"),
        enter(),
        enter(),
        text("李四"), // 经营者
        pick("resident_id"),
        text(&id),
        Y, // the operator is responsible
        text("2035-03-07"),
        enter(),
        // A 湖南 ID in 四川: the residence permit.
        Y,
        text("2028-06-30"),
    ]);
    script.extend(contacts("13800138000", "13900139000"));
    script.push(enter());
    script.extend(domain("example-food.cn"));
    script.extend([site(), text("示例小吃店介绍"), enter(), pick("enterprise_portal"), enter()]);
    script.extend(website_tail());
    let r = go(script, Lang::Zh);
    let notes = r.p.notes.join("\n");
    assert!(
        notes.contains("湖南") && notes.contains("经营者") || r.p.asked.iter().any(|k| k.contains("has_permit")),
        "{notes}"
    );
    assert_clean(&r);
    assert_eq!(s(&r, "principal.responsible.residence_permit.province"), "四川");
    let l = letters(&r, Lang::Zh);
    assert!(l.contains("李四"), "{l}");
}

#[test]
fn an_english_speaking_foreigner_in_shanghai() {
    let mut script = account();
    script.extend([
        pick("individual"),
        text("John Smith"),
        pick("foreign_permanent_resident_id"),
        text("932682198501010017"),
        pick("上海"),
        text("2034-01-01"),
        text("上海市浦东新区示例路100号"),
        enter(),
        enter(),
    ]);
    script.extend(contacts("13800138000", "13900139000"));
    script.push(enter());
    script.extend(domain("example.net"));
    script.extend([site(), text("约翰的技术笔记"), enter(), pick("blog"), text("English, Chinese")]);
    script.extend(website_tail());
    let r = go(script, Lang::En);
    assert_clean(&r);
    assert_eq!(s(&r, "website.0.languages"), "[\"en\", \"zh-CN\"]");
    let l = letters(&r, Lang::En);
    assert!(l.contains("John Smith"), "{l}");
}
