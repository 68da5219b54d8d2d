//! The package name from an APK's binary `AndroidManifest.xml` (Android's compiled XML:
//! chunks, a string pool, then element chunks). Written by hand: the one crate for it,
//! axmldecoder, brings deku, bitvec and an old indexmap to decode the whole tree, and all
//! beian needs is one attribute of the first element.

use super::Problem;

const RES_XML: u16 = 0x0003;
const RES_STRING_POOL: u16 = 0x0001;
const RES_XML_START_ELEMENT: u16 = 0x0102;
const UTF8_FLAG: u32 = 0x100;
const NO_INDEX: u32 = 0xFFFF_FFFF;
const TYPE_STRING: u8 = 0x03;

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at.checked_add(2)?)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at.checked_add(4)?)?.try_into().ok()?))
}

fn bad(en: &str) -> Problem {
    Problem::new(
        format!("AndroidManifest.xml 不是有效的二进制 XML（{en}）"),
        format!("AndroidManifest.xml is not valid binary XML ({en})"),
    )
}

struct Pool<'a> {
    chunk: &'a [u8],
    count: usize,
    utf8: bool,
    strings_start: usize,
    header_size: usize,
}

impl Pool<'_> {
    fn get(&self, idx: u32) -> Option<String> {
        if idx == NO_INDEX || idx as usize >= self.count {
            return None;
        }
        let off = u32_at(self.chunk, self.header_size + idx as usize * 4)? as usize;
        let at = self.strings_start.checked_add(off)?;
        let b = self.chunk;
        if self.utf8 {
            // UTF-16 length then UTF-8 length, each one or two bytes (high bit = two).
            let skip_len = |at: usize| -> Option<(usize, usize)> {
                let first = *b.get(at)? as usize;
                if first & 0x80 != 0 {
                    Some((((first & 0x7F) << 8) | *b.get(at + 1)? as usize, at + 2))
                } else {
                    Some((first, at + 1))
                }
            };
            let (_, at) = skip_len(at)?;
            let (len, at) = skip_len(at)?;
            let bytes = b.get(at..at.checked_add(len)?)?;
            Some(String::from_utf8_lossy(bytes).into_owned())
        } else {
            let first = u16_at(b, at)? as usize;
            let (len, at) = if first & 0x8000 != 0 {
                ((((first & 0x7FFF) << 16) | u16_at(b, at + 2)? as usize), at + 4)
            } else {
                (first, at + 2)
            };
            let units: Vec<u16> = (0..len).map(|i| u16_at(b, at + i * 2)).collect::<Option<_>>()?;
            Some(String::from_utf16_lossy(&units))
        }
    }
}

