//! The benchmark's floor: find the same drafts `beian check` would, then only read and parse
//! each with the toml crate, on the same number of threads. Nothing is checked or reported.
//!
//! ```sh
//! cargo run --release --example parse_floor -- DIR [JOBS]
//! ```

use rayon::prelude::*;
use std::path::PathBuf;
use std::time::Instant;

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().unwrap_or_else(|| ".".into()));
    let jobs = args.next().and_then(|j| j.parse().ok()).unwrap_or_else(rayon::current_num_threads);
    let start = Instant::now();
    let files = beian::commands::check::collect(&[dir])?;
    let pool = rayon::ThreadPoolBuilder::new().num_threads(jobs).build()?;
    let parsed: usize = pool.install(|| {
        files
            .par_iter()
            .map(|p| {
                let text = std::fs::read_to_string(p).unwrap_or_default();
                usize::from(text.parse::<toml::Table>().is_ok())
            })
            .sum()
    });
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{} files, {parsed} parsed, {secs:.3} s, {:.0} files/s, {jobs} threads",
        files.len(),
        files.len() as f64 / secs
    );
    Ok(())
}

// The same allocator as the beian binary, so the ratio compares the work, not the allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
