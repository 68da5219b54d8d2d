//! APK: a ZIP (the `zip` crate reads the entries) with a v1 JAR signature (PKCS#7 SignedData in
//! `META-INF/*.RSA|DSA|EC`, read with the `cms` crate) and/or an APK Signing Block between the
//! entries and the central directory (v2/v3/v3.1). No crate reads that block, and it is small
//! (an id–value list), so it is parsed here; the certificates are DER, read by `cert`.

use super::cert::{self, CertInfo};
use super::{Problem, manifest};
use std::io::{Cursor, Read};

const EOCD_MAGIC: u32 = 0x0605_4b50;
const BLOCK_MAGIC: &[u8; 16] = b"APK Sig Block 42";
const V2: u32 = 0x7109_871a;
const V3: u32 = 0xf053_68c0;
const V31: u32 = 0x1b93_ad61;
/// A manifest or signature file larger than this is not one (a real manifest is kilobytes).
const ENTRY_LIMIT: u64 = 16 << 20;

#[derive(Debug, Clone)]
pub struct Apk {
    pub package: Option<String>,
    /// `v1`, `v2`, `v3`, `v3.1` — the schemes found.
    pub schemes: Vec<String>,
    /// Each certificate with where it was found (`v1 META-INF/CERT.RSA`, `v2 signer 1`, …).
    pub certs: Vec<(String, CertInfo)>,
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at.checked_add(4)?)?.try_into().ok()?))
}

fn u64_at(b: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_le_bytes(b.get(at..at.checked_add(8)?)?.try_into().ok()?))
}

fn corrupt(zh: &str, en: &str) -> Problem {
    Problem::new(
        format!("APK 已损坏或不完整：{zh}"),
        format!("the APK is corrupt or truncated: {en}"),
    )
}

/// Offset of the central directory, from the End of Central Directory record.
fn central_directory(b: &[u8]) -> Result<usize, Problem> {
    let min = b.len().saturating_sub(22 + 0xFFFF);
    let eocd = (min..=b.len().saturating_sub(22))
        .rev()
        .find(|&i| u32_at(b, i) == Some(EOCD_MAGIC))
        .ok_or_else(|| corrupt("找不到 ZIP 目录结尾记录", "no ZIP end-of-central-directory record"))?;
    let cd = u32_at(b, eocd + 16).unwrap_or(u32::MAX) as usize;
    if cd > eocd {
        return Err(corrupt(
            "ZIP 中央目录的位置超出文件",
            "the ZIP central directory lies outside the file",
        ));
    }
    Ok(cd)
}

/// Split a sequence of u32-length-prefixed items.
fn lp_items(mut b: &[u8]) -> Result<Vec<&[u8]>, ()> {
    let mut out = Vec::new();
    while !b.is_empty() {
        let len = u32_at(b, 0).ok_or(())? as usize;
        let item = b.get(4..4usize.checked_add(len).ok_or(())?).ok_or(())?;
        out.push(item);
        b = &b[4 + len..];
    }
    Ok(out)
}

fn lp_first(b: &[u8]) -> Result<(&[u8], &[u8]), ()> {
    let len = u32_at(b, 0).ok_or(())? as usize;
    let end = 4usize.checked_add(len).ok_or(())?;
    Ok((b.get(4..end).ok_or(())?, &b[end..]))
}

/// The certificates of each signer of a v2/v3 block value. Both schemes put the certificates
/// second in the signer's signed data (after the digests).
fn signer_certs(value: &[u8]) -> Result<Vec<Vec<&[u8]>>, ()> {
    let (signers, _) = lp_first(value)?;
    let mut out = Vec::new();
    for signer in lp_items(signers)? {
        let (signed_data, _) = lp_first(signer)?;
        let (_digests, rest) = lp_first(signed_data)?;
        let (certs, _) = lp_first(rest)?;
        out.push(lp_items(certs)?);
    }
    Ok(out)
}

/// The id–value pairs of the APK Signing Block, if the file has one.
fn signing_block(b: &[u8], cd: usize) -> Result<Vec<(u32, &[u8])>, Problem> {
    if cd < 24 || &b[cd - 16..cd] != BLOCK_MAGIC {
        return Ok(Vec::new());
    }
    let bad = || corrupt("APK 签名块的长度不一致", "the APK Signing Block's sizes do not agree");
    let size = u64_at(b, cd - 24).ok_or_else(bad)? as usize;
    let start = cd.checked_sub(size).and_then(|s| s.checked_sub(8)).ok_or_else(bad)?;
    if size < 24 || u64_at(b, start) != Some(size as u64) {
        return Err(bad());
    }
    let mut pairs = Vec::new();
    let mut at = start + 8;
    let end = cd - 24;
    while at < end {
        let len = u64_at(b, at).ok_or_else(bad)? as usize;
        let next = at
            .checked_add(8)
            .and_then(|a| a.checked_add(len))
            .filter(|n| *n <= end)
            .ok_or_else(bad)?;
        if len < 4 {
            return Err(bad());
        }
        let id = u32_at(b, at + 8).ok_or_else(bad)?;
        pairs.push((id, &b[at + 12..next]));
        at = next;
    }
    Ok(pairs)
}

