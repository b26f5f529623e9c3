//! The vote on one item: stated counts, unanimity, named voters, outcome, operative points.

use crate::grammar;
use crate::names;
use crate::near::Near;
use regex::Regex;
use std::sync::LazyLock;

use crate::re;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct VoteRead {
    pub for_: Option<u32>,
    pub against: Option<u32>,
    pub abstention: Option<u32>,
    pub not_taking_part: Option<u32>,
    pub unanimous: Option<bool>,
    pub adopted: Option<bool>,
    pub against_members: Vec<String>,
    pub abstention_members: Vec<String>,
    pub not_taking_part_members: Vec<String>,
    /// Where the vote is stated (first count or unanimity), relative to the item text.
    pub at: Option<(usize, usize)>,
    /// Where unanimity is said, when counts also show votes against or abstentions.
    pub unanimity_at: Option<(usize, usize)>,
    /// True when the item shows any sign of a vote or a decision.
    pub voted: bool,
    /// Of the votes for, against, abstaining: how many by proxy ("10 (8 + 2 procurations)").
    pub by_proxy: [Option<u32>; 3],
}

/// "(8 + 2 procurations)", "(dont 2 pouvoirs)": the votes cast by proxy within a count.
fn by_proxy(after_count: &str) -> Option<u32> {
    static BREAKDOWN: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)^\s*\(\s*(?:\d{1,3}\s*(?:pr[ée]sents?\s*)?\+\s*(?P<a>\d{1,3})|dont\s+(?P<b>\d{1,3}))\s*(?:procurations?|pouvoirs?|repr[ée]sent[ée]s?)\s*\)",
        )
    });
    let c = BREAKDOWN.captures(after_count)?;
    c.name("a").or(c.name("b"))?.as_str().parse().ok()
}

/// A count after its label: "Pour : 19", "Contre : 0", "Abstention(s) : 2 (M. X et M. Y)".
/// (Searched only around a colon that ends a label: see `label_before`.)
static LABELLED: LazyLock<Near> = LazyLock::new(|| {
    Near::new(
        r"[:=]",
        r"(?im)(?:^|[\s(,;–-])(?P<k>pour|contre|abstentions?|abstenu(?:e|s|es)?|ne\s+prend(?:nent)?\s+pas\s+part(?:\s+au\s+vote)?|non[\s-]participations?(?:\s+au\s+vote)?|refus\s+de\s+vote|vote\s+blanc|votes?\s+pour|votes?\s+contre|voix\s+pour|voix\s+contre)\s*(?:\(s\))?\s*[:=]\s*",
        120,
        100,
    )
    .confirmed_with(label_before)
});

/// Whether the last `n` bytes of `s` (trimmed) end with one of `words` (lowercase ASCII), or
/// hold a letter that Unicode case folding could read as one (then the pattern decides).
fn ends_with_any(s: &str, n: usize, words: &[&str]) -> bool {
    let tail = crate::tail(s, s.len(), n);
    if !tail.is_ascii() {
        return true;
    }
    // (Compared in place: a lowercased copy per colon of the text cost an allocation.)
    words.iter().any(|w| ends_with_ignore_case(tail, w))
}

/// Whether `s` ends with `w` (lowercase ASCII), ASCII case aside.
fn ends_with_ignore_case(s: &str, w: &str) -> bool {
    s.len() >= w.len() && s.as_bytes()[s.len() - w.len()..].eq_ignore_ascii_case(w.as_bytes())
}

/// The colon or equals sign at `start` ends a label of `LABELLED` (its last word, then
/// spaces and "(s)"), so a match can contain it.
fn label_before(text: &str, start: usize, _end: usize) -> bool {
    let b = text[..start].trim_end();
    let b = match b.len().checked_sub(3) {
        Some(i) if b.is_char_boundary(i) && b[i..].eq_ignore_ascii_case("(s)") => b[..i].trim_end(),
        _ => b,
    };
    ends_with_any(
        b,
        8,
        &[
            "pour", "contre", "tion", "tions", "nu", "nue", "nus", "nues", "part", "vote", "blanc",
        ],
    )
}

