//! Step 6: APPs, each with one `[[app.platform]]` per platform and the signing fingerprint
//! that platform's console asks for.

use super::super::question::{Apply, Kind, Q, bi, opt};
use super::{Cx, domains, websites};

const S: &str = "apps";

pub fn questions(cx: &Cx) -> Vec<Q> {
    let mut qs = Vec::new();
    if cx.filing_type() == Some("cancel") {
        return qs;
    }
    // What the order files was asked in the websites step; a draft that lists websites
    // already (resume, answers) is asked whether an APP comes too.
    match websites::service_kind(cx) {
        Some("website" | "") => return qs,
        Some(_) => {}
        None if cx.count("app") == 0 && cx.change_parts().is_none() => {
            qs.push(
                Q::yes_no("~app.any", S, bi("这次也备案 APP 吗？", "Is an APP part of this filing too?"))
                    .help(bi(
                        "APP 要填写包名和签名证书指纹（MD5/SHA-1）",
                        "An APP needs its package name and the signing certificate's fingerprint (MD5/SHA-1)",
                    ))
                    .default("no")
                    .batch("no")
                    .apply(Apply::Meta),
            );
            if cx.meta("~app.any") != Some("yes") {
                return qs;
            }
        }
        None => {}
    }
    let n = domains::shown(cx, "app", "app.more");
    for i in 0..n {
        app(cx, i, &mut qs);
        if i + 1 == n {
            qs.push(
                Q::yes_no(format!("~app.more.{i}"), S, bi("再添加一个 APP 吗？", "Add another APP?"))
                    .default("no")
                    .batch("no")
                    .apply(Apply::Meta),
            );
        }
    }
    qs
}

fn app(cx: &Cx, i: usize, qs: &mut Vec<Q>) {
    let key = |k: &str| format!("app.{i}.{k}");
    qs.push(
        Q::text(key("name"), S, bi("APP 名称", "APP name"), Kind::Text).help(bi("与应用商店上架的名称一致", "As listed in the app stores")),
    );
    if websites::needs_service_number(cx) {
        qs.push(
            Q::text(key("filing_number"), S, bi("APP 备案号", "The APP's filing number"), Kind::Text).help(bi(
                "主体备案号加 APP 序号，如 粤ICP备2021012345号-2A",
                "The principal's number plus the APP's suffix, e.g. 粤ICP备2021012345号-2A",
            )),
        );
    }
    // Every domain the APP itself connects to (REQ-APP); one domain in the order is taken
    // (the engine's derive step), several are offered all at once.
    let names = websites::names_of(cx, "domain");
    if names.len() != 1 {
        let mut q = Q::text(
            key("domains"),
            S,
            bi("APP 使用的域名（逗号分隔）", "Domains the APP uses (comma-separated)"),
            Kind::List,
        )
        .help(bi(
            "APP 连接的全部自有域名，须在本订单的域名中",
            "Every domain of yours the APP connects to; each must be one of this order's domains",
        ));
        if !names.is_empty() {
            q = q.default(names.join(", "));
        }
        qs.push(q);
    }
    let np = domains::shown(cx, &key("platform"), &format!("app.{i}.platform.more"));
    for j in 0..np {
        platform(cx, i, j, qs);
        if j + 1 == np {
            qs.push(
                Q::yes_no(
                    format!("~app.{i}.platform.more.{j}"),
                    S,
                    bi("这个 APP 还有其他平台吗？", "Is this APP on another platform too?"),
                )
                .help(bi("例如安卓之外还有 iOS 版", "For example an iOS version besides Android"))
                .default("no")
                .batch("no")
                .apply(Apply::Meta),
            );
        }
    }
    qs.push(
        Q::choice(
            key("service_content"),
            S,
            bi("APP 服务内容", "APP service content"),
            websites::service_opts(),
        )
        .default(if cx.individual() { "blog" } else { "enterprise_portal" })
        .apply(Apply::One)
        .consequences(),
    );
    websites::preapproval(cx, i, "app", S, qs);
    qs.push(
        Q::text(key("languages"), S, bi("APP 语言", "Languages of the APP"), Kind::Languages)
            .help(bi("写语言名称，如：中文, 英语", "Language names, e.g.: Chinese, English"))
            .default("zh-CN")
            .optional(),
    );
    websites::remark(cx, &format!("app.{i}"), S, qs);
    qs.push(
        Q::choice(
            key("responsible"),
            S,
            bi("APP 负责人是谁？", "Who is the APP's responsible person?"),
            vec![opt("principal", bi("与主体负责人相同", "The principal's responsible person"))],
        )
        .default("principal"),
    );
}

