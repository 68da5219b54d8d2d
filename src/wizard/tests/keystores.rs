//! A keystore as the APP's signing file: its password asked hidden, read at once and never
//! kept (not in the draft, the progress, the autosave, the summary); a wrong one asked again;
//! Esc back to the file; several signing certificates chosen by alias.

use super::*;
use crate::wizard::question::SECRET_GIVEN;

const PW: &str = "beian-test";

fn fixture(name: &str) -> String {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/app")
        .join(name)
        .display()
        .to_string()
}

/// An individual's APP order, up to the APP's first platform.
fn up_to_app() -> Vec<Say> {
    let mut s = individual_gd("44030519900101123X", "resident_id");
    s.extend(contacts("13800138000", "13900139000"));
    s.push(enter()); // responsible summary
    s.extend(domain("example.com"));
    s.extend([
        pick("app"), // an individual's order: this one is the APP
        text("张三记账"),
        pick("android"),
        text("com.example.ledger"),
    ]);
    s
}

/// After the signing values: the rest of the APP and the filing.
fn after_values() -> Vec<Say> {
    vec![
        N,            // another platform?
        pick("blog"), // service content
        enter(),      // languages
        pick("principal"),
        N,       // another APP?
        enter(), // summary
        N,       // materials now?
        enter(), // review: write
    ]
}

/// What `beian app inspect` reads from the keystore.
fn inspected(name: &str, pw: &str) -> crate::app::cert::CertInfo {
    let i = crate::app::inspect_file(
        std::path::Path::new(&fixture(name)),
        None,
        &mut crate::app::FixedPassword(pw.into()),
    )
    .unwrap();
    i.signers[0].cert.clone()
}

/// The flow finished and the draft checks clean.
fn platform_clean(r: &Run) {
    assert_clean(r);
}

fn never_kept(r: &Run, pw: &str) {
    assert!(!r.saves.is_empty());
    for (n, saved) in r.saves.iter().enumerate() {
        assert!(!saved.contains(pw), "save {n} holds the password:\n{saved}");
    }
    assert!(!toml::to_string(&r.draft).unwrap().contains(pw));
    assert!(!serde_json::to_string(&r.progress).unwrap().contains(pw));
    for n in &r.p.notes {
        assert!(!n.contains(pw), "said: {n}");
    }
    for (_, typed, _) in &r.p.rejected {
        assert!(!typed.contains(pw));
    }
}

#[test]
fn a_keystore_is_read_with_its_password_and_the_password_is_never_kept() {
    let mut script = up_to_app();
    script.extend([text(&fixture("release.jks")), text(PW)]);
    script.extend(after_values());
    let r = run(script);
    platform_clean(&r);
    let asked: Vec<&str> = r.p.asked.iter().map(String::as_str).collect();
    let at = asked.iter().position(|k| *k == "~app.0.platform.0.file").unwrap();
    assert_eq!(asked[at + 1], "~app.0.platform.0.storepass", "{asked:?}");
    // Filled as for an APK: neither the fingerprint nor the key is asked.
    assert!(!asked.contains(&"app.0.platform.0.signing_md5") && !asked.contains(&"app.0.platform.0.public_key"));
    let cert = inspected("release.jks", PW);
    assert_eq!(s(&r, "app.0.platform.0.signing_md5").replace(':', ""), cert.md5);
    assert_eq!(s(&r, "app.0.platform.0.public_key"), cert.rsa_modulus.clone().unwrap());
    assert_eq!(s(&r, "app.0.platform.0.package"), "com.example.ledger");
    assert_eq!(
        r.progress.meta.get("~app.0.platform.0.storepass").map(String::as_str),
        Some(SECRET_GIVEN)
    );
    never_kept(&r, PW);
    // The step summary says it was given, not what it was.
    let qs = questions::all(&questions::Cx {
        draft: &r.draft,
        meta: &r.progress.meta,
        rules: crate::rules::rules(),
        today: day("2026-11-29"),
        defaults: &questions::Defaults::default(),
        interactive: true,
    });
    let items = super::super::nav::items(&qs, Some("apps"), &r.draft, &r.progress.meta, Lang::En);
    let line = items.iter().find(|i| i.value.contains("given")).expect("the password line");
    assert_eq!(line.value, "given (not saved)");
}

#[test]
fn a_wrong_password_is_said_and_asked_again() {
    for lang in [Lang::Zh, Lang::En] {
        let mut script = up_to_app();
        script.extend([text(&fixture("upload.p12")), text("not-it"), text(PW)]);
        script.extend(after_values());
        let r = run_with(Table::new(), Progress::default(), script, lang);
        platform_clean(&r);
        let [(key, typed, why)] = r.p.rejected.as_slice() else {
            panic!("{:?}", r.p.rejected)
        };
        assert_eq!(key, "~app.0.platform.0.storepass");
        assert_eq!(typed, "(hidden)");
        let want = if lang == Lang::Zh {
            "密钥库密码不正确"
        } else {
            "Wrong keystore password"
        };
        assert!(why.contains(want), "{why}");
        // The EC key: its SubjectPublicKeyInfo is the public key.
        let cert = inspected("upload.p12", PW);
        assert_eq!(s(&r, "app.0.platform.0.signing_md5").replace(':', ""), cert.md5);
        assert_eq!(s(&r, "app.0.platform.0.public_key"), cert.spki);
        never_kept(&r, PW);
        never_kept(&r, "not-it");
    }
}

