//! No input may panic any command (issue 15, item 13): a property test over arbitrary
//! TOML-ish text and byte mutations of every fixture, through the draft reader, the checks,
//! every reporter, the bundle renderer and the wizard's non-interactive answers flow. It runs
//! a fixed number of cases so that it is part of `cargo test` and takes seconds; the seeds that
//! once failed are kept in `tests/fuzz_corpus/` and replayed first.

use beian::batch::Sink;
use beian::diag::Lang;
use beian::report::{self, DraftReport};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use std::path::{Path, PathBuf};

fn manifest() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The corpus, then the drafts of tests/fixtures (the rule fixtures are variants of these).
fn seeds() -> Vec<Vec<u8>> {
    fn walk(d: &Path, out: &mut Vec<Vec<u8>>) {
        let Ok(rd) = std::fs::read_dir(d) else { return };
        let mut entries: Vec<_> = rd.flatten().map(|e| e.path()).collect();
        entries.sort();
        for p in entries {
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "toml") {
                out.push(std::fs::read(&p).unwrap());
            }
        }
    }
    let mut out = Vec::new();
    walk(&manifest().join("tests/fuzz_corpus"), &mut out);
    for d in ["base", "bundle", "clean", "io", "materials"] {
        walk(&manifest().join("tests/fixtures").join(d), &mut out);
    }
    assert!(out.len() > 12, "seeds found: {}", out.len());
    out
}

/// Every reporter, in process, over one report.
fn all_reporters(r: &DraftReport) {
    let rules = beian::rules::rules();
    let totals = report::totals(std::slice::from_ref(r));
    for lang in [Lang::Zh, Lang::En] {
        let mut sinks: Vec<Box<dyn Sink>> = vec![
            Box::new(report::json::JsonSink::new(Vec::new(), lang)),
            Box::new(report::csv::CsvSink::new(Vec::new(), lang)),
            Box::new(report::junit::JunitSink::new(Vec::new(), lang, beian::diag::Severity::Error)),
            Box::new(report::sarif::SarifSink::new(Vec::new(), lang, rules)),
            Box::new(report::github::GithubSink::new(Vec::new(), lang)),
            Box::new(report::table::TableSink {
                out: Vec::new(),
                opts: report::table::Options {
                    lang,
                    width: Some(100),
                    show_checklist: true,
                    color: true,
                },
            }),
        ];
        for s in &mut sinks {
            s.begin(1).unwrap();
            s.draft(r).unwrap();
            s.end(&[], &totals).unwrap();
        }
    }
}

/// Everything a command does with a draft's text, short of writing files.
fn exercise(bytes: &[u8], wizard: bool) {
    let src = String::from_utf8_lossy(bytes);
    let rules = beian::rules::rules();
    let r = beian::commands::check::check_source(rules, "fuzz.toml", &src, None, None);
    all_reporters(&r);
    // A bundle may refuse a draft it cannot read, but must not panic.
    let _ = beian::bundle::render(&src, None, Lang::Zh, None, None);
    if wizard && let Ok(table) = src.parse::<toml::Table>() {
        let mut prompter = beian::wizard::answers::NoInput::default();
        let mut save = |_: &toml::Table, _: &beian::wizard::flow::Progress| {};
        let mut flow = beian::wizard::flow::Flow::new(
            rules,
            Lang::Zh,
            table,
            beian::wizard::flow::Progress::default(),
            &mut prompter,
            &mut save,
        );
        let _ = flow.run();
    }
}

/// Mutate `seed`: overwrite, insert and delete bytes, chosen by the strategy's numbers.
fn mutate(seed: &[u8], edits: &[(usize, u8, u8)]) -> Vec<u8> {
    let mut v = seed.to_vec();
    for &(at, byte, op) in edits {
        let i = if v.is_empty() { 0 } else { at % (v.len() + 1) };
        match op % 4 {
            0 if i < v.len() => v[i] = byte,
            1 => v.insert(i, byte),
            2 if i < v.len() => {
                v.remove(i);
            }
            // Structural bytes are where parsers break.
            _ => v.insert(i, b"[]=.\"'\n{},#\\"[usize::from(byte) % 12]),
        }
    }
    v
}

