//! Changes in the room during a sitting: arrivals and departures ("(arrivée au point 2)",
//! "est arrivé à 18h45, avant l'examen du point 4", "quitte la séance au point 5 et donne
//! pouvoir à Y", "présent jusqu'à la délibération n° 3"), with the item they refer to when the
//! text names one; and the withdrawals for one item ("le Maire quitte la salle", "sort de la
//! salle", "se retire"), which end with the item.

use crate::names;
use crate::near::Near;
use crate::re;
use regex::Regex;
use std::sync::LazyLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Arrival,
    Departure,
}

/// Where a change takes effect, when the text names an item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Point {
    /// From this item on ("au point 2", "avant l'examen du point 4").
    From(String),
    /// From the item after this one ("après le point 3", "jusqu'à la délibération n° 3").
    After(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct ChangeRead {
    pub kind: Kind,
    pub member: String,
    /// The member who receives a proxy from one who leaves.
    pub proxy_to: Option<String>,
    pub point: Option<Point>,
    /// The time stated instead of an item ("arrivée à 19h20"), as HH:MM.
    pub time: Option<String>,
    /// Said in brackets in a list of names, rather than where it happened.
    pub in_list: bool,
    pub start: usize,
    pub end: usize,
}

// How far a match reaches around its verb: a civility, a name of 50 characters, an apposition
// of 60 and the spaces between, in UTF-8 (before); what follows the verb: up to 160
// characters of the sentence, or the rest of a bracket (after); the rest of a verb (VERB_END).
const BEFORE: usize = 400;
const AFTER: usize = 700;
const VERB_END: usize = 80;
const REST: usize = 160;

/// The rest of a sentence's line after its verb, at most `REST` characters: its length.
fn rest_of_line(after: &str) -> usize {
    crate::line_run(after, REST)
}

// A name with its civility: "M. Hugo ESNAULT", "Madame Claire BESSON".
const NAME: &str = r"(?P<name>(?:M\.|Mme|Mlle|Monsieur|Madame|Mademoiselle)\s+[^\n,;()]{2,50}?)";
// point := ("au" | "à la" | "avant l'examen du" | "après le" | "jusqu'au" | …) ("point" |
//          "question" | "dossier" | "délibération" | "rapport") "n°"? number
const POINT: &str = r"(?P<rel>au|à\s+la|à\s+partir\s+du|à\s+partir\s+de\s+la|lors\s+du|pendant\s+le|avant\s+l'examen\s+du|avant\s+l'examen\s+de\s+la|avant\s+le\s+vote\s+du|avant\s+le|avant\s+la|apr[èe]s\s+le\s+vote\s+du|apr[èe]s\s+le|apr[èe]s\s+la|apr[èe]s\s+l'examen\s+du|jusqu'au|jusqu'à\s+la|en\s+cours\s+de)\s+(?:point|question|dossier|d[ée]lib[ée]ration|rapport|affaire)\s*(?:n°\s*|no\s*)?(?P<n>[\w]+(?:[-./][\w]+)*)";

/// "Arrivée de Mme X à 19h13", "Départ de M. Y": a noun, then the name.
/// (A line's indent and bullet fit in `BEFORE`; the name, 140 characters of UTF-8, in `AFTER`,
/// so the window's end is never taken for the line's.)
static NOMINAL: LazyLock<Near> = LazyLock::new(|| {
    Near::new(
        r"(?i)arriv[ée]e\s+d|d[ée]part\s+d|retour\s+d",
        r"(?im)^[ \t\-–•]*(?P<verb>arriv[ée]e|d[ée]part|retour)\s+(?:de\s+|d')(?P<tail>(?:M\.?|Mme|Mlle|Monsieur|Madame)\s+[^\n]{2,140})$",
        BEFORE,
        AFTER,
    )
});

/// "X (arrivée à 19h20)": a time instead of an item.
static BRACKETED_TIME: LazyLock<Near> = LazyLock::new(|| {
    const VERB: &str = r"(?P<verb>arriv[ée]e?s?|parti(?:e|s|es)?|d[ée]part)";
    Near::new(
        &format!(r"(?i)\(\s*{VERB}"),
        &format!(
            r"(?i){NAME}\s*\(\s*{VERB}\s+(?:à|a|vers)\s+(?P<h>\d{{1,2}})\s*h\s*(?P<m>\d{{2}})?[^)]*\)"
        ),
        BEFORE,
        AFTER,
    )
});
static TIME: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)(?:à|a|vers)\s+(?P<h>\d{1,2})\s*h\s*(?P<m>\d{2})?"));