/// A count before its label: "15 voix pour", "2 contre", "1 abstention", "13 votes pour".
/// (Searched only around a keyword right after a count: see `count_before`.)
const COUNT_FIRST_PATTERN: &str = r"(?i)(?:^|[^\w/.,-])(?P<n>\d{1,3})\s*(?:\(\s*[^)]{0,40}\)\s*)?(?:voix|votes?|suffrages?|membres?|conseillers?|élus?)?\s*(?P<k>pour\b|contre\b|abstentions?\b|ne\s+prenant\s+pas\s+part|non[\s-]participations?\b|refus\s+de\s+vote)";
static COUNT_FIRST: LazyLock<Near> = LazyLock::new(|| {
    Near::any(
        // (One word a trigger: "(?i)pour|contre|abstention" has too many case variants for
        // the regex crate's fast literal search. No two of the words overlap, so the three
        // find every place the one did.)
        &[
            r"(?i)pour",
            r"(?i)contre",
            r"(?i)abstention",
            r"(?i)prenant|particip|refus",
        ],
        COUNT_FIRST_PATTERN,
        300,
        40,
    )
    .confirmed_with(count_before)
});

/// A count, or a count and its unit, ends right before "pour", "contre" or "abstention" at
/// `start` ("15 voix pour", "3 (dont 1 pouvoir) contre"); the rarer keywords are not tested.
fn count_before(text: &str, start: usize, end: usize) -> bool {
    let word = &text[start..end];
    if !(word.eq_ignore_ascii_case("pour")
        || word.eq_ignore_ascii_case("contre")
        || word.eq_ignore_ascii_case("abstention"))
    {
        return true;
    }
    let counted = |b: &str| b.ends_with(|c: char| c.is_ascii_digit() || c == ')');
    let b = text[..start].trim_end();
    // (A unit with an accent, "élus", is let through by the test for non-ASCII letters.)
    const UNITS: [&str; 9] = [
        "voix",
        "votes",
        "vote",
        "suffrages",
        "suffrage",
        "membres",
        "membre",
        "conseillers",
        "conseiller",
    ];
    if counted(b) || !crate::tail(b, b.len(), 12).is_ascii() {
        return true;
    }
    let low = crate::tail(b, b.len(), 12);
    UNITS
        .iter()
        .any(|u| ends_with_ignore_case(low, u) && counted(b[..b.len() - u.len()].trim_end()))
}

// (These run near a keyword: see `Near`.)
static UNANIMITY: LazyLock<Near> = LazyLock::new(|| {
    Near::new(
        r"(?i)unanim",
        r"(?i)\bunanimit[ée]|\bunanimement\b|\bà\s+l'unanimité",
        100,
        100,
    )
});
static MAJORITY: LazyLock<Near> = LazyLock::new(|| {
    Near::new(
        r"(?i)majorit|voix",
        r"(?i)\bà\s+la\s+majorit[ée]|\bpar\s+\d+\s+voix\s+pour|\bmajorit[ée]\s+(?:absolue|des\s+(?:voix|suffrages|membres))",
        200,
        200,
    )
});
static ADOPTED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:adopt[ée]e?s?|adopte|approuv[ée]e?s?|approuve|d[ée]cide|d[ée]cid[ée]|accepte|autorise|valide|émet\s+un\s+avis\s+favorable|avis\s+favorable|prend\s+acte|donne\s+acte|a\s+[ée]t[ée]\s+[ée]lue?|sont\s+[ée]lus|est\s+[ée]lue?|d[ée]signe|fixe|accorde|d[ée]lib[èe]re|sollicite|attribue|approbation)\b",
    )
});
static REJECTED: LazyLock<Near> = LazyLock::new(|| {
    Near::new(
        r"(?i)rejet|adopt|refuse",
        r"(?i)\b(?:rejet[ée]e?s?|rejette|n'est\s+pas\s+adopt[ée]e?|n'a\s+pas\s+[ée]t[ée]\s+adopt[ée]e?|refuse|non\s+adopt[ée]e?)\b",
        200,
        100,
    )
});
static VOTE_WORD: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\bvotes?\b|\bvoix\b|\bvot[ée]e?s?\b"));

fn kind_of(k: &str) -> u8 {
    let k = k.to_lowercase();
    if k.contains("contre") {
        1
    } else if k.starts_with("abst") {
        2
    } else if k.contains("part")
        || k.contains("particip")
        || k.contains("refus")
        || k.contains("blanc")
    {
        3
    } else {
        0
    }
}

