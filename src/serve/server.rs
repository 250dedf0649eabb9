//! A small HTTP/1.1 server over std::net: one thread per connection (an
//! event stream holds its connection open), GET and HEAD only, every answer
//! from the site in memory.
//!
//! Nothing here joins a request path to a folder: a path is only a key into
//! the built site, so nothing outside it can be served. Paths that try to
//! climb out (`..`, `%2e%2e`, encoded slashes, backslashes, NUL) are refused
//! before the lookup all the same, so no later change can reopen the hole.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, PoisonError, RwLock};
use std::time::Duration;

use super::reload::{self, Broadcaster, ErrorReport, Message};
use super::site::{Body, Site};

/// How long a kept-alive connection may sit idle, and a request take to arrive.
const IDLE: Duration = Duration::from_secs(10);
/// A comment line on an idle event stream, so a dead client is noticed.
const KEEP_ALIVE: Duration = Duration::from_secs(15);
/// The largest request head read (request line and headers).
const MAX_HEAD: u64 = 16 * 1024;

/// What the server shares with the rebuild loop.
#[derive(Debug, Default)]
pub struct State {
    site: RwLock<Arc<Site>>,
    /// Some while the handbook has errors (the last good site stays served).
    errors: RwLock<Option<Arc<ErrorReport>>>,
    pub reload: Broadcaster,
}

impl State {
    pub fn site(&self) -> Arc<Site> {
        self.site
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    pub fn set_site(&self, site: Site) {
        *self.site.write().unwrap_or_else(PoisonError::into_inner) = Arc::new(site);
    }

    /// Replaces the site only if `generation` is still the one served; for
    /// work finished after a newer build took over.
    pub fn update_site(&self, generation: u64, update: impl FnOnce(&Site) -> Site) -> bool {
        let mut site = self.site.write().unwrap_or_else(PoisonError::into_inner);
        if site.generation != generation {
            return false;
        }
        *site = Arc::new(update(&site));
        true
    }

    pub fn errors(&self) -> Option<Arc<ErrorReport>> {
        self.errors
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    pub fn set_errors(&self, errors: Option<ErrorReport>) {
        *self.errors.write().unwrap_or_else(PoisonError::into_inner) = errors.map(Arc::new);
    }
}

/// Answers connections until the listener fails.
pub fn run(listener: TcpListener, state: Arc<State>) {
    for stream in listener.incoming() {
        let Ok(stream) = stream else { continue };
        let state = Arc::clone(&state);
        // A failed spawn (out of threads) drops the connection; the browser retries.
        let _ = std::thread::Builder::new()
            .name("lajur-http".into())
            .spawn(move || {
                let _ = handle(stream, &state);
            });
    }
}

#[derive(Debug)]
struct Request {
    method: String,
    target: String,
    /// The client asked to close after this answer (or speaks HTTP/1.0).
    close: bool,
}

fn handle(stream: TcpStream, state: &State) -> io::Result<()> {
    stream.set_read_timeout(Some(IDLE))?;
    let _ = stream.set_nodelay(true);
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut writer = stream;
    loop {
        let request = match read_request(&mut reader) {
            Ok(Some(request)) => request,
            Ok(None) => return Ok(()),
            Err(e) if e.kind() == io::ErrorKind::InvalidData => {
                let bad = Response::text(400, "bad request\n");
                return bad.write(&mut writer, false, true);
            }
            Err(e) => return Err(e),
        };
        let head_only = request.method == "HEAD";
        if request.method != "GET" && !head_only {
            let mut no = Response::text(405, "only GET and HEAD\n");
            no.headers.push(("Allow", "GET, HEAD".into()));
            no.write(&mut writer, false, request.close)?;
        } else {
            match resolve(&request.target) {
                Ok(Resolved::Events) if !head_only => return events(writer, state),
                Ok(Resolved::Events) => Response::text(200, "").typed("text/event-stream").write(
                    &mut writer,
                    true,
                    request.close,
                )?,
                Ok(Resolved::File { key, dir }) => {
                    answer(state, &key, &dir).write(&mut writer, head_only, request.close)?
                }
                Err(refused) => {
                    Response::text(refused.status(), refused.reason()).write(
                        &mut writer,
                        head_only,
                        request.close,
                    )?;
                }
            }
        }
        if request.close {
            return Ok(());
        }
    }
}

/// Reads a request head; None when the client closed the connection first.
fn read_request(reader: &mut BufReader<TcpStream>) -> io::Result<Option<Request>> {
    let mut limited = reader.take(MAX_HEAD);
    let mut line = String::new();
    if limited.read_line(&mut line)? == 0 {
        return Ok(None);
    }
    let invalid = || io::Error::new(io::ErrorKind::InvalidData, "bad request");
    let mut parts = line.split_whitespace();
    let (Some(method), Some(target), Some(version)) = (parts.next(), parts.next(), parts.next())
    else {
        return Err(invalid());
    };
    let mut request = Request {
        method: method.to_string(),
        target: target.to_string(),
        close: version != "HTTP/1.1",
    };
    loop {
        let mut header = String::new();
        if limited.read_line(&mut header)? == 0 {
            // The head was cut short (or too long).
            return Err(invalid());
        }
        let header = header.trim_end();
        if header.is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':')
            && name.trim().eq_ignore_ascii_case("connection")
        {
            let value = value.trim().to_ascii_lowercase();
            if value.contains("close") {
                request.close = true;
            } else if value.contains("keep-alive") {
                request.close = false;
            }
        }
    }
    Ok(Some(request))
}

/// What a request path names.
#[derive(Debug, PartialEq, Eq)]
pub enum Resolved {
    /// The live-reload event stream.
    Events,
    /// A file of the site, by its key; `dir` is the key of the folder's
    /// index page when the path named no file (`/umum` for `umum/index.html`).
    File { key: String, dir: String },
}

/// Why a request path is refused.
#[derive(Debug, PartialEq, Eq)]
pub enum Refused {
    /// Not a path (no leading `/`), a bad `%` escape or not UTF-8.
    Malformed,
    /// `..`, an encoded `/` or `\`, a backslash or NUL.
    Escapes,
}

impl Refused {
    fn status(&self) -> u16 {
        400
    }

