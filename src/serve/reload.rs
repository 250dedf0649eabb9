//! The live-reload channel (Server-Sent Events) and what every HTML
//! response gets injected: the client script and, while the handbook has
//! errors, the overlay listing them.

use std::sync::{Mutex, PoisonError};

use tokio::sync::mpsc::{UnboundedReceiver, UnboundedSender, unbounded_channel};

use serde::Serialize;

use crate::diagnostic::{Diagnostic, Diagnostics, Severity};

/// Where the client script listens.
pub const EVENTS_PATH: &str = "/__lajur/events";

/// One Server-Sent Event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// "reload", "css" or "errors".
    pub event: &'static str,
    /// One line of JSON.
    pub data: String,
}

impl Message {
    /// Reload the pages at these URL paths (`/umum/rkt/`), or every page
    /// for None, keeping the scroll position. Other pages stay as they are.
    pub fn reload(pages: Option<&[String]>) -> Self {
        let data = match pages {
            None => serde_json::json!({ "all": true }),
            Some(pages) => serde_json::json!({ "pages": pages }),
        };
        Message {
            event: "reload",
            data: data.to_string(),
        }
    }

    /// Only stylesheets changed: swap them without a reload.
    pub fn css() -> Self {
        Message {
            event: "css",
            data: "{}".into(),
        }
    }

    /// Show these problems in the overlay; none hides it.
    pub fn errors(report: &ErrorReport) -> Self {
        Message {
            event: "errors",
            data: report.json.clone(),
        }
    }
}

/// Hands every message to every open event stream. Sent from the rebuild
/// thread, received by the server's tasks.
#[derive(Debug, Default)]
pub struct Broadcaster {
    clients: Mutex<Vec<UnboundedSender<Message>>>,
}

impl Broadcaster {
    /// A new listener; it is dropped from the list once its stream is gone.
    pub fn subscribe(&self) -> UnboundedReceiver<Message> {
        let (tx, rx) = unbounded_channel();
        self.clients
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(tx);
        rx
    }

    pub fn send(&self, message: &Message) {
        self.clients
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .retain(|client| client.send(message.clone()).is_ok());
    }

    /// How many streams are open.
    pub fn len(&self) -> usize {
        self.clients
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// What the overlay shows of one diagnostic.
#[derive(Debug, Serialize)]
struct Item<'a> {
    severity: &'static str,
    /// `file:line:column`, or the file alone for a problem of the whole file.
    location: String,
    message: &'a str,
    hint: Option<&'a str>,
}

impl<'a> Item<'a> {
    fn of(d: &'a Diagnostic) -> Self {
        let file = d.file.display();
        Item {
            severity: match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            },
            location: match (d.line, d.column) {
                (0, _) => file.to_string(),
                (line, 0) => format!("{file}:{line}"),
                (line, column) => format!("{file}:{line}:{column}"),
            },
            message: &d.message,
            hint: d.hint.as_deref(),
        }
    }
}

/// The problems of a failed build, ready for the overlay and the event stream.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ErrorReport {
    /// The overlay as HTML, injected into pages served while the errors last.
    pub html: String,
    /// `[{severity, location, message, hint}]` for the client script.
    pub json: String,
}

impl ErrorReport {
    /// No problems: the overlay goes away.
    pub fn none() -> Self {
        ErrorReport {
            html: String::new(),
            json: "[]".into(),
        }
    }

    pub fn new(diagnostics: &Diagnostics) -> Self {
        let items: Vec<Item<'_>> = diagnostics.iter().map(Item::of).collect();
        let json = serde_json::to_string(&items).unwrap_or_else(|_| "[]".into());
        let mut html = String::from(OVERLAY_OPEN);
        html.push_str(&escape(&headline(diagnostics)));
        html.push_str("</strong><ul>");
        for item in &items {
            html.push_str("<li><code>");
            html.push_str(&escape(&item.location));
            html.push_str("</code>: ");
            html.push_str(item.severity);
            html.push_str(": ");
            html.push_str(&escape(item.message));
            if let Some(hint) = item.hint {
                html.push_str("<br><small>");
                html.push_str(&escape(hint));
                html.push_str("</small>");
            }
            html.push_str("</li>");
        }
        html.push_str("</ul></div>");
        ErrorReport { html, json }
    }
}

