//! The files docs/deploy.md hands an agency: the Pages workflows parse,
//! are valid for their hosts, run the README's commands with arguments lajur
//! accepts, check every change before publishing, and publish only what was
//! merged; and every file the page links is in the repository.

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn repo(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

fn read(rel: &str) -> String {
    std::fs::read_to_string(repo(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn yaml(rel: &str) -> Value {
    let value: Value =
        serde_saphyr::from_str(&read(rel)).unwrap_or_else(|e| panic!("{rel} is not YAML: {e}"));
    assert!(value.is_object(), "{rel}: a mapping at the top");
    value
}

/// Every shell line a workflow runs: GitHub's `run:` and GitLab's
/// `script:`/`before_script:` items.
fn shell_lines(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                match (key.as_str(), v) {
                    ("run", Value::String(s)) => out.extend(s.lines().map(str::to_string)),
                    ("script" | "before_script", Value::Array(items)) => {
                        out.extend(items.iter().filter_map(Value::as_str).map(str::to_string))
                    }
                    _ => shell_lines(v, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| shell_lines(v, out)),
        _ => {}
    }
}

/// The `lajur ...` command lines of a workflow.
fn lajur_lines(value: &Value) -> Vec<String> {
    let mut lines = Vec::new();
    shell_lines(value, &mut lines);
    lines
        .into_iter()
        .map(|l| l.trim().to_string())
        .filter(|l| l.starts_with("lajur "))
        .collect()
}

/// Runs a workflow's `lajur` line against a real handbook with the
/// binary, its shell variables given as the host would set them.
fn run_as_host(line: &str, vars: &[(&str, &str)]) {
    let dir = tempfile::tempdir().expect("temp dir");
    let init = support::lajur_output(dir.path(), &["init"]);
    assert!(init.status.success(), "init: {}", support::said(&init));
    let bin = env!("CARGO_BIN_EXE_lajur");
    let script = line.replacen("lajur", &format!("'{bin}'"), 1);
    let out = Command::new("sh")
        .args(["-c", &script])
        .envs(vars.iter().copied())
        .current_dir(dir.path())
        .output()
        .expect("sh");
    assert!(
        out.status.success(),
        "`{line}` with {vars:?}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn github_pages_workflow_checks_every_pull_request_and_publishes_merges() {
    let wf = yaml("docs/deploy/github-pages.yml");
    let on = &wf["on"];
    assert_eq!(on["push"]["branches"], serde_json::json!(["main"]), "{on}");
    assert!(
        on.get("pull_request").is_some(),
        "pull requests are checked: {on}"
    );

    let lines = lajur_lines(&wf);
    assert!(lines.iter().any(|l| l == "lajur check"), "{lines:?}");
    let build = lines
        .iter()
        .find(|l| l.starts_with("lajur build"))
        .expect("a build");
    // The Pages address of a project site, and the empty one a pull request
    // gets: both must make a base_url lajur accepts.
    run_as_host(
        build,
        &[("BASE_URL", "https://dinas.github.io/pedoman-sop")],
    );
    run_as_host(build, &[("BASE_URL", "")]);

    // Publishing: only outside pull requests, after the build, with the
    // permissions GitHub Pages asks for.
    let deploy = &wf["jobs"]["deploy"];
    assert_eq!(deploy["needs"], "build");
    assert!(
        deploy["if"].as_str().unwrap_or("").contains("pull_request"),
        "{deploy}"
    );
    assert_eq!(deploy["permissions"]["pages"], "write");
    assert_eq!(deploy["permissions"]["id-token"], "write");
    let text = read("docs/deploy/github-pages.yml");
    assert!(text.contains("actions/deploy-pages@"), "deploys to Pages");
    assert!(text.contains("path: public"), "uploads public/");
}

#[test]
fn gitlab_pipeline_checks_merge_requests_and_publishes_the_default_branch() {
    let ci = yaml("docs/deploy/gitlab-ci.yml");
    let check = &ci["check"];
    assert!(
        check["rules"].to_string().contains("merge_request_event"),
        "{check}"
    );
    let pages = &ci["pages"];
    assert!(
        pages["rules"].to_string().contains("$CI_DEFAULT_BRANCH"),
        "{pages}"
    );
    assert_eq!(pages["artifacts"]["paths"], serde_json::json!(["public"]));

    for job in [check, pages] {
        let lines = lajur_lines(job);
        assert_eq!(
            lines.first().map(String::as_str),
            Some("lajur check"),
            "{job}"
        );
        assert!(lines.iter().any(|l| l.starts_with("lajur build")), "{job}");
    }
    for line in lajur_lines(pages) {
        run_as_host(
            &line,
            &[("CI_PAGES_URL", "https://dinas.gitlab.io/pedoman-sop")],
        );
    }
}

/// The commands the workflows run are the ones the README teaches.
#[test]
fn workflows_run_the_readmes_commands() {
    let readme = read("README.md");
    for rel in ["docs/deploy/github-pages.yml", "docs/deploy/gitlab-ci.yml"] {
        for line in lajur_lines(&yaml(rel)) {
            let command: String = line
                .split_whitespace()
                .take(2)
                .collect::<Vec<_>>()
                .join(" ");
            assert!(
                readme.contains(&command),
                "{rel} runs `{command}`, which README.md does not show"
            );
        }
    }
}

#[test]
fn every_file_the_deploy_page_links_is_in_the_repository() {
    let page = read("docs/deploy.md");
    let mut linked = 0;
    for (i, _) in page.match_indices("](") {
        let rest = &page[i + 2..];
        let target = &rest[..rest.find(')').expect("closed link")];
        if target.starts_with('#') || target.starts_with("http") {
            continue;
        }
        let path = target.split('#').next().unwrap_or(target);
        assert!(
            repo("docs").join(path).exists(),
            "docs/deploy.md links {target}, which is not in the repository"
        );
        linked += 1;
    }
    // And every ready file is named on the page.
    for entry in std::fs::read_dir(repo("docs/deploy")).expect("docs/deploy") {
        let name = entry.expect("entry").file_name();
        let name = name.to_string_lossy();
        assert!(
            page.contains(&format!("(deploy/{name})")),
            "docs/deploy/{name} is not linked from docs/deploy.md"
        );
    }
    assert!(linked >= 4, "{linked} links");
}

/// The workflows install lajur as the README's Download offers it: the Linux
/// archive from the releases of the repository Cargo.toml names, checked
/// against the release's SHA256SUMS. Their install lines run here against a
/// release laid out as scripts/release.sh writes it (on disk, through
/// curl's file://), and refuse an archive that does not match its sum.
#[test]
fn workflows_install_the_release_download_checked_by_its_sum() {
    let Some(curl) = support::tool("curl") else {
        support::skipped(
            "curl",
            "curl is not installed: the workflows' install lines were NOT run",
        );
        return;
    };
    let version = env!("CARGO_PKG_VERSION");
    let releases = format!("{}/releases/download/v", env!("CARGO_PKG_REPOSITORY"));
    let name = format!("lajur-{version}-x86_64-linux");
    let github = yaml("docs/deploy/github-pages.yml");
    let steps = github["jobs"]["build"]["steps"].as_array().expect("steps");
    let step = steps
        .iter()
        .find(|s| s["name"] == "Install lajur")
        .expect("an Install lajur step");
    let github_lines = step["run"].as_str().expect("run").to_string();
    let gitlab = yaml("docs/deploy/gitlab-ci.yml");
    let gitlab_lines: Vec<&str> = gitlab["default"]["before_script"]
        .as_array()
        .expect("before_script")
        .iter()
        .filter_map(Value::as_str)
        // The image's package manager; curl is here already.
        .filter(|l| !l.starts_with("apk "))
        .collect();
    let gitlab_lines = gitlab_lines.join("\n");
    for lines in [&github_lines, &gitlab_lines] {
        assert!(lines.contains(&releases), "{releases} in {lines}");
        assert!(lines.contains("sha256sum -c"), "{lines}");
    }

    for tampered in [false, true] {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path();
        let release = root.join(format!("release/v{version}"));
        let stage = root.join("stage").join(&name);
        std::fs::create_dir_all(&release).expect("mkdir");
        std::fs::create_dir_all(&stage).expect("mkdir");
        // A stand-in for the program (the debug binary is hundreds of MB to
        // pack): what is checked here is where the lines fetch, check and
        // put it.
        let program = stage.join("lajur");
        std::fs::write(&program, format!("#!/bin/sh\necho lajur {version}\n")).expect("write");
        let made = Command::new("chmod").arg("755").arg(&program).status();
        assert!(made.expect("chmod").success());
        let tar = Command::new("tar")
            .arg("-C")
            .arg(root.join("stage"))
            .arg("-czf")
            .arg(release.join(format!("{name}.tar.gz")))
            .arg(&name)
            .status()
            .expect("tar");
        assert!(tar.success());
        let sums = Command::new("sha256sum")
            .arg(format!("{name}.tar.gz"))
            .current_dir(&release)
            .output()
            .expect("sha256sum");
        let mut sums = String::from_utf8(sums.stdout).expect("sums");
        if tampered {
            sums = format!("{}{}", "0".repeat(64), &sums[64..]);
        }
        std::fs::write(release.join("SHA256SUMS"), sums).expect("write");
        let from = format!("file://{}/release/v", root.display());
        for (host, lines) in [("github", &github_lines), ("gitlab", &gitlab_lines)] {
            let (tmp, bin) = (root.join(host), root.join(format!("{host}-bin")));
            std::fs::create_dir_all(&tmp).expect("mkdir");
            std::fs::create_dir_all(&bin).expect("mkdir");
            let path_file = root.join(format!("{host}-path"));
            // The host's folders, here in the temp folder.
            let script = lines
                .replace("/usr/local/bin", "@BIN@")
                .replace("/tmp", "@TMP@")
                .replace("@BIN@", &bin.to_string_lossy())
                .replace("@TMP@", &tmp.to_string_lossy())
                .replace(&releases, &from);
            let out = Command::new("bash")
                .args(["--noprofile", "--norc", "-eo", "pipefail", "-c", &script])
                .env("LAJUR_VERSION", version)
                .env("RUNNER_TEMP", &tmp)
                .env("GITHUB_PATH", &path_file)
                .env(
                    "PATH",
                    format!("{}:/usr/bin:/bin", curl.parent().unwrap().display()),
                )
                .current_dir(root)
                .output()
                .expect("bash");
            let said = format!(
                "{host}: {}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
            if tampered {
                assert!(
                    !out.status.success(),
                    "a tampered archive was installed: {said}"
                );
                continue;
            }
            assert!(out.status.success(), "{said}");
            let installed = match host {
                "github" => {
                    let added = std::fs::read_to_string(&path_file).expect("GITHUB_PATH");
                    PathBuf::from(added.trim()).join("lajur")
                }
                _ => bin.join("lajur"),
            };
            let run = Command::new(&installed).arg("--version").output();
            let run = run.unwrap_or_else(|e| panic!("{host}: {}: {e}", installed.display()));
            assert!(
                String::from_utf8_lossy(&run.stdout).contains(version),
                "{host}: {run:?}"
            );
        }
    }
}

/// Valid for the hosts, by the schemas GitHub's and GitLab's workflows are
/// published with (check-jsonschema carries them, so this needs no network).
#[test]
fn workflows_are_valid_for_their_hosts() {
    let Some(checker) = support::tool("check-jsonschema") else {
        support::skipped(
            "check-jsonschema",
            "check-jsonschema is not installed (pip install check-jsonschema): \
             the workflow files were not checked against the hosts' schemas",
        );
        return;
    };
    for (schema, rel) in [
        ("vendor.github-workflows", "docs/deploy/github-pages.yml"),
        ("vendor.github-workflows", ".github/workflows/release.yml"),
        ("vendor.gitlab-ci", "docs/deploy/gitlab-ci.yml"),
    ] {
        let out = Command::new(&checker)
            .args(["--builtin-schema", schema])
            .arg(repo(rel))
            .output()
            .expect("run check-jsonschema");
        assert!(
            out.status.success(),
            "{rel} is not valid for {schema}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    // The check can fail: a job without steps is refused.
    let dir = tempfile::tempdir().expect("temp dir");
    let bad = dir.path().join("bad.yml");
    std::fs::write(
        &bad,
        "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    stepz: []\n",
    )
    .expect("write");
    let out = Command::new(&checker)
        .args(["--builtin-schema", "vendor.github-workflows"])
        .arg(&bad)
        .output()
        .expect("run check-jsonschema");
    assert!(!out.status.success(), "a broken workflow passed");
}

/// nginx stopped when the test ends, however it ends.
struct Nginx(std::process::Child);

impl Drop for Nginx {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// One HTTP/1.1 request: the status, the headers (names lower-cased) and
/// the body as bytes.
fn get(port: u16, path: &str, gzip: bool) -> (u16, Vec<(String, String)>, Vec<u8>) {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).expect("connect");
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(10)))
        .expect("timeout");
    let accept = if gzip {
        "Accept-Encoding: gzip\r\n"
    } else {
        ""
    };
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: example.go.id\r\n{accept}Connection: close\r\n\r\n"
    )
    .expect("send");
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("read");
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a header");
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse().ok())
        .expect("status");
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    (status, headers, raw[split + 4..].to_vec())
}

fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

/// docs/deploy/nginx.conf as an agency uses it: a built handbook under
/// /sop/ of a server, its pages compressed and revalidated, its hashed
/// search files cached for good and sent as lajur wrote them, lajur's 404
/// page for a missing address.
#[test]
fn nginx_settings_serve_the_handbook_under_a_subfolder() {
    let Some(nginx) = support::tool("nginx").or_else(|| {
        let sbin = PathBuf::from("/usr/sbin/nginx");
        sbin.is_file().then_some(sbin)
    }) else {
        support::skipped(
            "nginx",
            "nginx is not installed (apt-get install nginx-light): \
             docs/deploy/nginx.conf was not tried",
        );
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let book = dir.path().join("Pedoman SOP");
    let www = dir.path().join("www");
    std::fs::create_dir_all(&book).expect("mkdir");
    let sop = www.join("sop").to_string_lossy().into_owned();
    for args in [
        vec!["init"],
        vec!["build", "--base-url", "/sop/", "--output", &sop],
    ] {
        let out = support::lajur_output(&book, &args);
        assert!(out.status.success(), "{args:?}: {out:?}");
    }

    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port();
    let site = read("docs/deploy/nginx.conf").replace("/var/www", &www.to_string_lossy());
    let prefix = dir.path().join("nginx");
    std::fs::create_dir_all(prefix.join("logs")).expect("mkdir");
    let conf = prefix.join("nginx.conf");
    std::fs::write(
        &conf,
        format!(
            "daemon off;\nmaster_process off;\nuser root;\npid {p}/nginx.pid;\n\
             error_log {p}/logs/error.log;\nevents {{}}\nhttp {{\n\
             include /etc/nginx/mime.types;\ndefault_type application/octet-stream;\n\
             access_log off;\nclient_body_temp_path {p}/body;\nproxy_temp_path {p}/proxy;\n\
             fastcgi_temp_path {p}/fastcgi;\nuwsgi_temp_path {p}/uwsgi;\nscgi_temp_path {p}/scgi;\n\
             server {{\nlisten 127.0.0.1:{port};\n{site}\n}}\n}}\n",
            p = prefix.display()
        ),
    )
    .expect("write nginx.conf");
    let test = Command::new(&nginx)
        .args(["-t", "-p"])
        .arg(&prefix)
        .arg("-c")
        .arg(&conf)
        .output()
        .expect("nginx -t");
    assert!(
        test.status.success(),
        "nginx -t: {}",
        String::from_utf8_lossy(&test.stderr)
    );
    let _server = Nginx(
        Command::new(&nginx)
            .arg("-p")
            .arg(&prefix)
            .arg("-c")
            .arg(&conf)
            .spawn()
            .expect("start nginx"),
    );
    // Up within five seconds, or the test says so.
    let up = (0..100).any(|_| {
        std::thread::sleep(std::time::Duration::from_millis(50));
        std::net::TcpStream::connect(("127.0.0.1", port)).is_ok()
    });
    assert!(up, "nginx did not start on port {port}");

    let (status, headers, _) = get(port, "/sop/", true);
    assert_eq!(status, 200, "{headers:?}");
    assert_eq!(
        header(&headers, "content-encoding"),
        Some("gzip"),
        "{headers:?}"
    );
    assert_eq!(
        header(&headers, "cache-control"),
        Some("no-cache"),
        "{headers:?}"
    );

    let (status, headers, _) = get(port, "/sop", false);
    assert_eq!(status, 301, "{headers:?}");
    assert!(
        header(&headers, "location").is_some_and(|l| l.ends_with("/sop/")),
        "{headers:?}"
    );

    let (status, _, body) = get(port, "/sop/tidak-ada/", false);
    assert_eq!(status, 404);
    let body = String::from_utf8_lossy(&body);
    let own_404 = std::fs::read_to_string(www.join("sop/404.html")).expect("404.html");
    assert!(
        body.contains(own_404.trim()),
        "nginx did not send lajur's 404 page: {body}"
    );

    // A search fragment: named by its hash, cached for a year, sent as
    // lajur wrote it (gzipped already, so no second Content-Encoding).
    let fragment = std::fs::read_dir(www.join("sop/pagefind/fragment"))
        .expect("fragments")
        .flatten()
        .next()
        .expect("a fragment")
        .file_name();
    let path = format!("/sop/pagefind/fragment/{}", fragment.to_string_lossy());
    let (status, headers, body) = get(port, &path, true);
    assert_eq!(status, 200, "{path}");
    assert!(
        header(&headers, "cache-control").is_some_and(|c| c.contains("immutable")),
        "{headers:?}"
    );
    assert_eq!(header(&headers, "content-encoding"), None, "{headers:?}");
    let on_disk = std::fs::read(www.join("sop/pagefind/fragment").join(&fragment)).expect("read");
    assert_eq!(body, on_disk, "the fragment as written");

    // The entry of the index is not hashed: revalidated like a page.
    let (status, headers, _) = get(port, "/sop/pagefind/pagefind-entry.json", true);
    assert_eq!(status, 200);
    assert_eq!(
        header(&headers, "cache-control"),
        Some("no-cache"),
        "{headers:?}"
    );
}
