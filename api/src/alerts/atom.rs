//! The public Atom feed (RFC 4287) of alerts and advisories. Written by hand: a few
//! elements, every text and attribute escaped.

use chrono::{DateTime, SecondsFormat, Utc};

/// One entry of the feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedEntry {
    /// A URI, e.g. `urn:uuid:…`.
    pub id: String,
    pub title: String,
    pub summary: String,
    pub updated: DateTime<Utc>,
    pub published: DateTime<Utc>,
    /// An absolute URL.
    pub link: String,
    /// `alert` or `advisory`.
    pub category: String,
    pub author: String,
}

/// The feed document. The feed itself has an author (its title), so entries without one
/// stay valid (RFC 4287 §4.1.1).
pub fn feed(
    feed_id: &str,
    title: &str,
    self_url: &str,
    alternate_url: &str,
    updated: DateTime<Utc>,
    entries: &[FeedEntry],
) -> String {
    let mut xml = String::with_capacity(1024 + entries.len() * 512);
    xml.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    xml.push_str("<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
    element(&mut xml, 1, "id", feed_id);
    push_line(
        &mut xml,
        1,
        &format!("<title type=\"text\">{}</title>", text(title)),
    );
    element(&mut xml, 1, "updated", &timestamp(updated));
    link(&mut xml, 1, "self", "application/atom+xml", self_url);
    link(&mut xml, 1, "alternate", "text/html", alternate_url);
    author(&mut xml, 1, title);
    push_line(&mut xml, 1, "<generator>Alliance Hub</generator>");
    for entry in entries {
        push_line(&mut xml, 1, "<entry>");
        element(&mut xml, 2, "id", &entry.id);
        push_line(
            &mut xml,
            2,
            &format!("<title type=\"text\">{}</title>", text(&entry.title)),
        );
        element(&mut xml, 2, "updated", &timestamp(entry.updated));
        element(&mut xml, 2, "published", &timestamp(entry.published));
        link(&mut xml, 2, "alternate", "text/html", &entry.link);
        push_line(
            &mut xml,
            2,
            &format!("<summary type=\"text\">{}</summary>", text(&entry.summary)),
        );
        if !entry.category.trim().is_empty() {
            push_line(
                &mut xml,
                2,
                &format!("<category term=\"{}\"/>", attribute(&entry.category)),
            );
        }
        if !entry.author.trim().is_empty() {
            author(&mut xml, 2, &entry.author);
        }
        push_line(&mut xml, 1, "</entry>");
    }
    xml.push_str("</feed>\n");
    xml
}

fn push_line(xml: &mut String, depth: usize, line: &str) {
    for _ in 0..depth {
        xml.push_str("  ");
    }
    xml.push_str(line);
    xml.push('\n');
}

fn element(xml: &mut String, depth: usize, name: &str, value: &str) {
    push_line(xml, depth, &format!("<{name}>{}</{name}>", text(value)));
}

fn link(xml: &mut String, depth: usize, rel: &str, media_type: &str, href: &str) {
    push_line(
        xml,
        depth,
        &format!(
            "<link rel=\"{rel}\" type=\"{media_type}\" href=\"{}\"/>",
            attribute(href)
        ),
    );
}

fn author(xml: &mut String, depth: usize, name: &str) {
    push_line(
        xml,
        depth,
        &format!("<author><name>{}</name></author>", text(name)),
    );
}

/// RFC 3339 in UTC, to the second.
fn timestamp(date: DateTime<Utc>) -> String {
    date.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// Character data: `&`, `<` and `>` escaped.
fn text(value: &str) -> String {
    escape(value, false)
}

/// A double-quoted attribute value: quotes and whitespace other than spaces escaped too
/// (a literal tab or newline would be normalised to a space by parsers).
fn attribute(value: &str) -> String {
    escape(value, true)
}

fn escape(value: &str, in_attribute: bool) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if in_attribute => out.push_str("&quot;"),
            '\'' if in_attribute => out.push_str("&apos;"),
            '\t' if in_attribute => out.push_str("&#9;"),
            '\n' if in_attribute => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            // Not allowed in XML 1.0 at all, not even as references: dropped.
            c if !allowed_in_xml(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// The XML 1.0 `Char` production.
fn allowed_in_xml(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

    use chrono::TimeZone;

    use super::*;

    fn at(hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 1, hour, 0, 0).unwrap()
    }

    fn entry() -> FeedEntry {
        FeedEntry {
            id: "urn:uuid:0190f3a2-0000-7000-8000-000000000001".into(),
            title: "Fake <bank> & \"support\" calls".into(),
            summary: "Callers say they're from the bank & ask for codes <now>.".into(),
            updated: at(10),
            published: at(9),
            link: "https://hub.example.org/alerts/1?a=1&b=\"2\"".into(),
            category: "alert".into(),
            author: "Police & CERT".into(),
        }
    }

    #[test]
    fn text_and_attributes_are_escaped() {
        assert_eq!(text("a < b & c > \"d\""), "a &lt; b &amp; c &gt; \"d\"");
        assert_eq!(
            attribute("x=\"1\"&y='2'<\n"),
            "x=&quot;1&quot;&amp;y=&apos;2&apos;&lt;&#10;"
        );
        assert_eq!(text("bell\u{7}\u{FFFE}ok"), "bellok");
        let xml = feed(
            "urn:x",
            "Alerts & <advisories>",
            "https://hub.example.org/feed.atom",
            "https://hub.example.org/",
            at(10),
            &[entry()],
        );
        assert!(
            xml.contains("<title type=\"text\">Fake &lt;bank&gt; &amp; \"support\" calls</title>")
        );
        assert!(xml.contains("href=\"https://hub.example.org/alerts/1?a=1&amp;b=&quot;2&quot;\""));
        assert!(xml.contains("<name>Police &amp; CERT</name>"));
        assert!(!xml.contains("& "));
    }

    #[test]
    fn the_required_elements_are_present() {
        let xml = feed(
            "urn:uuid:feed",
            "Alliance Hub",
            "https://hub.example.org/feed.atom",
            "https://hub.example.org/",
            at(11),
            &[entry()],
        );
        for required in [
            "<feed xmlns=\"http://www.w3.org/2005/Atom\">",
            "<id>urn:uuid:feed</id>",
            "<updated>2026-03-01T11:00:00Z</updated>",
            "<link rel=\"self\" type=\"application/atom+xml\" href=\"https://hub.example.org/feed.atom\"/>",
            "<author><name>Alliance Hub</name></author>",
            "<entry>",
            "<id>urn:uuid:0190f3a2-0000-7000-8000-000000000001</id>",
            "<updated>2026-03-01T10:00:00Z</updated>",
            "<published>2026-03-01T09:00:00Z</published>",
            "<link rel=\"alternate\" type=\"text/html\" href=\"https://hub.example.org/alerts/1",
            "<summary type=\"text\">",
            "<category term=\"alert\"/>",
        ] {
            assert!(xml.contains(required), "{required} missing from {xml}");
        }
    }

    #[test]
    fn an_empty_feed_has_the_feed_elements_and_no_entry() {
        let xml = feed(
            "urn:uuid:feed",
            "Alliance Hub",
            "https://hub.example.org/feed.atom",
            "https://hub.example.org/",
            at(11),
            &[],
        );
        assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed"));
        assert!(xml.ends_with("</feed>\n"));
        assert!(xml.contains("<author>"));
        assert!(!xml.contains("<entry>"));
    }
}
