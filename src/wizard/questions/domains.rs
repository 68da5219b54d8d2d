//! Step 4: the domains, one after another, with the province's per-order cap said before the
//! domain that would exceed it.

use super::super::question::{Ans, Kind, Q, bi, opt};
use super::{Cx, put, put_str, vocab};
use crate::draft::model::DocType;
use crate::rules::Check;
use toml::{Table, Value};

const S: &str = "domains";

/// The domains shown: those in the draft, and one more when "add another?" was answered yes.
pub fn shown(cx: &Cx, array: &str, more: &str) -> usize {
    let n = cx.count(array);
    if n == 0 {
        return 1;
    }
    if cx.meta(&format!("~{more}.{}", n - 1)) == Some("yes") {
        n + 1
    } else {
        n
    }
}

pub fn questions(cx: &Cx) -> Vec<Q> {
    let mut qs = Vec::new();
    let n = shown(cx, "domain", "domain.more");
    for i in 0..n {
        domain(cx, i, &mut qs);
        if i + 1 == n {
            more(cx, i, &mut qs);
        }
    }
    qs
}

/// The per-order cap a further domain would break, from the rule tables: the limit and the
/// rule's own words.
pub fn cap_hit(cx: &Cx, i: usize) -> Option<crate::diag::Finding> {
    let mut t: Table = cx.draft.clone();
    put_str(&mut t, &format!("domain.{}.name", i + 1), &format!("extra{}.example.com", i + 1));
    super::evaluate(cx.rules, &t)
        .findings
        .iter()
        .find(|f| {
            f.severity == crate::diag::Severity::Error && matches!(cx.rules.get(&f.rule).map(|r| &r.check), Some(Check::MaxDomains { .. }))
        })
        .cloned()
}

fn more(cx: &Cx, i: usize, qs: &mut Vec<Q>) {
    let key = format!("~domain.more.{i}");
    let prompt = bi("再添加一个域名吗？", "Add another domain?");
    match cap_hit(cx, i) {
        Some(f) => {
            let opts = vec![
                opt("no", bi("不再添加", "No more domains")),
                opt(
                    "split",
                    bi(
                        "拆成两个订单：其余域名放进第二份草稿",
                        "Split the order: the other domains go into a second draft",
                    ),
                ),
                opt("yes", bi("仍然添加到本订单", "Add it to this order anyway")),
            ];
            qs.push(
                Q::choice(key, S, prompt, opts)
                    .before(bi(
                        format!("再加一个域名就超过上限：{}", f.message.get(crate::diag::Lang::Zh)),
                        format!("One more domain breaks the cap: {}", f.message.get(crate::diag::Lang::En)),
                    ))
                    .default("no")
                    .batch("no")
                    .apply(super::super::question::Apply::Meta),
            );
        }
        None => qs.push(
            Q::yes_no(key, S, prompt)
                .default("no")
                .batch("no")
                .apply(super::super::question::Apply::Meta),
        ),
    }
}

fn principal_doc(cx: &Cx) -> (Option<String>, Option<String>, Option<String>) {
    (
        cx.s("principal.name").map(str::to_string),
        cx.s("principal.document.type").map(str::to_string),
        cx.s("principal.document.number").map(str::to_string),
    )
}