/// Names in brackets right after a count: "2 (M. PERRIN et M. VASSEUR)".
fn names_after(rest: &str) -> Vec<String> {
    let t = rest.trim_start();
    let t = t.strip_prefix(':').unwrap_or(t).trim_start();
    let body = if let Some(inner) = t.strip_prefix('(') {
        // "(abstention du groupe « X » : Mme A, M. B)": the names follow the colon.
        let inner = inner.split(')').next().unwrap_or("");
        inner.rsplit(':').next().unwrap_or(inner)
    } else if let Some(inner) = t.strip_prefix(':') {
        inner.split('\n').next().unwrap_or("")
    } else if let Some(inner) = t.strip_prefix(',') {
        // "Abstention : 1, Monsieur BRUNET, en raison de …": a civility must open the name.
        let inner = inner.trim_start();
        if names::strip_civility(inner).len() == inner.len() {
            return Vec::new();
        }
        inner.split([',', '\n', '.']).next().unwrap_or("")
    } else {
        return Vec::new();
    };
    names::split_names(body)
        .into_iter()
        // A group ("Verts", "UMP") is not a person: a person has a civility, a surname in
        // capitals or two words.
        .filter(|n| {
            let raw = &body[n.start..n.end];
            names::strip_civility(raw.trim()).len() < raw.trim().len()
                || n.name.split_whitespace().count() >= 2
                || n.name
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .all(|c| c.is_uppercase())
                    && n.name.chars().filter(|c| c.is_alphabetic()).count() > 4
        })
        .map(|n| {
            // "M. BRUNET qui indique …": the name ends before the relative clause.
            let name = n.name.split(" qui ").next().unwrap_or(&n.name).to_string();
            name
        })
        .filter(|n| !n.is_empty())
        .collect()
}

/// What may follow "N pour" / "N contre" in a tally: punctuation, another count, the end.
fn ends_count(rest: &str) -> bool {
    let t = rest.trim_start_matches([' ', '\t']);
    let low = crate::head_lower(t, 16);
    t.is_empty()
        || t.starts_with([',', ';', '.', ':', ')', '(', '\n', '–', '-', '/'])
        || t.starts_with(|c: char| c.is_ascii_digit())
        || [
            "et ", "pour", "contre", "abst", "voix", "vote", "dont", "sur ",
        ]
        .iter()
        .any(|w| low.starts_with(w))
}

/// Records a count of kind `k` (0 pour, 1 contre, 2 abstention, 3 not taking part) and the
/// names given with it; the first statement of each kind wins.
fn record(v: &mut VoteRead, k: u8, n: u32, named: Vec<String>) {
    let (slot, members) = match k {
        0 => (&mut v.for_, None),
        1 => (&mut v.against, Some(&mut v.against_members)),
        2 => (&mut v.abstention, Some(&mut v.abstention_members)),
        _ => (&mut v.not_taking_part, Some(&mut v.not_taking_part_members)),
    };
    set(slot, n);
    if let Some(m) = members {
        if m.is_empty() {
            *m = named;
        }
    }
}

fn set(slot: &mut Option<u32>, v: u32) {
    if slot.is_none() {
        *slot = Some(v);
    }
}

/// Whether "unanimité" at `start..end` and the figures at `counts_at` are one statement: the
/// decision's words ("après en avoir délibéré, à l'unanimité", "adopté à l'unanimité") before
/// the figures with no other vote between and at most eight lines away, or on the figures'
/// line; not a narrative ("déjà voté à l'unanimité") nor the rule quoted ("peut décider, à
/// l'unanimité, de…").
pub fn same_statement(text: &str, start: usize, end: usize, counts_at: usize) -> bool {
    static DECISION_WORDS: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)(?:d[ée]lib[ée]r[ée]|adopt[ée]e?s?|d[ée]cide|approuv[ée]e?s?|approuve|vote\s*:[^\n]*|pour)\s*,?\s*(?:[àa]\s+l'\s*)?$",
        )
    });
    static ANOTHER_VOTE: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)vote\s*:|(?-u:\b)pour\s*:|adopt[ée]|d[ée]lib[ée]r[ée]|quitte|se\s+retire|^\s*-?\s*\d+\s*[.)]\s",
        )
    });
    if !DECISION_WORDS.is_match(crate::tail(text, start, 60)) {
        return false;
    }
    let lines = |a: usize, b: usize| text[a.min(b)..a.max(b)].matches('\n').count();
    if start < counts_at {
        let between = &text[end.min(counts_at)..counts_at];
        lines(start, counts_at) <= 8 && !ANOTHER_VOTE.is_match(between)
    } else {
        lines(counts_at, start) <= 1
    }
}

