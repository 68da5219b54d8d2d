//! Every prompt in both languages; English with no Chinese outside names.

use super::*;

#[test]
fn english_prompts() {
    let r = run_with(Table::new(), Progress::default(), vec![], Lang::En);
    assert!(!r.done);
    assert_eq!(r.p.asked, ["~type.has_number"]);
    assert_eq!(r.p.notes[0], "[1/8] Filing type and resource");
    let zh = run(vec![]);
    assert_eq!(zh.p.notes[0], "[1/8] 备案类型与接入资源");
}

/// Walk the question lists of many drafts: every prompt, help and option has both
/// languages, and the English has no Chinese outside names and filing-number examples
/// (also where a credit code contradicts the kind chosen, and a residence permit has expired).
#[test]
fn every_question_has_both_languages() {
    use super::question::{Bi, Input};
    fn strings(v: &toml::Value, out: &mut Vec<String>) {
        match v {
            toml::Value::String(s) => out.push(s.clone()),
            toml::Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
            toml::Value::Table(t) => t.values().for_each(|x| strings(x, out)),
            _ => {}
        }
    }
    let check = |b: &Bi, what: &str, names: &[String]| {
        assert!(!b.zh.is_empty() && !b.en.is_empty(), "{what}: {b:?}");
        // Names (from the draft) and the examples of names and numbers are not words.
        let mut en =
            b.en.replace("ICP备", "")
                .replace("例子.中国", "")
                .replace("张三的技术笔记", "")
                .replace("示例科技官网", "");
        for n in names {
            en = en.replace(n.as_str(), "");
        }
        assert!(
            !en.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{what}: Chinese in {:?}",
            b.en
        );
    };
    let mut seen = 0;
    let mut keys = std::collections::HashSet::new();
    let scripts = [
        individual_full(),
        {
            let mut s = enterprise(
                "广东",
                "深圳市示例网络科技有限公司",
                "91440300MA5F000181",
                "广东省深圳市南山区科技园路1号",
                "44030519900101123X",
            );
            s.extend(domain("example.com"));
            s
        },
        {
            // A credit code whose category contradicts the kind: the question that says so.
            let (mut s, _) = public_institution_code_as_enterprise();
            s.extend([pick("keep"), pick("广东")]);
            s
        },
        {
            // An expired residence permit: the question that says so.
            let mut s = individual_gd("110101199003078670", "resident_id");
            s.extend([Y, text("2026-10-01"), pick("keep")]);
            s.extend(contacts("13800138000", "13900139000"));
            s
        },
    ];
    for script in scripts {
        for n in (0..script.len()).step_by(3) {
            let r = run(script[..n].to_vec());
            let mut names = Vec::new();
            strings(&toml::Value::Table(r.draft.clone()), &mut names);
            for interactive in [true, false] {
                let defaults = super::questions::Defaults::default();
                let cx = super::questions::Cx {
                    draft: &r.draft,
                    meta: &r.progress.meta,
                    rules: crate::rules::rules(),
                    today: day("2026-11-29"),
                    defaults: &defaults,
                    interactive,
                };
                for q in super::questions::all(&cx) {
                    seen += 1;
                    keys.insert(q.key.clone());
                    check(&q.prompt, &q.key, &names);
                    if !q.help.is_empty() {
                        check(&q.help, &q.key, &names);
                    }
                    if let Some(b) = &q.before {
                        check(b, &q.key, &names);
                    }
                    if let Input::Choice(opts) = &q.input {
                        for o in opts {
                            if o.label.zh != o.label.en {
                                check(&o.label, &format!("{} / {}", q.key, o.id), &names);
                            }
                        }
                    }
                }
            }
        }
    }
    assert!(seen > 500, "{seen}");
    for k in ["~principal.code_kind", "~principal.responsible.permit_check"] {
        assert!(keys.contains(k), "{k} not walked");
    }
    for step in super::questions::STEPS.iter().chain(&["review"]) {
        let zh = super::engine::step_name(step, Lang::Zh);
        let en = super::engine::step_name(step, Lang::En);
        assert!(zh != *step || *step == "apps", "{step}");
        assert!(!en.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{en}");
    }
}
