//! Dates as precise as the text allows: a year, a month of a year, or a day.
//! Articles, events and the chronology all sort and print with this type.

use std::fmt;

const MONTHS: [&str; 12] = [
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

/// `2023`, `2025-03` or `2023-11-24`. Sorting puts a year before its months
/// and a month before its days, so year-only articles head their year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl PartialDate {
    pub fn ymd(year: i32, month: u8, day: u8) -> Option<Self> {
        jiff::civil::Date::new(year as i16, month as i8, day as i8).ok()?;
        Some(PartialDate {
            year,
            month: Some(month),
            day: Some(day),
        })
    }

    pub fn ym(year: i32, month: u8) -> Option<Self> {
        (1..=12).contains(&month).then_some(PartialDate {
            year,
            month: Some(month),
            day: None,
        })
    }

    pub fn year(year: i32) -> Self {
        PartialDate {
            year,
            month: None,
            day: None,
        }
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, and says what is wrong otherwise.
    pub fn parse(text: &str) -> Result<Self, String> {
        if let Some(why) = year_last(text.trim()) {
            return Err(why);
        }
        let parts: Vec<&str> = text.trim().split('-').collect();
        let number = |s: &str, len: usize, what: &str| -> Result<i32, String> {
            if s.len() == len && s.bytes().all(|b| b.is_ascii_digit()) {
                Ok(s.parse().unwrap_or(0))
            } else {
                Err(format!("the {what} must have {len} digits"))
            }
        };
        let year = number(parts[0], 4, "year")?;
        if !(1000..=9999).contains(&year) {
            return Err("the year is out of range".into());
        }
        match parts.len() {
            1 => Ok(PartialDate::year(year)),
            2 => {
                let month = number(parts[1], 2, "month")?;
                PartialDate::ym(year, month as u8)
                    .ok_or_else(|| format!("there is no month {month}"))
            }
            3 => {
                let month = number(parts[1], 2, "month")?;
                let day = number(parts[2], 2, "day")?;
                if !(1..=12).contains(&month) {
                    return Err(format!("there is no month {month}"));
                }
                PartialDate::ymd(year, month as u8, day as u8)
                    .ok_or_else(|| format!("{} has no day {day}", MONTHS[month as usize - 1]))
            }
            _ => Err("too many parts".into()),
        }
    }

    /// `"2023-11-24"`, `"2025-03"` or `"2023"`: the form for `datetime=` and front matter.
    pub fn iso(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{m:02}-{d:02}", self.year),
            (Some(m), None) => format!("{:04}-{m:02}", self.year),
            _ => format!("{:04}", self.year),
        }
    }

    /// `"24 November 2023"`, `"March 2025"` or `"2023"`: the form readers see.
    pub fn human(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{d} {} {}", MONTHS[m as usize - 1], self.year),
            (Some(m), None) => format!("{} {}", MONTHS[m as usize - 1], self.year),
            _ => self.year.to_string(),
        }
    }

    pub fn month_name(month: u8) -> &'static str {
        MONTHS[month as usize - 1]
    }

    pub fn is_full(&self) -> bool {
        self.day.is_some()
    }

    /// Days since 1970-01-01, taking the middle of a month or year where the
    /// day is unknown; used to say how near two articles are in time.
    pub fn approx_days(&self) -> i64 {
        let m = i64::from(self.month.unwrap_or(7));
        let d = i64::from(
            self.day
                .unwrap_or(if self.month.is_some() { 15 } else { 1 }),
        );
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// An RFC 3339 timestamp at midnight UTC, for feeds and sitemaps.
    pub fn rfc3339(&self) -> String {
        format!(
            "{:04}-{:02}-{:02}T00:00:00Z",
            self.year,
            self.month.unwrap_or(1),
            self.day.unwrap_or(1)
        )
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso())
    }
}