fn headline(diagnostics: &Diagnostics) -> String {
    let errors = diagnostics.errors();
    let noun = if errors == 1 { "error" } else { "errors" };
    format!(
        "lajur: {errors} {noun}; the last good version of the site is shown until they are fixed"
    )
}

const OVERLAY_OPEN: &str = r#"<div id="lajur-errors" role="alert"><strong>"#;

/// The overlay's look, shared by the server-side and the script's overlay.
const STYLE: &str = "#lajur-errors{position:fixed;z-index:2147483647;left:0;right:0;bottom:0;\
max-height:60vh;overflow:auto;margin:0;padding:1em 1.25em;background:#fff5f5;color:#3b0a0a;\
border-top:4px solid #c0262d;font:14px/1.45 system-ui,sans-serif;box-shadow:0 -4px 16px #0003}\
#lajur-errors ul{margin:.5em 0 0;padding-left:1.25em}#lajur-errors li{margin:.25em 0}\
#lajur-errors code{font:13px ui-monospace,monospace;font-weight:bold}";

/// The URL path a page of the site is served at, as the client script
/// names its own page: `umum/rkt/index.html` is `/umum/rkt/`.
pub fn url_path(key: &str) -> String {
    match key.strip_suffix(crate::routes::PAGE_FILE) {
        Some(dir) if dir.is_empty() || dir.ends_with('/') => format!("/{dir}"),
        _ => format!("/{key}"),
    }
}

/// The client: reload on "reload" (if its page is one of those named)
/// keeping the scroll position, swap the
/// stylesheets on "css", show or hide the overlay on "errors".
const SCRIPT: &str = r#"(function(){
var key="lajur-scroll:"+location.pathname;
var y=sessionStorage.getItem(key);
if(y!==null){sessionStorage.removeItem(key);var go=function(){window.scrollTo(0,+y);};go();window.addEventListener("load",go);}
var es=new EventSource("/__lajur/events");
var here=function(){var p=location.pathname;try{p=decodeURI(p);}catch(_){}return p.replace(/\/index\.html$/,"/");};
es.addEventListener("reload",function(e){var d=JSON.parse(e.data);if(!d.all&&d.pages.indexOf(here())<0)return;sessionStorage.setItem(key,String(window.scrollY));location.reload();});
es.addEventListener("css",function(){document.querySelectorAll('link[rel~="stylesheet"]').forEach(function(l){var u=new URL(l.href,location.href);u.searchParams.set("lajur",Date.now());l.href=u.href;});});
es.addEventListener("errors",function(e){var list=JSON.parse(e.data),o=document.getElementById("lajur-errors");
if(!list.length){if(o)o.remove();return;}
if(!o){o=document.createElement("div");o.id="lajur-errors";o.setAttribute("role","alert");document.body.appendChild(o);}
o.textContent="";var n=list.filter(function(d){return d.severity==="error";}).length;
var h=document.createElement("strong");h.textContent="lajur: "+n+(n===1?" error":" errors")+"; the last good version of the site is shown until they are fixed";o.appendChild(h);
var ul=document.createElement("ul");list.forEach(function(d){var li=document.createElement("li"),c=document.createElement("code");c.textContent=d.location;li.appendChild(c);li.appendChild(document.createTextNode(": "+d.severity+": "+d.message));
if(d.hint){li.appendChild(document.createElement("br"));var s=document.createElement("small");s.textContent=d.hint;li.appendChild(s);}ul.appendChild(li);});o.appendChild(ul);});
})();"#;

