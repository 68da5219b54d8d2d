//! Filing numbers and the filing type: the numbers are well formed, the region's and each
//! other's, and the type the draft declares fits what it says already exists.

use super::*;
use crate::draft::filing::adds_service;
use crate::validators::filing_number::{self as fnum, FilingNumber, ServiceKind};

/// Every filing number in the draft with its field and what it should number.
enum Owner {
    Principal,
    Website,
    App,
}

fn numbers(d: &Draft) -> Vec<(String, &str, Owner)> {
    let mut out = Vec::new();
    if let Some(n) = &d.principal.filing_number {
        out.push(("principal.filing_number".to_string(), n.as_str(), Owner::Principal));
    }
    for (i, w) in d.websites.iter().enumerate() {
        if let Some(n) = &w.filing_number {
            out.push((format!("website.{i}.filing_number"), n.as_str(), Owner::Website));
        }
    }
    for (i, a) in d.apps.iter().enumerate() {
        if let Some(n) = &a.filing_number {
            out.push((format!("app.{i}.filing_number"), n.as_str(), Owner::App));
        }
    }
    out
}

fn type_text(t: FilingType) -> Text {
    let en = match t {
        FilingType::First => "a first filing (first)",
        FilingType::NewService => "a new website/APP (new_service)",
        FilingType::NewAccess => "a new access (new_access)",
        FilingType::Change => "a change (change)",
        FilingType::Cancel => "a cancellation (cancel)",
        FilingType::Transfer => "a transfer (transfer)",
    };
    Text::new(format!("{}（{}）", t.zh(), t.id()), en)
}

/// The types that fit a principal that already holds a number, from what the draft lists.
fn fits_for_filed(d: &Draft) -> Text {
    if adds_service(d) {
        Text::new(
            "草稿中有尚无备案号的网站/APP，应选新增网站/APP（new_service）",
            "the draft has a website or APP without a number, so new_service fits",
        )
    } else {
        Text::new(
            "已备案的网站改由本接入商接入选新增接入（new_access），修改已备案信息选变更（change），注销选注销（cancel），换账号选转移（transfer）",
            "a filed site now served here is new_access, updating what is on record is change, stopping is cancel, another account is transfer",
        )
    }
}

fn service_kind_ok(owner: &Owner, n: &FilingNumber) -> Option<Text> {
    match (owner, n.service) {
        (Owner::Principal, None) | (Owner::Website, Some((_, ServiceKind::Website))) => None,
        (Owner::App, Some((_, k))) if k != ServiceKind::Website => None,
        (Owner::Principal, Some(_)) => Some(Text::new(
            format!("这是服务的备案号（带“-序号”），主体备案号是 {}", n.principal()),
            format!(
                "this is a service's number (it has “-n”); the principal's number is {}",
                n.principal()
            ),
        )),
        (Owner::Website, Some((_, k))) => Some(Text::new(
            format!(
                "以“{}”结尾的是{}的备案号，网站的备案号只有“-序号”，如 {}-1",
                k.letter(),
                k.zh(),
                n.principal()
            ),
            format!(
                "a number ending in {} is {} {}'s; a website's ends in “-n” only, e.g. {}-1",
                k.letter(),
                if k == ServiceKind::App { "an" } else { "a" },
                k.en(),
                n.principal()
            ),
        )),
        (Owner::App, Some(_)) => Some(Text::new(
            format!("这是网站的备案号；APP 的备案号以 A 结尾，如 {}-2A", n.principal()),
            format!("this is a website's number; an APP's ends in A, e.g. {}-2A", n.principal()),
        )),
        (Owner::Website | Owner::App, None) => Some(Text::new(
            format!("这是主体备案号；服务的备案号是主体备案号加“-序号”，如 {}-1", n.principal()),
            format!("this is the principal's number; a service's adds “-n”, e.g. {}-1", n.principal()),
        )),
    }
}