fn hhmm(h: &str, m: Option<&str>) -> Option<String> {
    let h: u32 = h.parse().ok()?;
    let m: u32 = m.unwrap_or("0").parse().ok()?;
    (h < 24 && m < 60).then(|| format!("{h:02}:{m:02}"))
}

/// "X (arrivée au point 2)", "X (parti après le point 5)", "X (présent jusqu'au point 3)".
static BRACKETED: LazyLock<Near> = LazyLock::new(|| {
    const VERB: &str =
        r"(?P<verb>arriv[ée]e?s?|parti(?:e|s|es)?|d[ée]part|pr[ée]sente?s?|absente?s?|sortie?)";
    Near::new(
        &format!(r"(?i)\(\s*{VERB}"),
        &format!(r"(?i){NAME}\s*\(\s*{VERB}\s+{POINT}[^)]*\)"),
        BEFORE,
        AFTER,
    )
});
/// "X est arrivé(e) …", "X rejoint la séance …", "X quitte la séance …"; what follows the verb
/// is the rest of its line, at most `REST` characters.
static SENTENCE: LazyLock<Near> = LazyLock::new(|| {
    const VERB: &str = r"(?P<verb>est\s+arriv[ée]e?|arrive|a\s+rejoint\s+(?:la\s+s[ée]ance|l'assembl[ée]e|le\s+conseil)|rejoint\s+(?:la\s+s[ée]ance|l'assembl[ée]e|le\s+conseil)|entre\s+en\s+s[ée]ance|prend\s+place|quitte\s+(?:la\s+s[ée]ance|l'assembl[ée]e|la\s+r[ée]union|d[ée]finitivement\s+la\s+salle)|a\s+quitt[ée]\s+(?:la\s+s[ée]ance|l'assembl[ée]e|la\s+r[ée]union)|se\s+retire\s+d[ée]finitivement|doit\s+quitter\s+la\s+s[ée]ance)";
    Near::any(
        &[
            r"(?i)arriv|rejoin",
            r"(?i)quitt|retir",
            r"(?i)entre\s+en|prend\s+place",
        ],
        &format!(r"(?i){NAME}\s*,?(?:\s+[^,;.]{{0,60}},)?\s+{VERB}"),
        BEFORE,
        VERB_END,
    )
    .confirmed_by(&format!("(?i){VERB}"), VERB_END)
});
static POINT_RE: LazyLock<Regex> = LazyLock::new(|| re(&format!("(?i){POINT}")));
static PROXY_TO: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:donne|donnant|a\s+donn[ée])\s+(?:pouvoir|procuration|d[ée]l[ée]gation(?:\s+de\s+vote)?)\s+(?:à|a)\s+(?P<to>(?:M\.|Mme|Mlle|Monsieur|Madame)\s+[^\n,;().]{2,50})",
    )
});
/// A withdrawal for one item: the member comes back after it.
static WITHDRAWAL: LazyLock<Near> = LazyLock::new(|| {
    const VERB: &str = r"(?:quitte\s+la\s+salle|quitte\s+la\s+pi[èe]ce|sort\s+de\s+la\s+salle|se\s+retire|s'est\s+retir[ée]e?|s'[ée]tant\s+retir[ée]e?|ayant\s+quitt[ée]\s+la\s+salle|[ée]tant\s+sortie?\s+de\s+la\s+salle|quitte\s+momentan[ée]ment\s+la\s+s[ée]ance)";
    Near::new(
        r"(?i)quitt|sort|retir",
        &format!(
            r"(?i)(?:{NAME}|(?P<mayor>(?:(?:madame|monsieur)\s+)?(?:le|la)\s+(?:maire|pr[ée]sidente?)))\s*,?(?:\s+[^,;.]{{0,60}},)?\s+{VERB}"
        ),
        BEFORE,
        VERB_END,
    )
    .confirmed_by(&format!("(?i){VERB}"), VERB_END)
});

