//! Drive the real `beian new` in a pseudo-terminal (expectrl; rexpect garbles CJK): complete
//! filings with a wrong answer corrected on the way, Esc back over three questions, editing
//! from a step summary and from the review, Ctrl-C and `--resume` (also with two autosaves),
//! a 山西 order split at its domain cap, a change order asking only what changes, an APP on
//! two platforms, a keystore's password asked hidden and never kept, a credit code of another
//! category than the kind said at the code, and English from start to resume.
#![cfg(unix)]

use expectrl::{Eof, Expect, Session};
use std::path::Path;
use std::process::Command;
use std::time::Duration;

type Pty = expectrl::session::OsSession;

const DOWN: &str = "\x1b[B";
const ESC: &str = "\x1b";

fn spawn_env(dir: &Path, args: &[&str], lang: Option<&str>) -> Pty {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_beian"));
    cmd.arg("new")
        .args(args)
        .current_dir(dir)
        .env("CLICOLOR", "0")
        .env("BEIAN_DATA_DIR", dir.join("data"))
        .env("BEIAN_CONFIG_DIR", dir.join("config"))
        .env("TERM", "xterm")
        .env_remove("NO_COLOR")
        .env_remove("BEIAN_LANG");
    if let Some(l) = lang {
        cmd.env("BEIAN_LANG", l);
    }
    let mut p = Session::spawn(cmd).expect("spawn beian in a pty");
    // Two shared cores: generous, so a slow machine is not a failure.
    let secs = std::env::var("PTY_TIMEOUT").ok().and_then(|s| s.parse().ok()).unwrap_or(60);
    p.set_expect_timeout(Some(Duration::from_secs(secs)));
    p
}

/// What the program printed since the last match, to tell why a wait failed.
fn pending(p: &mut Pty) -> String {
    p.set_expect_timeout(Some(Duration::from_secs(1)));
    match p.expect(expectrl::Regex("[\\s\\S]+")) {
        Ok(m) => String::from_utf8_lossy(m.get(0).unwrap_or_default()).to_string(),
        Err(_) => String::new(),
    }
}

fn spawn(dir: &Path, args: &[&str]) -> Pty {
    spawn_env(dir, args, Some("zh"))
}

