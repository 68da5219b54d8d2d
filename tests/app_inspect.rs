//! `beian app inspect` on the files in tests/fixtures/app (made by its make.sh).
//!
//! The fingerprints are checked against what keytool, openssl and apksigner print for the same
//! file, not against numbers copied from a run of them. Those tests follow the project's tool
//! policy: a missing tool skips with one line naming it and its Debian package, and fails
//! instead when BEIAN_REQUIRE_TOOLS=1 (`.ci/run` installs them and sets it).

#[path = "support/tools.rs"]
mod tools;

use assert_cmd::Command;
use beian::app::{self, FixedPassword, Inspected, Kind};
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/app").join(name)
}

fn password(name: &str) -> &'static str {
    if name == "debug.p12" { "android" } else { "beian-test" }
}

fn inspect(name: &str) -> Inspected {
    let mut pw = FixedPassword(password(name).to_string());
    app::inspect_file(&fixture(name), None, &mut pw).unwrap_or_else(|e| panic!("{}", e.message(beian::diag::Lang::En)))
}

/// The tool on PATH, or `None` after the project's one skip line (a failure under
/// BEIAN_REQUIRE_TOOLS=1).
fn tool(name: &str, package: &str) -> Option<PathBuf> {
    tools::require_tool(name, package)
}

