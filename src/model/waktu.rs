//! Waktu: the time a step takes ("15 menit", "1,5 jam", "1-2 hari").

use serde::Serialize;

/// A length of working time. `hari` is a working day, so days are kept apart
/// from clock time instead of being turned into 24 hours.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Duration {
    /// detik, menit, jam, as minutes.
    pub minutes: f64,
    /// hari (working days), minggu/pekan as 5 working days.
    pub days: f64,
    /// bulan; tahun as 12 months.
    pub months: f64,
}

/// A waktu as a range: `min == max` unless written `a-b`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct DurationRange {
    pub min: Duration,
    pub max: Duration,
}

/// The Waktu of a step: the text as written and, when it can be read, its duration.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Waktu {
    pub text: String,
    pub duration: Option<DurationRange>,
}

impl Waktu {
    /// Reads a waktu as written; `duration` is None when it cannot be read.
    pub fn parse(_text: &str) -> Waktu {
        todo!("Waktu::parse")
    }
}

impl DurationRange {
    /// The sum of several ranges (the total time of an SOP).
    pub fn sum<'a>(_ranges: impl IntoIterator<Item = &'a DurationRange>) -> DurationRange {
        todo!("DurationRange::sum")
    }

    /// "1 jam 30 menit", "1-2 hari" (`en`: "1 hour 30 minutes").
    pub fn display(&self, _language: crate::config::Language) -> String {
        todo!("DurationRange::display")
    }
}
