//! Checking many drafts: in parallel, in a stable order, without keeping them all.
//!
//! Workers (a rayon pool of `--jobs` threads) claim drafts by number and check them; the
//! calling thread receives the reports (in small chunks), puts them back in order through a bounded reorder
//! buffer and hands each one to a [`Sink`] (a reporter) as soon as every earlier draft has
//! gone out. A worker never runs more than `window` drafts ahead of the output, so memory does
//! not grow with the batch: a report is dropped once it is written. What outlives a draft is
//! its path (in the file list), its counts (in the totals) and a few hashed keys for the
//! cross-draft checks ([`cross`]), reported after the last draft.

pub mod cross;

use crate::commands::check::{CheckOptions, check_file_inspect};
use crate::diag::Severity;
use crate::report::{DraftReport, Totals};
use crate::rules::RuleSet;
use cross::{CrossFinding, Index, Keys};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::collections::BTreeMap;
use std::io::{self, IsTerminal};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, mpsc};

/// Drafts a worker claims at once.
const CHUNK: usize = 16;

/// A reporter that receives drafts one at a time, in order.
pub trait Sink {
    /// Called once before the first draft.
    fn begin(&mut self, _drafts: usize) -> io::Result<()> {
        Ok(())
    }
    fn draft(&mut self, report: &DraftReport) -> io::Result<()>;
    /// Called once after the last draft, with the cross-draft findings and the totals (which
    /// count the cross-draft findings too).
    fn end(&mut self, cross: &[CrossFinding], totals: &Totals) -> io::Result<()>;
}

#[derive(Debug, Clone, Default)]
pub struct BatchOptions {
    /// Worker threads; `None` = rayon's default (the number of cores).
    pub jobs: Option<usize>,
    /// Draw a progress bar on stderr (it still hides itself when stderr is not a terminal).
    pub progress: bool,
}

/// What a batch leaves behind once every draft has been reported.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    pub totals: Totals,
    pub cross: usize,
}

impl Outcome {
    /// Exit status 1 when there is an error finding, or a warning with `--fail-on warning`.
    pub fn failed(&self, fail_on: Severity) -> bool {
        self.totals.errors > 0 || (fail_on <= Severity::Warning && self.totals.warnings > 0)
    }
}

fn add(t: &mut Totals, r: &DraftReport) {
    t.drafts += 1;
    for f in &r.findings {
        match f.severity {
            Severity::Error => t.errors += 1,
            Severity::Warning => t.warnings += 1,
            Severity::Info => t.infos += 1,
        }
    }
    t.ready += usize::from(r.ready());
    t.missing += r.missing();
}

fn progress_bar(n: usize, show: bool) -> ProgressBar {
    // A bar only helps a batch; NO_COLOR and TERM=dumb users get plain output on terminals too.
    let plain = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) || std::env::var("TERM").is_ok_and(|t| t == "dumb");
    if !show || n < 2 || plain {
        return ProgressBar::hidden();
    }
    let pb = ProgressBar::with_draw_target(Some(n as u64), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template("{spinner} {pos}/{len} {wide_bar} {per_sec} {eta}") {
        pb.set_style(style);
    }
    pb
}