fn run(program: &Path, args: &[&str]) -> String {
    let out = std::process::Command::new(program).args(args).output().expect("run tool");
    assert!(
        out.status.success(),
        "{} {args:?} failed: {}",
        program.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Hex digits of `AB:CD:…` or `abcd…`, upper-case.
fn hex(s: &str) -> String {
    s.trim().replace(':', "").to_ascii_uppercase()
}

/// Values after `key` on each line that has it, in order (`SHA1: …`, `md5 Fingerprint=…`).
fn values(text: &str, key: &str) -> Vec<String> {
    text.lines().filter_map(|l| l.split_once(key).map(|(_, v)| hex(v))).collect()
}

const CERT_FILES: &[(&str, bool)] = &[
    ("release.pem", false),
    ("release.der", true),
    ("ios.cer", true),
    ("expired.pem", false),
];

#[test]
fn certificate_fingerprints_match_openssl() {
    let Some(openssl) = tool("openssl", "openssl") else { return };
    for (name, der) in CERT_FILES {
        let f = fixture(name);
        let path = f.to_str().unwrap();
        let form = if *der { "DER" } else { "PEM" };
        let i = inspect(name);
        assert_eq!(i.signers.len(), 1, "{name}");
        let c = &i.signers[0].cert;
        for (algo, ours) in [("-md5", &c.md5), ("-sha1", &c.sha1), ("-sha256", &c.sha256)] {
            let out = run(&openssl, &["x509", "-inform", form, "-in", path, "-noout", "-fingerprint", algo]);
            assert_eq!(values(&out, "Fingerprint="), vec![ours.clone()], "{name} {algo}");
        }
        let out = run(&openssl, &["x509", "-inform", form, "-in", path, "-noout", "-modulus"]);
        assert_eq!(
            values(&out, "Modulus="),
            vec![c.rsa_modulus.clone().unwrap().to_ascii_uppercase()],
            "{name} modulus"
        );
        // The DER SubjectPublicKeyInfo: `openssl x509 -pubkey | openssl pkey -pubin -outform DER`.
        let pem = run(&openssl, &["x509", "-inform", form, "-in", path, "-noout", "-pubkey"]);
        let dir = tempfile::tempdir().unwrap();
        let pubkey = dir.path().join("pub.pem");
        std::fs::write(&pubkey, pem).unwrap();
        let spki = std::process::Command::new(&openssl)
            .args(["pkey", "-pubin", "-in", pubkey.to_str().unwrap(), "-outform", "DER"])
            .output()
            .unwrap();
        assert!(spki.status.success());
        assert_eq!(
            beian::app::cert::hex_upper(&spki.stdout).to_ascii_lowercase(),
            c.spki,
            "{name} SPKI"
        );
    }
}

#[test]
fn certificate_fingerprints_match_keytool() {
    let Some(keytool) = tool("keytool", "default-jdk-headless") else {
        return;
    };
    for (name, _) in CERT_FILES {
        let out = run(&keytool, &["-printcert", "-file", fixture(name).to_str().unwrap()]);
        let c = &inspect(name).signers[0].cert;
        assert_eq!(values(&out, "SHA1: "), vec![c.sha1.clone()], "{name}");
        assert_eq!(values(&out, "SHA256: "), vec![c.sha256.clone()], "{name}");
        let owner = out.lines().find_map(|l| l.strip_prefix("Owner: ")).unwrap();
        assert_eq!(owner, c.subject, "{name}: subject in the order keytool prints it");
    }
}

#[test]
fn keystore_fingerprints_match_keytool() {
    let Some(keytool) = tool("keytool", "default-jdk-headless") else {
        return;
    };
    for name in ["release.jks", "upload.p12", "debug.p12"] {
        let out = run(
            &keytool,
            &[
                "-list",
                "-v",
                "-keystore",
                fixture(name).to_str().unwrap(),
                "-storepass",
                password(name),
            ],
        );
        let i = inspect(name);
        assert!(i.kind.is_keystore(), "{name}");
        let aliases: Vec<String> = out
            .lines()
            .filter_map(|l| l.strip_prefix("Alias name: "))
            .map(|a| format!("alias {a}"))
            .collect();
        let sources: Vec<String> = i.signers.iter().map(|s| s.source.clone()).collect();
        assert_eq!(sources, aliases, "{name}");
        // keytool lists the signer's certificate first in each entry's chain.
        let sha1 = values(&out, "SHA1: ");
        let sha256 = values(&out, "SHA256: ");
        assert_eq!(sha1.first(), Some(&i.signers[0].cert.sha1), "{name}");
        assert_eq!(sha256.first(), Some(&i.signers[0].cert.sha256), "{name}");
    }
}

#[test]
fn apk_fingerprints_match_apksigner() {
    let Some(apksigner) = tool("apksigner", "apksigner") else { return };
    for (name, min_sdk, schemes) in [
        ("v1v2.apk", None, &["v1", "v2"][..]),
        ("debug.apk", None, &["v1", "v2"]),
        ("v2v3.apk", Some("28"), &["v2", "v3"]),
    ] {
        let path = fixture(name);
        let mut args = vec!["verify", "--print-certs", "-v"];
        if let Some(m) = min_sdk {
            args.extend(["--min-sdk-version", m]);
        }
        args.push(path.to_str().unwrap());
        let out = run(&apksigner, &args);
        let i = inspect(name);
        assert_eq!(i.kind, Kind::Apk);
        assert_eq!(i.schemes, schemes, "{name}");
        assert_eq!(i.signers.len(), 1, "{name}: one certificate for every scheme");
        let c = &i.signers[0].cert;
        assert_eq!(values(&out, "certificate MD5 digest: "), vec![c.md5.clone()], "{name}");
        assert_eq!(values(&out, "certificate SHA-1 digest: "), vec![c.sha1.clone()], "{name}");
        assert_eq!(values(&out, "certificate SHA-256 digest: "), vec![c.sha256.clone()], "{name}");
        assert_eq!(values(&out, "public key MD5 digest: "), vec![c.public_key_md5.clone()], "{name}");
        assert_eq!(c.debug, name == "debug.apk", "{name}");
    }
}

#[test]
fn v1_signature_matches_keytool_printcert_jarfile() {
    let Some(keytool) = tool("keytool", "default-jdk-headless") else {
        return;
    };
    for name in ["v1v2.apk", "debug.apk"] {
        let out = run(&keytool, &["-printcert", "-jarfile", fixture(name).to_str().unwrap()]);
        let c = &inspect(name).signers[0].cert;
        assert_eq!(values(&out, "SHA1: "), vec![c.sha1.clone()], "{name}");
        assert_eq!(values(&out, "SHA256: "), vec![c.sha256.clone()], "{name}");
    }
}

#[test]
fn provisioning_profile_lists_its_developer_certificate() {
    let Some(openssl) = tool("openssl", "openssl") else { return };
    // The profile's plist, as openssl reads it out of the CMS, names the certificate in ios.cer.
    let plist = run(
        &openssl,
        &[
            "cms",
            "-verify",
            "-noverify",
            "-inform",
            "DER",
            "-in",
            fixture("ios.mobileprovision").to_str().unwrap(),
        ],
    );
    assert!(plist.contains("DeveloperCertificates"));
    let fp = run(
        &openssl,
        &[
            "x509",
            "-inform",
            "DER",
            "-in",
            fixture("ios.cer").to_str().unwrap(),
            "-noout",
            "-fingerprint",
            "-sha1",
        ],
    );
    let i = inspect("ios.mobileprovision");
    assert_eq!(i.kind, Kind::Provision);
    assert_eq!(i.package.as_deref(), Some("cn.example.beian.demo"));
    assert_eq!(i.signers.len(), 1);
    assert_eq!(values(&fp, "Fingerprint="), vec![i.signers[0].cert.sha1.clone()]);
}

/// Parser tests that need no tool: the committed files agree with each other.
#[test]
fn the_same_certificate_reads_the_same_from_every_container() {
    let release = inspect("release.der").signers[0].cert.clone();
    for name in ["release.pem", "release.jks", "v1v2.apk"] {
        assert_eq!(inspect(name).signers[0].cert, release, "{name}");
    }
    assert_eq!(inspect("upload.p12").signers[0].cert, inspect("v2v3.apk").signers[0].cert);
    assert_eq!(inspect("debug.p12").signers[0].cert, inspect("debug.apk").signers[0].cert);
    assert_eq!(inspect("ios.cer").signers[0].cert, inspect("ios.mobileprovision").signers[0].cert);
    for name in ["v1v2.apk", "v2v3.apk", "debug.apk"] {
        assert_eq!(inspect(name).package.as_deref(), Some("cn.example.beian.demo"), "{name}");
    }
    assert!(inspect("debug.p12").signers[0].cert.debug);
    assert!(!release.debug);
    assert_eq!(release.key_kind, "RSA 2048");
    assert_eq!(inspect("upload.p12").signers[0].cert.key_kind, "EC");
    assert!(inspect("upload.p12").signers[0].cert.rsa_modulus.is_none());
}

fn beian() -> Command {
    let mut c = Command::cargo_bin("beian").unwrap();
    c.env_remove("BEIAN_LANG").env("BEIAN_CONFIG_DIR", "/nonexistent-beian-config");
    c
}

fn stderr_of(c: &mut Command, code: i32) -> String {
    let out = c.output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(code),
        "stdout: {}\nstderr: {}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn a_truncated_or_corrupt_apk_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = std::fs::read(fixture("v1v2.apk")).unwrap();
    let cut = dir.path().join("cut.apk");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    let err = stderr_of(beian().args(["--lang", "en", "app", "inspect"]).arg(&cut), 2);
    assert!(err.contains("cut.apk") && err.contains("corrupt or truncated"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");

    // The signing block's size fields no longer agree.
    let mut bad = bytes.clone();
    let at = bad.windows(16).position(|w| w == b"APK Sig Block 42").unwrap();
    bad[at - 8] ^= 0x40;
    let broken = dir.path().join("broken.apk");
    std::fs::write(&broken, &bad).unwrap();
    let err = stderr_of(beian().args(["--lang", "en", "app", "inspect"]).arg(&broken), 2);
    assert!(err.contains("broken.apk") && err.contains("Signing Block"), "{err}");
    let err = stderr_of(beian().args(["app", "inspect"]).arg(&broken), 2);
    assert!(err.contains("APK 签名块"), "{err}");
}

#[test]
fn a_wrong_keystore_password_is_a_clear_error() {
    for name in ["release.jks", "upload.p12"] {
        let err = stderr_of(
            beian()
                .args(["--lang", "en", "app", "inspect", "--storepass-env", "PW"])
                .arg(fixture(name))
                .env("PW", "not-it"),
            2,
        );
        assert!(err.contains(name) && err.contains("wrong keystore password"), "{err}");
    }
    // No terminal and no --storepass-env: say how to give it rather than hang.
    let err = stderr_of(beian().args(["--lang", "en", "app", "inspect"]).arg(fixture("upload.p12")), 2);
    assert!(err.contains("--storepass-env"), "{err}");
    let err = stderr_of(
        beian()
            .args(["--lang", "en", "app", "inspect", "--storepass-env", "NOT_SET_ANYWHERE"])
            .arg(fixture("upload.p12")),
        2,
    );
    assert!(err.contains("NOT_SET_ANYWHERE"), "{err}");
}

#[test]
fn an_unknown_file_or_alias_is_a_clear_error() {
    let err = stderr_of(beian().args(["--lang", "en", "app", "inspect"]).arg(fixture("make.sh")), 2);
    assert!(err.contains("make.sh") && err.contains("not a file beian can read"), "{err}");
    // A ZIP that is no APK.
    let dir = tempfile::tempdir().unwrap();
    let zip_path = dir.path().join("notes.zip");
    let mut w = zip::ZipWriter::new(std::fs::File::create(&zip_path).unwrap());
    w.start_file(
        "notes.txt",
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored),
    )
    .unwrap();
    std::io::Write::write_all(&mut w, b"not an app").unwrap();
    w.finish().unwrap();
    let err = stderr_of(beian().args(["--lang", "en", "app", "inspect"]).arg(&zip_path), 2);
    assert!(err.contains("notes.zip") && err.contains("not an APK"), "{err}");
    let err = stderr_of(beian().args(["--lang", "en", "app", "inspect", "missing.apk"]), 2);
    assert!(err.contains("missing.apk") && err.contains("cannot be read"), "{err}");
    let err = stderr_of(
        beian()
            .args(["--lang", "en", "app", "inspect", "--alias", "nope", "--storepass-env", "PW"])
            .arg(fixture("release.jks"))
            .env("PW", "beian-test"),
        2,
    );
    assert!(err.contains("no alias \"nope\"") && err.contains("release"), "{err}");
}

#[test]
fn json_and_english_reports() {
    let out = beian()
        .args(["--lang", "en", "app", "inspect", "--format", "json"])
        .arg(fixture("debug.apk"))
        .arg(fixture("ios.cer"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "the debug certificate is an error finding");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let files = v["files"].as_array().unwrap();
    assert_eq!(files.len(), 2);
    assert_eq!(files[0]["kind"], "apk");
    assert_eq!(files[0]["package"], "cn.example.beian.demo");
    let c = &files[0]["certificates"][0];
    let md5 = c["md5"].as_str().unwrap();
    assert_eq!(c["md5_colons"].as_str().unwrap().replace(':', ""), md5);
    assert_eq!(c["debug"], true);
    assert_eq!(v["findings"][0]["rule"], "APP-INSPECT-DEBUG");

    let out = beian()
        .args(["--lang", "en", "app", "inspect"])
        .arg(fixture("debug.apk"))
        .arg(fixture("expired.pem"))
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("debug certificate") && text.contains("expired on 2020-01-31"),
        "{text}"
    );
    assert!(
        !text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
        "Chinese in --lang en:\n{text}"
    );
    let out = beian().args(["app", "inspect"]).arg(fixture("debug.apk")).output().unwrap();
    assert!(String::from_utf8(out.stdout).unwrap().contains("调试证书"));
}

const DRAFT: &str = r#"# A draft with comments that --write must keep.
format = 1
filing_date = 2026-12-01

[[app]]
name = "示例记账本"   # the APP's name
domains = ["example.com"]
responsible = "principal"

[[app.platform]]
os = "ios"
package = "cn.example.beian.demo"

[[app.platform]]
os = "安卓"           # Android, by its Chinese name
package = "cn.example.beian.demo"
signing_md5 = "00:11"  # wrong, to be replaced
"#;

#[test]
fn draft_mismatches_then_write_fills_the_platform_and_keeps_comments() {
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("draft.toml");
    std::fs::write(&draft, DRAFT).unwrap();
    let apk = fixture("v1v2.apk");

    let out = beian()
        .args(["--lang", "en", "app", "inspect", "--format", "json", "--draft"])
        .arg(&draft)
        .arg(&apk)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let f = &v["findings"][0];
    assert_eq!(f["rule"], "APP-INSPECT-FINGERPRINT");
    assert_eq!(f["field"], "app.0.platform.1.signing_md5", "the android platform, found by its os");
    assert_eq!(f["line"], 17);

    let out = beian()
        .args(["app", "inspect", "--write", "--draft"])
        .arg(&draft)
        .arg(&apk)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("app.0.platform.1.signing_md5"));
    let text = std::fs::read_to_string(&draft).unwrap();
    let c = &inspect("v1v2.apk").signers[0].cert;
    assert!(
        text.contains(&format!("signing_md5 = \"{}\"  # wrong, to be replaced", app::cert::colons(&c.md5))),
        "{text}"
    );
    assert!(
        text.contains(&format!("public_key = \"{}\"", c.rsa_modulus.as_ref().unwrap())),
        "{text}"
    );
    for line in DRAFT.lines().filter(|l| !l.starts_with("signing_md5")) {
        assert!(text.contains(line), "lost `{line}`:\n{text}");
    }
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "no temporary file left behind");

    // Now it matches; the iOS platform is reached with --platform and its SHA-1 written.
    let out = beian()
        .args(["--lang", "en", "app", "inspect", "--draft"])
        .arg(&draft)
        .arg(&apk)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Matches the draft"));
    let out = beian()
        .args(["app", "inspect", "--write", "--platform", "0", "--draft"])
        .arg(&draft)
        .arg(fixture("ios.mobileprovision"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let doc: toml::Table = std::fs::read_to_string(&draft).unwrap().parse().unwrap();
    let ios = &doc["app"][0]["platform"][0];
    assert_eq!(
        ios["signing_sha1"].as_str().unwrap().replace(':', ""),
        inspect("ios.cer").signers[0].cert.sha1
    );
    assert!(ios.get("signing_md5").is_none(), "iOS files the SHA-1 only");
}

#[test]
fn write_refuses_the_debug_certificate_and_a_package_mismatch_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("draft.toml");
    let text = "[[app]]\nname = \"示例\"\nplatforms = [\"android\"]\npackage_name = \"cn.example.other\"\n";
    std::fs::write(&draft, text).unwrap();
    let err = stderr_of(
        beian()
            .args(["--lang", "en", "app", "inspect", "--write", "--draft"])
            .arg(&draft)
            .arg(fixture("debug.apk")),
        2,
    );
    assert!(err.contains("debug certificate") && err.contains("not written"), "{err}");
    assert_eq!(std::fs::read_to_string(&draft).unwrap(), text);
    let out = beian()
        .args([
            "--lang",
            "en",
            "app",
            "inspect",
            "--as-of",
            "2099-01-01",
            "--format",
            "json",
            "--draft",
        ])
        .arg(&draft)
        .arg(fixture("v1v2.apk"))
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rules: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert_eq!(rules, ["APP-INSPECT-EXPIRED", "APP-INSPECT-PACKAGE"]);
    assert_eq!(v["as_of"], "2099-01-01");
}

/// Every parser behind `inspect`, fed truncated and mutated copies of every fixture, answers
/// with a result or an error and never panics.
mod no_panic {
    use super::*;
    use proptest::prelude::*;

    const FILES: &[&str] = &[
        "v1v2.apk",
        "v2v3.apk",
        "debug.apk",
        "release.jks",
        "upload.p12",
        "release.der",
        "release.pem",
        "ios.cer",
        "ios.mobileprovision",
        "chain.pem",
    ];

    fn try_all(name: &str, bytes: &[u8]) {
        let mut pw = FixedPassword(password(name).to_string());
        let _ = app::inspect_bytes(Path::new(name), bytes, None, &mut pw);
        let _ = app::manifest::package_name(bytes);
        let _ = app::keystore::read_jks(bytes, "beian-test");
        let _ = app::cert::from_file(bytes);
        let _ = app::provision::read(bytes);
        let _ = app::apk::read(bytes);
    }

    #[test]
    fn every_truncation_of_small_files_and_many_of_large_ones() {
        for name in FILES {
            let bytes = std::fs::read(fixture(name)).unwrap();
            let step = (bytes.len() / 300).max(1);
            for len in (0..bytes.len()).step_by(step) {
                try_all(name, &bytes[..len]);
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 96, failure_persistence: None, ..ProptestConfig::default() })]
        #[test]
        fn mutated_bytes(file in 0..FILES.len(), flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8)) {
            let name = FILES[file];
            let mut bytes = std::fs::read(fixture(name)).unwrap();
            for (at, value) in flips {
                let i = at.index(bytes.len());
                bytes[i] = value;
            }
            try_all(name, &bytes);
        }
    }
}

