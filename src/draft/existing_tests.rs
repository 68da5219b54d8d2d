//! The keys that say what is already filed (`filing_number`s, the cancel scope, the previous
//! provider) are read, with the Chinese spellings of the scope.

use super::*;

const DRAFT: &str = r#"
[account]
filing_type = "cancel"
cancel_scope = "注销网站"
previous_provider = "西部数码"
[principal]
filing_number = "粤ICP备2021012345号"
[[website]]
name = "a"
filing_number = "粤ICP备2021012345号-1"
[[app]]
name = "b"
filing_number = "粤ICP备2021012345号-2A"
"#;

#[test]
fn existing_filings_are_read() {
    let l = load_str(DRAFT);
    assert!(l.issues.is_empty(), "{:?}", l.issues);
    let d = l.draft.unwrap();
    assert_eq!(d.account.filing_type, Some(FilingType::Cancel));
    assert_eq!(d.account.cancel_scope, Some(CancelScope::Service));
    assert_eq!(d.account.previous_provider.as_deref(), Some("西部数码"));
    assert_eq!(d.principal.filing_number.as_deref(), Some("粤ICP备2021012345号"));
    assert_eq!(d.websites[0].filing_number.as_deref(), Some("粤ICP备2021012345号-1"));
    assert_eq!(d.apps[0].filing_number.as_deref(), Some("粤ICP备2021012345号-2A"));
}

#[test]
fn every_cancel_scope_spelling() {
    for (s, want) in [
        ("principal", CancelScope::Principal),
        ("注销主体", CancelScope::Principal),
        ("service", CancelScope::Service),
        ("注销网站", CancelScope::Service),
        ("注销APP", CancelScope::Service),
        ("access", CancelScope::Access),
        ("取消接入", CancelScope::Access),
        ("ACCESS", CancelScope::Access),
    ] {
        assert_eq!(CancelScope::parse(s), Some(want), "{s}");
    }
    let l = load_str("[account]\ncancel_scope = \"everything\"\n");
    assert_eq!(l.issues.len(), 1);
    assert_eq!(l.issues[0].code, "DRAFT-UNKNOWN-VALUE");
    assert_eq!(l.issues[0].hit.field, "account.cancel_scope");
}

#[test]
fn the_new_keys_are_known_paths() {
    let known = load::known_paths();
    for k in [
        "principal.filing_number",
        "website.*.filing_number",
        "app.*.filing_number",
        "account.cancel_scope",
        "account.previous_provider",
    ] {
        assert!(known.iter().any(|x| x == k), "{k}");
    }
}
