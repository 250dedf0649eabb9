//! An SOP's total waktu in words, as its page and its sop.json both show
//! it (one wording, computed in one place).

use crate::config::Language;
use crate::model::Sop;

use crate::i18n;

/// The computed total waktu in words; when some steps have no readable
/// waktu, said to be a lower bound over so many steps ("sekurang-kurangnya
/// 1 jam 20 menit, 4 dari 6 langkah").
pub fn waktu(sop: &Sop, lang: Language) -> Option<String> {
    let total = sop.total_waktu.as_ref()?.display(lang);
    if !sop.total_is_partial() {
        return Some(total);
    }
    Some(format!(
        "{} {total}, {} {} {} {}",
        i18n::strings(lang).total_partial,
        sop.waktu_steps,
        i18n::strings(lang).total_partial_of,
        sop.steps.len(),
        i18n::strings(lang).total_partial_steps,
    ))
}
