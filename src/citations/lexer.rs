//! The text of a line made readable: list markers, dashes and trailing
//! punctuation gone, split at "tentang", the head cut into words.

/// Drops "1.", "1 ", "a.", "(a)", "iv)", "-", "•" at the start of a line.
pub(super) fn strip_list_marker(text: &str) -> &str {
    let t = text
        .trim_start()
        .trim_start_matches(['-', '•', '*', '·', '–', '—', '▪', '●'])
        .trim_start();
    // "(a)", "(1)", "(iv)".
    if let Some(inner) = t.strip_prefix('(')
        && let Some(close) = inner.find(')')
        && (1..=4).contains(&close)
        && inner[..close].chars().all(|c| c.is_ascii_alphanumeric())
    {
        return inner[close + 1..].trim_start();
    }
    let n = t.len()
        - t.trim_start_matches(|c: char| c.is_ascii_alphanumeric())
            .len();
    let (marker, after) = t.split_at(n);
    let numeric = (1..=2).contains(&marker.len()) && marker.chars().all(|c| c.is_ascii_digit());
    let letter = marker.len() == 1 && marker.chars().all(|c| c.is_ascii_alphabetic());
    let roman = (1..=4).contains(&marker.len())
        && marker
            .chars()
            .all(|c| matches!(c, 'i' | 'v' | 'x' | 'I' | 'V' | 'X'));
    if let Some(rest) = after.strip_prefix(['.', ')']) {
        // "1.Undang-Undang" needs no space, but "17.5" is no marker.
        let spaced = rest.starts_with(char::is_whitespace);
        if (numeric && !rest.starts_with(|c: char| c.is_ascii_digit()))
            || ((letter || roman) && spaced)
        {
            return rest.trim_start();
        }
    } else if numeric && after.starts_with(char::is_whitespace) {
        // "1 Undang-Undang": a number then a word is a list marker.
        let rest = after.trim_start();
        if rest.starts_with(char::is_alphabetic) {
            return rest;
        }
    }
    t
}

/// One kind of dash, "Undang-Undang" in one word, no line breaks.
pub(super) fn normalise(text: &str) -> String {
    let s: String = text
        .chars()
        .map(|c| match c {
            '–' | '—' | '‒' | '‑' | '−' => '-',
            c if c.is_whitespace() => ' ',
            c => c,
        })
        .collect();
    // "Undang Undang", "Undang - Undang", "undang-Undang" → "Undang-Undang".
    // ASCII lower-casing keeps byte offsets, so `lower` indexes `s` too.
    let lower = s.to_ascii_lowercase();
    let mut out = String::with_capacity(s.len());
    let mut at = 0;
    while let Some(found) = lower[at..].find("undang") {
        let start = at + found;
        let after = &lower[start + 6..];
        let gap = after.len() - after.trim_start_matches([' ', '-']).len();
        let rest = &after[gap..];
        let joined = gap > 0 && rest.starts_with("undang") && !rest.starts_with("undangan");
        out.push_str(&s[at..start]);
        if joined {
            // Keep the author's capital of the first word.
            out.push_str(if s[start..].starts_with('U') {
                "Undang-Undang"
            } else {
                "undang-undang"
            });
            at = start + 6 + gap + 6;
        } else {
            out.push_str(&s[start..start + 6]);
            at = start + 6;
        }
    }
    out.push_str(&s[at..]);
    out
}

/// Drops what ends a list item: ";", ",", ".", ":", "; dan", ", dan".
pub(super) fn strip_trailing(text: &str) -> &str {
    let mut t = text.trim();
    loop {
        let before = t.len();
        t = t.trim_end_matches([';', ',', '.', ':']).trim_end();
        let lower = t.to_ascii_lowercase();
        for end in [" dan", " serta", " and"] {
            if lower.ends_with(end) && lower[..lower.len() - end.len()].ends_with([';', ',']) {
                t = t[..t.len() - end.len()].trim_end();
            }
        }
        if t.len() == before {
            return t;
        }
    }
}

