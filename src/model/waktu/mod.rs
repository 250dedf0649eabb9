//! Waktu: the time a step takes ("15 menit", "1,5 jam", "1-2 hari").
//!
//! Reading is a small tokenizer (numbers, words, dashes) and a grammar of
//! `number unit` pairs, optionally `a-b` for a range. Units, any case, with
//! or without a space before them:
//!
//! | unit | spellings |
//! |---|---|
//! | detik | detik, dtk, second(s), sec |
//! | menit | menit, mnt, m, min, minute(s) |
//! | jam | jam, j, hour(s) |
//! | hari (working day) | hari, hr, hk, day(s); "hari kerja" too |
//! | minggu = 5 hari | minggu, pekan, mgg, week(s) |
//! | bulan | bulan, bln, month(s) |
//! | tahun = 12 bulan | tahun, thn, th, year(s) |
//!
//! Pairs combine ("1 jam 30 menit", "1 jam dan 30 menit"), "1 x 24 jam" is
//! 24 jam, and the left end of a range may leave its unit out ("1-2 hari");
//! "s/d", "sampai" and "hingga" are dashes too. Bounds and approximations
//! before the time ("±", "+/-", "kurang lebih", "lebih kurang", "sekitar",
//! "maks.", "maksimal", "paling lama", "paling lambat", "kurang dari", "<",
//! "≤") are read past: the number is the planned time. A per-item form
//! ("5 menit/berkas", "5 menit per berkas") counts once. A bare number
//! ("5") takes the unit the SOP or its unit sets in `satuan_waktu`.

use std::borrow::Cow;
use std::ops::Add;

use serde::Serialize;

use crate::config::Language;

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
    /// The satuan_waktu its bare numbers were read in ("5" as 5 menit):
    /// named after them wherever the waktu is shown. None when the text
    /// says its own unit, or cannot be read.
    #[serde(skip)]
    pub implied_unit: Option<Unit>,
}

impl Waktu {
    /// Reads a waktu as written; `duration` is None when it cannot be read.
    pub fn parse(text: &str) -> Waktu {
        Self::parse_in(text, None)
    }

    /// Reads a waktu whose bare numbers ("5", "1-2") are in `unit`
    /// (satuan_waktu); a number with its own unit keeps it.
    pub fn parse_in(text: &str, unit: Option<Unit>) -> Waktu {
        let own = parse_range(text, None);
        let (duration, implied_unit) = match (own, unit) {
            (Some(d), _) => (Some(d), None),
            (None, Some(unit)) => match parse_range(text, Some(unit)) {
                Some(d) => (Some(d), Some(unit)),
                None => (None, None),
            },
            (None, None) => (None, None),
        };
        Waktu {
            text: text.to_string(),
            duration,
            implied_unit,
        }
    }

    /// The waktu as a reader sees it: as written, with the satuan_waktu a
    /// bare number was read in named after the last number ("5" → "5 menit",
    /// "± 10" → "± 10 menit", "5/berkas" → "5 menit/berkas"), so the page,
    /// the printed form and the role pages never show a number without the
    /// unit it was counted in. Unreadable text is shown as written.
    pub fn shown(&self) -> Cow<'_, str> {
        let (Some(unit), Some(last)) = (
            self.implied_unit,
            self.text.rfind(|c: char| c.is_ascii_digit()),
        ) else {
            return Cow::Borrowed(&self.text);
        };
        let (before, after) = self.text.split_at(last + 1);
        Cow::Owned(format!("{before} {}{after}", unit.names().0))
    }
}

impl Add for Duration {
    type Output = Duration;
    fn add(self, other: Duration) -> Duration {
        Duration {
            minutes: self.minutes + other.minutes,
            days: self.days + other.days,
            months: self.months + other.months,
        }
    }
}

impl Add for DurationRange {
    type Output = DurationRange;
    fn add(self, other: DurationRange) -> DurationRange {
        DurationRange {
            min: self.min + other.min,
            max: self.max + other.max,
        }
    }
}