/// Reads the vote of an item from its text.
pub fn read(text: &str) -> VoteRead {
    let mut v = VoteRead::default();
    let mut first_at: Option<(usize, usize)> = None;
    // "Pour 20   Contre 0   Abstention 3": a tally table without colons.
    // (Run near "contre : 3": a count of votes for and 200 characters in brackets come before
    // it, counts and brackets of 200 characters after.)
    static TABLE: LazyLock<Near> = LazyLock::new(|| {
        Near::new(
            r"(?i)contre\s*:?\s*\d",
            r"(?i)\bpour\s*:?\s*(\d{1,3})(\s*\([^)]{0,200}\))?\s*[,;–-]?\s*contre\s*:?\s*(\d{1,3})(\s*\([^)]{0,200}\))?(?:\s*[,;–-]?\s*abstentions?\s*:?\s*(\d{1,3})(\s*\([^)]{0,200}\))?)?",
            1000,
            2000,
        )
    });
    if let Some(c) = TABLE.captures(text) {
        let named = |g: usize| {
            c.get(g)
                .map(|m| names_after(m.as_str()))
                .unwrap_or_default()
        };
        record(&mut v, 0, c[1].parse().unwrap_or(0), Vec::new());
        record(&mut v, 1, c[3].parse().unwrap_or(0), named(4));
        if let Some(a) = c.get(5) {
            record(&mut v, 2, a.as_str().parse().unwrap_or(0), named(6));
        }
        let m = c.get(0).unwrap();
        first_at = Some((m.start(), m.end()));
    }
    for c in LABELLED.captures_iter(text) {
        let m = c.get(0).unwrap();
        let rest = &text[m.end()..];
        let n = match grammar::count(rest) {
            Ok((_, n)) => Some(n),
            Err(_) => {
                let low = crate::head_lower(rest.trim_start(), 16);
                if low.starts_with("néant")
                    || low.starts_with("neant")
                    || low.starts_with("aucun")
                    || low.starts_with("0")
                {
                    Some(0)
                } else {
                    None
                }
            }
        };
        let Some(n) = n else { continue };
        let k = kind_of(&c["k"]);
        // "Pour : 19" must be a count, not "pour : l'année" (grammar::count already checked).
        let after_num = rest
            .trim_start()
            .trim_start_matches(|ch: char| ch.is_ascii_digit());
        let named = names_after(after_num);
        if k < 3 && v.by_proxy[k as usize].is_none() {
            v.by_proxy[k as usize] = by_proxy(after_num);
        }
        record(&mut v, k, n, named);
        first_at.get_or_insert((m.start(), m.end()));
    }
    // "Abstentions 4 : M. X, Mme Y": the count between the word and the names.
    static WORD_COUNT_NAMES: LazyLock<Regex> =
        LazyLock::new(|| re(r"(?i)(?:^|[\s(,;–-])(?P<k>contre|abstentions?)\s+(?P<n>\d{1,3})\s*:"));
    for c in WORD_COUNT_NAMES.captures_iter(text) {
        let m = c.get(0).unwrap();
        let k = kind_of(&c["k"]);
        let n: u32 = c["n"].parse().unwrap_or(0);
        // The names run on over the next line when this one ends with a comma or "et".
        let mut lines = text[m.end()..].split('\n');
        let mut line = lines.next().unwrap_or("").to_string();
        while line.trim_end().ends_with(',') || line.trim_end().ends_with(" et") {
            match lines.next() {
                Some(next) if !next.trim().is_empty() => {
                    line.push(' ');
                    line.push_str(next);
                }
                _ => break,
            }
        }
        let named = names_after(&format!("({})", line.replace(['(', ')'], " ")));
        record(&mut v, k, n, named);
        first_at.get_or_insert((m.start(), m.end()));
    }
    for c in COUNT_FIRST.captures_iter(text) {
        let n: u32 = c["n"].parse().unwrap_or(0);
        let k = kind_of(&c["k"]);
        let m = c.get(0).unwrap();
        // "154 pour le Comptable" is not a vote: a count ends its phrase.
        if k <= 1 && !ends_count(&text[m.end()..]) {
            continue;
        }
        // "N votes" alone is not a count of votes for; "pour" must follow the number's unit.
        let rest = &text[m.end()..];
        let named = names_after(rest);
        record(&mut v, k, n, named);
        first_at.get_or_insert((m.start(), m.end()));
    }
    // "par 18 voix", "avec 22 Voix « Pour »": votes for, without "contre".
    // (Run near "22 voix": "unanimité" and 60 characters may come before it.)
    static BY_VOTES: LazyLock<Near> = LazyLock::new(|| {
        Near::new(
            r"(?i)\d\s+(?:voix|votes)",
            r#"(?i)(?:\b(?:par|avec)\s+|unanimit[ée][^(\n]{0,60}\(\s*)(\d{1,3})\s+(?:voix|votes)\b(?:\s*[«"]?\s*pour\s*[»"]?)?"#,
            400,
            100,
        )
    });
    if v.for_.is_none() {
        for c in BY_VOTES.captures_iter(text) {
            let m = c.get(0).unwrap();
            let rest = crate::head_lower(text[m.end()..].trim_start(), 16);
            if rest.starts_with("contre") || rest.starts_with("d'") {
                continue;
            }
            v.for_ = c[1].parse().ok();
            first_at.get_or_insert((m.start(), m.end()));
            break;
        }
    }
    // "X ne prend pas part au vote", "(non participations au vote de X, Y et Z)".
    // (Names first: the pattern runs only near "ne prend pas part".)
    static NTP: LazyLock<Near> = LazyLock::new(|| {
        Near::new(
            r"(?i)part\s+au\s+vote|participations?\s+au\s+vote",
            r"(?i)non[\s-]participations?\s+au\s+vote\s+de\s+([^)\n]{3,200})|([^,.;:\n(]{3,80}?)\s+ne\s+prena(?:nt|nnent)\s+pas\s+part\s+au\s+vote|([^,.;:\n(]{3,80}?),?\s+ne\s+prend(?:nent)?\s+pas\s+part\s+au\s+vote",
            600,
            1000,
        )
        // (Most "part au vote" are in "prendre part au vote", "participation au vote des
        // élus": the whole phrase is checked first.)
        .confirmed_by(
            r"(?i)non[\s-]participations?\s+au\s+vote\s+de\s|ne\s+prena(?:nt|nnent)\s+pas\s+part\s+au\s+vote|ne\s+prend(?:nent)?\s+pas\s+part\s+au\s+vote",
            60,
        )
    });
    for c in NTP.captures_iter(text) {
        let g = c.get(1).or(c.get(2)).or(c.get(3)).unwrap();
        // "M. X, président de l'association, ne prend pas part au vote": the subject opens the
        // sentence, before the apposition.
        // (From the line's start: "M." ends no sentence.)
        let sentence_start = text[..g.start()]
            .rfind(['\n', ';'])
            .map(|i| i + 1)
            .unwrap_or(0);
        let lead = &text[sentence_start..g.end()];
        static CIVIL_NAME: LazyLock<Regex> = LazyLock::new(|| {
            re(r"(?:M\.|Mme|Mlle|MM\.|Monsieur|Madame|Messieurs|Mesdames)\s+[^,\n]+")
        });
        let subject = match CIVIL_NAME.find(lead) {
            Some(m) if lead.contains(',') => m.as_str(),
            _ => g.as_str(),
        };
        for n in names::split_names(subject) {
            if !v.not_taking_part_members.contains(&n.name) {
                v.not_taking_part_members.push(n.name);
            }
        }
    }
    // Voters named in a sentence: "M. X et Mme Y votant contre", "MM. A, B et Mme C
    // s'abstiennent", "à l'exception de Mme X qui s'abstient", "Ont voté contre : X, Y",
    // "Se sont abstenus : X, Y". Only names: a count is what the document writes as one.
    static NAMED: LazyLock<Near> = LazyLock::new(|| {
        Near::new(
            r"(?i)contre|abst",
            r"(?i)(?P<pc>(?:\bMM?\.|[^.;:\n]){3,200}?)\s+(?:qui\s+)?(?:votant|votent|vote|ont\s+vot[ée])\s+contre\b|(?P<pa>(?:\bMM?\.|[^.;:\n]){3,200}?)\s+(?:qui\s+)?s'abst(?:ient|iennent|enant)\b|(?:ont\s+vot[ée]\s+contre|se\s+sont\s+abstenue?s?)\s*:\s*(?P<post>(?:\bMM?\.|[^.\n]){3,200})",
            220,
            220,
        )
    });
    static NAMES_START: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)exception\s+d(?:e|u|es)\s+|(?-u:\b)(?:M\.|MM\.?|Mme|Mmes|Mlle|Monsieur|Madame|Messieurs|Mesdames)\s",
        )
    });
    for c in NAMED.captures_iter(text) {
        let (k, names): (u8, Vec<String>) = if let Some(g) = c.name("pc").or(c.name("pa")) {
            let k = if c.name("pc").is_some() { 1 } else { 2 };
            let Some(m) = NAMES_START.find(g.as_str()) else {
                continue;
            };
            let from = if m.as_str().to_lowercase().starts_with("exception") {
                m.end()
            } else {
                m.start()
            };
            // ("MM. A, B ET MME C": the conjunction in capitals too.)
            let list = g.as_str()[from..].replace(" ET ", " et ");
            (
                k,
                names::split_names(&list)
                    .into_iter()
                    .map(|n| n.name)
                    .collect(),
            )
        } else {
            let g = c.name("post").unwrap();
            let k = if c[0].to_lowercase().contains("contre") {
                1
            } else {
                2
            };
            (
                k,
                names::split_names(g.as_str())
                    .into_iter()
                    .map(|n| n.name)
                    .collect(),
            )
        };
        let slot = if k == 1 {
            &mut v.against_members
        } else {
            &mut v.abstention_members
        };
        if slot.is_empty() && !names.is_empty() {
            *slot = names;
        }
    }
    let unan = UNANIMITY.find(text);
    let major = MAJORITY.find(text);
    // "à l'unanimité des suffrages exprimés": abstentions are not suffrages exprimés.
    static OF_CAST: LazyLock<Regex> = LazyLock::new(|| {
        re(r"(?i)unanimit[ée]\s+des\s+(?:suffrages\s+exprim[ée]s|votes\s+exprim[ée]s)")
    });
    let abstentions_split = v.abstention.unwrap_or(0) > 0 && !OF_CAST.is_match(text);
    let split = v.against.unwrap_or(0) > 0 || abstentions_split;
    if split {
        v.unanimous = Some(false);
        if let Some(u) = unan {
            // A contradiction only within one statement: an item often holds several votes.
            let counts_at = first_at.map(|a| a.0).unwrap_or(u.start());
            if same_statement(text, u.start(), u.end(), counts_at) {
                v.unanimity_at = Some((u.start(), u.end()));
            }
        }
    } else if let Some(u) = unan {
        v.unanimous = Some(true);
        first_at.get_or_insert((u.start(), u.end()));
    } else if major.is_some() {
        v.unanimous = Some(false);
    }
    if let Some(m) = major {
        first_at.get_or_insert((m.start(), m.end()));
    }
    v.at = first_at;
    v.adopted = if REJECTED.is_match(text) {
        // "rejette" inside a quoted recital is rare; a stated tally decides when present.
        match (v.for_, v.against) {
            (Some(f), Some(a)) if f > a => Some(true),
            _ => Some(false),
        }
    } else if v.unanimous == Some(true) || ADOPTED.is_match(text) {
        Some(true)
    } else {
        match (v.for_, v.against) {
            (Some(f), a) if f > a.unwrap_or(0) => Some(true),
            (Some(f), Some(a)) if f <= a => Some(false),
            _ => None,
        }
    };
    v.voted = v.for_.is_some()
        || v.against.is_some()
        || v.abstention.is_some()
        || v.unanimous.is_some()
        || v.adopted.is_some()
        || VOTE_WORD.is_match(text);
    v
}

