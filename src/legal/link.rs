//! Addresses built offline from what a citation states: the Légifrance page of a code (from
//! its LEGITEXT id), the ELI address of a numbered loi, ordonnance or décret (from its number
//! and date of signature), the EUR-Lex ELI of an EU act. Nothing is built from a guess: a
//! numbered text without a date, or whose number's year disagrees with its date, gets none.

use crate::model::{LegalKind, LegalReference};

/// "2013-07-08" → (2013, 7, 8).
pub fn ymd(iso: &str) -> Option<(i32, u32, u32)> {
    let mut f = iso.splitn(3, '-');
    let (y, m, d) = (f.next()?, f.next()?, f.next()?);
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let (y, m, d) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((y, m, d))
}

/// The year a French text number carries: "2013-595" → 2013, "84-53" → 1984.
fn number_year(number: &str) -> Option<i32> {
    let (head, tail) = number.split_once('-')?;
    if !tail.bytes().all(|b| b.is_ascii_digit()) || tail.is_empty() {
        return None;
    }
    match head.len() {
        4 => head.parse().ok(),
        // Two-digit years: texts from 1945 to 1999 (later ones carry four digits).
        2 => head.parse::<i32>().ok().map(|y| 1900 + y),
        _ => None,
    }
}

/// The address of a reference, where its words support one.
pub fn url(r: &LegalReference, legitext: Option<&str>) -> Option<String> {
    match r.kind {
        LegalKind::CodeArticle => {
            legitext.map(|id| format!("https://www.legifrance.gouv.fr/codes/texte_lc/{id}"))
        }
        LegalKind::Loi | LegalKind::Ordonnance | LegalKind::Decret => {
            let number = r.number.as_deref()?;
            let (y, m, d) = ymd(r.date.as_deref()?)?;
            if number_year(number)? != y {
                return None;
            }
            let kind = match r.kind {
                LegalKind::Loi => "loi",
                LegalKind::Ordonnance => "ordonnance",
                _ => "decret",
            };
            Some(format!(
                "https://www.legifrance.gouv.fr/eli/{kind}/{y}/{m}/{d}/{number}/jo/texte"
            ))
        }
        LegalKind::ReglementUe | LegalKind::DirectiveUe => {
            // "2016/679", "2014/24/UE": year / number, both plain digits.
            let mut parts = r.number.as_deref()?.split('/');
            let (y, n) = (parts.next()?, parts.next()?);
            let ok = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
            if !ok(y) || !ok(n) || y.len() != 4 {
                return None;
            }
            let kind = if r.kind == LegalKind::ReglementUe {
                "reg"
            } else {
                "dir"
            };
            Some(format!("http://data.europa.eu/eli/{kind}/{y}/{n}/oj"))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;

    fn r(kind: LegalKind, number: Option<&str>, date: Option<&str>) -> LegalReference {
        LegalReference {
            kind,
            number: number.map(Into::into),
            date: date.map(Into::into),
            ..LegalReference::new(kind, String::new(), Span::default())
        }
    }

    #[test]
    fn eli_of_numbered_texts() {
        assert_eq!(
            url(
                &r(LegalKind::Loi, Some("2013-595"), Some("2013-07-08")),
                None
            )
            .as_deref(),
            Some("https://www.legifrance.gouv.fr/eli/loi/2013/7/8/2013-595/jo/texte")
        );
        assert_eq!(
            url(&r(LegalKind::Loi, Some("84-53"), Some("1984-01-26")), None).as_deref(),
            Some("https://www.legifrance.gouv.fr/eli/loi/1984/1/26/84-53/jo/texte")
        );
        assert_eq!(
            url(
                &r(LegalKind::Decret, Some("85-565"), Some("1985-05-30")),
                None
            )
            .as_deref(),
            Some("https://www.legifrance.gouv.fr/eli/decret/1985/5/30/85-565/jo/texte")
        );
    }

    #[test]
    fn no_eli_without_the_data() {
        // No date, a date that contradicts the number, no number.
        assert_eq!(url(&r(LegalKind::Loi, Some("2013-595"), None), None), None);
        assert_eq!(
            url(
                &r(LegalKind::Loi, Some("2013-595"), Some("2012-07-08")),
                None
            ),
            None
        );
        assert_eq!(
            url(&r(LegalKind::Loi, None, Some("1999-07-12")), None),
            None
        );
        assert_eq!(
            url(&r(LegalKind::Arrete, None, Some("2014-01-10")), None),
            None
        );
    }

    #[test]
    fn eu_and_code_addresses() {
        assert_eq!(
            url(&r(LegalKind::ReglementUe, Some("2016/679"), None), None).as_deref(),
            Some("http://data.europa.eu/eli/reg/2016/679/oj")
        );
        assert_eq!(
            url(&r(LegalKind::DirectiveUe, Some("2014/24/UE"), None), None).as_deref(),
            Some("http://data.europa.eu/eli/dir/2014/24/oj")
        );
        assert_eq!(
            url(
                &r(LegalKind::CodeArticle, None, None),
                Some("LEGITEXT000006070633")
            )
            .as_deref(),
            Some("https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006070633")
        );
    }
}
