//! Text from a draft on its way out: a draft is untrusted input, and a name holding
//! `ESC ] 0;… BEL`, `ESC [31m`, a carriage return or a bidi override would retitle the
//! terminal, recolour or overwrite the report, or reorder what a reviewer reads.
//!
//! - [`sanitize_display`]: for every human- and CI-facing output (table, CSV, GitHub, stderr,
//!   the wizard, the bundle's Markdown): control, bidi and invisible format characters become
//!   visible escapes such as `\u{1b}`; line feeds and tabs stay (layout, not commands).
//! - [`display`]: [`crate::pii::mask_text`], then [`sanitize_display`]: what a reporter calls
//!   on any text that may hold draft values.
//! - [`EscapeWriter`]: for JSON, SARIF and JUnit, whose serialisers already escape C0: it
//!   escapes C1, bidi and invisible format characters in the byte stream (`\u202e` in JSON,
//!   `&#x202E;` in XML), which keeps the document's meaning and makes them visible.
//! - [`csv_cell`]: a cell a spreadsheet would run as a formula gets a leading `'` (OWASP).

use std::borrow::Cow;
use std::io::{self, Write};

/// A character that must not reach a terminal or a reviewer's eyes as itself.
pub fn is_hostile(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{61c}' | '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}'
        | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
}

/// The length in bytes of the character [`is_hostile`] refuses that starts at `b[i]` (0 when
/// none does), read from the UTF-8 bytes: every report passes through here, and decoding
/// each character of Chinese text to test it cost a sixth of a batch's time. `ascii`: also
/// the C0 controls and DEL (a machine format's serialiser already escapes those).
fn hostile_len(b: &[u8], i: usize, ascii: bool) -> usize {
    let next = |k: usize| b.get(i + k).copied().unwrap_or(0);
    match b[i] {
        0x00..=0x08 | 0x0b..=0x1f | 0x7f => usize::from(ascii),
        // U+0080–U+009F (C1).
        0xC2 if (0x80..=0x9f).contains(&next(1)) => 2,
        // U+061C (Arabic letter mark).
        0xD8 if next(1) == 0x9c => 2,
        // U+200B–U+200F, U+2028–U+202E, U+2060–U+2064, U+2066–U+2069.
        0xE2 => match (next(1), next(2)) {
            (0x80, 0x8b..=0x8f | 0xa8..=0xae) | (0x81, 0xa0..=0xa4 | 0xa6..=0xa9) => 3,
            _ => 0,
        },
        // U+FEFF.
        0xEF if next(1) == 0xbb && next(2) == 0xbf => 3,
        _ => 0,
    }
}

/// The first hostile character in `b` at or after `from`: its position and length.
fn find_hostile(b: &[u8], from: usize, ascii: bool) -> Option<(usize, usize)> {
    if ascii {
        (from..b.len()).find_map(|i| match hostile_len(b, i, true) {
            0 => None,
            n => Some((i, n)),
        })
    } else {
        // Only C2, D8, E2 and EF can start one. The first three are rare in Chinese text; EF
        // leads every full-width comma and bracket, and only EF BB BF (U+FEFF) is hostile, so
        // that sequence is searched for whole instead of testing every EF.
        let hit = memchr::memchr3_iter(0xC2, 0xD8, 0xE2, &b[from..])
            .map(|k| from + k)
            .find_map(|i| match hostile_len(b, i, false) {
                0 => None,
                n => Some((i, n)),
            });
        let end = hit.map_or(b.len(), |(i, _)| i);
        match memchr::memmem::find(&b[from..end], "\u{feff}".as_bytes()) {
            Some(k) => Some((from + k, 3)),
            None => hit,
        }
    }
}

