//! What the integration tests share: running lajur as a user does,
//! finding the programs they drive, a small web server for a built site,
//! and headless Chromium.
//!
//! Each test file that uses it says `mod support;`; not every file uses
//! every part.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex};

/// Says that a test skipped a case for want of `what` (a program, or a
/// feature of the system) where it is seen: written to the terminal itself,
/// which `cargo test` does not hide even when the test passes. When the
/// comma-separated LAJUR_REQUIRE names `what` (.ci/run sets it), the skip
/// fails the test instead: CI must run the case, not pass without it.
pub fn skipped(what: &str, why: &str) {
    let required = std::env::var("LAJUR_REQUIRE")
        .is_ok_and(|list| list.split(',').any(|item| item.trim() == what));
    assert!(!required, "LAJUR_REQUIRE names {what}, but {why}");
    let mut stderr = std::io::stderr().lock();
    let _ = writeln!(
        stderr,
        "\n**********************************************************\n\
         *** SKIPPED: {why}\n\
         **********************************************************"
    );
}

/// Makes a FIFO at `path` with mkfifo(1); false, said loudly, when it
/// cannot (and a failure under LAJUR_REQUIRE=mkfifo, as in .ci/run).
pub fn mkfifo(path: &Path) -> bool {
    let why = match Command::new("mkfifo").arg(path).output() {
        Ok(out) if out.status.success() => return true,
        Ok(out) => String::from_utf8_lossy(&out.stderr).trim().to_string(),
        Err(e) => format!("mkfifo(1) did not run: {e}"),
    };
    let at = path.display();
    skipped(
        "mkfifo",
        &format!("no FIFO at {at} ({why}): its case was NOT tested"),
    );
    false
}

/// `name` on the PATH, if it is installed.
pub fn tool(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|p| p.is_file())
}

/// A built site served on a free localhost port for as long as the test
/// runs, the way a web server publishes it: text files (HTML, scripts, CSS,
/// JSON, SVG) gzipped for a browser that accepts it, the rest as they are
/// (Pagefind's index files are gzipped already).
pub struct Site {
    pub port: u16,
    /// Each response: the path asked for and the bytes of its body sent.
    log: Arc<Mutex<Vec<(String, usize)>>>,
}

impl Site {
    pub fn serve(root: PathBuf) -> Site {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a free port");
        let port = listener.local_addr().expect("its address").port();
        let log = Arc::new(Mutex::new(Vec::new()));
        let shared = Arc::clone(&log);
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let root = root.clone();
                let log = Arc::clone(&shared);
                std::thread::spawn(move || respond(stream, &root, &log));
            }
        });
        Site { port, log }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    /// The responses sent so far, and forgets them.
    pub fn take_log(&self) -> Vec<(String, usize)> {
        std::mem::take(&mut *self.log.lock().expect("log"))
    }
}

fn respond(mut stream: TcpStream, root: &Path, log: &Mutex<Vec<(String, usize)>>) {
    let mut reader = BufReader::new(&stream);
    let mut line = String::new();
    if reader.read_line(&mut line).is_err() {
        return;
    }
    let mut gzip_ok = false;
    loop {
        let mut header = String::new();
        match reader.read_line(&mut header) {
            Ok(0) | Err(_) => break,
            Ok(_) if header.trim().is_empty() => break,
            Ok(_) => {
                let header = header.to_ascii_lowercase();
                if header.starts_with("accept-encoding:") && header.contains("gzip") {
                    gzip_ok = true;
                }
            }
        }
    }
    let target = line.split_whitespace().nth(1).unwrap_or("/");
    let path = target.split(['?', '#']).next().unwrap_or("/").to_string();
    let mut file = root.to_path_buf();
    for part in path.split('/').filter(|p| !p.is_empty() && *p != "..") {
        file.push(part);
    }
    if file.is_dir() {
        file.push("index.html");
    }
    let (status, mut body) = match std::fs::read(&file) {
        Ok(bytes) => ("200 OK", bytes),
        Err(_) => ("404 Not Found", b"not found".to_vec()),
    };
    let ext = file.extension().and_then(|e| e.to_str()).unwrap_or("");
    let kind = match ext {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript",
        "css" => "text/css",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "wasm" => "application/wasm",
        _ => "application/octet-stream",
    };
    let mut encoding = "";
    if gzip_ok && matches!(ext, "html" | "js" | "css" | "json" | "svg") {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(6));
        gz.write_all(&body).expect("gzip in memory");
        body = gz.finish().expect("gzip in memory");
        encoding = "Content-Encoding: gzip\r\n";
    }
    let head = format!(
        "HTTP/1.0 {status}\r\nContent-Type: {kind}\r\n{encoding}Content-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    log.lock().expect("log").push((path, body.len()));
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&body);
}

/// Headless Chromium with its own profile in `profile`, quiet: no network of
/// its own, no first-run pages.
pub fn headless(chromium: &Path, profile: &Path) -> Command {
    let mut command = Command::new(chromium);
    command
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ])
        .arg(format!("--user-data-dir={}", profile.display()));
    command
}

/// The DOM of `url` after its scripts ran, as headless Chromium sees it.
pub fn dump_dom(chromium: &Path, profile: &Path, url: &str) -> String {
    let out = headless(chromium, profile)
        .args(["--virtual-time-budget=5000", "--dump-dom"])
        .arg(url)
        .output()
        .expect("chromium runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// `query` as it goes in a URL's query string.
pub fn query_param(query: &str) -> String {
    query
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' => (b as char).to_string(),
            b' ' => "+".to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Runs lajur in `dir`, as a user does from a terminal opened in the
/// handbook folder: its exit status and everything it printed.
pub fn lajur_in(dir: &Path, args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_lajur"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run lajur");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code().unwrap_or(-1), text)
}
