//! The user's config file: `config.toml` in the platform's config folder (`directories`), or in
//! `$BEIAN_CONFIG_DIR` when that is set (tests, CI, several profiles).
//!
//! ```toml
//! lang = "zh"                 # zh | en
//! province = "广东"            # default filing region for new drafts
//! provider = "aliyun"         # huaweicloud | aliyun | tencentcloud | other
//! output_dir = "~/备案"        # where bundles are written
//!
//! [[override]]
//! rule = "DOMAIN-EXPIRY-SOON"
//! level = "warn"              # allow | warn | deny
//! reason = "客户已续费，注册商数据未更新"
//! ```
//!
//! A missing file means defaults. A file that is there but wrong (bad TOML, unknown key, wrong
//! type, unknown value, an override without a reason) is an error naming the file, line and key;
//! nothing falls back to a default silently.

use crate::diag::Lang;
use crate::draft::node::{Node, Pos, Val, convert_table, pos_at};
use crate::i18n::Msg;
use crate::overrides::{Level, Override, Overrides};
use crate::province::{self, Province};
use std::fmt;
use std::path::{Path, PathBuf};

pub const ENV_DIR: &str = "BEIAN_CONFIG_DIR";
pub const FILE_NAME: &str = "config.toml";
const KEYS: &[&str] = &["lang", "province", "provider", "output_dir", "override"];
const OVERRIDE_KEYS: &[&str] = &["rule", "level", "reason"];
const LEVELS: &[&str] = &["allow", "warn", "deny"];

/// The effective settings. Every field is optional: unset means "ask" or "use the default".
#[derive(Debug, Clone, Default)]
pub struct Config {
    pub path: PathBuf,
    pub exists: bool,
    pub lang: Option<Lang>,
    pub province: Option<&'static Province>,
    pub provider: Option<String>,
    pub output_dir: Option<PathBuf>,
    pub overrides: Overrides,
}

/// Where the config file is: `$BEIAN_CONFIG_DIR/config.toml`, else the platform's config folder
/// (`~/.config/beian` on Linux, `~/Library/Application Support/beian` on macOS,
/// `%APPDATA%\beian\config` on Windows). `None` when there is no home directory.
pub fn path() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(ENV_DIR).filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir).join(FILE_NAME));
    }
    directories::ProjectDirs::from("", "", "beian").map(|d| d.config_dir().join(FILE_NAME))
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    Syntax(String),
    UnknownKey {
        known: &'static [&'static str],
        near: Option<&'static str>,
    },
    WrongType {
        expected: Msg,
        found: &'static str,
    },
    BadValue {
        value: String,
        known: &'static [&'static str],
    },
    BadProvince(String),
    MissingKey(&'static str),
    EmptyReason,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigError {
    Unreadable {
        path: PathBuf,
        detail: String,
    },
    At {
        path: PathBuf,
        pos: Pos,
        key: String,
        problem: Problem,
    },
}

impl ConfigError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ConfigError::Unreadable { path, detail } => {
                Msg::ConfigUnreadable.fmt(lang, &[("path", &path.display().to_string()), ("detail", detail)])
            }
            ConfigError::At { path, pos, key, problem } => {
                let problem = match problem {
                    Problem::Syntax(d) => Msg::ConfigSyntax.fmt(lang, &[("detail", d)]),
                    Problem::UnknownKey { known, near } => {
                        let mut s = Msg::ConfigUnknownKey.fmt(lang, &[("known", &known.join(", "))]);
                        if let Some(n) = near {
                            s.push_str(if lang == Lang::Zh { "。" } else { ". " });
                            s.push_str(&Msg::TipDidYouMean.fmt(lang, &[("value", n)]));
                        }
                        s
                    }
                    Problem::WrongType { expected, found } => {
                        Msg::ConfigWrongType.fmt(lang, &[("expected", expected.text(lang)), ("found", found)])
                    }
                    Problem::BadValue { value, known } => Msg::ConfigBadValue.fmt(lang, &[("value", value), ("known", &known.join(", "))]),
                    Problem::BadProvince(v) => Msg::UnknownProvince.fmt(lang, &[("value", v)]),
                    Problem::MissingKey(k) => Msg::ConfigMissingKey.fmt(lang, &[("missing", k)]),
                    Problem::EmptyReason => Msg::ConfigEmptyReason.text(lang).to_string(),
                };
                Msg::ConfigAt.fmt(
                    lang,
                    &[
                        ("path", &path.display().to_string()),
                        ("line", &pos.line.to_string()),
                        ("column", &pos.column.to_string()),
                        ("key", key),
                        ("problem", &problem),
                    ],
                )
            }
        }
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for ConfigError {}

