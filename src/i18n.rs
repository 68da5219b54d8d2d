//! Two languages, Chinese first.
//!
//! * UI strings are the `Msg` enum below. The `messages!` macro takes exactly one Chinese and
//!   one English text per message, so a message without either does not compile; a unit test
//!   also rejects empty texts and Chinese texts without Chinese.
//! * Help: clap renders the English doc comments of `cli.rs`; `command(Lang::Zh)` swaps in
//!   `HELP_ZH` (keyed by command path and argument id) and localises clap's own headings,
//!   `--help`/`--version` and the `help` subcommand. `tests/help_i18n.rs` walks the whole command
//!   tree and fails when an argument or command has no Chinese (or no English) help.
//! * Language precedence: `--lang` > `BEIAN_LANG` > the config file's `lang` > the system locale
//!   (`en*` → English) > Chinese. `--lang` is pre-scanned from argv so that `--help` is already
//!   rendered in the right language.

use crate::cli::{Cli, ColorArg};
pub use crate::diag::Lang;
use clap::{Arg, ArgAction, CommandFactory};
use std::ffi::OsString;

macro_rules! messages {
    ($($name:ident => ($zh:expr, $en:expr),)*) => {
        /// Every user-facing UI string outside the rule tables.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Msg { $($name,)* }

        impl Msg {
            pub const ALL: &'static [Msg] = &[$(Msg::$name,)*];

            pub fn text(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((Msg::$name, Lang::Zh) => $zh, (Msg::$name, Lang::En) => $en,)*
                }
            }
        }
    };
}

