//! iOS `.mobileprovision`: a CMS SignedData (read with `cms`) whose content is a property list
//! (read with `plist`). The filing wants the developer certificate's SHA-1, which is in the
//! plist's `DeveloperCertificates`, not among the CMS signer certificates (those are Apple's).

use super::Problem;
use super::apk::signed_data;
use super::cert::{self, CertInfo};

pub struct Provision {
    pub bundle_id: Option<String>,
    pub certs: Vec<(String, CertInfo)>,
}

pub fn read(der: &[u8]) -> Result<Provision, Problem> {
    let (signers, content) =
        signed_data(der).map_err(|e| Problem::new(format!("不是 CMS 签名数据：{e}"), format!("not CMS signed data: {e}")))?;
    let mut certs = Vec::new();
    let mut bundle_id = None;
    if let Some(content) = content.filter(|c| c.starts_with(b"<?xml") || c.starts_with(b"bplist")) {
        let v = plist::Value::from_reader(std::io::Cursor::new(&content)).map_err(|e| {
            Problem::new(
                format!("描述文件中的 plist 无法解析：{e}"),
                format!("the profile's plist does not parse: {e}"),
            )
        })?;
        let dict = v.as_dictionary();
        if let Some(list) = dict.and_then(|d| d.get("DeveloperCertificates")).and_then(|v| v.as_array()) {
            for (i, item) in list.iter().enumerate() {
                if let Some(data) = item.as_data() {
                    let what = format!("DeveloperCertificates #{}", i + 1);
                    certs.push((what.clone(), cert::from_der(data, &what)?));
                }
            }
        }
        // `TEAMID.bundle.id`: the filing's Bundle ID is the part after the team prefix.
        bundle_id = dict
            .and_then(|d| d.get("Entitlements"))
            .and_then(|e| e.as_dictionary())
            .and_then(|e| e.get("application-identifier"))
            .and_then(|v| v.as_string())
            .and_then(|s| s.split_once('.'))
            .map(|(_, id)| id.to_string())
            .filter(|id| !id.contains('*'));
    }
    if certs.is_empty() {
        // A bare PKCS#7 bundle (.p7b) or a profile without DeveloperCertificates: list what it has.
        for (i, c) in signers.iter().enumerate() {
            let what = format!("PKCS#7 #{}", i + 1);
            certs.push((what.clone(), cert::from_der(c, &what)?));
        }
    }
    if certs.is_empty() {
        return Err(Problem::new("CMS 数据中没有证书", "the CMS data holds no certificate"));
    }
    Ok(Provision { bundle_id, certs })
}