    fn reason(&self) -> &'static str {
        match self {
            Refused::Malformed => "bad request path\n",
            Refused::Escapes => "that path leads outside the site\n",
        }
    }
}

/// Maps a request target to a key of the site: `/` to `index.html`, `/a/`
/// to `a/index.html`, `/a/b.pdf` to `a/b.pdf`.
pub fn resolve(target: &str) -> Result<Resolved, Refused> {
    let path = target.split(['?', '#']).next().unwrap_or("");
    if !path.starts_with('/') {
        return Err(Refused::Malformed);
    }
    if path == reload::EVENTS_PATH {
        return Ok(Resolved::Events);
    }
    let lower = path.to_ascii_lowercase();
    if lower.contains("%2f") || lower.contains("%5c") || lower.contains("%00") {
        return Err(Refused::Escapes);
    }
    let decoded = percent_decode(path).ok_or(Refused::Malformed)?;
    if decoded.contains(['\\', '\0']) {
        return Err(Refused::Escapes);
    }
    let mut segments = Vec::new();
    for segment in decoded.split('/') {
        match segment {
            "" | "." => {}
            ".." => return Err(Refused::Escapes),
            s => segments.push(s),
        }
    }
    let joined = segments.join("/");
    let index = if joined.is_empty() {
        "index.html".to_string()
    } else {
        format!("{joined}/index.html")
    };
    if decoded.ends_with('/') {
        Ok(Resolved::File {
            key: index.clone(),
            dir: index,
        })
    } else {
        Ok(Resolved::File {
            key: joined,
            dir: index,
        })
    }
}

/// `%XX` decoded; None for a bad escape or bytes that are not UTF-8.
fn percent_decode(path: &str) -> Option<String> {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3)?;
            let hex = std::str::from_utf8(hex).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The answer for a file of the site (or its folder, or the 404 page).
fn answer(state: &State, key: &str, dir: &str) -> Response {
    let site = state.site();
    let errors = state.errors();
    let overlay = errors.as_deref().map(|e| e.html.as_str());
    if site.files.is_empty() {
        // No good build yet: every page says why.
        return Response::html(503, reload::no_site_page(overlay));
    }
    let found = site.get(key).and_then(|body| match body {
        Body::Memory(bytes) => Some(bytes.as_ref().clone()),
        // Deleted since the build: as if it were never there.
        Body::Disk(path) => std::fs::read(path).ok(),
    });
    if let Some(bytes) = found {
        let kind = content_type(key);
        let bytes = if kind.starts_with("text/html") {
            reload::inject(&bytes, overlay)
        } else {
            bytes
        };
        return Response::new(200, kind, bytes);
    }
    if key != dir && site.get(dir).is_some() {
        // `/umum` for the page `umum/index.html`: its relative links need the slash.
        let mut moved = Response::text(302, "");
        let location = format!("/{}", dir.trim_end_matches("index.html"));
        moved.headers.push(("Location", location));
        return moved;
    }
    let page = match site.get("404.html") {
        Some(Body::Memory(bytes)) => bytes.as_ref().clone(),
        _ => b"<!doctype html><title>404</title><p>Halaman tidak ditemukan.</p>".to_vec(),
    };
    Response::html(404, reload::inject(&page, overlay))
}

