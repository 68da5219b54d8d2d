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
    // A change of an APP is about one that exists: no "an APP too?" first.
    if cx.count("app") == 0 && cx.change_parts().is_none() {
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
    let file_key = format!("~app.{i}.platform.{j}.file");
    let err_key = format!("{file_key}_error");
    let help = match cx.meta(&err_key).and_then(|e| e.split_once('\u{1f}')) {
        Some((zh, en)) => bi(format!("{zh}。{}", help.zh), format!("{en}. {}", help.en)),
        None => help,
    };
    let prefix = format!("app.{i}.platform.{j}");
    let os_owned = os.to_string();
    let err_owned = err_key.clone();
    qs.push(
        Q::text(
            file_key,
            S,
            bi("签名文件（可选）", "Signing file (optional)"),
            Kind::Path,
        )
        .help(bi(
            "APK、证书（.cer/.crt/.pem）或 .mobileprovision 的路径：指纹和公钥从中读出；留空则手动输入",
            "Path to the APK, certificate (.cer/.crt/.pem) or .mobileprovision: the fingerprint and public key are read from it; leave empty to type them",
        ))
        .optional()
        .owns(vec![key("signing_md5"), key("signing_sha1"), key("public_key")])
        .with(move |t, meta, a| {
            meta.remove(&err_owned);
            let Some(path) = a.value().as_str().map(str::to_string) else { return };
            match signing_values(std::path::Path::new(&path), &os_owned) {
                Ok(values) => {
                    for (k, v) in values {
                        super::put_str(t, &format!("{prefix}.{k}"), &v);
                    }
                }
                Err(e) => {
                    meta.insert(err_owned.clone(), format!("{}\u{1f}{}", e.zh, e.en));
                }
            }
        }),
    );
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

/// What `beian app inspect --write` would fill for a platform of this `os`: the fingerprint
/// and the public key (the package was asked before). A keystore needs its password, which
/// the wizard does not ask: it says to use `beian app inspect --write` then.
fn signing_values(path: &std::path::Path, os: &str) -> Result<Vec<(&'static str, String)>, crate::diag::Text> {
    struct NoPassword;
    impl crate::app::Passwords for NoPassword {
        fn password(&mut self, _: &std::path::Path) -> Result<String, crate::app::Problem> {
            Err(crate::app::Problem(crate::diag::Text::new(
                "这是密钥库，需要密码：请在向导之外运行 beian app inspect 文件 --draft 草稿 --write",
                "this is a keystore and needs its password: run beian app inspect FILE --draft DRAFT --write outside the wizard",
            )))
        }
    }
    let inspected = crate::app::inspect_file(path, None, &mut NoPassword).map_err(|e| e.problem.0)?;
    let target = crate::app::compare::Target {
        app: 0,
        platform: Some(0),
        os: Some(os.to_string()),
        // Asked before: never overwritten from the file.
        package: Some(String::new()),
        md5: None,
        sha1: None,
        public_key: None,
    };
    crate::app::write::changes(&inspected, &target).map_err(|p| p.0)
}

#[cfg(test)]
mod tests {
    use super::signing_values;
    use std::path::PathBuf;

    fn fixture(name: &str) -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/app").join(name)
    }

    /// The file answers the question its platform asks: Android the certificate's MD5, iOS its
    /// SHA-1, both with the public key; the same values `app inspect` reads.
    #[test]
    fn a_signing_file_fills_the_platforms_fingerprint_and_key() {
        let apk = signing_values(&fixture("v1v2.apk"), "android").unwrap();
        let keys: Vec<_> = apk.iter().map(|(k, _)| *k).collect();
        assert_eq!(keys, ["signing_md5", "public_key"]);
        let inspected = crate::app::inspect_file(&fixture("v1v2.apk"), None, &mut crate::app::FixedPassword(String::new())).unwrap();
        let leaf = &inspected.leaves()[0].cert;
        assert_eq!(apk[0].1.replace(':', ""), leaf.md5);
        let ios = signing_values(&fixture("ios.cer"), "ios").unwrap();
        assert_eq!(ios[0].0, "signing_sha1");
        assert_eq!(ios[0].1.replace(':', "").len(), 40);
    }

    /// A keystore needs a password the wizard does not ask; a debug certificate is refused;
    /// both say what to do instead.
    #[test]
    fn keystores_and_debug_certificates_are_explained_not_filled() {
        let ks = signing_values(&fixture("release.jks"), "android").unwrap_err();
        assert!(ks.en.contains("keystore") && ks.zh.contains("密钥库"), "{ks:?}");
        let debug = signing_values(&fixture("debug.apk"), "android").unwrap_err();
        assert!(debug.en.contains("debug"), "{debug:?}");
    }
}