static ROLE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^\S+\s+(?:le|la)\s+(?:maire|pr[ée]sidente?)(?-u:\b)"));

fn point_of(rel: &str, n: &str) -> Point {
    let rel = rel.to_lowercase();
    if rel.starts_with("apr") || rel.starts_with("jusqu") {
        Point::After(n.to_string())
    } else {
        Point::From(n.to_string())
    }
}

fn clean(raw: &str) -> Option<String> {
    names::clean_name(raw).map(|(n, _)| n)
}

/// Every arrival and departure stated in `text`.
pub fn find(text: &str) -> Vec<ChangeRead> {
    let mut out: Vec<ChangeRead> = Vec::new();
    for c in BRACKETED.captures_iter(text) {
        let Some(member) = clean(&c["name"]) else {
            continue;
        };
        let verb = c["verb"].to_lowercase();
        let point = point_of(&c["rel"], &c["n"]);
        // "présent jusqu'au point 3": present, then gone; "absent jusqu'au point 3": the reverse.
        let kind = if verb.starts_with("arriv") || verb.starts_with("abs") {
            Kind::Arrival
        } else {
            Kind::Departure
        };
        let m = c.get(0).unwrap();
        out.push(ChangeRead {
            kind,
            member,
            proxy_to: None,
            point: Some(point),
            time: None,
            in_list: true,
            start: m.start(),
            end: m.end(),
        });
    }
    for c in BRACKETED_TIME.captures_iter(text) {
        let Some(member) = clean(&c["name"]) else {
            continue;
        };
        let kind = if c["verb"].to_lowercase().starts_with("arriv") {
            Kind::Arrival
        } else {
            Kind::Departure
        };
        let m = c.get(0).unwrap();
        out.push(ChangeRead {
            kind,
            member,
            proxy_to: None,
            point: None,
            time: hhmm(&c["h"], c.name("m").map(|m| m.as_str())),
            in_list: true,
            start: m.start(),
            end: m.end(),
        });
    }
    for (c, end) in SENTENCE.captures_iter_then(text, rest_of_line) {
        let Some(member) = clean(&c["name"]) else {
            continue;
        };
        let verb = c["verb"].to_lowercase();
        let kind = if verb.contains("arriv")
            || verb.contains("rejoint")
            || verb.contains("entre")
            || verb.contains("place")
        {
            Kind::Arrival
        } else {
            Kind::Departure
        };
        // The sentence's end: a full stop after a word, not after "M".
        static END: LazyLock<Regex> = LazyLock::new(|| re(r"[\p{Ll}\d)]\.(?:\s|$)"));
        let rest = &text[c.get(0).unwrap().end()..end];
        let rest = &rest[..END.find(rest).map(|m| m.end()).unwrap_or(rest.len())];
        let point = POINT_RE
            .captures(rest)
            .map(|p| point_of(&p["rel"], &p["n"]));
        let proxy_to = PROXY_TO.captures(rest).and_then(|p| clean(&p["to"]));
        let time = TIME
            .captures(rest)
            .and_then(|t| hhmm(&t["h"], t.name("m").map(|m| m.as_str())));
        let m = c.get(0).unwrap();
        if out
            .iter()
            .any(|o| o.start <= m.start() && m.start() < o.end)
        {
            continue;
        }
        out.push(ChangeRead {
            kind,
            member,
            proxy_to,
            point,
            time,
            in_list: false,
            start: m.start(),
            end,
        });
    }
    for c in NOMINAL.captures_iter(text) {
        // The name runs to the time, the point, or the first punctuation after it.
        let tail = &c["tail"];
        let mut end = tail.len();
        for cut in [
            TIME.find(tail).map(|t| t.start()),
            POINT_RE.find(tail).map(|p| p.start()),
        ]
        .into_iter()
        .flatten()
        {
            end = end.min(cut);
        }
        let civility_end = tail.find(char::is_whitespace).unwrap_or(0);
        if let Some(p) = tail[civility_end..].find([',', ';', '(']) {
            end = end.min(civility_end + p);
        }
        let Some(member) = clean(&tail[..end]) else {
            continue;
        };
        let kind = if c["verb"].to_lowercase().starts_with('d') {
            Kind::Departure
        } else {
            Kind::Arrival
        };
        let rest = &text[c.get(0).unwrap().start()..c.get(0).unwrap().end()];
        let time = TIME
            .captures(rest)
            .and_then(|t| hhmm(&t["h"], t.name("m").map(|m| m.as_str())));
        let point = POINT_RE
            .captures(tail)
            .map(|p| point_of(&p["rel"], &p["n"]));
        let m = c.get(0).unwrap();
        out.push(ChangeRead {
            kind,
            member,
            proxy_to: None,
            point,
            time,
            in_list: false,
            start: m.start(),
            end: m.end(),
        });
    }
    out.sort_by_key(|c| c.start);
    out
}