fn platform(cx: &Cx, i: usize, j: usize, qs: &mut Vec<Q>) {
    let key = |k: &str| format!("app.{i}.platform.{j}.{k}");
    let oses = vec![
        opt("android", bi("安卓", "Android")),
        opt("ios", bi("iOS", "iOS")),
        opt("harmonyos", bi("鸿蒙", "HarmonyOS")),
        opt("other", bi("其他", "Other")),
    ];
    qs.push(
        Q::choice(key("os"), S, bi(format!("平台 {}", j + 1), format!("Platform {}", j + 1)), oses).default(if j == 0 {
            "android"
        } else {
            "ios"
        }),
    );
    let os = cx.s(&key("os")).unwrap_or("android");
    let (pkg, pkg_help) = match os {
        "ios" => (bi("Bundle ID", "Bundle ID"), bi("如 com.example.app", "e.g. com.example.app")),
        _ => (bi("包名", "Package name"), bi("如 com.example.app", "e.g. com.example.app")),
    };
    qs.push(Q::text(key("package"), S, pkg, Kind::Text).help(pkg_help));
    let (fkey, prompt, help) = if os == "ios" {
        (
            key("signing_sha1"),
            bi("签名证书 SHA-1", "Signing certificate SHA-1"),
            bi("40 位十六进制，可带冒号", "40 hex digits, colons allowed"),
        )
    } else {
        (
            key("signing_md5"),
            bi("签名证书 MD5", "Signing certificate MD5"),
            bi(
                "32 位十六进制，可带冒号（keytool -printcert -jarfile app.apk 可查看）",
                "32 hex digits, colons allowed (keytool -printcert -jarfile app.apk shows it)",
            ),
        )
    };
    // A signing file instead of typed hex: `beian app inspect` reads it and fills the
    // fingerprint and public key, which are then not asked (the loop asks what is unanswered).
    // A keystore brings its password question (hidden, never kept), and the alias question
    // when it holds several signing certificates.
    let base = format!("~app.{i}.platform.{j}");
    let file_key = format!("{base}.file");
    let err_key = format!("{file_key}_error");
    let ks_key = format!("{file_key}_keystore");
    let pw_key = format!("{base}.storepass");
    let alias_key = format!("{base}.alias");
    let entries_key = format!("{alias_key}_entries");
    let help = match cx.meta(&err_key).and_then(|e| e.split_once('\u{1f}')) {
        Some((zh, en)) => bi(format!("{zh}。{}", help.zh), format!("{en}. {}", help.en)),
        None => help,
    };
    let prefix = format!("app.{i}.platform.{j}");
    let values = vec![key("signing_md5"), key("signing_sha1"), key("public_key")];
    let fill = Fill {
        prefix: prefix.clone(),
        os: os.to_string(),
        err_key: err_key.clone(),
    };
    let f = fill.clone();
    let ks_owned = ks_key.clone();
    let mut file_owns = values.clone();
    file_owns.extend([ks_key.clone(), pw_key.clone(), alias_key.clone(), entries_key.clone()]);
    qs.push(
        Q::text(
            file_key.clone(),
            S,
            bi("签名文件（可选）", "Signing file (optional)"),
            Kind::Path,
        )
        .help(bi(
            "APK、密钥库（.jks/.keystore/.p12/.pfx）、证书（.cer/.crt/.pem）或 .mobileprovision 的路径：指纹和公钥从中读出；留空则手动输入",
            "Path to the APK, keystore (.jks/.keystore/.p12/.pfx), certificate (.cer/.crt/.pem) or .mobileprovision: the fingerprint and public key are read from it; leave empty to type them",
        ))
        .optional()
        .owns(file_owns)
        .with(move |t, meta, a| {
            meta.remove(&f.err_key);
            meta.remove(&ks_owned);
            let Some(path) = a.value().as_str().map(str::to_string) else { return };
            match signing_values(std::path::Path::new(&path), &f.os) {
                Ok(Signing::Values(values)) => f.put(t, &values),
                // Its password is the next question.
                Ok(Signing::Keystore) => {
                    meta.insert(ks_owned.clone(), "yes".to_string());
                }
                Err(e) => f.error(meta, &e),
            }
        }),
    );
    if let (Some(path), Some(_)) = (cx.meta(&file_key), cx.meta(&ks_key)) {
        let path = std::path::PathBuf::from(path);
        let check_path = path.clone();
        let f = fill.clone();
        let entries_owned = entries_key.clone();
        let mut pw_owns = values.clone();
        pw_owns.extend([alias_key.clone(), entries_key.clone()]);
        qs.push(
            Q::secret(pw_key, S, bi("密钥库密码", "Keystore password"), move |pw| {
                match crate::app::inspect_file(&check_path, None, &mut crate::app::FixedPassword(pw.to_string())) {
                    Err(e) if e.problem == crate::app::keystore::wrong_password() => {
                        let t = e.problem.0;
                        Err(bi(format!("{}，请重新输入", t.zh), format!("{}; please type it again", upper_first(&t.en))))
                    }
                    _ => Ok(()),
                }
            })
            .help(bi(
                "签名文件是密钥库：输入它的密码以读出指纹和公钥（密码不保存）；留空则手动输入",
                "The signing file is a keystore: type its password to read the fingerprint and public key (the password is not saved); leave empty to type them",
            ))
            .optional()
            .owns(pw_owns)
            .with(move |t, meta, a| {
                meta.remove(&f.err_key);
                meta.remove(&entries_owned);
                let pw = a.value().as_str().unwrap_or_default().to_string();
                match keystore_values(&path, &f.os, pw) {
                    Ok(KeystoreRead::One(Ok(values))) => f.put(t, &values),
                    Ok(KeystoreRead::One(Err(e))) => f.error(meta, &e),
                    Ok(KeystoreRead::Several(entries)) => {
                        meta.insert(entries_owned.clone(), serde_json::to_string(&entries).unwrap_or_default());
                    }
                    Err(e) => f.error(meta, &e),
                }
            }),
        );
    }
    // Several signing certificates in the keystore: `app inspect --write` wants `--alias`; here
    // the choice among them (their public values are noted, so the password is not needed again).
    if let Some(entries) = cx.meta(&entries_key).and_then(|e| serde_json::from_str::<Vec<Entry>>(e).ok()) {
        let opts = entries
            .iter()
            .map(|e| opt(e.alias.clone(), bi(e.alias.clone(), e.alias.clone())))
            .collect();
        let f = fill.clone();
        qs.push(
            Q::choice(
                alias_key,
                S,
                bi("用密钥库中的哪个别名签名？", "Which keystore alias signs this APP?"),
                opts,
            )
            .help(bi(
                "密钥库中有多张签名证书：选择发布这个平台时签名用的那一个",
                "The keystore holds several signing certificates: choose the one this platform's releases are signed with",
            ))
            .owns(values)
            .with(move |t, meta, a| {
                meta.remove(&f.err_key);
                let Some(e) = entries.iter().find(|e| Some(e.alias.as_str()) == a.value().as_str()) else {
                    return;
                };
                match &e.values {
                    Ok(values) => {
                        let values: Vec<(&str, String)> = values.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
                        f.put(t, &values);
                    }
                    Err((zh, en)) => f.error(meta, &crate::diag::Text::new(zh.clone(), en.clone())),
                }
            }),
        );
    }
    qs.push(Q::text(fkey, S, prompt, Kind::Text).help(help));
    qs.push(
        Q::text(
            key("public_key"),
            S,
            bi("签名证书公钥", "Signing certificate public key"),
            Kind::Text,
        )
        .help(bi(
            "十六进制，从签名证书读出（beian app inspect 可读出）",
            "Hex, read from the signing certificate (beian app inspect reads it)",
        )),
    );
}