messages! {
    // clap's own texts
    HelpFlag => ("打印帮助", "Print help"),
    VersionFlag => ("打印版本", "Print version"),
    HelpSubcommand => ("打印本帮助或指定子命令的帮助", "Print this message or the help of the given subcommand(s)"),
    HelpSubcommandArg => ("要查看帮助的子命令", "The subcommand whose help message to display"),
    HeadingUsage => ("用法：", "Usage:"),
    HeadingCommands => ("命令", "Commands"),
    HeadingArguments => ("参数", "Arguments"),
    HeadingOptions => ("选项", "Options"),
    HeadingExamples => ("示例：", "Examples:"),
    PossibleValues => ("可选值：{values}", "possible values: {values}"),
    DefaultValue => ("默认：{value}", "default: {value}"),
    EnvVar => ("环境变量：{name}", "env: {name}"),
    // clap's usage errors
    ErrUnknownArgument => ("不认识的参数 “{arg}”", "unexpected argument '{arg}' found"),
    ErrUnknownSubcommand => ("不认识的子命令 “{arg}”", "unrecognized subcommand '{arg}'"),
    ErrInvalidValue => ("“{value}” 不是 {arg} 的有效值", "invalid value '{value}' for '{arg}'"),
    ErrMissingArgument => ("缺少必需的参数：{arg}", "the following required arguments were not provided: {arg}"),
    ErrMissingSubcommand => ("缺少子命令", "a subcommand is required"),
    ErrTooManyValues => ("{arg} 的值太多", "too many values for '{arg}'"),
    ErrConflict => ("参数 {arg} 不能与其他参数同时使用", "the argument '{arg}' cannot be used with another argument given"),
    TipDidYouMean => ("你是不是想写 “{value}”？", "did you mean '{value}'?"),
    TipMoreInfo => ("更多信息请运行 “{cmd}”。", "For more information, try '{cmd}'."),
    // prefixes
    ErrorPrefix => ("错误：", "error: "),
    WarningPrefix => ("警告：", "warning: "),
    // config file
    ConfigAt => ("配置文件 {path} 第 {line} 行第 {column} 列，键 “{key}”：{problem}", "config file {path}, line {line}, column {column}, key `{key}`: {problem}"),
    ConfigUnreadable => ("无法读取配置文件 {path}：{detail}", "cannot read config file {path}: {detail}"),
    ConfigNotUtf8 => ("不是 UTF-8 文本", "not UTF-8 text"),
    ConfigSyntax => ("不是有效的 TOML：{detail}", "not valid TOML: {detail}"),
    ConfigUnknownKey => ("未知的键；可用的键：{known}", "unknown key; known keys: {known}"),
    ConfigWrongType => ("应为{expected}，实际是{found}", "expected {expected}, found {found}"),
    ConfigBadValue => ("无效的值 “{value}”；可选：{known}", "invalid value `{value}`; expected one of: {known}"),
    ConfigMissingKey => ("缺少键 “{missing}”", "missing key `{missing}`"),
    ConfigEmptyReason => ("每条覆盖都要写明理由（reason），以便日后复查", "every override needs a reason, so that it can be reviewed later"),
    ConfigNoDir => ("找不到配置文件夹（没有主目录）；请设置 BEIAN_CONFIG_DIR", "no config folder (no home directory); set BEIAN_CONFIG_DIR"),
    ConfigFile => ("配置文件", "config file"),
    ConfigMissingFile => ("不存在，使用默认设置", "does not exist; defaults apply"),
    ConfigExists => ("存在", "exists"),
    ConfigUnset => ("未设置", "not set"),
    ConfigNoOverrides => ("没有按规则调整级别的设置", "no per-rule severity overrides"),
    ConfigOrigin => ("来源", "from"),
    ConfigInitDone => ("已写入 {path}", "wrote {path}"),
    ConfigInitExists => ("{path} 已存在，不会覆盖", "{path} already exists; not overwriting it"),
    TypeString => ("字符串", "a string"),
    TypeTable => ("表", "a table"),
    TypeArrayOfTables => ("表的数组（[[override]]）", "an array of tables ([[override]])"),
    // overrides
    NoDrafts => ("没有找到要检查的草稿（*.toml）：{paths}（隐藏文件夹、target/ 以及 beian bundle 写出的资料包文件夹不会被搜索）", "no drafts (*.toml) found in {paths} (hidden folders, target/ and bundle folders written by beian bundle are not searched)"),
    OverrideUnmatched => ("{origin} 中的 {level} {code} 不对应任何规则（`beian rules list` 列出所有规则代码）", "{level} {code} from {origin} matches no rule (`beian rules list` shows every code)"),
    OverrideCommandLine => ("命令行", "the command line"),
    // other commands
    UnknownFilingType => ("无法识别的备案类型 “{value}”；可用：{known}", "unknown filing type `{value}`; known: {known}"),
    TypesWhen => ("适用情形", "When"),
    TypesNeeds => ("需要填写", "Needs"),
    TypesDecision => ("如何判断", "Decision"),
    TypesNotFor => ("不适用", "Not for"),
    TypesRules => ("适用的全国规则", "National rules that apply"),
    TypesMaterials => ("全国材料", "National materials"),
    TypesMore => ("查看某一类型适用的规则和材料：beian types cancel；按省份列出：beian rules list --type cancel --province 广东", "The rules and materials of one type: beian types cancel; per province: beian rules list --type cancel --province guangdong"),
    UnknownProvince => ("无法识别的备案地域 “{value}”；请写简称、全称、两位代码或拼音，如 广东、广东省、44、guangdong", "unknown filing region `{value}`; write a short or full Chinese name, a two-digit code or pinyin, e.g. 广东, 广东省, 44, guangdong"),
    NoSuchRule => ("没有规则 {code}；`beian rules list` 列出所有规则", "no rule {code}; `beian rules list` shows them all"),
    NoSuchRuleNear => ("没有规则 {code}；你是不是想找 {near}？", "no rule {code}; did you mean {near}?"),
    PathUnreadable => ("无法读取 {detail}", "cannot read {detail}"),
    // app inspect
    AppKind => ("类型", "Kind"),
    AppPackage => ("包名", "Package"),
    AppSchemes => ("签名方案", "Signature schemes"),
    AppCertificate => ("证书 {n}（{source}）", "Certificate {n} ({source})"),
    AppSubject => ("主题", "Subject"),
    AppIssuer => ("颁发者", "Issuer"),
    AppSerial => ("序列号", "Serial"),
    AppValidity => ("有效期", "Valid"),
    AppKeyKind => ("公钥算法", "Key"),
    AppModulus => ("公钥（RSA 模数，十六进制）", "Public key (RSA modulus, hex)"),
    AppSpki => ("公钥（DER SubjectPublicKeyInfo，十六进制）", "Public key (DER SubjectPublicKeyInfo, hex)"),
    AppPublicKeyMd5 => ("公钥的 MD5（不是要填的值）", "Public key MD5 (not the value to file)"),
    AppDebugWarning => ("!! 这是 Android 调试证书（CN=Android Debug）：发布到应用商店的版本不用它签名，其指纹不能用于备案", "!! This is Android's debug certificate (CN=Android Debug): store builds are not signed with it, so its fingerprint must not be filed"),
    AppExpiredWarning => ("!! 证书已于 {not_after} 过期，早于 {date}", "!! The certificate expired on {not_after}, before {date}"),
    AppCaCertificate => ("（这是签发本文件中另一张证书的 CA 证书，不是要填写的那张）", "(a CA certificate that issued another certificate in this file, not the one to file)"),
    AppFindings => ("问题", "Findings"),
    AppAtLine => ("（第 {line} 行）", " (line {line})"),
    AppNoFindings => ("与草稿一致，未发现问题", "Matches the draft: no findings"),
    AppWrote => ("已写入 {file}：{field} = {value}", "wrote {file}: {field} = {value}"),
    AppPasswordPrompt => ("{file} 的密钥库密码", "Keystore password for {file}"),
    AppNoPassword => ("密钥库需要密码：在终端上运行以输入，或用 --storepass-env 指定存放密码的环境变量", "the keystore needs its password: run on a terminal to type it, or name an environment variable holding it with --storepass-env"),
    AppPasswordEnvMissing => ("环境变量 {name} 未设置（--storepass-env）", "environment variable {name} is not set (--storepass-env)"),
    AppDraftUnreadable => ("{file}：草稿无法读取：{detail}", "{file}: the draft cannot be read: {detail}"),
    AppWriteRefused => ("{file}：未写入草稿：{detail}", "{file}: the draft was not written: {detail}"),
}