fn wait_for(p: &mut Pty, text: &str) {
    if let Err(e) = p.expect(text) {
        let rest = pending(p);
        panic!("waiting for {text:?}: {e}\nthe screen said:\n{rest}");
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
    keys(p, "已经有 ICP 备案号了吗？", "n");
    keys(p, "接入商（云服务商）", "\r");
    keys(p, "云账号已完成实名认证？", "y");
    keys(p, "备案资源类型", "\r");
    answer(p, "资源所在地域", "");
    answer(p, "资源已购买时长", "");
    answer(p, "这台资源已用于几个备案", "");
    answer(p, "计划提交备案的日期", "2026-12-01");
    keys(p, "备案类型与接入资源：请核对", "\r");
}

fn contacts(p: &mut Pty) {
    answer(p, "? 手机号码", "13800138000");
    answer(p, "? 应急联系电话", "13900139000");
    answer(p, "? 固定电话", "");
    answer(p, "? 电子邮箱", "zhangsan@example.com");
    keys(p, "主体负责人：请核对", "\r");
}

fn individual(p: &mut Pty) {
    keys(p, "备案主体性质", "\r"); // 个人
    answer(p, "您的姓名", "张三");
    keys(p, "主体证件类型", "\r"); // 居民身份证
    answer(p, "主体证件号码", "44030519900101123X");
    keys(p, "备案地域（省份）", "\r"); // the ID's province: 广东
    answer(p, "? 证件有效期至", "2031-05-01");
    answer(p, "证件上的住址", "广东省深圳市福田区某街道1号");
    answer(p, "通信地址", "");
    keys(p, "备案主体：请核对", "\r");
}

fn domain_fields(p: &mut Pty, name: &str) {
    answer(p, "? 域名 ›", name);
    keys(p, "域名持有者就是备案主体", "y");
    keys(p, "域名已完成实名认证？", "y");
    answer(p, "实名认证通过日期", "2026-10-10");
    answer(p, "域名注册日期", "2026-10-01");
    answer(p, "域名到期日期", "2028-10-01");
    answer(p, "域名注册商", "");
}

fn domain(p: &mut Pty) {
    domain_fields(p, "example.com");
    keys(p, "再添加一个域名吗？", "n");
    keys(p, "域名：请核对", "\r");
}

/// An individual's APP order (an individual files a website or an APP), up to the first
/// platform's signing file: Android, its package given.
fn individual_app(p: &mut Pty) {
    account(p);
    individual(p);
    contacts(p);
    domain(p);
    keys(p, "这次备案网站还是 APP？", &format!("{DOWN}\r"));
    answer(p, "APP 名称", "张三记账");
    keys(p, "平台 1", "\r"); // Android
    answer(p, "? 包名", "com.example.ledger");
}

/// A website order (asked first of a fresh order: a website, an APP, or both).
fn website(p: &mut Pty, name: &str) {
    keys(p, "这次备案网站还是 APP？", "\r");
    answer(p, "网站名称", name);
    answer(p, "网站首页网址", "");
    keys(p, "网站服务内容", "\r");
    answer(p, "网站语言", "");
    keys(p, "网站负责人是谁？", "\r");
    keys(p, "再添加一个网站吗？", "n");
    keys(p, "网站：请核对", "\r");
}

/// Materials later, and the review writes the bundle.
fn finish(p: &mut Pty) {
    keys(p, "现在就填写已备好的材料文件吗？", "n");
    keys(p, "检查结果：", "\r");
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

fn ok(status: &str) {
    assert!(status.contains("Exited(") && status.ends_with(", 0)"), "{status}");
}

#[test]
fn individual_in_guangdong_with_a_wrong_id_number_corrected() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = spawn(dir.path(), &["--out", "out"]);
    account(&mut p);
    keys(&mut p, "备案主体性质", "\r");
    answer(&mut p, "您的姓名", "张三");
    keys(&mut p, "主体证件类型", "\r");
    answer(&mut p, "主体证件号码", "440305199001011230");
    wait_for(&mut p, "ID-NUMBER");
    // Enter on an empty required answer says why.
    answer(&mut p, "主体证件号码", "");
    wait_for(&mut p, "这一项必填");
    answer(&mut p, "主体证件号码", "44030519900101123X");
    wait_for(&mut p, "4403**********123X");
    wait_for(&mut p, "出生日期 1990-01-01");
    keys(&mut p, "备案地域（省份）", "\r");
    answer(&mut p, "? 证件有效期至", "2031-05-01");
    answer(&mut p, "证件上的住址", "广东省深圳市福田区某街道1号");
    answer(&mut p, "通信地址", "");
    keys(&mut p, "备案主体：请核对", "\r");
    answer(&mut p, "? 手机号码", "13800138000");
    wait_for(&mut p, "138****8000");
    answer(&mut p, "? 应急联系电话", "13900139000");
    answer(&mut p, "? 固定电话", "");
    answer(&mut p, "? 电子邮箱", "zhangsan@example.com");
    keys(&mut p, "主体负责人：请核对", "\r");
    domain(&mut p);
    website(&mut p, "张三的技术笔记");
    finish(&mut p);
    wait_for(&mut p, "已写出");
    ok(&exit_code(&mut p));
    assert_written(&dir.path().join("out"), "张三的技术笔记");
    let left: Vec<_> = std::fs::read_dir(dir.path().join("data/wizard")).unwrap().collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn enterprise_with_a_wrong_credit_code_corrected() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = spawn(dir.path(), &["--out", "out"]);
    account(&mut p);
    keys(&mut p, "备案主体性质", "企业\r"); // type to filter
    // The only certificate an enterprise files with: told, not asked.
    wait_for(&mut p, "主体证件类型：营业执照");
    answer(&mut p, "主办单位名称", "深圳市示例网络科技有限公司");
    answer(&mut p, "主体证件号码", "91440300MA5F000180");
    wait_for(&mut p, "ID-NUMBER");
    answer(&mut p, "主体证件号码", "91440300MA5F000181");
    keys(&mut p, "备案地域（省份）", "\r"); // the code's province: 广东
    answer(&mut p, "? 证件有效期至", ""); // long-term
    answer(&mut p, "证件住所", "广东省深圳市南山区科技园路1号");
    answer(&mut p, "通信地址", "");
    keys(&mut p, "备案主体：请核对", "\r");
    answer(&mut p, "法定代表人姓名", "张三");
    keys(&mut p, "法定代表人证件类型", "\r");
    answer(&mut p, "法定代表人证件号码", "44030519900101123X");
    wait_for(&mut p, "广东：主体负责人须由法定代表人担任");
    keys(&mut p, "由法定代表人本人担任主体负责人吗？", "y");
    answer(&mut p, "法定代表人证件有效期至", "2031-05-01");
    answer(&mut p, "法定代表人证件上的住址", "");
    contacts(&mut p);
    domain(&mut p);
    website(&mut p, "示例科技官网");
    finish(&mut p);
    wait_for(&mut p, "已写出");
    ok(&exit_code(&mut p));
    assert_written(&dir.path().join("out"), "深圳市示例网络科技有限公司");
}

#[test]
fn a_credit_code_of_another_category_is_said_at_the_code_and_the_kind_is_changed_there() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = spawn(dir.path(), &[]);
    account(&mut p);
    keys(&mut p, "备案主体性质", "企业\r");
    answer(&mut p, "主办单位名称", "深圳市示例研究院");
    // A public institution's code (12…) for an enterprise: said now, with what to do.
    answer(&mut p, "主体证件号码", "12440300MB2C00005K");
    wait_for(&mut p, "这个代码登记为“事业单位”，但主体性质选的是“企业”");
    keys(&mut p, "怎么办？", "\r"); // the first choice: the kind the code says
    keys(&mut p, "备案地域（省份）", "\r");
    wait_for(&mut p, "? 证件有效期至");
    p.send("\x03").unwrap();
    wait_for(&mut p, "已中断");
    let _ = exit_code(&mut p);
    let saved: Vec<_> = std::fs::read_dir(dir.path().join("data/wizard")).unwrap().flatten().collect();
    let text = std::fs::read_to_string(saved[0].path()).unwrap();
    assert!(text.contains("kind = \"public_institution\""), "{text}");
    assert!(text.contains("type = \"public_institution_certificate\""), "{text}");
    assert!(text.contains("12440300MB2C00005K"), "{text}");
}

