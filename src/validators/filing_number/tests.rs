use super::*;
use proptest::prelude::*;

fn p(abbr: &str) -> &'static Province {
    PROVINCES.iter().find(|p| p.abbr == abbr).unwrap()
}

#[test]
fn all_31_abbreviations_map_to_their_region() {
    let abbrs = "京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川黔滇藏陕甘青宁新";
    assert_eq!(abbrs.chars().count(), 31);
    for (c, want) in abbrs.chars().zip(PROVINCES.iter()) {
        let n = parse(&format!("{c}ICP备2021012345号")).unwrap();
        assert_eq!(n.province.code, want.code, "{c}");
        assert!(check_region(&n, want).is_ok());
    }
}

#[test]
fn sichuan_and_gansu_numbers_also_read_shu_and_long() {
    for (c, region) in [('蜀', "川"), ('陇', "甘")] {
        let n = parse(&format!("{c}ICP备2026007879号-1")).unwrap();
        assert_eq!(n.province.code, p(region).code, "{c}");
        assert!(check_region(&n, p(region)).is_ok(), "{c}");
        assert_eq!(n.to_string(), format!("{c}ICP备2026007879号-1"));
        let principal = parse(&format!("{c}ICP备2026007879号")).unwrap();
        assert!(check_extends(&n, &principal).is_ok());
        // Mixing the two spellings in one order is a typing slip, not the same number.
        let other = parse(&format!("{}ICP备2026007879号", p(region).abbr)).unwrap();
        assert!(check_extends(&n, &other).is_err());
    }
    let e = check_region(&parse("蜀ICP备2026007879号").unwrap(), p("粤")).unwrap_err();
    assert!(e.en.contains("a Sichuan number"), "{}", e.en);
    let e = check_region(&parse("粤ICP备2026007879号").unwrap(), p("川")).unwrap_err();
    assert!(e.en.contains("start with 川 or 蜀"), "{}", e.en);
}

#[test]
fn both_lengths_and_every_suffix() {
    let n = parse("京ICP备05087018号").unwrap();
    assert_eq!((n.digits.as_str(), n.service), ("05087018", None));
    let n = parse("粤ICP备2021012345号").unwrap();
    assert!(n.is_principal());
    for (s, want) in [
        ("粤ICP备2021012345号-1", (1, ServiceKind::Website)),
        ("粤ICP备2021012345号-2A", (2, ServiceKind::App)),
        ("粤ICP备2021012345号-3X", (3, ServiceKind::MiniProgram)),
        ("粤ICP备2021012345号-12K", (12, ServiceKind::QuickApp)),
    ] {
        let n = parse(s).unwrap();
        assert_eq!(n.service, Some(want), "{s}");
        assert_eq!(n.to_string(), s);
        assert_eq!(n.principal(), "粤ICP备2021012345号");
    }
}

#[test]
fn wrong_shapes_are_explained() {
    let e = |s: &str| parse(s).unwrap_err();
    assert!(e("粤ICP备202101234号").zh.contains("9 位"));
    assert!(e("粤ICP备2021012345").zh.contains("缺少“号”"));
    assert!(e("粤ICP备2021012345-1").zh.contains("粤ICP备2021012345号-1"));
    assert!(e("粤icp备2021012345号").zh.contains("大写"));
    assert!(e("粤ICP备2021012345号-1a").zh.contains("-1A"));
    assert!(e("粤ICP备2021012345号-1B").en.contains("not “B”"));
    assert!(e("粤ICP备2021012345号-0").zh.contains("从 1 起"));
    assert!(e("粤ICP备2021012345号-").zh.contains("从 1 起"));
    assert!(e("港ICP备2021012345号").zh.contains("31 个"));
    assert!(e("贵ICP备2021012345号").zh.contains("黔"));
    assert!(e("云ICP备2021012345号").zh.contains("滇"));
    assert!(e("ICP备2021012345号").zh.contains("简称"));
    assert!(e("").zh.contains("为空"));
}

#[test]
fn a_commercial_licence_is_recognised() {
    let e = parse("京ICP证030173号").unwrap_err();
    assert!(e.zh.contains("经营性 ICP 许可证") && e.zh.contains("京ICP证030173号"), "{}", e.zh);
    assert!(e.en.contains("commercial ICP licence"));
}

