//! A built site served on a free localhost port, as a web server publishes
//! it, for the tests that open it in a browser.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

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
