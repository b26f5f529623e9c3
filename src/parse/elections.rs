//! Elections held by the council (mayor, deputies, delegates, representatives): the office,
//! each round's ballots, blank and spoilt ballots, votes cast (suffrages exprimés), absolute
//! majority, each candidate's votes, and who was elected; "A été élu : X" without figures too.

use crate::grammar;
use crate::names;
use crate::near::Near;
use crate::re;
use regex::Regex;
use std::sync::LazyLock;

/// One round of a ballot, offsets relative to the item's text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RoundRead {
    pub number: u32,
    pub not_taking_part: Option<u32>,
    pub ballots: Option<u32>,
    pub blank: Option<u32>,
    pub spoilt: Option<u32>,
    pub blank_and_spoilt: Option<u32>,
    pub expressed: Option<u32>,
    pub absolute_majority: Option<u32>,
    pub candidates: Vec<(String, u32)>,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct ElectionRead {
    pub office: Option<String>,
    pub rounds: Vec<RoundRead>,
    pub elected: Vec<String>,
}

// subject := ("élection" | "désignation" | "nomination") ("du" | "de la" | "des" | …) office
static SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:^|[^\p{L}])(?:[ée]lection|d[ée]signation|nomination|[ée]lire|d[ée]signer)s?\s+(?:du\s+|de\s+la\s+|des\s+|de\s+l'|d'une?\s+|d'|de\s+|les?\s+|la\s+)?(?P<office>[^\n]{2})",
    )
});
// round := ("premier" | "1er" | "deuxième" | "second" | "2e" | "troisième" | "3e") "tour"
static ROUND: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?P<n>premier|1er|1\s*er|deuxi[èe]me|second|2[èe]?(?:me)?|troisi[èe]me|3[èe]?(?:me)?)\s+tour",
    )
});
static NOT_TAKING_PART: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)n'ayant\s+pas\s+pris\s+part\s+au\s+vote"));
static BALLOTS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)nombre\s+(?:de\s+|d')(?:votants|bulletins(?:\s+(?:trouv[ée]s|d[ée]pos[ée]s|dans\s+l'urne))?|enveloppes)|(?-u:\b)votants\s*:",
    )
});
static BLANK_AND_SPOILT: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)(?:bulletins?\s+)?(?:blancs?\s+(?:et|ou)\s+nuls?|nuls?\s+(?:et|ou)\s+blancs?)")
});
static BLANK: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)(?:bulletins?|votes?)\s+blancs?(?-u:\b)"));
static SPOILT: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)(?:bulletins?|votes?)\s+nuls?(?-u:\b)"));
static EXPRESSED: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)suffrages\s+exprim[ée]s"));
static MAJORITY: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)majorit[ée]\s+absolue"));
// candidate := name (leader dots | ":" | "a obtenu" | "obtient") count ("voix" | "suffrages")
// (The line may start anywhere: the count is looked for first, the name on its line after.)
static CANDIDATE: LazyLock<Near> = LazyLock::new(|| {
    const COUNT: &str = r"(?P<n>\d{1,4})\s+(?:voix|suffrages|votes)(?-u:\b)";
    Near::new(
        r"(?i)voix|suffrages|votes",
        &format!(
            r"(?im)^[ \t\-–•]*(?P<name>[^\n:]{{3,90}}?)\s*(?:[.…_]{{2,}}\s*|:\s*|\s+a\s+obtenu\s+|\s+obtient\s+|\s+){COUNT}"
        ),
        1000,
        100,
    )
});
// elected := "A été élu(e)" ":"? names | names "a été élu(e)/proclamé(e)" | "est élu(e)"
// (Anchored: searched only where "a"/"ont" and spaces end right before a trigger of
// `ELECTED_AT`; see `elected_after`.)
const ELECTED_AFTER_PATTERN: &str = r"(?i)^(?:a|ont)\s+[ée]t[ée]\s+(?:[ée]lus?e?s?|proclam[ée]e?s?|d[ée]sign[ée]e?s?)(?:\s+(?:[àa]\s+l'unanimit[ée]|au\s+\w+\s+tour))?\s*[^\n:]{0,80}?:\s*(?P<names>[^\n]+(?:\n[^\n]+)?)";
static ELECTED_AFTER: LazyLock<Regex> = LazyLock::new(|| re(ELECTED_AFTER_PATTERN));
/// What follows the spaces after "a"/"ont" in every match of `ELECTED_AFTER` (literal, so
/// found by the regex crate's prefilter, where `(?:a|ont)\s+` has none).
static ELECTED_AT: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)[ée]t[ée]\s+(?:[ée]l|proclam|d[ée]sign)"));

