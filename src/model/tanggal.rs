//! Tanggal: the dates of the form, in every way Indonesian offices write them.

use serde::Serialize;

/// A calendar date. Serialised as ISO `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.iso())
    }
}

impl Date {
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Why a date could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// Not in any known form.
    Unreadable,
    /// Read, but no such day (31 April, 29 February of a common year, month 13).
    Impossible,
}

impl Date {
    /// Reads `2018-11-07`, `7-11-2018`, `07/11/2018`, `7-Nov-2018`,
    /// `7 November 2018`, `01 JULI 2023` (Indonesian or English month names
    /// and abbreviations, any case).
    pub fn parse(_text: &str) -> Result<Date, DateError> {
        todo!("Date::parse")
    }

    /// "7 November 2018" (Indonesian month names).
    pub fn long_id(&self) -> String {
        todo!("Date::long_id")
    }

    /// "7 November 2018" (English month names).
    pub fn long_en(&self) -> String {
        todo!("Date::long_en")
    }
}