#[test]
fn spaces_and_full_width_say_what_to_type() {
    let e = parse("粤ICP备 2021012345 号").unwrap_err();
    assert!(e.zh.contains("含有空格") && e.zh.ends_with("写作 粤ICP备2021012345号"), "{}", e.zh);
    let e = parse("粤ICP备２０２１０１２３４５号－１").unwrap_err();
    assert!(e.zh.contains("全角") && e.zh.ends_with("写作 粤ICP备2021012345号-1"), "{}", e.zh);
    let e = parse("粤ＩＣＰ备 2021012345号").unwrap_err();
    assert!(e.zh.contains("空格和全角"), "{}", e.zh);
    let e = parse("粤ICP备 202101234号").unwrap_err();
    assert!(e.zh.contains("仍有问题") && e.zh.contains("9 位"), "{}", e.zh);
    assert!(
        parse("  粤ICP备2021012345号  ").is_ok(),
        "surrounding space is not typed into the form"
    );
}

#[test]
fn region_and_extension() {
    let n = parse("京ICP备05087018号-1").unwrap();
    let e = check_region(&n, p("粤")).unwrap_err();
    assert!(e.zh.contains("北京") && e.zh.contains("广东"), "{}", e.zh);
    let principal = parse("京ICP备05087018号").unwrap();
    assert!(check_extends(&n, &principal).is_ok());
    let other = parse("京ICP备05087019号").unwrap();
    assert!(check_extends(&n, &other).unwrap_err().zh.contains("京ICP备05087019号-1"));
    assert!(check_extends(&principal, &principal).is_err(), "a principal number extends nothing");
}

fn digits(len: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(0u8..10, len).prop_map(|v| v.into_iter().map(|d| char::from(b'0' + d)).collect())
}

fn number() -> impl Strategy<Value = (usize, String, Option<(u32, &'static str)>)> {
    let suffix = prop_oneof![
        Just(None),
        (1u32..500, prop_oneof![Just(""), Just("A"), Just("X"), Just("K")]).prop_map(Some),
    ];
    (0usize..31, prop_oneof![digits(8), digits(10)], suffix)
}

fn text(i: usize, d: &str, s: Option<(u32, &str)>) -> String {
    let mut t = format!("{}ICP备{d}号", PROVINCES[i].abbr);
    if let Some((n, l)) = s {
        t.push_str(&format!("-{n}{l}"));
    }
    t
}

proptest! {
    #[test]
    fn every_well_formed_number_parses_and_prints_back((i, d, s) in number()) {
        let t = text(i, &d, s);
        let n = parse(&t).unwrap();
        prop_assert_eq!(n.province.code, PROVINCES[i].code);
        prop_assert_eq!(&n.digits, &d);
        prop_assert_eq!(n.service.map(|(k, kind)| (k, kind.letter())), s);
        prop_assert_eq!(n.to_string(), t);
        prop_assert!(check_region(&n, &PROVINCES[i]).is_ok());
    }

    #[test]
    fn another_region_is_always_a_mismatch((i, d, s) in number(), j in 0usize..31) {
        prop_assume!(i != j);
        let n = parse(&text(i, &d, s)).unwrap();
        let e = check_region(&n, &PROVINCES[j]).unwrap_err();
        prop_assert!(e.zh.contains(PROVINCES[j].short));
    }

    #[test]
    fn a_service_extends_only_its_own_principal((i, d, _s) in number(), n in 1u32..100, other in digits(10), j in 0usize..31) {
        let svc = parse(&text(i, &d, Some((n, "A")))).unwrap();
        prop_assert!(check_extends(&svc, &parse(&text(i, &d, None)).unwrap()).is_ok());
        let p2 = parse(&text(j, &other, None)).unwrap();
        prop_assert_eq!(check_extends(&svc, &p2).is_ok(), i == j && other == d);
    }

    #[test]
    fn wrong_digit_counts_are_rejected(i in 0usize..31, len in 1usize..14) {
        prop_assume!(len != 8 && len != 10);
        let t = text(i, &"1".repeat(len), None);
        prop_assert!(parse(&t).is_err());
    }

    #[test]
    fn full_width_digits_are_named_with_the_half_width_text((i, d, s) in number()) {
        let t = text(i, &d, s);
        let wide: String = t.chars().map(|c| if c.is_ascii_digit() { char::from_u32(c as u32 + 0xFEE0).unwrap() } else { c }).collect();
        let e = parse(&wide).unwrap_err();
        prop_assert!(e.zh.ends_with(&format!("写作 {t}")), "{}", e.zh);
    }

    #[test]
    fn never_panics(s in "\\PC{0,40}") {
        let _ = parse(&s);
    }
}
