//! The binary as a user, a consultant's script and CI see it: languages, help, config file,
//! overrides, colour, streams and exit codes. Every run is hermetic: the variables beian reads
//! are removed and the config folder is a temp dir.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const FIXTURE: &str = "tests/fixtures/base/individual.toml";
/// As of this day the fixture has two errors: ID-VALIDITY and DOMAIN-EXPIRED.
const LATE: &str = "2040-01-01";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

struct Run {
    cfg: tempfile::TempDir,
}

impl Run {
    fn new() -> Self {
        Run {
            cfg: tempfile::tempdir().unwrap(),
        }
    }
    fn with_config(text: &str) -> Self {
        let r = Run::new();
        std::fs::write(r.cfg_file(), text).unwrap();
        r
    }
    fn cfg_file(&self) -> PathBuf {
        self.cfg.path().join("config.toml")
    }
    fn cmd(&self, args: &[&str]) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_beian"));
        for k in [
            "BEIAN_LANG",
            "BEIAN_FORMAT",
            "LANG",
            "LANGUAGE",
            "LC_ALL",
            "LC_MESSAGES",
            "NO_COLOR",
            "CLICOLOR",
            "CLICOLOR_FORCE",
            "TERM",
            "CI",
        ] {
            c.env_remove(k);
        }
        c.env("BEIAN_CONFIG_DIR", self.cfg.path()).current_dir(root()).args(args);
        c
    }
    fn run(&self, args: &[&str]) -> Output {
        self.cmd(args).output().unwrap()
    }
    fn run_env(&self, args: &[&str], env: &[(&str, &str)]) -> Output {
        let mut c = self.cmd(args);
        for (k, v) in env {
            c.env(k, v);
        }
        c.output().unwrap()
    }
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}
fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}
fn code(o: &Output) -> i32 {
    o.status.code().unwrap()
}

fn findings(o: &Output) -> Vec<(String, String)> {
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", out(o)));
    v["drafts"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["rule"].as_str().unwrap().to_string(), f["severity"].as_str().unwrap().to_string()))
        .collect()
}

// ---- languages and help -------------------------------------------------------------------

#[test]
fn help_is_chinese_by_default() {
    let r = Run::new();
    for args in [
        &["--help"][..],
        &["check", "--help"],
        &["rules", "list", "--help"],
        &["help", "check"],
    ] {
        let o = r.run(args);
        assert_eq!(code(&o), 0, "{args:?}");
        let s = out(&o);
        assert!(s.contains("用法：beian"), "{args:?}:\n{s}");
        assert!(
            s.contains("选项:") && !s.contains("Options:") && !s.contains("Usage:"),
            "{args:?}:\n{s}"
        );
        assert!(err(&o).is_empty());
    }
    assert!(out(&r.run(&["check", "--help"])).contains("示例：\n  beian check draft.toml"));
}

#[test]
fn english_help_with_flag_env_locale_or_config() {
    let english = |o: &Output| out(o).contains("Usage: beian") && out(o).contains("Check filing drafts");
    let r = Run::new();
    assert!(english(&r.run(&["--lang", "en", "--help"])));
    assert!(english(&r.run(&["--help", "--lang=en"])));
    assert!(english(&r.run_env(&["--help"], &[("BEIAN_LANG", "en")])));
    assert!(english(&r.run_env(&["--help"], &[("LANG", "en_US.UTF-8")])));
    assert!(english(&r.run_env(&["--help"], &[("LC_ALL", "en_GB.UTF-8")])));
    assert!(english(&Run::with_config("lang = \"en\"\n").run(&["--help"])));
    // Chinese wins where it is asked for more specifically.
    assert!(!english(&r.run_env(&["--lang", "zh", "--help"], &[("BEIAN_LANG", "en")])));
    assert!(!english(&r.run_env(&["--help"], &[("BEIAN_LANG", "zh"), ("LANG", "en_US.UTF-8")])));
    assert!(!english(
        &Run::with_config("lang = \"zh\"\n").run_env(&["--help"], &[("LANG", "en_US.UTF-8")])
    ));
    assert!(!english(&r.run_env(&["--help"], &[("LANG", "C.UTF-8")])));
    // The env var is validated like the flag.
    let o = r.run_env(&["config", "path"], &[("BEIAN_LANG", "fr")]);
    assert_eq!(code(&o), 2, "{}", err(&o));
}

#[test]
fn every_command_prints_help_with_examples() {
    let r = Run::new();
    let cmds: &[&[&str]] = &[
        &[],
        &["check"],
        &["rules"],
        &["rules", "list"],
        &["rules", "explain"],
        &["completions"],
        &["config"],
        &["config", "path"],
        &["config", "show"],
        &["config", "init"],
        &["man"],
    ];
    for c in cmds {
        for (lang, heading) in [("zh", "示例："), ("en", "Examples:")] {
            let mut args = c.to_vec();
            args.extend(["--help", "--lang", lang]);
            let o = r.run(&args);
            assert_eq!(code(&o), 0, "{args:?}: {}", err(&o));
            assert!(out(&o).contains(&format!("{heading}\n  beian")), "{args:?}:\n{}", out(&o));
        }
    }
}