impl Msg {
    /// The text with `{name}` placeholders filled.
    pub fn fmt(self, lang: Lang, vars: &[(&str, &str)]) -> String {
        let mut s = self.text(lang).to_string();
        for (k, v) in vars {
            s = s.replace(&format!("{{{k}}}"), v);
        }
        s
    }
}

/// `--lang` / `--lang=…` and `--color` / `--color=…` found in argv before `--`. Invalid values
/// are left for clap to reject.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct PreScan {
    pub lang: Option<Lang>,
    pub color: Option<ColorArg>,
}

pub fn parse_lang(s: &str) -> Option<Lang> {
    match s {
        "zh" => Some(Lang::Zh),
        "en" => Some(Lang::En),
        _ => None,
    }
}

pub fn prescan(args: &[OsString]) -> PreScan {
    let mut out = PreScan::default();
    let mut it = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(a) = it.next() {
        if a == "--" {
            break;
        }
        let (name, inline) = match a.split_once('=') {
            Some((n, v)) => (n.to_string(), Some(v.to_string())),
            None => (a.to_string(), None),
        };
        if name != "--lang" && name != "--color" {
            continue;
        }
        let Some(v) = inline.or_else(|| it.next().map(|s| s.to_string())) else {
            break;
        };
        if name == "--lang" {
            out.lang = parse_lang(&v).or(out.lang);
        } else {
            out.color = match v.as_str() {
                "auto" => Some(ColorArg::Auto),
                "always" => Some(ColorArg::Always),
                "never" => Some(ColorArg::Never),
                _ => out.color,
            };
        }
    }
    out
}

/// `--lang` > `BEIAN_LANG` > config file > system locale (`en…` → English) > Chinese.
pub fn resolve_lang(flag: Option<Lang>, env: Option<&str>, config: Option<Lang>, locale: Option<&str>) -> Lang {
    flag.or_else(|| env.and_then(parse_lang))
        .or(config)
        .or_else(|| locale.filter(|l| l.to_ascii_lowercase().starts_with("en")).map(|_| Lang::En))
        .unwrap_or(Lang::Zh)
}

/// The system locale as BCP 47 (`LANGUAGE`, `LC_ALL`, `LC_MESSAGES`, `LANG` on Unix; the user
/// locale on Windows and macOS).
pub fn system_locale() -> Option<String> {
    sys_locale::get_locale()
}