/// Adds the client script (and the overlay, if any) before the page's last
/// `</body>`, or at the end of a page without one.
pub fn inject(html: &[u8], overlay: Option<&str>) -> Vec<u8> {
    let mut extra = String::with_capacity(SCRIPT.len() + STYLE.len() + 64);
    extra.push_str("<style>");
    extra.push_str(STYLE);
    extra.push_str("</style>");
    if let Some(overlay) = overlay {
        extra.push_str(overlay);
    }
    extra.push_str("<script>");
    extra.push_str(SCRIPT);
    extra.push_str("</script>");
    let at = rfind_ignore_case(html, b"</body>").unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + extra.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(extra.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

/// A page for when there is no good build yet to show.
pub fn no_site_page(overlay: Option<&str>) -> Vec<u8> {
    let page = "<!doctype html><html lang=\"id\"><head><meta charset=\"utf-8\">\
<title>lajur serve</title></head><body><p>The handbook has not been built yet. \
Fix the problems below; this page reloads by itself.</p></body></html>";
    inject(page.as_bytes(), overlay)
}

fn rfind_ignore_case(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.len() > haystack.len() {
        return None;
    }
    (0..=haystack.len() - needle.len())
        .rev()
        .find(|&i| haystack[i..i + needle.len()].eq_ignore_ascii_case(needle))
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Pos;

    #[test]
    fn script_goes_before_the_last_body_end() {
        let out = inject(b"<html><body><p>x</p></BODY></html>", None);
        let out = String::from_utf8(out).unwrap();
        let script = out.find(EVENTS_PATH).unwrap();
        assert!(script > out.find("<p>x</p>").unwrap());
        assert!(script < out.find("</BODY>").unwrap());
        assert!(out.ends_with("</BODY></html>"));
        // No </body> at all: appended.
        let out = String::from_utf8(inject(b"<p>x</p>", None)).unwrap();
        assert!(out.starts_with("<p>x</p>") && out.contains(EVENTS_PATH));
    }

    #[test]
    fn reload_names_pages_as_the_browser_does() {
        assert_eq!(url_path("index.html"), "/");
        assert_eq!(url_path("umum/rkt/index.html"), "/umum/rkt/");
        assert_eq!(url_path("cari.html"), "/cari.html");
        assert_eq!(url_path("xindex.html"), "/xindex.html");
        let pages = vec![url_path("umum/rkt/index.html")];
        assert_eq!(
            Message::reload(Some(&pages)).data,
            r#"{"pages":["/umum/rkt/"]}"#
        );
        assert_eq!(Message::reload(None).data, r#"{"all":true}"#);
    }

    #[test]
    fn overlay_lists_location_and_escaped_message() {
        let mut d = Diagnostics::default();
        d.push(Diagnostic::error(
            "content/umum/rkt.yaml",
            Pos::new(3, 7),
            "unknown field `<nmaa>`",
        ));
        d.push(Diagnostic::error(
            "content/x.yaml",
            Pos::default(),
            "empty file",
        ));
        let report = ErrorReport::new(&d);
        assert!(report.html.contains("content/umum/rkt.yaml:3:7"));
        assert!(report.html.contains("unknown field `&lt;nmaa&gt;`"));
        assert!(report.html.contains("2 errors"));
        let json: serde_json::Value = serde_json::from_str(&report.json).unwrap();
        assert_eq!(json[0]["location"], "content/umum/rkt.yaml:3:7");
        assert_eq!(json[1]["location"], "content/x.yaml");
        let page = String::from_utf8(inject(b"<body></body>", Some(&report.html))).unwrap();
        assert!(page.contains("id=\"lajur-errors\""));
    }

    #[test]
    fn every_listener_gets_each_message_and_gone_ones_are_dropped() {
        let b = Broadcaster::default();
        let mut first = b.subscribe();
        let gone = b.subscribe();
        drop(gone);
        b.send(&Message::css());
        assert_eq!(first.try_recv().unwrap(), Message::css());
        assert_eq!(b.len(), 1);
    }
}