#[test]
fn report_and_messages_follow_the_language() {
    let r = Run::new();
    let zh = r.run(&["check", FIXTURE, "--as-of", LATE]);
    assert_eq!(code(&zh), 1);
    assert!(out(&zh).contains("级别") && out(&zh).contains("需要修改"), "{}", out(&zh));
    let en = r.run(&["--lang", "en", "check", FIXTURE, "--as-of", LATE]);
    assert!(out(&en).contains("Level") && out(&en).contains("not ready") && !out(&en).contains("级别"));
    let o = r.run(&["chek"]);
    assert_eq!(code(&o), 2);
    assert!(out(&o).is_empty());
    assert!(
        // The suggestion names `check` (alone, or among other close names).
        err(&o).contains("错误：不认识的子命令 “chek”") && err(&o).contains("你是不是想写 “") && err(&o).contains("check”"),
        "{}",
        err(&o)
    );
    let o = r.run(&["--lang", "en", "chek"]);
    assert_eq!(code(&o), 2);
    assert!(err(&o).contains("unrecognized subcommand 'chek'"), "{}", err(&o));
    let o = r.run(&["rules", "explain", "ID-VALIDTY"]);
    assert_eq!(code(&o), 2);
    assert!(
        err(&o).contains("没有规则 ID-VALIDTY") && err(&o).contains("ID-VALIDITY"),
        "{}",
        err(&o)
    );
    let o = r.run(&["--lang", "en", "rules", "list", "--province", "Mars"]);
    assert_eq!(code(&o), 2);
    assert!(err(&o).contains("unknown filing region `Mars`"), "{}", err(&o));
    let o = r.run(&["check", FIXTURE, "--format", "xml"]);
    assert_eq!(code(&o), 2);
    assert!(err(&o).contains("“xml” 不是") && err(&o).contains("table, json"), "{}", err(&o));
}

// ---- config file --------------------------------------------------------------------------

#[test]
fn config_path_follows_the_env_override() {
    let r = Run::new();
    let o = r.run(&["config", "path"]);
    assert_eq!(code(&o), 0);
    assert_eq!(out(&o).trim(), r.cfg_file().display().to_string());
}

#[test]
fn config_init_writes_a_template_once_and_show_reads_it() {
    let r = Run::new();
    let o = r.run(&["config", "init"]);
    assert_eq!(code(&o), 0, "{}", err(&o));
    assert!(out(&o).is_empty() && err(&o).contains("已写入"));
    assert!(std::fs::read_to_string(r.cfg_file()).unwrap().contains("[[override]]"));
    let again = r.run(&["config", "init"]);
    assert_eq!(code(&again), 2);
    assert!(err(&again).contains("已存在"));
    let show = r.run(&["config", "show"]);
    assert_eq!(code(&show), 0);
    assert!(out(&show).contains("# lang: 未设置"), "{}", out(&show));
}

#[test]
fn config_show_prints_the_effective_settings() {
    let r = Run::with_config(
        "lang = \"en\"\nprovince = \"guangdong\"\nprovider = \"aliyun\"\noutput_dir = \"bundles\"\n\n[[override]]\nrule = \"ID-VALIDITY\"\nlevel = \"warn\"\nreason = \"checked by hand\"\n",
    );
    let o = r.run(&["config", "show"]);
    assert_eq!(code(&o), 0, "{}", err(&o));
    let s = out(&o);
    for want in [
        "lang = \"en\"",
        "province = \"广东\"",
        "provider = \"aliyun\"",
        "rule = \"ID-VALIDITY\"",
        "level = \"warn\"",
        "reason = \"checked by hand\"",
        "(exists)",
    ] {
        assert!(s.contains(want), "missing {want}:\n{s}");
    }
    assert!(s.contains(&r.cfg.path().join("bundles").display().to_string()));
}

