//! Kata tanya dan kata pengisi: the words a reader types around what they
//! look for ("bagaimana cara mengajukan cuti", "siapa yang menandatangani
//! surat keluar", "mohon info syarat legalisir"). No SOP is about them, and
//! Pagefind finds only the pages that have every word of a query, so the
//! search page leaves them out of the query before it searches (unless the
//! query is nothing else). The list is here and only here; a handbook adds
//! its own with `stopwords:` in handbook.yaml, as it adds abbreviations.
//!
//! The index keeps these words: they are left out of queries, not of pages,
//! so a quoted title or an excerpt still reads as the SOP does.

use std::collections::BTreeSet;

use crate::config::Language;

/// Indonesian question words (with the -kah forms people write), and the
/// fillers of a question typed as one would ask a colleague. A word that
/// names something an SOP could be about (surat, izin, syarat, langkah) is
/// not one of them: when no SOP has it, the search page drops it by itself
/// (showing the SOPs with most of the words).
const INDONESIAN: &[&str] = &[
    // Question words.
    "apa",
    "apakah",
    "siapa",
    "siapakah",
    "kapan",
    "kapankah",
    "bagaimana",
    "bagaimanakah",
    "gimana",
    "mengapa",
    "kenapa",
    "dimana",
    "dimanakah",
    "mana",
    "manakah",
    "berapa",
    "berapakah",
    "bilamana",
    // How, what, which: "cara", "apa saja", "yang mana".
    "cara",
    "caranya",
    "saja",
    "yang",
    // Prepositions and conjunctions a question strings words with.
    "di",
    "ke",
    "dari",
    "untuk",
    "dengan",
    "pada",
    "oleh",
    "bagi",
    "jika",
    "kalau",
    "bila",
    "apabila",
    "agar",
    "supaya",
    "dan",
    "atau",
    "serta",
    "ini",
    "itu",
    "tersebut",
    "tentang",
    // Politeness and fillers.
    "mohon",
    "tolong",
    "bisa",
    "dapat",
    "harus",
    "perlu",
    "ingin",
    "mau",
    "akan",
    "sudah",
    "belum",
    "sedang",
    "saya",
    "kami",
    "kita",
    "anda",
    "nya",
    "ya",
    "dong",
    "sih",
    "kah",
    "lah",
    "adalah",
    "ialah",
];

/// The same for a handbook in English.
const ENGLISH: &[&str] = &[
    "how", "what", "who", "whom", "whose", "when", "where", "why", "which", "do", "does", "did",
    "can", "could", "should", "must", "is", "are", "was", "the", "a", "an", "to", "for", "with",
    "of", "in", "on", "by", "and", "or", "if", "i", "we", "you", "my", "our", "please", "about",
];

/// The words left out of a query: the built-in list of the handbook's
/// language and the handbook's own, lower-cased, one word each (an entry of
/// several words, "apa saja", is each of its words).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stopwords(BTreeSet<String>);

impl Stopwords {
    pub fn new(language: Language, extra: &[String]) -> Stopwords {
        let built_in = match language {
            Language::Id => INDONESIAN,
            Language::En => ENGLISH,
        };
        let words = built_in
            .iter()
            .map(|w| w.to_string())
            .chain(extra.iter().flat_map(|entry| {
                entry
                    .to_lowercase()
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            }))
            .collect();
        Stopwords(words)
    }

    /// Whether `word` (lower-case) is left out of queries.
    pub fn contains(&self, word: &str) -> bool {
        self.0.contains(word)
    }

    /// Every word, in order.
    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(String::as_str)
    }

    /// The list as JSON for a `<script>` element of the search page; `<` is
    /// escaped so no word of handbook.yaml can end the element.
    pub fn to_json(&self) -> String {
        serde_json::to_string(&self.0)
            .expect("strings are JSON")
            .replace('<', "\\u003c")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn question_words_and_fillers_are_left_out_of_queries() {
        let list = Stopwords::new(Language::Id, &[]);
        for w in [
            "bagaimana",
            "cara",
            "apa",
            "saja",
            "siapa",
            "kapan",
            "di",
            "mana",
            "mengapa",
            "yang",
            "untuk",
            "dengan",
            "jika",
            "kalau",
            "mohon",
            "tolong",
        ] {
            assert!(list.contains(w), "{w}");
        }
        // Words an SOP is about stay.
        for w in ["surat", "cuti", "syarat", "izin", "langkah"] {
            assert!(!list.contains(w), "{w}");
        }
    }

    #[test]
    fn a_handbook_adds_its_own_words_one_by_one_in_lower_case() {
        let list = Stopwords::new(
            Language::Id,
            &["Gan".to_string(), "Terima kasih".to_string()],
        );
        assert!(list.contains("gan") && list.contains("terima") && list.contains("kasih"));
        assert!(list.contains("bagaimana"));
        let json = Stopwords::new(Language::Id, &["</script>".to_string()]).to_json();
        assert!(!json.contains('<'), "{json}");
    }

    #[test]
    fn an_english_handbook_has_english_question_words() {
        let list = Stopwords::new(Language::En, &[]);
        assert!(list.contains("how") && !list.contains("bagaimana"));
    }
}