fn upper_first(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

/// Where a platform's values read from a file go, and where a problem with it is noted (the
/// fingerprint question's help then says it).
#[derive(Clone)]
struct Fill {
    prefix: String,
    os: String,
    err_key: String,
}

impl Fill {
    fn put(&self, t: &mut toml::Table, values: &[(&str, String)]) {
        for (k, v) in values {
            super::put_str(t, &format!("{}.{k}", self.prefix), v);
        }
    }
    fn error(&self, meta: &mut super::super::question::Meta, e: &crate::diag::Text) {
        meta.insert(self.err_key.clone(), format!("{}\u{1f}{}", e.zh, e.en));
    }
}

/// One signing certificate of a keystore with several: its alias and what it fills (or why
/// it cannot, in both languages). Public values only: no secret.
#[derive(serde::Serialize, serde::Deserialize)]
struct Entry {
    alias: String,
    values: Result<Vec<(String, String)>, (String, String)>,
}

enum Signing {
    Values(Vec<(&'static str, String)>),
    /// A keystore: its password is asked next.
    Keystore,
}

enum KeystoreRead {
    One(Result<Vec<(&'static str, String)>, crate::diag::Text>),
    Several(Vec<Entry>),
}

fn target(os: &str) -> crate::app::compare::Target {
    crate::app::compare::Target {
        app: 0,
        platform: Some(0),
        os: Some(os.to_string()),
        // Asked before: never overwritten from the file.
        package: Some(String::new()),
        md5: None,
        sha1: None,
        public_key: None,
    }
}

/// What `beian app inspect --write` would fill for a platform of this `os`: the fingerprint
/// and the public key (the package was asked before). A keystore is told the way `inspect`
/// tells it: by asking for its password, which is then the wizard's next question.
fn signing_values(path: &std::path::Path, os: &str) -> Result<Signing, crate::diag::Text> {
    struct Asked(bool);
    impl crate::app::Passwords for Asked {
        fn password(&mut self, _: &std::path::Path) -> Result<String, crate::app::Problem> {
            self.0 = true;
            Err(crate::app::Problem::new("", ""))
        }
    }
    let mut asked = Asked(false);
    match crate::app::inspect_file(path, None, &mut asked) {
        Err(_) if asked.0 => Ok(Signing::Keystore),
        Err(e) => Err(e.problem.0),
        Ok(inspected) => crate::app::write::changes(&inspected, &target(os))
            .map(Signing::Values)
            .map_err(|p| p.0),
    }
}

/// The keystore read with its password: its one signing certificate's values, as for an APK,
/// or each signing certificate's, to choose among by alias.
fn keystore_values(path: &std::path::Path, os: &str, password: String) -> Result<KeystoreRead, crate::diag::Text> {
    let inspected = crate::app::inspect_file(path, None, &mut crate::app::FixedPassword(password)).map_err(|e| e.problem.0)?;
    let leaves: Vec<crate::app::Signer> = inspected.leaves().into_iter().cloned().collect();
    if leaves.len() <= 1 {
        return Ok(KeystoreRead::One(
            crate::app::write::changes(&inspected, &target(os)).map_err(|p| p.0),
        ));
    }
    let entries = leaves
        .into_iter()
        .map(|s| {
            let alias = s.source.strip_prefix("alias ").unwrap_or(&s.source).to_string();
            let one = crate::app::Inspected {
                signers: vec![s],
                ..inspected.clone()
            };
            let values = crate::app::write::changes(&one, &target(os))
                .map(|v| v.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
                .map_err(|p| (p.0.zh, p.0.en));
            Entry { alias, values }
        })
        .collect();
    Ok(KeystoreRead::Several(entries))
}

#[cfg(test)]
mod tests {
    use super::{KeystoreRead, Signing, keystore_values, signing_values};
    use std::path::PathBuf;

    fn fixture(name: &str) -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/app").join(name)
    }

    fn values(s: Signing) -> Vec<(&'static str, String)> {
        match s {
            Signing::Values(v) => v,
            Signing::Keystore => panic!("not a keystore"),
        }
    }

    /// The file answers the question its platform asks: Android the certificate's MD5, iOS its
    /// SHA-1, both with the public key; the same values `app inspect` reads.
    #[test]
    fn a_signing_file_fills_the_platforms_fingerprint_and_key() {
        let apk = values(signing_values(&fixture("v1v2.apk"), "android").unwrap());
        let keys: Vec<_> = apk.iter().map(|(k, _)| *k).collect();
        assert_eq!(keys, ["signing_md5", "public_key"]);
        let inspected = crate::app::inspect_file(&fixture("v1v2.apk"), None, &mut crate::app::FixedPassword(String::new())).unwrap();
        let leaf = &inspected.leaves()[0].cert;
        assert_eq!(apk[0].1.replace(':', ""), leaf.md5);
        let ios = values(signing_values(&fixture("ios.cer"), "ios").unwrap());
        assert_eq!(ios[0].0, "signing_sha1");
        assert_eq!(ios[0].1.replace(':', "").len(), 40);
    }

    /// A keystore (JKS or PKCS#12, told by content as `app inspect` tells it) is not read
    /// without its password: the password is the next question. With it, the values are those
    /// of an APK signed with it; the debug certificate is refused, saying why.
    #[test]
    fn keystores_ask_for_their_password_and_debug_certificates_are_explained() {
        for ks in ["release.jks", "upload.p12", "debug.p12"] {
            assert!(matches!(signing_values(&fixture(ks), "android"), Ok(Signing::Keystore)), "{ks}");
        }
        let Ok(KeystoreRead::One(Ok(jks))) = keystore_values(&fixture("release.jks"), "android", "beian-test".into()) else {
            panic!("release.jks not read")
        };
        let apk = values(signing_values(&fixture("v1v2.apk"), "android").unwrap());
        assert_eq!(jks, apk, "v1v2.apk is signed with release.jks");
        let Ok(KeystoreRead::One(Err(debug))) = keystore_values(&fixture("debug.p12"), "android", "android".into()) else {
            panic!("debug.p12 not read")
        };
        assert!(debug.en.contains("debug") && debug.zh.contains("调试"), "{debug:?}");
        let wrong = keystore_values(&fixture("release.jks"), "android", "nope".into()).err().unwrap();
        assert_eq!(wrong, crate::app::keystore::wrong_password().0);
        let debug = signing_values(&fixture("debug.apk"), "android").err().unwrap();
        assert!(debug.en.contains("debug"), "{debug:?}");
    }
}
