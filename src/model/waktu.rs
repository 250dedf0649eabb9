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
    /// True when nothing was counted.
    pub fn is_zero(&self) -> bool {
        self.minutes == 0.0 && self.days == 0.0 && self.months == 0.0
    }

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
    /// The units of FORMAT.md, for satuan_waktu's hint.
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
mod tests {
    use super::*;

    fn minutes(m: f64) -> Duration {
        Duration {
            minutes: m,
            ..Duration::default()
        }
    }
    fn days(d: f64) -> Duration {
        Duration {
            days: d,
            ..Duration::default()
        }
    }
    fn months(m: f64) -> Duration {
        Duration {
            months: m,
            ..Duration::default()
        }
    }
    fn exact(d: Duration) -> Option<DurationRange> {
        Some(DurationRange::exact(d))
    }
    fn range(min: Duration, max: Duration) -> Option<DurationRange> {
        Some(DurationRange { min, max })
    }
    fn read(text: &str) -> Option<DurationRange> {
        Waktu::parse(text).duration
    }

    #[test]
    fn reads_the_forms_of_the_format() {
        let cases = [
            ("15 menit", exact(minutes(15.0))),
            ("15 Menit", exact(minutes(15.0))),
            ("1 jam", exact(minutes(60.0))),
            ("2 HARI", exact(days(2.0))),
            ("1,5 jam", exact(minutes(90.0))),
            ("1.5 jam", exact(minutes(90.0))),
            ("1-2 hari", range(days(1.0), days(2.0))),
            ("1 - 2 hari", range(days(1.0), days(2.0))),
            ("1–2 hari", range(days(1.0), days(2.0))),
            ("30mnt", exact(minutes(30.0))),
            ("2j", exact(minutes(120.0))),
            ("45 m", exact(minutes(45.0))),
            ("3 hr", exact(days(3.0))),
            ("1 minggu", exact(days(5.0))),
            ("2 pekan", exact(days(10.0))),
            ("1 bulan", exact(months(1.0))),
            ("1 tahun", exact(months(12.0))),
            ("10 detik", exact(minutes(10.0 / 60.0))),
            ("1 jam 30 menit", exact(minutes(90.0))),
        ];
        for (text, want) in cases {
            assert_eq!(read(text), want, "{text}");
        }
    }

    #[test]
    fn reads_messier_forms() {
        let cases = [
            ("1jam30menit", exact(minutes(90.0))),
            ("1 jam dan 30 menit", exact(minutes(90.0))),
            ("1 jam, 30 menit", exact(minutes(90.0))),
            ("2 hari kerja", exact(days(2.0))),
            ("3 HK", exact(days(3.0))),
            ("15 mnt.", exact(minutes(15.0))),
            ("± 15 menit", exact(minutes(15.0))),
            ("+/- 2 jam", exact(minutes(120.0))),
            ("kurang lebih 2 jam", exact(minutes(120.0))),
            ("Maks. 3 hari", exact(days(3.0))),
            ("paling lama 7 hari kerja", exact(days(7.0))),
            ("1 s/d 2 hari", range(days(1.0), days(2.0))),
            ("1 sampai 3 jam", range(minutes(60.0), minutes(180.0))),
            ("1—2 hari", range(days(1.0), days(2.0))),
            ("30 menit - 1 jam", range(minutes(30.0), minutes(60.0))),
            (
                "1 hari 45 menit - 2 hari 45 menit",
                range(days(1.0) + minutes(45.0), days(2.0) + minutes(45.0)),
            ),
            ("  2   Hari  ", exact(days(2.0))),
            ("1 Tahun 6 Bulan", exact(months(18.0))),
            ("2 weeks", exact(days(10.0))),
            ("1 hour 30 minutes", exact(minutes(90.0))),
            ("1 x 24 jam", exact(minutes(24.0 * 60.0))),
            ("3×24 Jam", exact(minutes(72.0 * 60.0))),
        ];
        for (text, want) in cases {
            assert_eq!(read(text), want, "{text}");
        }
    }

    #[test]
    fn reads_bounds_and_approximations_as_their_number() {
        let cases = [
            ("maksimal 2 hari", exact(days(2.0))),
            ("maks. 15 menit", exact(minutes(15.0))),
            ("Paling lama 3 hari", exact(days(3.0))),
            ("paling lambat 1 minggu", exact(days(5.0))),
            ("kurang dari 10 menit", exact(minutes(10.0))),
            ("< 5 menit", exact(minutes(5.0))),
            ("<5 menit", exact(minutes(5.0))),
            ("≤ 1 jam", exact(minutes(60.0))),
            ("±30 menit", exact(minutes(30.0))),
            ("kurang lebih 1 jam", exact(minutes(60.0))),
            ("lebih kurang 1 jam", exact(minutes(60.0))),
            ("sekitar 2 jam", exact(minutes(120.0))),
        ];
        for (text, want) in cases {
            assert_eq!(read(text), want, "{text}");
        }
    }