#[test]
fn esc_goes_back_over_three_questions_and_the_old_answers_are_the_defaults() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = spawn(dir.path(), &[]);
    keys(&mut p, "已经有 ICP 备案号了吗？", "n");
    keys(&mut p, "接入商（云服务商）", "\r");
    keys(&mut p, "云账号已完成实名认证？", "y");
    keys(&mut p, "备案资源类型", "\r");
    answer(&mut p, "资源所在地域", "cn-north-4");
    answer(&mut p, "资源已购买时长", "24");
    answer(&mut p, "这台资源已用于几个备案", "1");
    // Three times Esc: filings used, months, region.
    keys(&mut p, "计划提交备案的日期", ESC);
    keys(&mut p, "? 这台资源已用于几个备案", ESC);
    keys(&mut p, "? 资源已购买时长", ESC);
    // Forward again: each old answer is the default, Enter keeps it.
    answer(&mut p, "? 资源所在地域（区域代码） [cn-north-4]", "");
    answer(&mut p, "? 资源已购买时长（月，含续费） [24]", "");
    answer(&mut p, "? 这台资源已用于几个备案 [1]", "");
    answer(&mut p, "计划提交备案的日期", "2026-12-01");
    keys(&mut p, "备案类型与接入资源：请核对", "\r");
    wait_for(&mut p, "备案主体性质");
    p.send("\x03").unwrap();
    wait_for(&mut p, "已中断");
    let status = exit_code(&mut p);
    assert!(status.ends_with(", 130)"), "{status}");
    let saved: Vec<_> = std::fs::read_dir(dir.path().join("data/wizard")).unwrap().flatten().collect();
    let text = std::fs::read_to_string(saved[0].path()).unwrap();
    assert!(
        text.contains("region = \"cn-north-4\"") && text.contains("purchased_months = 24"),
        "{text}"
    );
}

#[test]
fn an_answer_is_changed_from_a_step_summary_and_from_the_review() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = spawn(dir.path(), &["--out", "out"]);
    account(&mut p);
    individual(&mut p);
    answer(&mut p, "? 手机号码", "13800138000");
    answer(&mut p, "? 应急联系电话", "13900139000");
    answer(&mut p, "? 固定电话", "");
    answer(&mut p, "? 电子邮箱", "wrong@example.com");
    // The summary: items are 1 mobile, 2 emergency, 3 landline (skipped: not listed), 3 e-mail.
    keys(&mut p, "主体负责人：请核对", &format!("{DOWN}{DOWN}{DOWN}\r"));
    answer(&mut p, "? 电子邮箱 [wrong@example.com]", "zhangsan@example.com");
    keys(&mut p, "主体负责人：请核对", "\r");
    domain_fields(&mut p, "example.com");
    keys(&mut p, "再添加一个域名吗？", "n");
    keys(&mut p, "域名：请核对", "\r");
    // A website name the rules warn about, kept; the review lists it with its question.
    website(&mut p, "张三的技术笔记");
    keys(&mut p, "现在就填写已备好的材料文件吗？", "n");
    // The review: the last entry changes any answer; pick the website name there.
    wait_for(&mut p, "检查结果：");
    wait_for(&mut p, "修改其他回答");
    p.send("\x1b[A\r").unwrap(); // up from the first entry: the last one
    wait_for(&mut p, "已保存的回答");
    p.send("网站名称").unwrap(); // a long list: type to filter
    wait_for(&mut p, "网站名称: 张三的技术笔记");
    p.send("\r").unwrap();
    answer(&mut p, "? 网站名称 [张三的技术笔记]", "张三的学习笔记");
    keys(&mut p, "网站：请核对", "\r");
    keys(&mut p, "检查结果：", "\r");
    wait_for(&mut p, "已写出");
    ok(&exit_code(&mut p));
    let draft = std::fs::read_to_string(dir.path().join("out/draft.toml")).unwrap();
    assert!(
        draft.contains("张三的学习笔记") && draft.contains("zhangsan@example.com"),
        "{draft}"
    );
}

