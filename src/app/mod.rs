//! `beian app inspect`: read the signing certificates out of an APK, a keystore, a certificate
//! or an iOS provisioning profile, and compare them with a draft's APP platform.
//!
//! What a file is comes from its content, never its name: `PK\x03\x04` is a ZIP (APK),
//! `FEEDFEED` a JKS keystore, PEM text a certificate, and DER is tried as a certificate, a
//! PKCS#12 keystore (PFX version 3) and a CMS SignedData (a `.mobileprovision` or `.p7b`).

pub mod apk;
pub mod cert;
pub mod compare;
pub mod keystore;
pub mod manifest;
pub mod provision;
pub mod write;

use crate::diag::{Lang, Text};
use cert::CertInfo;
use std::path::{Path, PathBuf};

/// What is wrong with a file, in both languages (without the file name).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem(pub Text);

impl Problem {
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Self {
        Problem(Text::new(zh, en))
    }
}

/// A file that could not be inspected: exit 2 with one message naming it.
#[derive(Debug, Clone)]
pub struct InspectError {
    pub path: PathBuf,
    pub problem: Problem,
}

impl InspectError {
    pub fn message(&self, lang: Lang) -> String {
        format!("{}: {}", self.path.display(), self.problem.0.get(lang))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Apk,
    Jks,
    Pkcs12,
    Certificate,
    /// An iOS `.mobileprovision` (or any CMS SignedData: its certificates are listed).
    Provision,
}

impl Kind {
    pub fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Kind::Apk, Lang::Zh) => "APK 安装包",
            (Kind::Apk, Lang::En) => "APK",
            (Kind::Jks, Lang::Zh) => "JKS 密钥库",
            (Kind::Jks, Lang::En) => "JKS keystore",
            (Kind::Pkcs12, Lang::Zh) => "PKCS#12 密钥库",
            (Kind::Pkcs12, Lang::En) => "PKCS#12 keystore",
            (Kind::Certificate, Lang::Zh) => "证书",
            (Kind::Certificate, Lang::En) => "certificate",
            (Kind::Provision, Lang::Zh) => "iOS 描述文件（CMS 签名）",
            (Kind::Provision, Lang::En) => "iOS provisioning profile (CMS signed)",
        }
    }

    /// The platform (`os` of `[[app.platform]]`) a file of this kind belongs to, when it tells.
    pub fn os(self) -> Option<&'static str> {
        match self {
            Kind::Apk => Some("android"),
            Kind::Provision => Some("ios"),
            _ => None,
        }
    }

    pub fn is_keystore(self) -> bool {
        matches!(self, Kind::Jks | Kind::Pkcs12)
    }
}

#[derive(Debug, Clone)]
pub struct Signer {
    /// Where the certificate was found: `v2 signer 1`, `alias release`, `DeveloperCertificates #1`.
    pub source: String,
    pub cert: CertInfo,
}

#[derive(Debug, Clone)]
pub struct Inspected {
    pub path: PathBuf,
    pub kind: Kind,
    /// The APK's package name, or the Bundle ID a provisioning profile is for.
    pub package: Option<String>,
    pub schemes: Vec<String>,
    pub signers: Vec<Signer>,
}

impl Inspected {
    /// True when signer `k` issued another certificate of the same file: a CA certificate of a
    /// chain (a HarmonyOS `.cer` comes with its chain), not the one the filing asks for.
    pub fn is_ca(&self, k: usize) -> bool {
        let s = &self.signers[k].cert;
        self.signers
            .iter()
            .enumerate()
            .any(|(j, o)| j != k && o.cert.issuer == s.subject && o.cert.subject != s.subject)
    }

    /// The certificates that are not CA certificates of another one in the file.
    pub fn leaves(&self) -> Vec<&Signer> {
        (0..self.signers.len())
            .filter(|&k| !self.is_ca(k))
            .map(|k| &self.signers[k])
            .collect()
    }
}

/// How `inspect` gets a keystore password: asked for only when a keystore is met.
pub trait Passwords {
    fn password(&mut self, path: &Path) -> Result<String, Problem>;
}

/// Tests and `--storepass-env`: one password for every keystore.
pub struct FixedPassword(pub String);

impl Passwords for FixedPassword {
    fn password(&mut self, _: &Path) -> Result<String, Problem> {
        Ok(self.0.clone())
    }
}

