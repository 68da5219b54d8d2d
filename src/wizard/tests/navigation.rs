//! Back over questions, edits from a step summary and from the review.

use super::*;

#[test]
fn back_over_three_questions_offers_the_old_answers_as_defaults() {
    let mut script = account();
    script.truncate(script.len() - 1); // stop before the summary
    // Esc at the summary, at the filing date and at the filings used goes back over three
    // questions; Enter then keeps each old answer as the default, and the summary comes again.
    script.extend([Say::Back, Say::Back, Say::Back]);
    script.extend([enter(), enter(), enter(), enter()]);
    let r = run(script);
    let asked: Vec<&str> = r.p.asked.iter().map(String::as_str).collect();
    let tail = &asked[asked.len() - 8..];
    assert_eq!(
        tail,
        [
            "~summary.account",
            "filing_date",
            "account.resource.filings_used",
            "account.resource.purchased_months",
            "account.resource.filings_used",
            "filing_date",
            "~summary.account",
            "principal.kind"
        ],
        "{asked:?}"
    );
    // The defaults were the earlier answers, not the questions' own defaults.
    assert_eq!(s(&r, "account.resource.purchased_months"), "12");
    assert_eq!(s(&r, "filing_date"), "2026-12-01");
}

#[test]
fn an_answer_changed_from_the_step_summary_is_asked_again_and_kept() {
    let mut script = account();
    script.truncate(script.len() - 1);
    // Summary items: 1 has a number? 2 provider 3 real-name 4 resource 5 region 6 months …
    script.extend([pick("account.resource.purchased_months"), text("24"), enter()]);
    let r = run(script);
    assert_eq!(s(&r, "account.resource.purchased_months"), "24");
    let offered = r.p.offered.iter().rev().find(|(k, _)| k == "~summary.account").unwrap();
    assert!(offered.1.contains(&"account.provider".to_string()), "{:?}", offered.1);
    assert!(r.progress.done.contains(&"account".to_string()));
}

#[test]
fn the_review_lists_findings_with_their_question_and_fix_it_jumps_there() {
    // A complete draft with an expiring domain: the review offers to fix it.
    let mut script = individual_gd("44030519900101123X", "resident_id");
    script.extend(contacts("13800138000", "13900139000"));
    script.push(enter());
    let mut d = domain("example.com");
    d[5] = text("2026-12-20"); // expires within three months: a warning
    script.extend(d);
    script.extend(website_individual());
    script.pop(); // the review comes below
    // The review: pick the finding on the expiry date, answer again, then write.
    script.extend([pick("DOMAIN-EXPIRY-SOON"), text("2028-10-01"), enter(), enter()]);
    let r = run(script);
    assert_clean(&r);
    let offered = r.p.offered.iter().find(|(k, _)| k == "~review").unwrap();
    assert!(offered.1.iter().any(|id| id == "DOMAIN-EXPIRY-SOON"), "{:?}", offered.1);
    assert_eq!(s(&r, "domain.0.expires_on"), "2028-10-01");
}
