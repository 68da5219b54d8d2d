//! report.html in a real browser: headless Chromium prints it to PDF, and the PDF must have
//! each letter starting a page and the Chinese text extractable (`pdftotext`).
//!
//! Needs `chromium` and poppler's `pdftotext`/`pdfinfo` (Debian: chromium poppler-utils, and
//! fonts-noto-cjk for the Chinese glyphs; `.ci/run` installs them). A missing tool skips the
//! test with a line saying so, or fails it with BEIAN_REQUIRE_TOOLS=1 (tests/support/tools.rs).

use beian::bundle;
use beian::diag::Lang;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[path = "support/tools.rs"]
mod tools;

fn print_to_pdf(chromium: &Path, html: &Path, pdf: &Path, profile: &Path) {
    let mut child = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", html.display()))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start chromium");
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.success(), "chromium failed: {status}");
            break;
        }
        if start.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            panic!("chromium did not finish within 120 s");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(pdf.is_file(), "chromium wrote no PDF");
}

fn pages(pdf: &Path) -> usize {
    let out = Command::new("pdfinfo").arg(pdf).output().expect("run pdfinfo");
    let text = String::from_utf8_lossy(&out.stdout);
    text.lines()
        .find_map(|l| l.strip_prefix("Pages:").map(|n| n.trim().parse().unwrap()))
        .expect("pdfinfo gives a page count")
}

fn page_text(pdf: &Path, page: usize) -> String {
    let out = Command::new("pdftotext")
        .args(["-f", &page.to_string(), "-l", &page.to_string(), "-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("run pdftotext");
    String::from_utf8(out.stdout).unwrap()
}

/// A letter's title: its first Markdown heading.
fn title(md: &str) -> String {
    md.lines().find_map(|l| l.strip_prefix("# ")).unwrap().trim().to_string()
}

#[test]
fn report_prints_with_each_letter_on_its_own_page() {
    let Some(found) = tools::require_tools(&[
        ("chromium", "chromium"),
        ("pdftotext", "poppler-utils"),
        ("pdfinfo", "poppler-utils"),
    ]) else {
        return;
    };
    let chromium = &found[0];
    let fixtures = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bundle");
    for name in ["individual-guangdong", "enterprise-shanxi", "government-sichuan"] {
        let draft = fixtures.join(format!("{name}.toml"));
        let src = std::fs::read_to_string(&draft).unwrap_or_else(|e| panic!("cannot read {}: {e}", draft.display()));
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("bundle");
        bundle::write_bundle_using(&src, Some(&draft), &out, false, Lang::Zh, None, None).unwrap();
        let html = std::fs::read_to_string(out.join("report.html")).unwrap();
        // Self-contained: no external resources to fetch.
        for bad in ["<link", "<script", "src=\"http", "url(http", "@import"] {
            assert!(!html.contains(bad), "{name}: report.html references an external resource ({bad})");
        }
        let pdf = tmp.path().join("report.pdf");
        print_to_pdf(chromium, &out.join("report.html"), &pdf, &tmp.path().join("profile"));

        // Letters of ours and fill-in sheets for official forms each start a page.
        let mut letters: Vec<String> = ["letters", "sheets"]
            .iter()
            .filter_map(|d| std::fs::read_dir(out.join(d)).ok())
            .flat_map(|rd| rd.flatten())
            .map(|e| title(&std::fs::read_to_string(e.path()).unwrap()))
            .collect();
        letters.sort();
        assert!(!letters.is_empty(), "{name}: no letters");
        let n = pages(&pdf);
        assert!(n > letters.len(), "{name}: {n} pages for the report and {} letters", letters.len());
        assert!(
            n <= 3 + 2 * letters.len(),
            "{name}: {n} pages is more than expected: something overflows"
        );

        let texts: Vec<String> = (1..=n).map(|p| page_text(&pdf, p)).collect();
        let first_lines: Vec<String> = texts
            .iter()
            .map(|t| t.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("").to_string())
            .collect();
        assert!(
            first_lines[0].starts_with("备案资料包"),
            "{name}: page 1 starts with {:?}",
            first_lines[0]
        );
        for t in &letters {
            assert!(
                first_lines.iter().skip(1).any(|l| l == t),
                "{name}: letter {t} does not start a page; first lines: {first_lines:?}"
            );
        }
        // The Chinese text is real text in the PDF (fonts embedded, not boxes).
        let all = texts.concat();
        let principal = src.lines().find_map(|l| l.strip_prefix("name = \"")).unwrap().trim_end_matches('"');
        for want in ["材料清单", "待处理问题", "公安联网备案", principal] {
            assert!(all.contains(want), "{name}: PDF text lacks {want}");
        }
    }
}
