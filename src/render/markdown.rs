//! Markdown bodies (front page, units, SOPs) to HTML.
//!
//! Authors paste text from office documents, so raw HTML is shown as text
//! unless the handbook opts in with `allow_html`; a page then cannot be
//! broken, or made to run scripts, by a stray tag.

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};

use crate::model::url;

/// How to turn one body into HTML.
#[derive(Debug, Clone, Copy)]
pub struct Markdown<'a> {
    /// The site's base_url: root-relative links (`/umum/rkt/`) are published under it.
    pub base_url: &'a str,
    /// Keep raw HTML as it is (handbook.yaml `allow_html`).
    pub allow_html: bool,
    /// Levels added to every heading, so a `#` in a body never competes with
    /// the page's own h1.
    pub heading_offset: usize,
}

impl Markdown<'_> {
    /// Renders `text` to HTML; an empty or blank text gives an empty string.
    pub fn render(&self, text: &str) -> String {
        if text.trim().is_empty() {
            return String::new();
        }
        let options = Options::ENABLE_TABLES
            | Options::ENABLE_FOOTNOTES
            | Options::ENABLE_STRIKETHROUGH
            | Options::ENABLE_SMART_PUNCTUATION;
        // A link or image whose URL may not be a link is dropped, its text
        // kept: one flag per open link says whether its end goes too.
        let mut dropped: Vec<bool> = Vec::new();
        let events = Parser::new_ext(text, options).filter_map(|event| {
            match &event {
                Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                    let drop = url::author_link(dest_url).is_none();
                    dropped.push(drop);
                    if drop {
                        return None;
                    }
                }
                Event::End(TagEnd::Link | TagEnd::Image) if dropped.pop().unwrap_or(false) => {
                    return None;
                }
                _ => {}
            }
            Some(self.rewrite(event))
        });
        let mut out = String::with_capacity(text.len() * 3 / 2);
        html::push_html(&mut out, events);
        out
    }

    fn rewrite<'e>(&self, event: Event<'e>) -> Event<'e> {
        match event {
            Event::Html(raw) | Event::InlineHtml(raw) if !self.allow_html => Event::Text(raw),
            // An escaped HTML block reads as a paragraph of text.
            Event::Start(Tag::HtmlBlock) if !self.allow_html => Event::Start(Tag::Paragraph),
            Event::End(TagEnd::HtmlBlock) if !self.allow_html => Event::End(TagEnd::Paragraph),
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => Event::Start(Tag::Heading {
                level: self.shift(level),
                id,
                classes,
                attrs,
            }),
            Event::End(TagEnd::Heading(level)) => Event::End(TagEnd::Heading(self.shift(level))),
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => Event::Start(Tag::Link {
                link_type,
                dest_url: self.url(dest_url),
                title,
                id,
            }),
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => Event::Start(Tag::Image {
                link_type,
                dest_url: self.url(dest_url),
                title,
                id,
            }),
            other => other,
        }
    }

    fn shift(&self, level: HeadingLevel) -> HeadingLevel {
        let n = (level as usize + self.heading_offset).min(6);
        HeadingLevel::try_from(n).unwrap_or(HeadingLevel::H6)
    }

    /// Root-relative links go under base_url (script URLs never get here).
    fn url<'e>(&self, url: CowStr<'e>) -> CowStr<'e> {
        if url.starts_with('/') && !url.starts_with("//") {
            return CowStr::from(format!("{}{}", self.base_url, url.trim_start_matches('/')));
        }
        url
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn md(base_url: &str, allow_html: bool) -> Markdown<'_> {
        Markdown {
            base_url,
            allow_html,
            heading_offset: 1,
        }
    }

    #[test]
    fn raw_html_is_text_unless_allowed() {
        let text = "Sebelum <b>tebal</b> sesudah\n\n<script>alert(1)</script>\n";
        let escaped = md("/", false).render(text);
        assert!(!escaped.contains("<script>"), "{escaped}");
        assert!(!escaped.contains("<b>"), "{escaped}");
        assert!(escaped.contains("&lt;script&gt;"), "{escaped}");
        assert!(escaped.contains("&lt;b&gt;tebal&lt;/b&gt;"), "{escaped}");
        let raw = md("/", true).render(text);
        assert!(raw.contains("<b>tebal</b>"), "{raw}");
        assert!(raw.contains("<script>"), "{raw}");
    }

    #[test]
    fn tables_footnotes_and_strikethrough_work() {
        let text = "| a | b |\n|---|---|\n| 1 | 2 |\n\nCatatan[^1] ~~lama~~\n\n[^1]: Penjelasan.\n";
        let html = md("/", false).render(text);
        assert!(html.contains("<table>"), "{html}");
        assert!(html.contains("<del>lama</del>"), "{html}");
        assert!(html.contains("footnote-definition"), "{html}");
    }

    #[test]
    fn headings_are_shifted_below_the_page_title() {
        let html = md("/", false).render("# Judul\n\n###### Kecil\n");
        assert!(html.contains("<h2>Judul</h2>"), "{html}");
        assert!(html.contains("<h6>Kecil</h6>"), "{html}");
    }

    #[test]
    fn root_relative_links_go_under_base_url() {
        let html = md("/sop/", false)
            .render("[RKT](/umum/rkt/) [luar](https://example.go.id/) [x](javascript:alert(1))");
        assert!(html.contains("href=\"/sop/umum/rkt/\""), "{html}");
        assert!(html.contains("href=\"https://example.go.id/\""), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
    }

    #[test]
    fn script_links_are_text_in_any_spelling() {
        let text = "[a](javascript:alert(1)) [b](JaVaScRiPt:alert(2)) \
                    [c](&#106;avascript:alert(3)) [d](java&#9;script:alert(4)) \
                    [e](vbscript:msgbox) [f](data:text/html,x) ![g](data:image/svg+xml,y) \
                    <javascript:alert(5)> [h]\n\n[h]: javascript:alert(6)\n\n[ok](mailto:a@b.id) [top](#isi)";
        for allow_html in [false, true] {
            let html = md("/", allow_html).render(text);
            let mut targets: Vec<&str> = Vec::new();
            for attr in [" href=\"", " src=\""] {
                targets.extend(html.split(attr).skip(1).filter_map(|r| r.split('"').next()));
            }
            assert_eq!(targets, ["mailto:a@b.id", "#isi"], "{html}");
            assert!(html.starts_with("<p>a b c d e f g "), "{html}");
        }
    }

    #[test]
    fn blank_text_is_empty() {
        assert_eq!(md("/", false).render("  \n"), "");
    }
}
