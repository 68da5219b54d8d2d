//! Step 5: the websites: name, domains, content, approvals, the remark a province wants, and
//! who is responsible for each.

use super::super::question::{Ans, Apply, Kind, Opt, Q, bi, opt};
use super::person::{self, Who};
use super::{Cx, domains, put, vocab};
use crate::diag::{Lang, Severity};
use crate::draft::model::SERVICE_CONTENT;
use crate::rules::Check;
use toml::Value;

const S: &str = "websites";

/// What this order files: `website`, `app`, or (organisations) `both`; `""` while it is to be
/// asked, at the start of a fresh order. An individual files one internet information service
/// per order (APP-DOMAIN-INDIVIDUAL). `None` where it is not asked: a change that says its
/// parts, a cancel, an organisation's draft that already lists websites (resume, answers).
pub fn service_kind<'a>(cx: &'a Cx) -> Option<&'a str> {
    if cx.change_parts().is_some() || matches!(cx.filing_type(), Some("cancel")) {
        return None;
    }
    if let Some(k) = cx.meta("~service.kind") {
        return Some(k);
    }
    match (cx.count("website"), cx.count("app")) {
        (0, 0) => Some(""),
        (0, _) => Some("app"),
        _ if cx.individual() => Some("website"),
        _ => None,
    }
}

pub fn questions(cx: &Cx) -> Vec<Q> {
    let mut qs = Vec::new();
    let kind = service_kind(cx);
    let fresh = cx.count("website") == 0 && cx.count("app") == 0;
    if kind.is_some() && (fresh || cx.meta("~service.kind").is_some()) {
        let mut opts = vec![opt("website", bi("网站", "A website")), opt("app", bi("APP", "An APP"))];
        let help = if cx.individual() {
            bi(
                "个人一次只能备案一个互联网信息服务：网站和 APP 各自单独提交",
                "An individual files one internet information service per order: a website and an APP are separate filings",
            )
        } else {
            opts.push(opt("both", bi("网站和 APP", "A website and an APP")));
            bi(
                "单位可以在一个订单中同时备案网站和 APP；APP 要填写包名和签名证书指纹",
                "An organisation may file websites and APPs in one order; an APP needs its package name and signing fingerprint",
            )
        };
        qs.push(
            Q::choice(
                "~service.kind",
                S,
                bi("这次备案网站还是 APP？", "Is this filing for a website or an APP?"),
                opts,
            )
            .help(help)
            .default("website")
            .batch(if cx.count("app") > 0 && cx.count("website") == 0 {
                "app"
            } else {
                "website"
            })
            .owns(vec!["website".into(), "app".into()])
            .apply(Apply::Meta),
        );
    }
    if matches!(kind, Some("" | "app")) {
        return qs;
    }
    let n = domains::shown(cx, "website", "website.more");
    for i in 0..n {
        website(cx, i, &mut qs);
        if i + 1 == n {
            qs.push(
                Q::yes_no(format!("~website.more.{i}"), S, bi("再添加一个网站吗？", "Add another website?"))
                    .default("no")
                    .batch("no")
                    .apply(Apply::Meta),
            );
        }
    }
    qs
}

