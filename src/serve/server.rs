//! The dev server's HTTP: hyper (HTTP/1.1) with axum and tower-http on a
//! small tokio runtime of its own. GET and HEAD only, every answer from the
//! site built in memory.
//!
//! hyper reads request bodies as bodies (a POST's body is never taken for a
//! request), answers a head over [`MAX_HEAD`] with 431, and closes a
//! connection whose head does not arrive within [`IDLE`]. Each connection is
//! a tokio task, and at most [`MAX_CONNECTIONS`] are open at once: the rest
//! wait in the listen queue.
//!
//! Nothing here joins a request path to a folder: a path is only a key into
//! the built site, so nothing outside it can be served. Paths that try to
//! climb out (`..`, `%2e%2e`, encoded slashes, backslashes, NUL) are refused
//! before the lookup all the same, so no later change can reopen the hole.
//! The static files and attachments the site names are read when asked for,
//! and only while they are still regular files inside the handbook.

use std::convert::Infallible;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::{Arc, PoisonError, RwLock};
use std::time::Duration;

use axum::Router;
use axum::extract::State as Shared;
use axum::http::{HeaderValue, Method, StatusCode, Uri, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use futures_util::stream::{self, StreamExt};
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::io::AsyncReadExt;
use tokio::net::TcpStream;
use tokio::sync::Semaphore;
use tower_http::set_header::SetResponseHeaderLayer;

use super::reload::{self, Broadcaster, ErrorReport, Message};
use super::site::{Body, Site};
use crate::config::Language;
use crate::routes::{NOT_FOUND_FILE, PAGE_FILE};

/// How long a request head may take to arrive, and a kept-alive connection
/// sit idle.
const IDLE: Duration = Duration::from_secs(10);
/// A comment line on an idle event stream, so a dead client is noticed.
const KEEP_ALIVE: Duration = Duration::from_secs(15);
/// The largest request head read (request line and headers); larger gets 431.
const MAX_HEAD: usize = 16 * 1024;
/// Connections open at once (each open page holds one for its event stream).
const MAX_CONNECTIONS: usize = 2048;
/// What is read and dropped of a request left unread when a connection
/// ends, so the answer already sent is not lost to a reset.
const LINGER_BYTES: usize = 256 * 1024;
const LINGER: Duration = Duration::from_secs(2);

/// What the server shares with the rebuild loop.
#[derive(Debug, Default)]
pub struct State {
    /// The handbook root, resolved: files read from disk must be inside it.
    root: PathBuf,
    site: RwLock<Arc<Site>>,
    /// Some while the handbook has errors (the last good site stays served).
    errors: RwLock<Option<Arc<ErrorReport>>>,
    pub reload: Broadcaster,
}

impl State {
    /// The state of a server for the handbook at `root` (canonical).
    pub fn new(root: PathBuf) -> Self {
        State {
            root,
            ..State::default()
        }
    }

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

/// Answers connections until the listener fails. Blocks: run it on a
/// thread of its own.
pub fn run(listener: std::net::TcpListener, state: Arc<State>) -> io::Result<()> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .enable_time()
        .thread_name("lajur-http")
        // Only files read from disk go to the blocking pool.
        .max_blocking_threads(4)
        .build()?;
    listener.set_nonblocking(true)?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::from_std(listener)?;
        let app = router(state);
        let open = Arc::new(Semaphore::new(MAX_CONNECTIONS));
        loop {
            let Ok(permit) = Arc::clone(&open).acquire_owned().await else {
                return Ok(());
            };
            let stream = match listener.accept().await {
                Ok((stream, _)) => stream,
                Err(_) => {
                    // Out of file descriptors, most likely: wait for some to close.
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            };
            let app = app.clone();
            tokio::spawn(async move {
                connection(stream, app).await;
                drop(permit);
            });
        }
    })
}

/// Every request goes to [`handle`]; every answer gets `Cache-Control:
/// no-store` (the page must never come from the browser's cache after an
/// edit) and `nosniff`.
fn router(state: Arc<State>) -> Router {
    Router::new()
        .fallback(handle)
        .with_state(state)
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
}

/// Serves one connection. After a bad head, reads off what the client
/// still sends before closing: closing with unread bytes resets the
/// connection, and the client would lose the answer (the 431 for a head
/// too large).
async fn connection(mut stream: TcpStream, app: Router) {
    let _ = stream.set_nodelay(true);
    let served = hyper::server::conn::http1::Builder::new()
        .timer(TokioTimer::new())
        .header_read_timeout(IDLE)
        .max_buf_size(MAX_HEAD)
        .serve_connection(TokioIo::new(&mut stream), TowerToHyperService::new(app))
        .await;
    // Only a head hyper could not take (it answered 400 or 431) leaves
    // bytes unread; a head that never came is not waited for again.
    if !served.is_err_and(|e| e.is_parse()) {
        return;
    }
    let _ = tokio::io::AsyncWriteExt::shutdown(&mut stream).await;
    let mut sink = vec![0; 16 * 1024];
    let mut left = LINGER_BYTES;
    let _ = tokio::time::timeout(LINGER, async {
        while left > 0 {
            match stream.read(&mut sink).await {
                Ok(0) | Err(_) => break,
                Ok(n) => left = left.saturating_sub(n),
            }
        }
    })
    .await;
}

