//! Drive the real `beian new` in a pseudo-terminal (expectrl; rexpect garbles CJK): a complete
//! filing for an individual and for an enterprise, each with a wrong answer corrected on the
//! way, and Ctrl-C followed by `--resume`.
#![cfg(unix)]

use expectrl::{Eof, Expect, Session};
use std::path::Path;
use std::process::Command;
use std::time::Duration;

type Pty = expectrl::session::OsSession;

const DOWN: &str = "\x1b[B";

fn spawn(dir: &Path, args: &[&str]) -> Pty {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_beian"));
    cmd.arg("new")
        .args(args)
        .current_dir(dir)
        .env("CLICOLOR", "0")
        .env("BEIAN_LANG", "zh")
        .env("BEIAN_DATA_DIR", dir.join("data"))
        .env("TERM", "xterm")
        .env_remove("NO_COLOR");
    let mut p = Session::spawn(cmd).expect("spawn beian in a pty");
    p.set_expect_timeout(Some(Duration::from_secs(30)));
    p
}

fn wait_for(p: &mut Pty, text: &str) {
    if let Err(e) = p.expect(text) {
        panic!("waiting for {text:?}: {e}");
    }
}

/// Answer a text prompt.
fn answer(p: &mut Pty, prompt: &str, text: &str) {
    wait_for(p, prompt);
    p.send(format!("{text}\r")).unwrap();
}

/// Press keys at a selection or yes/no prompt.
fn keys(p: &mut Pty, prompt: &str, keys: &str) {
    wait_for(p, prompt);
    p.send(keys).unwrap();
}

fn exit_code(p: &mut Pty) -> String {
    let _ = p.expect(Eof);
    format!("{:?}", p.get_process().wait().unwrap())
}

fn account(p: &mut Pty) {
    keys(p, "接入商（云服务商）", "\r");
    keys(p, "云账号已完成实名认证？", "y");
    keys(p, "备案类型", "\r");
    keys(p, "备案资源类型", "\r");
    answer(p, "资源所在地域", "");
    answer(p, "资源已购买时长", "");
    answer(p, "这台资源已用于几个备案", "");
    answer(p, "计划提交备案的日期", "2026-12-01");
}

fn contacts(p: &mut Pty) {
    answer(p, "手机号码", "13800138000");
    answer(p, "应急联系电话", "13900139000");
    answer(p, "固定电话", "");
    answer(p, "电子邮箱", "zhangsan@example.com");
}

fn domain(p: &mut Pty) {
    answer(p, "? 域名", "example.com");
    keys(p, "域名持有者就是备案主体", "y");
    keys(p, "域名已完成实名认证？", "y");
    answer(p, "实名认证通过日期", "2026-10-10");
    answer(p, "域名注册日期", "2026-10-01");
    answer(p, "域名到期日期", "2028-10-01");
    answer(p, "域名注册商", "");
    keys(p, "再添加一个域名吗？", "n");
}

fn website(p: &mut Pty, name: &str) {
    answer(p, "网站名称", name);
    answer(p, "网站首页网址", "");
    keys(p, "网站服务内容", "\r");
    answer(p, "网站语言", "");
    keys(p, "网站负责人与主体负责人是同一人吗？", "y");
    keys(p, "再添加一个网站吗？", "n");
}

fn assert_written(out: &Path, name: &str) {
    let draft = std::fs::read_to_string(out.join("draft.toml")).unwrap();
    assert!(draft.contains(name), "{draft}");
    assert!(out.join("checklist.md").exists());
    let checked = Command::new(env!("CARGO_BIN_EXE_beian"))
        .args(["check"])
        .arg(out.join("draft.toml"))
        .env("BEIAN_LANG", "zh")
        .output()
        .unwrap();
    assert!(checked.status.success(), "{}", String::from_utf8_lossy(&checked.stdout));
}