impl Duration {
    /// "2 hari 3 jam", "1 jam 30 menit" (`en`: "2 days 3 hours").
    pub fn display(&self, language: Language) -> String {
        let parts = self.parts();
        if parts.is_empty() {
            return Part {
                value: 0.0,
                unit: Unit::Minute,
            }
            .display(language);
        }
        parts
            .iter()
            .map(|p| p.display(language))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The normalised parts, largest unit first, zero parts left out.
    /// Minutes of 60 and more become hours, but hours never become days
    /// (a working day is not 24 hours, nor a fixed 8), and whole months
    /// of 12 and more become years.
    fn parts(&self) -> Vec<Part> {
        let mut out = Vec::new();
        let mut push = |value: f64, unit| {
            if value > 0.0 {
                out.push(Part { value, unit });
            }
        };
        if self.months.fract() == 0.0 {
            push((self.months / 12.0).floor(), Unit::Year);
            push(self.months % 12.0, Unit::Month);
        } else {
            push(self.months, Unit::Month);
        }
        push(self.days, Unit::Day);
        // Whole seconds: sums of fractions (1,5 jam + 0,1 jam) stay exact.
        let seconds = (self.minutes * 60.0).round();
        push((seconds / 3600.0).floor(), Unit::Hour);
        push(((seconds % 3600.0) / 60.0).floor(), Unit::Minute);
        push(seconds % 60.0, Unit::Second);
        out
    }
}

impl DurationRange {
    /// A range whose ends are the same duration.
    pub fn exact(duration: Duration) -> DurationRange {
        DurationRange {
            min: duration,
            max: duration,
        }
    }

    /// True when the two ends differ (written `a-b`).
    pub fn is_range(&self) -> bool {
        self.min != self.max
    }

    /// The sum of several ranges (the total time of an SOP).
    pub fn sum<'a>(ranges: impl IntoIterator<Item = &'a DurationRange>) -> DurationRange {
        ranges
            .into_iter()
            .fold(DurationRange::default(), |total, r| total + *r)
    }

    /// "1 jam 30 menit", "1-2 hari" (`en`: "1 hour 30 minutes").
    pub fn display(&self, language: Language) -> String {
        if !self.is_range() {
            return self.min.display(language);
        }
        let (min, max) = (self.min.parts(), self.max.parts());
        // "1-2 hari" when each end is one amount of the same unit.
        if let ([a], [b]) = (min.as_slice(), max.as_slice())
            && a.unit == b.unit
        {
            return format!(
                "{}-{}",
                number(a.value, language),
                Part {
                    value: b.value,
                    unit: b.unit
                }
                .display(language)
            );
        }
        format!(
            "{} - {}",
            self.min.display(language),
            self.max.display(language)
        )
    }
}

/// A unit of waktu (satuan_waktu).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
}

impl Unit {
    /// The units of docs/format.md, for satuan_waktu's hint.
    pub const NAMES: &'static str =
        "detik, menit (mnt, m), jam (j), hari (hr), minggu (pekan), bulan, tahun";

    /// A satuan_waktu as written, any case ("menit", "Jam", "hr").
    pub fn parse(word: &str) -> Option<Unit> {
        Self::from_word(&word.trim().trim_end_matches('.').to_lowercase())
    }

    fn from_word(word: &str) -> Option<Unit> {
        Some(match word {
            "detik" | "dtk" | "second" | "seconds" | "sec" => Unit::Second,
            "menit" | "mnt" | "m" | "min" | "minute" | "minutes" => Unit::Minute,
            "jam" | "j" | "hour" | "hours" => Unit::Hour,
            "hari" | "hr" | "hk" | "day" | "days" => Unit::Day,
            "minggu" | "pekan" | "mgg" | "week" | "weeks" => Unit::Week,
            "bulan" | "bln" | "month" | "months" => Unit::Month,
            "tahun" | "thn" | "th" | "year" | "years" => Unit::Year,
            _ => return None,
        })
    }

