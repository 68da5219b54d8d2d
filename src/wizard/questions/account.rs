//! Step 1: what kind of filing this is (decided from what already exists), the cloud account
//! and the resource behind it.

use super::super::question::{Ans, Kind, Q, bi, opt};
use super::{Cx, put_str, vocab};
use crate::draft::model::{FilingType, PROVIDERS, RESOURCE_KINDS};

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
        if cx.filing_type() == Some("cancel") {
            cancel_scope(qs);
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
            .owns(vec!["account.filing_type".into(), "account.cancel_scope".into()])
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
