//! The terminal prompter on stderr. Text is read by a small line editor of our own (dialoguer's
//! `Input` ignores Esc, and Esc is "back"); selections are dialoguer's (`FuzzySelect`, type to
//! filter, for long lists), where Esc also means back. Each typed answer runs the flow's
//! validator, so a person sees the same explanation `check` gives; Enter on an empty required
//! answer says why. Personal data is echoed masked once the answer is accepted.

use super::prompter::{Asked, Choice, Interrupted, Prompter, Question, Reply, Validator};
use crate::diag::Lang;
use crate::pii::mask;
use console::{Key, Term, style};
use dialoguer::theme::ColorfulTheme;
use dialoguer::{Confirm, FuzzySelect, Select};

pub struct TtyPrompter {
    term: Term,
    theme: ColorfulTheme,
    lang: Lang,
}

impl TtyPrompter {
    pub fn new(lang: Lang) -> Self {
        TtyPrompter {
            term: Term::stderr(),
            theme: ColorfulTheme::default(),
            lang,
        }
    }

    fn with_hint(&self, help: &str, hint: &str) -> String {
        if self.lang == Lang::Zh {
            format!("{help}（{hint}）")
        } else {
            format!("{help} ({hint})")
        }
    }

    /// Show the question's help followed by the keys hint (or the hint alone).
    fn help_with(&mut self, q: &Question, hint: &str) {
        let mut shown = q.clone();
        shown.help = if q.help.is_empty() {
            hint.to_string()
        } else {
            self.with_hint(&q.help, hint)
        };
        self.help(&shown);
    }

    fn help(&self, q: &Question) {
        if !q.help.is_empty() {
            let _ = self.term.write_line(&format!("  {}", style(&q.help).dim()));
        }
    }
}

/// Break lines so none is wider than the terminal. dialoguer clears a refused answer's
/// explanation by counting lines; a line the terminal wraps would leave a row behind.
fn wrap(text: &str, width: usize) -> String {
    let max = width.saturating_sub(4).max(20);
    let mut out = Vec::new();
    for line in text.lines() {
        let mut cur = String::new();
        let mut w = 0;
        for c in line.chars() {
            let cw = console::measure_text_width(c.encode_utf8(&mut [0; 4]));
            if w + cw > max {
                out.push(std::mem::take(&mut cur));
                cur.push_str("    ");
                w = 4;
            }
            cur.push(c);
            w += cw;
        }
        out.push(cur);
    }
    out.join("\n")
}

/// While a secret is typed the terminal echoes nothing, also between two keys: console's raw
/// mode lasts one key, and a key arriving between two reads (typed fast, pasted) would
/// otherwise be echoed by the terminal itself. Restored when dropped.
struct NoEcho {
    #[cfg(unix)]
    saved: Option<libc::termios>,
}

impl NoEcho {
    fn new() -> Self {
        #[cfg(unix)]
        {
            // SAFETY: tcgetattr/tcsetattr on stdin with a termios we own; a descriptor that
            // is not a terminal makes them fail, and then nothing is changed or restored.
            unsafe {
                let mut t: libc::termios = std::mem::zeroed();
                if libc::isatty(libc::STDIN_FILENO) == 1 && libc::tcgetattr(libc::STDIN_FILENO, &mut t) == 0 {
                    let saved = t;
                    t.c_lflag &= !(libc::ECHO | libc::ECHONL);
                    if libc::tcsetattr(libc::STDIN_FILENO, libc::TCSANOW, &t) == 0 {
                        return NoEcho { saved: Some(saved) };
                    }
                }
            }
            NoEcho { saved: None }
        }
        #[cfg(not(unix))]
        NoEcho {}
    }
}

impl Drop for NoEcho {
    fn drop(&mut self) {
        #[cfg(unix)]
        if let Some(t) = &self.saved {
            // SAFETY: restores the settings read in `new` on the same descriptor.
            unsafe {
                libc::tcsetattr(libc::STDIN_FILENO, libc::TCSANOW, t);
            }
        }
    }
}

/// Ctrl-C, end of input or a closed terminal: stop; the draft is already saved.
fn stopped(_e: dialoguer::Error) -> Interrupted {
    Interrupted
}

