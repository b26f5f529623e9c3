//! registre's integration tests: golden outputs of the fixtures, the JSON schema of the
//! contract, the seed document's gold facts, the command line, and robustness on the real
//! documents of the shared corpus (read in place, never written).
//!
//! `REGISTRE_BLESS=1 cargo test` rewrites the golden files; read every diff before committing.

#[path = "integration/export.rs"]
mod export;
#[path = "integration/property.rs"]
mod property;

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

#[path = "integration/inputs.rs"]
mod inputs;
#[path = "integration/variants.rs"]
mod variants;

mod helpers {
    use super::*;

    /// The crate's root (cargo runs tests from there).
    pub fn root() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
    }

    /// The shared corpus folder, `../shared` beside the checkout unless REGISTRE_SHARED says.
    pub fn shared() -> PathBuf {
        let p = std::env::var_os("REGISTRE_SHARED")
            .map(PathBuf::from)
            .unwrap_or_else(|| root().join("../shared"));
        assert!(
            p.join("schema/document.schema.json").exists(),
            "the shared corpus is not at {} (set REGISTRE_SHARED)",
            p.display()
        );
        p
    }

    /// Parses one file as the command does, with the path relative to the crate root, and
    /// returns the record as JSON.
    pub fn parse(rel: &str) -> Value {
        let mut v = parse_abs(&root().join(rel));
        // Golden files name the fixture as a command run from the crate root would.
        v["source"]["path"] = Value::String(rel.to_string());
        if let Some(e) = v.get_mut("error") {
            if let Some(m) = e.get_mut("message") {
                *m = Value::String(
                    m.as_str()
                        .unwrap_or("")
                        .replace(&root().display().to_string(), "."),
                );
            }
        }
        v
    }

    pub fn parse_abs(path: &Path) -> Value {
        match registre::batch::process(path) {
            registre::batch::Record::Document(d) => serde_json::to_value(&*d).unwrap(),
            registre::batch::Record::Error(e) => serde_json::to_value(e.to_record()).unwrap(),
        }
    }

    pub fn fixtures() -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(root().join("fixtures"))
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| [".txt", ".pdf", ".doc"].iter().any(|e| n.ends_with(e)))
            .collect();
        v.sort();
        v
    }

    pub fn validator() -> jsonschema::Validator {
        let schema: Value = serde_json::from_str(
            &std::fs::read_to_string(shared().join("schema/document.schema.json")).unwrap(),
        )
        .unwrap();
        jsonschema::validator_for(&schema).expect("the contract's schema compiles")
    }

    /// The schema of registre's additions, as `registre schema` prints it.
    pub fn additions_validator() -> jsonschema::Validator {
        let out = bin().arg("schema").output().unwrap();
        assert!(out.status.success());
        let schema: Value = serde_json::from_slice(&out.stdout).unwrap();
        jsonschema::validator_for(&schema).expect("registre's schema compiles")
    }

    pub fn assert_valid(v: &jsonschema::Validator, doc: &Value, what: &str) {
        let errors: Vec<String> = v
            .iter_errors(doc)
            .map(|e| format!("{} at {}", e, e.instance_path))
            .collect();
        assert!(
            errors.is_empty(),
            "{what} does not follow the contract:\n{}",
            errors.join("\n")
        );
    }

    pub fn bin() -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_registre"));
        c.current_dir(root());
        c
    }

    /// Tokens of a name, as the scorer compares them: upper case, no accents, no civility.
    pub fn tokens(name: &str) -> Vec<String> {
        registre::names::name_key(name)
    }

    pub fn same_person(a: &str, b: &str) -> bool {
        let (ta, tb) = (tokens(a), tokens(b));
        !ta.is_empty() && (ta.iter().all(|t| tb.contains(t)) || tb.iter().all(|t| ta.contains(t)))
    }
}

use helpers::*;

