//! Loads the embedded tables once and answers "which rules apply to this province".

use super::{Check, Material, Rule, Table};
use crate::draft::{Draft, FilingType, PrincipalKind};
use crate::province::{self, PROVINCES};
use std::collections::HashMap;
use std::sync::{LazyLock, OnceLock};

pub const NATIONAL: &str = include_str!("tables/national.toml");

macro_rules! province_tables {
    ($($name:literal),*) => { &[$(($name, include_str!(concat!("tables/provinces/", $name, ".toml")))),*] };
}

/// One file per provincial bureau, named by pinyin.
pub const PROVINCE_TABLES: &[(&str, &str)] = province_tables!(
    "beijing",
    "tianjin",
    "hebei",
    "shanxi",
    "neimenggu",
    "liaoning",
    "jilin",
    "heilongjiang",
    "shanghai",
    "jiangsu",
    "zhejiang",
    "anhui",
    "fujian",
    "jiangxi",
    "shandong",
    "henan",
    "hubei",
    "hunan",
    "guangdong",
    "guangxi",
    "hainan",
    "chongqing",
    "sichuan",
    "guizhou",
    "yunnan",
    "xizang",
    "shaanxi",
    "gansu",
    "qinghai",
    "ningxia",
    "xinjiang"
);

pub struct RuleSet {
    pub rules: Vec<Rule>,
    /// Leaked once per load (the embedded set is loaded once per process): checklist items
    /// then borrow their texts instead of copying them for every draft.
    pub materials: &'static [(Option<u8>, Material)],
    by_code: HashMap<String, usize>,
    pub national_last_verified: String,
    pub province_last_verified: HashMap<u8, String>,
    /// Province → national codes its table disables.
    pub disabled: HashMap<u8, Vec<String>>,
    /// Province (None = no province) → indices of the rules that apply there, in table order:
    /// worked out once instead of filtering every rule for every draft.
    selection: HashMap<Option<u8>, Vec<usize>>,
    /// The same per filing type: the rules a draft meets, chosen once per (province, type)
    /// instead of testing every rule's types for every draft. Indexed by [`slot`].
    by_type: Vec<Vec<usize>>,
    /// Materials per (province, type), indices into `materials`, indexed by [`slot`].
    materials_by_type: Vec<Vec<usize>>,
    /// Per rule, the principal kinds its `when` admits ([`kind_bit`]), and [`REST`] when it
    /// also names providers or name keywords: worked out once, so that a draft's hundred-odd
    /// rules are chosen with a bit test instead of comparing kind ids rule by rule.
    rule_kinds: Vec<u16>,
    material_kinds: Vec<u16>,
    /// `by_type` and `materials_by_type` narrowed to one principal kind, by
    /// `slot * KINDS + kind_index`, each made when a draft first needs it; an entry is an index
    /// with [`IN_REST`] set when the `when` has more to test.
    rules_by_kind: Vec<OnceLock<Vec<u32>>>,
    materials_by_kind: Vec<OnceLock<Vec<u32>>>,
}

/// Principal kinds, and "none given".
const KINDS: usize = PrincipalKind::ALL.len() + 1;

/// In a per-kind list: the `when` has provider, name or change conditions.
const IN_REST: u32 = 1 << 31;

/// The entries of `list` whose kinds admit `kind`.
fn narrowed(list: &[usize], masks: &[u16], kind: Option<PrincipalKind>) -> Vec<u32> {
    let bit = kind_bit(kind);
    list.iter()
        .filter(|&&i| masks[i] & bit != 0)
        .map(|&i| i as u32 | if masks[i] & REST != 0 { IN_REST } else { 0 })
        .collect()
}

/// The `when` has provider or name conditions, tested per draft.
const REST: u16 = 1 << 15;

fn type_index(t: FilingType) -> usize {
    FilingType::ALL.iter().position(|x| *x == t).unwrap_or(0)
}

/// A principal kind's place: 0 for no kind given, then `PrincipalKind::ALL` order.
fn kind_index(kind: Option<PrincipalKind>) -> usize {
    kind.map_or(0, |k| 1 + PrincipalKind::ALL.iter().position(|x| *x == k).unwrap_or(0))
}

