//! Checking many drafts: in parallel, in a stable order, without keeping them all.
//!
//! Workers (a rayon pool of `--jobs` threads) claim drafts by number, a chunk at a time, check
//! them and turn each report into its text on the spot (the reporter's [`Render`] half). The
//! worker that completes the head of the line then writes every draft that is in order, under
//! one lock (`Output`): there is no output thread to hand work to. A worker never runs more
//! than a window of drafts ahead of the output, so memory does not grow with the batch. What
//! outlives a draft is its path (in the file list), its counts (in the totals) and a few
//! hashed keys for the cross-draft checks ([`cross`]), reported after the last draft.

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
use std::sync::{Condvar, Mutex};

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

/// The output side of a batch, shared by the workers under one lock: the reorder buffer (at
/// most a window of drafts waiting for an earlier one), the totals, the cross-draft index and
/// the reporter.
struct Output<'s> {
    pending: BTreeMap<usize, (Done, Option<Keys>)>,
    /// The next draft to write.
    out: usize,
    /// Workers waiting for `out` to move on.
    waiting: usize,
    totals: Totals,
    index: Index,
    sink: &'s mut (dyn Sink + Send),
    error: Option<io::Error>,
}

impl Output<'_> {
    /// Write every draft that is next in line.
    fn drain(&mut self, rules: &RuleSet, path_of: &dyn Fn(u32) -> String, pb: &ProgressBar, suspend: bool) -> io::Result<()> {
        while let Some((item, keys)) = self.pending.remove(&self.out) {
            let i = self.out;
            self.out += 1;
            let (digest, report, text) = match item {
                Done::Report(r) => (Digest::of(&r, false), Some(r), None),
                Done::Text(d, text) => (d, None, Some(text?)),
            };
            add(&mut self.totals, &digest);
            if let Some(k) = keys {
                self.index.add(rules, i as u32, &digest.path, &k, path_of);
            }
            let sink = &mut *self.sink;
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
        }
        Ok(())
    }
}

/// Check `files` and report each draft to `sink` in the order of `files`.
pub fn run(
    rules: &RuleSet,
    files: &[PathBuf],
    opts: &CheckOptions,
    batch: &BatchOptions,
    sink: &mut (dyn Sink + Send),
) -> io::Result<Outcome> {
    let jobs = batch.jobs.unwrap_or_else(rayon::current_num_threads).max(1);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .thread_name(|i| format!("beian-check-{i}"))
        .build()
        .map_err(io::Error::other)?;
    // How far the workers may run ahead of the output: enough to keep them busy while one
    // slow draft holds up the head of the line, small enough that memory stays flat. Work is
    // claimed and handed over CHUNK drafts at a time, which keeps locking off the per-draft
    // cost.
    let window = jobs * 4 * CHUNK;
    let n = files.len();
    let pb = progress_bar(n, batch.progress);
    // The bar only has to step aside when the report goes to the same terminal.
    let suspend = !pb.is_hidden() && io::stdout().is_terminal();
    sink.begin(n)?;

    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let render = sink.renderer();
    let render = render.as_deref();
    let path_of = |i: u32| files[i as usize].display().to_string();
    let output = Mutex::new(Output {
        pending: BTreeMap::new(),
        out: 0,
        waiting: 0,
        totals: Totals::default(),
        index: Index::for_drafts(files.len()),
        sink,
        error: None,
    });
    // Signalled when the output moves on, for workers that ran a window ahead of it.
    let moved = Condvar::new();

    pool.in_place_scope(|s| {
        for _ in 0..jobs {
            let (next, stop, output, moved, path_of, pb) = (&next, &stop, &output, &moved, &path_of, &pb);
            s.spawn(move |_| {
                loop {
                    let start = next.fetch_add(CHUNK, Ordering::Relaxed);
                    if start >= n {
                        break;
                    }
                    {
                        let mut o = output.lock().unwrap_or_else(|e| e.into_inner());
                        while start >= o.out + window && !stop.load(Ordering::Relaxed) {
                            o.waiting += 1;
                            o = moved.wait(o).unwrap_or_else(|e| e.into_inner());
                            o.waiting -= 1;
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
                    // Whoever completes the head of the line writes everything that is now
                    // in order: no thread sits between the workers and the output.
                    let mut o = output.lock().unwrap_or_else(|e| e.into_inner());
                    for (i, item, keys) in done {
                        o.pending.insert(i, (item, keys));
                    }
                    if o.error.is_none()
                        && let Err(e) = o.drain(rules, path_of, pb, suspend)
                    {
                        // A reporter failed (e.g. a closed pipe): let every worker go.
                        o.error = Some(e);
                        stop.store(true, Ordering::Relaxed);
                    }
                    if o.waiting > 0 {
                        moved.notify_all();
                    }
                }
            });
        }
    });
    pb.finish_and_clear();
    let Output {
        mut totals,
        index,
        sink,
        error,
        ..
    } = output.into_inner().unwrap_or_else(|e| e.into_inner());
    if let Some(e) = error {
        return Err(e);
    }

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
