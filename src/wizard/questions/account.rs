//! Step 1: what kind of filing this is (decided from what already exists), the cloud account
//! and the resource behind it.

use super::super::question::{Ans, Kind, Q, bi, opt};
use super::{Cx, put_str, vocab};
use crate::draft::model::{FilingType, PROVIDERS, RESOURCE_KINDS};
use toml::Value;

const S: &str = "account";

pub fn questions(cx: &Cx) -> Vec<Q> {
    let mut qs = Vec::new();
    filing_type(cx, &mut qs);
    let providers = PROVIDERS.iter().map(|p| opt(*p, vocab::provider(p))).collect();
    qs.push(
        Q::choice(
            "account.provider",
            S,
            bi("接入商（云服务商）", "Access provider (cloud)"),
            providers,
        )
        .help(bi(
            "网站服务器所在的云服务商，备案由它代为提交",
            "The cloud provider hosting the site; it submits the filing",
        ))
        .default_opt(cx.defaults.provider.clone())
        .optional(),
    );
    qs.push(
        Q::yes_no(
            "account.real_name_verified",
            S,
            bi("云账号已完成实名认证？", "Has the cloud account passed real-name verification?"),
        )
        .help(bi(
            "实名认证的主体须与备案主体一致",
            "The verified owner must be the filing's principal",
        ))
        .default("yes")
        .consequences(),
    );
    // A change that does not touch the access keeps the resource on record.
    if cx.changes("access") {
        resource(cx, &mut qs);
    }
    qs.push(
        Q::text("filing_date", S, bi("计划提交备案的日期", "Day you plan to submit"), Kind::Date)
            .help(bi(
                "所有日期规则按这一天检查；格式 2026-12-01",
                "Every date rule is checked as of this day; e.g. 2026-12-01",
            ))
            .default(cx.today.to_string())
            .optional(),
    );
    qs
}

fn resource(cx: &Cx, qs: &mut Vec<Q>) {
    let kinds = RESOURCE_KINDS.iter().map(|k| opt(*k, vocab::resource(k))).collect();
    qs.push(
        Q::choice(
            "account.resource.kind",
            S,
            bi("备案资源类型", "Resource that backs the filing"),
            kinds,
        )
        .help(bi(
            "用于备案的云资源，须为中国内地地域",
            "The cloud resource used for the filing; must be in mainland China",
        ))
        .optional(),
    );
    let region = match cx.s("account.provider") {
        Some("huaweicloud") => Some("cn-south-1"),
        Some("aliyun") => Some("cn-hangzhou"),
        Some("tencentcloud") => Some("ap-guangzhou"),
        _ => None,
    };
    qs.push(
        Q::text(
            "account.resource.region",
            S,
            bi("资源所在地域（区域代码）", "Resource region (region id)"),
            Kind::Text,
        )
        .help(bi(
            "控制台里看到的区域代码，如 cn-south-1；不能是香港或海外",
            "As in the console, e.g. cn-south-1; not Hong Kong or overseas",
        ))
        .default_opt(region.map(str::to_string))
        .optional(),
    );
    qs.push(
        Q::text(
            "account.resource.purchased_months",
            S,
            bi("资源已购买时长（月，含续费）", "Months paid for the resource (renewals included)"),
            Kind::Int,
        )
        .help(bi(
            "多数接入商要求包年包月 3 个月以上",
            "Most providers require at least 3 paid months",
        ))
        .default("12")
        .optional(),
    );
    qs.push(
        Q::text(
            "account.resource.filings_used",
            S,
            bi("这台资源已用于几个备案", "Filings this resource already backs"),
            Kind::Int,
        )
        .help(bi("新购买的资源填 0", "0 for a newly bought resource"))
        .default("0")
        .optional(),
    );
}