    fn duration(self, n: f64) -> Duration {
        let (minutes, days, months) = match self {
            Unit::Second => (n / 60.0, 0.0, 0.0),
            Unit::Minute => (n, 0.0, 0.0),
            Unit::Hour => (n * 60.0, 0.0, 0.0),
            Unit::Day => (0.0, n, 0.0),
            Unit::Week => (0.0, n * 5.0, 0.0),
            Unit::Month => (0.0, 0.0, n),
            Unit::Year => (0.0, 0.0, n * 12.0),
        };
        Duration {
            minutes,
            days,
            months,
        }
    }

    /// (Indonesian, English singular, English plural).
    fn names(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Unit::Second => ("detik", "second", "seconds"),
            Unit::Minute => ("menit", "minute", "minutes"),
            Unit::Hour => ("jam", "hour", "hours"),
            Unit::Day => ("hari", "day", "days"),
            Unit::Week => ("minggu", "week", "weeks"),
            Unit::Month => ("bulan", "month", "months"),
            Unit::Year => ("tahun", "year", "years"),
        }
    }
}

/// An amount of one unit, for display.
struct Part {
    value: f64,
    unit: Unit,
}

impl Part {
    fn display(&self, language: Language) -> String {
        let (id, one, many) = self.unit.names();
        let name = match language {
            Language::Id => id,
            Language::En if self.value == 1.0 => one,
            Language::En => many,
        };
        format!("{} {}", number(self.value, language), name)
    }
}

/// At most two decimals, no trailing zeros, a decimal comma in Indonesian.
fn number(value: f64, language: Language) -> String {
    let text = format!("{:.2}", value);
    let text = text.trim_end_matches('0').trim_end_matches('.');
    match language {
        Language::Id => text.replace('.', ","),
        Language::En => text.to_string(),
    }
}

#[derive(Debug, PartialEq)]
enum Token {
    Number(f64),
    Word(String),
    Dash,
}

/// Larger than any plausible step (and than f64 holds exactly): refused, so
/// a typo of many digits is a warning instead of an absurd total.
const LARGEST: f64 = 1e9;

/// Words an author puts before the time that do not change it: bounds
/// and approximations (longest first where one starts another).
const QUALIFIERS: &[&str] = &[
    "±",
    "+/-",
    "+-",
    "<=",
    "≤",
    "<",
    "kurang lebih",
    "lebih kurang",
    "kurang dari",
    "kl",
    "sekitar",
    "kira-kira",
    "maksimal",
    "maksimum",
    "maks",
    "max",
    "paling lama",
    "paling lambat",
    "selambat-lambatnya",
    "selama",
];

/// Cuts a per-item tail ("/berkas", "per berkas", "setiap dokumen"): the
/// time of one item counts once.
fn without_per_item(text: &str) -> &str {
    if let Some((head, tail)) = text.rsplit_once('/')
        && !tail.trim().is_empty()
        && tail.trim().chars().all(|c| c.is_alphabetic() || c == ' ')
        // "s/d" is a dash, not a per-item form.
        && !(head.trim_end() == "s" || head.trim_end().ends_with(" s"))
    {
        return head;
    }
    for word in [" per ", " setiap ", " tiap "] {
        if let Some((head, tail)) = text.rsplit_once(word)
            && !tail.trim().is_empty()
            && tail.trim().chars().all(|c| c.is_alphabetic() || c == ' ')
        {
            return head;
        }
    }
    text
}

