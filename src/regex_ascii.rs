//! Word boundaries that keep regexes fast on French text.
//!
//! A Unicode `\b` stops the regex crate's lazy DFA at the first non-ASCII byte, and the search
//! falls back to a PikeVM many times slower; French text has an accent every few words. Where
//! the letters on both sides of a `\b` in the pattern are ASCII, an ASCII boundary
//! `(?-u:\b)` decides the same on the words the pattern can match; it is used there. A `\b`
//! that opens a word which may begin with an accent (`\bà`, `\b(?:adopte|émet)`) becomes the
//! half boundary "no ASCII word character before", and one that closes a word which may end
//! with one (`d[ée]cid[ée]\b` at the end of an alternative) "no ASCII word character after":
//! an accented letter beside the word then counts as a non-word one, which French words the
//! patterns look for do not meet. Elsewhere (`[ée]\b\s`, beside `\w` or `\p{Lu}`) a `\b`
//! stays Unicode. Patterns that must be exact beside accents (short words inside names) write
//! their word edges as classes instead.

/// The pattern with every `\b` made ASCII or half where that decides the same (see above).
pub fn ascii_boundaries(pattern: &str) -> String {
    let chars: Vec<char> = pattern.chars().collect();
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '\\' && i + 1 < chars.len() {
            if chars[i + 1] == 'b' && ascii_after(&chars, i + 2) && ascii_before(&chars, i) {
                out.push_str("(?-u:\\b)");
            } else if chars[i + 1] == 'b' && opens_word(&chars, i) {
                // `\bà`, `\b(?:adopte|émet)`: only the side before the word needs testing.
                out.push_str("(?-u:\\b{start-half})");
            } else if chars[i + 1] == 'b' && closes_word(&chars, i + 2) {
                // `d[ée]cid[ée]\b`: only the side after the word needs testing.
                out.push_str("(?-u:\\b{end-half})");
            } else {
                out.push(chars[i]);
                out.push(chars[i + 1]);
            }
            i += 2;
            continue;
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

/// True when nothing of the pattern stands before `at` in its alternative: a `\b` there opens
/// a word, and the half boundary "no word character before" says the same as long as the
/// pattern goes on with a word's letter. The previous character is tested as a byte, so an
/// accented letter counts as a non-word one there.
fn opens_word(c: &[char], at: usize) -> bool {
    let Some(k) = at.checked_sub(1) else {
        return true;
    };
    match c[k] {
        '|' | '(' => k == 0 || c[k - 1] != '\\',
        ':' => c[..k].iter().rposition(|&x| x == '(').is_some_and(|open| {
            c.get(open + 1) == Some(&'?')
                && c[open + 2..k]
                    .iter()
                    .all(|x| x.is_ascii_alphabetic() || *x == '-')
        }),
        ')' => opening(c, k).is_some_and(|open| is_flags(c, open, k) && opens_word(c, open)),
        _ => false,
    }
}

/// True when nothing of the pattern follows `at` in its alternative: a `\b` there closes the
/// word before it, and "no ASCII word character after" says the same, but for an accented
/// letter right after the word, which it takes for a non-word one.
fn closes_word(c: &[char], at: usize) -> bool {
    match c.get(at) {
        None | Some('|') => true,
        Some(')') => at == 0 || c[at - 1] != '\\',
        _ => false,
    }
}

/// True when what the pattern matches right after `at` starts with an ASCII character.
fn ascii_after(c: &[char], at: usize) -> bool {
    match c.get(at) {
        None => true,
        Some('(') => {
            let Some(end) = closing(c, at) else {
                return false;
            };
            if is_flags(c, at, end) {
                return ascii_after(c, end + 1);
            }
            let Some(start) = group_body(c, at, end) else {
                return false;
            };
            alternatives(c, start, end)
                .iter()
                .all(|&(s, _)| ascii_after(c, s))
        }
        Some('[') => class_is_ascii(c, at),
        // `\w`, `\p{Lu}`, `\pL` take accented letters; `\d`, `\s` and the escaped
        // punctuation are ASCII in the texts read.
        Some('\\') => !matches!(c.get(at + 1), Some('w' | 'p' | 'P' | 'X')),
        Some(ch) => ch.is_ascii(),
    }
}

/// True when what the pattern matches right before `at` ends with an ASCII character.
fn ascii_before(c: &[char], at: usize) -> bool {
    let mut j = at;
    // A quantifier repeats what stands before it.
    loop {
        match j.checked_sub(1).map(|k| c[k]) {
            Some('?' | '*' | '+') => j -= 1,
            Some('}') => match c[..j].iter().rposition(|&x| x == '{') {
                Some(p) => j = p,
                None => return false,
            },
            _ => break,
        }
    }
    let Some(k) = j.checked_sub(1) else {
        return true;
    };
    // `\p{Lu}`, `\pL`, `\w` end with a letter that may be accented.
    let escaped = |i: usize| i >= 1 && c[i - 1] == '\\';
    if escaped(k) && matches!(c[k], 'w' | 'X' | 'p' | 'P')
        || escaped(k.saturating_sub(1)) && matches!(c[k - 1], 'p' | 'P')
        || c[k] == '}'
            && c[..k]
                .iter()
                .rposition(|&x| x == '{')
                .is_some_and(|o| o >= 2 && c[o - 2] == '\\')
    {
        return false;
    }
    match c[k] {
        ')' => {
            let Some(start) = opening(c, k) else {
                return false;
            };
            if is_flags(c, start, k) {
                return ascii_before(c, start);
            }
            let Some(s) = group_body(c, start, k) else {
                return false;
            };
            alternatives(c, s, k)
                .iter()
                .all(|&(_, e)| ascii_before(c, e))
        }
        ']' => match c[..k].iter().rposition(|&x| x == '[') {
            Some(p) => class_is_ascii(c, p),
            None => false,
        },
        ch => ch.is_ascii(),
    }
}

/// A class of ASCII members; a negated class, like `.`, says nothing of the letter beside.
fn class_is_ascii(c: &[char], at: usize) -> bool {
    let end = c[at..].iter().position(|&x| x == ']').map(|p| at + p);
    match end {
        Some(e) => c[at..e].iter().all(|ch| ch.is_ascii()),
        None => false,
    }
}

/// Where the alternatives of the group from `open` to `close` begin: after `(`, or after the
/// `:` that ends the flags of `(?:`, `(?i:`, `(?-u:`.
fn group_body(c: &[char], open: usize, close: usize) -> Option<usize> {
    if c.get(open + 1) != Some(&'?') {
        return Some(open + 1);
    }
    c[open..close]
        .iter()
        .position(|&x| x == ':')
        .map(|p| open + p + 1)
}

/// `(?i)`, `(?m)`: flags, matching nothing.
fn is_flags(c: &[char], open: usize, close: usize) -> bool {
    c.get(open + 1) == Some(&'?') && !c[open..close].contains(&':')
}

/// The top-level alternatives `(start, end)` between `start` and `end`.
fn alternatives(c: &[char], start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let (mut depth, mut from, mut i, mut in_class) = (0i32, start, start, false);
    while i < end {
        match c[i] {
            '\\' => i += 1,
            '[' if !in_class => in_class = true,
            ']' if in_class => in_class = false,
            '(' if !in_class => depth += 1,
            ')' if !in_class => depth -= 1,
            '|' if !in_class && depth == 0 => {
                out.push((from, i));
                from = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    out.push((from, end));
    out
}

fn closing(c: &[char], open: usize) -> Option<usize> {
    let (mut depth, mut i, mut in_class) = (0i32, open, false);
    while i < c.len() {
        match c[i] {
            '\\' => i += 1,
            '[' if !in_class => in_class = true,
            ']' if in_class => in_class = false,
            '(' if !in_class => depth += 1,
            ')' if !in_class => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

fn opening(c: &[char], close: usize) -> Option<usize> {
    (0..close)
        .rev()
        .find(|&s| c[s] == '(' && (s == 0 || c[s - 1] != '\\') && closing(c, s) == Some(close))
}

#[cfg(test)]
mod tests {
    use super::ascii_boundaries as a;

    #[test]
    fn ascii_neighbours_become_ascii() {
        assert_eq!(a(r"\bpour\b"), r"(?-u:\b)pour(?-u:\b)");
        assert_eq!(
            a(r"\b(?:pour|contre)s?\b"),
            r"(?-u:\b)(?:pour|contre)s?(?-u:\b)"
        );
        assert_eq!(a(r"\b\d{2}\b"), r"(?-u:\b)\d{2}(?-u:\b)");
        assert_eq!(a(r"[a-z]\b"), r"[a-z](?-u:\b)");
    }

    #[test]
    fn accented_neighbours_keep_unicode_or_take_half_boundaries() {
        for (pattern, want) in [
            (r"\bà\s+la", r"(?-u:\b{start-half})à\s+la"),
            (r"[ée]\b", r"[ée](?-u:\b{end-half})"),
            (r"[ée]\b\s", r"[ée]\b\s"),
            (
                r"\b(?:à|au)\b",
                r"(?-u:\b{start-half})(?:à|au)(?-u:\b{end-half})",
            ),
            (r"(?:adopt[ée]\b)", r"(?:adopt[ée](?-u:\b{end-half}))"),
            (r"adopt[ée]?\b|x", r"adopt[ée]?(?-u:\b{end-half})|x"),
            (r"(?:élue|maire)\b", r"(?:élue|maire)(?-u:\b)"),
            (r"[^\n]\b", r"[^\n](?-u:\b)"),
            (r"(?i)\bpour", r"(?i)(?-u:\b)pour"),
            (r"(?i)\bà", r"(?i)(?-u:\b{start-half})à"),
            (
                r"(?i)x|\b(?:adopte|émet)",
                r"(?i)x|(?-u:\b{start-half})(?:adopte|émet)",
            ),
            (r"\\b", r"\\b"),
            (
                r"\b(?:\p{Lu} ){3,}\p{Lu}\b",
                r"(?-u:\b{start-half})(?:\p{Lu} ){3,}\p{Lu}(?-u:\b{end-half})",
            ),
            (r"x\w\b\s", r"x\w\b\s"),
            (r"x\pL\b\s", r"x\pL\b\s"),
            (r"\d\b", r"\d(?-u:\b)"),
        ] {
            assert_eq!(a(pattern), want, "{pattern}");
        }
    }

    #[test]
    fn same_matches_on_french_text() {
        let text = "Le Conseil, à la majorité, décide : pour 12, contre 3 ; élu à l'unanimité. \
                    Il a décidé (déjà) et émet un avis ; adoptées, décidées.";
        for p in [
            r"\bpour\b",
            r"(?i)\b(?:adopt[ée]e?s?|d[ée]cid[ée]|émet|[ée]lu)\b",
            r"\bà\s+l'unanimité\b",
            r"(?i)\bd[ée]j[àa]\b",
            r"\bà\s+la\s+majorit",
            r"(?i)\b(?:pour|contre)\s*\d+\b",
            r"\bunanimit[ée]\b",
        ] {
            let ranges = |pattern: &str| -> Vec<_> {
                let r = regex::Regex::new(pattern).unwrap();
                r.find_iter(text).map(|m| m.range()).collect()
            };
            assert_eq!(ranges(p), ranges(&a(p)), "{p}");
        }
    }
}
