//! Checks every row of the identifier vectors (`tests/data/id-vectors.tsv`: value, verdict, source)
//! against the matching validator. Unknown kinds fail the test, so no row is skipped.

use std::path::PathBuf;

use beian::validators::{domain, permits, phone, resident_id, uscc};

/// Rows we deliberately disagree with: (kind, value, why). Checked to still exist,
/// so a stale entry fails too.
const DISAGREE: &[(&str, &str, &str)] = &[];

/// The day the vectors are judged on: their "future birth date" rows mean after the day the
/// research was written (validators judge dates against the filing day, never the clock).
fn as_of() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
}

/// How "valid"/"invalid" map onto a validator's result for each kind.
fn is_valid(kind: &str, value: &str) -> Option<bool> {
    Some(match kind {
        "ric" => resident_id::parse_on(value, as_of()).is_ok(),
        // Structural validity of a first-generation number; `parse` must still
        // refuse it for filing, whatever the structure.
        "ric15" => {
            assert!(resident_id::parse(value).is_err(), "parse must refuse 15-digit numbers");
            resident_id::parse15(value).is_ok()
        }
        // Strict mode: baseline rules plus no abolished-county warning.
        "ric_strict" => resident_id::parse_on(value, as_of()).is_ok_and(|id| resident_id::warnings(&id).is_empty()),
        "uscc" => uscc::parse(value).is_ok(),
        "orgcode" => uscc::legacy_kind(value) == Some("orgcode"),
        "regno15" => uscc::legacy_kind(value) == Some("regno15"),
        "hkmo_travel_permit" => permits::hk_macau_permit(value).is_ok(),
        "tw_travel_permit" => permits::taiwan_permit(value).is_ok(),
        "residence_permit_hmt" => permits::hmt_residence_permit(value).is_ok(),
        "passport_cn" => permits::passport_cn(value).is_ok(),
        // Warnings count as "invalid": the 2004 check digit is only a warning.
        "foreign_pr_2004" | "foreign_pr_2023" => permits::foreign_permanent_resident_id(value).is_ok_and(|w| w.is_empty()),
        "mobile" => phone::mobile(value).is_ok(),
        "landline" => phone::landline(value).is_ok(),
        // Valid and in the national area-code list (an unknown code is only a warning).
        "landline_strict" => phone::landline(value).is_ok_and(|l| phone::landline_doubt(&l).is_none()),
        "domain" => domain::parse(value).is_ok(),
        // "invalid" covers both NotApproved and Unknown (not in the snapshot).
        "tld_icp" => domain::parse(&format!("example{value}")).is_ok_and(|d| domain::suffix_status(&d) == domain::SuffixStatus::Approved),
        _ => return None,
    })
}

#[test]
fn every_vector_row() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/id-vectors.tsv");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read test vectors at {}: {e}", path.display()));
    let mut checked = 0;
    let mut failures = Vec::new();
    let mut disagreements_seen = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') || line.starts_with("kind\t") {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        assert!(f.len() >= 4, "line {}: expected 4 columns (kind, value, expected, source)", n + 1);
        assert!(!f[3].trim().is_empty(), "line {}: every vector names its source", n + 1);
        let (kind, value, expected) = (f[0], f[1], f[2]);
        let want = match expected {
            "valid" => true,
            "invalid" => false,
            other => panic!("line {}: unknown expected value {other:?}", n + 1),
        };
        let got = is_valid(kind, value).unwrap_or_else(|| panic!("line {}: unknown kind {kind:?}", n + 1));
        checked += 1;
        if let Some((_, _, why)) = DISAGREE.iter().find(|(k, v, _)| *k == kind && *v == value) {
            assert_ne!(got, want, "line {}: listed as disagreement ({why}) but now agrees", n + 1);
            disagreements_seen.push(value);
            continue;
        }
        if got != want {
            failures.push(format!(
                "line {}: {kind} {value}: expected {expected}, got {}",
                n + 1,
                if got { "valid" } else { "invalid" }
            ));
        }
    }
    for (k, v, _) in DISAGREE {
        assert!(disagreements_seen.contains(v), "disagreement {k} {v} is not in the TSV any more");
    }
    println!("id-vectors: {checked} rows checked, {} deliberate disagreements", DISAGREE.len());
    assert!(failures.is_empty(), "{} rows disagree:\n{}", failures.len(), failures.join("\n"));
    assert!(checked > 0, "no rows found in {}", path.display());
}