/// Replace every control, bidi and invisible format character by a visible escape
/// (`\u{1b}`). `\n` and `\t` stay. Borrowed when there is nothing to replace.
pub fn sanitize_display(s: &str) -> Cow<'_, str> {
    if find_hostile(s.as_bytes(), 0, true).is_none() {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_hostile(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// What a human- or CI-facing reporter writes for text that may hold draft values:
/// identifiers masked, then hostile characters made visible.
pub fn display(s: &str) -> String {
    let masked = crate::pii::mask_text(s);
    match sanitize_display(&masked) {
        Cow::Borrowed(_) => masked,
        Cow::Owned(o) => o,
    }
}

/// At most `max` characters of `s`; a longer text ends with how many were left out, so that
/// laying out a table never depends on how long a value in the draft is.
pub fn cut(s: &str, max: usize, lang: crate::diag::Lang) -> Cow<'_, str> {
    let Some((end, _)) = s.char_indices().nth(max) else {
        return Cow::Borrowed(s);
    };
    let left = s[end..].chars().count();
    Cow::Owned(match lang {
        crate::diag::Lang::Zh => format!("{}…（另有 {left} 个字符未显示）", &s[..end]),
        crate::diag::Lang::En => format!("{}… ({left} more characters not shown)", &s[..end]),
    })
}

/// A CSV cell that a spreadsheet would evaluate (`=`, `+`, `-`, `@`, tab, CR first) is
/// prefixed with `'`, as OWASP's CSV-injection advice says; the csv crate then quotes it.
/// Plain negative numbers stay numbers (`-3`).
pub fn csv_cell(s: &str) -> Cow<'_, str> {
    let Some(first) = s.chars().next() else { return Cow::Borrowed(s) };
    let formula = matches!(first, '=' | '+' | '-' | '@' | '\t' | '\r' | '＝' | '＋' | '－' | '＠');
    let number = s.len() > 1 && matches!(first, '-' | '+') && s[1..].bytes().all(|b| b.is_ascii_digit() || b == b'.');
    if formula && !number {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

/// How [`EscapeWriter`] spells an escaped character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    /// `\u202e` (inside JSON strings, where these characters can only occur).
    Json,
    /// `&#x202E;` (XML text and attribute values).
    Xml,
}

/// A writer that escapes C1, bidi and invisible format characters in UTF-8 output. Every
/// such character is outside ASCII, so in JSON and XML it can only occur inside a string or
/// text, where the escape means the same character.
pub struct EscapeWriter<W: Write> {
    inner: W,
    syntax: Syntax,
    /// The start of a UTF-8 sequence cut by a write boundary.
    pending: Vec<u8>,
}

impl<W: Write> EscapeWriter<W> {
    pub fn new(inner: W, syntax: Syntax) -> Self {
        EscapeWriter {
            inner,
            syntax,
            pending: Vec::new(),
        }
    }

    fn escape(&self, c: char) -> String {
        match self.syntax {
            Syntax::Json => format!("\\u{:04x}", c as u32),
            Syntax::Xml => format!("&#x{:X};", c as u32),
        }
    }

    fn emit(&mut self, bytes: &[u8]) -> io::Result<()> {
        let mut start = 0;
        while let Some((i, n)) = find_hostile(bytes, start, false) {
            self.inner.write_all(&bytes[start..i])?;
            // The bytes are one whole character (hostile_len matched all of them).
            let c = std::str::from_utf8(&bytes[i..i + n]).ok().and_then(|t| t.chars().next());
            if let Some(c) = c {
                self.inner.write_all(self.escape(c).as_bytes())?;
            }
            start = i + n;
        }
        self.inner.write_all(&bytes[start..])
    }
}

/// How many bytes the UTF-8 sequence that starts with `lead` has.
fn utf8_len(lead: u8) -> usize {
    match lead {
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF7 => 4,
        _ => 1,
    }
}

/// Bytes at the end of `b` that start a UTF-8 sequence not yet complete.
fn incomplete_tail(b: &[u8]) -> usize {
    for back in 1..=3.min(b.len()) {
        let byte = b[b.len() - back];
        if byte & 0xC0 != 0x80 {
            let need = utf8_len(byte);
            return if need > back { back } else { 0 };
        }
    }
    0
}

impl<W: Write> Write for EscapeWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        // A character cut by the previous write is completed first; the buffer itself is not
        // copied (reports are written in large blocks).
        let mut buf_at = 0;
        if !self.pending.is_empty() {
            let need = utf8_len(self.pending[0]).saturating_sub(self.pending.len());
            let take = need.min(buf.len());
            self.pending.extend_from_slice(&buf[..take]);
            buf_at = take;
            if take < need {
                return Ok(buf.len());
            }
            let done = std::mem::take(&mut self.pending);
            self.emit(&done)?;
        }
        let rest = &buf[buf_at..];
        let keep = incomplete_tail(rest);
        self.emit(&rest[..rest.len() - keep])?;
        self.pending.extend_from_slice(&rest[rest.len() - keep..]);
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        if !self.pending.is_empty() {
            let rest = std::mem::take(&mut self.pending);
            self.inner.write_all(&rest)?;
        }
        self.inner.flush()
    }
}