/// Every fixture's output equals its golden file (REGISTRE_BLESS=1 rewrites them).
#[test]
fn golden_fixtures() {
    let bless = std::env::var_os("REGISTRE_BLESS").is_some();
    let mut failures = Vec::new();
    for name in fixtures() {
        let out = parse(&format!("fixtures/{name}"));
        let golden = root()
            .join("fixtures")
            .join(format!("{}.json", name.rsplit_once('.').unwrap().0));
        let text = serde_json::to_string_pretty(&out).unwrap() + "\n";
        if bless {
            std::fs::write(&golden, &text).unwrap();
            continue;
        }
        match std::fs::read_to_string(&golden) {
            Ok(want) if want == text => {}
            Ok(_) => failures.push(format!("{name}: output differs from {}", golden.display())),
            Err(_) => failures.push(format!("{name}: no golden file {}", golden.display())),
        }
    }
    assert!(
        failures.is_empty(),
        "golden mismatches (REGISTRE_BLESS=1 cargo test to rewrite, then read the diff):\n{}",
        failures.join("\n")
    );
}

/// Every fixture's output follows the contract's JSON schema.
#[test]
fn fixtures_follow_the_schema() {
    let v = validator();
    // The keys registre adds, as `registre schema` prints them.
    let ours = additions_validator();
    assert!(!ours.is_valid(&serde_json::json!({"deliberations": [{"kind": "nope"}]})));
    for name in fixtures() {
        let out = parse(&format!("fixtures/{name}"));
        if out.get("error").is_some() {
            continue;
        }
        assert_valid(&v, &out, &name);
        assert_valid(&ours, &out, &format!("{name} (registre's additions)"));
    }
}

/// Every real document of the dev corpus parses into a document that follows the schema.
#[test]
fn dev_corpus_follows_the_schema() {
    let v = validator();
    let ours = additions_validator();
    let dev = shared().join("corpus/dev");
    let mut n = 0;
    for e in std::fs::read_dir(&dev).unwrap() {
        let p = e.unwrap().path();
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        if name.ends_with(".gold.json") {
            continue;
        }
        let out = parse_abs(&p);
        assert!(
            out.get("error").is_none(),
            "{name} gave an error record: {out}"
        );
        assert_valid(&v, &out, &name);
        assert_valid(&ours, &out, &format!("{name} (registre's additions)"));
        n += 1;
    }
    assert!(n >= 20, "expected the dev corpus, found {n} documents");
}