/// The filing type, through the questions a person can answer: is there a filing number
/// already, and what is to be done with it.
fn filing_type(cx: &Cx, qs: &mut Vec<Q>) {
    // A type given in an answers file or with --set is taken as it is.
    let decided_here = cx.meta("~type.has_number").is_some();
    if !cx.interactive && !cx.has("account.filing_type") {
        // Without a person to ask, the type itself is the missing answer.
        let types = FilingType::ALL.iter().map(|f| opt(f.id(), vocab::filing_type(*f))).collect();
        qs.push(Q::choice("account.filing_type", S, bi("备案类型", "Filing type"), types));
        return;
    }
    if cx.has("account.filing_type") && !decided_here {
        // Every type but a first filing acts on the principal's record, found by its number.
        if cx.filing_type() != Some("first") {
            principal_number(qs);
        }
        if cx.filing_type() == Some("cancel") {
            cancel_scope(qs);
        }
        if cx.filing_type() == Some("change") {
            change_parts(cx, qs);
        }
        return;
    }
    qs.push(
        Q::yes_no(
            "~type.has_number",
            S,
            bi(
                "这个主体（单位或个人）已经有 ICP 备案号了吗？",
                "Does the principal (the organisation or person filing) already hold an ICP filing number?",
            ),
        )
        .help(bi(
            "备案号形如 粤ICP备2021012345号；从没备案过选“否”",
            "The provider's console and the MIIT filing system show it; never filed before: No",
        ))
        .default("no")
        .batch("no")
        .owns(vec![
            "account.filing_type".into(),
            "principal.filing_number".into(),
            "~type.goal".into(),
            "account.cancel_scope".into(),
            "account.previous_provider".into(),
            "account.changes".into(),
        ])
        .with(|t, _, a| {
            if *a == Ans::Bool(false) {
                let fit = crate::draft::filing::infer(false, crate::draft::filing::Intent::AddService);
                put_str(t, "account.filing_type", fit.filing_type.id());
            }
        }),
    );
    if cx.meta("~type.has_number") != Some("yes") {
        return;
    }
    use crate::draft::filing::{Intent, infer};
    let goals = vec![
        opt(
            "add",
            bi("为已备案的主体新增网站或 APP", "Add a new website or APP to the filed principal"),
        ),
        opt(
            "bring_here",
            bi(
                "网站已在别的接入商备案，现在改由这里接入",
                "The site is filed with another provider and now moves here",
            ),
        ),
        opt("change", bi("修改已备案的信息", "Change details of the existing filing")),
        opt("cancel_service", bi("注销一个网站或 APP", "Cancel one website or APP")),
        opt(
            "cancel_access",
            bi("取消在这家接入商的接入（备案保留）", "Stop hosting here (the filing stays)"),
        ),
        opt(
            "cancel_principal",
            bi("注销整个主体（全部网站）", "Cancel the whole principal (every site)"),
        ),
        opt(
            "transfer",
            bi(
                "同一主体换一个云账号（转移）",
                "Move to another cloud account of the same principal (transfer)",
            ),
        ),
    ];
    qs.push(
        Q::choice("~type.goal", S, bi("这次要做什么？", "What do you want to do this time?"), goals)
            .help(bi(
                "注销主体后该主体下所有网站的备案都会失效",
                "Cancelling the principal ends the filing of every site under it",
            ))
            .owns(
                ["account.filing_type", "account.cancel_scope", "account.changes"]
                    .into_iter()
                    .map(String::from)
                    .chain(PARTS.iter().map(|(id, ..)| format!("~change.{id}")))
                    .collect(),
            )
            .with(|t, _, a| {
                let Ans::Pick(id) = a else { return };
                let intent = match id.as_str() {
                    "add" => Intent::AddService,
                    "bring_here" => Intent::BringFiledServiceHere,
                    "change" => Intent::ChangeDetails,
                    "cancel_service" => Intent::CancelService,
                    "cancel_access" => Intent::CancelAccess,
                    "cancel_principal" => Intent::CancelPrincipal,
                    _ => Intent::MoveToAnotherAccount,
                };
                // The decision tree is the model's (draft::filing), not the wizard's.
                let fit = infer(true, intent);
                put_str(t, "account.filing_type", fit.filing_type.id());
                if let Some(scope) = fit.cancel_scope {
                    put_str(t, "account.cancel_scope", scope.id());
                }
            }),
    );
    // Asked once the type is known: the number's rules depend on it.
    if cx.meta("~type.goal").is_none() {
        return;
    }
    principal_number(qs);
    if cx.meta("~type.goal") == Some("change") {
        change_parts(cx, qs);
    }
    if cx.meta("~type.goal") == Some("bring_here") {
        qs.push(
            Q::text(
                "account.previous_provider",
                S,
                bi("原来的接入商（可不填）", "The provider it moves from (optional)"),
                Kind::Text,
            )
            .optional(),
        );
    }
}