/// Members who withdraw for one item, by name, or `None` for "le Maire" / "le Président".
pub fn withdrawals(item_text: &str) -> Vec<Option<String>> {
    // The mayor who "quitte la séance" during an item comes back to preside the next one.
    static MAYOR_LEAVES: LazyLock<Near> = LazyLock::new(|| {
        const VERB: &str = r"(?:quitte|a\s+quitt[ée])\s+la\s+s[ée]ance";
        Near::new(
            r"(?i)quitt",
            &format!(
                r"(?i)(?:(?:madame|monsieur)\s+)?(?:le|la)\s+(?:maire|pr[ée]sidente?)\s*,?(?:\s+[^,;.]{{0,60}},)?\s+{VERB}"
            ),
            BEFORE,
            VERB_END,
        )
        .confirmed_by(&format!("(?i){VERB}"), VERB_END)
    });
    let mayor = MAYOR_LEAVES.captures(item_text).is_some().then_some(None);
    WITHDRAWAL
        .captures_iter(item_text)
        .into_iter()
        .filter_map(|c| match (c.name("name"), c.name("mayor")) {
            // "Madame le Maire": a civility before the office, not a name.
            (Some(n), _) if ROLE.is_match(n.as_str()) => Some(None),
            (Some(n), _) => clean(n.as_str()).map(Some),
            (None, Some(_)) => Some(None),
            _ => None,
        })
        .chain(mayor)
        .collect()
}

