//! Keystores: PKCS#12 (keytool's default since JDK 9) through `p12-keystore`, which checks the
//! MAC with the password; and Java's older JKS, parsed here: no maintained pure-Rust crate reads
//! it, and the format is a short list of entries followed by a SHA-1 over password + salt +
//! contents, which is how a wrong password is told apart from a corrupt file.

use super::Problem;
use sha1::{Digest, Sha1};

const JKS_MAGIC: u32 = 0xFEED_FEED;
const JCEKS_MAGIC: u32 = 0xCECE_CECE;

/// Each certificate chain with its alias; the first certificate of a chain is the signer's.
pub type Entries = Vec<(String, Vec<Vec<u8>>)>;

pub fn is_jks(b: &[u8]) -> bool {
    b.len() >= 4 && matches!(u32::from_be_bytes([b[0], b[1], b[2], b[3]]), JKS_MAGIC | JCEKS_MAGIC)
}

/// A DER SEQUENCE whose first element is INTEGER 3: the PFX version of PKCS#12.
pub fn is_pkcs12(b: &[u8]) -> bool {
    use der::{Decode, Reader, SliceReader};
    let Ok(mut r) = SliceReader::new(b) else { return false };
    let Ok(header) = der::Header::decode(&mut r) else { return false };
    if header.tag() != der::Tag::Sequence {
        return false;
    }
    matches!(r.decode::<u8>(), Ok(3))
}

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], Problem> {
        let end = self.at.checked_add(n).filter(|e| *e <= self.b.len()).ok_or_else(truncated)?;
        let s = &self.b[self.at..end];
        self.at = end;
        Ok(s)
    }
    fn u16(&mut self) -> Result<u16, Problem> {
        Ok(u16::from_be_bytes(self.take(2)?.try_into().unwrap_or_default()))
    }
    fn u32(&mut self) -> Result<u32, Problem> {
        Ok(u32::from_be_bytes(self.take(4)?.try_into().unwrap_or_default()))
    }
    /// Java's modified UTF-8 (`DataOutput.writeUTF`); aliases are ASCII in practice.
    fn utf(&mut self) -> Result<String, Problem> {
        let n = self.u16()? as usize;
        Ok(String::from_utf8_lossy(self.take(n)?).into_owned())
    }
}

fn truncated() -> Problem {
    Problem::new("JKS 密钥库已损坏或不完整", "the JKS keystore is corrupt or truncated")
}

pub fn wrong_password() -> Problem {
    Problem::new(
        "密钥库密码不正确（或文件已损坏）",
        "wrong keystore password (or the file is corrupt)",
    )
}

pub fn read_jks(b: &[u8], password: &str) -> Result<Entries, Problem> {
    let mut r = Reader { b, at: 0 };
    let magic = r.u32()?;
    if magic == JCEKS_MAGIC {
        return Err(Problem::new(
            "JCEKS 密钥库暂不支持；请先转换：keytool -importkeystore -srckeystore K -destkeystore K.p12 -deststoretype PKCS12",
            "JCEKS keystores are not supported; convert first: keytool -importkeystore -srckeystore K -destkeystore K.p12 -deststoretype PKCS12",
        ));
    }
    let version = r.u32()?;
    if version != 1 && version != 2 {
        return Err(Problem::new(
            format!("未知的 JKS 版本 {version}"),
            format!("unknown JKS version {version}"),
        ));
    }
    let count = r.u32()?;
    let mut entries = Vec::new();
    let cert = |r: &mut Reader| -> Result<Vec<u8>, Problem> {
        if version == 2 {
            r.utf()?; // certificate type, "X.509"
        }
        let n = r.u32()? as usize;
        Ok(r.take(n)?.to_vec())
    };
    for _ in 0..count {
        let tag = r.u32()?;
        let alias = r.utf()?;
        r.take(8)?; // creation time
        match tag {
            1 => {
                let n = r.u32()? as usize;
                r.take(n)?; // the encrypted private key: not needed
                let chain_len = r.u32()?;
                let mut chain = Vec::new();
                for _ in 0..chain_len {
                    chain.push(cert(&mut r)?);
                }
                entries.push((alias, chain));
            }
            2 => {
                let c = cert(&mut r)?;
                entries.push((alias, vec![c]));
            }
            _ => return Err(truncated()),
        }
    }
    let body = &b[..r.at];
    let digest = r.take(20)?;
    let mut h = Sha1::new();
    for unit in password.encode_utf16() {
        h.update(unit.to_be_bytes());
    }
    h.update(b"Mighty Aphrodite");
    h.update(body);
    if h.finalize().as_slice() != digest {
        return Err(wrong_password());
    }
    Ok(entries)
}

