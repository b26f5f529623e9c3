//! `registre export` and `registre members` on the shared corpus: the SCDL CSV passes the
//! official validator and the schema's own checks, the SQLite database answers the newsroom's
//! questions and takes the same documents twice without duplicates, the flat tables and the
//! member records hold together. Outputs go to target/test-export, never to the corpus.

use crate::helpers::{bin, root, shared};
use std::path::PathBuf;

fn out_dir(name: &str) -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target"));
    let d = target.join("test-export").join(name);
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// The SCDL export of the dev corpus and of Montpellier 2014 is valid for frictionless
/// (installed from PyPI in a venv under target/ by tests/scdl-validate.sh) and for the
/// schema's custom checks (sum of votes, dates, SIRET, cohesion, ACTES names).
#[test]
fn scdl_export_passes_frictionless_and_the_custom_checks() {
    let dir = out_dir("scdl");
    let csv = dir.join("deliberations.csv");
    let out = bin()
        .args([
            "export",
            "--format",
            "scdl",
            "--side",
            "tests/data/scdl-side.csv",
        ])
        .arg(shared().join("corpus/dev"))
        .arg(shared().join("corpus/real/montpellier-2014"))
        .arg("--output")
        .arg(&csv)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&csv).unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next().unwrap(),
        "COLL_NOM,COLL_SIRET,DELIB_ID,DELIB_DATE,DELIB_MATIERE_CODE,DELIB_MATIERE_NOM,\
         DELIB_OBJET,BUDGET_ANNEE,BUDGET_NOM,PREF_ID,PREF_DATE,VOTE_EFFECTIF,VOTE_REEL,\
         VOTE_POUR,VOTE_CONTRE,VOTE_ABSTENTION,DELIB_URL"
    );
    assert!(lines.count() > 150, "too few rows:\n{text}");
    let schema = shared().join("corpus/scdl/scdl_deliberations_schema_2.1.5.json");
    let check = std::process::Command::new("bash")
        .arg(root().join("tests/scdl-validate.sh"))
        .arg(&csv)
        .arg(&schema)
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&check.stdout);
    eprintln!("{report}{}", String::from_utf8_lossy(&check.stderr));
    assert!(
        check.status.success(),
        "the SCDL export is not valid:\n{report}"
    );
    assert!(report.contains("frictionless: VALID"), "{report}");
}

fn pierrefonds() -> PathBuf {
    shared().join("corpus/real/pierrefonds")
}

/// The SQLite database of the Pierrefonds sittings answers, in SQL, the number of
/// non-unanimous votes per year and each member's attendance rate; running the export again
/// on the same documents adds nothing.
#[test]
fn sqlite_of_pierrefonds_answers_and_takes_documents_twice() {
    let db = out_dir("sqlite").join("pierrefonds.db");
    let counts = || {
        let c = rusqlite::Connection::open(&db).unwrap();
        [
            "sittings",
            "deliberations",
            "votes",
            "attendance",
            "proxies",
            "legal_references",
        ]
        .map(|t| {
            c.query_row(&format!("SELECT count(*) FROM {t}"), [], |r| {
                r.get::<_, i64>(0)
            })
            .unwrap()
        })
    };
    let mut before = None;
    for _ in 0..2 {
        let out = bin()
            .args(["export", "--format", "sqlite", "--output"])
            .arg(&db)
            .arg(pierrefonds())
            .output()
            .unwrap();
        // Exit 1 only for inputs that could not be read (scans): the rest is written.
        assert!(
            out.status.code() != Some(2),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let now = counts();
        if let Some(b) = before {
            assert_eq!(b, now, "a second run duplicated rows");
        }
        before = Some(now);
    }
    let [sittings, deliberations, votes, attendance, ..] = before.unwrap();
    assert!(sittings > 50 && deliberations > 200 && votes > 1000 && attendance > 500);
    let c = rusqlite::Connection::open(&db).unwrap();
    let mut per_year = c
        .prepare("SELECT year, count(*) FROM non_unanimous_votes GROUP BY year ORDER BY year")
        .unwrap();
    let years: Vec<(String, i64)> = per_year
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    eprintln!("non-unanimous votes per year: {years:?}");
    assert!(years.len() >= 3, "{years:?}");
    assert!(years.iter().all(|(y, n)| y.len() == 4 && *n > 0));
    let mut rates = c
        .prepare(
            "SELECT member, sittings, present, rate FROM attendance_rate \
             WHERE body = 'Pierrefonds' ORDER BY sittings DESC, member",
        )
        .unwrap();
    let rates: Vec<(String, i64, i64, f64)> = rates
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    eprintln!(
        "attendance rates (first 5): {:?}",
        &rates[..rates.len().min(5)]
    );
    assert!(rates.len() >= 15, "{rates:?}");
    assert!(rates
        .iter()
        .all(|(_, s, p, r)| *p <= *s && (0.0..=1.0).contains(r)));
    // A regular member attends most sittings.
    assert!(rates.iter().any(|(_, s, _, r)| *s >= 20 && *r >= 0.8));
}

/// The flat CSV tables: six files, every row as wide as its header, positions from the
/// closed list.
#[test]
fn csv_tables_of_the_dev_corpus() {
    let dir = out_dir("csv");
    let out = bin()
        .args(["export", "--format", "csv", "--output"])
        .arg(&dir)
        .arg(shared().join("corpus/dev"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for name in [
        "sittings",
        "deliberations",
        "votes",
        "attendance",
        "proxies",
        "legal_references",
    ] {
        let mut r = csv::Reader::from_path(dir.join(format!("{name}.csv"))).unwrap();
        let width = r.headers().unwrap().len();
        let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
        assert!(!rows.is_empty(), "{name} is empty");
        assert!(rows.iter().all(|x| x.len() == width), "{name}");
        if name == "votes" {
            let positions = [
                "for",
                "against",
                "abstention",
                "not_taking_part",
                "split",
                "absent",
                "unknown",
            ];
            assert!(rows.iter().all(|x| positions.contains(&&x[4])));
            assert!(rows.iter().any(|x| &x[4] == "against"));
        }
    }
}

/// `registre members` on the Pierrefonds sittings: a table of members, most sittings first,
/// then the names it left apart.
#[test]
fn members_of_pierrefonds() {
    let out = bin().arg("members").arg(pierrefonds()).output().unwrap();
    assert!(
        out.status.code() != Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    let mut lines = text.lines();
    assert!(lines.next().unwrap().starts_with("body"));
    let first = lines.next().unwrap();
    assert!(first.starts_with("Pierrefonds"), "{first}");
    assert!(text.contains("(names left apart)"), "{text}");
    let json = bin()
        .args(["members", "--format", "json"])
        .arg(pierrefonds())
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let members = v["members"].as_array().unwrap();
    // No member is listed present and absent at the same sitting, and every count adds up.
    for m in members {
        let n = |k: &str| m[k].as_array().unwrap().len();
        assert_eq!(
            n("sittings"),
            n("present") + n("represented") + n("absent"),
            "{m}"
        );
    }
}