#[test]
fn ctrl_c_saves_once_and_resume_continues() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = spawn(dir.path(), &[]);
    account(&mut p);
    keys(&mut p, "备案主体性质", "\r");
    answer(&mut p, "您的姓名", "张三");
    wait_for(&mut p, "主体证件类型");
    p.send("\x03").unwrap();
    wait_for(&mut p, "已中断");
    let rest = {
        let _ = p.expect(Eof);
        String::new()
    };
    let _ = rest;
    let status = format!("{:?}", p.get_process().wait().unwrap());
    assert!(status.ends_with(", 130)"), "{status}");

    let saved: Vec<_> = std::fs::read_dir(dir.path().join("data/wizard")).unwrap().flatten().collect();
    assert_eq!(saved.len(), 1);
    let text = std::fs::read_to_string(saved[0].path()).unwrap();
    assert!(text.contains("name = \"张三\""), "{text}");
    let checked = Command::new(env!("CARGO_BIN_EXE_beian"))
        .args(["check", "--format", "json"])
        .arg(saved[0].path())
        .output()
        .unwrap();
    let json = String::from_utf8_lossy(&checked.stdout);
    assert!(!json.contains("DRAFT-SYNTAX") && !json.contains("DRAFT-UNKNOWN-KEY"), "{json}");

    // Resume: what is saved is listed first; the next question is the document type.
    let mut p = spawn(dir.path(), &["--resume", "--out", "out"]);
    wait_for(&mut p, "已保存的回答");
    wait_for(&mut p, "您的姓名（与证件一致）: 张三");
    p.send("\r").unwrap();
    keys(&mut p, "主体证件类型", "\r");
    answer(&mut p, "主体证件号码", "44030519900101123X");
    keys(&mut p, "备案地域（省份）", "\r");
    answer(&mut p, "? 证件有效期至", "2031-05-01");
    answer(&mut p, "证件上的住址", "广东省深圳市福田区某街道1号");
    answer(&mut p, "通信地址", "");
    keys(&mut p, "备案主体：请核对", "\r");
    contacts(&mut p);
    domain(&mut p);
    website(&mut p, "张三的技术笔记");
    finish(&mut p);
    wait_for(&mut p, "已写出");
    ok(&exit_code(&mut p));
    let draft = std::fs::read_to_string(dir.path().join("out/draft.toml")).unwrap();
    assert!(draft.contains("provider = \"huaweicloud\""), "{draft}");
    assert!(!draft.contains("beian-wizard-progress"), "{draft}");
}

#[test]
fn resume_with_two_autosaves_asks_which_and_offers_to_delete_the_other() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data/wizard");
    std::fs::create_dir_all(&data).unwrap();
    let progress = "# beian-wizard-progress: {\"done\":[\"account\"],\"skipped\":[],\"meta\":{\"~type.has_number\":\"no\"}}\n";
    let older = format!("{progress}format = 1\n[account]\nfiling_type = \"first\"\nprovider = \"aliyun\"\n[principal]\nname = \"李四\"\n");
    let newer =
        format!("{progress}format = 1\n[account]\nfiling_type = \"first\"\nprovider = \"huaweicloud\"\n[principal]\nname = \"张三\"\n");
    std::fs::write(data.join("draft-20261101-100000.toml"), older).unwrap();
    std::thread::sleep(Duration::from_millis(50));
    std::fs::write(data.join("draft-20261130-100000.toml"), newer).unwrap();
    let mut p = spawn(dir.path(), &["--resume"]);
    wait_for(&mut p, "有 2 份保存的草稿，继续哪一份？");
    wait_for(&mut p, "李四");
    p.send(format!("{DOWN}\r")).unwrap(); // the older one
    keys(&mut p, "删除上面其余 1 份草稿吗？", "y");
    wait_for(&mut p, "已保存的回答");
    wait_for(&mut p, "阿里云");
    p.send("\r").unwrap();
    wait_for(&mut p, "云账号已完成实名认证？");
    p.send("\x03").unwrap();
    wait_for(&mut p, "已中断");
    let _ = exit_code(&mut p);
    let left: Vec<String> = std::fs::read_dir(&data)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().to_string())
        .collect();
    assert_eq!(left, ["draft-20261101-100000.toml"]);
}

