//! Slugs: file, folder and role names made URL-safe the way FORMAT.md says.

/// Lower-cases `s` and makes each run of characters other than a-z and 0-9
/// one `-`, trimmed at both ends. Letters with accents lose them first
/// (`Pemeriksaan Ä` → `pemeriksaan-a`) so a name never turns into dashes only.
pub fn slugify(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_dash = false;
    for c in s.chars().flat_map(fold_accent) {
        let c = c.to_ascii_lowercase();
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            if pending_dash && !out.is_empty() {
                out.push('-');
            }
            pending_dash = false;
            out.push(c);
        } else {
            pending_dash = true;
        }
    }
    out
}

fn fold_accent(c: char) -> impl Iterator<Item = char> {
    let folded = match c {
        'à'..='å' | 'À'..='Å' => 'a',
        'è'..='ë' | 'È'..='Ë' => 'e',
        'ì'..='ï' | 'Ì'..='Ï' => 'i',
        'ò'..='ö' | 'Ò'..='Ö' => 'o',
        'ù'..='ü' | 'Ù'..='Ü' => 'u',
        'ç' | 'Ç' => 'c',
        'ñ' | 'Ñ' => 'n',
        other => other,
    };
    std::iter::once(folded)
}

/// Slugs every segment of a '/'-separated path.
pub fn slugify_path(path: &str) -> String {
    path.split('/')
        .filter(|s| !s.is_empty())
        .map(slugify)
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_follow_the_format() {
        assert_eq!(
            slugify("Kepala Sub Bagian Perencanaan"),
            "kepala-sub-bagian-perencanaan"
        );
        assert_eq!(slugify("SOP – 04/BPKPAD"), "sop-04-bpkpad");
        assert_eq!(slugify("  Bagian_Umum  "), "bagian-umum");
        assert_eq!(slugify("Café"), "cafe");
        assert_eq!(slugify_path("Bagian Umum/LKJ"), "bagian-umum/lkj");
    }
}