/// The bit of a principal kind (bit 0: no kind given).
fn kind_bit(kind: Option<PrincipalKind>) -> u16 {
    1 << kind_index(kind)
}

fn kind_mask(w: &super::When) -> u16 {
    let kinds = std::iter::once(None).chain(PrincipalKind::ALL.iter().map(|k| Some(*k)));
    let mask = kinds.filter(|k| w.kind_matches(*k)).fold(0, |m, k| m | kind_bit(k));
    if w.has_rest() { mask | REST } else { mask }
}

/// The conditions of `w` besides the principal kind and the filing type.
fn rest_matches(w: &super::When, t: FilingType, d: &Draft) -> bool {
    w.rest_matches(d.account.provider.as_deref(), d.principal.name.as_deref()) && w.fits_changes(t, &d.account.changes)
}

/// Where a (province, type) list is: province slot 0 is "no province", then `PROVINCES` order;
/// a code that is no province's uses slot 0.
fn slot(code: Option<u8>, t: FilingType) -> usize {
    let p = code.and_then(|c| PROVINCES.iter().position(|p| p.code == c)).map_or(0, |i| i + 1);
    p * FilingType::ALL.len() + type_index(t)
}

impl RuleSet {
    pub fn get(&self, code: &str) -> Option<&Rule> {
        self.by_code.get(&code.to_ascii_uppercase()).map(|&i| &self.rules[i])
    }
    /// National rules plus the province's own.
    pub fn for_province(&self, code: Option<u8>) -> impl Iterator<Item = &Rule> {
        let list = self
            .selection
            .get(&code)
            .or_else(|| self.selection.get(&None))
            .map_or(&[][..], Vec::as_slice);
        list.iter().map(|&i| &self.rules[i])
    }

    fn select(rules: &[Rule], disabled: &HashMap<u8, Vec<String>>, code: Option<u8>) -> Vec<usize> {
        let disabled = code.and_then(|c| disabled.get(&c));
        (0..rules.len())
            .filter(|&i| {
                let r = &rules[i];
                (r.province.is_none() || r.province == code) && !(r.province.is_none() && disabled.is_some_and(|d| d.contains(&r.code)))
            })
            .collect()
    }
    /// The rules for this province and filing type, in table order.
    pub fn for_type(&self, code: Option<u8>, t: FilingType) -> impl Iterator<Item = &Rule> {
        self.by_type[slot(code, t)].iter().map(|&i| &self.rules[i])
    }
    /// The rules a draft meets: its province and filing type (as worked out), and each rule's
    /// `when`.
    pub fn applicable<'s>(&'s self, code: Option<u8>, t: FilingType, d: &'s Draft) -> impl Iterator<Item = &'s Rule> {
        let (s, kind) = (slot(code, t), d.principal.kind);
        let list = self.rules_by_kind[s * KINDS + kind_index(kind)].get_or_init(|| narrowed(&self.by_type[s], &self.rule_kinds, kind));
        list.iter().filter_map(move |&e| {
            let r = &self.rules[(e & !IN_REST) as usize];
            (e & IN_REST == 0 || rest_matches(&r.when, t, d)).then_some(r)
        })
    }
    /// The materials for this province and filing type, in table order.
    pub fn materials_for_type(&self, code: Option<u8>, t: FilingType) -> impl Iterator<Item = &'static Material> + use<'_> {
        let all = self.materials;
        self.materials_by_type[slot(code, t)].iter().map(move |&i| &all[i].1)
    }
    /// The materials for this province and filing type whose `when` the draft meets.
    pub fn applicable_materials<'s>(
        &'s self,
        code: Option<u8>,
        t: FilingType,
        d: &'s Draft,
    ) -> impl Iterator<Item = &'static Material> + use<'s> {
        let (all, s, kind) = (self.materials, slot(code, t), d.principal.kind);
        let list = self.materials_by_kind[s * KINDS + kind_index(kind)]
            .get_or_init(|| narrowed(&self.materials_by_type[s], &self.material_kinds, kind));
        list.iter().filter_map(move |&e| {
            let mat = &all[(e & !IN_REST) as usize].1;
            (e & IN_REST == 0 || rest_matches(&mat.when, t, d)).then_some(mat)
        })
    }
    pub fn materials_for(&self, code: Option<u8>) -> impl Iterator<Item = &'static Material> + use<'_> {
        self.materials
            .iter()
            .filter(move |(p, _)| p.is_none() || *p == code)
            .map(|(_, m)| m)
    }
}