fn principal_number(qs: &mut Vec<Q>) {
    qs.push(
        Q::text(
            "principal.filing_number",
            S,
            bi("主体备案号", "The principal's filing number"),
            Kind::Text,
        )
        .help(bi(
            "在工信部备案系统或接入商控制台查到的号码，如 粤ICP备2021012345号（不带 -1 这样的网站序号）",
            "As shown by the MIIT system or the provider's console, e.g. 粤ICP备2021012345号 (without a site suffix such as -1)",
        )),
    );
}

fn cancel_scope(qs: &mut Vec<Q>) {
    let scopes = vec![
        opt("service", bi("注销一个网站或 APP", "Cancel one website or APP")),
        opt(
            "access",
            bi("取消在这家接入商的接入（备案保留）", "Stop hosting here (the filing stays)"),
        ),
        opt(
            "principal",
            bi("注销整个主体（全部网站）", "Cancel the whole principal (every site)"),
        ),
    ];
    qs.push(
        Q::choice("account.cancel_scope", S, bi("要注销什么？", "What is to be cancelled?"), scopes).help(bi(
            "注销主体后该主体下所有网站的备案都会失效",
            "Cancelling the principal ends the filing of every site under it",
        )),
    );
}

/// The parts a change can touch, as the providers' change forms group them: (id, prompt zh,
/// prompt en, help zh, help en).
const PARTS: &[(&str, &str, &str, &str, &str)] = &[
    (
        "principal",
        "变更主体信息（名称、证件、住所、通信地址）吗？",
        "Change the principal's details (name, document, addresses)?",
        "如公司更名、换发营业执照、地址变化；须提交新证件",
        "E.g. a renamed company, a new licence, a new address; the new document is submitted",
    ),
    (
        "principal_responsible",
        "变更主体负责人（换人、证件到期换证、手机或邮箱）吗？",
        "Change the principal's responsible person (someone else, a renewed ID, phone or e-mail)?",
        "证件到期换证后须变更；新的负责人要做短信和人脸核验",
        "Needed after an ID is renewed; a new responsible person goes through SMS and face verification",
    ),
    (
        "website",
        "变更网站信息（名称、服务内容、网站负责人、删减域名）吗？",
        "Change a website (name, content, its responsible person, drop domains)?",
        "变更不能新增域名或网站；新增网站另提交“新增网站”",
        "A change cannot add a domain or a site; adding one is a separate new_service order",
    ),
    (
        "app",
        "变更 APP 信息（名称、平台、包名、签名、负责人）吗？",
        "Change an APP (name, platforms, package, signing key, responsible person)?",
        "如新增平台或更换签名证书",
        "E.g. a platform added or a new signing certificate",
    ),
    (
        "access",
        "变更接入信息（服务器、地域、IP）吗？",
        "Change the access details (server, region, IP)?",
        "换到本接入商的另一台服务器或地域；换接入商是新增接入",
        "Another server or region at this provider; another provider is a new access",
    ),
];

/// What a change changes: one yes/no per part, written to `account.changes`; only those parts'
/// steps are asked then. A list given in an answers file or with --set is taken as it is.
fn change_parts(cx: &Cx, qs: &mut Vec<Q>) {
    let asked_here = PARTS.iter().any(|(id, ..)| cx.meta(&format!("~change.{id}")).is_some());
    if !cx.interactive || (cx.has("account.changes") && !asked_here) {
        return;
    }
    for (id, zh, en, hzh, hen) in PARTS {
        let part: &'static str = id;
        qs.push(
            Q::yes_no(format!("~change.{part}"), S, bi(*zh, *en))
                .help(bi(*hzh, *hen))
                .default("no")
                .with(move |t, meta, a| {
                    let yes = |p: &str| {
                        if p == part {
                            *a == Ans::Bool(true)
                        } else {
                            meta.get(&format!("~change.{p}")).is_some_and(|v| v == "yes")
                        }
                    };
                    let list: Vec<Value> = PARTS
                        .iter()
                        .filter(|(p, ..)| yes(p))
                        .map(|(p, ..)| Value::String(p.to_string()))
                        .collect();
                    if list.is_empty() {
                        crate::draft::edit::remove(t, "account.changes");
                    } else {
                        super::put(t, "account.changes", Value::Array(list));
                    }
                }),
        );
    }
}