/// The names of the successive matches of `ELECTED_AFTER` as if unanchored over `body`, and
/// whether `ELECTED_AT` matched anywhere.
///
/// A match starts with "a" or "ont", then spaces (`\s+`, Unicode white space, which is
/// what `char::is_whitespace` tests), then a match of `ELECTED_AT`; the spaces end at it,
/// since "é"/"e" is no space, and begin right after "a"/"ont", which are no spaces. So each
/// match starts at the one position given by an `ELECTED_AT` match (those cannot overlap:
/// none starts inside another), and the leftmost match from a position is the anchored
/// match at the first such start that has one. The pattern has no other assertion, so
/// anchoring it on the slice from that start matches as the whole text would.
fn elected_after(body: &str) -> (Vec<&str>, bool) {
    let mut out = Vec::new();
    let mut at = 0;
    let mut any = false;
    for t in ELECTED_AT.find_iter(body) {
        any = true;
        let w = body[..t.start()]
            .trim_end_matches(char::is_whitespace)
            .len();
        if w == t.start() {
            continue;
        }
        let b = body.as_bytes();
        let start = if w >= 1 && b[w - 1].eq_ignore_ascii_case(&b'a') {
            w - 1
        } else if w >= 3 && b[w - 3..w].eq_ignore_ascii_case(b"ont") {
            w - 3
        } else {
            continue;
        };
        if start < at {
            continue;
        }
        if let Some(c) = ELECTED_AFTER.captures(&body[start..]) {
            at = start + c.get(0).unwrap().end();
            out.push(c.name("names").unwrap().as_str());
        }
    }
    (out, any)
}

static ELECTED_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?im)(?:^|[.;]\s+)(?P<name>(?:M\.|Mme|Monsieur|Madame)\s+[^\n,;]{3,60}?)\s*,?(?:\s+ayant\s+obtenu\s+la\s+majorit[ée]\s+absolue\s*,)?\s+(?:a\s+[ée]t[ée]|est)\s+(?:[ée]lue?|proclam[ée]e?|d[ée]sign[ée]e?)",
    )
});

// "désigne M. X membre de …", "désigne, pour représenter la commune …, M. X en tant que …".
static DESIGNATES: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?-u:\b)(?:d[ée]signe|[ée]lit|nomme)(?:nt)?\s*,?(?:\s+[^\n.;]{0,100}?,)?\s+(?P<name>(?:M\.?|Mme|Monsieur|Madame)\s+\p{Lu}[^\n,;.()]{1,40}?)\s+(?:membre|en\s+tant\s+que|comme|d[ée]l[ée]gu[ée]e?|pour|au|à\s+la|en\s+qualit[ée]|titulaire|suppl[ée]ante?|repr[ée]sentante?)",
    )
});

/// The first number on the line after a label, past brackets ("[b - c]"), parentheses and
/// leader dots.
fn count_after(text: &str, label: &Regex, from: usize, to: usize) -> Option<u32> {
    let region = &text[from..to];
    let m = label.find(region)?;
    let line = region[m.end()..].split('\n').next().unwrap_or("");
    static NOISE: LazyLock<Regex> = LazyLock::new(|| re(r"\[[^\]\n]*\]|\([^)\n]*\)"));
    let line = NOISE.replace_all(line, " ");
    let rest = line.trim_start_matches(|c: char| !c.is_ascii_digit() && !c.is_alphabetic());
    let rest = rest.trim_start_matches(|c: char| c.is_whitespace() || ".…:=".contains(c));
    if let Ok((_, n)) = grammar::count(rest) {
        return Some(n);
    }
    let digits: String = line
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit())
        .collect();
    digits.parse().ok()
}