    #[test]
    fn per_item_forms_count_once() {
        let cases = [
            ("5 menit/berkas", exact(minutes(5.0))),
            ("5 menit / berkas", exact(minutes(5.0))),
            ("10 menit per dokumen", exact(minutes(10.0))),
            ("2 jam/pemohon", exact(minutes(120.0))),
            ("1 s/d 2 hari", range(days(1.0), days(2.0))),
        ];
        for (text, want) in cases {
            assert_eq!(read(text), want, "{text}");
        }
    }

    #[test]
    fn every_unit_of_the_format_is_read() {
        let cases = [
            ("1 detik", 1.0 / 60.0),
            ("1 menit", 1.0),
            ("1 mnt", 1.0),
            ("1 m", 1.0),
            ("1 jam", 60.0),
            ("1 j", 60.0),
        ];
        for (text, want) in cases {
            assert_eq!(read(text), exact(minutes(want)), "{text}");
        }
        for (text, want) in [
            ("1 hari", 1.0),
            ("1 hr", 1.0),
            ("1 minggu", 5.0),
            ("1 pekan", 5.0),
        ] {
            assert_eq!(read(text), exact(days(want)), "{text}");
        }
        assert_eq!(read("1 bulan"), exact(months(1.0)));
        assert_eq!(read("1 tahun"), exact(months(12.0)));
    }

    #[test]
    fn a_bare_number_takes_satuan_waktu() {
        let menit = Unit::parse("Menit");
        assert_eq!(menit, Some(Unit::Minute));
        assert_eq!(Waktu::parse_in("5", menit).duration, exact(minutes(5.0)));
        assert_eq!(
            Waktu::parse_in("1-2", Unit::parse("hari")).duration,
            range(days(1.0), days(2.0))
        );
        // A number with its own unit keeps it.
        assert_eq!(
            Waktu::parse_in("2 jam", menit).duration,
            exact(minutes(120.0))
        );
        assert_eq!(Waktu::parse_in("5", None).duration, None);
        assert_eq!(Unit::parse("hr"), Some(Unit::Day));
    }

    #[test]
    fn a_bare_number_is_shown_with_the_unit_it_was_read_in() {
        let shown = |text: &str, unit: &str| {
            Waktu::parse_in(text, Unit::parse(unit))
                .shown()
                .into_owned()
        };
        assert_eq!(shown("5", "menit"), "5 menit");
        assert_eq!(shown("1-2", "Hari"), "1-2 hari");
        assert_eq!(shown("1,5", "jam"), "1,5 jam");
        assert_eq!(shown("± 10", "mnt"), "± 10 menit");
        assert_eq!(shown("maks. 10", "menit"), "maks. 10 menit");
        assert_eq!(shown("5/berkas", "menit"), "5 menit/berkas");
        // Its own unit, or unreadable: as written.
        assert_eq!(shown("2 JAM", "menit"), "2 JAM");
        assert_eq!(shown("segera", "menit"), "segera");
        assert_eq!(Waktu::parse("5").shown(), "5");
        assert_eq!(Unit::parse("menitan"), None);
    }

    #[test]
    fn unreadable_waktu_keeps_its_text() {
        for text in [
            "",
            "segera",
            "15",
            "jam",
            "1-2",
            "1 jam - 2",
            "15 menitan",
            "1-2-3 hari",
            "setengah hari",
            "1 jam 30",
            "klik 5 menit",
            "5 menit @ orang",
            "99999999999999999999 jam",
        ] {
            let w = Waktu::parse(text);
            assert_eq!(w.duration, None, "{text:?}");
            assert_eq!(w.text, text);
        }
    }

    fn id(r: Option<DurationRange>) -> String {
        r.map(|r| r.display(Language::Id)).unwrap_or_default()
    }
    fn en(r: Option<DurationRange>) -> String {
        r.map(|r| r.display(Language::En)).unwrap_or_default()
    }