/// Holds the connection open and writes every reload message to it.
fn events(mut writer: TcpStream, state: &State) -> io::Result<()> {
    let messages = state.reload.subscribe();
    writer.write_all(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\n\
Connection: keep-alive\r\n\r\nretry: 1000\n\n",
    )?;
    // A page opened before the handbook broke learns of its errors now.
    if let Some(errors) = state.errors() {
        writer.write_all(Message::errors(&errors).to_wire().as_bytes())?;
    }
    writer.flush()?;
    loop {
        let wire = match messages.recv_timeout(KEEP_ALIVE) {
            Ok(message) => message.to_wire(),
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => ": keep-alive\n\n".into(),
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => return Ok(()),
        };
        // A write error means the page went away: end quietly.
        writer.write_all(wire.as_bytes())?;
        writer.flush()?;
    }
}

struct Response {
    status: u16,
    headers: Vec<(&'static str, String)>,
    body: Vec<u8>,
}

impl Response {
    fn new(status: u16, content_type: &str, body: Vec<u8>) -> Self {
        Response {
            status,
            headers: vec![("Content-Type", content_type.to_string())],
            body,
        }
    }

    fn text(status: u16, text: &str) -> Self {
        Self::new(
            status,
            "text/plain; charset=utf-8",
            text.as_bytes().to_vec(),
        )
    }

    fn html(status: u16, body: Vec<u8>) -> Self {
        Self::new(status, "text/html; charset=utf-8", body)
    }

    fn typed(mut self, content_type: &str) -> Self {
        self.headers[0].1 = content_type.to_string();
        self
    }

    fn write(&self, w: &mut TcpStream, head_only: bool, close: bool) -> io::Result<()> {
        let mut head = format!("HTTP/1.1 {} {}\r\n", self.status, reason(self.status));
        for (name, value) in &self.headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        head.push_str(&format!(
            "Content-Length: {}\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: {}\r\n\r\n",
            self.body.len(),
            if close { "close" } else { "keep-alive" }
        ));
        w.write_all(head.as_bytes())?;
        if !head_only {
            w.write_all(&self.body)?;
        }
        w.flush()
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        302 => "Found",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        503 => "Service Unavailable",
        _ => "",
    }
}

/// The media type of a site file, by its extension.
fn content_type(path: &str) -> &'static str {
    let ext = path
        .rsplit_once('.')
        .map(|(_, ext)| ext.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml",
        "svg" => "image/svg+xml",
        "txt" => "text/plain; charset=utf-8",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "woff" => "font/woff",
        "woff2" => "font/woff2",
        "wasm" => "application/wasm",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(target: &str) -> String {
        match resolve(target) {
            Ok(Resolved::File { key, .. }) => key,
            other => panic!("{target}: {other:?}"),
        }
    }

    #[test]
    fn paths_map_to_site_files() {
        assert_eq!(key("/"), "index.html");
        assert_eq!(key("/umum/rkt/"), "umum/rkt/index.html");
        assert_eq!(key("/umum/rkt/alur.svg?v=2"), "umum/rkt/alur.svg");
        assert_eq!(
            key("/umum/Formulir%20Usulan.pdf"),
            "umum/Formulir Usulan.pdf"
        );
        assert_eq!(key("//umum/./rkt/#top"), "umum/rkt/index.html");
        assert_eq!(
            resolve("/umum"),
            Ok(Resolved::File {
                key: "umum".into(),
                dir: "umum/index.html".into()
            })
        );
        assert_eq!(resolve(reload::EVENTS_PATH), Ok(Resolved::Events));
    }

    #[test]
    fn paths_out_of_the_site_are_refused() {
        for target in [
            "/../Cargo.toml",
            "/umum/../../x",
            "/%2e%2e/",
            "/%2E%2E/etc/passwd",
            "/..%2f..%2fetc/passwd",
            "/umum%2F..%2F..",
            "/..%5c..%5cwindows",
            "/a\\..\\b",
            "/x%00.html",
        ] {
            assert_eq!(resolve(target), Err(Refused::Escapes), "{target}");
        }
        for target in ["umum", "/%zz", "/%e9", "http://x/"] {
            assert_eq!(resolve(target), Err(Refused::Malformed), "{target}");
        }
    }

    #[test]
    fn content_types() {
        assert_eq!(content_type("a/index.html"), "text/html; charset=utf-8");
        assert_eq!(content_type("x/alur.svg"), "image/svg+xml");
        assert_eq!(content_type("Formulir.PDF"), "application/pdf");
        assert_eq!(
            content_type("pagefind/x.pf_meta"),
            "application/octet-stream"
        );
    }
}