/// Whether an item is an election, by its subject or by its figures.
pub fn is_election(subject: Option<&str>, body: &str) -> bool {
    let by_subject = subject.is_some_and(|s| SUBJECT.is_match(s));
    by_subject || by_figures(body)
}

fn by_figures(body: &str) -> bool {
    MAJORITY.is_match(body) && EXPRESSED.is_match(body)
}

/// Reads the election of an item; None when it shows neither figures nor an elected name.
pub fn read(subject: Option<&str>, body: &str) -> Option<ElectionRead> {
    // (The subject's match both tells an election, as in `is_election`, and gives the
    // office: searched once.)
    let office_at = subject.and_then(|s| Some((s, SUBJECT.captures(s)?.name("office")?.start())));
    if office_at.is_none() && !by_figures(body) {
        return None;
    }
    // The office runs on to the end of the line, at most 120 characters: the pattern holds
    // its first two, which decide whether it matches, and the rest is read here (a run of
    // 120 in the pattern made its lazy DFA build states for every subject).
    let office = office_at.map(|(s, at)| {
        let end = at + crate::line_run(&s[at..], 120);
        s[at..end].trim().trim_end_matches(['.', ':']).to_string()
    });
    // Rounds: from each "premier tour" heading to the next; one round when none is named.
    let mut starts: Vec<(u32, usize)> = ROUND
        .captures_iter(body)
        .map(|c| {
            let n = c["n"].to_lowercase();
            let number = if n.starts_with('1') || n.starts_with("premier") {
                1
            } else if n.starts_with('2') || n.starts_with("deux") || n.starts_with("second") {
                2
            } else {
                3
            };
            (number, c.get(0).unwrap().start())
        })
        .collect();
    starts.dedup_by_key(|s| s.0);
    if starts.is_empty() {
        starts.push((1, 0));
    }
    let mut rounds = Vec::new();
    for (i, &(number, start)) in starts.iter().enumerate() {
        let end = starts.get(i + 1).map(|s| s.1).unwrap_or(body.len());
        let mut r = RoundRead {
            number,
            start,
            end,
            ..Default::default()
        };
        r.not_taking_part = count_after(body, &NOT_TAKING_PART, start, end);
        r.ballots = count_after(body, &BALLOTS, start, end);
        r.blank_and_spoilt = count_after(body, &BLANK_AND_SPOILT, start, end);
        if r.blank_and_spoilt.is_none() {
            r.blank = count_after(body, &BLANK, start, end);
            r.spoilt = count_after(body, &SPOILT, start, end);
        }
        r.expressed = count_after(body, &EXPRESSED, start, end);
        r.absolute_majority = count_after(body, &MAJORITY, start, end);
        // Every match of `CANDIDATE` holds a count and its unit ("12 voix"), which `COUNTED`
        // finds: without one in the round, its trigger pass and windows are skipped.
        static COUNTED: LazyLock<Regex> =
            LazyLock::new(|| re(r"(?i)\d\s+(?:voix|suffrages|votes)"));
        let round = &body[start..end];
        let counted = COUNTED.is_match(round);
        for c in counted
            .then(|| CANDIDATE.captures_iter(round))
            .into_iter()
            .flatten()
        {
            let raw = c["name"]
                .trim_start_matches(|c: char| !c.is_alphabetic())
                .trim();
            let raw = raw
                .strip_prefix("La liste conduite par ")
                .or_else(|| raw.strip_prefix("la liste conduite par "))
                .or_else(|| raw.strip_prefix("Liste conduite par "))
                .unwrap_or(raw);
            let raw = raw
                .trim_end_matches(" a obtenu")
                .trim_end_matches(" obtient");
            let Some((name, _)) = names::clean_name(raw) else {
                continue;
            };
            let Ok(n) = c["n"].parse() else { continue };
            if !r.candidates.iter().any(|(x, _)| *x == name) {
                r.candidates.push((name, n));
            }
        }
        let stated = r.ballots.is_some() || r.expressed.is_some() || !r.candidates.is_empty();
        if stated {
            rounds.push(r);
        }
    }
    let mut elected: Vec<String> = Vec::new();
    let (after, ete) = elected_after(body);
    for found in after {
        for n in names::split_names(found) {
            if !elected.contains(&n.name) {
                elected.push(n.name);
            }
        }
    }
    for c in DESIGNATES.captures_iter(body) {
        // "M Joachim LUDER": the civility without its full stop.
        let raw = c["name"].strip_prefix("M ").unwrap_or(&c["name"]);
        if let Some((name, _)) = names::clean_name(raw) {
            if !elected.contains(&name) {
                elected.push(name);
            }
        }
    }
    // Every match of `ELECTED_BEFORE` ends with "a été élu…", which holds a match of
    // `ELECTED_AT`, or with "est élu…", which holds one of `IS_ELECTED`: without either its
    // full pass (no literal prefilter) cannot find anything.
    static IS_ELECTED: LazyLock<Regex> =
        LazyLock::new(|| re(r"(?i)est\s+(?:[ée]l|proclam|d[ée]sign)"));
    let maybe_before = ete || IS_ELECTED.is_match(body);
    for c in maybe_before
        .then(|| ELECTED_BEFORE.captures_iter(body))
        .into_iter()
        .flatten()
    {
        if let Some((name, _)) = names::clean_name(&c["name"]) {
            if !elected.contains(&name) {
                elected.push(name);
            }
        }
    }
    (!rounds.is_empty() || !elected.is_empty()).then_some(ElectionRead {
        office,
        rounds,
        elected,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const MAYOR: &str = "Résultats du premier tour de scrutin :\n\
        a. Nombre de conseillers présents à l'appel n'ayant pas pris part au vote ........ 0\n\
        b. Nombre de votants (enveloppes déposées) ........ 15\n\
        c. Nombre de bulletins blancs et nuls ........ 1\n\
        d. Nombre de suffrages exprimés [b - c] ........ 14\n\
        e. Majorité absolue ........ 8\n\nOnt obtenu :\n\
        M. Gilles DARRIEU ........ 12 voix (douze)\n\
        Mme Francine POMMIÈS ..... 2 voix (deux)\n\n\
        M. Gilles DARRIEU, ayant obtenu la majorité absolue, a été proclamé maire et a été \
        immédiatement installé.";

    #[test]
    fn a_mayors_election_with_its_table() {
        let e = read(Some("Élection du maire"), MAYOR).unwrap();
        assert_eq!(e.office.as_deref(), Some("maire"));
        assert_eq!(e.rounds.len(), 1);
        let r = &e.rounds[0];
        assert_eq!(
            (
                r.not_taking_part,
                r.ballots,
                r.blank_and_spoilt,
                r.expressed,
                r.absolute_majority
            ),
            (Some(0), Some(15), Some(1), Some(14), Some(8))
        );
        assert_eq!(
            r.candidates,
            [
                ("Gilles DARRIEU".to_string(), 12),
                ("Francine POMMIÈS".to_string(), 2)
            ]
        );
        assert_eq!(e.elected, ["Gilles DARRIEU"]);
    }

    #[test]
    fn a_list_and_its_proclaimed_members() {
        let body = "Résultats du premier tour de scrutin :\nNombre de votants : 15\n\
            Nombre de bulletins blancs et nuls : 2\nNombre de suffrages exprimés : 13\n\
            Majorité absolue : 7\nLa liste conduite par Mme Corinne SABATIER a obtenu 13 voix (treize).\n\n\
            Ont été proclamés adjoints et immédiatement installés, dans l'ordre de la liste :\n\
            Mme Corinne SABATIER (1re adjointe), M. Jean-Marc LABORDE (2e adjoint).";
        let e = read(Some("Élection des adjoints"), body).unwrap();
        assert_eq!(e.office.as_deref(), Some("adjoints"));
        assert_eq!(
            e.rounds[0].candidates,
            [("Corinne SABATIER".to_string(), 13)]
        );
        assert_eq!(e.elected, ["Corinne SABATIER", "Jean-Marc LABORDE"]);
    }

    #[test]
    fn two_rounds_and_separate_blank_and_spoilt() {
        let body = "Premier tour : Nombre de bulletins : 23\nBulletins blancs : 1\nBulletins nuls : 0\n\
            Suffrages exprimés : 22\nMajorité absolue : 12\nM. Paul ROUX : 11 voix\nMme Léa MARTY : 11 voix\n\
            Second tour : Nombre de bulletins : 23\nBulletins blancs : 0\nBulletins nuls : 1\n\
            Suffrages exprimés : 22\nMajorité absolue : 12\nM. Paul ROUX : 12 voix\nMme Léa MARTY : 10 voix\n\
            M. Paul ROUX est élu délégué titulaire.";
        let e = read(Some("Désignation d'un délégué au SIVOM"), body).unwrap();
        assert_eq!(e.rounds.len(), 2);
        assert_eq!((e.rounds[1].blank, e.rounds[1].spoilt), (Some(0), Some(1)));
        assert_eq!(e.rounds[1].candidates[0], ("Paul ROUX".to_string(), 12));
        assert_eq!(e.elected, ["Paul ROUX"]);
        assert_eq!(e.office.as_deref(), Some("délégué au SIVOM"));
    }

    #[test]
    fn designated_by_show_of_hands() {
        let e = read(
            Some("Commissions communales : désignation des conseillers municipaux"),
            "Est candidat : M. Romain RIBEIRO\nLe conseil municipal après en avoir délibéré à 14 voix \
             pour, 4 abstentions désigne M. Romain RIBEIRO membre de la commission finances.\n\
             Est candidat : M. Joachim LUDER\nLe conseil désigne M Joachim LUDER membre de la commission.\n\
             Le conseil municipal, à 18 voix pour, désigne, pour représenter la commune au Syndicat, \
             M. Gilles PAPIN en tant que délégué suppléant.",
        )
        .unwrap();
        assert_eq!(
            e.elected,
            ["Romain RIBEIRO", "Joachim LUDER", "Gilles PAPIN"]
        );
    }

    #[test]
    fn elected_after_finds_what_the_unanchored_pattern_finds() {
        let full = re(&ELECTED_AFTER_PATTERN.replacen("^", "", 1));
        let parts = [
            "a",
            "A",
            "ont",
            "ONT",
            "Ont",
            " ",
            "  ",
            "\n",
            "\u{a0}",
            "été",
            "ETE",
            "Été",
            "ete",
            "élu",
            "élus",
            "proclamée",
            "désignés",
            "Designe",
            "à l'unanimité",
            "au premier tour",
            " : ",
            ":",
            "M. Paul ROUX",
            ", Mme Léa MARTY",
            "x",
            "la",
            "t",
            "ſ",
            "\n\n",
            "elu",
        ];
        for text in crate::parse::items::tests::random_texts(&parts, 20_000) {
            let want: Vec<&str> = full
                .captures_iter(&text)
                .map(|c| c.name("names").unwrap().as_str())
                .collect();
            assert_eq!(elected_after(&text).0, want, "{text:?}");
        }
    }

    #[test]
    fn elected_without_figures() {
        let e = read(
            Some("Désignation du correspondant défense"),
            "A été élu : M. Hervé CAMUS.",
        )
        .unwrap();
        assert!(e.rounds.is_empty());
        assert_eq!(e.elected, ["Hervé CAMUS"]);
        assert_eq!(read(Some("Tarifs de la cantine"), "Pour : 12"), None);
    }
}