/// Chinese help texts. Keys: `""` the program, `"check"` a command's about, `"check#format"` an
/// argument's help (by clap id), `"#lang"` a root argument.
pub static HELP_ZH: &[(&str, &str)] = &[
    ("", "离线准备和检查 ICP 备案材料"),
    (
        "#lang",
        "提示、消息、报告和帮助的语言（默认中文；其次看配置文件的 lang 或英文系统区域设置）",
    ),
    (
        "#color",
        "何时使用颜色：auto（仅在终端上）、always、never；设置了 NO_COLOR 时一律不用颜色",
    ),
    ("check", "按全国和各省规则检查备案草稿"),
    ("check#paths", "草稿文件，或要在其中查找 *.toml 的文件夹"),
    ("check#format", "报告格式"),
    ("check#as_of", "按这一天（YYYY-MM-DD）检查所有日期规则，而不是草稿的 filing_date"),
    ("check#require_materials", "把 [materials] 中缺少的材料当作错误"),
    ("check#no_checklist", "表格报告中不显示材料清单"),
    ("check#allow", "本次运行忽略这条规则的问题（可重复；在配置文件的覆盖之后生效）"),
    ("check#warn", "本次运行把这条规则的问题当作警告（可重复）"),
    ("check#jobs", "同时检查的草稿数（默认：每个 CPU 核心一个）"),
    ("check#fail_on", "出现这一级别或更严重的问题时以状态 1 退出"),
    ("check#quiet", "不在标准错误上显示进度条（标准输出上的报告不变）"),
    ("check#deny", "本次运行把这条规则的问题当作错误（可重复）"),
    ("rules", "列出规则或解释一条规则"),
    ("rules list", "列出规则（全国规则；加 --province 时包括该省规则）"),
    ("rules list#province", "备案地域：广东、广东省、44 或 guangdong"),
    ("rules list#json", "输出 JSON 而不是表格"),
    (
        "rules list#filing_type",
        "只列出适用于该备案类型的规则：first、new_service、new_access、change、cancel、transfer（或中文名称）",
    ),
    ("types", "说明各备案类型：何时适用、需要填写什么、如何判断"),
    (
        "types#filing_type",
        "只看这一类型（first、new_service、new_access、change、cancel、transfer 或中文名称），并列出适用的规则和材料",
    ),
    ("types#json", "输出 JSON 而不是文本"),
    ("rules explain", "解释一条规则：检查什么、为什么、如何修改、来源"),
    ("rules explain#code", "规则代码，例如 ID-VALIDITY"),
    ("rules explain#json", "输出 JSON 而不是文本"),
    ("completions", "打印 shell 补全脚本（bash、zsh、fish、powershell、elvish）"),
    ("completions#shell", "要生成脚本的 shell"),
    ("config", "显示配置文件的位置和内容"),
    ("config path", "打印配置文件的路径（文件可能还不存在）"),
    ("config show", "打印生效的设置和按规则调整的级别"),
    ("config init", "写入一份带注释的配置文件（已存在时不会覆盖）"),
    ("man", "把 man 手册页（roff）打印到标准输出"),
    ("schema", "打印备案草稿格式的 JSON Schema（2020-12），供编辑器和校验工具使用"),
    ("new", "逐步填写一份备案（交互式向导），或用 --no-input 从答案文件生成"),
    ("new#out", "写入草稿及备案资料包的文件夹（须不存在或为空）"),
    ("new#resume", "继续上次中断的向导（默认：最近保存的草稿）"),
    ("new#answers", "从草稿文件（完整或部分）预填答案；预填的答案会被检查而不再询问"),
    ("new#set", "按点分键预填一个答案，例如 principal.province=广东（可重复）"),
    (
        "new#no_input",
        "从不提问：一次列出所有缺少或无效的答案（标准输入不是终端时也是如此）",
    ),
    ("new#force", "替换 beian 以前写出的资料包文件夹"),
    (
        "new#storepass_env",
        "没有终端时：从这个环境变量读取签名密钥库的密码（同 app inspect --storepass-env）",
    ),
    ("bundle", "生成备案资料包：材料清单、填好的表格和函件、可打印的报告"),
    ("bundle#draft", "备案草稿文件（.toml）"),
    ("bundle#out", "输出文件夹（默认：草稿旁的 <草稿名>-bundle）"),
    (
        "bundle#force",
        "替换已存在的资料包文件夹（仅限 beian 生成、且其中没有你添加或改动过的文件；有则列出并拒绝，从不删除）",
    ),
    ("bundle#as_of", "按这一天（YYYY-MM-DD）检查所有日期规则，而不是草稿的 filing_date"),
    (
        "templates",
        "列出资料包模板或显示其中一个（在配置目录的 templates 中放同名文件即可覆盖）",
    ),
    ("templates list", "列出模板及其来源（内置或你的覆盖文件）"),
    ("templates show", "打印模板源文件（有覆盖文件时打印覆盖文件）"),
    ("templates show#name", "模板文件名，例如 authorization-principal.md.j2"),
    ("app", "从 APK、密钥库和证书文件中读取 APP 的签名证书"),
    ("app inspect", "打印每张签名证书的指纹（MD5、SHA-1、SHA-256）和公钥，并与草稿比对"),
    (
        "app inspect#files",
        "APK、JKS 或 PKCS#12 密钥库、DER/PEM 证书（.cer、.crt、.pem）或 .mobileprovision",
    ),
    ("app inspect#format", "报告格式"),
    ("app inspect#alias", "要读取的密钥库条目（默认：全部条目）"),
    ("app inspect#storepass_env", "从这个环境变量读取密钥库密码，而不是在终端上询问"),
    ("app inspect#draft", "与这份草稿中的 APP 比对，把不一致之处报告为问题"),
    ("app inspect#app", "草稿中的第几个 [[app]]，从 0 开始（默认 0）"),
    (
        "app inspect#platform",
        "该 APP 的第几个 [[app.platform]]，从 0 开始（默认：os 与文件相符的那个）",
    ),
    ("app inspect#write", "把指纹、公钥和缺少的包名写入草稿（保留注释）"),
    (
        "app inspect#as_of",
        "按这一天（YYYY-MM-DD）判断证书是否过期，而不是草稿的 filing_date 或今天",
    ),
];

