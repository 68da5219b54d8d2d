//! What an order holds: refused selections, pre-approvals, writing the draft, the 山西 split.

use super::*;

#[test]
fn a_refused_selection_is_taken_back_before_asking_again() {
    let mut script = individual_gd("44030519900101123X", "resident_id");
    script.extend(contacts("13800138000", "13900139000"));
    script.push(enter());
    script.extend(domain("example.com"));
    script.extend([
        site(),
        text("张三的技术笔记"),
        enter(),
        pick("bbs"), // not for individuals
        N,
        pick("finance"),
        N,
        pick("blog"),
        enter(),
    ]);
    script.extend(website_tail());
    let r = run(script);
    assert_clean(&r);
    let refused = r.p.notes.iter().filter(|n| n.contains("SERVICE-INDIVIDUAL")).count();
    assert_eq!(refused, 2, "{:?}", r.p.notes);
    assert_eq!(s(&r, "website.0.service_content"), "[\"blog\"]");
}

/// An APP after its one platform: content other, languages, the principal's responsible
/// person, no second APP, materials later, and the review writes.
fn app_tail() -> Vec<Say> {
    vec![
        N, // another platform?
        pick("other"),
        enter(), // languages
        pick("principal"),
        N,       // another APP?
        enter(), // summary
        N,       // materials now?
        enter(), // review: write
    ]
}

/// A 广东 company whose legal representative is its responsible person, up to the domains.
fn shenzhen_company() -> Vec<Say> {
    enterprise(
        "广东",
        "深圳市示例网络科技有限公司",
        "91440300MA5F000181",
        "广东省深圳市南山区科技园路1号",
        "44030519900101123X",
    )
}

#[test]
fn a_service_that_needs_a_pre_approval_asks_for_it() {
    let mut script = shenzhen_company();
    script.extend(domain("example.com"));
    script.extend([
        site(),
        text("示例科技资讯"),
        enter(),
        pick("news"),
        Y, // continue despite the material it needs
        Y, // holds the approval
        text("粤新闻许可〔2026〕001号"),
        text("2029-12-31"),
        enter(),
    ]);
    script.extend(website_tail());
    let r = run(script);
    assert_clean(&r);
    assert!(r.p.notes.iter().any(|n| n.contains("PREAPPROVAL-REQUIRED")), "{:?}", r.p.notes);
    assert_eq!(s(&r, "website.0.preapproval.0.kind"), "news");
    assert_eq!(s(&r, "website.0.preapproval.0.valid_until"), "2029-12-31");
}

#[test]
fn finish_writes_atomically_and_replaces_only_with_force() {
    let dir = tempfile::tempdir().unwrap();
    let draft = include_str!("../../../tests/fixtures/scenarios/shanxi-foreign-legal-rep.toml");
    let out = dir.path().join("f");
    std::fs::write(&out, "a file in the way").unwrap();
    let e = super::finish(&out, draft, Lang::En, false).unwrap_err().to_string();
    assert!(e.contains("--force"), "{e}");
    assert!(super::finish(&out, draft, Lang::En, true).is_err());
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "a file in the way");
    std::fs::remove_file(&out).unwrap();
    super::finish(&out, draft, Lang::En, false).unwrap();
    assert!(out.join("draft.toml").is_file() && out.join("checklist.md").is_file());
    std::fs::write(out.join("draft.toml"), "old").unwrap();
    assert!(
        super::finish(&out, draft, Lang::En, false).is_err(),
        "an existing bundle needs --force"
    );
    super::finish(&out, draft, Lang::En, true).unwrap();
    assert_ne!(std::fs::read_to_string(out.join("draft.toml")).unwrap(), "old");
}

#[test]
fn a_shanxi_order_at_the_domain_cap_is_split_into_a_second_draft() {
    let mut script = enterprise(
        "山西",
        "太原市示例贸易有限公司",
        "91140100MA0000007Q",
        "山西省太原市小店区示例路1号",
        "140105198001014565",
    );
    script.extend(domain_only("example-a.cn"));
    script.push(Y);
    script.extend(domain_only("example-b.cn"));
    script.push(Y);
    script.extend(domain_only("example-c.cn"));
    script.extend([pick("split"), enter()]);
    let r = run(script);
    // Said before the fourth domain, with the rule's own words.
    assert!(
        r.p.notes.iter().any(|n| n.contains("再加一个域名就超过上限") && n.contains("3")),
        "{:?}",
        r.p.notes
    );
    let offered = r.p.offered.iter().find(|(k, _)| k == "~domain.more.2").unwrap();
    assert_eq!(offered.1, ["no", "split", "yes"]);
    assert_eq!(r.splits.len(), 1);
    let (second, progress) = parse_saved(&r.splits[0]).unwrap();
    assert!(get(&second, "domain").is_none() && get(&second, "website").is_none());
    assert_eq!(
        get(&second, "principal.name").and_then(|v| v.as_str()),
        Some("太原市示例贸易有限公司")
    );
    assert_eq!(progress.done, ["account", "principal", "responsible"]);
    assert!(r.p.notes.iter().any(|n| n.contains("draft-2.toml")), "{:?}", r.p.notes);
    assert_eq!(super::questions::Cx::count_of(&r.draft, "domain"), 3);
}

/// An organisation files a website and an APP in one order; the APP's domains are asked (all
/// of the order's domains offered) and the draft checks clean.
#[test]
fn an_organisations_website_and_app_in_one_order_check_clean() {
    let mut script = shenzhen_company();
    script.extend(domain_only("example.com"));
    script.extend([Y]); // another domain
    script.extend(domain_only("example.net"));
    script.extend([N, enter()]); // no more; summary
    script.extend([
        pick("both"), // a website and an APP
        text("示例科技官网"),
        pick("example.com"), // the website's domain
        enter(),             // home url
        pick("enterprise_portal"),
        enter(), // languages
        pick("principal"),
        N,       // another website?
        enter(), // summary
        text("示例记账"),
        enter(), // domains: every domain of the order
        pick("android"),
        text("com.example.ledger"),
        enter(), // no signing file
        text("0123456789ABCDEF0123456789ABCDEF"),
        text("30820122300d06092a864886f70d01010105000382010f003082010a0282010100c0ffee"),
    ]);
    script.extend(app_tail());
    let r = run(script);
    assert_clean(&r);
    assert_eq!(s(&r, "app.0.domains"), "[\"example.com\", \"example.net\"]");
}

/// An organisation's APP-only order: no website is asked, and the draft checks clean.
#[test]
fn an_organisations_app_only_order_checks_clean() {
    let mut script = shenzhen_company();
    script.extend(domain("example.com"));
    script.extend([
        pick("app"),
        text("示例记账"),
        pick("ios"),
        text("com.example.ledger"),
        enter(), // no signing file
        text("0123456789ABCDEF0123456789ABCDEF01234567"),
        text("30820122300d06092a864886f70d01010105000382010f003082010a0282010100c0ffee"),
    ]);
    script.extend(app_tail());
    let r = run(script);
    assert_clean(&r);
    assert!(get(&r.draft, "website").is_none(), "{:?}", r.p.asked);
    assert_eq!(s(&r, "app.0.domains"), "[\"example.com\"]");
}
