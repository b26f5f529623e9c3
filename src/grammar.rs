//! Small nom combinators for the values French council documents state: numbers written in
//! digits or words, dates (numeric, long, or all in words), times.
//!
//! Each combinator has its grammar above it and a test pairing input and value below. All
//! work on the normalized text (apostrophes already ASCII) and ignore case.

use nom::branch::alt;
use nom::bytes::complete::{tag, take_while1, take_while_m_n};
use nom::character::complete::{char, digit1, multispace0, space0, space1};
use nom::combinator::{map, map_res, not, opt, peek, recognize, value, verify};
use nom::sequence::{preceded, terminated};
use nom::{IResult, Parser};

pub type Res<'a, T> = IResult<&'a str, T>;

/// A calendar date, validated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

/// Days from 1970-01-01 to a date of the proleptic Gregorian calendar (Howard Hinnant's
/// days_from_civil).
pub fn days_from_civil(year: i32, month: u32, day: u32) -> i64 {
    let (m, d) = (month as i64, day as i64);
    let y = if m <= 2 { year - 1 } else { year } as i64;
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
    era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468
}

impl Date {
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
            2 => 28,
            _ => return None,
        };
        ((1..=days).contains(&day) && (1800..=2100).contains(&year)).then_some(Date {
            year,
            month,
            day,
        })
    }

    /// The day of the week, 0 for Monday (1970-01-01 was a Thursday).
    pub fn weekday(&self) -> u32 {
        (days_from_civil(self.year, self.month, self.day) + 3).rem_euclid(7) as u32
    }

    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A date whose year may be implied ("convoqué le 23 février").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PartialDate {
    pub year: Option<i32>,
    pub month: u32,
    pub day: u32,
}

impl PartialDate {
    /// Completes the year from a reference date: the latest such date not after it.
    pub fn resolve(&self, reference: Option<Date>) -> Option<Date> {
        match (self.year, reference) {
            (Some(y), _) => Date::new(y, self.month, self.day),
            (None, Some(r)) => {
                let y = if (self.month, self.day) > (r.month, r.day) {
                    r.year - 1
                } else {
                    r.year
                };
                Date::new(y, self.month, self.day)
            }
            (None, None) => None,
        }
    }
}

fn word_end(i: &str) -> Res<'_, ()> {
    not(peek(nom::character::complete::satisfy(|c: char| {
        c.is_alphanumeric()
    })))
    .parse(i)
}

/// nom's `tag_no_case` (each character equal to the tag's once lowercased), with a fast path
/// for ASCII: tags are tried at every word of a text, and lowercasing each character of both
/// sides shows in profiles. Unlike nom's, it measures what it consumes in the input's own
/// characters, so a Kelvin sign (three bytes, lowercased "k") cannot split a character.
fn tag_no_case<'a>(t: &'a str) -> impl Fn(&'a str) -> Res<'a, &'a str> {
    move |i: &'a str| {
        let fail = || {
            Err(nom::Err::Error(nom::error::Error::new(
                i,
                nom::error::ErrorKind::Tag,
            )))
        };
        let n = t.len();
        let head = &i.as_bytes()[..n.min(i.len())];
        if t.is_ascii() && head.is_ascii() {
            return if head.len() == n && head.eq_ignore_ascii_case(t.as_bytes()) {
                Ok((&i[n..], &i[..n]))
            } else {
                fail()
            };
        }
        let mut chars = i.char_indices();
        let mut end = 0;
        for tc in t.chars() {
            match chars.next() {
                Some((k, c)) if c.to_lowercase().eq(tc.to_lowercase()) => end = k + c.len_utf8(),
                _ => return fail(),
            }
        }
        Ok((&i[end..], &i[..end]))
    }
}

/// A keyword matched case-insensitively and ending at a word boundary.
fn kw<'a>(
    w: &'static str,
) -> impl Parser<&'a str, Output = &'a str, Error = nom::error::Error<&'a str>> {
    terminated(tag_no_case(w), word_end)
}

