//! Tanggal: the dates of the form, in every way Indonesian offices write them.
//!
//! Office documents write one date in many ways ("7-Nov-2018" from a
//! spreadsheet, "01 JULI 2023" typed in capitals, "07/11/2018"). They all
//! have the same three parts, so the reader splits the text into day, month
//! and year and only then decides what each part is.

use std::fmt;

use serde::Serialize;

/// A calendar date, or a month or a year alone as real forms print them
/// ("Juni 2020", "2016"): `day` 0 is a month and year, `month` 0 a year
/// alone. So a partial date sorts at the start of its month or year.
/// Serialised as ISO `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    /// 1-12, or 0 for a year alone.
    pub month: u8,
    /// 1-31, or 0 for a month (or year) alone.
    pub day: u8,
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.iso())
    }
}

impl Date {
    /// `2018-11-07`; `2020-06` for a month, `2016` for a year.
    pub fn iso(&self) -> String {
        match (self.month, self.day) {
            (0, _) => format!("{:04}", self.year),
            (m, 0) => format!("{:04}-{m:02}", self.year),
            (m, d) => format!("{:04}-{m:02}-{d:02}", self.year),
        }
    }

    /// How much of the date is known: "day", "month" or "year".
    pub fn precision(&self) -> &'static str {
        match (self.month, self.day) {
            (0, _) => "year",
            (_, 0) => "month",
            _ => "day",
        }
    }

    /// True for the texts forms use to say "no date" in a date cell: empty,
    /// `-`, `–`, `—` (also several of them, "--").
    pub fn means_none(text: &str) -> bool {
        text.trim()
            .chars()
            .all(|c| matches!(c, '-' | '–' | '—' | '‒' | '−'))
    }
}

/// Why a date could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// Not in any known form.
    Unreadable,
    /// Read, but no such day (31 April, 29 February of a common year, month 13).
    Impossible,
    /// A day and month, or a month, with no year ("7 November", "Juni"):
    /// not a date, kept as written.
    NoYear,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateError::Unreadable => f.write_str(
                "the date cannot be read; write it as 2018-11-07, 7-11-2018, 07/11/2018 or 7 November 2018",
            ),
            DateError::Impossible => f.write_str(
                "no such day in the calendar (check the day and the month: 31 April or 29 February of a common year do not exist)",
            ),
            DateError::NoYear => f.write_str(
                "the date has no year; write the year too, e.g. 7 November 2018 or Juni 2020",
            ),
        }
    }
}

impl std::error::Error for DateError {}

/// Indonesian month names, January first.
pub const MONTHS_ID: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];