#[test]
fn a_chain_lists_every_certificate_in_keytools_order_and_writes_the_leaf() {
    let i = inspect("chain.pem");
    assert_eq!(i.signers.len(), 2);
    assert!(i.is_ca(0) && !i.is_ca(1), "the CA comes first in chain.pem");
    if let Some(keytool) = tool("keytool", "default-jdk-headless") {
        let out = run(&keytool, &["-printcert", "-file", fixture("chain.pem").to_str().unwrap()]);
        let ours: Vec<String> = i.signers.iter().map(|s| s.cert.sha256.clone()).collect();
        assert_eq!(values(&out, "SHA256: "), ours);
    }
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("d.toml");
    std::fs::write(
        &draft,
        "[[app]]\nname = \"示例\"\n\n[[app.platform]]\nos = \"harmonyos\"\npackage = \"cn.example.demo\"\n",
    )
    .unwrap();
    let out = beian()
        .args(["app", "inspect", "--write", "--draft"])
        .arg(&draft)
        .arg(fixture("chain.pem"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let doc: toml::Table = std::fs::read_to_string(&draft).unwrap().parse().unwrap();
    let p = &doc["app"][0]["platform"][0];
    let leaf = &i.signers[1].cert;
    assert_eq!(p["signing_md5"].as_str().unwrap().replace(':', ""), leaf.md5);
    assert_eq!(p["signing_sha1"].as_str().unwrap().replace(':', ""), leaf.sha1);
    assert_eq!(p["package"].as_str(), Some("cn.example.demo"), "kept");
}