/// Read the config file at `path`; a file that does not exist gives the defaults.
pub fn load(path: &Path) -> Result<Config, ConfigError> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Ok(Config {
                path: path.to_path_buf(),
                ..Default::default()
            });
        }
        Err(e) => {
            return Err(ConfigError::Unreadable {
                path: path.to_path_buf(),
                detail: e.to_string(),
            });
        }
    };
    let src = String::from_utf8(bytes).map_err(|_| ConfigError::Unreadable {
        path: path.to_path_buf(),
        detail: Msg::ConfigNotUtf8.text(Lang::En).to_string(),
    })?;
    parse(path, &src)
}

fn nearest(word: &str, known: &'static [&'static str]) -> Option<&'static str> {
    known
        .iter()
        .map(|k| (strsim::jaro_winkler(word, k), *k))
        .filter(|(s, _)| *s > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k)
}

/// Parse config text; `path` is for messages and for resolving a relative `output_dir`.
pub fn parse(path: &Path, src: &str) -> Result<Config, ConfigError> {
    let at_pos = |pos: Pos, key: &str, problem: Problem| ConfigError::At {
        path: path.to_path_buf(),
        pos,
        key: key.to_string(),
        problem,
    };
    // `at` is a byte offset into `src`.
    let err = |at: usize, key: &str, problem: Problem| ConfigError::At {
        path: path.to_path_buf(),
        pos: pos_at(src, at),
        key: key.to_string(),
        problem,
    };
    let table = match toml::de::DeTable::parse(src) {
        Ok(t) => t,
        Err(e) => {
            let pos = e.span().map(|s| pos_at(src, s.start)).unwrap_or(Pos { line: 1, column: 1 });
            // Name the key on the offending line when there is one.
            let line = src.lines().nth(pos.line.saturating_sub(1)).unwrap_or("");
            let key = line
                .split_once('=')
                .map(|(k, _)| k.trim().trim_matches('"').to_string())
                .filter(|k| k.chars().all(|c| c.is_ascii_alphanumeric() || "_-.".contains(c)))
                .unwrap_or_default();
            return Err(at_pos(pos, &key, Problem::Syntax(e.message().trim().to_string())));
        }
    };
    let mut cfg = Config {
        path: path.to_path_buf(),
        exists: true,
        ..Default::default()
    };
    let string = |key: &str, n: &Node| match &n.val {
        Val::Str(s) => Ok(s.clone()),
        _ => Err(err(
            n.at,
            key,
            Problem::WrongType {
                expected: Msg::TypeString,
                found: n.type_name(),
            },
        )),
    };
    for (key, node) in convert_table(table.get_ref()) {
        match key.as_str() {
            "lang" => {
                let v = string(&key, &node)?;
                cfg.lang = Some(crate::i18n::parse_lang(&v).ok_or_else(|| {
                    err(
                        node.at,
                        &key,
                        Problem::BadValue {
                            value: v.clone(),
                            known: &["zh", "en"],
                        },
                    )
                })?);
            }
            "province" => {
                let v = string(&key, &node)?;
                cfg.province = Some(province::resolve(&v).ok_or_else(|| err(node.at, &key, Problem::BadProvince(v.clone())))?);
            }
            "provider" => {
                let v = string(&key, &node)?;
                if !crate::draft::model::PROVIDERS.contains(&v.as_str()) {
                    return Err(err(
                        node.at,
                        &key,
                        Problem::BadValue {
                            value: v,
                            known: crate::draft::model::PROVIDERS,
                        },
                    ));
                }
                cfg.provider = Some(v);
            }
            "output_dir" => {
                let v = string(&key, &node)?;
                cfg.output_dir = Some(resolve_dir(path, &v));
            }
            "override" => {
                let Val::Arr(items) = &node.val else {
                    return Err(err(
                        node.at,
                        &key,
                        Problem::WrongType {
                            expected: Msg::TypeArrayOfTables,
                            found: node.type_name(),
                        },
                    ));
                };
                for (i, item) in items.iter().enumerate() {
                    let here = format!("override.{i}");
                    cfg.overrides.list.push(read_override(path, src, &here, item, &err, &string)?);
                }
            }
            other => {
                return Err(err(
                    node.at,
                    other,
                    Problem::UnknownKey {
                        known: KEYS,
                        near: nearest(other, KEYS),
                    },
                ));
            }
        }
    }
    Ok(cfg)
}

