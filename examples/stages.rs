//! Where a batch's time goes, stage by stage, single-threaded (for optimisation work):
//! `cargo run --release --example stages -- DIR`.
use std::time::Instant;

fn main() {
    let dir = std::env::args().nth(1).expect("DIR");
    let files = beian::commands::check::collect(&[dir.into()]).unwrap();
    let srcs: Vec<String> = files.iter().map(|p| std::fs::read_to_string(p).unwrap_or_default()).collect();
    let rules = beian::rules::rules();
    let t = Instant::now();
    for s in &srcs {
        let _ = s.parse::<toml::Table>();
    }
    let floor = t.elapsed();
    let t = Instant::now();
    for s in &srcs {
        let _ = toml::de::DeTable::parse(s);
    }
    let spanned = t.elapsed();
    let t = Instant::now();
    for s in &srcs {
        if let Ok(tab) = toml::de::DeTable::parse(s) {
            let _ = beian::draft::node::convert_table(tab.get_ref());
        }
    }
    println!("spanned parse + node tree   {:8.1} ms", t.elapsed().as_secs_f64() * 1000.0);
    let t = Instant::now();
    let loaded: Vec<_> = srcs.iter().map(|s| beian::draft::load_str(s)).collect();
    let load = t.elapsed();
    let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let t = Instant::now();
    let mut n = 0;
    for l in &loaded {
        if let Some(d) = &l.draft {
            let cx = beian::rules::context::Ctx::new(d, day);
            for r in rules.for_type(cx.province.map(|p| p.code), cx.filing_type) {
                if r.when
                    .matches(d.principal.kind, d.account.provider.as_deref(), d.principal.name.as_deref())
                {
                    n += r.check.run(&cx).len();
                }
            }
        }
    }
    let rules_t = t.elapsed();
    let t = Instant::now();
    let mut m = 0usize;
    for l in &loaded {
        if let Some(d) = &l.draft {
            for r in rules.for_type(d.principal.province.map(|p| p.code), beian::draft::filing::effective(d)) {
                if r.when
                    .matches(d.principal.kind, d.account.provider.as_deref(), d.principal.name.as_deref())
                {
                    m += 1;
                }
            }
        }
    }
    let select_t = t.elapsed();
    println!("selected {m}: {:.1} ms", select_t.as_secs_f64() * 1000.0);
    if std::env::var_os("PER_RULE").is_some() {
        let mut per: std::collections::HashMap<&str, std::time::Duration> = Default::default();
        for l in &loaded {
            if let Some(d) = &l.draft {
                let cx = beian::rules::context::Ctx::new(d, day);
                for r in rules.for_type(cx.province.map(|p| p.code), cx.filing_type) {
                    let t = Instant::now();
                    if r.when
                        .matches(d.principal.kind, d.account.provider.as_deref(), d.principal.name.as_deref())
                    {
                        let _ = r.check.run(&cx);
                    }
                    *per.entry(r.code.as_str()).or_default() += t.elapsed();
                }
            }
        }
        let mut v: Vec<_> = per.into_iter().collect();
        v.sort_by_key(|e| std::cmp::Reverse(e.1));
        for (c, t) in v.iter().take(25) {
            println!("  {c:32} {:7.1} ms", t.as_secs_f64() * 1000.0);
        }
    }
    let t = Instant::now();
    for l in &loaded {
        if let Some(d) = &l.draft {
            let _ = beian::rules::engine::evaluate(rules, d, day, None);
        }
    }
    let eval = t.elapsed();
    let t = Instant::now();
    let reports: Vec<_> = srcs
        .iter()
        .map(|s| beian::commands::check::check_source(rules, "x.toml", s, Some(day), None))
        .collect();
    let full = t.elapsed();
    let t = Instant::now();
    let mut out = Vec::new();
    let v = beian::report::json::render(&reports, beian::diag::Lang::Zh);
    serde_json::to_writer(&mut out, &v).unwrap();
    let json = t.elapsed();
    println!("files {} hits {n}", srcs.len());
    for (k, v) in [
        ("floor toml::Table", floor),
        ("DeTable spanned", spanned),
        ("load_str", load),
        ("rules only", rules_t),
        ("evaluate (rules+checklist)", eval),
        ("check_source total", full),
        ("json render", json),
    ] {
        println!("{k:28} {:8.1} ms", v.as_secs_f64() * 1000.0);
    }
}