impl TtyPrompter {
    /// One line of text; `None` = Esc.
    /// `secret`: nothing typed is shown, no default, and the accepted answer is not echoed.
    fn read_line(&self, q: &Question, default: Option<&str>, secret: bool, validate: Validator<'_>) -> Result<Option<String>, Interrupted> {
        let width = self.term.size_checked().map(|(_, w)| w as usize).unwrap_or(80);
        let default_hint = match default {
            Some(d) if !d.is_empty() => {
                let d = if q.pii { mask(d) } else { d.to_string() };
                format!(" {}", style(format!("[{d}]")).dim())
            }
            _ => String::new(),
        };
        let head = format!(
            "{} {}{} {} ",
            style("?").yellow(),
            style(&q.prompt).bold(),
            default_hint,
            style("›").dim()
        );
        loop {
            let mut buf: Vec<char> = Vec::new();
            let render = |buf: &[char]| {
                let _ = self.term.clear_line();
                let typed: String = if secret { String::new() } else { buf.iter().collect() };
                let _ = self.term.write_str(&format!("{head}{typed}"));
                let _ = self.term.flush();
            };
            render(&buf);
            loop {
                match self.term.read_key().map_err(|_| Interrupted)? {
                    Key::Enter => break,
                    Key::Escape => {
                        let _ = self.term.clear_line();
                        return Ok(None);
                    }
                    Key::Backspace => {
                        buf.pop();
                        render(&buf);
                    }
                    Key::Char(c) if !c.is_control() => {
                        buf.push(c);
                        render(&buf);
                    }
                    _ => {}
                }
            }
            let typed: String = buf.iter().collect();
            if secret && typed.is_empty() {
                let _ = self.term.clear_line();
                let _ = self
                    .term
                    .write_line(&format!("{} {} {}", style("✔").green(), q.prompt, style("·").dim()));
                return Ok(Some(typed));
            }
            let s = if secret {
                typed
            } else if typed.trim().is_empty() {
                default.unwrap_or("").to_string()
            } else {
                typed
            };
            match validate(&s) {
                Ok(()) => {
                    let shown = if secret {
                        style(if self.lang == Lang::Zh {
                            "已输入（不保存）"
                        } else {
                            "given (not saved)"
                        })
                        .dim()
                        .to_string()
                    } else if q.pii && !s.is_empty() {
                        mask(s.trim())
                    } else {
                        s.clone()
                    };
                    let _ = self.term.clear_line();
                    let _ = self
                        .term
                        .write_line(&format!("{} {} {} {}", style("✔").green(), q.prompt, style("·").dim(), shown));
                    return Ok(Some(s));
                }
                Err(e) => {
                    let _ = self.term.write_line("");
                    for line in wrap(&e, width).lines() {
                        let _ = self.term.write_line(&format!("{} {}", style("✘").red(), line));
                    }
                }
            }
        }
    }

    fn back_hint(&self) -> &'static str {
        if self.lang == Lang::Zh {
            "Esc 返回上一题"
        } else {
            "Esc goes back"
        }
    }
}

impl Prompter for TtyPrompter {
    fn input(&mut self, q: &Question, default: Option<&str>, validate: Validator<'_>) -> Asked<String> {
        let mut shown = q.clone();
        shown.help = if q.help.is_empty() {
            self.back_hint().to_string()
        } else {
            self.with_hint(&q.help, self.back_hint())
        };
        self.help(&shown);
        Ok(match self.read_line(q, default, false, validate)? {
            Some(s) => Reply::Answer(s),
            None => Reply::Back,
        })
    }

    fn secret(&mut self, q: &Question, validate: Validator<'_>) -> Asked<String> {
        let hint = if self.lang == Lang::Zh {
            "输入时不显示；Esc 返回上一题"
        } else {
            "not shown as you type; Esc goes back"
        };
        self.help_with(q, hint);
        let _no_echo = NoEcho::new();
        Ok(match self.read_line(q, None, true, validate)? {
            Some(s) => Reply::Answer(s),
            None => Reply::Back,
        })
    }

    fn select(&mut self, q: &Question, choices: &[Choice], default: usize) -> Asked<usize> {
        let long = choices.len() > 5;
        let hint = match (self.lang, long) {
            (Lang::Zh, false) => "↑↓ 选择，回车确认，Esc 返回上一题",
            (Lang::Zh, true) => "输入文字筛选，↑↓ 选择，回车确认，Esc 返回上一题",
            (Lang::En, false) => "↑↓ to move, Enter to choose, Esc to go back",
            (Lang::En, true) => "type to filter, ↑↓ to move, Enter to choose, Esc to go back",
        };
        self.help_with(q, hint);
        let labels: Vec<&str> = choices.iter().map(|c| c.label.as_str()).collect();
        let picked = if long {
            FuzzySelect::with_theme(&self.theme)
                .with_prompt(&q.prompt)
                .items(&labels)
                .default(default)
                .max_length(12)
                .interact_on_opt(&self.term)
                .map_err(stopped)?
        } else {
            Select::with_theme(&self.theme)
                .with_prompt(&q.prompt)
                .items(&labels)
                .default(default)
                .max_length(12)
                .interact_on_opt(&self.term)
                .map_err(stopped)?
        };
        Ok(match picked {
            Some(i) => Reply::Answer(i),
            None => Reply::Back,
        })
    }

    fn confirm(&mut self, q: &Question, default: bool) -> Asked<bool> {
        let hint = match (self.lang, default) {
            (Lang::Zh, true) => "按 y 表示“是”，n 表示“否”；直接回车 = 是；Esc 返回上一题",
            (Lang::Zh, false) => "按 y 表示“是”，n 表示“否”；直接回车 = 否；Esc 返回上一题",
            (Lang::En, true) => "y = yes, n = no; Enter = yes; Esc goes back",
            (Lang::En, false) => "y = yes, n = no; Enter = no; Esc goes back",
        };
        self.help_with(q, hint);
        let b = Confirm::with_theme(&self.theme)
            .with_prompt(&q.prompt)
            .default(default)
            .interact_on_opt(&self.term)
            .map_err(stopped)?;
        Ok(match b {
            Some(b) => Reply::Answer(b),
            None => Reply::Back,
        })
    }

    fn note(&mut self, text: &str) {
        for line in text.lines() {
            let _ = self.term.write_line(&format!("  {}", style(line).yellow()));
        }
    }

    fn heading(&mut self, text: &str) {
        let _ = self.term.write_line("");
        let _ = self.term.write_line(&format!("{}", style(text).bold().cyan()));
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn wraps_wide_text_to_the_terminal() {
        let s = super::wrap("原因：证件号码错误是常见的驳回与核查原因。\nok", 20);
        for line in s.lines() {
            assert!(console::measure_text_width(line) <= 20, "{line:?}");
        }
        assert!(s.ends_with("\nok"));
        assert_eq!(super::wrap("short", 80), "short");
    }
}