fn read_entry(zip: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str) -> Result<Vec<u8>, Problem> {
    let entry = zip
        .by_name(name)
        .map_err(|e| corrupt(&format!("无法打开 {name}：{e}"), &format!("cannot open {name}: {e}")))?;
    let mut out = Vec::new();
    entry
        .take(ENTRY_LIMIT)
        .read_to_end(&mut out)
        .map_err(|e| corrupt(&format!("无法解压 {name}：{e}"), &format!("cannot inflate {name}: {e}")))?;
    Ok(out)
}

/// The DER certificates of a SignedData and its encapsulated content, if any.
pub type SignedContent = (Vec<Vec<u8>>, Option<Vec<u8>>);

/// Certificates of a PKCS#7 / CMS SignedData (DER), and its encapsulated content if any.
pub fn signed_data(der: &[u8]) -> Result<SignedContent, String> {
    use cms::content_info::ContentInfo;
    use cms::signed_data::{CertificateSet, SignedData};
    use der::{Decode, Encode};
    let ci = ContentInfo::from_der(der).map_err(|e| e.to_string())?;
    if ci.content_type != const_oid_signed_data() {
        return Err(format!("not SignedData but {}", ci.content_type));
    }
    let sd: SignedData = ci.content.decode_as().map_err(|e: der::Error| e.to_string())?;
    let mut certs = Vec::new();
    if let Some(CertificateSet(set)) = &sd.certificates {
        for c in set.iter() {
            if let cms::cert::CertificateChoices::Certificate(c) = c {
                certs.push(c.to_der().map_err(|e| e.to_string())?);
            }
        }
    }
    let content = match &sd.encap_content_info.econtent {
        Some(any) => Some(
            any.decode_as::<der::asn1::OctetString>()
                .map_err(|e| e.to_string())?
                .into_bytes()
                .into_vec(),
        ),
        None => None,
    };
    Ok((certs, content))
}

fn const_oid_signed_data() -> der::oid::ObjectIdentifier {
    der::oid::ObjectIdentifier::new_unwrap("1.2.840.113549.1.7.2")
}

pub fn read(b: &[u8]) -> Result<Apk, Problem> {
    let cd = central_directory(b)?;
    let mut zip = zip::ZipArchive::new(Cursor::new(b))
        .map_err(|e| corrupt(&format!("ZIP 无法读取（{e}）"), &format!("the ZIP cannot be read ({e})")))?;
    let manifest = read_entry(&mut zip, "AndroidManifest.xml").map_err(|_| {
        Problem::new(
            "ZIP 中没有可读的 AndroidManifest.xml，不是 APK",
            "the ZIP has no readable AndroidManifest.xml, so it is not an APK",
        )
    })?;
    let package = Some(manifest::package_name(&manifest)?);

    let mut schemes = Vec::new();
    let mut certs: Vec<(String, CertInfo)> = Vec::new();
    let mut add = |source: String, info: CertInfo| match certs.iter_mut().find(|(_, c)| c.sha256 == info.sha256) {
        Some((s, _)) => {
            s.push_str(", ");
            s.push_str(&source);
        }
        None => certs.push((source, info)),
    };

    let mut sig_names: Vec<String> = zip
        .file_names_raw()
        .map(|n| String::from_utf8_lossy(n).into_owned())
        .filter(|n| {
            let u = n.to_ascii_uppercase();
            u.starts_with("META-INF/") && !u[9..].contains('/') && (u.ends_with(".RSA") || u.ends_with(".DSA") || u.ends_with(".EC"))
        })
        .collect();
    sig_names.sort();
    for name in &sig_names {
        let der = read_entry(&mut zip, name)?;
        let (list, _) = signed_data(&der).map_err(|e| {
            corrupt(
                &format!("{name} 不是有效的 PKCS#7 签名（{e}）"),
                &format!("{name} is not a valid PKCS#7 signature ({e})"),
            )
        })?;
        if !schemes.iter().any(|s| s == "v1") {
            schemes.push("v1".to_string());
        }
        for c in list {
            add(format!("v1 {name}"), cert::from_der(&c, name)?);
        }
    }

    for (id, value) in signing_block(b, cd)? {
        let scheme = match id {
            V2 => "v2",
            V3 => "v3",
            V31 => "v3.1",
            _ => continue,
        };
        let signers = signer_certs(value).map_err(|_| {
            corrupt(
                &format!("{scheme} 签名块结构不完整"),
                &format!("the {scheme} signature block is incomplete"),
            )
        })?;
        schemes.push(scheme.to_string());
        for (i, list) in signers.iter().enumerate() {
            for c in list {
                let what = format!("{scheme} signer {}", i + 1);
                add(what.clone(), cert::from_der(c, &what)?);
            }
        }
    }
    if certs.is_empty() {
        return Err(Problem::new(
            "APK 没有签名（既无 v1 签名文件，也无 v2/v3 签名块）",
            "the APK is not signed (no v1 signature file and no v2/v3 signing block)",
        ));
    }
    Ok(Apk { package, schemes, certs })
}
