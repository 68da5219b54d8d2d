//! `beian types [TYPE]`: the six filing types (备案类型), when each applies, what the draft
//! must say for it and which answer of the decision tree leads there; with a type, also the
//! rules and materials that apply to it.

use crate::diag::Lang;
use crate::draft::FilingType;
use crate::i18n::Msg;
use crate::rules::RuleSet;
use anyhow::{Result, bail};
use std::io::Write;

/// One type's description, in both languages: (zh, en) pairs.
pub struct TypeInfo {
    pub filing_type: FilingType,
    pub when: (&'static str, &'static str),
    pub needs: (&'static str, &'static str),
    pub decision: (&'static str, &'static str),
    pub not_for: (&'static str, &'static str),
}

/// Sources: the providers' type definitions (QingCloud type.md, Tencent and Huawei guides),
/// summarised in the project's research notes; see the FILING-* rules for the citations.
pub const TYPES: &[TypeInfo] = &[
    TypeInfo {
        filing_type: FilingType::First,
        when: (
            "主体（按证件号）还没有工信部主体备案号，网站/APP 也未备案；主体备案号被注销后重新备案也是首次备案。",
            "The principal (by its document number) has no MIIT principal number and the site or APP is not filed; filing again after the principal's number was cancelled is also a first filing.",
        ),
        needs: (
            "不填任何 filing_number；主体、负责人、域名、网站/APP 全部信息与材料；备案期间域名不得解析到在用网站。",
            "No filing_number anywhere; every principal, person, domain and website/APP detail and material; the domain must not resolve to a live site while under review.",
        ),
        decision: (
            "问题 1：主体有主体备案号吗？——没有。",
            "Question 1: does the principal hold a principal number? — No.",
        ),
        not_for: (
            "主体已有备案号（即使备案在其他接入商）：选新增网站/APP 或新增接入。",
            "A principal that already has a number (even at another provider): use new_service or new_access.",
        ),
    },
    TypeInfo {
        filing_type: FilingType::NewService,
        when: (
            "主体已有备案号，要增加一个尚未备案的网站或 APP（阿里云称“有主体新增”，主体备案在其他接入商时为“无主体新增”）。",
            "The principal has a number and adds a website or APP that is not filed yet (Alibaba: 有主体新增, or 无主体新增 when the principal's record is at another provider).",
        ),
        needs: (
            "principal.filing_number；新增的网站/APP 不填 filing_number，只检查它们的域名；已备案的网站可一并列出并填写其备案号（不重复检查）。",
            "principal.filing_number; the websites/APPs being added carry no filing_number and only their domains are checked; filed sites may be listed with their numbers (not checked again).",
        ),
        decision: (
            "问题 1：有；问题 2：要新增一个未备案的网站/APP。",
            "Question 1: yes; question 2: add a website or APP that is not filed.",
        ),
        not_for: (
            "已备案的网站换到本接入商（新增接入）；与变更同时进行（同一主体一次只能有一个订单）。",
            "A filed site moving here (new_access); running alongside a change (one open order per principal).",
        ),
    },
    TypeInfo {
        filing_type: FilingType::NewAccess,
        when: (
            "网站/APP 已在其他接入商备案，现在（也）由本接入商的服务器提供服务。",
            "The website or APP is filed through another provider and is now (also) served from this provider.",
        ),
        needs: (
            "principal.filing_number 和每个网站/APP 的 filing_number；可填 account.previous_provider；接入期间不能修改主体和网站信息，须先在原接入商变更。",
            "principal.filing_number and each website's/APP's filing_number; account.previous_provider if known; principal and site details cannot be edited during access — change them at the original provider first.",
        ),
        decision: (
            "问题 1：有；问题 2：已备案的网站/APP 要接入本接入商。",
            "Question 1: yes; question 2: bring a filed website or APP to this provider.",
        ),
        not_for: ("尚未备案的网站（新增网站/APP）。", "A site that is not filed (new_service)."),
    },
    TypeInfo {
        filing_type: FilingType::Change,
        when: (
            "已在本接入商备案，主体、网站/APP、联系方式或接入信息有变化（如证件到期换证、负责人更换、公司更名）。",
            "Filed through this provider and the principal, a website/APP, contacts or access details changed (a renewed ID, a new responsible person, a company renamed).",
        ),
        needs: (
            "principal.filing_number 和每个网站/APP 的 filing_number；重新提交的证件、联系方式和改动的项目会重新检查；变更只能保留或删减域名，不能新增网站。account.changes 写明变更什么（principal 主体信息、principal_responsible 主体负责人、website 网站、app APP、access 接入信息）时只需填写这些部分，加上主体的性质、地域和名称；不写则按完整备案信息检查。",
            "principal.filing_number and each website's/APP's filing_number; the documents, contacts and changed items submitted again are checked again; a change may keep or drop domains but never adds a site. With account.changes saying what changes (principal, principal_responsible, website, app, access) only those parts are needed, plus the principal's kind, region and name; without it the whole record is checked.",
        ),
        decision: (
            "问题 1：有；问题 2：已备案的信息有变化。",
            "Question 1: yes; question 2: details on record have changed.",
        ),
        not_for: (
            "统一社会信用代码变了（是另一个主体：注销后重新备案）；跨省；企业改为个人。",
            "A new unified social credit code (another principal: cancel and file again); moving province; enterprise to individual.",
        ),
    },
    TypeInfo {
        filing_type: FilingType::Cancel,
        when: (
            "停止服务：注销主体（principal，主体及其全部网站/APP）、注销网站/APP（service，只注销一个）或取消接入（access，只取消本接入商的接入，备案号保留）。",
            "Stopping: the principal and everything under it (principal), one website or APP (service), or only this provider's access, keeping the number (access).",
        ),
        needs: (
            "account.cancel_scope、principal.filing_number；注销网站/APP 和取消接入还要填该网站/APP 的 filing_number。不检查域名到期和网站名称。无接入商的空壳主体须按所在省份的办法向管局申请注销。",
            "account.cancel_scope and principal.filing_number; a service or access cancellation also the site's or APP's filing_number. Domain expiry and website names are not checked. An empty-shell principal (no provider) is cancelled through the bureau, by the province's own procedure.",
        ),
        decision: (
            "问题 1：有；问题 2：要停止一个网站/APP、全部服务，或离开本接入商。",
            "Question 1: yes; question 2: stop one website/APP, everything, or leave this provider.",
        ),
        not_for: (
            "只删除网站的部分域名（用变更）。注销后不可撤回。",
            "Dropping some of a site's domains (use change). A cancellation cannot be undone.",
        ),
    },
    TypeInfo {
        filing_type: FilingType::Transfer,
        when: (
            "同一主体、同一接入商，把备案从一个云账号转到另一个云账号。",
            "Same principal and provider: move the filing from one cloud account to another.",
        ),
        needs: (
            "principal.filing_number；不需要接入商审核和管局审核，只核对备案号。",
            "principal.filing_number; neither the provider nor the bureau reviews it, only the numbers are checked.",
        ),
        decision: (
            "问题 1：有；问题 2：换一个云账号管理备案。",
            "Question 1: yes; question 2: manage the filing from another cloud account.",
        ),
        not_for: (
            "网站换主体（迁移，须过户域名）或换接入商（新增接入）。",
            "A site moving to another principal (migration, with the domain transferred) or to another provider (new_access).",
        ),
    },
];