#[test]
fn a_broken_config_is_an_error_naming_file_line_and_key() {
    let cases = [
        ("lang = \"en\"\nprovnce = \"广东\"\n", 2, "provnce"),
        ("lang = \"en\"\n\nprovince = \"火星\"\n", 3, "province"),
        ("provider = 3\n", 1, "provider"),
        ("lang = \"en\"\nlang = \"zh\"\n", 2, "lang"),
        ("output_dir = \"x\nlang = \"zh\"\n", 1, "output_dir"),
        (
            "[[override]]\nrule = \"ID-VALIDITY\"\nlevel = \"ignore\"\nreason = \"x\"\n",
            3,
            "override.0.level",
        ),
        ("[[override]]\nrule = \"ID-VALIDITY\"\nlevel = \"allow\"\n", 1, "override.0.reason"),
    ];
    for (text, line, key) in cases {
        let r = Run::with_config(text);
        for args in [&["check", FIXTURE][..], &["config", "show"], &["rules", "list"]] {
            let o = r.run(args);
            assert_eq!(code(&o), 2, "{text:?} {args:?}: {}", err(&o));
            assert!(out(&o).is_empty(), "{text:?}: stdout {}", out(&o));
            let e = err(&o);
            assert!(e.contains(&r.cfg_file().display().to_string()), "{text:?}: {e}");
            assert!(e.contains(&format!("第 {line} 行")), "{text:?}: {e}");
            assert!(e.contains(&format!("键 “{key}”")), "{text:?}: {e}");
        }
        // The way to find the broken file still works.
        assert_eq!(code(&r.run(&["config", "path"])), 0);
    }
    let r = Run::with_config("provnce = \"广东\"\n");
    let e = err(&r.run(&["--lang", "en", "config", "show"]));
    assert!(
        e.contains("line 1") && e.contains("key `provnce`") && e.contains("did you mean 'province'"),
        "{e}"
    );
}

// ---- severity overrides -------------------------------------------------------------------

#[test]
fn command_line_overrides_change_severity_for_one_run() {
    let r = Run::new();
    let base = r.run(&["check", FIXTURE, "--as-of", LATE, "--format", "json"]);
    assert_eq!(code(&base), 1);
    let f = findings(&base);
    assert!(f.contains(&("ID-VALIDITY".into(), "error".into())) && f.contains(&("DOMAIN-EXPIRED".into(), "error".into())));

    let o = r.run(&[
        "check",
        FIXTURE,
        "--as-of",
        LATE,
        "--format",
        "json",
        "--allow",
        "ID-VALIDITY",
        "--warn",
        "DOMAIN-EXPIRED",
    ]);
    assert_eq!(code(&o), 0, "{}", err(&o));
    assert_eq!(findings(&o), vec![("DOMAIN-EXPIRED".to_string(), "warning".to_string())]);

    // The last flag for a code wins, whichever flag it is.
    let o = r.run(&[
        "check",
        FIXTURE,
        "--as-of",
        LATE,
        "--format",
        "json",
        "--allow",
        "ID-VALIDITY",
        "--allow",
        "DOMAIN-EXPIRED",
        "--deny",
        "domain-expired",
    ]);
    assert_eq!(code(&o), 1);
    assert_eq!(findings(&o), vec![("DOMAIN-EXPIRED".to_string(), "error".to_string())]);

    // --deny turns a clean run into a failing one.
    let clean = r.run(&["check", FIXTURE, "--format", "json"]);
    assert_eq!(code(&clean), 0);
    let has_warning = findings(&clean).iter().find(|(_, s)| s != "error").map(|(c, _)| c.clone());
    if let Some(c) = has_warning {
        assert_eq!(code(&r.run(&["check", FIXTURE, "--deny", &c])), 1);
    }
}

#[test]
fn config_overrides_apply_and_the_command_line_wins() {
    let r = Run::with_config(
        "[[override]]\nrule = \"ID-VALIDITY\"\nlevel = \"allow\"\nreason = \"long-term ID, checked by hand\"\n\n[[override]]\nrule = \"DOMAIN-EXPIRED\"\nlevel = \"warn\"\nreason = \"renewal in progress\"\n",
    );
    let o = r.run(&["check", FIXTURE, "--as-of", LATE, "--format", "json"]);
    assert_eq!(code(&o), 0, "{}", err(&o));
    assert_eq!(findings(&o), vec![("DOMAIN-EXPIRED".to_string(), "warning".to_string())]);
    assert!(err(&o).is_empty(), "{}", err(&o));
    let o = r.run(&["check", FIXTURE, "--as-of", LATE, "--format", "json", "--deny", "ID-VALIDITY"]);
    assert_eq!(code(&o), 1);
}

#[test]
fn an_override_that_matches_no_rule_is_reported() {
    let r = Run::with_config("[[override]]\nrule = \"ID-VALIDTY\"\nlevel = \"allow\"\nreason = \"typo\"\n");
    let o = r.run(&["check", FIXTURE, "--format", "json", "--warn", "NO-SUCH-RULE"]);
    assert_eq!(code(&o), 0);
    serde_json::from_slice::<serde_json::Value>(&o.stdout).expect("stdout is still only the report");
    let e = err(&o);
    assert!(
        e.contains("ID-VALIDTY") && e.contains(&format!("{}:1", r.cfg_file().display())),
        "{e}"
    );
    assert!(e.contains("NO-SUCH-RULE") && e.contains("命令行"), "{e}");
    assert!(e.contains("不对应任何规则"), "{e}");
    let show = r.run(&["config", "show"]);
    assert!(err(&show).contains("ID-VALIDTY"));
}

