//! Pragmatic e-mail syntax check: the filing system only needs an address a
//! reviewer can write to, not full RFC 5322.

use super::Problem;

pub fn email(s: &str) -> Result<(), Problem> {
    let s = s.trim();
    let err = |zh: &str, en: &str| Err(Problem::error(zh, en));
    if s.is_empty() {
        return err("电子邮箱为空", "e-mail address is empty");
    }
    if s.chars().any(char::is_whitespace) {
        return err("电子邮箱不能包含空格", "e-mail address must not contain spaces");
    }
    if s.contains('＠') {
        return err("请使用半角 @", "use the ASCII @ sign, not the full-width one");
    }
    let mut parts = s.split('@');
    let (Some(local), Some(domain), None) = (parts.next(), parts.next(), parts.next()) else {
        return err("电子邮箱应包含且只包含一个 @", "an e-mail address has exactly one @");
    };
    if local.is_empty() {
        return err("@ 前的用户名为空", "nothing before the @");
    }
    if domain.contains(['。', '．', '｡', ',', '，']) {
        return err("邮箱域名包含全角句点或逗号", "the domain contains a full-width dot or a comma");
    }
    let labels: Vec<&str> = domain.split('.').collect();
    if labels.len() < 2 || labels.iter().any(|l| l.is_empty()) {
        return err(
            "@ 后应为带点的域名，如 example.com",
            "after the @ comes a domain with a dot, e.g. example.com",
        );
    }
    if labels.iter().any(|l| l.starts_with('-') || l.ends_with('-')) {
        return err("邮箱域名格式不正确", "the e-mail domain is malformed");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::email;

    #[test]
    fn accepts() {
        for ok in ["a@example.com", " zhang.san+icp@mail.example.com.cn ", "用户@例子.中国"] {
            assert!(email(ok).is_ok(), "{ok}");
        }
    }

    #[test]
    fn rejects() {
        for bad in [
            "",
            "a",
            "@example.com",
            "a@b",
            "a@@b.com",
            "a@b@c.com",
            "a b@c.com",
            "a@b..com",
            "a@.com",
            "a@b.com.",
            "a＠b.com",
            "a@b。com",
            "a@-b.com",
        ] {
            assert!(email(bad).is_err(), "{bad}");
        }
    }
}
