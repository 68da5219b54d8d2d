//! The keystore password prompt of `beian app inspect` on a real terminal.
//!
//! In a binary of its own: expectrl forks the test process to start the child, and a fork
//! while the other tests' threads allocate could leave the child stuck before exec (about
//! one run in five when this test shared tests/app_inspect.rs with sixteen others).

use std::path::PathBuf;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/app").join(name)
}

/// The password prompt on a real terminal: typed once per keystore, not echoed; a wrong one is
/// the same clear error as with --storepass-env.
#[cfg(unix)]
#[test]
fn the_password_is_asked_on_the_terminal() {
    use expectrl::{Eof, Expect, Session};
    for (typed, expect) in [("beian-test", "CN=Beian Test Upload"), ("nope", "wrong keystore password")] {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_beian"));
        cmd.args(["--lang", "en", "--color", "never", "app", "inspect"])
            .arg(fixture("upload.p12"))
            .env("BEIAN_CONFIG_DIR", "/nonexistent-beian-config")
            .env("TERM", "xterm");
        let mut p = Session::spawn(cmd).expect("spawn beian in a pty");
        // Two shared cores under a full `cargo test`: generous, as in tests/pty.rs.
        let secs = std::env::var("PTY_TIMEOUT").ok().and_then(|s| s.parse().ok()).unwrap_or(60);
        p.set_expect_timeout(Some(std::time::Duration::from_secs(secs)));
        p.expect("Keystore password for").expect("the prompt");
        // The prompt is printed before the terminal is switched to no-echo with TCSAFLUSH
        // (console's read_secure), which discards input typed ahead: a person cannot type
        // within that instant, a test can. Give the switch time before typing.
        std::thread::sleep(std::time::Duration::from_millis(300));
        p.send(format!("{typed}\r")).unwrap();
        let seen = p.expect(Eof).expect("the end of the output");
        let text = String::from_utf8_lossy(seen.as_bytes()).into_owned();
        assert!(text.contains(expect), "{text}");
        assert!(!text.contains(typed), "the password was echoed: {text}");
    }
}