pub(super) fn run(check: &Check, cx: &Ctx, hits: &mut Vec<Hit>) {
    let d = cx.draft;
    let t = cx.filing_type;
    match check {
        Check::FilingNumberFormat => {
            for (field, n, _) in numbers(d) {
                if let Err(e) = fnum::parse(n) {
                    hits.push(Hit::at(field).var_text("detail", problem_text(&e)));
                }
            }
        }
        Check::FilingNumberRegion => {
            let Some(region) = cx.province else { return };
            for (field, n, _) in numbers(d) {
                if let Ok(n) = fnum::parse(n)
                    && let Err(e) = fnum::check_region(&n, region)
                {
                    hits.push(Hit::at(field).var_text("detail", problem_text(&e)));
                }
            }
        }
        Check::FilingNumberKind => {
            for (field, n, owner) in numbers(d) {
                if let Ok(n) = fnum::parse(n)
                    && let Some(why) = service_kind_ok(&owner, &n)
                {
                    hits.push(Hit::at(field).var_text("detail", why));
                }
            }
        }
        Check::FilingNumberExtends => {
            let Some(principal) = d.principal.filing_number.as_deref().and_then(|n| fnum::parse(n).ok()) else {
                return;
            };
            if !principal.is_principal() {
                return;
            }
            for (field, n, owner) in numbers(d) {
                if matches!(owner, Owner::Principal) {
                    continue;
                }
                if let Ok(n) = fnum::parse(n)
                    && n.service.is_some()
                    && let Err(e) = fnum::check_extends(&n, &principal)
                {
                    hits.push(Hit::at(field).var_text("detail", problem_text(&e)));
                }
            }
        }
        Check::FirstWithoutNumber if t == FilingType::First => {
            for (field, _, _) in numbers(d) {
                hits.push(Hit::at(field).var_text("fits", fits_for_filed(d)));
            }
        }
        Check::PrincipalNumberRequired if t != FilingType::First && d.principal.filing_number.is_none() => {
            hits.push(Hit::at("principal.filing_number").var_text("type", type_text(t)));
        }
        Check::ServiceNumbersRequired => service_numbers(cx, hits),
        Check::NewServiceAddsSomething if t == FilingType::NewService && !adds_service(d) => {
            let field = if d.websites.is_empty() && !d.apps.is_empty() {
                "app"
            } else {
                "website"
            };
            hits.push(Hit::at(field));
        }
        Check::CancelScopeRequired if t == FilingType::Cancel && d.account.cancel_scope.is_none() => {
            hits.push(Hit::at("account.cancel_scope"));
        }
        Check::CancelScopeWithoutCancel if t != FilingType::Cancel && d.account.cancel_scope.is_some() => {
            hits.push(Hit::at("account.cancel_scope").var_text("type", type_text(t)));
        }
        Check::ChangesWithoutChange if t != FilingType::Change && !d.account.changes.is_empty() => {
            hits.push(Hit::at("account.changes").var_text("type", type_text(t)));
        }
        Check::CancelOneService
            if t == FilingType::Cancel && d.account.cancel_scope == Some(CancelScope::Service) && d.websites.len() + d.apps.len() > 1 =>
        {
            let field = if d.websites.is_empty() { "app" } else { "website" };
            hits.push(Hit::at(field).var("count", (d.websites.len() + d.apps.len()).to_string()));
        }
        _ => {}
    }
}

/// A change, a new access and a cancel of a service or an access act on services that are
/// already filed: each listed website and APP names its number, and there is at least one.
fn service_numbers(cx: &Ctx, hits: &mut Vec<Hit>) {
    let d = cx.draft;
    let t = cx.filing_type;
    let scope = d.account.cancel_scope;
    let applies = match t {
        FilingType::Change | FilingType::NewAccess => true,
        FilingType::Cancel => matches!(scope, Some(CancelScope::Service | CancelScope::Access)),
        _ => false,
    };
    if !applies {
        return;
    }
    let why = match (t, scope) {
        (FilingType::Change, _) => Text::new(
            "变更只能修改已备案的网站/APP，不能新增；尚未备案的网站/APP 应另行提交新增网站/APP（new_service）",
            "a change edits filed websites and APPs and cannot add one; a website or APP without a number goes in a separate new_service order",
        ),
        (FilingType::NewAccess, _) => Text::new(
            "新增接入的网站/APP 须已在其他接入商备案；尚未备案的应选新增网站/APP（new_service），主体也没有备案号时选首次备案（first）",
            "a new access brings an already filed website or APP here; one without a number is new_service (or first, when the principal has no number either)",
        ),
        (_, Some(CancelScope::Access)) => Text::new(
            "取消接入针对已备案的网站/APP，须写明其备案号",
            "cancelling the access acts on a filed website or APP: give its number",
        ),
        _ => Text::new(
            "注销网站/APP 须写明要注销的备案号；要注销整个主体时 cancel_scope 选 principal（注销主体）",
            "cancelling a service names the number being cancelled; to cancel the whole principal set cancel_scope = principal",
        ),
    };
    // A change that says what it changes needs the services it names: a website change a
    // website, an APP change an APP; a change of the principal or the access alone none.
    let declared = &d.account.changes;
    if t == FilingType::Change && !declared.is_empty() {
        if declared.contains(&ChangeArea::Website) && d.websites.is_empty() {
            hits.push(Hit::at("website").var_text("why", why.clone()));
        }
        if declared.contains(&ChangeArea::App) && d.apps.is_empty() {
            hits.push(Hit::at("app").var_text("why", why.clone()));
        }
    } else if d.websites.is_empty() && d.apps.is_empty() {
        hits.push(Hit::at("website").var_text("why", why));
        return;
    }
    for (i, w) in d.websites.iter().enumerate() {
        if w.filing_number.is_none() {
            hits.push(Hit::at(format!("website.{i}.filing_number")).var_text("why", why.clone()));
        }
    }
    for (i, a) in d.apps.iter().enumerate() {
        if a.filing_number.is_none() {
            hits.push(Hit::at(format!("app.{i}.filing_number")).var_text("why", why.clone()));
        }
    }
}