fn zh(key: &str) -> Option<&'static str> {
    HELP_ZH.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
}

fn join(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_string()
    } else {
        format!("{path} {name}")
    }
}

/// The full command tree with help in `lang`. Both languages get the same shape (our own
/// `--help`/`--version` flags, annotations written by us), so only the texts differ.
pub fn command(lang: Lang) -> clap::Command {
    let mut cmd = command_unbuilt(lang);
    cmd.build();
    fix_help_subcommands(cmd, lang)
}

/// The same without the `[possible values; default; env]` notes in each help text: for
/// completion scripts, which list the values themselves and show the help as a short description.
pub fn command_for_completions(lang: Lang) -> clap::Command {
    let mut cmd = localize(Cli::command(), "", lang, true, false);
    cmd.build();
    fix_help_subcommands(cmd, lang)
}

/// The localised command before clap builds it (adds `help` subcommands, propagates globals).
pub fn command_unbuilt(lang: Lang) -> clap::Command {
    localize(Cli::command(), "", lang, true, true)
}

fn annotate(arg: Arg, lang: Lang) -> Arg {
    let mut notes = Vec::new();
    if !arg.is_hide_possible_values_set() && arg.get_action().takes_values() {
        let pv: Vec<String> = arg
            .get_possible_values()
            .iter()
            .filter(|v| !v.is_hide_set())
            .map(|v| v.get_name().to_string())
            .collect();
        if !pv.is_empty() {
            notes.push(Msg::PossibleValues.fmt(lang, &[("values", &pv.join(", "))]));
        }
    }
    if !arg.is_hide_default_value_set() && arg.get_action().takes_values() {
        let dv: Vec<String> = arg.get_default_values().iter().map(|v| v.to_string_lossy().into_owned()).collect();
        if !dv.is_empty() {
            notes.push(Msg::DefaultValue.fmt(lang, &[("value", &dv.join(", "))]));
        }
    }
    if let Some(env) = arg.get_env() {
        notes.push(Msg::EnvVar.fmt(lang, &[("name", &env.to_string_lossy())]));
    }
    if notes.is_empty() {
        return arg;
    }
    let help = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
    let text = format!("{help} [{}]", notes.join("; "));
    // Our own notes replace clap's, which are English and show the env var's current value.
    arg.help(text).hide_possible_values(true).hide_default_value(true).hide_env(true)
}

