//! The calendar behind review_after: the day of the build, periods of
//! days, weeks, months and years, and how long ago a review fell due.
//!
//! Dates are counted as days since 1970-01-01 with Howard Hinnant's
//! civil-date algorithms (public domain, exact over the whole proleptic
//! Gregorian calendar): a dozen lines did not earn a date crate.

use serde::Serialize;

use super::Date;
use crate::config::Language;
pub use crate::config::period::{Period, PeriodUnit};

/// Days since 1970-01-01 of a full date (day and month not 0).
pub fn days_from_civil(year: i32, month: u8, day: u8) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date `days` after 1970-01-01.
pub fn civil_from_days(days: i64) -> Date {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = (if mp < 10 { mp + 3 } else { mp - 9 }) as u8;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    Date { year, month, day }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    let next = if month == 12 {
        days_from_civil(year + 1, 1, 1)
    } else {
        days_from_civil(year, month + 1, 1)
    };
    (next - days_from_civil(year, month, 1)) as u8
}

/// The last day a date written with less than a day's precision can mean
/// ("Juni 2020" → 30 June 2020, "2016" → 31 December 2016): a review
/// counted from it is due only when it is due whichever day was meant.
pub fn last_day(date: Date) -> Date {
    let month = if date.month == 0 { 12 } else { date.month };
    let day = if date.day == 0 {
        days_in_month(date.year, month)
    } else {
        date.day
    };
    Date {
        year: date.year,
        month,
        day,
    }
}

/// `months` calendar months after a full date, the day kept where the
/// month has it and else the month's last (31 January + 1 bulan = 28 or
/// 29 February).
fn add_months(date: Date, months: i64) -> Date {
    let index = i64::from(date.year) * 12 + i64::from(date.month) - 1 + months;
    let year = index.div_euclid(12) as i32;
    let month = (index.rem_euclid(12) + 1) as u8;
    Date {
        year,
        month,
        day: date.day.min(days_in_month(year, month)),
    }
}

/// The day of the build: SOURCE_DATE_EPOCH (seconds since 1970, UTC) when
/// set, as reproducible builds fix it, else today by the system clock (UTC).
/// A SOURCE_DATE_EPOCH that is not a number is ignored, as the clock is
/// then the only day there is.
pub fn build_day() -> Date {
    let seconds = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs() as i64)
        });
    civil_from_days(seconds.div_euclid(86_400))
}

/// Period itself is a setting (crate::config::period); the calendar adds
/// it to dates.
impl Period {
    /// The full date this period after `date` (a full date).
    pub fn after(&self, date: Date) -> Date {
        let n = i64::from(self.count);
        match self.unit {
            PeriodUnit::Hari => {
                civil_from_days(days_from_civil(date.year, date.month, date.day) + n)
            }
            PeriodUnit::Minggu => {
                civil_from_days(days_from_civil(date.year, date.month, date.day) + 7 * n)
            }
            PeriodUnit::Bulan => add_months(date, n),
            PeriodUnit::Tahun => add_months(date, 12 * n),
        }
    }
}

/// How long after `due` `today` is: whole months, then the days left over.
/// None when today is not after it.
pub fn overdue(due: Date, today: Date) -> Option<Elapsed> {
    let day = |d: Date| days_from_civil(d.year, d.month, d.day);
    let days = day(today) - day(due);
    if days <= 0 {
        return None;
    }
    let mut months = (i64::from(today.year) * 12 + i64::from(today.month))
        - (i64::from(due.year) * 12 + i64::from(due.month));
    if add_months(due, months) > today {
        months -= 1;
    }
    let rest = day(today) - day(add_months(due, months));
    Some(Elapsed {
        days,
        months: months as u32,
        rest_days: rest as u32,
    })
}

/// A time past a date, as [`overdue`] counts it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Elapsed {
    /// Every day, for sorting and for tools.
    pub days: i64,
    /// Whole calendar months.
    pub months: u32,
    /// The days after the whole months.
    pub rest_days: u32,
}

impl Elapsed {
    /// "1 tahun 2 bulan", "3 bulan", "12 hari" (`en`: "1 year 2 months"):
    /// years and months once there is a month, days only before.
    pub fn display(&self, language: Language) -> String {
        let plural = |n: u32, one: &str, many: &str, id: &str| match language {
            Language::Id => format!("{n} {id}"),
            Language::En if n == 1 => format!("{n} {one}"),
            Language::En => format!("{n} {many}"),
        };
        if self.months == 0 {
            return plural(self.rest_days, "day", "days", "hari");
        }
        let (years, months) = (self.months / 12, self.months % 12);
        let mut parts = Vec::new();
        if years > 0 {
            parts.push(plural(years, "year", "years", "tahun"));
        }
        if months > 0 {
            parts.push(plural(months, "month", "months", "bulan"));
        }
        parts.join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(year: i32, month: u8, day: u8) -> Date {
        Date { year, month, day }
    }

    #[test]
    fn days_and_dates_agree_across_leap_years_and_centuries() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        for days in [-1, 0, 59, 11_016, 11_017, 19_000, 20_454, 47_482] {
            let d = civil_from_days(days);
            assert_eq!(days_from_civil(d.year, d.month, d.day), days, "{d:?}");
        }
        assert_eq!(civil_from_days(11_016), date(2000, 2, 29));
    }

    #[test]
    fn a_partial_date_counts_from_its_last_day() {
        assert_eq!(last_day(date(2020, 6, 0)), date(2020, 6, 30));
        assert_eq!(last_day(date(2016, 0, 0)), date(2016, 12, 31));
        assert_eq!(last_day(date(2024, 2, 0)), date(2024, 2, 29));
        assert_eq!(last_day(date(2018, 11, 7)), date(2018, 11, 7));
    }

    #[test]
    fn periods_are_read_in_both_languages_and_added_as_the_calendar_does() {
        let year = Period::parse("1 tahun").expect("read");
        assert_eq!(year.after(date(2024, 2, 29)), date(2025, 2, 28));
        let months = Period::parse("6 BULAN").expect("read");
        assert_eq!(months.after(date(2023, 8, 31)), date(2024, 2, 29));
        assert_eq!(
            Period::parse("2minggu")
                .expect("read")
                .after(date(2023, 12, 25)),
            date(2024, 1, 8)
        );
        assert_eq!(
            Period::parse("1 year").expect("read").unit,
            PeriodUnit::Tahun
        );
        assert_eq!(months.display(Language::En), "6 months");
        for bad in [
            "",
            "tahun",
            "0 bulan",
            "1,5 tahun",
            "1 dekade",
            "-1 tahun",
            "1",
        ] {
            assert_eq!(Period::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn overdue_is_counted_in_months_then_days() {
        let due = date(2024, 11, 7);
        assert_eq!(overdue(due, due), None);
        assert_eq!(overdue(due, date(2024, 11, 1)), None);
        let late = overdue(due, date(2026, 1, 6)).expect("late");
        assert_eq!((late.months, late.rest_days), (13, 30));
        assert_eq!(late.display(Language::Id), "1 tahun 1 bulan");
        let days = overdue(due, date(2024, 11, 19)).expect("late");
        assert_eq!(days.display(Language::Id), "12 hari");
        assert_eq!(days.display(Language::En), "12 days");
        assert_eq!(
            overdue(date(2024, 1, 31), date(2024, 3, 1))
                .expect("late")
                .display(Language::En),
            "1 month"
        );
    }
}