/// The operative points after "décide" / "DÉCIDE :": each bullet or article, or the sentence
/// that follows when there are none.
pub fn decisions(text: &str) -> Vec<String> {
    static DECIDE: LazyLock<Regex> =
        LazyLock::new(|| re(r"(?i)\bd[ée]cide(?:nt)?\b\s*(?:[,:]|\s+de\b|\s+d')?"));
    let Some(m) = DECIDE.find_iter(text).last() else {
        return Vec::new();
    };
    let rest = &text[m.end()..];
    let mut out: Vec<String> = Vec::new();
    let mut cur: Option<String> = None;
    static BULLET: LazyLock<Regex> =
        LazyLock::new(|| re(r"^(?:[-–•*]\s+|article\s+\d+\s*[:.\-–]?\s*|\d+[°.)]\s+)(.*)$"));
    static END: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)^(?:fait\s+et\s+d[ée]lib[ée]r[ée]|pour\s+extrait|le\s+maire|la\s+maire|le\s+pr[ée]sident|votes?\s*:|pour\s*:?\s*\d|contre\s*:?\s*\d|abstentions?\s*:?\s*\d|adopt[ée]|rejet[ée]|\d+\s+(?:voix|votes)|sign[ée]|transmis|publi[ée]|ainsi\s+fait|certifi[ée]|acte\s+rendu|la\s+pr[ée]sente\s+d[ée]lib[ée]ration\s+peut)",
        )
    });
    let first_line = rest.split('\n').next().unwrap_or("").trim();
    for (i, line) in rest.split('\n').enumerate() {
        let t = line.trim();
        if i == 0 {
            if !t.is_empty() {
                cur = Some(t.to_string());
            }
            continue;
        }
        if t.is_empty() {
            continue;
        }
        if END.is_match(t) {
            break;
        }
        if let Some(c) = BULLET.captures(t) {
            if let Some(p) = cur.take() {
                out.push(p);
            }
            cur = Some(c[1].to_string());
        } else if let Some(p) = cur.as_mut() {
            if out.len() > 30 || p.len() > 1500 {
                break;
            }
            p.push(' ');
            p.push_str(t);
        } else if first_line.is_empty() {
            cur = Some(t.to_string());
        } else {
            break;
        }
    }
    if let Some(p) = cur {
        out.push(p);
    }
    out.into_iter()
        .map(|s| s.trim().to_string())
        .filter(|s| s.len() > 2)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_label_ends_before_its_colon() {
        let at = |t: &str| label_before(t, t.find([':', '=']).unwrap(), 0);
        for yes in [
            "Pour : 19",
            "Abstention(s) : 2",
            "ABSTENUES : 1",
            "Ne prend pas part au vote : 1",
            "Vote blanc = 2",
            "Non-participations :",
            "Abstentionſ : 1",
        ] {
            assert!(at(yes), "{yes}");
        }
        for no in ["Votants : 19", "Objet : budget", "12 h : 30", ": début"] {
            assert!(!at(no), "{no}");
        }
    }

    #[test]
    fn a_count_stands_before_its_keyword() {
        let at = |t: &str, w: &str| {
            let s = t.rfind(w).unwrap();
            count_before(t, s, s + w.len())
        };
        assert!(at("adopté par 15 voix pour", "pour"));
        assert!(at("3 (dont 1 pouvoir) contre", "contre"));
        assert!(at("2 CONSEILLERS   Abstention", "Abstention"));
        assert!(at("12 élus pour", "pour"));
        assert!(!at("le budget pour", "pour"));
        assert!(!at("2024, les votes pour", "pour"));
        // The rarer keywords are not tested.
        assert!(at("M. X, ne prenant pas part", "prenant"));
    }

    #[test]
    fn one_trigger_a_word_finds_the_counts_the_three_words_found() {
        let old = Near::any(
            &[r"(?i)pour|contre|abstention", r"(?i)prenant|particip|refus"],
            COUNT_FIRST_PATTERN,
            300,
            40,
        )
        .confirmed_with(count_before);
        let parts = [
            "pour",
            "POUR",
            "contre",
            "Contre",
            "abstention",
            "abſtention",
            "ABSTENTION",
            "12",
            "3",
            " ",
            "\n",
            "voix",
            "votes",
            "(dont 1 pouvoir)",
            "prenant",
            "particip",
            "refus",
            "ne prenant pas part",
            "poucontre",
            "abstentionpour",
            ",",
            "x",
            "é",
        ];
        for text in crate::parse::items::tests::random_texts(&parts, 20_000) {
            let spans =
                |n: &Near| -> Vec<_> { n.find_iter(&text).iter().map(|m| m.range()).collect() };
            assert_eq!(spans(&COUNT_FIRST), spans(&old), "{text:?}");
        }
    }

    #[test]
    fn labelled_counts() {
        let v = read("Nombre de votants :\n- Pour : 19\n- Contre : 0\n- Abstention : 0\n… après en avoir délibéré à l'unanimité des membres présents et représentés, décide :");
        assert_eq!(
            (v.for_, v.against, v.abstention, v.unanimous, v.adopted),
            (Some(19), Some(0), Some(0), Some(true), Some(true))
        );
    }

    #[test]
    fn tally_table_without_colons() {
        let v = read("VOTE : Pour 20   Contre 0   Abstention 3");
        assert_eq!(
            (v.for_, v.against, v.abstention),
            (Some(20), Some(0), Some(3))
        );
        let v = read("Vote : Pour 8, Contre 1 (M. DUMAS), Abstention 1 (Mme MOREAU).");
        assert_eq!(
            (v.for_, v.against, v.abstention),
            (Some(8), Some(1), Some(1))
        );
        assert_eq!(v.against_members, ["DUMAS"]);
        assert_eq!(v.abstention_members, ["MOREAU"]);
    }

    #[test]
    fn counts_in_a_sentence() {
        assert_eq!(
            read("à l'unanimité des membres présents et représentés, par 18 voix, Approuve").for_,
            Some(18)
        );
        assert_eq!(read("avec 22 Voix « Pour », Adopte").for_, Some(22));
        assert_eq!(read("adopté à l'unanimité (15 voix)").for_, Some(15));
        let v = read("Le conseil, par 15 voix pour, 2 contre et 1 abstention, approuve");
        assert_eq!(
            (v.for_, v.against, v.abstention, v.unanimous),
            (Some(15), Some(2), Some(1), Some(false))
        );
    }

    #[test]
    fn abstainers_named() {
        let v = read("Vote :\n- Abstentions : 2 (M. PERRIN et M. VASSEUR)\n- Pour : 16");
        assert_eq!(v.abstention, Some(2));
        assert_eq!(v.abstention_members, ["PERRIN", "VASSEUR"]);
        assert_eq!(v.for_, Some(16));
        assert_eq!(v.adopted, Some(true));
    }

    #[test]
    fn count_then_names_after_a_colon_over_two_lines() {
        let v = read(
            "Pour : 10 – Contre : 0 – Abstentions 3 : M. Gilles GROS, Mme Martine MOREY,\nM. Thierry PERRAUD\n",
        );
        assert_eq!(v.abstention, Some(3));
        assert_eq!(
            v.abstention_members,
            ["Gilles GROS", "Martine MOREY", "Thierry PERRAUD"]
        );
    }

    #[test]
    fn votes_by_proxy_within_a_count() {
        let v = read("Pour : 10 (8 + 2 procurations) – Contre : 0 – Abstention : 0");
        assert_eq!((v.for_, v.by_proxy[0]), (Some(10), Some(2)));
        assert_eq!(by_proxy(" (dont 3 pouvoirs)"), Some(3));
        assert_eq!(by_proxy(" (M. X et Mme Y)"), None);
    }

    #[test]
    fn not_taking_part_with_an_apposition() {
        let v = read(
            "M. Patrick LONJARRET, président du comité des fêtes, ne prend pas part au vote.\n13 votes pour",
        );
        assert_eq!(v.not_taking_part_members, ["Patrick LONJARRET"]);
        assert_eq!(v.for_, Some(13));
    }

    #[test]
    fn votes_alone() {
        let v = read("11 votes pour 2 abstentions");
        assert_eq!((v.for_, v.abstention), (Some(11), Some(2)));
        let v = read("13 votes");
        assert_eq!(v.for_, None);
        assert!(v.voted);
    }

    #[test]
    fn unanimity_and_majority() {
        assert_eq!(read("Vote : Pour à l'unanimité").unanimous, Some(true));
        let v =
            read("Le Conseil, à la majorité, Madame Marie SANTONI ne prenant pas part au vote.");
        assert_eq!(v.unanimous, Some(false));
        assert_eq!(v.not_taking_part_members, ["Marie SANTONI"]);
    }

    #[test]
    fn rejection() {
        assert_eq!(read("La proposition est rejetée.").adopted, Some(false));
        assert_eq!(read("Le Conseil Adopte.").adopted, Some(true));
    }

    #[test]
    fn decisions_after_decide() {
        let d = decisions("Le Conseil Municipal, après en avoir délibéré, décide :\n- De limiter la compétence\n- De transférer la compétence\nLe Maire");
        assert_eq!(
            d,
            ["De limiter la compétence", "De transférer la compétence"]
        );
    }
}