// units := "zéro" | "un" | "une" | "deux" | … | "seize"  (the words that stand alone)
fn units(i: &str) -> Res<'_, u32> {
    let words: &[(&str, u32)] = &[
        ("dix-sept", 17),
        ("dix-huit", 18),
        ("dix-neuf", 19),
        ("dix sept", 17),
        ("dix huit", 18),
        ("dix neuf", 19),
        ("zéro", 0),
        ("zero", 0),
        ("une", 1),
        ("un", 1),
        ("premier", 1),
        ("première", 1),
        ("deux", 2),
        ("trois", 3),
        ("quatre", 4),
        ("cinq", 5),
        ("six", 6),
        ("sept", 7),
        ("huit", 8),
        ("neuf", 9),
        ("dix", 10),
        ("onze", 11),
        ("douze", 12),
        ("treize", 13),
        ("quatorze", 14),
        ("quinze", 15),
        ("seize", 16),
    ];
    for (w, v) in words {
        if let Ok((rest, _)) = kw(w).parse(i) {
            return Ok((rest, *v));
        }
    }
    Err(nom::Err::Error(nom::error::Error::new(
        i,
        nom::error::ErrorKind::Alt,
    )))
}

/// Joiner between parts of a compound number: "-", " ", " et ", "-et-".
fn joiner(i: &str) -> Res<'_, ()> {
    value(
        (),
        alt((
            recognize((
                alt((tag("-"), space1)),
                tag_no_case("et"),
                alt((tag("-"), space1)),
            )),
            tag("-"),
            space1,
        )),
    )
    .parse(i)
}

// tens := ("vingt" | "trente" | "quarante" | "cinquante" | "soixante") [joiner units]
//       | "soixante" joiner ("dix" … "dix-neuf")
//       | "quatre-vingt(s)" [joiner units]
fn tens(i: &str) -> Res<'_, u32> {
    let (rest, base) = alt((
        value(
            80,
            recognize((
                tag_no_case("quatre"),
                alt((tag("-"), space1)),
                tag_no_case("vingt"),
                opt(char('s')),
            )),
        ),
        value(20, tag_no_case("vingt")),
        value(30, tag_no_case("trente")),
        value(40, tag_no_case("quarante")),
        value(50, tag_no_case("cinquante")),
        value(60, tag_no_case("soixante")),
    ))
    .parse(i)?;
    let (rest, _) = word_end(rest)?;
    match preceded(joiner, units).parse(rest) {
        Ok((r, u)) if u <= 9 || (u <= 19 && (base == 60 || base == 80)) => Ok((r, base + u)),
        _ => Ok((rest, base)),
    }
}

// below_hundred := tens | units
fn below_hundred(i: &str) -> Res<'_, u32> {
    alt((tens, units)).parse(i)
}

// below_thousand := [units] "cent(s)" [below_hundred] | below_hundred
fn below_thousand(i: &str) -> Res<'_, u32> {
    let hundreds = map(
        (
            opt(terminated(units, joiner)),
            terminated(tag_no_case("cent"), opt(char('s'))),
            word_end,
            opt(preceded(joiner, below_hundred)),
        ),
        |(m, _, _, r)| m.unwrap_or(1) * 100 + r.unwrap_or(0),
    );
    alt((hundreds, below_hundred)).parse(i)
}

/// A number in words below a million: "vingt-trois", "quatre-vingt-dix-neuf", "deux mille
/// vingt-quatre", "deux mil trois".
// number_words := [below_thousand] ("mille" | "mil") [below_thousand] | below_thousand
pub fn number_words(i: &str) -> Res<'_, u32> {
    // Parsers try this at every word of a text: most words are told apart by how they begin.
    const STEMS: [&str; 22] = [
        "z", "un", "premi", "deux", "trois", "qua", "cinq", "six", "sept", "huit", "neuf", "dix",
        "onze", "douze", "treize", "quinze", "seize", "vingt", "trente", "soixante", "cent", "mil",
    ];
    let b = i.as_bytes();
    if !STEMS
        .iter()
        .any(|s| b.len() >= s.len() && b[..s.len()].eq_ignore_ascii_case(s.as_bytes()))
    {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Alt,
        )));
    }
    let thousands = map(
        (
            opt(terminated(below_thousand, joiner)),
            alt((tag_no_case("mille"), tag_no_case("mil"))),
            word_end,
            opt(preceded(joiner, below_thousand)),
        ),
        |(m, _, _, r)| m.unwrap_or(1) * 1000 + r.unwrap_or(0),
    );
    alt((thousands, below_thousand)).parse(i)
}