fn tokens(text: &str) -> Option<Vec<Token>> {
    let mut text = text.trim().to_lowercase();
    loop {
        let before = text.len();
        for q in QUALIFIERS {
            if let Some(rest) = text.strip_prefix(q) {
                // A word qualifier must end at a word boundary ("kl" is not "klik").
                if q.chars().all(char::is_alphabetic)
                    && rest.chars().next().is_some_and(char::is_alphabetic)
                {
                    continue;
                }
                text = rest.trim_start_matches(['.', ' ']).to_string();
            }
        }
        if text.len() == before {
            break;
        }
    }
    let text = without_per_item(&text)
        .replace("s/d", " - ")
        .replace("s.d.", " - ")
        .replace("s.d", " - ");

    let mut out = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_digit() {
            let start = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            // One decimal separator, comma or point, followed by a digit.
            if i + 1 < chars.len() && matches!(chars[i], ',' | '.') && chars[i + 1].is_ascii_digit()
            {
                i += 1;
                while i < chars.len() && chars[i].is_ascii_digit() {
                    i += 1;
                }
            }
            let digits: String = chars[start..i]
                .iter()
                .map(|&c| if c == ',' { '.' } else { c })
                .collect();
            let n: f64 = digits.parse().ok()?;
            if !(n.is_finite() && n <= LARGEST) {
                return None;
            }
            out.push(Token::Number(n));
        } else if c.is_alphabetic() {
            let start = i;
            while i < chars.len() && chars[i].is_alphabetic() {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            match word.as_str() {
                "sampai" | "hingga" | "to" => out.push(Token::Dash),
                _ => out.push(Token::Word(word)),
            }
        } else {
            match c {
                '-' | '–' | '—' | '‒' | '~' => out.push(Token::Dash),
                '×' => out.push(Token::Word("x".into())),
                // Spaces, "1 jam, 30 menit", "15 mnt." carry no meaning.
                ',' | '.' => {}
                c if c.is_whitespace() => {}
                _ => return None,
            }
            i += 1;
        }
    }
    Some(out)
}

/// One end of a range: a duration with the unit it starts with, or a bare
/// number whose unit comes from the other end ("1" of "1-2 hari").
enum End {
    Duration(Duration, Unit),
    Bare(f64),
}

fn parse_end(tokens: &[Token]) -> Option<End> {
    if let [Token::Number(n)] = tokens {
        return Some(End::Bare(*n));
    }
    let mut total = Duration::default();
    let mut first_unit = None;
    let mut rest = tokens;
    while !rest.is_empty() {
        // "1 x 24 jam", the usual way to write a deadline of a day.
        let (n, w, tail) = match rest {
            [
                Token::Number(a),
                Token::Word(x),
                Token::Number(b),
                Token::Word(w),
                tail @ ..,
            ] if x == "x" => (a * b, w, tail),
            [Token::Number(n), Token::Word(w), tail @ ..] => (*n, w, tail),
            _ => return None,
        };
        let unit = Unit::from_word(w)?;
        total = total + unit.duration(n);
        first_unit.get_or_insert(unit);
        rest = tail;
        // "2 hari kerja", "1 jam dan 30 menit".
        if unit == Unit::Day || unit == Unit::Week {
            rest = skip_word(rest, &["kerja"]);
        }
        rest = skip_word(rest, &["dan", "and"]);
    }
    Some(End::Duration(total, first_unit?))
}

fn skip_word<'a>(tokens: &'a [Token], words: &[&str]) -> &'a [Token] {
    match tokens {
        [Token::Word(w), tail @ ..] if words.contains(&w.as_str()) => tail,
        _ => tokens,
    }
}

fn parse_range(text: &str, default: Option<Unit>) -> Option<DurationRange> {
    let tokens = tokens(text)?;
    let mut sides = tokens.split(|t| *t == Token::Dash);
    let (first, second) = (sides.next()?, sides.next());
    if sides.next().is_some() {
        return None;
    }
    let Some(second) = second else {
        return match parse_end(first)? {
            End::Duration(d, _) => Some(DurationRange::exact(d)),
            End::Bare(n) => default.map(|u| DurationRange::exact(u.duration(n))),
        };
    };
    match (parse_end(first)?, parse_end(second)?) {
        (End::Duration(min, _), End::Duration(max, _)) => Some(DurationRange { min, max }),
        (End::Bare(n), End::Duration(max, unit)) => Some(DurationRange {
            min: unit.duration(n),
            max,
        }),
        (End::Bare(a), End::Bare(b)) => default.map(|u| DurationRange {
            min: u.duration(a),
            max: u.duration(b),
        }),
        // "1 jam - 2" names no unit for the right end: too unsure to guess.
        (End::Duration(..), End::Bare(_)) => None,
    }
}

#[cfg(test)]
mod tests;