#[test]
fn individual_in_guangdong_with_a_wrong_id_number_corrected() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = spawn(dir.path(), &["--out", "out"]);
    account(&mut p);
    keys(&mut p, "备案主体性质", "\r"); // 个人
    keys(&mut p, "备案地域（省份）", "\r"); // 广东
    answer(&mut p, "您的姓名", "张三");
    keys(&mut p, "主体证件类型", "\r"); // 居民身份证
    answer(&mut p, "主体证件号码", "440305199001011230");
    wait_for(&mut p, "ID-NUMBER");
    answer(&mut p, "主体证件号码", "44030519900101123X");
    // Echoed masked; birth date and province read from the number.
    wait_for(&mut p, "4403**********123X");
    wait_for(&mut p, "出生日期 1990-01-01");
    answer(&mut p, "证件有效期至", "2031-05-01");
    answer(&mut p, "证件上的住址", "广东省深圳市福田区某街道1号");
    answer(&mut p, "通信地址", "");
    answer(&mut p, "手机号码", "13800138000");
    wait_for(&mut p, "138****8000"); // the masked echo
    answer(&mut p, "应急联系电话", "13900139000");
    answer(&mut p, "固定电话", "");
    answer(&mut p, "电子邮箱", "zhangsan@example.com");
    domain(&mut p);
    website(&mut p, "张三的技术笔记");
    wait_for(&mut p, "可以提交");
    wait_for(&mut p, "已写出");
    let status = exit_code(&mut p);
    assert!(status.contains("Exited(") && status.ends_with(", 0)"), "{status}");
    assert_written(&dir.path().join("out"), "张三的技术笔记");
    // The finished wizard's autosave is removed; nothing was written outside the temp dir.
    let left: Vec<_> = std::fs::read_dir(dir.path().join("data/wizard")).unwrap().collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn enterprise_with_a_wrong_credit_code_corrected() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = spawn(dir.path(), &["--out", "out"]);
    account(&mut p);
    keys(&mut p, "备案主体性质", &format!("{DOWN}\r")); // 企业
    keys(&mut p, "备案地域（省份）", "\r");
    answer(&mut p, "主办单位名称", "深圳市示例网络科技有限公司");
    // The certificate type is not asked: an enterprise files with its business licence.
    wait_for(&mut p, "主体证件类型：营业执照");
    answer(&mut p, "主体证件号码", "91440300MA5F000180");
    wait_for(&mut p, "ID-NUMBER");
    answer(&mut p, "主体证件号码", "91440300MA5F000181");
    answer(&mut p, "证件有效期至", ""); // long-term
    answer(&mut p, "证件住所", "广东省深圳市南山区科技园路1号");
    answer(&mut p, "通信地址", "");
    answer(&mut p, "负责人姓名", "张三");
    keys(&mut p, "此人是法定代表人吗？", "y");
    keys(&mut p, "负责人证件类型", "\r");
    answer(&mut p, "负责人证件号码", "44030519900101123X");
    answer(&mut p, "证件有效期至", "2031-05-01");
    answer(&mut p, "证件上的住址", "");
    contacts(&mut p);
    domain(&mut p);
    website(&mut p, "示例科技官网");
    wait_for(&mut p, "可以提交");
    wait_for(&mut p, "已写出");
    let status = exit_code(&mut p);
    assert!(status.ends_with(", 0)"), "{status}");
    assert_written(&dir.path().join("out"), "深圳市示例网络科技有限公司");
}

#[test]
fn ctrl_c_saves_and_resume_continues() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = spawn(dir.path(), &[]);
    account(&mut p);
    keys(&mut p, "备案主体性质", "\r");
    keys(&mut p, "备案地域（省份）", "\r");
    answer(&mut p, "您的姓名", "张三");
    wait_for(&mut p, "主体证件类型");
    p.send("\x03").unwrap(); // Ctrl-C
    wait_for(&mut p, "已中断");
    wait_for(&mut p, "--resume");
    let status = exit_code(&mut p);
    assert!(status.ends_with(", 130)"), "{status}");

    let saved: Vec<_> = std::fs::read_dir(dir.path().join("data/wizard")).unwrap().flatten().collect();
    assert_eq!(saved.len(), 1);
    let text = std::fs::read_to_string(saved[0].path()).unwrap();
    assert!(text.contains("name = \"张三\""), "{text}");
    // The saved file is a draft `check` reads (incomplete, so exit 1, but no parse error).
    let checked = Command::new(env!("CARGO_BIN_EXE_beian"))
        .args(["check", "--format", "json"])
        .arg(saved[0].path())
        .output()
        .unwrap();
    let json = String::from_utf8_lossy(&checked.stdout);
    assert!(!json.contains("DRAFT-SYNTAX") && !json.contains("DRAFT-UNKNOWN-KEY"), "{json}");

    // Resume: nothing answered is asked again; the next question is the document type.
    let mut p = spawn(dir.path(), &["--resume", "--out", "out"]);
    keys(&mut p, "主体证件类型", "\r");
    answer(&mut p, "主体证件号码", "44030519900101123X");
    answer(&mut p, "证件有效期至", "2031-05-01");
    answer(&mut p, "证件上的住址", "广东省深圳市福田区某街道1号");
    answer(&mut p, "通信地址", "");
    contacts(&mut p);
    domain(&mut p);
    website(&mut p, "张三的技术笔记");
    wait_for(&mut p, "已写出");
    let status = exit_code(&mut p);
    assert!(status.ends_with(", 0)"), "{status}");
    let draft = std::fs::read_to_string(dir.path().join("out/draft.toml")).unwrap();
    assert!(draft.contains("provider = \"huaweicloud\""), "{draft}");
    assert!(!draft.contains("beian-wizard-progress"), "{draft}");
}

#[test]
fn resuming_a_hand_written_draft_asks_only_what_is_missing_and_leaves_the_file_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/drafts/guangdong-enterprise.toml");
    let example = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let partial: String = example
        .lines()
        .filter(|l| !l.starts_with("mobile ="))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(dir.path().join("mine.toml"), &partial).unwrap();
    let mut p = spawn(dir.path(), &["--resume", "mine.toml", "--out", "out"]);
    // The only question is the missing mobile; a wrong one is refused first.
    answer(&mut p, "手机号码", "1380013800");
    wait_for(&mut p, "CONTACT-FORMAT");
    answer(&mut p, "手机号码", "13800138000");
    keys(&mut p, "再添加一个域名吗？", "n");
    keys(&mut p, "再添加一个网站吗？", "n");
    wait_for(&mut p, "已写出");
    let status = exit_code(&mut p);
    assert!(status.ends_with(", 0)"), "{status}");
    assert_eq!(std::fs::read_to_string(dir.path().join("mine.toml")).unwrap(), partial);
    assert_written(&dir.path().join("out"), "广州青禾软件有限公司");
}