#[test]
fn a_shanxi_order_is_split_into_two_drafts_at_the_domain_cap() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = spawn(dir.path(), &["--out", "out"]);
    account(&mut p);
    keys(&mut p, "备案主体性质", "企业\r");
    answer(&mut p, "主办单位名称", "太原市示例贸易有限公司");
    answer(&mut p, "主体证件号码", "91140100MA0000007Q");
    keys(&mut p, "备案地域（省份）", "\r"); // 山西, from the code
    answer(&mut p, "? 证件有效期至", "");
    answer(&mut p, "证件住所", "山西省太原市小店区示例路1号");
    answer(&mut p, "通信地址", "");
    keys(&mut p, "备案主体：请核对", "\r");
    answer(&mut p, "法定代表人姓名", "王五");
    keys(&mut p, "法定代表人证件类型", "\r");
    answer(&mut p, "法定代表人证件号码", "140105198001014565");
    keys(&mut p, "由法定代表人本人担任主体负责人吗？", "y");
    answer(&mut p, "法定代表人证件有效期至", "2036-01-01");
    answer(&mut p, "法定代表人证件上的住址", "");
    contacts(&mut p);
    for (i, name) in ["example-a.cn", "example-b.cn", "example-c.cn"].iter().enumerate() {
        domain_fields(&mut p, name);
        if i < 2 {
            keys(&mut p, "再添加一个域名吗？", "y");
        }
    }
    // The fourth would break 山西's cap of 3: said before it is typed, with a split offered.
    wait_for(&mut p, "再加一个域名就超过上限");
    keys(&mut p, "再添加一个域名吗？", &format!("{DOWN}\r"));
    wait_for(&mut p, "第二份订单的草稿已保存到");
    keys(&mut p, "域名：请核对", "\r");
    keys(&mut p, "这次备案网站还是 APP？", "\r");
    answer(&mut p, "网站名称", "示例贸易官网");
    keys(&mut p, "网站使用的域名", "\r");
    answer(&mut p, "网站首页网址", "");
    keys(&mut p, "网站服务内容", "\r");
    answer(&mut p, "网站语言", "");
    keys(&mut p, "网站负责人是谁？", "\r");
    keys(&mut p, "再添加一个网站吗？", "n");
    keys(&mut p, "网站：请核对", "\r");
    finish(&mut p);
    wait_for(&mut p, "已写出");
    let _ = exit_code(&mut p);
    let draft = std::fs::read_to_string(dir.path().join("out/draft.toml")).unwrap();
    assert_eq!(draft.matches("[[domain]]").count(), 3, "{draft}");
    let second: Vec<_> = std::fs::read_dir(dir.path().join("data/wizard"))
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains("-2"))
        .collect();
    assert_eq!(second.len(), 1);
    let text = std::fs::read_to_string(second[0].path()).unwrap();
    assert!(text.contains("太原市示例贸易有限公司") && !text.contains("[[domain]]"), "{text}");
    // The second draft continues at the domains.
    let mut p = spawn(dir.path(), &["--resume", second[0].path().to_str().unwrap()]);
    wait_for(&mut p, "已保存的回答");
    p.send("\r").unwrap();
    wait_for(&mut p, "? 域名 ›");
    p.send("\x03").unwrap();
    let _ = exit_code(&mut p);
}

/// Press `keys` at `prompt`, keeping what the screen showed on the way.
fn say(p: &mut Pty, prompt: &str, keys: &str, seen: &mut String) {
    wait_seen(p, prompt, seen);
    p.send(keys).unwrap();
}

/// Wait for `text`, keeping what the screen showed on the way.
fn wait_seen(p: &mut Pty, text: &str, seen: &mut String) {
    match p.expect(text) {
        Ok(m) => {
            seen.push_str(&String::from_utf8_lossy(m.before()));
            seen.push_str(text);
        }
        Err(e) => {
            let rest = pending(p);
            panic!("waiting for {text:?}: {e}\nthe screen said:\n{rest}");
        }
    }
}