// ---- colour -------------------------------------------------------------------------------

const ESC: &str = "\x1b[";

#[test]
fn no_colour_when_piped_colour_when_forced() {
    let r = Run::new();
    let args = ["check", FIXTURE, "--as-of", LATE];
    assert!(!out(&r.run(&args)).contains(ESC));
    let mut forced = args.to_vec();
    forced.extend(["--color", "always"]);
    assert!(out(&r.run(&forced)).contains(ESC));
    // NO_COLOR wins over everything, even --color always.
    assert!(!out(&r.run_env(&forced, &[("NO_COLOR", "1")])).contains(ESC));
    forced.pop();
    forced.push("never");
    assert!(!out(&r.run(&forced)).contains(ESC));
}

#[path = "support/tools.rs"]
mod tools;

/// Under a pseudo-terminal (util-linux `script`): colour by default, none with NO_COLOR or
/// TERM=dumb.
#[test]
fn colour_on_a_terminal_unless_no_color() {
    let Some(script) = tools::require_tool("script", "bsdutils") else {
        return;
    };
    let r = Run::new();
    let line = format!("{} check {FIXTURE} --as-of {LATE}", env!("CARGO_BIN_EXE_beian"));
    let tty = |env: &[(&str, &str)]| {
        let mut s = Command::new(&script);
        s.args(["-qec", &line, "/dev/null"]).current_dir(root());
        for k in ["BEIAN_LANG", "LANG", "LC_ALL", "LANGUAGE", "NO_COLOR", "CLICOLOR", "CLICOLOR_FORCE"] {
            s.env_remove(k);
        }
        s.env("BEIAN_CONFIG_DIR", r.cfg.path()).env("TERM", "xterm");
        for (k, v) in env {
            s.env(k, v);
        }
        out(&s.output().unwrap())
    };
    let plain = tty(&[]);
    assert!(plain.contains("需要修改"), "{plain}");
    assert!(plain.contains(ESC), "no colour on a terminal:\n{plain}");
    // A pty without a size still gets a readable table, not one character per column.
    assert!(plain.contains("ID-VALIDITY"), "{plain}");
    assert!(!tty(&[("NO_COLOR", "1")]).contains(ESC));
    assert!(!tty(&[("TERM", "dumb")]).contains(ESC));
}

// ---- streams and exit codes ---------------------------------------------------------------

#[test]
fn exit_codes() {
    let r = Run::new();
    assert_eq!(code(&r.run(&["check", FIXTURE])), 0);
    assert_eq!(code(&r.run(&["check", FIXTURE, "--as-of", LATE])), 1);
    let missing = r.run(&["check", "no/such/draft.toml"]);
    assert_eq!(code(&missing), 2);
    assert!(
        out(&missing).is_empty() && err(&missing).starts_with("beian: 错误："),
        "{}",
        err(&missing)
    );
    assert_eq!(code(&r.run(&["check"])), 2);
    assert_eq!(code(&r.run(&["--version"])), 0);
}

// ---- completions and man page -------------------------------------------------------------

#[test]
fn completions_command_prints_the_committed_scripts() {
    let r = Run::new();
    for (shell, file) in [
        ("bash", "beian.bash"),
        ("zsh", "_beian"),
        ("fish", "beian.fish"),
        ("powershell", "_beian.ps1"),
        ("elvish", "beian.elv"),
    ] {
        let committed = std::fs::read(root().join("completions").join(file)).unwrap();
        // Env values must not leak into the scripts.
        let o = r.run_env(&["completions", shell], &[("BEIAN_FORMAT", "json")]);
        assert_eq!(code(&o), 0);
        assert!(o.stdout == committed, "`beian completions {shell}` differs from completions/{file}");
    }
    let en = r.run(&["--lang", "en", "completions", "fish"]);
    assert!(out(&en).contains("Check filing drafts"));
}

#[test]
fn man_command_prints_the_committed_page() {
    let r = Run::new();
    let zh = r.run(&["man"]);
    assert_eq!(code(&zh), 0);
    assert!(zh.stdout == std::fs::read(root().join("man/zh_CN/man1/beian.1")).unwrap());
    let en = r.run_env(&["man"], &[("BEIAN_LANG", "en")]);
    assert!(en.stdout == std::fs::read(root().join("man/man1/beian.1")).unwrap());
    assert!(
        out(&en).starts_with(".ie \\n(.g .ds Aq") || out(&en).contains(".TH beian 1"),
        "{}",
        out(&en)
    );
}