/// Takes a byte offset into the config text.
type ErrFn<'a> = dyn Fn(usize, &str, Problem) -> ConfigError + 'a;
type StrFn<'a> = dyn Fn(&str, &Node) -> Result<String, ConfigError> + 'a;

fn read_override(path: &Path, src: &str, here: &str, item: &Node, err: &ErrFn, string: &StrFn) -> Result<Override, ConfigError> {
    let Val::Table(fields) = &item.val else {
        return Err(err(
            item.at,
            here,
            Problem::WrongType {
                expected: Msg::TypeTable,
                found: item.type_name(),
            },
        ));
    };
    let (mut rule, mut level, mut reason) = (None, None, None);
    for (k, v) in fields {
        let key = format!("{here}.{k}");
        match k.as_str() {
            "rule" => rule = Some(string(&key, v)?),
            "level" => {
                let s = string(&key, v)?;
                level = Some(match s.as_str() {
                    "allow" => Level::Allow,
                    "warn" => Level::Warn,
                    "deny" => Level::Deny,
                    _ => return Err(err(v.at, &key, Problem::BadValue { value: s, known: LEVELS })),
                });
            }
            "reason" => {
                let s = string(&key, v)?;
                if s.trim().is_empty() {
                    return Err(err(v.at, &key, Problem::EmptyReason));
                }
                reason = Some(s);
            }
            other => {
                return Err(err(
                    v.at,
                    &key,
                    Problem::UnknownKey {
                        known: OVERRIDE_KEYS,
                        near: nearest(other, OVERRIDE_KEYS),
                    },
                ));
            }
        }
    }
    let missing = |k: &'static str| err(item.at, &format!("{here}.{k}"), Problem::MissingKey(k));
    let rule = rule.ok_or_else(|| missing("rule"))?;
    let level = level.ok_or_else(|| missing("level"))?;
    let reason = reason.ok_or_else(|| missing("reason"))?;
    Ok(Override {
        code: rule,
        level,
        reason: Some(reason),
        origin: format!("{}:{}", path.display(), pos_at(src, item.at).line),
    })
}

/// `~/x` is under the home folder; a relative path is relative to the config file's folder.
fn resolve_dir(config_path: &Path, v: &str) -> PathBuf {
    if let Some(rest) = v.strip_prefix("~/").or(if v == "~" { Some("") } else { None })
        && let Some(home) = directories::BaseDirs::new().map(|b| b.home_dir().to_path_buf())
    {
        return home.join(rest);
    }
    let p = PathBuf::from(v);
    if p.is_absolute() {
        p
    } else {
        config_path.parent().map(|d| d.join(&p)).unwrap_or(p)
    }
}

/// The commented file `beian config init` writes.
pub const TEMPLATE: &str = r#"# beian 配置文件 / config file
# 每一项都可以省略 / every key is optional. `beian config show` prints what applies.

# 语言 / language: "zh" | "en"   (--lang and BEIAN_LANG win over this)
# lang = "zh"

# 默认备案地域 / default filing region: 广东, 广东省, 44, guangdong
# province = "广东"

# 默认接入商 / default provider: huaweicloud | aliyun | tencentcloud | other
# provider = "aliyun"

# 材料包输出目录 / where bundles are written (~ = home; relative = beside this file)
# output_dir = "~/备案"

# 按规则调整级别 / per-rule severity: allow (drop) | warn | deny (error); a reason is required.
# [[override]]
# rule = "DOMAIN-EXPIRY-SOON"
# level = "allow"
# reason = "续费由客户统一处理"
"#;

#[cfg(test)]
mod tests {
    use super::*;

    fn p(src: &str) -> Result<Config, ConfigError> {
        parse(Path::new("/cfg/config.toml"), src)
    }

