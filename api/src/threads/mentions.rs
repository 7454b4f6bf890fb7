//! `@mentions` in a post body: `@` followed by an account's email address, e.g.
//! `@analyst@police.example`. Inline code and code blocks mention nobody.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

/// At most this many distinct accounts are looked up per post.
pub const MAX_MENTIONS: usize = 50;

/// The lower-cased email addresses mentioned in `markdown`, without duplicates.
pub fn parse(markdown: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut in_code = 0usize;
    for event in Parser::new(markdown) {
        match event {
            Event::Start(Tag::CodeBlock(_)) => in_code += 1,
            Event::End(TagEnd::CodeBlock) => in_code = in_code.saturating_sub(1),
            Event::Text(text) if in_code == 0 => scan(&text, &mut found),
            _ => {}
        }
        if found.len() >= MAX_MENTIONS {
            break;
        }
    }
    found.truncate(MAX_MENTIONS);
    found
}

fn is_local(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-')
}

fn is_domain(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '-')
}

fn scan(text: &str, found: &mut Vec<String>) {
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let starts = chars[i] == '@' && (i == 0 || !is_local(chars[i - 1]) && chars[i - 1] != '@');
        if !starts {
            i += 1;
            continue;
        }
        let local_start = i + 1;
        let mut j = local_start;
        while j < chars.len() && is_local(chars[j]) {
            j += 1;
        }
        if j == local_start || j >= chars.len() || chars[j] != '@' {
            i = j.max(i + 1);
            continue;
        }
        let domain_start = j + 1;
        let mut k = domain_start;
        while k < chars.len() && is_domain(chars[k]) {
            k += 1;
        }
        let domain: String = chars[domain_start..k].iter().collect();
        let domain = domain.trim_end_matches(['.', '-']);
        if domain.contains('.') && !domain.starts_with('.') {
            let local: String = chars[local_start..j].iter().collect();
            let email = format!("{local}@{domain}").to_lowercase();
            if !found.contains(&email) {
                found.push(email);
            }
        }
        i = k.max(i + 1);
    }
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn mentions_are_email_addresses_after_an_at_sign() {
        let cases: &[(&str, &[&str])] = &[
            (
                "hi @analyst@police.example, look",
                &["analyst@police.example"],
            ),
            ("@A@B.example and @a@b.example.", &["a@b.example"]),
            ("mail analyst@police.example", &[]),
            ("`@analyst@police.example`", &[]),
            ("```\n@analyst@police.example\n```", &[]),
            ("@nobody and @@x@y.example", &[]),
            ("(@x@y.example)", &["x@y.example"]),
        ];
        for (input, expected) in cases {
            assert_eq!(parse(input), *expected, "{input}");
        }
    }
}
