//! Any bytes as a draft: the reader, the checks, two reporters and the bundle renderer must
//! not panic. Run: `cargo +nightly fuzz run draft ../tests/fuzz_corpus -- -max_total_time=300`.
#![no_main]

use beian::batch::Sink;
use beian::diag::Lang;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let src = String::from_utf8_lossy(data);
    let rules = beian::rules::rules();
    let r = beian::commands::check::check_source(rules, "fuzz.toml", &src, None, None);
    let totals = beian::report::totals(std::slice::from_ref(&r));
    let mut json = beian::report::json::JsonSink::new(Vec::new(), Lang::Zh);
    let mut gh = beian::report::github::GithubSink::new(Vec::new(), Lang::En);
    for s in [&mut json as &mut dyn Sink, &mut gh] {
        let _ = s.begin(1);
        let _ = s.draft(&r);
        let _ = s.end(&[], &totals);
    }
    let _ = beian::bundle::render(&src, None, Lang::Zh, None, None);
});
