//! Change orders: the wizard asks what changes, then only those parts and the numbers; the
//! draft it writes checks clean.

use super::*;

/// A filed principal changing `parts` (yes/no in the wizard's order: principal, principal's
/// responsible person, website, APP, access).
fn change(parts: [bool; 5]) -> Vec<Say> {
    let mut v = vec![Y, pick("change"), text("粤ICP备2021012345号")];
    v.extend(parts.map(|p| if p { Y } else { N }));
    v.extend([pick("huaweicloud"), Y]);
    if parts[4] {
        v.extend([pick("ecs"), enter(), text("12"), text("0")]);
    }
    v.extend([text("2026-12-01"), enter()]);
    v
}

/// The principal named, not resubmitted: kind, name, credit code (the only document an
/// enterprise has is not asked), and the province the number's 粤 suggests.
fn identity() -> Vec<Say> {
    vec![
        pick("enterprise"),
        text("深圳市示例网络科技有限公司"),
        text("91440300MA5F000181"),
        enter(),
        enter(), // summary
    ]
}

#[test]
fn a_website_change_asks_only_the_principals_name_and_the_website() {
    let mut script = change([false, false, true, false, false]);
    script.extend(identity());
    script.extend(domain("example.com"));
    script.extend([
        text("示例科技官网"),
        text("粤ICP备2021012345号-1"),
        enter(),       // home url
        pick("other"), // service content
        enter(),       // languages
    ]);
    script.extend([
        pick("principal"), // responsible = principal's
        N,                 // another website?
        enter(),           // summary
        N,                 // materials now?
        enter(),           // review: write
    ]);
    let r = run(script);
    assert_clean(&r);
    assert_eq!(s(&r, "account.changes"), "[\"website\"]");
    for k in [
        "principal.document.valid_until",
        "principal.address",
        "principal.mailing_address",
        "principal.responsible",
        "account.resource",
        "app",
    ] {
        assert!(get(&r.draft, k).is_none(), "{k} was asked: {:?}", r.p.asked);
    }
    for q in &r.p.asked {
        assert!(
            !q.starts_with("principal.responsible") && !q.starts_with("account.resource") && !q.starts_with("app") && q != "~app.any",
            "asked {q}"
        );
    }
}

#[test]
fn a_responsible_person_change_asks_no_domain_or_website() {
    let mut script = change([false, true, false, false, false]);
    script.extend(identity());
    script.extend([
        text("李四"), // the legal representative, also the responsible person
        pick("resident_id"),
        text("44030519900101123X"),
        Y,
        text("2035-01-01"),
        enter(), // address on the ID (optional)
    ]);
    script.extend(contacts("13800138000", "13900139000"));
    script.extend([enter(), N, enter()]); // summary, materials later, review
    let r = run(script);
    assert_clean(&r);
    assert!(
        get(&r.draft, "domain").is_none() && get(&r.draft, "website").is_none(),
        "{:?}",
        r.p.asked
    );
    assert_eq!(s(&r, "account.changes"), "[\"principal_responsible\"]");
}

#[test]
fn back_to_the_goal_forgets_the_changed_parts() {
    // Change: yes to the website, then back over the five parts and the number to the goal,
    // which becomes "add a website": no parts remain.
    let mut script = vec![Y, pick("change"), text("粤ICP备2021012345号"), N, N, Y, N, N];
    script.extend([Say::Back, Say::Back, Say::Back, Say::Back, Say::Back, Say::Back, Say::Back]);
    script.extend([pick("add"), text("粤ICP备2021012345号")]);
    let r = run(script);
    assert!(get(&r.draft, "account.changes").is_none(), "{}", toml::to_string(&r.draft).unwrap());
    assert!(!r.progress.meta.keys().any(|k| k.starts_with("~change.")), "{:?}", r.progress.meta);
    assert_eq!(s(&r, "account.filing_type"), "new_service");
}

#[test]
fn parts_given_with_set_are_taken_as_they_are() {
    // `beian new --set account.filing_type=change --set account.changes=website`: one part
    // as a plain string, not asked again; the principal's number is asked.
    let mut draft = toml::Table::new();
    answers::apply_sets(&mut draft, &["account.filing_type=change".into(), "account.changes=website".into()]).unwrap();
    // The type is given, so the principal's number is the first question.
    let mut script = vec![text("粤ICP备2021012345号"), pick("huaweicloud"), Y, text("2026-12-01"), enter()];
    script.extend(identity());
    script.extend(domain("example.com"));
    script.extend([text("示例科技官网"), text("粤ICP备2021012345号-1"), enter(), pick("other"), enter()]);
    script.extend(website_tail());
    let r = run_with(draft, Progress::default(), script, Lang::Zh);
    assert_clean(&r);
    assert!(
        !r.p.asked
            .iter()
            .any(|k| k.starts_with("~change.") || k.starts_with("principal.responsible")),
        "{:?}",
        r.p.asked
    );
}