/// The `package` attribute of the root `<manifest>` element.
pub fn package_name(xml: &[u8]) -> Result<String, Problem> {
    if u16_at(xml, 0) != Some(RES_XML) {
        return Err(bad("no XML chunk header"));
    }
    let mut at = u16_at(xml, 2).ok_or_else(|| bad("truncated header"))? as usize;
    let mut pool: Option<Pool> = None;
    while at < xml.len() {
        let (Some(kind), Some(hsize), Some(size)) = (u16_at(xml, at), u16_at(xml, at + 2), u32_at(xml, at + 4)) else {
            return Err(bad("truncated chunk"));
        };
        let size = size as usize;
        if size < 8 || at.checked_add(size).is_none_or(|end| end > xml.len()) {
            return Err(bad("chunk size out of range"));
        }
        let chunk = &xml[at..at + size];
        match kind {
            RES_STRING_POOL if pool.is_none() => {
                let count = u32_at(chunk, 8).ok_or_else(|| bad("string pool header"))? as usize;
                let flags = u32_at(chunk, 16).ok_or_else(|| bad("string pool header"))?;
                let strings_start = u32_at(chunk, 20).ok_or_else(|| bad("string pool header"))? as usize;
                if count > size / 4 {
                    return Err(bad("string count out of range"));
                }
                pool = Some(Pool {
                    chunk,
                    count,
                    utf8: flags & UTF8_FLAG != 0,
                    strings_start,
                    header_size: hsize as usize,
                });
            }
            RES_XML_START_ELEMENT => {
                let pool = pool.as_ref().ok_or_else(|| bad("element before the string pool"))?;
                let ext = hsize as usize;
                let name = u32_at(chunk, ext + 4).and_then(|i| pool.get(i));
                if name.as_deref() != Some("manifest") {
                    return Err(bad("the first element is not <manifest>"));
                }
                let attr_start = u16_at(chunk, ext + 8).ok_or_else(|| bad("element header"))? as usize;
                let attr_size = u16_at(chunk, ext + 10).ok_or_else(|| bad("element header"))? as usize;
                let attr_count = u16_at(chunk, ext + 12).ok_or_else(|| bad("element header"))? as usize;
                if attr_size < 20 {
                    return Err(bad("attribute size"));
                }
                for i in 0..attr_count {
                    let a = ext + attr_start + i * attr_size;
                    let (Some(ns), Some(name), Some(raw)) = (u32_at(chunk, a), u32_at(chunk, a + 4), u32_at(chunk, a + 8)) else {
                        return Err(bad("truncated attribute"));
                    };
                    if ns != NO_INDEX || pool.get(name).as_deref() != Some("package") {
                        continue;
                    }
                    let typed = chunk.get(a + 15).copied();
                    let data = u32_at(chunk, a + 16);
                    let value = pool.get(raw).or_else(|| match (typed, data) {
                        (Some(TYPE_STRING), Some(d)) => pool.get(d),
                        _ => None,
                    });
                    return value.ok_or_else(|| bad("the package attribute is not a string"));
                }
                return Err(Problem::new(
                    "AndroidManifest.xml 的 <manifest> 没有 package 属性",
                    "AndroidManifest.xml: <manifest> has no package attribute",
                ));
            }
            _ => {}
        }
        at += size;
    }
    Err(bad("no <manifest> element"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A manifest as aapt2 writes it (UTF-8 string pool), with one `package` attribute.
    fn utf8_manifest(package: &str) -> Vec<u8> {
        let strings = ["manifest", "package", package];
        let mut data = Vec::new();
        let mut offsets = Vec::new();
        for s in strings {
            offsets.push(data.len() as u32);
            data.extend([s.chars().count() as u8, s.len() as u8]);
            data.extend(s.as_bytes());
            data.push(0);
        }
        while data.len() % 4 != 0 {
            data.push(0);
        }
        let header = 28u32;
        let strings_start = header + 4 * strings.len() as u32;
        let mut pool = Vec::new();
        pool.extend(RES_STRING_POOL.to_le_bytes());
        pool.extend((header as u16).to_le_bytes());
        pool.extend((strings_start + data.len() as u32).to_le_bytes());
        for v in [strings.len() as u32, 0, UTF8_FLAG, strings_start, 0] {
            pool.extend(v.to_le_bytes());
        }
        offsets.iter().for_each(|o| pool.extend(o.to_le_bytes()));
        pool.extend(&data);

        let mut el = Vec::new();
        el.extend(RES_XML_START_ELEMENT.to_le_bytes());
        el.extend(16u16.to_le_bytes());
        el.extend((16u32 + 20 + 20).to_le_bytes());
        for v in [1u32, NO_INDEX, NO_INDEX, 0] {
            el.extend(v.to_le_bytes());
        }
        for v in [20u16, 20, 1, 0, 0, 0] {
            el.extend(v.to_le_bytes());
        }
        for v in [NO_INDEX, 1, 2] {
            el.extend(v.to_le_bytes());
        }
        el.extend(8u16.to_le_bytes());
        el.extend([0, TYPE_STRING]);
        el.extend(2u32.to_le_bytes());

        let mut xml = Vec::new();
        xml.extend(RES_XML.to_le_bytes());
        xml.extend(8u16.to_le_bytes());
        xml.extend((8 + pool.len() as u32 + el.len() as u32).to_le_bytes());
        xml.extend(pool);
        xml.extend(el);
        xml
    }

    #[test]
    fn reads_a_utf8_string_pool() {
        assert_eq!(package_name(&utf8_manifest("cn.example.utf8")).unwrap(), "cn.example.utf8");
        let xml = utf8_manifest("cn.example.utf8");
        for len in 0..xml.len() {
            assert!(package_name(&xml[..len]).is_err(), "truncated at {len}");
        }
    }
}