#[test]
fn esc_goes_back_to_the_file_and_empty_types_the_values() {
    let mut script = up_to_app();
    script.extend([
        text(&fixture("release.jks")),
        Say::Back, // at the password: the file again
        text(&fixture("release.jks")),
        enter(), // no password: type them
        text("0123456789abcdef0123456789abcdef"),
        text("30820122300d06092a864886f70d01010105000382010f003082010a0282010100c0ffee"),
    ]);
    script.extend(after_values());
    let r = run(script);
    assert!(r.done, "{:?}", r.p.asked);
    let files = r.p.asked.iter().filter(|k| *k == "~app.0.platform.0.file").count();
    assert_eq!(files, 2, "{:?}", r.p.asked);
    assert_eq!(s(&r, "app.0.platform.0.signing_md5"), "0123456789abcdef0123456789abcdef");
    assert!(r.progress.skipped.contains(&"~app.0.platform.0.storepass".to_string()));
    assert!(!r.progress.meta.contains_key("~app.0.platform.0.storepass"));
}

#[test]
fn a_resume_at_the_password_asks_it_again() {
    let mut script = up_to_app();
    script.push(text(&fixture("release.jks")));
    // The script ends at the password: Ctrl-C.
    let stopped = run(script);
    assert!(!stopped.done);
    assert_eq!(stopped.p.asked.last().map(String::as_str), Some("~app.0.platform.0.storepass"));
    let (draft, progress) = parse_saved(stopped.saves.last().unwrap()).unwrap();
    assert!(!progress.meta.contains_key("~app.0.platform.0.storepass"));
    let mut rest = vec![text(PW)];
    rest.extend(after_values());
    let r = run_with(draft, progress, rest, Lang::Zh);
    assert_eq!(r.p.asked[0], "~app.0.platform.0.storepass", "{:?}", r.p.asked);
    platform_clean(&r);
    never_kept(&r, PW);
    // Without a terminal: the password from --storepass-env, as `app inspect` takes it.
    let (draft, progress) = parse_saved(stopped.saves.last().unwrap()).unwrap();
    for (given, filled) in [(Some(PW), true), (None, false)] {
        let mut p = NoInput {
            storepass_env: Some(("BEIAN_TEST_STOREPASS".into(), given.map(str::to_string))),
            lang: Lang::En,
            ..Default::default()
        };
        let mut saves = Vec::new();
        let mut save = |d: &Table, pr: &Progress| saves.push(saved_text(d, pr));
        let mut flow =
            engine::Flow::new(crate::rules::rules(), Lang::En, draft.clone(), progress.clone(), &mut p, &mut save).today(day("2026-11-29"));
        flow.run().unwrap();
        assert_eq!(get(&flow.draft, "app.0.platform.0.signing_md5").is_some(), filled);
        drop(flow);
        assert!(saves.iter().all(|s| !s.contains(PW)));
        if !filled {
            assert!(p.notes[0].contains("BEIAN_TEST_STOREPASS is not set"), "{:?}", p.notes);
        }
    }
}

/// A JKS with two trusted certificates (the format is short: entries, then a SHA-1 over the
/// password, a fixed phrase and the contents).
fn two_alias_jks(dir: &std::path::Path) -> String {
    use sha1::{Digest, Sha1};
    let ders = [
        std::fs::read(fixture("release.der")).unwrap(),
        std::fs::read(fixture("ios.cer")).unwrap(),
    ];
    let mut b = Vec::new();
    b.extend(0xFEED_FEEDu32.to_be_bytes());
    b.extend(2u32.to_be_bytes());
    b.extend(2u32.to_be_bytes());
    for (alias, der) in ["release", "other"].iter().zip(&ders) {
        b.extend(2u32.to_be_bytes());
        b.extend((alias.len() as u16).to_be_bytes());
        b.extend(alias.as_bytes());
        b.extend([0u8; 8]);
        b.extend(5u16.to_be_bytes());
        b.extend(b"X.509");
        b.extend((der.len() as u32).to_be_bytes());
        b.extend(der);
    }
    let mut h = Sha1::new();
    for unit in PW.encode_utf16() {
        h.update(unit.to_be_bytes());
    }
    h.update(b"Mighty Aphrodite");
    h.update(&b);
    b.extend(h.finalize());
    let path = dir.join("two.jks");
    std::fs::write(&path, b).unwrap();
    path.display().to_string()
}

#[test]
fn several_signing_certificates_are_chosen_by_alias() {
    let dir = tempfile::tempdir().unwrap();
    let path = two_alias_jks(dir.path());
    let mut script = up_to_app();
    script.extend([text(&path), text(PW), pick("release")]);
    script.extend(after_values());
    let r = run(script);
    platform_clean(&r);
    let offered =
        r.p.offered
            .iter()
            .find(|(k, _)| k == "~app.0.platform.0.alias")
            .expect("the alias question");
    assert_eq!(offered.1, ["release", "other"]);
    let cert = inspected("release.jks", PW);
    assert_eq!(s(&r, "app.0.platform.0.signing_md5").replace(':', ""), cert.md5);
    never_kept(&r, PW);
}

/// Every question of the keystore path has both languages, English without Chinese.
#[test]
fn the_keystore_questions_have_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let mut script = up_to_app();
    script.extend([text(&two_alias_jks(dir.path())), text(PW)]);
    let r = run(script);
    let qs = questions::all(&questions::Cx {
        draft: &r.draft,
        meta: &r.progress.meta,
        rules: crate::rules::rules(),
        today: day("2026-11-29"),
        defaults: &questions::Defaults::default(),
        interactive: true,
    });
    let mut seen = 0;
    for q in qs.iter().filter(|q| q.key.contains(".storepass") || q.key.contains(".alias")) {
        seen += 1;
        for b in [&q.prompt, &q.help] {
            assert!(!b.zh.is_empty() && !b.en.is_empty(), "{}: {b:?}", q.key);
            assert!(!b.en.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{}: {b:?}", q.key);
        }
    }
    assert_eq!(seen, 2);
}