/// An integer in digits (at most 4, so years and counts, not amounts).
// integer := digit{1,4} (not followed by a digit)
pub fn integer(i: &str) -> Res<'_, u32> {
    map_res(
        terminated(
            take_while_m_n(1, 4, |c: char| c.is_ascii_digit()),
            not(peek(nom::character::complete::satisfy(|c| {
                c.is_ascii_digit()
            }))),
        ),
        str::parse,
    )
    .parse(i)
}

/// A count written in digits or words ("19", "dix-neuf", "(48)").
// count := "(" count ")" | integer | number_words
pub fn count(i: &str) -> Res<'_, u32> {
    alt((
        map(
            (char('('), space0, integer, space0, char(')')),
            |(_, _, n, _, _)| n,
        ),
        integer,
        number_words,
    ))
    .parse(i)
}

/// A month name, full or abbreviated ("févr.", "sept"), with or without accents.
// month := "janvier" | "janv" ["."] | "février" | "fevrier" | … | "décembre"
pub fn month(i: &str) -> Res<'_, u32> {
    let names: &[(&str, u32)] = &[
        ("janvier", 1),
        ("février", 2),
        ("fevrier", 2),
        ("mars", 3),
        ("avril", 4),
        ("mai", 5),
        ("juin", 6),
        ("juillet", 7),
        ("août", 8),
        ("aout", 8),
        ("septembre", 9),
        ("octobre", 10),
        ("novembre", 11),
        ("décembre", 12),
        ("decembre", 12),
        ("janv", 1),
        ("févr", 2),
        ("fevr", 2),
        ("avr", 4),
        ("juil", 7),
        ("sept", 9),
        ("oct", 10),
        ("nov", 11),
        ("déc", 12),
        ("dec", 12),
    ];
    for (w, v) in names {
        if let Ok((rest, _)) = (tag_no_case(w), word_end, opt(char('.'))).parse(i) {
            return Ok((rest, *v));
        }
    }
    Err(nom::Err::Error(nom::error::Error::new(
        i,
        nom::error::ErrorKind::Alt,
    )))
}

// weekday := "lundi" | "mardi" | … | "dimanche"
fn weekday(i: &str) -> Res<'_, &str> {
    alt((
        kw("lundi"),
        kw("mardi"),
        kw("mercredi"),
        kw("jeudi"),
        kw("vendredi"),
        kw("samedi"),
        kw("dimanche"),
    ))
    .parse(i)
}

// day := ("1er" | "1 er" | "premier" | digit{1,2} | number_words) — validated 1..=31
fn day(i: &str) -> Res<'_, u32> {
    verify(
        alt((
            value(
                1,
                (opt(tag("0")), tag("1"), space0, tag_no_case("er"), word_end),
            ),
            // OCR reads the superscript of "1er" as a stray sign: "01%", "01”".
            value(
                1,
                (
                    opt(tag("0")),
                    tag("1"),
                    alt((tag("%"), tag("\""), tag("°"))),
                ),
            ),
            value(1, kw("premier")),
            map_res(
                terminated(
                    take_while_m_n(1, 2, |c: char| c.is_ascii_digit()),
                    not(peek(nom::character::complete::satisfy(|c| {
                        c.is_ascii_digit()
                    }))),
                ),
                str::parse,
            ),
            number_words,
        )),
        |d| (1..=31).contains(d),
    )
    .parse(i)
}

// year := digit{4} | digit{2} (as 20yy) | number_words ≥ 1900
fn year(i: &str) -> Res<'_, i32> {
    alt((
        map_res(
            terminated(
                take_while_m_n(4, 4, |c: char| c.is_ascii_digit()),
                not(peek(nom::character::complete::satisfy(|c| {
                    c.is_ascii_digit()
                }))),
            ),
            |s: &str| s.parse::<i32>(),
        ),
        map(verify(number_words, |n| (1900..=2100).contains(n)), |n| {
            n as i32
        }),
    ))
    .parse(i)
}

