//! `beian app inspect FILE...`: the report on stdout (table or JSON), the password prompt and
//! `--write` notes on stderr. Exit 1 when a finding is an error, 2 when a file or the draft
//! cannot be read.

use crate::app::compare::{self, Target};
use crate::app::{self, Inspected, Passwords, Problem, cert::colons, write};
use crate::cli::{InspectArgs, InspectFormat};
use crate::diag::{Finding, Lang, Severity};
use crate::i18n::Msg;
use crate::rules::RuleSet;
use anyhow::{Result, anyhow};
use serde_json::json;
use std::io::{IsTerminal, Write};
use std::path::Path;

/// Asks on the terminal (stderr), once per keystore.
struct Prompt {
    lang: Lang,
}

impl Passwords for Prompt {
    fn password(&mut self, path: &Path) -> Result<String, Problem> {
        let no = || Problem::new(Msg::AppNoPassword.text(Lang::Zh), Msg::AppNoPassword.text(Lang::En));
        if !std::io::stdin().is_terminal() || !std::io::stderr().is_terminal() {
            return Err(no());
        }
        dialoguer::Password::new()
            .with_prompt(Msg::AppPasswordPrompt.fmt(self.lang, &[("file", &path.display().to_string())]))
            .allow_empty_password(true)
            .interact()
            .map_err(|_| no())
    }
}

pub struct Outcome {
    pub files: Vec<Inspected>,
    pub findings: Vec<Finding>,
    pub as_of: chrono::NaiveDate,
}

struct DraftDoc {
    path: std::path::PathBuf,
    doc: toml_edit::DocumentMut,
    draft: crate::draft::Draft,
}

fn read_draft(path: &Path, lang: Lang) -> Result<DraftDoc> {
    let unreadable =
        |detail: String| anyhow!(Msg::AppDraftUnreadable.fmt(lang, &[("file", &path.display().to_string()), ("detail", &detail)]));
    let text = std::fs::read_to_string(path).map_err(|e| unreadable(e.to_string()))?;
    let doc: toml_edit::DocumentMut = text
        .parse()
        .map_err(|e: toml_edit::TomlError| unreadable(e.to_string().trim().to_string()))?;
    // toml_edit accepted it, so the reader has a draft too; `beian check` reports its findings.
    let draft = crate::draft::load_str(&text).draft.ok_or_else(|| unreadable("TOML".to_string()))?;
    Ok(DraftDoc {
        path: path.to_path_buf(),
        doc,
        draft,
    })
}

fn target_for(d: &DraftDoc, args: &InspectArgs, i: &Inspected, lang: Lang) -> Result<Target> {
    compare::resolve(&d.draft, args.app.unwrap_or(0), args.platform, i.kind.os())
        .map_err(|p| anyhow!("{}: {}", d.path.display(), p.0.get(lang)))
}

/// Inspect the files, compare with the draft and (with `--write`) fill it in.
pub fn run(rules: &RuleSet, args: &InspectArgs, lang: Lang, pw: &mut dyn Passwords, notes: &mut dyn Write) -> Result<Outcome> {
    let mut draft = args.draft.as_deref().map(|p| read_draft(p, lang)).transpose()?;
    let mut files = Vec::new();
    for f in &args.files {
        files.push(app::inspect_file(f, args.alias.as_deref(), pw).map_err(|e| anyhow!(e.message(lang)))?);
    }
    if args.write
        && let Some(d) = draft.as_mut()
    {
        let mut done = Vec::new();
        for i in &files {
            let t = target_for(d, args, i, lang)?;
            let refused =
                |p: Problem| anyhow!(Msg::AppWriteRefused.fmt(lang, &[("file", &i.path.display().to_string()), ("detail", p.0.get(lang))]));
            let changes = write::changes(i, &t).map_err(refused)?;
            done.extend(write::apply(&mut d.doc, &t, &changes).map_err(refused)?);
        }
        let text = d.doc.to_string();
        write::atomic_write(&d.path, &text).map_err(|e| {
            anyhow!(Msg::AppDraftUnreadable.fmt(lang, &[("file", &d.path.display().to_string()), ("detail", &e.to_string())]))
        })?;
        if let Some(reread) = crate::draft::load_str(&text).draft {
            d.draft = reread;
        }
        let shown = d.path.display().to_string();
        for (field, value) in done {
            writeln!(
                notes,
                "beian: {}",
                Msg::AppWrote.fmt(lang, &[("file", &shown), ("field", &field), ("value", &value)])
            )?;
        }
    }
    let as_of = args
        .as_of
        .or_else(|| draft.as_ref().and_then(|d| d.draft.filing_date))
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let mut findings = Vec::new();
    for i in &files {
        let target = draft.as_ref().map(|d| target_for(d, args, i, lang)).transpose()?;
        let typed = draft.as_ref().map(|d| &d.draft);
        findings.extend(compare::findings(rules, i, target.as_ref(), typed, as_of));
    }
    Ok(Outcome { files, findings, as_of })
}

