//! `lajur serve` end to end: the binary serves a handbook in a temp folder
//! on a free port, and the tests edit files and talk plain HTTP to it.

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

mod support;

use support::write;

const HANDBOOK: &str = "\
title: Buku Pedoman SOP Sekretariat Daerah
organisation: Pemerintah Kota Banjarbaru
";

const UNIT: &str = "\
---
nama: Bagian Umum
---
";

fn rkt(nama: &str) -> String {
    format!(
        "\
nomor: SOP-070/Setda
nama: {nama}
pelaksana:
  - Kepala Sub Bagian Perencanaan
  - Pelaksana
langkah:
  - kegiatan: Meminta data usulan kegiatan
    pelaksana: Kepala Sub Bagian Perencanaan
    waktu: 15 menit
  - kegiatan: Membuat konsep Rencana Kinerja Tahunan
    pelaksana: Pelaksana
    waktu: 1 hari
"
    )
}

/// A handbook in `dir`/hb, beside a file no request may reach.
fn handbook(dir: &Path) -> PathBuf {
    let root = dir.join("hb");
    write(&root, "handbook.yaml", HANDBOOK);
    write(&root, "content/umum/_index.md", UNIT);
    write(
        &root,
        "content/umum/rkt.yaml",
        rkt("Penyusunan Rencana Kinerja Tahunan"),
    );
    write(dir, "secret.txt", "RAHASIA-DI-LUAR-SITUS");
    root
}

struct Server {
    child: Child,
    addr: String,
    stderr: Arc<Mutex<String>>,
}

impl Server {
    /// `lajur serve` started as the README says: in the handbook folder,
    /// with no `--root`.
    fn start(root: &Path) -> Server {
        Server::start_in(root, &[])
    }

    /// `lajur serve ARGS` started in the folder `cwd`.
    fn start_in(cwd: &Path, args: &[&str]) -> Server {
        Server::spawn(
            Command::new(env!("CARGO_BIN_EXE_lajur")).current_dir(cwd),
            args,
        )
    }

    fn spawn(command: &mut Command, args: &[&str]) -> Server {
        let mut child = command
            .args(["serve", "--port", "0"])
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("lajur serve starts");
        let stderr = Arc::new(Mutex::new(String::new()));
        let sink = Arc::clone(&stderr);
        let err = child.stderr.take().unwrap();
        std::thread::spawn(move || {
            for line in BufReader::new(err).lines().map_while(Result::ok) {
                let mut s = sink.lock().unwrap();
                s.push_str(&line);
                s.push('\n');
            }
        });
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let addr = loop {
            let line = lines
                .next()
                .expect("lajur serve printed its address")
                .unwrap();
            if let Some(rest) = line.split("http://").nth(1) {
                break rest.split('/').next().unwrap().to_string();
            }
        };
        std::thread::spawn(move || for _ in lines {});
        Server {
            child,
            addr,
            stderr,
        }
    }

    /// (status, body) of a raw request for `target`, sent as written.
    fn get(&self, target: &str) -> (u16, String) {
        let mut stream = TcpStream::connect(&self.addr).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        write!(
            stream,
            "GET {target} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
            self.addr
        )
        .unwrap();
        let mut response = Vec::new();
        stream.read_to_end(&mut response).unwrap();
        let response = String::from_utf8_lossy(&response).into_owned();
        let status = response
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        let body = response
            .split_once("\r\n\r\n")
            .map(|(_, body)| body.to_string())
            .unwrap_or_default();
        (status, body)
    }