/// The seed extract is parsed with every gold fact right.
#[test]
fn seed_has_every_gold_fact() {
    let dev = shared().join("corpus/dev");
    let gold: Value = serde_json::from_str(
        &std::fs::read_to_string(dev.join("seed_aubry_du_hainaut.gold.json")).unwrap(),
    )
    .unwrap();
    let doc = parse_abs(&dev.join("seed_aubry_du_hainaut.txt"));
    let s = |v: &Value| v.as_str().map(str::to_string);
    assert_eq!(s(&doc["session"]["date"]), s(&gold["session_date"]));
    assert_eq!(s(&doc["session"]["time"]), s(&gold["session_time"]));
    assert_eq!(
        s(&doc["session"]["convocation_date"]),
        s(&gold["convocation_date"])
    );
    assert!(same_person(
        doc["session"]["president"]["name"].as_str().unwrap(),
        gold["president"].as_str().unwrap()
    ));
    assert!(same_person(
        doc["session"]["secretary"]["name"].as_str().unwrap(),
        gold["secretary"].as_str().unwrap()
    ));
    for (ours, theirs) in [
        ("in_office", "in_office"),
        ("present", "present"),
        ("represented", "represented"),
        ("voting", "voting"),
    ] {
        assert_eq!(doc["attendance"][ours], gold[theirs], "{ours}");
    }
    assert_eq!(doc["body"]["name"].as_str(), gold["body_name"].as_str());
    assert_eq!(doc["body"]["kind"], gold["body_kind"]);
    assert_eq!(doc["document_kind"], gold["kind"]);
    for list in ["present_members", "absent_members"] {
        let ours: Vec<&str> = doc["attendance"][list]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["name"].as_str().unwrap())
            .collect();
        let theirs: Vec<&str> = gold[list]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p.as_str().unwrap())
            .collect();
        assert_eq!(ours.len(), theirs.len(), "{list}: {ours:?}");
        for t in theirs {
            assert!(
                ours.iter().any(|o| same_person(o, t)),
                "{list}: {t} missing from {ours:?}"
            );
        }
    }
    let proxies = doc["attendance"]["proxies"].as_array().unwrap();
    let gold_proxies = gold["proxies"].as_array().unwrap();
    assert_eq!(proxies.len(), gold_proxies.len());
    for g in gold_proxies {
        assert!(
            proxies.iter().any(|p| same_person(
                p["from"].as_str().unwrap(),
                g[0].as_str().unwrap()
            ) && same_person(
                p["to"].as_str().unwrap(),
                g[1].as_str().unwrap()
            )),
            "proxy {g}"
        );
    }
    let items = doc["deliberations"].as_array().unwrap();
    assert_eq!(items.len(), 1);
    let (d, g) = (&items[0], &gold["deliberations"][0]);
    assert_eq!(d["number"], g["number"]);
    assert_eq!(d["subject"], g["subject"]);
    assert_eq!(d["vote"]["for"], g["for"]);
    assert_eq!(d["vote"]["against"], g["against"]);
    assert_eq!(d["vote"]["abstention"], g["abstention"]);
    assert_eq!(d["vote"]["unanimous"], g["unanimous"]);
    assert_eq!(d["outcome"], "adopted");
    assert_eq!(
        d["decisions"].as_array().unwrap().len(),
        4,
        "the four points after 'décide :'"
    );
    assert_eq!(doc["publication"]["signed"], gold["signed_date"]);
    assert_eq!(doc["publication"]["transmitted"], gold["transmitted_date"]);
    assert_eq!(doc["publication"]["published"], gold["published_date"]);
    let mut refs: Vec<String> = Vec::new();
    let collect = |r: &Value, refs: &mut Vec<String>| {
        for x in r.as_array().unwrap() {
            match x["kind"].as_str().unwrap() {
                "code_article" => refs.push(format!(
                    "{} {}",
                    x["code"].as_str().unwrap(),
                    x["article"].as_str().unwrap()
                )),
                k => refs.push(format!("{k} {}", x["number"].as_str().unwrap_or(""))),
            }
        }
    };
    collect(&doc["legal_references"], &mut refs);
    collect(&items[0]["legal_references"], &mut refs);
    refs.sort();
    refs.dedup();
    assert_eq!(
        refs,
        [
            "CGCT L2121-15",
            "CGCT L5211-17",
            "CGCT L5211-5",
            "loi 2013-595"
        ]
    );
}

/// Spans point at the words: the sitting's date span covers the date as written.
#[test]
fn spans_point_at_the_words() {
    let dev = shared().join("corpus/dev");
    let raw = std::fs::read_to_string(dev.join("seed_aubry_du_hainaut.txt")).unwrap();
    let text = registre::normalize::normalize(&raw);
    let doc = serde_json::to_value(registre::parse::parse_normalized(&text)).unwrap();
    let sp = &doc["session"]["date_span"];
    let (a, b) = (
        sp["start"].as_u64().unwrap() as usize,
        sp["end"].as_u64().unwrap() as usize,
    );
    assert!(
        text.as_str()[a..b].to_lowercase().contains("avril"),
        "{}",
        &text.as_str()[a..b]
    );
    for p in doc["attendance"]["present_members"].as_array().unwrap() {
        let (a, b) = (
            p["span"]["start"].as_u64().unwrap() as usize,
            p["span"]["end"].as_u64().unwrap() as usize,
        );
        assert!(
            text.as_str()[a..b].contains(p["name"].as_str().unwrap()),
            "span of {}",
            p["name"]
        );
    }
}