/// Check `files` and report each draft to `sink` in the order of `files`.
pub fn run(rules: &RuleSet, files: &[PathBuf], opts: &CheckOptions, batch: &BatchOptions, sink: &mut dyn Sink) -> io::Result<Outcome> {
    let jobs = batch.jobs.unwrap_or_else(rayon::current_num_threads).max(1);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .thread_name(|i| format!("beian-check-{i}"))
        .build()
        .map_err(io::Error::other)?;
    // How far the workers may run ahead of the output: enough to keep them busy while one
    // slow draft holds up the head of the line, small enough that memory stays flat. Work is
    // claimed and handed over CHUNK drafts at a time, which keeps thread hand-offs (futex
    // wake-ups) off the per-draft cost.
    let window = jobs * 4 * CHUNK;
    let n = files.len();
    let pb = progress_bar(n, batch.progress);
    // The bar only has to step aside when the report goes to the same terminal.
    let suspend = !pb.is_hidden() && io::stdout().is_terminal();
    sink.begin(n)?;

    let next = AtomicUsize::new(0);
    let written = Mutex::new(0usize);
    let moved = Condvar::new();
    let stop = AtomicBool::new(false);
    let (tx, rx) = mpsc::sync_channel::<Vec<(usize, DraftReport, Option<Keys>)>>(window / CHUNK + 1);

    let mut totals = Totals::default();
    let mut index = Index::new();
    let path_of = |i: u32| files[i as usize].display().to_string();

    let result = pool.in_place_scope(|s| {
        for _ in 0..jobs {
            let tx = tx.clone();
            let (next, written, moved, stop) = (&next, &written, &moved, &stop);
            s.spawn(move |_| {
                loop {
                    let start = next.fetch_add(CHUNK, Ordering::Relaxed);
                    if start >= n {
                        break;
                    }
                    {
                        let mut w = written.lock().unwrap_or_else(|e| e.into_inner());
                        while start >= *w + window && !stop.load(Ordering::Relaxed) {
                            w = moved.wait(w).unwrap_or_else(|e| e.into_inner());
                        }
                    }
                    if stop.load(Ordering::Relaxed) {
                        break;
                    }
                    let mut done = Vec::with_capacity(CHUNK);
                    for (i, file) in files.iter().enumerate().skip(start).take(CHUNK) {
                        // A panic in a check must not leave a gap the output waits for forever:
                        // it becomes that draft's finding and the batch goes on.
                        let (report, keys) =
                            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check_file_inspect(rules, file, opts, Keys::of)))
                                .unwrap_or_else(|_| (crate::commands::check::internal_error(rules, file), None));
                        done.push((i, report, keys));
                    }
                    if tx.send(done).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);

        // The reorder buffer: at most `window` reports wait here for an earlier one.
        let mut pending: BTreeMap<usize, (DraftReport, Option<Keys>)> = BTreeMap::new();
        let mut out = 0usize;
        let mut emit = |report: DraftReport, keys: Option<Keys>, i: usize| -> io::Result<()> {
            add(&mut totals, &report);
            if let Some(k) = keys {
                index.add(rules, i as u32, &report.path, &k, &path_of);
            }
            if suspend {
                pb.suspend(|| sink.draft(&report))?;
            } else {
                sink.draft(&report)?;
            }
            pb.inc(1);
            Ok(())
        };
        let r = (|| -> io::Result<()> {
            for done in rx.iter() {
                for (i, report, keys) in done {
                    pending.insert(i, (report, keys));
                }
                let before = out;
                while let Some((report, keys)) = pending.remove(&out) {
                    emit(report, keys, out)?;
                    out += 1;
                }
                if out != before {
                    *written.lock().unwrap_or_else(|e| e.into_inner()) = out;
                    moved.notify_all();
                }
            }
            Ok(())
        })();
        if r.is_err() {
            // A reporter failed (e.g. a closed pipe): let the workers go.
            stop.store(true, Ordering::Relaxed);
            moved.notify_all();
            drop(rx);
        }
        r
    });
    pb.finish_and_clear();
    result?;

    let mut cross = index.findings;
    cross.retain_mut(|c| {
        let mut one = vec![c.finding.clone()];
        opts.overrides.apply(&mut one);
        match one.pop() {
            Some(f) => {
                c.finding = f;
                true
            }
            None => false,
        }
    });
    for c in &cross {
        match c.finding.severity {
            Severity::Error => totals.errors += 1,
            Severity::Warning => totals.warnings += 1,
            Severity::Info => totals.infos += 1,
        }
    }
    totals.cross_draft = cross.len();
    sink.end(&cross, &totals)?;
    Ok(Outcome {
        totals,
        cross: cross.len(),
    })
}

/// A sink that keeps every report: for tests and for callers that want them all at once.
#[derive(Debug, Default)]
pub struct Collect {
    pub reports: Vec<DraftReport>,
    pub cross: Vec<CrossFinding>,
    pub totals: Totals,
}

impl Sink for Collect {
    fn draft(&mut self, report: &DraftReport) -> io::Result<()> {
        self.reports.push(report.clone());
        Ok(())
    }
    fn end(&mut self, cross: &[CrossFinding], totals: &Totals) -> io::Result<()> {
        self.cross = cross.to_vec();
        self.totals = *totals;
        Ok(())
    }
}