    /// Polls `target` until its body satisfies `ok`; panics after 10 s.
    fn wait_for(&self, target: &str, what: &str, ok: impl Fn(u16, &str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let (status, body) = self.get(target);
            if ok(status, &body) {
                return body;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "{what}: {target} still {status}:\n{body}\nstderr:\n{}",
                self.stderr.lock().unwrap()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An open event stream, read line by line.
struct Events {
    reader: BufReader<TcpStream>,
    skipped: Vec<String>,
}

impl Events {
    fn open(server: &Server) -> Events {
        let mut stream = TcpStream::connect(&server.addr).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        write!(
            stream,
            "GET /__lajur/events HTTP/1.1\r\nHost: {}\r\nAccept: text/event-stream\r\n\r\n",
            server.addr
        )
        .unwrap();
        let mut reader = BufReader::new(stream);
        let mut status = String::new();
        reader.read_line(&mut status).unwrap();
        assert!(status.contains(" 200 "), "{status}");
        let mut header = String::new();
        let mut content_type = String::new();
        while reader.read_line(&mut header).unwrap() > 0 && header.trim() != "" {
            if header.to_ascii_lowercase().starts_with("content-type:") {
                content_type = header.clone();
            }
            header.clear();
        }
        assert!(content_type.contains("text/event-stream"), "{content_type}");
        Events {
            reader,
            skipped: Vec::new(),
        }
    }

    /// Reads until an event named `name` and returns its data; panics on
    /// a timeout. The names of the events skipped on the way go to `skipped`.
    fn expect(&mut self, name: &str) -> String {
        let mut line = String::new();
        let mut event = String::new();
        loop {
            line.clear();
            let n = self.reader.read_line(&mut line).expect("an event in time");
            assert!(n > 0, "the event stream ended before `{name}`");
            if let Some(e) = line.trim_end().strip_prefix("event: ") {
                event = e.to_string();
                if event != name {
                    self.skipped.push(event.clone());
                }
            } else if let Some(data) = line.trim_end().strip_prefix("data: ")
                && event == name
            {
                return data.to_string();
            }
        }
    }
}

const PAGE: &str = "/umum/rkt/";

#[test]
fn edits_are_served_errors_overlaid_then_cleared() {
    let dir = tempfile::tempdir().unwrap();
    let root = handbook(dir.path());
    let server = Server::start(&root);
    let rkt_file = root.join("content/umum/rkt.yaml");

    let (status, front) = server.get("/");
    assert_eq!(status, 200);
    assert!(front.contains("Buku Pedoman SOP Sekretariat Daerah"));
    let (status, page) = server.get(PAGE);
    assert_eq!(status, 200);
    assert!(page.contains("Penyusunan Rencana Kinerja Tahunan"));
    assert!(
        page.contains("/__lajur/events"),
        "live reload script injected"
    );
    assert!(!page.contains("<div id=\"lajur-errors\""));

    // An edit: the new nama is served, and the open page is told to reload.
    let mut events = Events::open(&server);
    fs::write(&rkt_file, rkt("Penyusunan Rencana Kerja Tahunan Revisi")).unwrap();
    server.wait_for(PAGE, "the edit", |s, body| {
        s == 200 && body.contains("Penyusunan Rencana Kerja Tahunan Revisi")
    });
    let reload = events.expect("reload");
    assert!(
        reload.contains("\"/umum/rkt/\"") || reload.contains("\"all\""),
        "the edited page is among those reloaded: {reload}"
    );

    // A broken file: the last good page stays, with the errors over it.
    fs::write(
        &rkt_file,
        "nomor: SOP-070/Setda\nnama: Penyusunan Rusak\nlangkah: [\n",
    )
    .unwrap();
    let broken = server.wait_for(PAGE, "the overlay", |_, body| {
        body.contains("<div id=\"lajur-errors\"")
    });
    assert!(broken.contains("Penyusunan Rencana Kerja Tahunan Revisi"));
    assert!(!broken.contains("Penyusunan Rusak"));
    assert!(
        broken.contains("content/umum/rkt.yaml:"),
        "the overlay names file:line: {broken}"
    );
    events.expect("errors");
    let (_, front) = server.get("/");
    assert!(front.contains("<div id=\"lajur-errors\""), "on every page");
    assert!(
        server
            .stderr
            .lock()
            .unwrap()
            .contains("content/umum/rkt.yaml:"),
        "the terminal prints the errors too"
    );

    // Fixed: the overlay goes away by itself.
    fs::write(&rkt_file, rkt("Penyusunan Rencana Kinerja Tahunan Final")).unwrap();
    let fixed = server.wait_for(PAGE, "the fix", |_, body| {
        body.contains("Penyusunan Rencana Kinerja Tahunan Final")
    });
    assert!(!fixed.contains("<div id=\"lajur-errors\""));
    assert_eq!(events.expect("errors"), "[]", "the overlay is hidden");
    events.expect("reload");
}

#[test]
fn editor_temp_files_do_not_rebuild_and_new_folders_do() {
    let dir = tempfile::tempdir().unwrap();
    let root = handbook(dir.path());
    let server = Server::start(&root);
    // A vim swap file with nonsense in it is no SOP and no error.
    fs::write(root.join("content/umum/.rkt.yaml.swp"), "\0\0binary").unwrap();
    fs::write(root.join("content/umum/rkt.yaml~"), "nama: [").unwrap();
    // A new unit folder with an SOP, written after the start.
    fs::create_dir_all(root.join("content/keuangan")).unwrap();
    fs::write(
        root.join("content/keuangan/dpa.yaml"),
        rkt("Penyusunan DPA").replace("SOP-070", "SOP-071"),
    )
    .unwrap();
    let page = server.wait_for("/keuangan/dpa/", "the new folder", |s, _| s == 200);
    assert!(page.contains("Penyusunan DPA"));
    assert!(!page.contains("<div id=\"lajur-errors\""), "{page}");
}

#[test]
fn a_stylesheet_edit_swaps_the_css_without_a_reload() {
    let dir = tempfile::tempdir().unwrap();
    let root = handbook(dir.path());
    fs::create_dir_all(root.join("static")).unwrap();
    fs::write(root.join("static/dinas.css"), "body { color: black }").unwrap();
    let server = Server::start(&root);
    assert_eq!(server.get("/dinas.css").1, "body { color: black }");
    let mut events = Events::open(&server);
    // Saved the way many editors do: a temp file renamed over the old one.
    fs::write(root.join("static/.dinas.css.tmp"), "body { color: navy }").unwrap();
    fs::rename(
        root.join("static/.dinas.css.tmp"),
        root.join("static/dinas.css"),
    )
    .unwrap();
    events.expect("css");
    assert!(
        !events.skipped.contains(&"reload".to_string()),
        "{:?}",
        events.skipped
    );
    assert_eq!(server.get("/dinas.css").1, "body { color: navy }");
}

#[test]
fn paths_out_of_the_site_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let root = handbook(dir.path());
    let server = Server::start(&root);
    for target in [
        "/../secret.txt",
        "/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E/%2e%2e/secret.txt",
        "/..%2fsecret.txt",
        "/..%2f..%2fetc/passwd",
        "/umum/..%5c..%5csecret.txt",
        "/../hb/handbook.yaml",
        "/handbook.yaml",
        "/content/umum/rkt.yaml",
    ] {
        let (status, body) = server.get(target);
        assert!(matches!(status, 400 | 404), "{target}: {status}");
        assert!(!body.contains("RAHASIA"), "{target}");
        assert!(!body.contains("organisation:"), "{target}");
        assert!(!body.contains("root:x:0"), "{target}");
        assert!(!body.contains("langkah:"), "{target}");
    }
}

#[test]
fn a_missing_page_gets_the_handbooks_404_page() {
    let dir = tempfile::tempdir().unwrap();
    let root = handbook(dir.path());
    let out = dir.path().join("out");
    let built = support::lajur_output(&root, &["build", "--base-url", "/", "-o", "../out"]);
    assert!(built.status.success(), "{built:?}");
    let expected = fs::read_to_string(out.join("404.html")).unwrap();

    let server = Server::start(&root);
    let (status, body) = server.get("/umum/tidak-ada/");
    assert_eq!(status, 404);
    // The page as built, with only the live-reload script added.
    let start = body.find("<style>#lajur-errors").expect("injected");
    let end = body[start..].find("</script>").unwrap() + start + "</script>".len();
    assert_eq!(format!("{}{}", &body[..start], &body[end..]), expected);

    // A folder page asked for without its slash is sent to it.
    let (status, _) = server.get("/umum");
    assert_eq!(status, 302);
}

/// The root given relative to where the server was started, as in
/// `cd pedoman/content && lajur serve --root ..` or `lajur serve --root hb`:
/// every edit is served as with no `--root` at all.
#[test]
fn a_relative_root_rebuilds_on_every_edit() {
    let dir = tempfile::tempdir().unwrap();
    let root = handbook(dir.path());
    for (cwd, root_arg) in [
        (root.join("content"), ".."),
        (dir.path().to_path_buf(), "hb"),
    ] {
        let server = Server::start_in(&cwd, &["--root", root_arg]);
        let nama = format!("Penyusunan Rencana Kinerja dari --root {root_arg}");
        fs::write(root.join("content/umum/rkt.yaml"), rkt(&nama)).unwrap();
        server.wait_for(PAGE, "the edit", |s, body| s == 200 && body.contains(&nama));
    }
}

/// Everything the server sends on one connection after `request`, until it
/// closes the connection (or goes quiet for 10 s).
fn exchange(server: &Server, request: &[u8]) -> std::io::Result<String> {
    let mut stream = TcpStream::connect(&server.addr)?;
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    stream.write_all(request)?;
    let mut response = Vec::new();
    stream.read_to_end(&mut response)?;
    Ok(String::from_utf8_lossy(&response).into_owned())
}

/// Answers on the wire, each starting with its status line.
fn status_lines(response: &str) -> Vec<&str> {
    response
        .lines()
        .filter(|line| line.starts_with("HTTP/1."))
        .collect()
}

#[test]
fn a_request_body_is_read_as_a_body_not_as_another_request() {
    let dir = tempfile::tempdir().unwrap();
    let root = handbook(dir.path());
    let server = Server::start(&root);
    let inner = format!(
        "GET /umum/rkt/ HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
        server.addr
    );
    let post = format!(
        "POST / HTTP/1.1\r\nHost: {}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{inner}",
        server.addr,
        inner.len()
    );
    let response = exchange(&server, post.as_bytes()).unwrap();
    let answers = status_lines(&response);
    assert_eq!(answers.len(), 1, "one request, one answer:\n{response}");
    assert!(answers[0].contains(" 405 "), "{response}");
    assert!(
        response.to_ascii_lowercase().contains("allow: get, head"),
        "{response}"
    );
    assert!(!response.contains("Penyusunan Rencana"), "{response}");

    // The same with a chunked body, on a connection kept alive: the GET
    // after the body is a request of its own and is answered.
    let chunked = format!(
        "POST / HTTP/1.1\r\nHost: {0}\r\nTransfer-Encoding: chunked\r\n\r\n\
         5\r\nhello\r\n0\r\n\r\nGET /umum/rkt/ HTTP/1.1\r\nHost: {0}\r\nConnection: close\r\n\r\n",
        server.addr
    );
    let response = exchange(&server, chunked.as_bytes()).unwrap();
    let answers = status_lines(&response);
    assert_eq!(answers.len(), 2, "{response}");
    assert!(
        answers[0].contains(" 405 ") && answers[1].contains(" 200 "),
        "{answers:?}"
    );
}

#[test]
fn a_request_head_too_large_gets_431() {
    let dir = tempfile::tempdir().unwrap();
    let root = handbook(dir.path());
    let server = Server::start(&root);
    let big = format!(
        "GET / HTTP/1.1\r\nHost: {}\r\nX-Padding: {}\r\n\r\n",
        server.addr,
        "a".repeat(20 * 1024)
    );
    let response = exchange(&server, big.as_bytes()).expect("an answer, not a reset");
    assert!(
        response.starts_with("HTTP/1.1 431 "),
        "{}",
        &response[..response.len().min(300)]
    );
    // A head just under the limit is a request like any other.
    let fine = format!(
        "GET / HTTP/1.1\r\nHost: {}\r\nX-Padding: {}\r\nConnection: close\r\n\r\n",
        server.addr,
        "a".repeat(8 * 1024)
    );
    let response = exchange(&server, fine.as_bytes()).unwrap();
    assert!(response.starts_with("HTTP/1.1 200 "), "{response}");
}

/// The threads of process `pid` (Linux).
fn threads(pid: u32) -> usize {
    fs::read_dir(format!("/proc/{pid}/task")).unwrap().count()
}

#[test]
fn a_thousand_half_sent_requests_take_no_thousand_threads() {
    if !Path::new("/proc/self/task").is_dir() {
        support::skipped("proc", "no /proc to count the server's threads");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let root = handbook(dir.path());
    let server = Server::start(&root);
    let pid = server.child.id();
    let before = threads(pid);
    let mut held = Vec::new();
    for _ in 0..1000 {
        let mut stream = TcpStream::connect(&server.addr).unwrap();
        stream.write_all(b"GET / HTTP/1.1\r\nHost: loc").unwrap();
        held.push(stream);
    }
    // Every one of them has reached the server by the time a whole
    // request on a new connection is answered.
    let (status, body) = server.get("/umum/rkt/");
    assert_eq!(status, 200);
    assert!(body.contains("Penyusunan Rencana Kinerja Tahunan"));
    let during = threads(pid);
    assert!(
        during < before + 16,
        "{during} threads with 1,000 connections open ({before} before)"
    );
    drop(held);
}

#[cfg(unix)]
#[test]
fn open_shows_the_site_in_the_default_browser() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let root = handbook(dir.path());
    // The desktop's opener, standing in for the browser: notes what it was
    // asked to open.
    let bin = dir.path().join("bin");
    fs::create_dir_all(&bin).unwrap();
    let opened = dir.path().join("opened.txt");
    let opener = bin.join("xdg-open");
    fs::write(
        &opener,
        format!(
            "#!/bin/sh\nprintf '%s' \"$1\" > '{0}.tmp' && mv '{0}.tmp' '{0}'\n",
            opened.display()
        ),
    )
    .unwrap();
    fs::set_permissions(&opener, fs::Permissions::from_mode(0o755)).unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let server = Server::spawn(
        Command::new(env!("CARGO_BIN_EXE_lajur"))
            .current_dir(&root)
            .env("PATH", path)
            .env_remove("WSL_DISTRO_NAME"),
        &["--open"],
    );
    let start = Instant::now();
    while !opened.exists() {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "no browser opened; stderr:\n{}",
            server.stderr.lock().unwrap()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let url = fs::read_to_string(&opened).unwrap();
    assert_eq!(url, format!("http://{}/", server.addr));
    assert_eq!(server.get("/").0, 200);
}

/// Files that are not the handbook's own are never served: a symlink out of
/// it (to a secret beside it, to /dev/zero) or a FIFO, in static/ or among
/// an SOP's attachments. Every request is answered, none hangs.
#[cfg(unix)]
#[test]
fn links_out_of_the_handbook_and_special_files_are_not_served() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let root = handbook(dir.path());
    fs::create_dir_all(root.join("static")).unwrap();
    fs::write(root.join("static/logo.txt"), "LOGO-DINAS").unwrap();
    symlink(dir.path().join("secret.txt"), root.join("static/leak.txt")).unwrap();
    symlink("/dev/zero", root.join("static/zero.txt")).unwrap();
    symlink(dir.path(), root.join("static/outside")).unwrap();
    symlink(
        dir.path().join("secret.txt"),
        root.join("content/umum/lampiran.txt"),
    )
    .unwrap();
    let fifo = support::mkfifo(&root.join("static/pipe.txt"));
    let server = Server::start(&root);
    assert_eq!(server.get("/logo.txt"), (200, "LOGO-DINAS".to_string()));
    let mut targets = vec![
        "/leak.txt",
        "/zero.txt",
        "/outside/secret.txt",
        "/umum/lampiran.txt",
    ];
    if fifo {
        targets.push("/pipe.txt");
    }
    for target in targets {
        let (status, body) = server.get(target);
        assert_eq!(status, 404, "{target}");
        assert!(!body.contains("RAHASIA"), "{target}");
        assert!(!body.contains('\0'), "{target}");
    }
}