/// One file prints one pretty document; several print NDJSON in order, one record each, an
/// unreadable input gives an error record and a non-zero exit code, and the run goes on.
#[test]
fn command_line_records_and_exit_codes() {
    let out = bin()
        .args(["parse", "fixtures/extrait_classic.txt"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["source"]["path"], "fixtures/extrait_classic.txt");
    assert!(
        String::from_utf8_lossy(&out.stdout).lines().count() > 10,
        "pretty JSON for one file"
    );

    let dir = std::env::temp_dir().join(format!("registre-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("a_truncated.pdf"), b"%PDF-1.4\n1 0 obj <<").unwrap();
    std::fs::write(dir.join("b_empty.txt"), b"").unwrap();
    std::fs::write(dir.join("c_binary.txt"), [0u8, 159, 146, 150, 0, 1, 2]).unwrap();
    std::fs::copy(
        root().join("fixtures/extrait_classic.txt"),
        dir.join("d_good.txt"),
    )
    .unwrap();
    // A batch that wrote a record for every input succeeds, and its summary says what failed;
    // --fail-on-error makes the exit code say it too.
    let batch = |extra: &[&str]| {
        bin()
            .arg("parse")
            .args(extra)
            .arg(&dir)
            .arg("fixtures/no_such_file.txt")
            .output()
            .unwrap()
    };
    assert_eq!(batch(&["--fail-on-error"]).status.code(), Some(1));
    let out = batch(&[]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "a batch that finished: exit code 0"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(
            "5 inputs: 1 documents, 4 errors (binary 1, empty 1, io 1, unreadable_pdf 1), 1 sittings, 1 items"
        ),
        "{stderr}"
    );
    let lines: Vec<Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 5, "one record per input");
    let kinds: Vec<String> = lines
        .iter()
        .map(|l| {
            l["error"]["kind"]
                .as_str()
                .unwrap_or("document")
                .to_string()
        })
        .collect();
    assert_eq!(
        kinds,
        ["unreadable_pdf", "empty", "binary", "document", "io"]
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("a_truncated.pdf") && stderr.contains("no_such_file.txt"),
        "stderr names the files: {stderr}"
    );

    let out_file = dir.join("out.ndjson");
    let st = bin()
        .args([
            "parse",
            "fixtures/extrait_classic.txt",
            "fixtures/cr_compte_rendu.txt",
            "--output",
        ])
        .arg(&out_file)
        .status()
        .unwrap();
    assert!(st.success());
    assert_eq!(
        std::fs::read_to_string(&out_file).unwrap().lines().count(),
        2
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// `registre refs`: one CSV row per reference with its resolution and address; `--count`
/// groups them by text and article.
/// A text that outlasts the parse deadline gives a `timeout` record, and the batch goes on.
#[test]
fn parse_deadline_gives_a_timeout_record() {
    let dir = std::env::temp_dir().join(format!("registre-deadline-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let long = "M. Jean DUPONT donne pouvoir à Mme Claire MARTIN, ".repeat(100_000);
    std::fs::write(dir.join("a_long.txt"), long).unwrap();
    std::fs::copy(
        root().join("fixtures/extrait_classic.txt"),
        dir.join("b_good.txt"),
    )
    .unwrap();
    let out = bin()
        .args(["parse", "--parse-timeout", "0.001"])
        .arg(&dir)
        .output()
        .unwrap();
    let records: Vec<Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), 2);
    assert_eq!(records[0]["error"]["kind"], "timeout");
    assert!(records[0]["source"]["path"]
        .as_str()
        .unwrap()
        .ends_with("a_long.txt"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn refs_command_lists_and_counts() {
    let out = bin()
        .args([
            "refs",
            "--format",
            "csv",
            "fixtures/extrait_visas_short_forms.txt",
            "fixtures/extrait_legal_refs.txt",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let mut lines = text.lines();
    assert!(lines
        .next()
        .unwrap()
        .starts_with("path,line,page,item,kind,cited,article"));
    let rows: Vec<&str> = lines.collect();
    let row = |needle: &str| {
        rows.iter()
            .find(|r| r.contains(needle))
            .unwrap_or_else(|| panic!("no row with {needle}:\n{text}"))
    };
    assert!(row("de la loi précitée").contains(",loi n° 84-53 du 1984-01-26,3,"));
    assert!(row("(implicit)").contains(",CGCT,L2122-21,"));
    assert!(row("dudit décret").contains("eli/decret/1988/2/15/88-145"));
    assert!(row("INTB2008208C").contains(",other,circulaire"));
    assert!(row(",R512-14,R512-25,").contains("LEGITEXT000025503132"));

    let out = bin()
        .args(["refs", "--count", "--format", "csv", "fixtures/"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("cited,article,references,documents,url\n"));
    // Most cited first: L2121-29 of the CGCT is in several fixtures.
    let counts: Vec<usize> = text
        .lines()
        .skip(1)
        .map(|l| l.split(',').nth(2).unwrap().parse().unwrap())
        .collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{text}");
    assert!(text.contains("CGCT,L2121-29,"), "{text}");
}

/// `registre check`: rustc-style findings, JSON lines, GitHub annotations; rules chosen with
/// `--rule` / `--skip`; exit 1 for findings at or above `--deny`, 2 for an unreadable input.
#[test]
fn check_command_formats_and_exit_codes() {
    let run = |args: &[&str]| {
        let out = bin().arg("check").args(args).output().unwrap();
        (
            out.status.code(),
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    };
    let bad = "fixtures/extrait_check_findings.txt";
    let (code, out, _) = run(&[bad]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("error[TALLY]: 8 pour + 2 contre + 0 abstention = 10, but votants = 9\n"));
    assert!(out.contains(&format!("--> {bad}:37:1\n")), "{out}");
    assert!(
        out.contains("37 | Pour : 8 – Contre : 2 – Abstention : 0\n"),
        "{out}"
    );
    assert!(out.contains("   | ^^^^^^^^"), "{out}");
    assert!(out.contains("= deliberation 2024-009; arithmetic"), "{out}");
    assert!(out.ends_with(
        "checked 1 file(s): 1 sitting(s), 1 item(s); 5 finding(s) (CONVOCATION 1, PROXY 1, QUORUM 1, TALLY 1, UNANIMITY 1)\n"
    ), "{out}");

    let (code, out, err) = run(&["--format", "json", bad]);
    assert_eq!(code, Some(1));
    let rules: Vec<String> = out
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["rule"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(
        rules,
        ["QUORUM", "PROXY", "TALLY", "UNANIMITY", "CONVOCATION"]
    );
    assert!(
        err.contains("5 finding(s)"),
        "the summary goes to stderr: {err}"
    );

    let (_, out, _) = run(&["--format", "github", "--rule", "quorum", bad]);
    assert_eq!(
        out,
        format!("::error file={bad},line=11,col=12,endColumn=13,title=QUORUM (CGCT L2121-17)::présents 7, but the quorum of 15 members in office is 8 (more than half)\n")
    );

    let (code, out, _) = run(&["--skip", "QUORUM,PROXY,TALLY,UNANIMITY,CONVOCATION", bad]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("0 finding(s)"));

    // A warning fails the run only with --deny warning.
    let warned = "fixtures/extrait_counts_one_line.txt";
    assert_eq!(run(&[warned]).0, Some(0));
    assert_eq!(run(&["--deny", "warning", warned]).0, Some(1));

    assert_eq!(run(&["fixtures/no_such_file.txt"]).0, Some(2));
    assert_eq!(run(&["--rule", "NOPE", bad]).0, Some(2));
}

/// `registre check --format sarif` writes SARIF 2.1.0 that the OASIS schema accepts.
#[test]
fn sarif_output_follows_the_schema() {
    let out = bin()
        .args(["check", "--format", "sarif", "fixtures/"])
        .output()
        .unwrap();
    let log: Value = serde_json::from_slice(&out.stdout).unwrap();
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/data/sarif-schema-2.1.0.json")).unwrap(),
    )
    .unwrap();
    let v = jsonschema::validator_for(&schema).expect("the SARIF schema compiles");
    // The schema does reject what is not SARIF.
    assert!(!v.is_valid(&serde_json::json!({"runs": []})));
    assert!(!v.is_valid(&serde_json::json!({"version": "2.1.0", "runs": [{"results": []}]})));
    let errors: Vec<String> = v
        .iter_errors(&log)
        .map(|e| format!("{e} at {}", e.instance_path))
        .collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert!(results.len() >= 5, "{log}");
    assert!(results.iter().any(|r| r["ruleId"] == "QUORUM"
        && r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            == "fixtures/extrait_check_findings.txt"));
}

/// A scan with no text layer, or only a repeated stamp, is an error record, not an empty
/// document.
#[test]
fn scans_have_no_text_layer() {
    let out = parse("tests/data/scan_stamp_only.pdf");
    assert_eq!(out["error"]["kind"], "no_text_layer", "{out}");
}

/// A PDF whose form XObject draws itself makes pdf-extract recurse until the stack overflows:
/// the process dies unless the extraction runs apart from it. `registre parse` must still give
/// exactly one record, alone and in a folder beside a good input.
#[test]
fn self_drawing_xobject_gives_one_record() {
    let out = bin()
        .args(["parse", "tests/data/fuzz/xobject_draws_itself.pdf"])
        .output()
        .unwrap();
    assert!(
        matches!(out.status.code(), Some(0) | Some(1)),
        "exit status {:?}; stderr:\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).expect("one JSON record");
    assert_eq!(v["error"]["kind"], "crashed", "{v}");

    let dir = std::env::temp_dir().join(format!("registre-xobject-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(
        root().join("tests/data/fuzz/xobject_draws_itself.pdf"),
        dir.join("a.pdf"),
    )
    .unwrap();
    std::fs::copy(
        root().join("fixtures/extrait_classic.txt"),
        dir.join("b.txt"),
    )
    .unwrap();
    let out = bin().arg("parse").arg(&dir).output().unwrap();
    let lines: Vec<Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2, "one record per input");
    assert!(
        lines[1]["error"].is_null(),
        "the good input still gives its document"
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// Every text and PDF file of the shared corpus gives a document or an error record, without
/// a panic escaping.
#[test]
fn real_corpus_never_panics() {
    let real = shared().join("corpus/real");
    let dev = shared().join("corpus/dev");
    let n = count_files(&real) + count_files(&dev);
    let inputs = registre::batch::expand(&[real, dev]);
    let mut records = 0;
    registre::batch::run(inputs, |_| records += 1);
    assert_eq!(records, n);
    assert!(n > 300);
}

/// Document files below a folder, counted apart from the code under test.
fn count_files(dir: &std::path::Path) -> usize {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| !p.file_name().unwrap().to_string_lossy().starts_with('.'))
        .map(|p| {
            if p.is_dir() {
                count_files(&p)
            } else {
                registre::batch::is_document(&p.file_name().unwrap().to_string_lossy()) as usize
            }
        })
        .sum()
}

/// `parse_text`'s findings: each input under `tests/data/fuzz/*.txt` gives a document, the
/// whole way `registre parse` takes (decoding, normalization, parse, checks).
/// - `heading_title_cut_inside_a_character.txt`: the title of an item missing from a chain of
///   headings was compared by its first 30 bytes, cut inside an "ã".
#[test]
fn fuzz_text_findings_parse() {
    let dir = root().join("tests/data/fuzz");
    let mut n = 0;
    for e in std::fs::read_dir(&dir).unwrap() {
        let p = e.unwrap().path();
        if p.extension().and_then(|x| x.to_str()) != Some("txt") {
            continue;
        }
        let data = std::fs::read(&p).unwrap();
        let src = registre::input::from_bytes("fuzz.txt", &data).expect("a text input");
        let (doc, text) = registre::parse::parse_keeping_text(&src);
        let _ = registre::check::run(&doc, text.as_str());
        assert!(serde_json::to_string(&doc).is_ok(), "{}", p.display());
        n += 1;
    }
    assert!(n >= 1);
}