/// Inspect one file already read into memory. `alias` keeps only that keystore entry.
pub fn inspect_bytes(path: &Path, bytes: &[u8], alias: Option<&str>, pw: &mut dyn Passwords) -> Result<Inspected, InspectError> {
    let err = |problem: Problem| InspectError {
        path: path.to_path_buf(),
        problem,
    };
    let mut out = Inspected {
        path: path.to_path_buf(),
        kind: Kind::Certificate,
        package: None,
        schemes: Vec::new(),
        signers: Vec::new(),
    };
    let signer = |source: String, cert: CertInfo| Signer { source, cert };
    if bytes.starts_with(b"PK\x03\x04") {
        let a = apk::read(bytes).map_err(err)?;
        out.kind = Kind::Apk;
        out.package = a.package;
        out.schemes = a.schemes;
        out.signers = a.certs.into_iter().map(|(s, c)| signer(s, c)).collect();
    } else if keystore::is_jks(bytes) || keystore::is_pkcs12(bytes) {
        let jks = keystore::is_jks(bytes);
        out.kind = if jks { Kind::Jks } else { Kind::Pkcs12 };
        let password = pw.password(path).map_err(err)?;
        let entries = if jks {
            keystore::read_jks(bytes, &password)
        } else {
            keystore::read_pkcs12(bytes, &password)
        }
        .map_err(err)?;
        let names: Vec<String> = entries.iter().map(|(a, _)| a.clone()).collect();
        for (a, chain) in entries {
            if alias.is_some_and(|want| !want.eq_ignore_ascii_case(&a)) {
                continue;
            }
            // The signer's certificate leads the chain; the CA certificates after it are not
            // what the consoles ask for.
            if let Some(first) = chain.first() {
                let what = format!("alias {a}");
                out.signers.push(signer(what.clone(), cert::from_der(first, &what).map_err(err)?));
            }
        }
        if out.signers.is_empty() {
            let list = names.join(", ");
            return Err(err(match alias {
                Some(a) => Problem::new(
                    format!("密钥库中没有别名“{a}”（有：{list}）"),
                    format!("the keystore has no alias \"{a}\" (it has: {list})"),
                ),
                None => Problem::new("密钥库中没有证书", "the keystore holds no certificate"),
            }));
        }
    } else if cert::looks_pem(bytes) {
        out.signers = cert::from_file(bytes)
            .map_err(err)?
            .into_iter()
            .enumerate()
            .map(|(i, c)| signer(format!("PEM #{}", i + 1), c))
            .collect();
    } else if bytes.first() == Some(&0x30) {
        if let Ok(c) = cert::from_der(bytes, "DER") {
            out.signers.push(signer("DER".to_string(), c));
        } else if let Ok(p) = provision::read(bytes) {
            out.kind = Kind::Provision;
            out.package = p.bundle_id;
            out.signers = p.certs.into_iter().map(|(s, c)| signer(s, c)).collect();
        } else if der_truncated(bytes) {
            return Err(err(Problem::new(
                "DER 数据不完整：文件比其声明的长度短（被截断？）",
                "the DER data is incomplete: the file is shorter than it declares (truncated?)",
            )));
        } else {
            return Err(err(not_recognised()));
        }
    } else {
        return Err(err(not_recognised()));
    }
    Ok(out)
}

/// A DER value whose header promises more bytes than the file has.
fn der_truncated(bytes: &[u8]) -> bool {
    use der::{Decode, Reader, SliceReader};
    let Ok(mut r) = SliceReader::new(bytes) else { return false };
    match der::Header::decode(&mut r) {
        Ok(h) => h.length() > r.remaining_len(),
        Err(e) => matches!(e.kind(), der::ErrorKind::Incomplete { .. }),
    }
}

fn not_recognised() -> Problem {
    Problem::new(
        "不是可识别的文件：应为 APK、JKS/PKCS#12 密钥库、DER/PEM 证书或 .mobileprovision",
        "not a file beian can read: expected an APK, a JKS/PKCS#12 keystore, a DER/PEM certificate or a .mobileprovision",
    )
}

pub fn inspect_file(path: &Path, alias: Option<&str>, pw: &mut dyn Passwords) -> Result<Inspected, InspectError> {
    let bytes = std::fs::read(path).map_err(|e| InspectError {
        path: path.to_path_buf(),
        problem: Problem::new(format!("无法读取：{e}"), format!("cannot be read: {e}")),
    })?;
    inspect_bytes(path, &bytes, alias, pw)
}