/// Today's date from the clock: only for `caspian new` and for refusing
/// dates in the future, never to fill in a year the text left out.
pub fn today() -> PartialDate {
    let d = jiff::ZonedDateTime::now().date();
    PartialDate {
        year: d.year() as i32,
        month: Some(d.month() as u8),
        day: Some(d.day() as u8),
    }
}

/// What is wrong with a date written year last (`24.11.2023`, `24/11/2023`),
/// with the date it means when that is certain: a dot means day first, as
/// does a first number over 12.
fn year_last(text: &str) -> Option<String> {
    let sep = text.chars().find(|c| matches!(c, '.' | '/'))?;
    let parts: Vec<&str> = text.split(sep).collect();
    let [a, b, year] = parts[..] else {
        return None;
    };
    let digits =
        |s: &str, max: usize| (1..=max).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    if !(digits(a, 2) && digits(b, 2) && year.len() == 4 && digits(year, 4)) {
        return None;
    }
    let (a, b, year): (u8, u8, i32) = (a.parse().ok()?, b.parse().ok()?, year.parse().ok()?);
    let day_first = sep == '.' || a > 12;
    match PartialDate::ymd(year, b, a) {
        Some(d) if day_first => Some(format!(
            "the day comes first; in this form it is {}",
            d.iso()
        )),
        None if day_first => Some("the day comes first, and there is no such date".into()),
        _ => Some("the year must come first".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_written_day_first_is_explained() {
        assert_eq!(
            PartialDate::parse("24/11/2023").unwrap_err(),
            "the day comes first; in this form it is 2023-11-24"
        );
        assert_eq!(
            PartialDate::parse("05.11.2023").unwrap_err(),
            "the day comes first; in this form it is 2023-11-05"
        );
        assert_eq!(
            PartialDate::parse("11/05/2023").unwrap_err(),
            "the year must come first"
        );
        assert_eq!(
            PartialDate::parse("30.02.2023").unwrap_err(),
            "the day comes first, and there is no such date"
        );
    }

    #[test]
    fn parses_each_precision() {
        assert_eq!(PartialDate::parse("2023").unwrap(), PartialDate::year(2023));
        assert_eq!(
            PartialDate::parse("2025-03").unwrap(),
            PartialDate::ym(2025, 3).unwrap()
        );
        assert_eq!(
            PartialDate::parse("2023-11-24").unwrap().human(),
            "24 November 2023"
        );
    }

    #[test]
    fn rejects_impossible_dates_with_a_reason() {
        assert_eq!(
            PartialDate::parse("2023-02-30").unwrap_err(),
            "February has no day 30"
        );
        assert_eq!(
            PartialDate::parse("2023-13").unwrap_err(),
            "there is no month 13"
        );
        assert_eq!(
            PartialDate::parse("23-11-24").unwrap_err(),
            "the year must have 4 digits"
        );
        assert_eq!(
            PartialDate::parse("2023-1-24").unwrap_err(),
            "the month must have 2 digits"
        );
    }

    #[test]
    fn a_year_sorts_before_its_months_and_days() {
        let mut dates = [
            PartialDate::parse("2023-11-24").unwrap(),
            PartialDate::parse("2023").unwrap(),
            PartialDate::parse("2023-04").unwrap(),
            PartialDate::parse("2022-12-31").unwrap(),
        ];
        dates.sort();
        let iso: Vec<String> = dates.iter().map(|d| d.iso()).collect();
        assert_eq!(iso, ["2022-12-31", "2023", "2023-04", "2023-11-24"]);
    }

    #[test]
    fn approx_days_counts_from_the_epoch() {
        assert_eq!(PartialDate::parse("1970-01-01").unwrap().approx_days(), 0);
        assert_eq!(
            PartialDate::parse("2000-03-01").unwrap().approx_days(),
            11_017
        );
    }

    #[test]
    fn human_form_shows_only_what_is_known() {
        assert_eq!(PartialDate::ym(2025, 3).unwrap().human(), "March 2025");
        assert_eq!(PartialDate::year(2023).human(), "2023");
    }
}