/// Splits at the first word "tentang" (or "ttg").
pub(super) fn split_tentang(text: &str) -> (&str, Option<&str>) {
    let lower = text.to_ascii_lowercase();
    for word in ["tentang", "ttg"] {
        let mut from = 0;
        while let Some(found) = lower[from..].find(word) {
            let at = from + found;
            let end = at + word.len();
            let before_ok = at == 0 || !lower.as_bytes()[at - 1].is_ascii_alphanumeric();
            let after_ok = end == lower.len() || !lower.as_bytes()[end].is_ascii_alphanumeric();
            if before_ok && after_ok {
                let rest = text[end..].trim_start_matches([' ', ':', '.']);
                return (&text[..at], Some(rest));
            }
            from = end;
        }
    }
    (text, None)
}

/// A title without what follows it in formal lists: the gazette in
/// brackets, "sebagaimana telah diubah ...", "juncto ...", end punctuation.
pub(super) fn clean_title(title: &str) -> String {
    // A leading space lets a stop word match at the very start ("Jo. UU ...").
    let lower = format!(" {}", title.to_ascii_lowercase());
    let mut end = title.len();
    for stop in [
        "(lembaran",
        "(berita",
        "(tambahan",
        " sebagaimana ",
        " yang telah diubah",
        " jo.",
        " jo ",
        " juncto ",
    ] {
        if let Some(at) = lower.find(stop) {
            end = end.min(at.saturating_sub(1));
        }
    }
    strip_trailing(&title[..end])
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// X of a title "Perubahan (Kedua...) atas X".
pub(super) fn amended_part(title: &str) -> Option<&str> {
    let lower = title.to_ascii_lowercase();
    if !lower.starts_with("perubahan") {
        return None;
    }
    let at = lower.find(" atas ")?;
    Some(title[at + 6..].trim())
}

/// A word of the head: as written, and lower-cased without edge punctuation.
#[derive(Debug)]
pub(super) struct Word<'a> {
    pub(super) raw: &'a str,
    pub(super) norm: String,
}

pub(super) fn words(head: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    for raw in head.split([' ', ':']).filter(|w| !w.is_empty()) {
        // "No.17", "Nomor17": the marker and the number glued together.
        let lower = raw.to_ascii_lowercase();
        let glued = ["nomor", "nomer", "no."].iter().find(|m| {
            lower.starts_with(*m) && lower[m.len()..].starts_with(|c: char| c.is_ascii_digit())
        });
        if let Some(marker) = glued {
            out.push(word(&raw[..marker.len()]));
            out.push(word(&raw[marker.len()..]));
        } else {
            out.push(word(raw));
        }
    }
    out
}

fn word(raw: &str) -> Word<'_> {
    let trimmed = raw.trim_matches(|c: char| matches!(c, ',' | ';' | '.' | '"' | '\'' | '“' | '”'));
    Word {
        raw: trimmed,
        norm: trimmed.to_lowercase(),
    }
}

pub(super) fn is_number_marker(w: &str) -> bool {
    matches!(
        w,
        "nomor" | "nomer" | "no" | "nmr" | "nom" | "nr" | "number"
    )
}

pub(super) fn is_year_marker(w: &str) -> bool {
    matches!(w, "tahun" | "thn" | "th" | "thun" | "tahum" | "year")
}

pub(super) fn as_year(w: &str) -> Option<u16> {
    let y: u16 = w.parse().ok()?;
    (w.len() == 4 && (1900..2100).contains(&y)).then_some(y)
}

/// Removes "(2)", "(a)", "(iv)": brackets of up to four characters.
pub(super) fn without_short_brackets(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('(') {
        out.push_str(&rest[..open]);
        let inner = &rest[open + 1..];
        match inner.find(')') {
            Some(close) if close <= 4 => rest = &inner[close + 1..],
            _ => {
                out.push('(');
                rest = inner;
            }
        }
    }
    out.push_str(rest);
    out
}