/// A numeric date: "14/04/2023", "14.04.2023", "14-04-2023", "14/04/23".
// numeric_date := digit{1,2} sep digit{1,2} sep (digit{4} | digit{2})   with sep ∈ "/.-"
pub fn numeric_date(i: &str) -> Res<'_, Date> {
    let sep = |i| alt((char('/'), char('.'), char('-'))).parse(i);
    let num2 = |i| {
        map_res(
            take_while_m_n(1, 2, |c: char| c.is_ascii_digit()),
            str::parse::<u32>,
        )
        .parse(i)
    };
    let (rest, (d, _, m, _, y)) = (
        num2,
        sep,
        num2,
        sep,
        terminated(
            take_while_m_n(2, 4, |c: char| c.is_ascii_digit()),
            not(peek(nom::character::complete::satisfy(|c| {
                c.is_ascii_digit()
            }))),
        ),
    )
        .parse(i)?;
    let y: i32 = match y.len() {
        4 => y.parse().unwrap_or(0),
        2 => 2000 + y.parse::<i32>().unwrap_or(0),
        _ => 0,
    };
    match Date::new(y, m, d) {
        Some(date) => Ok((rest, date)),
        None => Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Verify,
        ))),
    }
}

/// A written date, year optional: "jeudi 24 avril 2014", "1er mars 2024", "le quatorze avril".
// long_date := [weekday] day month [year]
pub fn long_date(i: &str) -> Res<'_, PartialDate> {
    let (rest, (_, d, _, _, m, y)) = (
        opt(terminated(weekday, space1)),
        day,
        multispace0,
        // "le Premier du mois de Juillet"
        opt((
            tag_no_case("du"),
            space1,
            tag_no_case("mois"),
            space1,
            alt((tag_no_case("de "), tag_no_case("d'"))),
            space0,
        )),
        month,
        opt(preceded(nom::character::complete::multispace1, year)),
    )
        .parse(i)?;
    Ok((
        rest,
        PartialDate {
            year: y,
            month: m,
            day: d,
        },
    ))
}

/// A full date, numeric or written, with a year.
// date := numeric_date | long_date (with year)
pub fn date(i: &str) -> Res<'_, Date> {
    alt((
        numeric_date,
        map_res(long_date, |p| match p.year {
            Some(_) => p.resolve(None).ok_or(()),
            None => Err(()),
        }),
    ))
    .parse(i)
}

/// A date with its year possibly implied.
// partial_date := numeric_date | long_date
pub fn partial_date(i: &str) -> Res<'_, PartialDate> {
    alt((
        map(numeric_date, |d| PartialDate {
            year: Some(d.year),
            month: d.month,
            day: d.day,
        }),
        long_date,
    ))
    .parse(i)
}

/// The sitting's date all in words: "l'an deux mil vingt-trois, le quatorze avril" or
/// "l'an deux mille vingt-quatre et le premier mars".
// words_date := "l'an" year [","] [("le" | "et le")] day month
pub fn words_date(i: &str) -> Res<'_, Date> {
    // Tried at every word of a head: only "L" lowercases to "l", so a word that opens with
    // anything else is not "l'an", and the case-folding tags need not run.
    if !i.starts_with(['l', 'L']) {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Tag,
        )));
    }
    let (rest, (_, _, y, _, _, _, d, _, m)) = (
        alt((tag_no_case("l'an"), tag_no_case("l an"), tag_no_case("lan"))),
        space1,
        year,
        opt(char(',')),
        opt((
            multispace0,
            opt(terminated(tag_no_case("et"), space1)),
            tag_no_case("le"),
            space1,
            opt(terminated(weekday, space1)),
        )),
        multispace0,
        day,
        multispace0,
        month,
    )
        .parse(i)?;
    match Date::new(y, m, d) {
        Some(date) => Ok((rest, date)),
        None => Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Verify,
        ))),
    }
}

