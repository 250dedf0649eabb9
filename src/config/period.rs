//! review_after's length of calendar time: `1 tahun`, `6 bulan`. A
//! setting, so it lives with the settings; the calendar
//! (`model::calendar`) adds it to dates.

use serde::Serialize;

use super::Language;

/// The unit of a [`Period`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PeriodUnit {
    Hari,
    Minggu,
    Bulan,
    Tahun,
}

/// A length of calendar time: review_after (`1 tahun`, `6 bulan`). Days
/// here are calendar days, not the working days of waktu.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Period {
    pub count: u32,
    pub unit: PeriodUnit,
}

/// The spellings of each unit (any case): Indonesian as in waktu, and
/// English, since handbook.yaml's keys are English.
const PERIOD_WORDS: &[(&str, PeriodUnit)] = &[
    ("hari", PeriodUnit::Hari),
    ("hr", PeriodUnit::Hari),
    ("day", PeriodUnit::Hari),
    ("days", PeriodUnit::Hari),
    ("minggu", PeriodUnit::Minggu),
    ("pekan", PeriodUnit::Minggu),
    ("mgg", PeriodUnit::Minggu),
    ("week", PeriodUnit::Minggu),
    ("weeks", PeriodUnit::Minggu),
    ("bulan", PeriodUnit::Bulan),
    ("bln", PeriodUnit::Bulan),
    ("month", PeriodUnit::Bulan),
    ("months", PeriodUnit::Bulan),
    ("tahun", PeriodUnit::Tahun),
    ("thn", PeriodUnit::Tahun),
    ("th", PeriodUnit::Tahun),
    ("year", PeriodUnit::Tahun),
    ("years", PeriodUnit::Tahun),
];

impl Period {
    /// Reads `1 tahun`, `6 bulan`, `2 minggu`, `90 hari` (or `6bulan`,
    /// `1 year`); None for anything else, a count of 0 included.
    pub fn parse(text: &str) -> Option<Period> {
        let text = text.trim();
        let digits = text.find(|c: char| !c.is_ascii_digit())?;
        let count: u32 = text[..digits].parse().ok().filter(|&n| n > 0)?;
        // A century of days is plenty; a bigger count is a slip.
        if count > 36_500 {
            return None;
        }
        let word = text[digits..].trim().to_lowercase();
        let unit = PERIOD_WORDS
            .iter()
            .find(|(w, _)| *w == word)
            .map(|(_, u)| *u)?;
        Some(Period { count, unit })
    }

    /// "1 tahun", "6 bulan" (`en`: "1 year", "6 months").
    pub fn display(&self, language: Language) -> String {
        let (id, en_one, en_many) = match self.unit {
            PeriodUnit::Hari => ("hari", "day", "days"),
            PeriodUnit::Minggu => ("minggu", "week", "weeks"),
            PeriodUnit::Bulan => ("bulan", "month", "months"),
            PeriodUnit::Tahun => ("tahun", "year", "years"),
        };
        let word = match (language, self.count) {
            (Language::Id, _) => id,
            (Language::En, 1) => en_one,
            (Language::En, _) => en_many,
        };
        format!("{} {word}", self.count)
    }
}
