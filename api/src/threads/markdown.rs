//! Markdown to sanitised HTML. The renderer passes raw HTML through; the sanitiser then keeps
//! only a safe allow-list: no script, no event handlers, no `javascript:` links, no iframes.

use pulldown_cmark::{Options, Parser, html};

pub fn render(markdown: &str) -> String {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    let mut unsafe_html = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut unsafe_html, Parser::new_ext(markdown, options));
    ammonia::Builder::default()
        .link_rel(Some("noopener noreferrer nofollow"))
        .url_schemes(["http", "https", "mailto"].into_iter().collect())
        .clean(&unsafe_html)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::render;

    #[test]
    fn markdown_renders_and_dangerous_html_does_not_survive() {
        let cases: &[(&str, &str, &[&str])] = &[
            ("**bold**", "<strong>bold</strong>", &[]),
            (
                "<script>alert(1)</script>hi",
                "hi",
                &["<script", "alert(1)"],
            ),
            (
                "<img src=x onerror=alert(1)>",
                "<img src=\"x\"",
                &["onerror"],
            ),
            ("[x](javascript:alert(1))", "x", &["javascript:"]),
            (
                "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
                "x",
                &["avascript", "alert"],
            ),
            (
                "<iframe src=\"https://evil.example\"></iframe>",
                "",
                &["<iframe"],
            ),
            (
                "<div onclick=\"steal()\">x</div>",
                "x",
                &["onclick", "steal"],
            ),
            (
                "[ok](https://cert.example)",
                "href=\"https://cert.example\"",
                &[],
            ),
            (
                "<svg><script>alert(1)</script></svg>",
                "",
                &["<svg", "<script"],
            ),
        ];
        for (input, present, absent) in cases {
            let html = render(input);
            assert!(html.contains(present), "{input} -> {html}");
            for bad in *absent {
                assert!(!html.to_lowercase().contains(bad), "{input} -> {html}");
            }
        }
    }
}