fn pick(lang: Lang, t: (&'static str, &'static str)) -> &'static str {
    if lang == Lang::Zh { t.0 } else { t.1 }
}

fn name(t: FilingType, lang: Lang) -> String {
    if lang == Lang::Zh {
        format!("{}（{}）", t.zh(), t.id())
    } else {
        t.id().to_string()
    }
}

pub fn run(out: &mut dyn Write, rules: &RuleSet, which: Option<&str>, json: bool, lang: Lang) -> Result<()> {
    let chosen: Vec<&TypeInfo> = match which {
        Some(s) => match FilingType::parse(s) {
            Some(t) => TYPES.iter().filter(|i| i.filing_type == t).collect(),
            None => bail!(
                "{}",
                Msg::UnknownFilingType.fmt(lang, &[("value", s), ("known", &FilingType::known())])
            ),
        },
        None => TYPES.iter().collect(),
    };
    let labels = [
        Msg::TypesWhen.text(lang),
        Msg::TypesNeeds.text(lang),
        Msg::TypesDecision.text(lang),
        Msg::TypesNotFor.text(lang),
    ];
    if json {
        let v: Vec<_> = chosen
            .iter()
            .map(|i| {
                let mut v = serde_json::json!({
                    "type": i.filing_type.id(), "name": if lang == Lang::Zh { i.filing_type.zh() } else { i.filing_type.id() },
                    "when": pick(lang, i.when), "needs": pick(lang, i.needs),
                    "decision": pick(lang, i.decision), "not_for": pick(lang, i.not_for),
                });
                if which.is_some() {
                    v["rules"] = rules.for_type(None, i.filing_type).map(|r| r.code.as_str()).collect();
                    v["materials"] = rules.materials_for_type(None, i.filing_type).map(|m| m.key.as_str()).collect();
                }
                v
            })
            .collect();
        writeln!(out, "{}", serde_json::to_string_pretty(&v)?)?;
        return Ok(());
    }
    for (n, i) in chosen.iter().enumerate() {
        if n > 0 {
            writeln!(out)?;
        }
        writeln!(out, "{}", name(i.filing_type, lang))?;
        for (label, text) in labels.iter().zip([i.when, i.needs, i.decision, i.not_for]) {
            writeln!(out, "  {label}: {}", pick(lang, text))?;
        }
        if which.is_some() {
            let codes: Vec<&str> = rules.for_type(None, i.filing_type).map(|r| r.code.as_str()).collect();
            let materials: Vec<&str> = rules.materials_for_type(None, i.filing_type).map(|m| m.name.get(lang)).collect();
            writeln!(out, "  {} ({}): {}", Msg::TypesRules.text(lang), codes.len(), codes.join(", "))?;
            writeln!(
                out,
                "  {} ({}): {}",
                Msg::TypesMaterials.text(lang),
                materials.len(),
                if materials.is_empty() {
                    "—".to_string()
                } else {
                    materials.join(lang_sep(lang))
                }
            )?;
        }
    }
    if which.is_none() {
        writeln!(out)?;
        writeln!(out, "{}", Msg::TypesMore.text(lang))?;
    }
    Ok(())
}

fn lang_sep(lang: Lang) -> &'static str {
    if lang == Lang::Zh { "、" } else { "; " }
}
