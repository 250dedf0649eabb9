//! Slugs: file, folder and role names made URL-safe the way docs/format.md says.
//!
//! A name in any script makes a URL: it is transliterated to Latin letters
//! first (`Бухгалтерия` → `buhgalteriya`, `会计` → `hui-ji`), then
//! lower-cased with each run of other characters made one `-`.

/// Lower-cases `s` and makes each run of characters other than a-z and 0-9
/// one `-`, trimmed at both ends. Other scripts are transliterated first
/// (`Pemeriksaan Ä` → `pemeriksaan-a`, `Бухгалтерия` → `buhgalteriya`), so
/// only a name without letters or digits (`_`, `!!`) slugs to nothing.
pub fn slugify(s: &str) -> String {
    let latin;
    let text = if s.is_ascii() {
        s
    } else {
        latin = transliterate(s);
        latin.as_str()
    };
    let mut out = String::with_capacity(text.len());
    let mut pending_dash = false;
    for c in text.chars() {
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

/// `s` in Latin letters: Cyrillic as URLs in Russian and Ukrainian are
/// usually written (`х` → `h`, `я` → `ya`: `buhgalteriya`, as the contract
/// says), everything else by deunicode (accents dropped, Chinese as
/// pinyin words, `ß` → `ss`).
fn transliterate(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 2);
    let mut other = String::new();
    for c in s.chars() {
        match cyrillic(c) {
            Some(latin) => {
                if !other.is_empty() {
                    out.push_str(&deunicode::deunicode(&other));
                    other.clear();
                }
                out.push_str(latin);
            }
            None => other.push(c),
        }
    }
    out.push_str(&deunicode::deunicode(&other));
    out
}

/// The Latin letters of a Cyrillic letter, if `c` is one deunicode writes
/// another way than Russian URLs do.
fn cyrillic(c: char) -> Option<&'static str> {
    let lower = c.to_lowercase().next().unwrap_or(c);
    Some(match lower {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'д' => "d",
        'е' => "e",
        'ё' => "yo",
        'ж' => "zh",
        'з' => "z",
        'и' => "i",
        'й' => "y",
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' => "u",
        'ф' => "f",
        'х' => "h",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "sch",
        'ъ' | 'ь' => "",
        'ы' => "y",
        'э' => "e",
        'ю' => "yu",
        'я' => "ya",
        'є' => "ye",
        'і' => "i",
        'ї' => "yi",
        'ґ' => "g",
        _ => return None,
    })
}

/// Slugs every segment of a '/'-separated path.
pub fn slugify_path(path: &str) -> String {
    path.split('/')
        .filter(|s| !s.is_empty())
        .map(slugify)
        .collect::<Vec<_>>()
        .join("/")
}

/// The first segment of a '/'-separated path that slugs to nothing (`_`,
/// `!!`): a file or folder of that name has no URL.
pub fn nameless_segment(path: &str) -> Option<&str> {
    path.split('/')
        .filter(|s| !s.is_empty())
        .find(|s| slugify(s).is_empty())
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

    #[test]
    fn names_in_any_script_make_a_url() {
        assert_eq!(slugify("Бухгалтерия"), "buhgalteriya");
        assert_eq!(slugify("Отдел кадров"), "otdel-kadrov");
        assert_eq!(slugify("会计"), "hui-ji");
        assert_eq!(slugify("Ελληνικά"), "ellenika");
        assert_eq!(slugify("Straße Ä"), "strasse-a");
        assert_eq!(slugify("Бухгалтерия (会计) 2"), "buhgalteriya-hui-ji-2");
        for nameless in ["_", "!!", "—", " "] {
            assert_eq!(slugify(nameless), "", "{nameless}");
        }
        assert_eq!(nameless_segment("umum/_/rkt"), Some("_"));
        assert_eq!(nameless_segment("Бухгалтерия/rkt"), None);
    }
}