fn domain(cx: &Cx, i: usize, qs: &mut Vec<Q>) {
    let key = |k: &str| format!("domain.{i}.{k}");
    qs.push(Q::text(key("name"), S, bi("域名", "Domain name"), Kind::Text).help(bi(
        "已注册的主域名，如 example.com 或 例子.中国，不带 www",
        "The registered domain, e.g. example.com or 例子.中国, without www",
    )));
    let (pname, ptype, pnumber) = principal_doc(cx);
    let same_key = format!("~domain.{i}.holder_is_principal");
    let same = cx.meta(&same_key);
    if same.is_some() || (!cx.has(&key("holder")) && !cx.has(&key("holder_document_number")) && pname.is_some()) {
        let who = pname.clone().unwrap_or_default();
        let (h, ht, hn) = (key("holder"), key("holder_document_type"), key("holder_document_number"));
        qs.push(
            Q::yes_no(
                same_key,
                S,
                bi(
                    format!("域名持有者就是备案主体“{who}”（证件相同）吗？"),
                    format!("Is the domain holder the principal \"{who}\" (same document)?"),
                ),
            )
            .default("yes")
            .batch("no")
            .owns(vec![h.clone(), ht.clone(), hn.clone()])
            .with(move |t, _, a| {
                if *a == Ans::Bool(true) {
                    put_str(t, &h, &who);
                    if let Some(v) = &ptype {
                        put_str(t, &ht, v);
                    }
                    if let Some(v) = &pnumber {
                        put_str(t, &hn, v);
                    }
                }
            }),
        );
    }
    if same != Some("yes") {
        qs.push(
            Q::text(
                key("holder"),
                S,
                bi("域名持有者（实名认证的名称）", "Domain holder (as in the real-name record)"),
                Kind::Text,
            )
            .help(bi("须与备案主体名称一致", "Must match the principal's name"))
            .default_opt(pname),
        );
        qs.push(
            Q::choice(
                key("holder_document_type"),
                S,
                bi("域名持有者证件类型", "Holder's document type"),
                vocab::doc_opts(DocType::ALL),
            )
            .default_opt(cx.s("principal.document.type").map(str::to_string))
            .optional(),
        );
        qs.push(
            Q::text(
                key("holder_document_number"),
                S,
                bi("域名持有者证件号码", "Holder's document number"),
                Kind::Text,
            )
            .pii(),
        );
    }
    qs.push(
        Q::yes_no(
            key("real_name_verified"),
            S,
            bi("域名已完成实名认证？", "Has the domain passed real-name verification?"),
        )
        .help(bi(
            "在注册商控制台查看；未实名的域名不能备案",
            "See the registrar's console; unverified domains cannot be filed",
        ))
        .default("yes")
        .consequences(),
    );
    qs.push(
        Q::text(
            key("real_name_verified_on"),
            S,
            bi("实名认证通过日期（可不填）", "Day the real-name check passed (optional)"),
            Kind::Date,
        )
        .optional(),
    );
    qs.push(
        Q::text(
            key("registered_on"),
            S,
            bi("域名注册日期（可不填）", "Registration date (optional)"),
            Kind::Date,
        )
        .optional(),
    );
    // The margin before expiry is the province's: 上海 wants more than most.
    let months = expiry_months(cx);
    qs.push(
        Q::text(key("expires_on"), S, bi("域名到期日期", "Expiry date"), Kind::Date).help(bi(
            format!("格式 2028-10-01；须比提交日晚 {months} 个月以上"),
            format!("Like 2028-10-01; at least {months} months after submission"),
        )),
    );
    qs.push(Q::text(key("registrar"), S, bi("域名注册商（可不填）", "Registrar (optional)"), Kind::Text).optional());
}

/// The largest "domain must not expire within N months" the rules hold for this draft.
fn expiry_months(cx: &Cx) -> i64 {
    let mut t = cx.draft.clone();
    let day = cx
        .s("filing_date")
        .and_then(|s| s.parse::<chrono::NaiveDate>().ok())
        .or_else(|| {
            cx.get("filing_date")
                .and_then(Value::as_datetime)
                .and_then(|d| d.to_string().parse().ok())
        })
        .unwrap_or(cx.today);
    // Probe: the smallest margin (in months) that no rule refuses.
    for m in [1i64, 3, 6, 12] {
        let probe = day + chrono::Months::new(m as u32) + chrono::Days::new(1);
        let i = cx.count("domain").max(1) - 1;
        put(
            &mut t,
            &format!("domain.{i}.expires_on"),
            crate::draft::edit::parse_value(&probe.to_string()),
        );
        let hit = super::evaluate(cx.rules, &t)
            .findings
            .iter()
            .any(|f| f.field == format!("domain.{i}.expires_on") && f.severity != crate::diag::Severity::Info);
        if !hit {
            return m;
        }
    }
    3
}