#[test]
fn a_change_order_asks_only_the_changed_parts_and_the_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = spawn(dir.path(), &["--out", "out"]);
    let mut seen = String::new();
    say(&mut p, "已经有 ICP 备案号了吗？", "y", &mut seen);
    say(&mut p, "这次要做什么？", &format!("{DOWN}{DOWN}\r"), &mut seen); // change
    say(&mut p, "主体备案号", "粤ICP备2021012345号\r", &mut seen);
    // What changes: only the website.
    say(&mut p, "变更主体信息", "n", &mut seen);
    say(&mut p, "变更主体负责人", "n", &mut seen);
    say(&mut p, "变更网站信息", "y", &mut seen);
    say(&mut p, "变更 APP 信息", "n", &mut seen);
    say(&mut p, "变更接入信息", "n", &mut seen);
    say(&mut p, "接入商（云服务商）", "\r", &mut seen);
    say(&mut p, "云账号已完成实名认证？", "y", &mut seen);
    say(&mut p, "计划提交备案的日期", "2026-12-01\r", &mut seen);
    say(&mut p, "备案类型与接入资源：请核对", "\r", &mut seen);
    // The principal is named, not resubmitted.
    say(&mut p, "备案主体性质", "\r", &mut seen); // 个人
    say(&mut p, "您的姓名", "张三\r", &mut seen);
    say(&mut p, "主体证件类型", "\r", &mut seen);
    say(&mut p, "主体证件号码", "44030519900101123X\r", &mut seen);
    say(&mut p, "备案地域（省份）", "\r", &mut seen);
    say(&mut p, "备案主体：请核对", "\r", &mut seen);
    domain(&mut p);
    // The website's own number is asked, right after its name.
    answer(&mut p, "网站名称", "张三的技术笔记");
    answer(&mut p, "网站备案号", "粤ICP备2021012345号-1");
    answer(&mut p, "网站首页网址", "");
    keys(&mut p, "网站服务内容", "\r");
    answer(&mut p, "网站语言", "");
    keys(&mut p, "网站负责人是谁？", "\r");
    keys(&mut p, "再添加一个网站吗？", "n");
    keys(&mut p, "网站：请核对", "\r");
    // No "an APP too?": the order changes no APP.
    keys(&mut p, "现在就填写已备好的材料文件吗？", "n");
    keys(&mut p, "检查结果：", "\r");
    wait_for(&mut p, "已写出");
    ok(&exit_code(&mut p));
    for never in ["? 备案资源类型", "? 证件有效期至", "? 证件上的住址", "? 通信地址", "? 手机号码"] {
        assert!(!seen.contains(never), "{never} was asked:\n{seen}");
    }
    let out = dir.path().join("out");
    let text = std::fs::read_to_string(out.join("draft.toml")).unwrap();
    assert!(text.contains("filing_type = \"change\""), "{text}");
    assert!(text.contains("changes = [\"website\"]"), "{text}");
    assert!(text.contains("filing_number = \"粤ICP备2021012345号-1\""), "{text}");
    assert!(text.contains("filing_number = \"粤ICP备2021012345号\""), "{text}");
    assert_written(&out, "张三的技术笔记");
}

#[test]
fn an_app_on_two_platforms() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = spawn(dir.path(), &[]);
    individual_app(&mut p);
    // The signed APK instead of typed hex: its MD5 and public key are filled in, not asked.
    let apk = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/app/v1v2.apk");
    answer(&mut p, "签名文件", apk.to_str().unwrap());
    keys(&mut p, "这个 APP 还有其他平台吗？", "y");
    keys(&mut p, "平台 2", "\r"); // iOS is the default for the second
    answer(&mut p, "Bundle ID", "com.example.ledger");
    answer(&mut p, "签名文件", "");
    answer(&mut p, "签名证书 SHA-1", "0123456789ABCDEF0123456789ABCDEF01234567");
    answer(
        &mut p,
        "签名证书公钥",
        "30820122300d06092a864886f70d01010105000382010f003082010a0282010100c0ffee",
    );
    keys(&mut p, "这个 APP 还有其他平台吗？", "n");
    wait_for(&mut p, "APP 服务内容");
    p.send("\x03").unwrap();
    let _ = exit_code(&mut p);
    let saved: Vec<_> = std::fs::read_dir(dir.path().join("data/wizard")).unwrap().flatten().collect();
    let text = std::fs::read_to_string(saved[0].path()).unwrap();
    assert_eq!(text.matches("[[app.platform]]").count(), 2, "{text}");
    assert!(text.contains("os = \"android\"") && text.contains("os = \"ios\""), "{text}");
    assert!(
        text.contains("signing_sha1 = \"0123456789ABCDEF0123456789ABCDEF01234567\""),
        "{text}"
    );
    // What `beian app inspect` reads from the same APK.
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_beian"))
        .args(["app", "inspect", "--format", "json"])
        .arg(&apk)
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let md5 = json.to_string();
    let md5 = md5
        .split("\"md5\":\"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .unwrap()
        .to_string();
    let hex = md5.replace(':', "");
    assert!(
        text.lines()
            .any(|l| l.starts_with("signing_md5") && l.replace(':', "").contains(&hex)),
        "{md5} not in {text}"
    );
    assert!(text.contains("package = \"com.example.ledger\""), "the typed package stays: {text}");
}

