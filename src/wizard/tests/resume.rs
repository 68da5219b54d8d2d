//! Resume, answers files and --no-input: answers already in the draft are checked, not asked.

use super::*;

#[test]
fn resume_continues_where_it_stopped() {
    let full = individual_full();
    let cut = full.len() - 20;
    let first = run(full[..cut].to_vec());
    assert!(!first.done);
    let saved = first.saves.last().unwrap();
    assert!(saved.starts_with("# beian-wizard-progress: "));
    let (draft, progress) = parse_saved(saved).unwrap();
    assert_eq!(progress.done, ["account", "principal"]);
    let loaded = crate::draft::load_str(saved);
    assert!(
        loaded.issues.is_empty(),
        "{:?}",
        loaded.issues.iter().map(|i| i.code).collect::<Vec<_>>()
    );
    let second = run_with(draft, progress, full[cut..].to_vec(), Lang::Zh);
    assert_clean(&second);
    for k in &first.p.asked[..first.p.asked.len() - 1] {
        assert!(k.starts_with('~') || !second.p.asked.contains(k), "{k} asked twice");
    }
}

#[test]
fn skipped_optional_answers_are_not_asked_again_on_resume() {
    let mut script = individual_gd("44030519900101123X", "resident_id");
    script.extend([text("13800138000"), text("13900139000"), enter()]); // landline skipped
    let first = run(script);
    let (draft, progress) = parse_saved(first.saves.last().unwrap()).unwrap();
    assert_eq!(progress.skipped, ["principal.responsible.contact.phone"]);
    let second = run_with(draft, progress, vec![text("a@example.com")], Lang::Zh);
    assert_eq!(second.p.asked[0], "principal.responsible.contact.email");
}

fn example() -> Table {
    include_str!("../../../tests/fixtures/scenarios/shanxi-foreign-legal-rep.toml")
        .parse()
        .unwrap()
}

#[test]
fn prefilled_answers_are_validated_not_asked() {
    let draft = example();
    // Only optional keys the file leaves out, and the wizard's own questions, are asked;
    // Enter takes every default.
    let r = run_with(draft.clone(), Progress::default(), vec![enter(); 20], Lang::Zh);
    assert!(r.done, "asked {:?}", r.p.asked);
    let optional = ["principal.responsible.contact.phone", "domain.0.registrar", "website.0.languages"];
    assert!(
        r.p.asked.iter().all(|k| k.starts_with('~') || optional.contains(&k.as_str())),
        "{:?}",
        r.p.asked
    );

    let mut bad = draft.clone();
    crate::draft::edit::set(&mut bad, "principal.responsible.contact.mobile", "12345".into()).unwrap();
    let r = run_with(
        bad.clone(),
        Progress::default(),
        std::iter::once(text("13700137000")).chain(vec![enter(); 20]).collect(),
        Lang::Zh,
    );
    assert!(r.done, "{:?}", r.p.asked);
    assert_eq!(r.p.asked[0], "principal.responsible.contact.mobile");
    assert!(r.p.notes.iter().any(|n| n.contains("CONTACT-FORMAT")), "{:?}", r.p.notes);

    let mut p = NoInput::default();
    let mut save = |_: &Table, _: &Progress| {};
    let mut flow = Flow::new(crate::rules::rules(), Lang::Zh, bad, Progress::default(), &mut p, &mut save);
    flow.run().unwrap();
    assert!(flow.missing.is_empty(), "{:?}", flow.missing);
    assert_eq!(flow.invalid.len(), 1);
    assert_eq!(flow.invalid[0].field, "principal.responsible.contact.mobile");
}

#[test]
fn no_input_collects_every_missing_key() {
    let mut draft = Table::new();
    super::answers::apply_sets(&mut draft, &["principal.kind=enterprise".into(), "principal.province=广东".into()]).unwrap();
    let mut p = NoInput::default();
    let mut save = |_: &Table, _: &Progress| {};
    let mut flow = Flow::new(crate::rules::rules(), Lang::En, draft, Progress::default(), &mut p, &mut save);
    flow.run().unwrap();
    let keys: Vec<&str> = flow.missing.iter().map(|m| m.key.as_str()).collect();
    for k in [
        "account.real_name_verified",
        "principal.name",
        "principal.document.number",
        "principal.responsible.name",
        "principal.responsible.document.type",
        "principal.responsible.contact.mobile",
        "domain.0.name",
        "domain.0.expires_on",
        "website.0.name",
        "website.0.responsible",
    ] {
        assert!(keys.contains(&k), "{k} not in {keys:?}");
    }
    assert!(!keys.iter().any(|k| k.starts_with('~')), "{keys:?}");
    assert!(!keys.contains(&"principal.kind"));
    assert!(!keys.contains(&"principal.responsible.contact.phone"));
    assert!(!keys.contains(&"account.provider"));
    assert!(!keys.contains(&"principal.document.type"));
    assert!(keys.contains(&"account.filing_type"), "{keys:?}");
}

#[test]
fn set_on_a_resumed_individual_keeps_the_responsible_copy_in_sync() {
    let mut script = individual_gd("44030519900101123X", "resident_id");
    script.extend(contacts("13800138000", "13900139000"));
    let first = run(script);
    let (mut draft, progress) = parse_saved(first.saves.last().unwrap()).unwrap();
    // `beian new --resume --set principal.document.valid_until=2033-01-01`
    super::answers::apply_sets(&mut draft, &["principal.document.valid_until=2033-01-01".into()]).unwrap();
    let r = run_with(draft, progress, vec![], Lang::Zh);
    assert_eq!(s(&r, "principal.responsible.document.valid_until"), "2033-01-01");
}
