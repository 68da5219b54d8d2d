//! When to colour: never when `NO_COLOR` is set to a non-empty value (the project's rule: "never
//! with NO_COLOR", so it beats even `--color always`); otherwise `--color always|never` decide,
//! and `auto` colours only a terminal whose `TERM` is not `dumb`.

use crate::cli::ColorArg;
use std::io::IsTerminal;

/// The decision, with the environment passed in so that it can be tested.
pub fn decide(choice: ColorArg, is_terminal: bool, no_color: Option<&str>, term: Option<&str>) -> bool {
    if no_color.is_some_and(|v| !v.is_empty()) {
        return false;
    }
    match choice {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => is_terminal && term != Some("dumb"),
    }
}

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok()
}

pub fn stdout(choice: ColorArg) -> bool {
    decide(
        choice,
        std::io::stdout().is_terminal(),
        env("NO_COLOR").as_deref(),
        env("TERM").as_deref(),
    )
}

pub fn stderr(choice: ColorArg) -> bool {
    decide(
        choice,
        std::io::stderr().is_terminal(),
        env("NO_COLOR").as_deref(),
        env("TERM").as_deref(),
    )
}

/// The same choice for clap's help and usage errors.
pub fn clap_choice(choice: ColorArg) -> clap::ColorChoice {
    match choice {
        ColorArg::Auto if env("NO_COLOR").is_some_and(|v| !v.is_empty()) => clap::ColorChoice::Never,
        ColorArg::Auto => clap::ColorChoice::Auto,
        ColorArg::Always => clap::ColorChoice::Always,
        ColorArg::Never => clap::ColorChoice::Never,
    }
}

/// Wrap `text` in an SGR colour when `on`.
pub fn paint(on: bool, sgr: &str, text: &str) -> String {
    if on {
        format!("\x1b[{sgr}m{text}\x1b[0m")
    } else {
        text.to_string()
    }
}

pub const RED: &str = "1;31";
pub const YELLOW: &str = "33";
pub const GREEN: &str = "32";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_terminals_and_never_with_no_color() {
        assert!(decide(ColorArg::Auto, true, None, Some("xterm")));
        assert!(!decide(ColorArg::Auto, false, None, Some("xterm")));
        assert!(!decide(ColorArg::Auto, true, Some("1"), Some("xterm")));
        assert!(decide(ColorArg::Auto, true, Some(""), Some("xterm")));
        assert!(!decide(ColorArg::Auto, true, None, Some("dumb")));
        assert!(!decide(ColorArg::Never, true, None, None));
        assert!(decide(ColorArg::Always, false, None, None));
        assert!(
            !decide(ColorArg::Always, true, Some("1"), None),
            "NO_COLOR wins over --color always"
        );
        assert_eq!(paint(false, RED, "x"), "x");
        assert_eq!(paint(true, RED, "x"), "\x1b[1;31mx\x1b[0m");
    }
}
