//! Which filing type (备案类型) fits: the providers' decision tree (Alibaba's 验证备案类型,
//! Huawei's and Tencent's guides) as pure functions, for the checks, the report and the
//! wizard's first questions.

use super::model::{CancelScope, Draft, FilingType};

/// What the person wants to do, once the principal is known to hold a number (question 2 of
/// the decision tree).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Intent {
    /// Add a website or APP that has no filing yet (新增网站/APP).
    AddService,
    /// Serve an already filed website or APP from this provider too (新增接入).
    BringFiledServiceHere,
    /// Correct or update what is on record: principal, website/APP, contacts (变更).
    ChangeDetails,
    /// Stop one website or APP (注销网站/APP).
    CancelService,
    /// Stop everything: the principal and all its services (注销主体).
    CancelPrincipal,
    /// Keep the filing but stop using this provider (取消接入).
    CancelAccess,
    /// Same principal, same provider, another cloud account (转移).
    MoveToAnotherAccount,
}

/// The type the decision tree leads to, with the cancel scope where the type is `cancel`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fit {
    pub filing_type: FilingType,
    pub cancel_scope: Option<CancelScope>,
}

/// The decision tree: a principal without a number files first, whatever it intends;
/// otherwise the intent decides.
pub fn infer(principal_has_number: bool, intent: Intent) -> Fit {
    let t = |filing_type, cancel_scope| Fit { filing_type, cancel_scope };
    if !principal_has_number {
        return t(FilingType::First, None);
    }
    match intent {
        Intent::AddService => t(FilingType::NewService, None),
        Intent::BringFiledServiceHere => t(FilingType::NewAccess, None),
        Intent::ChangeDetails => t(FilingType::Change, None),
        Intent::CancelService => t(FilingType::Cancel, Some(CancelScope::Service)),
        Intent::CancelPrincipal => t(FilingType::Cancel, Some(CancelScope::Principal)),
        Intent::CancelAccess => t(FilingType::Cancel, Some(CancelScope::Access)),
        Intent::MoveToAnotherAccount => t(FilingType::Transfer, None),
    }
}

/// What the draft's facts alone say: no principal number → first; a number and a service
/// without one → new_service. A number and every service filed fits several types (access,
/// change, cancel, transfer): `None`, the draft must say.
pub fn infer_from_draft(d: &Draft) -> Option<FilingType> {
    if d.principal.filing_number.is_none() {
        return Some(FilingType::First);
    }
    adds_service(d).then_some(FilingType::NewService)
}

/// Some website or APP in the draft has no number: it is being added.
pub fn adds_service(d: &Draft) -> bool {
    d.websites.iter().any(|w| w.filing_number.is_none()) || d.apps.iter().any(|a| a.filing_number.is_none())
}

/// The type the rules are chosen for: the declared one, else what the facts say, else a first
/// filing (the strictest set; REQ-ACCOUNT asks for the type anyway).
pub fn effective(d: &Draft) -> FilingType {
    d.account.filing_type.or_else(|| infer_from_draft(d)).unwrap_or(FilingType::First)
}

/// Domain `name` is being submitted in this order, not only context of a filed site: in a
/// new_service only the domains of the websites and APPs being added (those without a number)
/// and domains no service names are checked; in every other type, all of them.
pub fn domain_in_scope(d: &Draft, t: FilingType, name: &str) -> bool {
    if t != FilingType::NewService {
        return true;
    }
    let same = |x: &String| x.trim().eq_ignore_ascii_case(name.trim());
    let mut used = false;
    for w in &d.websites {
        if w.domains.iter().any(same) {
            if w.filing_number.is_none() {
                return true;
            }
            used = true;
        }
    }
    for a in &d.apps {
        if a.domains.iter().any(same) {
            if a.filing_number.is_none() {
                return true;
            }
            used = true;
        }
    }
    !used
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::load_str;

    #[test]
    fn the_decision_tree() {
        for i in [Intent::AddService, Intent::CancelPrincipal, Intent::MoveToAnotherAccount] {
            assert_eq!(infer(false, i).filing_type, FilingType::First);
        }
        assert_eq!(infer(true, Intent::AddService).filing_type, FilingType::NewService);
        assert_eq!(infer(true, Intent::BringFiledServiceHere).filing_type, FilingType::NewAccess);
        assert_eq!(infer(true, Intent::ChangeDetails).filing_type, FilingType::Change);
        assert_eq!(infer(true, Intent::MoveToAnotherAccount).filing_type, FilingType::Transfer);
        let c = infer(true, Intent::CancelAccess);
        assert_eq!((c.filing_type, c.cancel_scope), (FilingType::Cancel, Some(CancelScope::Access)));
        assert_eq!(infer(true, Intent::CancelService).cancel_scope, Some(CancelScope::Service));
        assert_eq!(infer(true, Intent::CancelPrincipal).cancel_scope, Some(CancelScope::Principal));
    }

    #[test]
    fn facts_of_a_draft() {
        let d = |s: &str| load_str(s).draft.unwrap();
        let first = d("[[website]]\nname = \"a\"\n");
        assert_eq!(infer_from_draft(&first), Some(FilingType::First));
        let src = "[principal]\nfiling_number = \"粤ICP备2021012345号\"\n[[website]]\ndomains = [\"old.cn\"]\nfiling_number = \"粤ICP备2021012345号-1\"\n[[website]]\ndomains = [\"new.cn\"]\n";
        let added = d(src);
        assert_eq!(infer_from_draft(&added), Some(FilingType::NewService));
        assert_eq!(effective(&added), FilingType::NewService);
        assert!(!domain_in_scope(&added, FilingType::NewService, "OLD.cn"));
        assert!(domain_in_scope(&added, FilingType::NewService, "new.cn"));
        assert!(domain_in_scope(&added, FilingType::NewService, "unused.cn"));
        assert!(domain_in_scope(&added, FilingType::Change, "old.cn"));
        let all_filed = d("[principal]\nfiling_number = \"粤ICP备2021012345号\"\n[[website]]\nfiling_number = \"粤ICP备2021012345号-1\"\n");
        assert_eq!(infer_from_draft(&all_filed), None);
        assert_eq!(effective(&all_filed), FilingType::First);
    }
}