fn has_cjk(s: &str) -> bool {
    s.chars()
        .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3000}'..='\u{303f}').contains(&c) || ('\u{ff00}'..='\u{ffef}').contains(&c))
}

/// Everything the wizard printed, kept while waiting.
struct Log<'p> {
    p: &'p mut Pty,
    text: String,
}

impl Log<'_> {
    fn wait(&mut self, text: &str) {
        match self.p.expect(text) {
            Ok(m) => {
                self.text.push_str(&String::from_utf8_lossy(m.before()));
                self.text.push_str(text);
            }
            Err(e) => panic!("waiting for {text:?}: {e}\n{}", self.text),
        }
    }
    fn keys(&mut self, prompt: &str, keys: &str) {
        self.wait(prompt);
        self.p.send(keys).unwrap();
    }
    fn answer(&mut self, prompt: &str, text: &str) {
        self.keys(prompt, &format!("{text}\r"));
    }
    fn interrupt(&mut self) {
        self.p.send("\x03").unwrap();
        if let Ok(m) = self.p.expect(Eof) {
            self.text.push_str(&String::from_utf8_lossy(m.before()));
            for part in m.matches() {
                self.text.push_str(&String::from_utf8_lossy(part));
            }
        }
        let _ = self.p.get_process().wait();
    }
}

#[test]
fn english_from_start_to_resume_shows_no_chinese_outside_names() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = spawn_env(dir.path(), &["--lang", "en"], None);
    let mut l = Log {
        p: &mut p,
        text: String::new(),
    };
    l.keys("already hold an ICP filing number?", "n");
    l.keys("Access provider (cloud)", "\r");
    l.keys("real-name verification?", "y");
    l.keys("Resource that backs the filing", "\r");
    l.answer("Resource region", "");
    l.answer("Months paid for the resource", "");
    l.answer("Filings this resource already backs", "");
    l.answer("Day you plan to submit", "2026-12-01");
    l.keys("Filing type and resource: please check", "\r");
    l.keys("Kind of principal", "\r");
    l.answer("Your name", "John Smith");
    l.keys("Principal's document type", "Passport\r");
    l.answer("Principal's document number", "E12345678");
    l.keys("Filing region (province)", "Shanghai\r");
    l.wait("Document valid until");
    l.interrupt();
    let first = l.text;
    assert!(first.contains("Interrupted. Your answers are saved in"), "{first}");

    // Resumed without --lang: the draft keeps English.
    let mut p = spawn_env(dir.path(), &["--resume"], None);
    let mut l = Log {
        p: &mut p,
        text: String::new(),
    };
    l.keys("Saved answers", "\r");
    l.answer("? Document valid until", "2031-05-01");
    l.answer("Mailing address", "Room 1, 100 Example Road, Shanghai");
    l.keys("The principal (who files): please check", "\r");
    l.keys("Do you hold a valid Shanghai residence permit?", "y");
    // Too close to the filing date: said at once, in English, with what to do.
    l.answer("Residence permit valid until", "2026-12-15");
    l.wait("less than 1 month after the filing date (SH-RESIDENCE-PERMIT-MONTH) What now?");
    l.interrupt();
    let all = format!("{first}{}", l.text);
    let chinese: Vec<&str> = all.lines().filter(|line| has_cjk(line)).collect();
    assert!(chinese.is_empty(), "Chinese in the English wizard: {chinese:#?}");
    assert_eq!(all.matches("Interrupted.").count(), 2, "once per run:\n{all}");
}

