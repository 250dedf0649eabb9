//! The text of a form's cell made clean: HTML an office export leaves
//! behind stripped, spaces collapsed, and numbered lists written on one line
//! ("1. A 2. B", "1 A2 B") split item by item.

/// `s` without HTML tags and with every run of white space one space.
pub fn clean(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_tag = false;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if in_tag {
            if c == '>' {
                in_tag = false;
                // A list item's closing tag separates two items.
                out.push(' ');
            }
            continue;
        }
        // A tag starts with `<` then a letter or `/`; a lone `<` ("< 5
        // menit") is text.
        if c == '<'
            && chars
                .peek()
                .is_some_and(|n| n.is_ascii_alphabetic() || *n == '/')
        {
            in_tag = true;
            continue;
        }
        out.push(if c.is_whitespace() || c.is_control() {
            ' '
        } else {
            c
        });
    }
    collapse(&out)
}

/// Every run of spaces one space, trimmed.
pub fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The items of a numbered list written in one cell: "1. A 2. B 3. C",
/// "1 A2 B" (Word's list numbers lost their break in the export), "a. A
/// b. B". Text with no leading number is one item. Items keep their
/// wording; only the numbers are dropped.
pub fn split_numbered(text: &str) -> Vec<String> {
    let text = collapse(text);
    if text.is_empty() {
        return Vec::new();
    }
    let Some((first_len, style)) = marker_at(&text, 0, 1) else {
        return vec![text];
    };
    let mut starts = vec![(0usize, first_len)];
    let mut n = 2;
    let mut from = first_len;
    while let Some((at, len)) = find_marker(&text, from, n, style) {
        starts.push((at, len));
        from = at + len;
        n += 1;
    }
    let mut items = Vec::new();
    for (i, &(at, len)) in starts.iter().enumerate() {
        let end = starts.get(i + 1).map_or(text.len(), |s| s.0);
        let item = text[at + len..end].trim();
        // "…Negara;" / "…Negara," before the next number: the separator,
        // not the wording.
        let item = item.trim_end_matches([';', ',']).trim();
        if !item.is_empty() {
            items.push(item.to_string());
        }
    }
    items
}

/// How a list numbers its items.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Style {
    /// "1." or "1)"
    Dotted,
    /// "1 " (the dot lost)
    Bare,
    /// "a." "b."
    Letter,
}

/// The number `n` as a marker of `style` spelt out, for letters a-z.
fn label(n: usize, style: Style) -> Option<String> {
    match style {
        Style::Letter => (n <= 26).then(|| ((b'a' + (n - 1) as u8) as char).to_string()),
        _ => Some(n.to_string()),
    }
}

/// A marker for item `n` at byte `at`: its length (number, dot, space) and
/// style. The first marker decides the style of the list.
fn marker_at(text: &str, at: usize, n: usize) -> Option<(usize, Style)> {
    let rest = &text[at..];
    for style in [Style::Dotted, Style::Letter, Style::Bare] {
        if let Some(len) = marker_len(rest, n, style) {
            return Some((len, style));
        }
    }
    None
}

fn marker_len(rest: &str, n: usize, style: Style) -> Option<usize> {
    let label = label(n, style)?;
    let after = rest.strip_prefix(label.as_str())?;
    let tail = match style {
        Style::Dotted | Style::Letter => after
            .strip_prefix('.')
            .or_else(|| after.strip_prefix(')'))?,
        Style::Bare => after,
    };
    // The item starts after a space (or straight away after a dot: "1.A").
    let text_start = tail.trim_start();
    let first = text_start.chars().next()?;
    if style == Style::Bare && (tail.len() == text_start.len() || !first.is_uppercase()) {
        // "1 Undang-Undang": a bare number needs a space and a capital.
        return None;
    }
    if !(first.is_alphanumeric() || first == '"' || first == '“') {
        return None;
    }
    Some(rest.len() - text_start.len())
}

/// Words after which a number is part of the text (a regulation's number,
/// a year, an article), never a list marker.
const NUMBERED_WORDS: &[&str] = &[
    "nomor", "no", "no.", "tahun", "thn", "pasal", "ayat", "huruf", "angka", "ke", "bab",
    "lampiran", "tanggal", "rp", "rp.",
];

/// The next marker of item `n` from byte `from`: where it is and its length.
fn find_marker(text: &str, from: usize, n: usize, style: Style) -> Option<(usize, usize)> {
    let label = label(n, style)?;
    let mut search = from;
    while let Some(found) = text[search..].find(label.as_str()) {
        let at = search + found;
        search = at + label.len();
        let before = text[..at].chars().next_back();
        // A marker is not inside a number or a word ("2003", "1a"):
        // for digits, not after a digit; for letters, after a space.
        let ok_before = match style {
            Style::Letter => before == Some(' '),
            _ => !before.is_some_and(|c| c.is_ascii_digit() || c == '.' || c == '/' || c == '-'),
        };
        if !ok_before {
            continue;
        }
        let prev_word = text[..at]
            .split_whitespace()
            .next_back()
            .unwrap_or("")
            .to_lowercase();
        if before == Some(' ') && NUMBERED_WORDS.contains(&prev_word.as_str()) {
            continue;
        }
        if let Some(len) = marker_len(&text[at..], n, style) {
            return Some((at, len));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_is_stripped_and_items_keep_their_wording() {
        assert_eq!(
            clean("Sekretaris Daerah, <u>Drs. H. SAID</u> NIP. 1965"),
            "Sekretaris Daerah, Drs. H. SAID NIP. 1965"
        );
        assert_eq!(clean("waktu < 5 menit"), "waktu < 5 menit");
    }

    #[test]
    fn dotted_items_on_one_line() {
        assert_eq!(
            split_numbered("1. Memiliki kemampuan 2. Mengetahui tugas 3. Memahami"),
            ["Memiliki kemampuan", "Mengetahui tugas", "Memahami"]
        );
        assert_eq!(
            split_numbered("1. Komputer2. Printer3. ATK4. Renstra Setdako"),
            ["Komputer", "Printer", "ATK", "Renstra Setdako"]
        );
    }

    #[test]
    fn bare_numbers_glued_to_the_previous_item_split_but_not_regulation_numbers() {
        let items = split_numbered(
            "1 Undang-Undang No. 17 Tahun 2003 tentang Keuangan Negara2 Undang-Undang No. 25 Tahun 2004 tentang Sistem Perencanaan3 Permendagri Nomor 12 Tahun 2011 tentang Perubahan Kedua atas Permendagri Nomor 13 Tahun 2006",
        );
        assert_eq!(
            items,
            [
                "Undang-Undang No. 17 Tahun 2003 tentang Keuangan Negara",
                "Undang-Undang No. 25 Tahun 2004 tentang Sistem Perencanaan",
                "Permendagri Nomor 12 Tahun 2011 tentang Perubahan Kedua atas Permendagri Nomor 13 Tahun 2006",
            ]
        );
    }

    #[test]
    fn a_number_after_nomor_is_not_the_next_item() {
        assert_eq!(
            split_numbered("1. Perwali Nomor 2. Tahun 2020 2. SOP lain"),
            ["Perwali Nomor 2. Tahun 2020", "SOP lain"]
        );
    }

    #[test]
    fn text_without_a_number_is_one_item() {
        assert_eq!(
            split_numbered("Disimpan sebagai data elektronik"),
            ["Disimpan sebagai data elektronik"]
        );
        assert!(split_numbered("  ").is_empty());
    }
}