/// A time of day: "18h30", "18 h 30", "18H00", "20h", "18:30", "18 heures 30 (minutes)",
/// "dix-huit heures trente".
// time := hours ("h" | "H" | ":" | "heure(s)") [minutes ["minutes"]]
pub fn time(i: &str) -> Res<'_, (u32, u32)> {
    let hours = |i| alt((integer, number_words)).parse(i);
    let (rest, (h, _, _, _)) = (
        verify(hours, |h| *h <= 24),
        space0,
        alt((
            terminated(tag_no_case("heures"), word_end),
            terminated(tag_no_case("heure"), word_end),
            terminated(
                tag_no_case("h"),
                not(peek(nom::character::complete::satisfy(|c: char| {
                    c.is_alphabetic()
                }))),
            ),
            tag(":"),
        )),
        space0,
    )
        .parse(i)?;
    let minutes = |i| {
        alt((
            map_res(
                take_while_m_n(2, 2, |c: char| c.is_ascii_digit()),
                str::parse::<u32>,
            ),
            map(
                terminated(digit1, peek(preceded(space0, tag_no_case("min")))),
                |s: &str| s.parse().unwrap_or(0),
            ),
            number_words,
        ))
        .parse(i)
    };
    let (rest, _) = opt(terminated(tag_no_case("et"), space1)).parse(rest)?;
    let (rest, m) = opt(terminated(
        verify(minutes, |m| *m < 60),
        opt((
            space0,
            alt((
                tag_no_case("minutes"),
                tag_no_case("mn"),
                tag_no_case("min"),
            )),
        )),
    ))
    .parse(rest)?;
    // "18 h" alone must still be a time; "3 heures de débat" is not followed by a digit.
    Ok((rest, (h, m.unwrap_or(0))))
}

/// An identifier-like token: letters, digits and the separators deliberation numbers use.
// ident := (alnum | "-" | "/" | "_" | ".")+
pub fn ident(i: &str) -> Res<'_, &str> {
    take_while1(|c: char| c.is_alphanumeric() || matches!(c, '-' | '/' | '_' | '.')).parse(i)
}

