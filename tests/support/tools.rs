//! The one policy for tests that drive an external program (a browser, a shell, a validator):
//! `cargo test` must pass on a machine with only Rust, and CI must still prove every such test.
//!
//! - The tool is on PATH: the test gets its path and runs.
//! - It is missing: one line on stderr, `skipped: <test>: needs `<tool>` (Debian package <pkg>)`,
//!   and the test returns early (it passes, having checked nothing, and says so).
//! - It is missing and `BEIAN_REQUIRE_TOOLS=1` (set by `.ci/run`, which installs the tools):
//!   the test fails with the same words.
//!
//! Use it from a test file with
//!
//! ```ignore
//! #[path = "support/tools.rs"]
//! mod tools;
//! let Some(xmllint) = tools::require_tool("xmllint", "libxml2-utils") else { return };
//! ```

#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};

/// The environment variable that turns a skip into a failure.
pub const REQUIRE_VAR: &str = "BEIAN_REQUIRE_TOOLS";

/// `tool` found on PATH (an executable file), or `None` after printing the skip line. Panics
/// instead of skipping when `BEIAN_REQUIRE_TOOLS=1`.
pub fn require_tool(tool: &str, package: &str) -> Option<PathBuf> {
    require_tool_via(tool, &format!("Debian package {package}"))
}

/// Like [`require_tool`] for a tool that no Debian package brings: `how` says where it comes
/// from (`"npm package @taplo/cli"`).
pub fn require_tool_via(tool: &str, how: &str) -> Option<PathBuf> {
    match find(tool) {
        Some(p) => Some(p),
        None => {
            missing(&[(tool, how.to_string())]);
            None
        }
    }
}

/// Several tools a test needs together (tool, Debian package): all of their paths, or `None`
/// after one skip line per missing tool (or a failure naming them all, with
/// `BEIAN_REQUIRE_TOOLS=1`).
pub fn require_tools(tools: &[(&str, &str)]) -> Option<Vec<PathBuf>> {
    let found: Vec<Option<PathBuf>> = tools.iter().map(|(t, _)| find(t)).collect();
    let absent: Vec<(&str, String)> = tools
        .iter()
        .zip(&found)
        .filter(|(_, f)| f.is_none())
        .map(|((t, p), _)| (*t, format!("Debian package {p}")))
        .collect();
    if absent.is_empty() {
        Some(found.into_iter().flatten().collect())
    } else {
        missing(&absent);
        None
    }
}

fn missing(absent: &[(&str, String)]) {
    let test = test_name();
    let lines: Vec<String> = absent
        .iter()
        .map(|(tool, how)| format!("skipped: {test}: needs `{tool}` ({how})"))
        .collect();
    if std::env::var(REQUIRE_VAR).is_ok_and(|v| v == "1") {
        panic!(
            "{}\n{REQUIRE_VAR}=1: a test may not skip; install the package (.ci/run does)",
            lines.join("\n").replacen("skipped: ", "", lines.len())
        );
    }
    // Straight to the process's stderr: the harness captures `eprintln!` of a passing test,
    // and a skip nobody sees is the silent skip this policy exists to prevent.
    let mut err = std::io::stderr().lock();
    for l in lines {
        let _ = writeln!(err, "{l}");
    }
}

/// The harness runs each test on a thread named after it (`module::test`); with one test
/// thread it may be `main`, and the line still names the tool.
fn test_name() -> String {
    std::thread::current().name().unwrap_or("test").to_string()
}

fn find(tool: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).map(|d| d.join(tool)).find(|p| is_executable(p))
}

#[cfg(unix)]
fn is_executable(p: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

#[cfg(not(unix))]
fn is_executable(p: &Path) -> bool {
    p.is_file() || p.with_extension("exe").is_file()
}