/// keytool writes 10 000 MAC iterations, OpenSSL 2 048; a count far above that is a damaged
/// or hostile file, and deriving the key would keep the command busy for minutes.
const MAX_MAC_ITERATIONS: i32 = 1_000_000;

pub fn read_pkcs12(b: &[u8], password: &str) -> Result<Entries, Problem> {
    use der::Decode;
    use p12_keystore::error::Error;
    if let Ok(pfx) = pkcs12::pfx::Pfx::from_der(b)
        && let Some(mac) = &pfx.mac_data
        && !(1..=MAX_MAC_ITERATIONS).contains(&mac.iterations)
    {
        let n = mac.iterations;
        return Err(Problem::new(
            format!("PKCS#12 密钥库的迭代次数 {n} 不合理，文件可能已损坏"),
            format!("the PKCS#12 keystore's iteration count {n} is out of range; the file may be corrupt"),
        ));
    }
    use p12_keystore::{KeyStore, KeyStoreEntry, Pkcs12ImportPolicy};
    let ks = KeyStore::from_pkcs12(b, password, Pkcs12ImportPolicy::Relaxed).map_err(|e| match e {
        Error::MacError(_) | Error::UnpadError | Error::Pkcs5Error(_) => wrong_password(),
        e => Problem::new(
            format!("PKCS#12 密钥库无法读取：{e}"),
            format!("the PKCS#12 keystore cannot be read: {e}"),
        ),
    })?;
    let mut out = Vec::new();
    for (alias, entry) in ks.entries() {
        match entry {
            KeyStoreEntry::PrivateKeyChain(chain) => {
                out.push((alias.clone(), chain.certs().iter().map(|c| c.as_der().to_vec()).collect()));
            }
            KeyStoreEntry::Certificate(c) => out.push((alias.clone(), vec![c.as_der().to_vec()])),
            KeyStoreEntry::Secret(_) => {}
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> Vec<u8> {
        std::fs::read(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures/app")
                .join(name),
        )
        .unwrap()
    }

    #[test]
    fn an_absurd_mac_iteration_count_is_refused_before_deriving_keys() {
        use der::{Decode, Encode};
        let mut pfx = pkcs12::pfx::Pfx::from_der(&fixture("upload.p12")).unwrap();
        pfx.mac_data.as_mut().unwrap().iterations = i32::MAX;
        let err = read_pkcs12(&pfx.to_der().unwrap(), "beian-test").unwrap_err();
        assert!(err.0.en.contains("iteration count 2147483647"), "{err:?}");
        assert_eq!(read_pkcs12(&fixture("upload.p12"), "beian-test").unwrap()[0].0, "upload");
    }

    #[test]
    fn jks_digest_tells_a_wrong_password_from_a_corrupt_file() {
        let jks = fixture("release.jks");
        assert_eq!(read_jks(&jks, "beian-test").unwrap()[0].0, "release");
        assert_eq!(read_jks(&jks, "wrong").unwrap_err(), wrong_password());
        assert_eq!(read_jks(&jks[..jks.len() - 30], "beian-test").unwrap_err(), truncated());
    }
}