#[test]
fn resuming_a_hand_written_draft_asks_only_what_is_missing_and_leaves_the_file_alone() {
    let dir = tempfile::tempdir().unwrap();
    let example =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/scenarios/shanxi-foreign-legal-rep.toml"))
            .unwrap();
    let partial: String = example
        .lines()
        .filter(|l| !l.starts_with("mobile ="))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(dir.path().join("mine.toml"), &partial).unwrap();
    let mut p = spawn(dir.path(), &["--resume", "mine.toml", "--out", "out"]);
    keys(&mut p, "已保存的回答", "\r");
    answer(&mut p, "? 手机号码", "1380013800");
    wait_for(&mut p, "CONTACT-FORMAT");
    answer(&mut p, "? 手机号码", "13800138000");
    answer(&mut p, "? 固定电话", "");
    keys(&mut p, "主体负责人：请核对", "\r");
    answer(&mut p, "域名注册商", ""); // left empty: nothing to check, no summary
    keys(&mut p, "再添加一个域名吗？", "n");
    answer(&mut p, "网站语言", "");
    keys(&mut p, "再添加一个网站吗？", "n");
    keys(&mut p, "网站：请核对", "\r");
    // The draft lists a website already: whether an APP comes too is asked.
    keys(&mut p, "这次也备案 APP 吗？", "n");
    finish(&mut p);
    wait_for(&mut p, "已写出");
    let _ = exit_code(&mut p);
    assert_eq!(std::fs::read_to_string(dir.path().join("mine.toml")).unwrap(), partial);
    assert_written(&dir.path().join("out"), "太原市示例贸易有限公司");
}

/// A keystore as the signing file: its password asked hidden (a wrong one said and asked
/// again), the fingerprint read from it shown in the step summary, and the password on
/// neither the screen nor the autosave.
#[test]
fn a_keystore_password_is_asked_hidden_and_never_kept() {
    const PW: &str = "beian-test";
    let dir = tempfile::tempdir().unwrap();
    let mut p = spawn(dir.path(), &[]);
    let mut seen = String::new();
    individual_app(&mut p);
    let jks = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/app/release.jks");
    say(&mut p, "签名文件", &format!("{}\r", jks.display()), &mut seen);
    say(&mut p, "? 密钥库密码", "wrong-one\r", &mut seen);
    wait_seen(&mut p, "密钥库密码不正确", &mut seen);
    say(&mut p, "? 密钥库密码", &format!("{PW}\r"), &mut seen);
    wait_seen(&mut p, "已输入（不保存）", &mut seen);
    say(&mut p, "这个 APP 还有其他平台吗？", "n", &mut seen);
    say(&mut p, "APP 服务内容", "\r", &mut seen);
    say(&mut p, "APP 语言", "\r", &mut seen);
    say(&mut p, "APP 负责人是谁？", "\r", &mut seen);
    say(&mut p, "再添加一个 APP 吗？", "n", &mut seen);
    // What `beian app inspect` reads from the same keystore.
    let o = Command::new(env!("CARGO_BIN_EXE_beian"))
        .args(["app", "inspect", "--format", "json", "--storepass-env", "PW"])
        .arg(&jks)
        .env("PW", PW)
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let md5 = json
        .to_string()
        .split("\"md5\":\"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .unwrap()
        .to_string();
    let md5 = md5.to_uppercase();
    assert_eq!(md5.replace(':', "").len(), 32, "{md5}");
    wait_seen(&mut p, "APP：请核对", &mut seen);
    let from = seen.len();
    wait_seen(&mut p, "APP 负责人是谁？: ", &mut seen);
    let summary = seen[from..].to_string();
    assert!(summary.contains("密钥库密码: 已输入（不保存）"), "{summary}");
    let shown: String = summary
        .split("签名证书 MD5: ")
        .nth(1)
        .map(|r| r.chars().take(47).collect())
        .unwrap_or_default();
    assert_eq!(shown.replace(':', "").to_uppercase(), md5.replace(':', ""), "{summary}");
    p.send("\x03").unwrap();
    let _ = exit_code(&mut p);
    assert!(
        !seen.contains(PW) && !seen.contains("wrong-one"),
        "the password was on the screen:\n{seen}"
    );
    let saved: Vec<_> = std::fs::read_dir(dir.path().join("data/wizard")).unwrap().flatten().collect();
    let text = std::fs::read_to_string(saved[0].path()).unwrap();
    assert!(!text.contains(PW) && !text.contains("wrong-one"), "{text}");
    assert!(
        text.lines()
            .any(|l| l.starts_with("signing_md5") && l.replace(':', "").to_uppercase().contains(&md5.replace(':', ""))),
        "{md5} not in {text}"
    );
    assert!(text.contains("\"~app.0.platform.0.storepass\":\"given\""), "{text}");
}
