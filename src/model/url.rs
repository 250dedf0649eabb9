//! Which URLs written by an author become links, and which base_url a site
//! may have.
//!
//! An author's URL (dasar-hukum.yaml's url, a keterkaitan url, a Markdown
//! link) is published on pages every visitor opens, so a `javascript:` or
//! `data:` URL there would run whatever its author wrote in the visitor's
//! browser. Only web links, mail links, paths and anchors are links; the
//! scheme is read the way a browser reads it (any case, tabs and line breaks
//! anywhere and spaces or control characters around it ignored).

/// The URL as it is published when `url` may be a link: http(s), mailto, a
/// path or an anchor (leading and trailing blanks trimmed). None for any
/// other scheme (`javascript:`, `data:`, `vbscript:`, `file:`, ...).
pub fn author_link(url: &str) -> Option<&str> {
    let trimmed = url.trim_matches(|c: char| c <= ' ' || c.is_whitespace() || c.is_control());
    // Browsers drop tabs and line breaks anywhere in a URL before reading it.
    let seen: String = trimmed
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .take(64)
        .collect();
    match scheme(&seen) {
        None => Some(trimmed),
        Some(s) if ["http", "https", "mailto"].contains(&s.to_ascii_lowercase().as_str()) => {
            Some(trimmed)
        }
        Some(_) => None,
    }
}

/// True when `url` is a web link (http or https), the only kind a
/// keterkaitan outside the handbook is linked to.
pub fn is_web_link(url: &str) -> bool {
    author_link(url).is_some_and(|u| {
        let seen: String = u
            .chars()
            .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
            .take(8)
            .collect::<String>()
            .to_ascii_lowercase();
        seen.starts_with("http://") || seen.starts_with("https://")
    })
}

/// The scheme of `url` (the part before the first `:` when it is one: a
/// letter, then letters, digits, `+`, `-` or `.`), or None for a path.
fn scheme(url: &str) -> Option<&str> {
    let colon = url.find(':')?;
    let s = &url[..colon];
    let mut chars = s.chars();
    let first = chars.next()?;
    (first.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
    .then_some(s)
}

/// Why `base_url` cannot be the address of the site: it must be an absolute
/// http(s) URL or a path starting with `/`, without query or fragment. The
/// error is a message and a hint.
pub fn check_base_url(base_url: &str) -> Result<(), (String, String)> {
    let url = base_url.trim();
    let shown = escaped(url);
    let hint =
        "write an absolute address such as `https://example.go.id/sop/`, or a path such as `/sop/`";
    if url.is_empty() {
        return Ok(());
    }
    // `C:\inetpub\wwwroot\sop` or `\\server\web\sop`: the folder the site
    // is copied to, where the address it is visited at belongs.
    let drive =
        url.len() > 2 && url.as_bytes()[1] == b':' && url.as_bytes()[0].is_ascii_alphabetic();
    if drive || url.starts_with('\\') {
        return Err((
            format!("base_url `{shown}` is a folder on a disk, not a web address"),
            "base_url is the address visitors open: for a site at https://example.go.id/sop/ write \
             `https://example.go.id/sop/` or `/sop/`; the folder to copy public/ into is not set here"
                .into(),
        ));
    }
    if let Some(bad) = url
        .chars()
        .find(|c| c.is_whitespace() || c.is_control() || "\"'<>\\`{}|^".contains(*c))
    {
        return Err((
            format!(
                "base_url `{shown}` holds {}, which no address may hold",
                escaped(&bad.to_string())
            ),
            hint.into(),
        ));
    }
    if url.contains(['?', '#']) {
        return Err((
            format!("base_url `{shown}` has a query or fragment (`?` or `#`)"),
            "base_url is where the site starts: every page's link is made by adding to it, so it ends with the path".into(),
        ));
    }
    let lower = url.to_ascii_lowercase();
    let host = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    match host {
        Some(rest) if !rest.is_empty() && !rest.starts_with('/') => Ok(()),
        Some(_) => Err((format!("base_url `{shown}` names no host"), hint.into())),
        None if url.starts_with('/') && !url.starts_with("//") => Ok(()),
        None => Err((
            format!(
                "base_url `{shown}` is neither an http(s) address nor a path starting with `/`"
            ),
            hint.into(),
        )),
    }
}

/// `text` with control characters written as escapes, for a message.
fn escaped(text: &str) -> String {
    crate::diagnostic::escape_controls(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_mail_paths_and_anchors_are_links() {
        for url in [
            "https://jdih.go.id/uu/17",
            "HTTP://x.id",
            "mailto:sekretariat@example.go.id",
            "/umum/rkt/",
            "rkt/",
            "#langkah-3",
            "../lkj/",
            "?q=rkt",
        ] {
            assert_eq!(author_link(url), Some(url), "{url}");
        }
        assert_eq!(author_link("  https://x.id/ \n"), Some("https://x.id/"));
        assert!(is_web_link("https://x.id"));
        assert!(!is_web_link("mailto:a@b.id"));
        assert!(!is_web_link("/umum/"));
    }

    #[test]
    fn script_urls_in_any_spelling_are_no_links() {
        for url in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "  javascript:alert(1)",
            "\u{1}javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "jav\r\nascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "DATA:image/svg+xml,x",
            "vbscript:msgbox",
            "VBScript:msgbox",
            "file:///etc/passwd",
        ] {
            assert_eq!(author_link(url), None, "{url:?}");
            assert!(!is_web_link(url), "{url:?}");
        }
    }

    #[test]
    fn base_url_is_an_http_address_or_a_path() {
        for ok in [
            "/",
            "/sop/",
            "/sop",
            "https://example.go.id/sop/",
            "http://x.id",
            "",
        ] {
            assert_eq!(check_base_url(ok), Ok(()), "{ok}");
        }
        for bad in [
            "javascript:alert(1)//",
            "sop/",
            "//evil.example/",
            "https://",
            "ftp://x.id/",
            "/sop/?v=1",
            "https://x.id/#top",
            "/s op/",
            "/sop/\"><script>",
            "/\u{1b}[2J",
        ] {
            let e = check_base_url(bad);
            assert!(e.is_err(), "{bad:?}");
            let (message, _) = e.unwrap_err();
            assert!(!message.contains('\u{1b}'), "{message}");
        }
    }

    #[test]
    fn a_windows_folder_as_base_url_is_told_apart_from_an_address() {
        for disk in [
            "C:\\inetpub\\wwwroot\\sop",
            "D:/Web Dinas/sop/",
            "\\\\server\\web\\sop",
        ] {
            let (message, hint) = check_base_url(disk).unwrap_err();
            assert!(message.contains("folder on a disk"), "{disk}: {message}");
            assert!(hint.contains("`/sop/`"), "{hint}");
        }
        // An address with a port is not a drive letter.
        assert_eq!(check_base_url("http://localhost:8080/sop/"), Ok(()));
    }
}