/// "sous la présidence de M. X" inside an item: who presides while the mayor is out.
pub fn presided_by(item_text: &str) -> Option<String> {
    // (The phrase opens at most a few words before its trigger; a name of 50 characters and
    // "de séance est confiée à" follow it.)
    static PRESIDED: LazyLock<Near> = LazyLock::new(|| {
        Near::new(
            r"(?i)sidence|sid[ée]e?\s+par",
            r"(?i)(?:sous\s+la\s+pr[ée]sidence\s+de|pr[ée]sid[ée]e?\s+par|la\s+pr[ée]sidence\s+(?:de\s+s[ée]ance\s+)?(?:est\s+)?(?:confi[ée]e|assur[ée]e)\s+(?:à|par))\s+(?P<name>(?:M\.|Mme|Monsieur|Madame)\s+[^\n,;().]{2,50})",
            100,
            400,
        )
    });
    static TAKES_CHAIR: LazyLock<Near> = LazyLock::new(|| {
        const VERB: &str = r"(?:prend|assure)\s+la\s+pr[ée]sidence";
        Near::new(
            r"(?i)pr[ée]sidence",
            &format!(
                r"(?i)(?P<name>(?:M\.|Mme|Monsieur|Madame)\s+[^\n,;().]{{2,50}}?)\s*,?(?:\s+[^,;.]{{0,60}},)?\s+{VERB}"
            ),
            BEFORE,
            VERB_END,
        )
        .confirmed_by(&format!("(?i){VERB}"), VERB_END)
    });
    PRESIDED
        .captures(item_text)
        .or_else(|| TAKES_CHAIR.captures(item_text))
        .and_then(|c| clean(&c["name"]))
        .filter(|n| !ROLE.is_match(&format!("M. {n}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(s: &str) -> ChangeRead {
        let f = find(s);
        assert_eq!(f.len(), 1, "{s}: {f:?}");
        f.into_iter().next().unwrap()
    }

    #[test]
    fn bracketed_after_a_name() {
        let c = one(
            "Présents : M. Paul ARNAUD, Mme Claire BESSON (arrivée au point 2), M. Denis CARRÉ",
        );
        assert_eq!(
            (c.kind, c.member.as_str(), c.point),
            (
                Kind::Arrival,
                "Claire BESSON",
                Some(Point::From("2".into()))
            )
        );
        let c = one("M. Denis CARRÉ (présent jusqu'à la délibération n° 3)");
        assert_eq!(
            (c.kind, c.point),
            (Kind::Departure, Some(Point::After("3".into())))
        );
    }

    #[test]
    fn the_rest_of_a_line_ends_a_sentence_as_in_the_pattern() {
        assert_eq!(rest_of_line(" au point 2.\nM. X"), " au point 2.".len());
        assert_eq!(rest_of_line(&"é".repeat(200)), 2 * REST);
        assert_eq!(rest_of_line("\nsuite"), 0);
        // A second departure on the same line is within the first one's rest, as when the
        // rest was part of the pattern.
        let f = find("M. Paul ARNAUD quitte la séance, M. Denis CARRÉ quitte la séance.\n");
        assert_eq!(f.len(), 1);
        assert_eq!(
            f[0].end,
            "M. Paul ARNAUD quitte la séance, M. Denis CARRÉ quitte la séance.".len()
        );
    }

    #[test]
    fn sentences() {
        let c = one("Mme Inès FAURE est arrivée à 18h45, avant l'examen du point 4.");
        assert_eq!(
            (c.kind, c.member.as_str(), c.point),
            (Kind::Arrival, "Inès FAURE", Some(Point::From("4".into())))
        );
        let c =
            one("M. Rémi GIRAUD quitte la séance au point 5 et donne pouvoir à M. Denis CARRÉ.");
        assert_eq!(
            (c.kind, c.proxy_to.as_deref(), c.point),
            (
                Kind::Departure,
                Some("Denis CARRÉ"),
                Some(Point::From("5".into()))
            )
        );
        let c = one("M. Luc MOREL rejoint la séance.");
        assert_eq!((c.kind, c.point), (Kind::Arrival, None));
        let c = one("Présents : Madame Carine DUTEIL (arrivée à 19h20), Monsieur Paul RIGAUD");
        assert_eq!((c.kind, c.time.as_deref()), (Kind::Arrival, Some("19:20")));
        let c = one("Arrivée de Mme Elsa CARRIER à 19h13\nMadame le Maire indique");
        assert_eq!(
            (c.kind, c.member.as_str(), c.time.as_deref()),
            (Kind::Arrival, "Elsa CARRIER", Some("19:13"))
        );
        let c = one("Départ de M. TANGUY à 19h59");
        assert_eq!((c.kind, c.member.as_str()), (Kind::Departure, "TANGUY"));
        let c = one("M. Luc MOREL quitte la séance à 21h10.");
        assert_eq!(
            (c.kind, c.time.as_deref()),
            (Kind::Departure, Some("21:10"))
        );
    }

    #[test]
    fn withdrawals_for_one_item() {
        assert_eq!(
            withdrawals(
                "Le Maire quitte la salle. Sous la présidence de M. Denis CARRÉ, le Conseil"
            ),
            [None]
        );
        assert_eq!(withdrawals("Madame le Maire quitte la salle."), [None]);
        assert_eq!(withdrawals("Madame le maire quitte la séance."), [None]);
        assert_eq!(
            withdrawals("Le maire ayant quitté la salle, le conseil"),
            [None]
        );
        assert_eq!(
            presided_by(
                "M. le Maire sort de la salle. M. PRÉVOST, premier adjoint, prend la présidence"
            ),
            Some("PRÉVOST".to_string())
        );
        assert_eq!(
            withdrawals("M. Hugo ESNAULT, président de l'association, se retire."),
            [Some("Hugo ESNAULT".to_string())]
        );
        assert_eq!(
            presided_by(
                "Le Maire quitte la salle. Sous la présidence de M. Denis CARRÉ, premier adjoint"
            ),
            Some("Denis CARRÉ".to_string())
        );
    }
}