/// Runs `parser` at every word start of `text` and returns the matches that do not overlap,
/// as (start, end, value).
pub fn find_all<'a, T>(
    text: &'a str,
    mut parser: impl FnMut(&'a str) -> Res<'a, T>,
) -> Vec<(usize, usize, T)> {
    let mut out = Vec::new();
    let mut i = 0;
    let bytes = text.as_bytes();
    while i < text.len() {
        let at_word_start = i == 0 || {
            let prev = text[..i].chars().next_back().unwrap_or(' ');
            !prev.is_alphanumeric()
        };
        let c = bytes[i];
        if at_word_start && (c.is_ascii_alphanumeric() || c >= 0x80 || c == b'(') {
            if let Ok((rest, v)) = parser(&text[i..]) {
                let end = text.len() - rest.len();
                if end > i {
                    out.push((i, end, v));
                    i = end;
                    continue;
                }
            }
        }
        i += 1;
        while i < text.len() && !text.is_char_boundary(i) {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn weekdays() {
        assert_eq!(Date::new(2020, 8, 31).unwrap().weekday(), 0); // a Monday
        assert_eq!(Date::new(2020, 7, 31).unwrap().weekday(), 4); // a Friday
        assert_eq!(Date::new(2024, 2, 29).unwrap().weekday(), 3);
    }

    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date::new(y, m, day).unwrap()
    }

    #[test]
    fn number_words_cases() {
        assert_eq!(number_words("vingt-trois").unwrap().1, 23);
        assert_eq!(number_words("vingt et un").unwrap().1, 21);
        assert_eq!(number_words("vingt-et-un").unwrap().1, 21);
        assert_eq!(number_words("quatre-vingt-dix-neuf").unwrap().1, 99);
        assert_eq!(number_words("soixante-dix").unwrap().1, 70);
        assert_eq!(number_words("deux mil vingt-trois").unwrap().1, 2023);
        assert_eq!(number_words("deux mille quatorze").unwrap().1, 2014);
        assert_eq!(number_words("onze").unwrap().1, 11);
        assert_eq!(number_words("dix-huit heures").unwrap(), (" heures", 18));
        assert!(number_words("unanimité").is_err());
    }

    #[test]
    fn integer_and_count() {
        assert_eq!(integer("19 votants").unwrap(), (" votants", 19));
        assert!(integer("123456").is_err());
        assert_eq!(count("(48)").unwrap().1, 48);
        assert_eq!(count("onze").unwrap().1, 11);
    }

    #[test]
    fn month_cases() {
        assert_eq!(month("Avril").unwrap().1, 4);
        assert_eq!(month("févr. 2023").unwrap(), (" 2023", 2));
        assert!(month("marsupial").is_err());
    }

    #[test]
    fn numeric_date_cases() {
        assert_eq!(numeric_date("14/04/2023").unwrap().1, d(2023, 4, 14));
        assert_eq!(numeric_date("14.04.2023").unwrap().1, d(2023, 4, 14));
        assert_eq!(numeric_date("1/4/23").unwrap().1, d(2023, 4, 1));
        assert!(numeric_date("31/02/2023").is_err());
    }

    #[test]
    fn tags_without_case_match_as_noms_do() {
        for (t, i) in [
            ("l'an", "L'AN deux"),
            ("l'an", "la"),
            ("l'an", "l'a"),
            ("mars", "Mars 2024"),
            ("mars", "MARSEILLE"),
            ("décembre", "DÉCEMBRE"),
            ("er", "ér"),
            ("le", ""),
        ] {
            assert_eq!(
                tag_no_case(t).parse(i),
                nom::bytes::complete::tag_no_case(t).parse(i),
                "{t} / {i}"
            );
        }
        // (nom's own slices the Kelvin sign's three bytes at the tag's two.)
        assert_eq!(
            tag_no_case("kw").parse("\u{212A}W!"),
            Ok(("!", "\u{212A}W"))
        );
    }

    #[test]
    fn long_date_cases() {
        assert_eq!(date("jeudi 24 avril 2014").unwrap().1, d(2014, 4, 24));
        assert_eq!(date("1er mars 2024").unwrap().1, d(2024, 3, 1));
        assert_eq!(date("01er juillet 2024").unwrap().1, d(2024, 7, 1));
        assert_eq!(date("01% juillet 2024").unwrap().1, d(2024, 7, 1));
        assert_eq!(
            partial_date("Premier du mois de Juillet").unwrap().1,
            PartialDate {
                year: None,
                month: 7,
                day: 1
            }
        );
        assert_eq!(date("premier mars 2024").unwrap().1, d(2024, 3, 1));
        assert_eq!(date("14 Avril 2023").unwrap().1, d(2023, 4, 14));
        assert_eq!(date("15 janvier\n2007").unwrap().1, d(2007, 1, 15));
        let p = partial_date("23 février").unwrap().1;
        assert_eq!(
            p,
            PartialDate {
                year: None,
                month: 2,
                day: 23
            }
        );
        assert_eq!(p.resolve(Some(d(2024, 3, 1))), Some(d(2024, 2, 23)));
        assert_eq!(p.resolve(Some(d(2024, 1, 5))), Some(d(2023, 2, 23)));
    }

    #[test]
    fn words_date_cases() {
        assert_eq!(
            words_date("L'an deux mil vingt-trois, le quatorze Avril")
                .unwrap()
                .1,
            d(2023, 4, 14)
        );
        assert_eq!(
            words_date("L'an deux mille vingt-quatre, le premier mars")
                .unwrap()
                .1,
            d(2024, 3, 1)
        );
        assert_eq!(
            words_date("L'an deux mille dix-neuf, le 13 juin")
                .unwrap()
                .1,
            d(2019, 6, 13)
        );
        assert_eq!(
            words_date("l'an deux mille vingt et un et le vingt et un janvier")
                .unwrap()
                .1,
            d(2021, 1, 21)
        );
        assert_eq!(
            words_date("L'an deux mille vingt-cinq, treize novembre")
                .unwrap()
                .1,
            d(2025, 11, 13)
        );
    }

    #[test]
    fn time_cases() {
        assert_eq!(time("18h30").unwrap().1, (18, 30));
        assert_eq!(time("18 h 30").unwrap().1, (18, 30));
        assert_eq!(time("18H00").unwrap().1, (18, 0));
        assert_eq!(time("20h,").unwrap().1, (20, 0));
        assert_eq!(time("18 heures 30 minutes").unwrap().1, (18, 30));
        assert_eq!(time("dix-huit heures trente").unwrap().1, (18, 30));
        assert_eq!(time("vingt heures").unwrap().1, (20, 0));
        assert_eq!(
            time("dix-neuf heures et trente minutes").unwrap().1,
            (19, 30)
        );
        assert!(time("3 habitants").is_err());
    }

    #[test]
    fn find_all_skips_inside_words() {
        let found = find_all("le 14/04/2023 et le 18/04/2023", numeric_date);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].0, 3);
    }
}