/// TOML-ish text: keys of the draft format, brackets, quotes, dots, numbers and dates.
fn tomlish() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        Just("[principal]\n".to_string()),
        Just("[[domain]]\n".to_string()),
        Just("[[website]]\n".to_string()),
        Just("[principal.responsible]\n".to_string()),
        Just("[principal.legal_representative.document]\n".to_string()),
        Just("[materials]\n".to_string()),
        Just("document = []\n".to_string()),
        Just("responsible = \"principal\"\n".to_string()),
        Just("kind = \"individual_business\"\n".to_string()),
        Just("province = \"广东\"\n".to_string()),
        Just("domains = [\"a.cn\", \"ｂ.cn\"]\n".to_string()),
        Just("valid_until = 2030-01-01\n".to_string()),
        Just("format = 1\n".to_string()),
        Just("name = \"\u{1b}[31m\u{202e}=cmd\"\n".to_string()),
        "[a-z_]{1,12}( = )(\"[^\"\\\\]{0,20}\"|[0-9-]{1,20}|true|\\[\\]|\\{\\})\n",
        "[a-z.]{1,40} = 1\n",
        "\\PC{0,8}",
    ];
    proptest::collection::vec(token, 0..24).prop_map(|v| v.concat())
}

fn runner(cases: u32) -> TestRunner {
    TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    })
}

#[test]
fn corpus_replays_without_panics() {
    for seed in seeds() {
        exercise(&seed, false);
    }
    // The corpus's own inputs also go through the answers flow (a wrong-shaped answer once
    // panicked there).
    let mut corpus = Vec::new();
    for e in std::fs::read_dir(manifest().join("tests/fuzz_corpus")).unwrap().flatten() {
        corpus.push(std::fs::read(e.path()).unwrap());
    }
    for seed in corpus {
        exercise(&seed, true);
    }
}

#[test]
fn arbitrary_tomlish_text_never_panics() {
    runner(96)
        .run(&tomlish(), |s| {
            exercise(s.as_bytes(), false);
            Ok(())
        })
        .unwrap();
}

#[test]
fn mutated_fixtures_never_panic() {
    let seeds = seeds();
    let n = seeds.len();
    runner(160)
        .run(
            &(0..n, proptest::collection::vec((any::<usize>(), any::<u8>(), any::<u8>()), 1..12)),
            |(i, edits)| {
                exercise(&mutate(&seeds[i], &edits), false);
                Ok(())
            },
        )
        .unwrap();
}

#[test]
fn the_answers_flow_never_panics() {
    // The wizard asks and checks many times per draft: fewer cases.
    let seeds = seeds();
    let n = seeds.len();
    runner(12)
        .run(
            &(0..n, proptest::collection::vec((any::<usize>(), any::<u8>(), any::<u8>()), 0..6)),
            |(i, edits)| {
                exercise(&mutate(&seeds[i], &edits), true);
                Ok(())
            },
        )
        .unwrap();
    runner(12)
        .run(&tomlish(), |s| {
            exercise(s.as_bytes(), true);
            Ok(())
        })
        .unwrap();
}

#[test]
fn deep_and_huge_inputs_are_refused_clearly() {
    let rules = beian::rules::rules();
    // A 5,000-deep dotted key: a finding at its line, not "line 0".
    let src = format!("format = 1\n{} = 1\n", vec!["a"; 5000].join("."));
    let r = beian::commands::check::check_source(rules, "deep.toml", &src, None, None);
    let f = &r.findings[0];
    assert_eq!(f.rule, "DRAFT-SYNTAX");
    assert_eq!(f.pos.map(|p| p.line), Some(2), "{:?}", f.message);
    assert!(!f.message.zh.contains("第 0 行"), "{}", f.message.zh);
    // Over the size limit: refused with the limit named, before parsing.
    let big = "#".repeat(beian::draft::MAX_DRAFT_BYTES + 1);
    let r = beian::commands::check::check_source(rules, "big.toml", &big, None, None);
    assert_eq!(r.findings[0].rule, "DRAFT-IO");
    assert!(r.findings[0].message.en.contains("4 MB limit"), "{}", r.findings[0].message.en);
    // A list over the limit: a finding, and only the first entries are read.
    let base = std::fs::read_to_string(manifest().join("tests/fixtures/base/enterprise.toml")).unwrap();
    let head = &base[..base.find("[[domain]]").unwrap()];
    let many: String = (0..beian::draft::MAX_LIST + 5)
        .map(|i| format!("[[domain]]\nname = \"d{i}.cn\"\n"))
        .collect();
    let r = beian::commands::check::check_source(rules, "many.toml", &format!("{head}{many}"), None, None);
    let capped = r
        .findings
        .iter()
        .find(|f| f.rule == "DRAFT-TYPE" && f.field == "domain")
        .expect("a list-length finding");
    assert!(capped.message.en.contains("at most 1000 entries"), "{}", capped.message.en);
}
