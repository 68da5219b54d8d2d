//! Markdown (the letters) → HTML (the printable report). Raw HTML in the Markdown is shown
//! as text, never passed through: a name like `<b>` in a draft cannot inject markup.

use pulldown_cmark::{Event, Options, Parser, html};

pub fn to_html(md: &str) -> String {
    let parser = Parser::new_ext(md, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH).map(|e| match e {
        Event::Html(s) | Event::InlineHtml(s) => Event::Text(s),
        other => other,
    });
    let mut out = String::new();
    html::push_html(&mut out, parser);
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn renders_and_escapes() {
        let h = super::to_html("# 授权书\n\n姓名：<b>张三</b> & **签字**\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
        assert!(h.contains("<h1>授权书</h1>"), "{h}");
        assert!(h.contains("&lt;b&gt;张三&lt;/b&gt; &amp; <strong>签字</strong>"), "{h}");
        assert!(h.contains("<table>"), "{h}");
    }
}
