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
    if cx.count("app") == 0 {
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