    #[test]
    fn displays_normalised_indonesian() {
        assert_eq!(id(read("90 menit")), "1 jam 30 menit");
        assert_eq!(id(read("1,5 jam")), "1 jam 30 menit");
        assert_eq!(id(read("2 hari 180 menit")), "2 hari 3 jam");
        assert_eq!(id(read("1-2 hari")), "1-2 hari");
        assert_eq!(id(read("1,5 hari")), "1,5 hari");
        assert_eq!(id(read("1 - 1,5 jam")), "1 jam - 1 jam 30 menit");
        assert_eq!(id(read("30-45 menit")), "30-45 menit");
        assert_eq!(
            id(read("1 hari 45 menit - 2 hari 45 menit")),
            "1 hari 45 menit - 2 hari 45 menit"
        );
        // Hours are never turned into days: a working day has no fixed length.
        assert_eq!(id(read("30 jam")), "30 jam");
        assert_eq!(id(read("90 detik")), "1 menit 30 detik");
        assert_eq!(id(read("2 pekan")), "10 hari");
        assert_eq!(id(read("18 bulan")), "1 tahun 6 bulan");
        assert_eq!(id(read("2 tahun")), "2 tahun");
        assert_eq!(id(Some(DurationRange::default())), "0 menit");
    }

    #[test]
    fn displays_english() {
        assert_eq!(en(read("1 jam 30 menit")), "1 hour 30 minutes");
        assert_eq!(en(read("1,5 hari")), "1.5 days");
        assert_eq!(en(read("1 hari")), "1 day");
        assert_eq!(en(read("2 HARI 1 jam 1 menit")), "2 days 1 hour 1 minute");
        assert_eq!(en(read("1-2 hari")), "1-2 days");
        assert_eq!(en(read("1 bulan")), "1 month");
        assert_eq!(en(read("1 tahun")), "1 year");
        assert_eq!(en(read("10 detik")), "10 seconds");
    }

    #[test]
    fn sums_keep_both_ends_of_ranges() {
        let ranges: Vec<DurationRange> = ["1-2 hari", "45 menit", "30 menit"]
            .iter()
            .filter_map(|t| read(t))
            .collect();
        let total = DurationRange::sum(&ranges);
        assert_eq!(
            total,
            DurationRange {
                min: days(1.0) + minutes(75.0),
                max: days(2.0) + minutes(75.0),
            }
        );
        assert_eq!(
            total.display(Language::Id),
            "1 hari 1 jam 15 menit - 2 hari 1 jam 15 menit"
        );
        assert_eq!(DurationRange::sum(&[]), DurationRange::default());
    }

    #[test]
    fn sums_of_fractions_display_whole_minutes() {
        let ranges: Vec<DurationRange> = ["0,1 jam", "0,2 jam", "0.7 jam"]
            .iter()
            .filter_map(|t| read(t))
            .collect();
        assert_eq!(DurationRange::sum(&ranges).display(Language::Id), "1 jam");
    }

    /// The waktu of every row of a seed SOP: the one cell of the row that
    /// reads as a waktu (the rows are the tab-separated lines starting with
    /// the step number).
    fn seed_waktu(name: &str) -> Vec<DurationRange> {
        // A copy of ../shared/seeds, so the tests run from any clone.
        let path = format!("{}/tests/fixtures/seeds/{name}", env!("CARGO_MANIFEST_DIR"));
        let text =
            std::fs::read_to_string(&path).expect("the seed SOPs are in tests/fixtures/seeds");
        text.lines()
            .filter(|line| {
                line.split('\t')
                    .next()
                    .is_some_and(|n| n.parse::<u32>().is_ok())
            })
            .map(|line| {
                let found: Vec<DurationRange> = line.split('\t').filter_map(read).collect();
                assert_eq!(found.len(), 1, "one waktu per row: {line}");
                found[0]
            })
            .collect()
    }

    #[test]
    fn banjarbaru_seed_totals_one_day_four_hours_forty_minutes() {
        let rows = seed_waktu("sop-070-setda-banjarbaru.txt");
        assert_eq!(rows.len(), 11);
        let total = DurationRange::sum(&rows);
        assert_eq!(total.display(Language::Id), "1 hari 4 jam 40 menit");
        assert_eq!(total.display(Language::En), "1 day 4 hours 40 minutes");
    }

    #[test]
    fn balangan_seed_keeps_days_apart_from_minutes() {
        let rows = seed_waktu("sop-04-bpkpad-balangan.txt");
        assert_eq!(rows.len(), 9);
        // 2 + 2 + 120 hari; 15 + 30 + 2 + 30 + 60 + 15 menit = 2 jam 32 menit.
        assert_eq!(
            DurationRange::sum(&rows).display(Language::Id),
            "124 hari 2 jam 32 menit"
        );
    }

    proptest::proptest! {
        #[test]
        fn any_text_is_read_without_panic(text in "\\PC{0,40}") {
            let w = Waktu::parse(&text);
            if let Some(d) = w.duration {
                let _ = d.display(Language::Id);
                let _ = d.display(Language::En);
            }
        }

        #[test]
        fn displayed_minutes_read_back_the_same(m in 0u32..100_000) {
            let d = DurationRange::exact(minutes(f64::from(m)));
            proptest::prop_assert_eq!(read(&d.display(Language::Id)), Some(d));
        }
    }
}
