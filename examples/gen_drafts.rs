//! Write N generated drafts (clean and broken, valid check digits) for the batch benchmark.
//!
//! ```sh
//! cargo run --release --example gen_drafts -- /tmp/drafts 10000 [SEED]
//! ```
//! Files go to `OUT/NNN/draft-NNNNNN.toml`, 1000 a folder. The generator is
//! `tests/support/gen.rs`, shared with the batch tests.

#[path = "../tests/support/gen.rs"]
mod generator;

use std::path::PathBuf;

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let (Some(out), Some(n)) = (args.next(), args.next().and_then(|n| n.parse::<u64>().ok())) else {
        eprintln!("usage: gen_drafts OUT N [SEED]");
        std::process::exit(2);
    };
    let seed = args.next().and_then(|s| s.parse().ok()).unwrap_or(1);
    let out = PathBuf::from(out);
    for i in 0..n {
        let g = generator::draft(i, seed);
        let path = out.join(&g.path);
        if i % 1000 == 0 {
            std::fs::create_dir_all(path.parent().expect("a folder"))?;
        }
        std::fs::write(&path, g.text)?;
    }
    eprintln!("wrote {n} drafts to {}", out.display());
    Ok(())
}