/// The command as `main` calls it: the password source from the arguments, the report on `out`.
pub fn inspect(out: &mut dyn Write, rules: &RuleSet, args: &InspectArgs, lang: Lang) -> Result<u8> {
    let mut prompt = Prompt { lang };
    let mut fixed;
    let pw: &mut dyn Passwords = match &args.storepass_env {
        Some(name) => {
            let value = std::env::var(name).map_err(|_| anyhow!(Msg::AppPasswordEnvMissing.fmt(lang, &[("name", name)])))?;
            fixed = app::FixedPassword(value);
            &mut fixed
        }
        None => &mut prompt,
    };
    let o = run(rules, args, lang, pw, &mut std::io::stderr())?;
    match args.format {
        InspectFormat::Table => table(out, &o, lang, args.draft.is_some())?,
        InspectFormat::Json => json_report(out, &o, lang)?,
    }
    Ok(if o.findings.iter().any(|f| f.severity == Severity::Error) {
        1
    } else {
        0
    })
}

/// Where a certificate was found, for the table: the identifiers (`v2 signer 1`, `alias
/// release`) stay as they are in JSON.
fn source_text(source: &str, lang: Lang) -> String {
    if lang == Lang::En {
        return source.to_string();
    }
    if let Some(alias) = source.strip_prefix("alias ") {
        return format!("别名 {alias}");
    }
    source.replace(" signer ", " 签名者 ")
}

/// `label` padded to `width` terminal columns (a Chinese character takes two).
fn pad(label: &str, width: usize) -> String {
    let w = console::measure_text_width(label);
    format!("{label}{}", " ".repeat(width.saturating_sub(w)))
}

const LABELS: &[Msg] = &[
    Msg::AppKind,
    Msg::AppPackage,
    Msg::AppSchemes,
    Msg::AppSubject,
    Msg::AppIssuer,
    Msg::AppSerial,
    Msg::AppValidity,
    Msg::AppKeyKind,
    Msg::AppModulus,
    Msg::AppSpki,
    Msg::AppPublicKeyMd5,
];

