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
const CHUNK: usize = 32;

/// A reporter that receives drafts one at a time, in order.
pub trait Sink {
    /// Called once before the first draft.
    fn begin(&mut self, _drafts: usize) -> io::Result<()> {
        Ok(())
    }
    /// The per-draft half of this reporter, to run on the workers. With one, the batch calls
    /// [`Sink::rendered`] instead of [`Sink::draft`]: reports are then formatted in parallel and
    /// freed on the thread that made them, and only their text crosses to the output.
    fn renderer(&self) -> Option<Box<dyn Render>> {
        None
    }
    fn draft(&mut self, report: &DraftReport) -> io::Result<()>;
    /// One draft's text from [`Sink::renderer`], in order.
    fn rendered(&mut self, _digest: &Digest, _text: &[u8]) -> io::Result<()> {
        Err(io::Error::other("this reporter has no renderer"))
    }
    /// Called once after the last draft, with the cross-draft findings and the totals (which
    /// count the cross-draft findings too).
    fn end(&mut self, cross: &[CrossFinding], totals: &Totals) -> io::Result<()>;
}

/// Turns one report into that draft's part of the output.
pub trait Render: Send + Sync {
    fn render(&self, report: &DraftReport, out: &mut Vec<u8>) -> io::Result<()>;
    /// Whether [`Digest::rules`] should be filled (SARIF lists the rules that occurred).
    fn wants_rules(&self) -> bool {
        false
    }
}

/// What the output side keeps of a checked draft once its report is gone.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Digest {
    pub path: String,
    pub principal: Option<String>,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub missing: usize,
    /// The distinct rule codes of the findings, when the renderer asked for them.
    pub rules: Vec<String>,
}

impl Digest {
    pub fn of(r: &DraftReport, with_rules: bool) -> Digest {
        let mut d = Digest {
            path: r.path.clone(),
            principal: r.principal.clone(),
            missing: r.missing(),
            ..Default::default()
        };
        for f in &r.findings {
            match f.severity {
                Severity::Error => d.errors += 1,
                Severity::Warning => d.warnings += 1,
                Severity::Info => d.infos += 1,
            }
            if with_rules && !d.rules.contains(&f.rule) {
                d.rules.push(f.rule.clone());
            }
        }
        d
    }
    pub fn ready(&self) -> bool {
        self.errors == 0
    }
}

/// A checked draft on its way to the output: the whole report, or its digest and text.
enum Done {
    Report(DraftReport),
    Text(Digest, io::Result<Vec<u8>>),
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

fn add(t: &mut Totals, d: &Digest) {
    t.drafts += 1;
    t.errors += d.errors;
    t.warnings += d.warnings;
    t.infos += d.infos;
    t.ready += usize::from(d.ready());
    t.missing += d.missing;
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
    // Workers blocked on `moved`: the output only pays for a wake-up when someone waits.
    let waiting = AtomicUsize::new(0);
    let moved = Condvar::new();
    let stop = AtomicBool::new(false);
    let (tx, rx) = mpsc::sync_channel::<Vec<(usize, Done, Option<Keys>)>>(window / CHUNK + 1);
    let render = sink.renderer();
    let render = render.as_deref();

    let mut totals = Totals::default();
    let mut index = Index::for_drafts(files.len());
    let path_of = |i: u32| files[i as usize].display().to_string();

    let result = pool.in_place_scope(|s| {
        for _ in 0..jobs {
            let tx = tx.clone();
            let (next, written, moved, stop, waiting) = (&next, &written, &moved, &stop, &waiting);
            s.spawn(move |_| {
                loop {
                    let start = next.fetch_add(CHUNK, Ordering::Relaxed);
                    if start >= n {
                        break;
                    }
                    {
                        let mut w = written.lock().unwrap_or_else(|e| e.into_inner());
                        while start >= *w + window && !stop.load(Ordering::Relaxed) {
                            waiting.fetch_add(1, Ordering::SeqCst);
                            w = moved.wait(w).unwrap_or_else(|e| e.into_inner());
                            waiting.fetch_sub(1, Ordering::SeqCst);
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
                        let item = match render {
                            Some(r) => {
                                let mut text = Vec::new();
                                let res = r.render(&report, &mut text).map(|()| text);
                                Done::Text(Digest::of(&report, r.wants_rules()), res)
                            }
                            None => Done::Report(report),
                        };
                        done.push((i, item, keys));
                    }
                    if tx.send(done).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);

        // The reorder buffer: at most `window` reports wait here for an earlier one.
        let mut pending: BTreeMap<usize, (Done, Option<Keys>)> = BTreeMap::new();
        let mut out = 0usize;
        let mut emit = |item: Done, keys: Option<Keys>, i: usize| -> io::Result<()> {
            let (digest, report, text) = match item {
                Done::Report(r) => (Digest::of(&r, false), Some(r), None),
                Done::Text(d, text) => (d, None, Some(text?)),
            };
            add(&mut totals, &digest);
            if let Some(k) = keys {
                index.add(rules, i as u32, &digest.path, &k, &path_of);
            }
            let mut write = || match (&report, &text) {
                (Some(r), _) => sink.draft(r),
                (None, Some(t)) => sink.rendered(&digest, t),
                (None, None) => Ok(()),
            };
            if suspend {
                pb.suspend(write)?
            } else {
                write()?
            }
            pb.inc(1);
            Ok(())
        };
        let r = (|| -> io::Result<()> {
            for done in rx.iter() {
                for (i, item, keys) in done {
                    pending.insert(i, (item, keys));
                }
                let before = out;
                while let Some((item, keys)) = pending.remove(&out) {
                    emit(item, keys, out)?;
                    out += 1;
                }
                if out != before {
                    // Waiters register under the lock, so one that is about to wait sees
                    // the new count or is counted here.
                    let mut w = written.lock().unwrap_or_else(|e| e.into_inner());
                    *w = out;
                    if waiting.load(Ordering::SeqCst) > 0 {
                        moved.notify_all();
                    }
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