fn localize(mut cmd: clap::Command, path: &str, lang: Lang, root: bool, notes: bool) -> clap::Command {
    if lang == Lang::Zh {
        if let Some(t) = zh(path) {
            cmd = cmd.about(t);
        }
        if let Some(after) = cmd.get_after_help().map(|s| s.to_string()) {
            cmd = cmd.after_help(after.replacen("Examples:", Msg::HeadingExamples.text(lang), 1));
        }
    }
    let ids: Vec<String> = cmd.get_arguments().map(|a| a.get_id().to_string()).collect();
    for id in ids {
        let key = format!("{path}#{id}");
        cmd = cmd.mut_arg(&id, |mut a| {
            if lang == Lang::Zh
                && let Some(t) = zh(&key)
            {
                a = a.help(t);
            }
            let heading = if a.is_positional() {
                Msg::HeadingArguments
            } else {
                Msg::HeadingOptions
            };
            if a.is_global_set() {
                // Options every command shares come after the command's own.
                a = a.display_order(1000);
            }
            if notes {
                a = annotate(a, lang);
            }
            a.help_heading(heading.text(lang))
        });
    }
    cmd = cmd
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(Msg::HelpFlag.text(lang))
                .help_heading(Msg::HeadingOptions.text(lang))
                .display_order(1001),
        )
        .subcommand_help_heading(Msg::HeadingCommands.text(lang))
        .help_template(template(lang));
    if root {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(Msg::VersionFlag.text(lang))
                .help_heading(Msg::HeadingOptions.text(lang))
                .display_order(1002),
        );
    }
    let subs: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_string()).collect();
    for name in subs {
        let sub_path = join(path, &name);
        cmd = cmd.mut_subcommand(&name, |s| localize(s, &sub_path, lang, false, notes));
    }
    cmd
}

fn template(lang: Lang) -> String {
    let sep = if lang == Lang::Zh { "" } else { " " };
    format!(
        "{{before-help}}{{about-with-newline}}\n{}{sep}{{usage}}\n\n{{all-args}}{{after-help}}",
        Msg::HeadingUsage.text(lang)
    )
}

/// clap adds the `help` subcommand while building; give it our text afterwards.
fn fix_help_subcommands(mut cmd: clap::Command, lang: Lang) -> clap::Command {
    let subs: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_string()).collect();
    for name in subs {
        cmd = cmd.mut_subcommand(&name, |s| {
            if name == "help" {
                let mut s = s.about(Msg::HelpSubcommand.text(lang)).help_template(template(lang));
                let ids: Vec<String> = s.get_arguments().map(|a| a.get_id().to_string()).collect();
                for id in ids {
                    s = s.mut_arg(&id, |a| {
                        a.help(Msg::HelpSubcommandArg.text(lang))
                            .help_heading(Msg::HeadingArguments.text(lang))
                    });
                }
                fix_help_subcommands(s, lang)
            } else {
                fix_help_subcommands(s, lang)
            }
        });
    }
    cmd
}