/// One request: the method, then the path, then the site.
async fn handle(Shared(state): Shared<Arc<State>>, method: Method, uri: Uri) -> Response {
    let head_only = method == Method::HEAD;
    if method != Method::GET && !head_only {
        return (
            StatusCode::METHOD_NOT_ALLOWED,
            [(header::ALLOW, "GET, HEAD")],
            "only GET and HEAD\n",
        )
            .into_response();
    }
    match resolve(uri.path()) {
        Ok(Resolved::Events) if head_only => {
            ([(header::CONTENT_TYPE, "text/event-stream")], "").into_response()
        }
        Ok(Resolved::Events) => events(&state).into_response(),
        Ok(Resolved::File { key, dir }) => answer(state, key, dir).await,
        Err(refused) => (StatusCode::BAD_REQUEST, refused.reason()).into_response(),
    }
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
        PAGE_FILE.to_string()
    } else {
        format!("{joined}/{PAGE_FILE}")
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
async fn answer(state: Arc<State>, key: String, dir: String) -> Response {
    let site = state.site();
    let errors = state.errors();
    let overlay = errors.as_deref().map(|e| e.html.as_str());
    if site.files.is_empty() {
        // No good build yet: every page says why.
        return html(
            StatusCode::SERVICE_UNAVAILABLE,
            reload::no_site_page(overlay),
        );
    }
    let found = match site.get(&key) {
        Some(Body::Memory(bytes)) => Some(bytes.as_ref().clone()),
        Some(Body::Disk(path)) => {
            let (root, path) = (state.root.clone(), path.clone());
            tokio::task::spawn_blocking(move || read_inside(&root, &path))
                .await
                .ok()
                .flatten()
        }
        None => None,
    };
    if let Some(bytes) = found {
        let kind = content_type(&key);
        let bytes = if kind.starts_with("text/html") {
            reload::inject(&bytes, overlay)
        } else {
            bytes
        };
        return ([(header::CONTENT_TYPE, kind)], bytes).into_response();
    }
    if key != dir && site.get(&dir).is_some() {
        // `/umum` for the page `umum/index.html`: its relative links need the slash.
        let location = format!("/{}", dir.trim_end_matches(PAGE_FILE));
        return (StatusCode::FOUND, [(header::LOCATION, location)]).into_response();
    }
    let page = match site.get(NOT_FOUND_FILE) {
        Some(Body::Memory(bytes)) => bytes.as_ref().clone(),
        // Before the first build has written one: in the default language,
        // the handbook's own is not known here.
        _ => format!(
            "<!doctype html><title>404</title><p>{}.</p>",
            crate::i18n::strings(Language::default()).not_found_title
        )
        .into_bytes(),
    };
    html(StatusCode::NOT_FOUND, reload::inject(&page, overlay))
}

fn html(status: StatusCode, body: Vec<u8>) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        body,
    )
        .into_response()
}

/// A static file or attachment of the site, read now; None when it is gone
/// or is no longer a regular file inside the handbook (a symlink out of it,
/// `/dev/zero`, a FIFO that would block the read forever).
fn read_inside(root: &Path, path: &Path) -> Option<Vec<u8>> {
    let real = path.canonicalize().ok()?;
    if !real.starts_with(root) || !std::fs::symlink_metadata(&real).ok()?.is_file() {
        return None;
    }
    let mut file = std::fs::File::open(&real).ok()?;
    let meta = file.metadata().ok()?;
    if !meta.is_file() {
        return None;
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.read_to_end(&mut bytes).ok()?;
    Some(bytes)
}

/// The live-reload stream: every reload message from now on, with a
/// comment line when idle so a page gone away is noticed.
fn events(
    state: &State,
) -> Sse<impl futures_util::Stream<Item = Result<Event, Infallible>> + use<>> {
    let messages = state.reload.subscribe();
    let mut first = vec![Event::default().retry(Duration::from_millis(1000))];
    // A page opened before the handbook broke learns of its errors now.
    if let Some(errors) = state.errors() {
        first.push(event(Message::errors(&errors)));
    }
    let later = stream::unfold(messages, |mut messages| async move {
        let message = messages.recv().await?;
        Some((event(message), messages))
    });
    let all = stream::iter(first).chain(later).map(Ok);
    Sse::new(all).keep_alive(KeepAlive::new().interval(KEEP_ALIVE))
}

fn event(message: Message) -> Event {
    Event::default().event(message.event).data(message.data)
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
