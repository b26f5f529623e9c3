//! Which rules were in force on a day: the normal CGCT rules, or a temporary COVID-19 regime
//! (`data/regimes.tsv`), and whether the day is near a change of regime.

use std::sync::LazyLock;

/// How the quorum is reckoned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Quorum {
    /// More than half of the members in office present (L2121-17).
    Half,
    /// A third of the members in office present or represented.
    Third,
}

#[derive(Debug, Clone)]
pub struct Regime {
    pub from: Option<i64>,
    pub to: Option<i64>,
    pub quorum: Quorum,
    /// Proxies one member may hold.
    pub proxies: usize,
    pub basis: String,
    /// Findings of quorum and proxies are only warnings in this period.
    pub warn_only: bool,
}

impl Regime {
    fn normal() -> Regime {
        Regime {
            from: None,
            to: None,
            quorum: Quorum::Half,
            proxies: 1,
            basis: "CGCT L2121-17, L2121-20".into(),
            warn_only: false,
        }
    }
}

/// The day number of an ISO date (days since 1970-01-01), for differences between dates.
pub fn day_number(iso: &str) -> Option<i64> {
    let (y, m, d) = crate::legal::link::ymd(iso)?;
    Some(crate::grammar::days_from_civil(y, m, d))
}

static REGIMES: LazyLock<Vec<Regime>> = LazyLock::new(|| {
    include_str!("../../data/regimes.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            let [from, to, quorum, proxies, basis, warn] = f[..] else {
                return None;
            };
            Some(Regime {
                from: day_number(from),
                to: day_number(to),
                quorum: if quorum == "third" {
                    Quorum::Third
                } else {
                    Quorum::Half
                },
                proxies: proxies.parse().ok()?,
                basis: basis.into(),
                warn_only: warn == "warn",
            })
        })
        .collect()
});

/// Days around a change of regime when a finding that depends on it is only a warning.
const NEAR: i64 = 2;

/// The regime in force on `date` (ISO), and whether `date` is within two days of a change.
pub fn on(date: Option<&str>) -> (Regime, bool) {
    let Some(day) = date.and_then(day_number) else {
        return (Regime::normal(), false);
    };
    let near = REGIMES.iter().any(|r| {
        let starts = r.from.map(|f| (day - f).abs() <= NEAR);
        let ends = r.to.map(|t| (day - (t + 1)).abs() <= NEAR);
        starts == Some(true) || ends == Some(true)
    });
    let regime = REGIMES
        .iter()
        .find(|r| r.from.is_none_or(|f| f <= day) && r.to.is_none_or(|t| day <= t))
        .cloned()
        .unwrap_or_else(Regime::normal);
    (regime, near)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(
            day_number("2020-03-24").unwrap() - day_number("2020-03-20").unwrap(),
            4
        );
        assert_eq!(
            day_number("2024-03-01").unwrap() - day_number("2024-02-28").unwrap(),
            2
        );
    }

    #[test]
    fn every_regime_loads_and_they_follow_each_other() {
        let rows = include_str!("../../data/regimes.tsv")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .count();
        assert_eq!(REGIMES.len(), rows);
        for w in REGIMES.windows(2) {
            assert_eq!(w[0].to.unwrap() + 1, w[1].from.unwrap());
        }
    }

    #[test]
    fn regimes_by_date_and_their_boundaries() {
        let q = |d| on(Some(d)).0.quorum;
        assert_eq!(q("2019-06-01"), Quorum::Half);
        assert_eq!(q("2020-05-25"), Quorum::Third);
        assert_eq!(q("2020-09-15"), Quorum::Half);
        assert_eq!(q("2021-02-01"), Quorum::Third);
        assert_eq!(q("2021-10-20"), Quorum::Half);
        assert_eq!(q("2022-03-01"), Quorum::Third);
        assert_eq!(q("2023-01-01"), Quorum::Half);
        assert_eq!(on(Some("2022-03-01")).0.proxies, 2);
        // Near a change: 2020-03-22 (two days before the first regime), 2022-08-02.
        assert!(on(Some("2020-03-22")).1);
        assert!(!on(Some("2020-03-21")).1);
        assert!(on(Some("2022-08-02")).1);
        assert!(on(Some("2022-08-03")).1);
        assert!(!on(Some("2022-08-04")).1);
        assert!(on(Some("2020-10-20")).0.warn_only);
    }
}
