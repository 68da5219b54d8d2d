//! One X.509 certificate → what the filing consoles ask for (x509-parser reads the DER; the
//! digests are over the whole DER certificate, which is what keytool, apksigner and the
//! consoles call the certificate fingerprint). Also certificate files: DER or PEM `.cer`/`.crt`.

use super::Problem;
use chrono::{DateTime, Utc};
use md5::Md5;
use sha1::Sha1;
use sha2::{Digest, Sha256};
use x509_parser::prelude::{FromDer, X509Certificate};
use x509_parser::public_key::PublicKey;

/// A signing certificate as the report shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertInfo {
    /// Most specific attribute first (`CN=…, O=…, C=…`), as keytool and apksigner print it.
    pub subject: String,
    pub issuer: String,
    /// Hex, upper-case, colon-separated (keytool prints it without leading zeros, in lower case).
    pub serial: String,
    pub not_before: DateTime<Utc>,
    pub not_after: DateTime<Utc>,
    /// Upper-case hex without separators.
    pub md5: String,
    pub sha1: String,
    pub sha256: String,
    /// `RSA 2048`, `EC`, …
    pub key_kind: String,
    /// RSA modulus in hex (no leading zero byte), as jadx or Java's `BigInteger.toString(16)` print it.
    pub rsa_modulus: Option<String>,
    /// The DER SubjectPublicKeyInfo in hex (`openssl x509 -pubkey | openssl pkey -pubin -outform DER`).
    pub spki: String,
    /// MD5 of the public key (apksigner prints it next to the certificate's): shown so that
    /// a draft holding it can be recognised as the wrong value.
    pub public_key_md5: String,
    /// CN=Android Debug: the key Android Studio signs debug builds with.
    pub debug: bool,
    pub der: Vec<u8>,
}

pub fn hex_upper(bytes: &[u8]) -> String {
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push_str(&format!("{b:02X}"));
    }
    s
}

/// `AB:CD:…`, the form keytool, openssl and most consoles' examples use.
pub fn colons(hex: &str) -> String {
    let mut s = String::with_capacity(hex.len() * 3 / 2);
    for (i, c) in hex.chars().enumerate() {
        if i > 0 && i % 2 == 0 {
            s.push(':');
        }
        s.push(c);
    }
    s
}

fn name_string(name: &x509_parser::x509::X509Name<'_>) -> String {
    let registry = x509_parser::objects::oid_registry();
    let rdns: Vec<_> = name.iter_rdn().collect();
    let mut parts = Vec::new();
    for rdn in rdns.iter().rev() {
        for atv in rdn.iter() {
            let key = x509_parser::objects::oid2abbrev(atv.attr_type(), registry)
                .map(str::to_string)
                .unwrap_or_else(|_| atv.attr_type().to_id_string());
            let key = match key.as_str() {
                "stateOrProvinceName" => "ST".to_string(),
                "userIdentifier" | "uid" => "UID".to_string(),
                _ => key,
            };
            let value = atv
                .as_str()
                .map(str::to_string)
                .unwrap_or_else(|_| hex_upper(atv.attr_value().data));
            parts.push(format!("{key}={value}"));
        }
    }
    parts.join(", ")
}

fn time(t: &x509_parser::time::ASN1Time) -> DateTime<Utc> {
    DateTime::from_timestamp(t.timestamp(), 0).unwrap_or_default()
}

/// Read one DER certificate. `what` names it in errors (e.g. `META-INF/CERT.RSA`).
pub fn from_der(der: &[u8], what: &str) -> Result<CertInfo, Problem> {
    let (rest, cert) = X509Certificate::from_der(der).map_err(|e| {
        Problem::new(
            format!("{what}: 证书无法解析：{e}"),
            format!("{what}: the certificate does not parse: {e}"),
        )
    })?;
    let der = &der[..der.len() - rest.len()];
    let spki = cert.public_key();
    let (key_kind, rsa_modulus) = match spki.parsed() {
        Ok(PublicKey::RSA(rsa)) => {
            let m: &[u8] = {
                let first = rsa.modulus.iter().position(|b| *b != 0).unwrap_or(rsa.modulus.len());
                &rsa.modulus[first..]
            };
            (format!("RSA {}", m.len() * 8), Some(hex_upper(m).to_ascii_lowercase()))
        }
        Ok(PublicKey::EC(_)) => ("EC".to_string(), None),
        Ok(PublicKey::DSA(_)) => ("DSA".to_string(), None),
        _ => (spki.algorithm.algorithm.to_id_string(), None),
    };
    let subject = name_string(cert.subject());
    let debug = cert
        .subject()
        .iter_common_name()
        .any(|cn| cn.as_str().is_ok_and(|s| s.trim().eq_ignore_ascii_case("Android Debug")));
    Ok(CertInfo {
        issuer: name_string(cert.issuer()),
        serial: colons(&hex_upper(cert.raw_serial())),
        not_before: time(&cert.validity().not_before),
        not_after: time(&cert.validity().not_after),
        md5: hex_upper(&Md5::digest(der)),
        sha1: hex_upper(&Sha1::digest(der)),
        sha256: hex_upper(&Sha256::digest(der)),
        key_kind,
        rsa_modulus,
        spki: hex_upper(spki.raw).to_ascii_lowercase(),
        public_key_md5: hex_upper(&Md5::digest(spki.raw)),
        debug,
        subject,
        der: der.to_vec(),
    })
}

/// A certificate file: DER, or PEM with one or more `CERTIFICATE` blocks (a HarmonyOS `.cer`
/// holds the leaf and its chain; each is reported).
pub fn from_file(bytes: &[u8]) -> Result<Vec<CertInfo>, Problem> {
    if looks_pem(bytes) {
        let mut out = Vec::new();
        for (i, pem) in x509_parser::pem::Pem::iter_from_buffer(bytes).enumerate() {
            let pem = pem.map_err(|e| {
                Problem::new(
                    format!("PEM 第 {} 段无法读取：{e}", i + 1),
                    format!("PEM block {} cannot be read: {e}", i + 1),
                )
            })?;
            if pem.label != "CERTIFICATE" && pem.label != "TRUSTED CERTIFICATE" {
                continue;
            }
            out.push(from_der(&pem.contents, &format!("PEM #{}", i + 1))?);
        }
        if out.is_empty() {
            return Err(Problem::new(
                "PEM 文件中没有 CERTIFICATE 段",
                "the PEM file holds no CERTIFICATE block",
            ));
        }
        return Ok(out);
    }
    Ok(vec![from_der(bytes, "DER")?])
}

pub fn looks_pem(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    head.windows(11).any(|w| w == b"-----BEGIN ")
}