impl<W: Write> Drop for EscapeWriter<W> {
    fn drop(&mut self) {
        let _ = self.flush();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte-level test refuses exactly the characters `is_hostile` names, every one of
    /// them, in both modes (the machine mode leaves ASCII to the serialiser).
    #[test]
    fn byte_scan_agrees_with_is_hostile_for_every_character() {
        let mut buf = [0u8; 4];
        for c in (0..=0x10ffffu32).filter_map(char::from_u32) {
            let b = c.encode_utf8(&mut buf).as_bytes();
            let want = is_hostile(c);
            assert_eq!(hostile_len(b, 0, true) != 0, want, "{c:?}");
            assert_eq!(hostile_len(b, 0, false) != 0, want && !c.is_ascii(), "{c:?}");
            if want {
                assert_eq!(hostile_len(b, 0, true), b.len(), "{c:?}");
            }
            // The scan over text finds it between full-width punctuation (EF lead bytes).
            let text = format!("，{c}（");
            let found = find_hostile(text.as_bytes(), 0, false);
            assert_eq!(found, (want && !c.is_ascii()).then_some((3, b.len())), "{c:?}");
        }
    }

    /// Written in pieces of any size, the stream escapes the same as written whole.
    #[test]
    fn escape_writer_is_independent_of_write_boundaries() {
        let text = "名称“示例”（测试）\u{202e}abc\u{200b}\u{feff}\u{85}\u{61c}…，结束";
        let whole = {
            let mut out = Vec::new();
            EscapeWriter::new(&mut out, Syntax::Json).write_all(text.as_bytes()).unwrap();
            out
        };
        assert_eq!(
            String::from_utf8(whole.clone()).unwrap(),
            "名称“示例”（测试）\\u202eabc\\u200b\\ufeff\\u0085\\u061c…，结束"
        );
        for size in 1..8 {
            let mut out = Vec::new();
            {
                let mut w = EscapeWriter::new(&mut out, Syntax::Json);
                for chunk in text.as_bytes().chunks(size) {
                    w.write_all(chunk).unwrap();
                }
            }
            assert_eq!(out, whole, "pieces of {size}");
        }
    }

    #[test]
    fn escapes_terminal_commands_and_bidi() {
        assert_eq!(sanitize_display("a\u{1b}]0;x\u{7}b"), "a\\u{1b}]0;x\\u{7}b");
        assert_eq!(sanitize_display("\u{1b}[31mred"), "\\u{1b}[31mred");
        assert_eq!(sanitize_display("abc\u{202e}fed"), "abc\\u{202e}fed");
        assert_eq!(sanitize_display("cr\rover"), "cr\\u{d}over");
        assert_eq!(sanitize_display("c1\u{9b}31m"), "c1\\u{9b}31m");
        assert!(matches!(sanitize_display("两行\n\t正常"), Cow::Borrowed(_)));
    }

    #[test]
    fn long_values_are_cut_saying_how_much() {
        use crate::diag::Lang;
        assert_eq!(cut("短", 5, Lang::Zh), "短");
        assert_eq!(cut("abcdefgh", 3, Lang::En), "abc… (5 more characters not shown)");
        assert_eq!(cut("一二三四", 2, Lang::Zh), "一二…（另有 2 个字符未显示）");
    }

    #[test]
    fn csv_cells_cannot_be_formulas() {
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(csv_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_cell("+1+1"), "'+1+1");
        assert_eq!(csv_cell("-1+cmd"), "'-1+cmd");
        assert_eq!(csv_cell("\tx"), "'\tx");
        assert_eq!(csv_cell("-3"), "-3");
        assert_eq!(csv_cell("示例公司"), "示例公司");
        assert_eq!(csv_cell(""), "");
    }

    #[test]
    fn escape_writer_handles_split_sequences() {
        let text = "{\"n\":\"a\u{202e}b\u{85}c\u{2066}d 中文\"}";
        for chunk in 1..6 {
            let mut out = Vec::new();
            {
                let mut w = EscapeWriter::new(&mut out, Syntax::Json);
                for part in text.as_bytes().chunks(chunk) {
                    w.write_all(part).unwrap();
                }
                w.flush().unwrap();
            }
            let s = String::from_utf8(out).unwrap();
            assert_eq!(s, "{\"n\":\"a\\u202eb\\u0085c\\u2066d 中文\"}");
            let v: serde_json::Value = serde_json::from_str(&s).unwrap();
            assert_eq!(v["n"], "a\u{202e}b\u{85}c\u{2066}d 中文");
        }
        let mut out = Vec::new();
        EscapeWriter::new(&mut out, Syntax::Xml).write_all("x\u{202e}y".as_bytes()).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "x&#x202E;y");
    }
}