/// A usage error in Chinese. `None` for kinds that are not errors (help, version) or that
/// have no translation here: those are printed by clap itself.
pub fn clap_error_zh(e: &clap::Error) -> Option<String> {
    use clap::error::{ContextKind as K, ContextValue as V, ErrorKind as E};
    let get = |k: K| -> Option<String> {
        e.get(k).map(|v| match v {
            V::String(s) => s.clone(),
            V::Strings(v) => v.join(", "),
            V::StyledStr(s) => s.to_string(),
            V::StyledStrs(v) => v.iter().map(|s| s.to_string()).collect::<Vec<_>>().join(", "),
            V::Number(n) => n.to_string(),
            V::Bool(b) => b.to_string(),
            _ => String::new(),
        })
    };
    let lang = Lang::Zh;
    let arg = get(K::InvalidArg).unwrap_or_default();
    let value = get(K::InvalidValue).unwrap_or_default();
    let main = match e.kind() {
        E::UnknownArgument => Msg::ErrUnknownArgument.fmt(lang, &[("arg", &arg)]),
        E::InvalidSubcommand => Msg::ErrUnknownSubcommand.fmt(lang, &[("arg", &get(K::InvalidSubcommand).unwrap_or_default())]),
        E::InvalidValue | E::ValueValidation => {
            let mut s = Msg::ErrInvalidValue.fmt(lang, &[("value", &value), ("arg", &arg)]);
            if let Some(valid) = get(K::ValidValue).filter(|v| !v.is_empty()) {
                s.push_str(&format!(" [{}]", Msg::PossibleValues.fmt(lang, &[("values", &valid)])));
            } else if let Some(src) = std::error::Error::source(e) {
                s.push_str(&format!("：{src}"));
            }
            s
        }
        E::MissingRequiredArgument => Msg::ErrMissingArgument.fmt(lang, &[("arg", &arg)]),
        E::MissingSubcommand => Msg::ErrMissingSubcommand.text(lang).to_string(),
        E::TooManyValues | E::WrongNumberOfValues => Msg::ErrTooManyValues.fmt(lang, &[("arg", &arg)]),
        E::ArgumentConflict => Msg::ErrConflict.fmt(lang, &[("arg", &arg)]),
        _ => return None,
    };
    let mut out = format!("{}{main}\n", Msg::ErrorPrefix.text(lang));
    for k in [K::SuggestedArg, K::SuggestedSubcommand, K::SuggestedValue] {
        if let Some(s) = get(k).filter(|s| !s.is_empty()) {
            out.push_str(&format!("\n  {}\n", Msg::TipDidYouMean.fmt(lang, &[("value", &s)])));
        }
    }
    let mut help_cmd = "beian --help".to_string();
    if let Some(usage) = get(K::Usage) {
        let usage = usage.trim().trim_start_matches("Usage:").trim();
        out.push_str(&format!("\n{}{usage}\n", Msg::HeadingUsage.text(lang)));
        let words: Vec<&str> = usage.split_whitespace().take_while(|w| !w.starts_with(['-', '<', '['])).collect();
        if !words.is_empty() {
            help_cmd = format!("{} --help", words.join(" "));
        }
    }
    out.push_str(&format!("\n{}\n", Msg::TipMoreInfo.fmt(lang, &[("cmd", &help_cmd)])));
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_has_both_languages() {
        for m in Msg::ALL {
            let (z, e) = (m.text(Lang::Zh), m.text(Lang::En));
            assert!(!z.trim().is_empty() && !e.trim().is_empty(), "{m:?} has an empty text");
            assert!(
                z.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{m:?}: Chinese text has no Chinese: {z}"
            );
            assert!(
                e.chars().filter(|c| c.is_ascii_alphabetic()).count() >= 2,
                "{m:?}: English text is not English: {e}"
            );
            // The same placeholders in both languages.
            let vars = |s: &str| {
                let mut v: Vec<String> = s
                    .split('{')
                    .skip(1)
                    .filter_map(|p| p.split_once('}').map(|(n, _)| n.to_string()))
                    .collect();
                v.sort();
                v
            };
            assert_eq!(vars(z), vars(e), "{m:?}: placeholders differ");
        }
    }

    #[test]
    fn language_precedence() {
        assert_eq!(resolve_lang(Some(Lang::Zh), Some("en"), Some(Lang::En), Some("en-US")), Lang::Zh);
        assert_eq!(resolve_lang(None, Some("en"), Some(Lang::Zh), Some("zh-CN")), Lang::En);
        assert_eq!(resolve_lang(None, None, Some(Lang::En), Some("zh-CN")), Lang::En);
        assert_eq!(resolve_lang(None, None, None, Some("en-GB")), Lang::En);
        assert_eq!(resolve_lang(None, None, None, Some("C")), Lang::Zh);
        assert_eq!(resolve_lang(None, None, None, Some("zh-TW")), Lang::Zh);
        assert_eq!(resolve_lang(None, None, None, None), Lang::Zh);
        // An invalid env value falls through here; clap rejects it later as a usage error.
        assert_eq!(resolve_lang(None, Some("fr"), None, Some("en")), Lang::En);
    }

    #[test]
    fn prescan_finds_lang_and_color() {
        let a = |v: &[&str]| v.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(prescan(&a(&["beian", "--lang", "en", "--help"])).lang, Some(Lang::En));
        assert_eq!(prescan(&a(&["beian", "check", "--help", "--lang=en"])).lang, Some(Lang::En));
        assert_eq!(prescan(&a(&["beian", "--lang", "xx"])).lang, None);
        assert_eq!(prescan(&a(&["beian", "check", "--", "--lang", "en"])).lang, None);
        assert_eq!(prescan(&a(&["beian", "--color=never"])).color, Some(ColorArg::Never));
        assert_eq!(prescan(&a(&["beian", "--color", "always", "--lang"])).color, Some(ColorArg::Always));
    }
}