pub fn names_of(cx: &Cx, array: &str) -> Vec<String> {
    cx.get(array)
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|d| d.get("name").and_then(Value::as_str).map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// Existing filings name the site's own number.
pub fn needs_service_number(cx: &Cx) -> bool {
    match cx.filing_type() {
        Some("change" | "new_access" | "transfer") => true,
        Some("cancel") => cx.s("account.cancel_scope") == Some("service"),
        _ => false,
    }
}

pub fn service_opts() -> Vec<Opt> {
    SERVICE_CONTENT
        .iter()
        .map(|(id, zh)| opt(*id, bi(*zh, vocab::service_en(id))))
        .collect()
}

fn website(cx: &Cx, i: usize, qs: &mut Vec<Q>) {
    let key = |k: &str| format!("website.{i}.{k}");
    let individual = cx.individual();
    let help = if individual {
        bi(
            "至少 3 个汉字，不能是域名或英文，不能含“公司”“官网”“论坛”等字样；如“张三的技术笔记”",
            "At least 3 Chinese characters; not a domain or English; no words such as company, official site or forum; e.g. 张三的技术笔记",
        )
    } else {
        bi(
            "至少 3 个汉字，能看出网站的内容，如“示例科技官网”",
            "At least 3 Chinese characters describing the site, e.g. 示例科技官网",
        )
    };
    qs.push(Q::text(key("name"), S, bi("网站名称", "Website name"), Kind::Text).help(help));
    if needs_service_number(cx) {
        qs.push(
            Q::text(key("filing_number"), S, bi("网站备案号", "The website's filing number"), Kind::Text).help(bi(
                "主体备案号加网站序号，如 粤ICP备2021012345号-1",
                "The principal's number plus the site's suffix, e.g. 粤ICP备2021012345号-1",
            )),
        );
    }
    let cancelling = cx.filing_type() == Some("cancel");
    if cancelling {
        return;
    }
    let names = domains::shown(cx, "domain", "domain.more");
    let names: Vec<String> = names_of(cx, "domain").into_iter().take(names).collect();
    match names.len() {
        0 => qs.push(Q::text(
            key("domains"),
            S,
            bi("网站使用的域名（逗号分隔）", "Domains of the website (comma-separated)"),
            Kind::List,
        )),
        1 => {
            // One domain: nothing to choose (written by the engine's derive step).
        }
        _ => {
            let opts = names.iter().map(|n| opt(n.clone(), bi(n.clone(), n.clone()))).collect();
            qs.push(
                Q::choice(key("domains"), S, bi("网站使用的域名", "Domain of the website"), opts)
                    .default(names[i.min(names.len() - 1)].clone())
                    .apply(Apply::One),
            );
        }
    }
    let first = cx
        .get(&key("domains"))
        .and_then(Value::as_array)
        .and_then(|a| a.first())
        .and_then(Value::as_str)
        .map(|d| format!("www.{d}"));
    qs.push(
        Q::text(key("home_url"), S, bi("网站首页网址", "Home page URL"), Kind::Text)
            .help(bi("不带 http://，如 www.example.com", "Without http://, e.g. www.example.com"))
            .default_opt(first)
            .optional(),
    );
    let default_sc = if individual { "blog" } else { "enterprise_portal" };
    let sc_help = if individual {
        bi(
            "个人网站一般选“博客/个人空间”；新闻、出版、金融等需要前置审批（可输入文字筛选）",
            "Personal sites: blog; news, publishing, finance … need a pre-approval (type to filter)",
        )
    } else {
        bi(
            "单位网站一般选“单位门户”；新闻、出版、金融等需要前置审批（可输入文字筛选）",
            "Organisation sites: organisation portal; news, publishing, finance … need a pre-approval (type to filter)",
        )
    };
    qs.push(
        Q::choice(key("service_content"), S, bi("网站服务内容", "Service content"), service_opts())
            .help(sc_help)
            .default(default_sc)
            .apply(Apply::One)
            .consequences(),
    );
    preapproval(cx, i, "website", S, qs);
    qs.push(
        Q::text(key("languages"), S, bi("网站语言", "Languages of the website"), Kind::Languages)
            .help(bi(
                "写语言名称，多个用逗号分隔，如：中文, 英语",
                "Language names, comma-separated, e.g.: Chinese, English",
            ))
            .default("zh-CN")
            .optional(),
    );
    remark(cx, &format!("website.{i}"), S, qs);
    responsible(cx, i, qs);
}

/// A service that needs a pre-approval (news, finance …): ask for the approval.
pub fn preapproval(cx: &Cx, i: usize, array: &str, step: &'static str, qs: &mut Vec<Q>) {
    let pkey = format!("{array}.{i}.preapproval");
    let mkey = format!("~{pkey}.held");
    if cx.meta(&mkey).is_none() && (cx.has(&pkey) || !cx.interactive) {
        return;
    }
    let Some(service) = cx
        .get(&format!("{array}.{i}.service_content"))
        .and_then(Value::as_array)
        .and_then(|a| a.first())
        .and_then(Value::as_str)
        .map(str::to_string)
    else {
        return;
    };
    let needed = cx.meta(&mkey).is_some()
        || super::evaluate(cx.rules, cx.draft)
            .findings
            .iter()
            .any(|f| f.field == pkey && matches!(cx.rules.get(&f.rule).map(|r| &r.check), Some(Check::PreapprovalRequired { .. })));
    if !needed {
        return;
    }
    let pk = pkey.clone();
    qs.push(
        Q::yes_no(
            mkey.clone(),
            step,
            bi("已有这项前置审批的批准文件吗？", "Do you hold this pre-approval?"),
        )
        .default("no")
        .owns(vec![pkey.clone()])
        .with(move |t, _, a| {
            if *a == Ans::Bool(true) {
                put(t, &format!("{pk}.0.kind"), Value::String(service.clone()));
            }
        }),
    );
    if cx.meta(&mkey) == Some("yes") {
        qs.push(Q::text(
            format!("{pkey}.0.number"),
            step,
            bi("审批文号（许可证编号）", "Approval or licence number"),
            Kind::Text,
        ));
        qs.push(
            Q::text(
                format!("{pkey}.0.valid_until"),
                step,
                bi("审批有效期至", "Approval valid until"),
                Kind::Validity,
            )
            .help(bi(
                "格式 2028-05-01；长期有效写“长期”",
                "Like 2028-05-01; write long-term if it never expires",
            )),
        );
    }
}

/// The remark (备注) a province requires, offered with the wording its rule asks for.
pub fn remark(cx: &Cx, base: &str, step: &'static str, qs: &mut Vec<Q>) {
    let key = format!("{base}.remark");
    let mut t = cx.draft.clone();
    crate::draft::edit::remove(&mut t, &key);
    let report = super::evaluate(cx.rules, &t);
    let rule = report.findings.iter().find(|f| f.field == key && f.severity == Severity::Error);
    let Some(f) = rule else { return };
    let min = match cx.rules.get(&f.rule).map(|r| &r.check) {
        Some(Check::RemarkMinChars { min }) => *min,
        _ => 0,
    };
    let name = cx.s(&format!("{base}.name")).unwrap_or("本网站");
    let who = cx.s("principal.name").unwrap_or("");
    // The wording the rules ask for: the real content, and the personal-site pledge.
    let wording = format!(
        "{name}是{who}的个人网站，主要发布本人原创的学习笔记和作品展示，不涉及企业、经营性内容及论坛、评论等交互功能。本人承诺所填信息真实有效，如有不实，愿意被注销备案并列入黑名单。"
    );
    let prov = cx.province().map(|p| (p.short, p.english)).unwrap_or(("", ""));
    let (zh_min, en_min) = if min > 0 {
        (format!("不少于 {min} 字，"), format!("at least {min} characters, "))
    } else {
        (String::new(), String::new())
    };
    qs.push(
        Q::text(key, step, bi("备注", "Remark"), Kind::Text)
            .before(bi(
                format!("{}要求个人网站填写备注（{zh_min}写明网站内容并附上个人网站承诺）。已按要求拟好，可直接回车或修改。", prov.0),
                format!(
                    "{} wants a remark for a personal site ({en_min}the real content and the personal-site pledge). A wording that meets it is filled in (in Chinese, as the bureau reads it): press Enter or edit it.",
                    prov.1
                ),
            ))
            .help(bi(f.fix.get(Lang::Zh), f.fix.get(Lang::En)))
            .default(wording),
    );
}

/// Who answers for the website: the principal's responsible person, an earlier website's,
/// or someone else.
fn responsible(cx: &Cx, i: usize, qs: &mut Vec<Q>) {
    let rkey = format!("website.{i}.responsible");
    let chosen = cx.meta(&rkey).map(str::to_string).or_else(|| match cx.get(&rkey) {
        Some(Value::String(_)) => Some("principal".into()),
        Some(Value::Table(_)) => Some("other".into()),
        _ => None,
    });
    let pname = cx.s("principal.responsible.name").unwrap_or("");
    let mut opts = vec![opt(
        "principal",
        bi(
            format!("与主体负责人相同（{pname}）"),
            format!("The principal's responsible person ({pname})"),
        ),
    )];
    for k in 0..i {
        if let Some(n) = cx.s(&format!("website.{k}.responsible.name")) {
            opts.push(opt(
                format!("website.{k}"),
                bi(
                    format!("与网站 {} 的负责人相同（{n}）", k + 1),
                    format!("The same as website {}'s ({n})", k + 1),
                ),
            ));
        }
    }
    opts.push(opt("other", bi("另一位负责人", "Someone else")));
    let rk = rkey.clone();
    if cx.meta(&rkey).is_some() || !cx.has(&rkey) {
        qs.push(
            Q::choice(
                rkey.clone(),
                S,
                bi("网站负责人是谁？", "Who is the website's responsible person?"),
                opts,
            )
            .help(bi(
                "另设负责人需要另填证件和联系方式，部分省份还要授权书",
                "Someone else: their document and contacts, and in some provinces an authorisation letter",
            ))
            .default("principal")
            .consequences()
            .owns(vec![rkey.clone()])
            .with(move |t, _, a| {
                let Ans::Pick(id) = a else { return };
                match id.as_str() {
                    "principal" => put(t, &rk, Value::String("principal".into())),
                    "other" => {}
                    from => {
                        if let Some(v) = super::get(t, &format!("{from}.responsible")).cloned() {
                            put(t, &rk, v);
                        }
                    }
                }
            }),
        );
    }
    if chosen.as_deref() == Some("other") {
        qs.extend(person::questions(
            cx,
            &Who {
                path: &rkey,
                step: S,
                identity: true,
                ask_is_rep: !cx.individual(),
                contacts: true,
                brief: false,
                name: true,
                who: bi("网站负责人", "Website responsible person's"),
            },
            bi("网站负责人姓名", "Website responsible person's name"),
        ));
    }
}