/// The filing types a rule declares (none, an unknown one, or `all` outside a builtin rule is
/// an error naming the rule: a table that leaves them out does not load).
pub fn rule_types(r: &Rule) -> Result<Vec<FilingType>, String> {
    r.when
        .types(matches!(r.check, Check::Builtin))
        .map_err(|e| format!("rule {}: {e}", r.code))
}

/// Parse every table; an error names the table. Tests call this directly.
pub fn load() -> Result<RuleSet, String> {
    // Parsing the 340 KB of tables is most of a run's start-up: the province tables are parsed
    // on a second thread while this one does the national table and the first provinces.
    let province = |(name, src): &(&str, &str)| toml::from_str::<Table>(src).map_err(|e| format!("tables/provinces/{name}.toml: {e}"));
    let split = PROVINCE_TABLES.len() / 4;
    let (national, mut parsed) = std::thread::scope(|s| {
        let later = s.spawn(|| PROVINCE_TABLES[split..].iter().map(province).collect::<Vec<_>>());
        let national = toml::from_str::<Table>(NATIONAL).map_err(|e| format!("tables/national.toml: {e}"));
        let mut parsed: Vec<_> = PROVINCE_TABLES[..split].iter().map(province).collect();
        parsed.extend(later.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
        (national, parsed)
    });
    let national = national?;
    let mut rules = national.rule;
    let mut materials: Vec<(Option<u8>, Material)> = national.material.into_iter().map(|m| (None, m)).collect();
    let mut province_last_verified = HashMap::new();
    let mut disabled = HashMap::new();
    for ((name, _), t) in PROVINCE_TABLES.iter().zip(parsed.drain(..)) {
        let t = t?;
        let pname = t
            .table
            .province
            .as_deref()
            .ok_or(format!("tables/provinces/{name}.toml: [table] province missing"))?;
        let p = province::resolve(pname).ok_or(format!("tables/provinces/{name}.toml: unknown province {pname}"))?;
        if p.pinyin != *name {
            return Err(format!(
                "tables/provinces/{name}.toml: file name does not match province {}",
                p.pinyin
            ));
        }
        province_last_verified.insert(p.code, t.table.last_verified.clone());
        disabled.insert(p.code, t.table.disable.clone());
        for mut r in t.rule {
            r.province = Some(p.code);
            rules.push(r);
        }
        materials.extend(t.material.into_iter().map(|m| (Some(p.code), m)));
    }
    for (p, m) in &materials {
        let table = p.and_then(province::by_code).map_or("national", |p| p.pinyin);
        m.when.types(false).map_err(|e| format!("material {} ({table}): {e}", m.key))?;
        m.when.check_changes().map_err(|e| format!("material {} ({table}): {e}", m.key))?;
    }
    for r in &rules {
        rule_types(r)?;
        r.when.check_changes().map_err(|e| format!("rule {}: {e}", r.code))?;
    }
    let mut by_code = HashMap::new();
    for (i, r) in rules.iter().enumerate() {
        if by_code.insert(r.code.clone(), i).is_some() {
            return Err(format!("duplicate rule code {}", r.code));
        }
    }
    for (code, list) in &disabled {
        for c in list {
            if !by_code.contains_key(c) {
                return Err(format!("province {code} disables unknown rule {c}"));
            }
        }
    }
    debug_assert_eq!(PROVINCE_TABLES.len(), PROVINCES.len());
    let selection = std::iter::once(None)
        .chain(province::PROVINCES.iter().map(|p| Some(p.code)))
        .map(|c| (c, RuleSet::select(&rules, &disabled, c)))
        .collect::<HashMap<_, _>>();
    let slots = (PROVINCES.len() + 1) * FilingType::ALL.len();
    let mut by_type = vec![Vec::new(); slots];
    let mut materials_by_type = vec![Vec::new(); slots];
    for (&code, list) in &selection {
        for &t in FilingType::ALL {
            by_type[slot(code, t)] = list.iter().copied().filter(|&i| rules[i].when.has_type(t)).collect();
            materials_by_type[slot(code, t)] = (0..materials.len())
                .filter(|&i| (materials[i].0.is_none() || materials[i].0 == code) && materials[i].1.when.has_type(t))
                .collect();
        }
    }
    Ok(RuleSet {
        by_type,
        materials_by_type,
        rules_by_kind: (0..slots * KINDS).map(|_| OnceLock::new()).collect(),
        materials_by_kind: (0..slots * KINDS).map(|_| OnceLock::new()).collect(),
        rule_kinds: rules.iter().map(|r| kind_mask(&r.when)).collect(),
        material_kinds: materials.iter().map(|(_, m)| kind_mask(&m.when)).collect(),
        selection,
        rules,
        materials: Box::leak(materials.into_boxed_slice()),
        by_code,
        national_last_verified: national.table.last_verified,
        province_last_verified,
        disabled,
    })
}

static RULES: LazyLock<RuleSet> = LazyLock::new(|| load().unwrap_or_else(|e| panic!("embedded rule tables are broken: {e}")));

/// The embedded rule set (tables are checked by tests, so this cannot fail in a release).
pub fn rules() -> &'static RuleSet {
    &RULES
}