    fn at(e: ConfigError) -> (usize, String, Problem) {
        match e {
            ConfigError::At { pos, key, problem, .. } => (pos.line, key, problem),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn full_file() {
        let c = p("lang = \"en\"\nprovince = \"gd\"\n").unwrap_err();
        assert_eq!(at(c).0, 2);
        let c = p(
            "lang = \"en\"\nprovince = \"广东省\"\nprovider = \"aliyun\"\noutput_dir = \"out\"\n\n[[override]]\nrule = \"ID-VALIDITY\"\nlevel = \"warn\"\nreason = \"r\"\n",
        )
        .unwrap();
        assert_eq!(c.lang, Some(Lang::En));
        assert_eq!(c.province.unwrap().code, 44);
        assert_eq!(c.provider.as_deref(), Some("aliyun"));
        assert_eq!(c.output_dir, Some(PathBuf::from("/cfg/out")));
        assert_eq!(c.overrides.list.len(), 1);
        assert_eq!(c.overrides.list[0].level, Level::Warn);
        assert_eq!(c.overrides.list[0].origin, "/cfg/config.toml:6");
    }

    #[test]
    fn the_template_parses_and_sets_nothing() {
        let c = p(TEMPLATE).unwrap();
        assert!(c.lang.is_none() && c.province.is_none() && c.overrides.list.is_empty());
        // Uncommented, it is a valid config too.
        let on: String = TEMPLATE
            .lines()
            .map(|l| {
                l.strip_prefix("# ")
                    .filter(|r| (r.contains(" = ") && r.starts_with(|c: char| c.is_ascii_lowercase())) || r.starts_with("[["))
                    .unwrap_or(l)
            })
            .collect::<Vec<_>>()
            .join("\n");
        let c = p(&on).unwrap();
        assert_eq!(c.overrides.list.len(), 1);
        assert!(c.province.is_some() && c.provider.is_some() && c.lang.is_some());
    }

    #[test]
    fn errors_name_line_and_key() {
        let (line, key, pr) = at(p("lang = \"zh\"\nprovnce = \"广东\"\n").unwrap_err());
        assert_eq!((line, key.as_str()), (2, "provnce"));
        assert_eq!(
            pr,
            Problem::UnknownKey {
                known: KEYS,
                near: Some("province")
            }
        );
        let (line, key, _) = at(p("\nlang = 3\n").unwrap_err());
        assert_eq!((line, key.as_str()), (2, "lang"));
        let (line, key, pr) = at(p("lang = \"fr\"").unwrap_err());
        assert_eq!((line, key.as_str()), (1, "lang"));
        assert!(matches!(pr, Problem::BadValue { .. }));
        let (line, key, pr) = at(p("provider = \"aws\"").unwrap_err());
        assert_eq!((line, key.as_str()), (1, "provider"));
        assert!(matches!(pr, Problem::BadValue { .. }));
        let (line, key, _) = at(p("lang = \"zh\"\nprovince = \n").unwrap_err());
        assert_eq!((line, key.as_str()), (2, "province"));
        let (line, key, pr) = at(p("[[override]]\nrule = \"X\"\nlevel = \"warn\"\n").unwrap_err());
        assert_eq!((line, key.as_str(), pr), (1, "override.0.reason", Problem::MissingKey("reason")));
        let (line, key, pr) = at(p("[[override]]\nrule = \"X\"\nlevel = \"warn\"\nreason = \" \"\n").unwrap_err());
        assert_eq!((line, key.as_str(), pr), (4, "override.0.reason", Problem::EmptyReason));
        let (line, key, _) = at(p("[[override]]\nrule = \"X\"\nlevel = \"ignore\"\nreason = \"r\"\n").unwrap_err());
        assert_eq!((line, key.as_str()), (3, "override.0.level"));
        let (_, key, _) = at(p("[override]\nrule = \"X\"\n").unwrap_err());
        assert_eq!(key, "override");
        let msg = at_msg(p("provnce = 1").unwrap_err());
        assert!(
            msg.contains("/cfg/config.toml") && msg.contains("第 1 行") && msg.contains("provnce"),
            "{msg}"
        );
    }

    fn at_msg(e: ConfigError) -> String {
        e.message(Lang::Zh)
    }

    #[test]
    fn missing_file_is_defaults() {
        let c = load(Path::new("/nonexistent/beian/config.toml")).unwrap();
        assert!(!c.exists && c.lang.is_none());
    }
}