fn table(out: &mut dyn Write, o: &Outcome, lang: Lang, with_draft: bool) -> Result<()> {
    let w = LABELS.iter().map(|m| console::measure_text_width(m.text(lang))).max().unwrap_or(0) + 4;
    for (n, i) in o.files.iter().enumerate() {
        if n > 0 {
            writeln!(out)?;
        }
        writeln!(out, "{}", i.path.display())?;
        writeln!(out, "  {} {}", pad(Msg::AppKind.text(lang), w - 2), i.kind.name(lang))?;
        if let Some(p) = &i.package {
            writeln!(out, "  {} {p}", pad(Msg::AppPackage.text(lang), w - 2))?;
        }
        if !i.schemes.is_empty() {
            writeln!(out, "  {} {}", pad(Msg::AppSchemes.text(lang), w - 2), i.schemes.join(", "))?;
        }
        for (k, s) in i.signers.iter().enumerate() {
            let c = &s.cert;
            writeln!(
                out,
                "  {}",
                Msg::AppCertificate.fmt(lang, &[("n", &(k + 1).to_string()), ("source", &source_text(&s.source, lang))])
            )?;
            let row = |out: &mut dyn Write, label: &str, value: &str| writeln!(out, "    {} {value}", pad(label, w - 4));
            row(out, Msg::AppSubject.text(lang), &c.subject)?;
            row(out, Msg::AppIssuer.text(lang), &c.issuer)?;
            row(out, Msg::AppSerial.text(lang), &c.serial)?;
            let validity = format!(
                "{} — {}",
                c.not_before.format("%Y-%m-%d %H:%M:%S UTC"),
                c.not_after.format("%Y-%m-%d %H:%M:%S UTC")
            );
            row(out, Msg::AppValidity.text(lang), &validity)?;
            for (label, hex) in [("MD5", &c.md5), ("SHA-1", &c.sha1), ("SHA-256", &c.sha256)] {
                row(out, label, &colons(hex))?;
                row(out, "", hex)?;
            }
            row(out, Msg::AppKeyKind.text(lang), &c.key_kind)?;
            if let Some(m) = &c.rsa_modulus {
                row(out, Msg::AppModulus.text(lang), m)?;
            }
            row(out, Msg::AppSpki.text(lang), &c.spki)?;
            row(out, Msg::AppPublicKeyMd5.text(lang), &colons(&c.public_key_md5))?;
            if i.is_ca(k) {
                writeln!(out, "    {}", Msg::AppCaCertificate.text(lang))?;
            }
            if c.debug {
                writeln!(out, "    {}", Msg::AppDebugWarning.text(lang))?;
            }
            if c.not_after.date_naive() < o.as_of {
                let (na, d) = (c.not_after.format("%Y-%m-%d").to_string(), o.as_of.format("%Y-%m-%d").to_string());
                writeln!(out, "    {}", Msg::AppExpiredWarning.fmt(lang, &[("not_after", &na), ("date", &d)]))?;
            }
        }
    }
    writeln!(out)?;
    if o.findings.is_empty() {
        if with_draft {
            writeln!(out, "{}", Msg::AppNoFindings.text(lang))?;
        }
        return Ok(());
    }
    writeln!(out, "{}", Msg::AppFindings.text(lang))?;
    for f in &o.findings {
        let sev = match (f.severity, lang) {
            (Severity::Error, Lang::Zh) => "错误",
            (Severity::Warning, Lang::Zh) => "警告",
            (Severity::Info, Lang::Zh) => "提示",
            (s, Lang::En) => s.as_str(),
        };
        let line = f
            .pos
            .map(|p| Msg::AppAtLine.fmt(lang, &[("line", &p.line.to_string())]))
            .unwrap_or_default();
        writeln!(out, "  [{sev}] {} {}{line}: {}", f.rule, f.field, f.message.get(lang))?;
        if !f.fix.get(lang).is_empty() {
            writeln!(out, "      → {}", f.fix.get(lang))?;
        }
    }
    Ok(())
}

fn json_report(out: &mut dyn Write, o: &Outcome, lang: Lang) -> Result<()> {
    let files: Vec<_> = o
        .files
        .iter()
        .map(|i| {
            let certs: Vec<_> = i
                .signers
                .iter()
                .enumerate()
                .map(|(k, s)| {
                    let c = &s.cert;
                    json!({
                        "source": s.source,
                        "subject": c.subject,
                        "issuer": c.issuer,
                        "serial": c.serial,
                        "not_before": c.not_before.to_rfc3339(),
                        "not_after": c.not_after.to_rfc3339(),
                        "md5": c.md5, "md5_colons": colons(&c.md5),
                        "sha1": c.sha1, "sha1_colons": colons(&c.sha1),
                        "sha256": c.sha256, "sha256_colons": colons(&c.sha256),
                        "key": c.key_kind,
                        "rsa_modulus": c.rsa_modulus,
                        "spki": c.spki,
                        "public_key_md5": c.public_key_md5,
                        "debug": c.debug,
                        "ca": i.is_ca(k),
                        "expired": c.not_after.date_naive() < o.as_of,
                    })
                })
                .collect();
            json!({
                "path": i.path.display().to_string(),
                "kind": i.kind,
                "package": i.package,
                "schemes": i.schemes,
                "certificates": certs,
            })
        })
        .collect();
    let findings: Vec<_> = o
        .findings
        .iter()
        .map(|f| {
            json!({
                "rule": f.rule,
                "severity": f.severity,
                "field": f.field,
                "line": f.pos.map(|p| p.line),
                "message": f.message.get(lang),
                "fix": f.fix.get(lang),
                "source": f.source,
            })
        })
        .collect();
    let doc = json!({ "as_of": o.as_of.to_string(), "files": files, "findings": findings });
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)?;
    Ok(())
}