/// Every `[materials]` key some checklist entry looks for (national or provincial), sorted:
/// any other key under `[materials]` marks nothing and is reported as unknown.
pub fn material_keys() -> &'static [&'static str] {
    static KEYS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
        let mut keys: Vec<&'static str> = rules().materials.iter().map(|(_, m)| m.key.as_str()).collect();
        keys.sort_unstable();
        keys.dedup();
        keys
    });
    &KEYS
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::ChangeArea;

    /// The kind bits choose what testing each rule's and material's whole `when` chooses, for
    /// every province (and an unknown code), filing type and principal kind.
    #[test]
    fn applicable_agrees_with_each_when() {
        let rules = rules();
        let kinds = std::iter::once(None).chain(PrincipalKind::ALL.iter().map(|k| Some(*k)));
        let codes: Vec<Option<u8>> = std::iter::once(None)
            .chain(PROVINCES.iter().map(|p| Some(p.code)))
            .chain([Some(99)])
            .collect();
        let mut d = Draft::default();
        for kind in kinds {
            for (provider, name, changes) in [
                (None, None, vec![]),
                (Some("aliyun"), Some("某某金融信息服务有限公司"), vec![]),
                (Some("huaweicloud"), Some("某某商贸有限公司"), ChangeArea::ALL[..1].to_vec()),
            ] {
                d.principal.kind = kind;
                d.account.provider = provider.map(String::from);
                d.principal.name = name.map(String::from);
                d.account.changes = changes;
                for &code in &codes {
                    for &t in FilingType::ALL {
                        let by_when = |w: &super::super::When| w.matches(kind, provider, name) && w.fits_changes(t, &d.account.changes);
                        let want: Vec<&str> = rules
                            .for_type(code, t)
                            .filter(|r| by_when(&r.when))
                            .map(|r| r.code.as_str())
                            .collect();
                        let got: Vec<&str> = rules.applicable(code, t, &d).map(|r| r.code.as_str()).collect();
                        assert_eq!(got, want, "{code:?} {t:?} {kind:?} {provider:?}");
                        let want: Vec<&str> = rules
                            .materials_for_type(code, t)
                            .filter(|m| by_when(&m.when))
                            .map(|m| m.key.as_str())
                            .collect();
                        let got: Vec<&str> = rules.applicable_materials(code, t, &d).map(|m| m.key.as_str()).collect();
                        assert_eq!(got, want, "{code:?} {t:?} {kind:?} {provider:?}");
                    }
                }
            }
        }
    }
}