/// English month names, January first.
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Every spelling of a month seen in Indonesian documents (lower case):
/// the Indonesian and English names, their abbreviations and the older
/// spellings with "p" (Pebruari, Nopember) that many offices still use.
const MONTH_SPELLINGS: &[(&str, u8)] = &[
    ("januari", 1),
    ("january", 1),
    ("jan", 1),
    ("februari", 2),
    ("pebruari", 2),
    ("february", 2),
    ("feb", 2),
    ("peb", 2),
    ("maret", 3),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("mei", 5),
    ("may", 5),
    ("juni", 6),
    ("june", 6),
    ("jun", 6),
    ("juli", 7),
    ("july", 7),
    ("jul", 7),
    ("agustus", 8),
    ("august", 8),
    ("agu", 8),
    ("agt", 8),
    ("ags", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("oktober", 10),
    ("october", 10),
    ("okt", 10),
    ("oct", 10),
    ("november", 11),
    ("nopember", 11),
    ("nov", 11),
    ("nop", 11),
    ("desember", 12),
    ("december", 12),
    ("des", 12),
    ("dec", 12),
];

/// Day names an author may put before the date ("Senin, 7 November 2018").
const WEEKDAYS: &[&str] = &[
    "senin",
    "selasa",
    "rabu",
    "kamis",
    "jumat",
    "sabtu",
    "minggu",
    "ahad",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

fn month_from_name(word: &str) -> Option<u8> {
    MONTH_SPELLINGS
        .iter()
        .find(|(name, _)| *name == word)
        .map(|(_, m)| *m)
}

/// One part of a date: a number as written (its digit count matters for
/// telling a year from a day) or a word.
#[derive(Debug, PartialEq)]
enum Part {
    Number { value: u32, digits: usize },
    Word(String),
}

impl Part {
    fn month(&self) -> Option<u32> {
        match self {
            Part::Number { value, .. } => Some(*value),
            Part::Word(w) => month_from_name(w).map(u32::from),
        }
    }

    fn number(&self) -> Option<u32> {
        match self {
            Part::Number { value, .. } => Some(*value),
            Part::Word(_) => None,
        }
    }

    /// A year as written; two digits mean this century ("7-Nov-18" from a
    /// spreadsheet), since no SOP predates 2000 by a century.
    fn year(&self) -> Option<i32> {
        match self {
            Part::Number { value, digits: 4 } => i32::try_from(*value).ok(),
            Part::Number { value, digits: 2 } => i32::try_from(*value).ok().map(|y| 2000 + y),
            _ => None,
        }
    }
}

/// Splits on any run of separators (space, `-`, `/`, `.`, `,`, dashes) and
/// between digits and letters ("7Nov2018").
fn parts(text: &str) -> Option<Vec<Part>> {
    let mut out = Vec::new();
    let mut current = String::new();
    let flush = |current: &mut String, out: &mut Vec<Part>| -> Option<()> {
        if current.is_empty() {
            return Some(());
        }
        let part = if current.chars().all(|c| c.is_ascii_digit()) {
            // Longer than any day, month or year: refuse instead of overflowing.
            if current.len() > 4 {
                return None;
            }
            Part::Number {
                value: current.parse().ok()?,
                digits: current.len(),
            }
        } else {
            Part::Word(current.to_lowercase())
        };
        out.push(part);
        current.clear();
        Some(())
    };
    for c in text.chars() {
        let same_class = current
            .chars()
            .last()
            .is_none_or(|last| last.is_ascii_digit() == c.is_ascii_digit());
        if c.is_alphanumeric() {
            if !same_class {
                flush(&mut current, &mut out)?;
            }
            current.push(c);
        } else if c.is_whitespace() || matches!(c, '-' | '/' | '.' | ',' | '–' | '—' | '\u{2011}')
        {
            flush(&mut current, &mut out)?;
        } else {
            return None;
        }
    }
    flush(&mut current, &mut out)?;
    Some(out)
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// Reads `2018-11-07`, `7-11-2018`, `07/11/2018`, `7-Nov-2018`,
    /// `7 November 2018`, `01 JULI 2023` (Indonesian or English month names
    /// and abbreviations, any case). `.` and extra spaces are separators too,
    /// a leading day name ("Senin, 7 November 2018") is skipped, and
    /// "November 7, 2018" is read as well. Numeric dates are day first, as
    /// Indonesian documents write them.
    pub fn parse(text: &str) -> Result<Date, DateError> {
        let mut parts = parts(text).ok_or(DateError::Unreadable)?;
        if let Some(Part::Word(w)) = parts.first()
            && WEEKDAYS.contains(&w.as_str())
        {
            parts.remove(0);
        }
        let (a, b, c) = match parts.as_slice() {
            [a, b, c] => (a, b, c),
            // A year alone: "2016".
            [year @ Part::Number { digits: 4, .. }] => {
                return Ok(Date {
                    year: year.year().ok_or(DateError::Unreadable)?,
                    month: 0,
                    day: 0,
                });
            }
            [a, b] => return Self::month_and_year(a, b),
            // "Juni": a month with no year.
            [Part::Word(w)] if month_from_name(w).is_some() => return Err(DateError::NoYear),
            _ => return Err(DateError::Unreadable),
        };
        let (year, month, day) = if let Part::Number { digits: 4, .. } = a {
            // ISO order: 2018-11-07.
            (a.year(), b.month(), c.number())
        } else if let Part::Word(_) = a {
            // English order: November 7, 2018.
            (c.year(), a.month(), b.number())
        } else {
            (c.year(), b.month(), a.number())
        };
        let (Some(year), Some(month), Some(day)) = (year, month, day) else {
            return Err(DateError::Unreadable);
        };
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return Err(DateError::Impossible);
        }
        // Both fit in u8: month ≤ 12 and day ≤ 31 were checked above.
        Ok(Date {
            year,
            month: month as u8,
            day: day as u8,
        })
    }

    /// "Juni 2020", "JUNI 2020", "2016-06", "06/2016", "Nov 2018"; a day
    /// and month with no year ("7 November") is [`DateError::NoYear`].
    fn month_and_year(a: &Part, b: &Part) -> Result<Date, DateError> {
        let (month, year) = match (a, b) {
            (Part::Number { digits: 4, .. }, m @ Part::Number { digits: 1 | 2, .. }) => (m, a),
            (m, y @ Part::Number { digits: 4, .. }) => (m, y),
            // "7 November", "November 7": a day and a month, no year.
            (Part::Number { digits: 1 | 2, .. }, Part::Word(w))
            | (Part::Word(w), Part::Number { digits: 1 | 2, .. })
                if month_from_name(w).is_some() =>
            {
                return Err(DateError::NoYear);
            }
            _ => return Err(DateError::Unreadable),
        };
        let (Some(year), Some(month)) = (year.year(), month.month()) else {
            return Err(DateError::Unreadable);
        };
        if !(1..=12).contains(&month) {
            return Err(DateError::Impossible);
        }
        Ok(Date {
            year,
            month: month as u8,
            day: 0,
        })
    }

    /// "7 November 2018" (Indonesian month names).
    pub fn long_id(&self) -> String {
        self.long(&MONTHS_ID)
    }

    /// "7 November 2018" (English month names).
    pub fn long_en(&self) -> String {
        self.long(&MONTHS_EN)
    }

    /// The long form in the given language.
    pub fn long_in(&self, language: crate::config::Language) -> String {
        match language {
            crate::config::Language::Id => self.long_id(),
            crate::config::Language::En => self.long_en(),
        }
    }

    /// "7 November 2018", "Juni 2020" or "2016", as precise as written.
    fn long(&self, names: &[&str; 12]) -> String {
        if self.month == 0 {
            return self.year.to_string();
        }
        let month = usize::from(self.month)
            .checked_sub(1)
            .and_then(|i| names.get(i))
            .copied()
            .unwrap_or("?");
        if self.day == 0 {
            format!("{month} {}", self.year)
        } else {
            format!("{} {} {}", self.day, month, self.year)
        }
    }
}

impl fmt::Display for Date {
    /// ISO form, the one that sorts and that every tool reads.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(year: i32, month: u8, day: u8) -> Date {
        Date { year, month, day }
    }

    #[test]
    fn reads_every_form_of_the_format() {
        let cases = [
            ("2018-11-07", d(2018, 11, 7)),
            ("7-11-2018", d(2018, 11, 7)),
            ("07/11/2018", d(2018, 11, 7)),
            ("7-Nov-2018", d(2018, 11, 7)),
            ("7 November 2018", d(2018, 11, 7)),
            ("01 JULI 2023", d(2023, 7, 1)),
            ("31 Desember 2018", d(2018, 12, 31)),
        ];
        for (text, want) in cases {
            assert_eq!(Date::parse(text), Ok(want), "{text}");
        }
    }

    #[test]
    fn reads_messy_forms() {
        let cases = [
            ("  7   november   2018 ", d(2018, 11, 7)),
            ("7.11.2018", d(2018, 11, 7)),
            ("07 - 11 - 2018", d(2018, 11, 7)),
            ("7–Nov–2018", d(2018, 11, 7)),
            ("7 Nopember 2018", d(2018, 11, 7)),
            ("7 nop 2018", d(2018, 11, 7)),
            ("14 Peb 2020", d(2020, 2, 14)),
            ("14 Pebruari 2020", d(2020, 2, 14)),
            ("17 Agt 2021", d(2021, 8, 17)),
            ("17 Agu 2021", d(2021, 8, 17)),
            ("17 August 2021", d(2021, 8, 17)),
            ("5 Sept 2019", d(2019, 9, 5)),
            ("5 Okt 2019", d(2019, 10, 5)),
            ("5 Oct 2019", d(2019, 10, 5)),
            ("25 Dec 2019", d(2019, 12, 25)),
            ("25 Des 2019", d(2019, 12, 25)),
            ("1 Mei 2020", d(2020, 5, 1)),
            ("1 May 2020", d(2020, 5, 1)),
            ("1 Maret 2020", d(2020, 3, 1)),
            ("1 Jan 2020", d(2020, 1, 1)),
            ("1 Juni 2020", d(2020, 6, 1)),
            ("1 Jun 2020", d(2020, 6, 1)),
            ("1 Jul 2020", d(2020, 7, 1)),
            ("1 Apr 2020", d(2020, 4, 1)),
            ("7-Nov-18", d(2018, 11, 7)),
            ("2018/11/07", d(2018, 11, 7)),
            ("Senin, 7 November 2018", d(2018, 11, 7)),
            ("November 7, 2018", d(2018, 11, 7)),
            ("7Nov2018", d(2018, 11, 7)),
            ("29 Februari 2024", d(2024, 2, 29)),
            ("29 Feb 2000", d(2000, 2, 29)),
        ];
        for (text, want) in cases {
            assert_eq!(Date::parse(text), Ok(want), "{text}");
        }
    }

    #[test]
    fn impossible_days_are_told_apart_from_unreadable_text() {
        for text in [
            "31 April 2020",
            "29 Feb 2023",
            "29-02-1900",
            "1-13-2020",
            "0 Juli 2023",
            "32/01/2020",
            "2020-02-30",
            "00-00-0000",
        ] {
            assert_eq!(Date::parse(text), Err(DateError::Impossible), "{text}");
        }
    }

    #[test]
    fn text_that_is_no_date_is_unreadable() {
        for text in [
            "",
            "   ",
            "kemarin",
            "7 Brumaire 2018",
            "7 11 2018 12",
            "7/11/201",
            "99999999999999999999-1-1",
            "7 November 2018 pukul 10",
            "2018-11-07T10:00",
            "7 * 11 * 2018",
            "1/1/1/1",
        ] {
            assert_eq!(Date::parse(text), Err(DateError::Unreadable), "{text:?}");
        }
    }

    #[test]
    fn partial_dates_keep_their_precision() {
        let cases = [
            ("Januari 2016", d(2016, 1, 0), "Januari 2016", "2016-01"),
            ("JUNI 2020", d(2020, 6, 0), "Juni 2020", "2020-06"),
            ("2016-06", d(2016, 6, 0), "Juni 2016", "2016-06"),
            ("06/2016", d(2016, 6, 0), "Juni 2016", "2016-06"),
            ("Nopember 2018", d(2018, 11, 0), "November 2018", "2018-11"),
            ("2016", d(2016, 0, 0), "2016", "2016"),
            (" 2016 ", d(2016, 0, 0), "2016", "2016"),
        ];
        for (text, want, long, iso) in cases {
            let read = Date::parse(text);
            assert_eq!(read, Ok(want), "{text}");
            assert_eq!(want.long_id(), long);
            assert_eq!(want.iso(), iso);
            assert_eq!(Date::parse(&want.long_id()), Ok(want), "reads back {long}");
        }
        assert_eq!(d(2020, 6, 0).long_en(), "June 2020");
        assert_eq!(d(2020, 6, 0).precision(), "month");
        assert_eq!(d(2016, 0, 0).precision(), "year");
        assert_eq!(d(2016, 1, 2).precision(), "day");
        assert_eq!(Date::parse("13/2016"), Err(DateError::Impossible));
    }

    #[test]
    fn partial_dates_sort_at_the_start_of_their_month_or_year() {
        assert!(d(2020, 6, 0) < d(2020, 6, 1));
        assert!(d(2020, 5, 31) < d(2020, 6, 0));
        assert!(d(2016, 0, 0) < d(2016, 1, 1));
        assert!(d(2015, 12, 31) < d(2016, 0, 0));
        assert!(d(2016, 0, 0) < d(2016, 1, 0));
    }

    #[test]
    fn a_month_or_day_without_a_year_is_told_apart() {
        for text in ["7 Nov", "7 November", "November 7", "Juni", "JULI"] {
            assert_eq!(Date::parse(text), Err(DateError::NoYear), "{text}");
        }
        assert!(DateError::NoYear.to_string().contains("year"));
    }

    #[test]
    fn dashes_and_blanks_mean_no_date() {
        for text in ["", " ", "-", "–", "—", "--", " - "] {
            assert!(Date::means_none(text), "{text:?}");
        }
        for text in ["2016", "7-11-2018", "x"] {
            assert!(!Date::means_none(text), "{text:?}");
        }
    }

    #[test]
    fn long_forms_name_the_month_in_each_language() {
        assert_eq!(d(2018, 11, 7).long_id(), "7 November 2018");
        assert_eq!(d(2018, 11, 7).long_en(), "7 November 2018");
        assert_eq!(d(2023, 7, 1).long_id(), "1 Juli 2023");
        assert_eq!(d(2023, 7, 1).long_en(), "1 July 2023");
        assert_eq!(d(2020, 5, 15).long_id(), "15 Mei 2020");
        assert_eq!(d(2020, 8, 17).long_en(), "17 August 2020");
        assert_eq!(
            d(2020, 2, 3).long_in(crate::config::Language::Id),
            "3 Februari 2020"
        );
    }

    #[test]
    fn long_form_reads_back_as_the_same_date() {
        for date in [
            d(2018, 11, 7),
            d(2023, 7, 1),
            d(2024, 2, 29),
            d(2019, 12, 31),
        ] {
            assert_eq!(Date::parse(&date.long_id()), Ok(date));
            assert_eq!(Date::parse(&date.long_en()), Ok(date));
            assert_eq!(Date::parse(&date.iso()), Ok(date));
        }
    }

    #[test]
    fn dates_serialise_and_sort_as_iso() {
        assert_eq!(
            serde_json::to_string(&d(2018, 11, 7)).ok().as_deref(),
            Some("\"2018-11-07\"")
        );
        assert!(d(2018, 11, 7) < d(2018, 12, 1));
        assert!(d(2017, 12, 31) < d(2018, 1, 1));
    }

    #[test]
    fn errors_tell_the_author_what_to_write() {
        let unreadable = DateError::Unreadable.to_string();
        assert!(unreadable.contains("7 November 2018"), "{unreadable}");
        let impossible = DateError::Impossible.to_string();
        assert!(impossible.contains("no such day"), "{impossible}");
    }

    proptest::proptest! {
        #[test]
        fn any_text_is_read_without_panic(text in "\\PC{0,40}") {
            let _ = Date::parse(&text);
        }

        #[test]
        fn every_real_day_survives_every_written_form(
            year in 1990i32..2100, month in 1u8..=12, day in 1u8..=31
        ) {
            let date = d(year, month, day);
            let numeric = format!("{day}-{month}-{year}");
            match Date::parse(&numeric) {
                Ok(read) => {
                    proptest::prop_assert_eq!(read, date);
                    proptest::prop_assert_eq!(Date::parse(&date.long_id()), Ok(date));
                    proptest::prop_assert_eq!(Date::parse(&date.long_en()), Ok(date));
                    proptest::prop_assert_eq!(Date::parse(&date.iso()), Ok(date));
                }
                Err(e) => {
                    proptest::prop_assert_eq!(e, DateError::Impossible);
                    proptest::prop_assert!(day > 28);
                }
            }
        }
    }
}
