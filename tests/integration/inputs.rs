//! Inputs at scale: hostile PDFs in worker processes, archives, the one-record-per-input
//! invariant, stdin lists, globs and shards.

use super::helpers::*;
use serde_json::Value;
use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("registre-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn records(out: &Output) -> Vec<Value> {
    // NDJSON, or one pretty document for a single file.
    serde_json::Deserializer::from_slice(&out.stdout)
        .into_iter::<Value>()
        .map(|v| v.unwrap())
        .collect()
}

/// `(path, error kind or "document")` of each record.
fn kinds(out: &Output) -> Vec<(String, String)> {
    records(out)
        .iter()
        .map(|r| {
            let path = r["source"]["path"].as_str().unwrap_or("").to_string();
            let kind = r["error"]["kind"]
                .as_str()
                .unwrap_or("document")
                .to_string();
            (path, kind)
        })
        .collect()
}

/// [`kinds`] with the folder `dir` written `D`.
fn kinds_in(out: &Output, dir: &Path) -> Vec<(String, String)> {
    kinds(out)
        .into_iter()
        .map(|(p, k)| (p.replace(&dir.display().to_string(), "D"), k))
        .collect()
}

fn owned(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

fn file_name(p: &str) -> &str {
    p.rsplit(['/', '!']).next().unwrap_or(p)
}

/// Every hostile PDF yields one record, in order, and the run goes on: the self-drawing
/// XObject that overflows pdf-extract's stack and the flate bomb are stopped in their worker.
#[test]
fn hostile_pdfs_each_yield_a_record() {
    let out = bin()
        .args(["parse", "--jobs", "2"])
        .arg(shared().join("corpus/hostile"))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let got: Vec<(String, String)> = kinds(&out)
        .into_iter()
        .map(|(p, k)| (file_name(&p).to_string(), k))
        .collect();
    let expected = [
        ("broken_cycle_pages.pdf", "no_text_layer"),
        ("broken_deep_nesting.pdf", "no_text_layer"),
        ("broken_empty.pdf", "unreadable_pdf"),
        ("broken_enc_userpw.pdf", "encrypted"),
        ("broken_flate_bomb_1GiB.pdf", "memory"),
        ("broken_garbage_content.pdf", "document"),
        ("broken_garbage_flate.pdf", "document"),
        ("broken_random.pdf", "unreadable_pdf"),
        ("broken_truncated.pdf", "unreadable_pdf"),
        ("broken_xobject_recursion.pdf", "crashed"),
        ("broken_xref_prev_loop.pdf", "no_text_layer"),
        ("enc_ownerpw_only.pdf", "document"),
    ];
    assert_eq!(got, owned(&expected));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("12 inputs: 3 documents, 9 errors (crashed 1, encrypted 1, memory 1, no_text_layer 3, unreadable_pdf 3)"),
        "{stderr}"
    );
}

/// A worker that overruns its deadline is killed and the file gets a `timeout` record.
#[test]
fn slow_pdf_times_out() {
    let big = shared().join("corpus/real/lannion/PV_CM_2021-07-05.pdf");
    let out = bin()
        .args(["parse", "--timeout", "0.01"])
        .arg(&big)
        .arg("fixtures/extrait_classic.txt")
        .output()
        .unwrap();
    let got: Vec<String> = kinds(&out).into_iter().map(|(_, k)| k).collect();
    assert_eq!(got, ["timeout", "document"]);
}

/// A zip of `(name, bytes)` members.
fn zip_file(path: &Path, members: &[(&str, &[u8])]) {
    let mut w = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let opts = zip::write::SimpleFileOptions::default();
    for (name, bytes) in members {
        w.start_file(*name, opts).unwrap();
        w.write_all(bytes).unwrap();
    }
    w.finish().unwrap();
}

/// One record per input on a folder mixing good, empty, binary, truncated, encrypted and
/// scanned files and an archive holding good and hostile members.
#[test]
fn one_record_per_input_on_a_mixed_folder() {
    let dir = temp_dir("mixed");
    let classic = std::fs::read(root().join("fixtures/extrait_classic.txt")).unwrap();
    std::fs::write(dir.join("a_good.txt"), &classic).unwrap();
    std::fs::write(dir.join("b_empty.txt"), b"").unwrap();
    std::fs::write(dir.join("c_binary.bin"), [0u8, 159, 146, 150, 0, 1, 2]).unwrap();
    std::fs::write(dir.join("d_truncated.pdf"), b"%PDF-1.4\n1 0 obj <<").unwrap();
    std::fs::copy(
        shared().join("corpus/hostile/broken_enc_userpw.pdf"),
        dir.join("e_encrypted.pdf"),
    )
    .unwrap();
    std::fs::copy(
        root().join("tests/data/scan_stamp_only.pdf"),
        dir.join("f_scan.pdf"),
    )
    .unwrap();
    std::fs::create_dir(dir.join("g_sub")).unwrap();
    std::fs::write(dir.join("g_sub/good.txt"), &classic).unwrap();
    std::fs::write(dir.join(".hidden.txt"), &classic).unwrap();
    std::fs::write(dir.join("h_notes.gold.json"), b"{}").unwrap();
    zip_file(
        &dir.join("i_archive.zip"),
        &[
            ("2023/one.txt", &classic),
            ("../escape.txt", &classic),
            ("2023/two.txt", &classic),
        ],
    );
    let out = bin().arg("parse").arg(&dir).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let got = kinds_in(&out, &dir);
    let expected = [
        ("D/a_good.txt", "document"),
        ("D/b_empty.txt", "empty"),
        ("D/c_binary.bin", "binary"),
        ("D/d_truncated.pdf", "unreadable_pdf"),
        ("D/e_encrypted.pdf", "encrypted"),
        ("D/f_scan.pdf", "no_text_layer"),
        ("D/g_sub/good.txt", "document"),
        ("D/i_archive.zip!/2023/one.txt", "document"),
        ("D/i_archive.zip!/../escape.txt", "unsafe_member"),
        ("D/i_archive.zip!/2023/two.txt", "document"),
    ];
    assert_eq!(got, owned(&expected));
    // The progress bar's length, from the folder and the zip's index: one per record.
    use registre::input::sources::{count, Selection};
    let folder = std::slice::from_ref(&dir);
    assert_eq!(
        count(folder, &Selection::default()),
        Some(expected.len() as u64)
    );

    // A zip inside a zip is opened too; its members are then only known by reading.
    let inner = std::fs::read(dir.join("i_archive.zip")).unwrap();
    zip_file(
        &dir.join("j_yearly.zip"),
        &[("2024/i.zip", &inner), ("x.txt", &classic)],
    );
    assert_eq!(count(folder, &Selection::default()), None);
    let out = bin().arg("parse").arg(&dir).output().unwrap();
    let got = kinds_in(&out, &dir);
    assert_eq!(
        got[expected.len()..],
        owned(&[
            ("D/j_yearly.zip!/2024/i.zip!/2023/one.txt", "document"),
            ("D/j_yearly.zip!/2024/i.zip!/../escape.txt", "unsafe_member"),
            ("D/j_yearly.zip!/2024/i.zip!/2023/two.txt", "document"),
            ("D/j_yearly.zip!/x.txt", "document"),
        ])
    );

    // The same inputs, unordered and on one thread: the same records.
    for extra in [&["--unordered"][..], &["--jobs", "1"], &["--in-process"]] {
        let out = bin().arg("parse").args(extra).arg(&dir).output().unwrap();
        let mut other = kinds(&out);
        other.sort();
        let mut sorted = kinds(&bin().arg("parse").arg(&dir).output().unwrap());
        sorted.sort();
        assert_eq!(other, sorted, "{extra:?}");
    }
}

/// `-` reads the paths from stdin, one a line.
#[test]
fn paths_from_stdin() {
    let mut child = bin()
        .args(["parse", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"fixtures/extrait_classic.txt\n\nfixtures/no_such.txt\r\nfixtures/pv_room_changes.txt\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        kinds(&out),
        owned(&[
            ("fixtures/extrait_classic.txt", "document"),
            ("fixtures/no_such.txt", "io"),
            ("fixtures/pv_room_changes.txt", "document"),
        ])
    );
}

fn names(dir: &Path, extra: &[&str]) -> Vec<String> {
    let out = bin().arg("parse").args(extra).arg(dir).output().unwrap();
    assert!(out.status.success());
    kinds(&out).into_iter().map(|(p, _)| p).collect()
}

/// Shards split the inputs: disjoint, and together all of them.
#[test]
fn shards_partition_the_inputs() {
    let all = names(Path::new("fixtures"), &[]);
    let mut union = BTreeSet::new();
    let mut total = 0;
    for k in 1..=3 {
        let shard = names(Path::new("fixtures"), &["--shard", &format!("{k}/3")]);
        total += shard.len();
        union.extend(shard);
    }
    assert_eq!(total, all.len(), "no input in two shards");
    // The progress bar's count, made without reading a file, agrees.
    use registre::input::sources::{count, Selection};
    // Shards hash names as given: relative, as `names` runs the command from the crate root.
    let fixtures = PathBuf::from("fixtures");
    assert_eq!(
        count(std::slice::from_ref(&fixtures), &Selection::default()),
        Some(all.len() as u64)
    );
    let third = Selection::new(&[], &[], Some("1/3".parse().unwrap())).unwrap();
    let first = names(Path::new("fixtures"), &["--shard", "1/3"]);
    assert_eq!(count(&[fixtures], &third), Some(first.len() as u64));
    assert_eq!(count(&[PathBuf::from("-")], &Selection::default()), None);
    assert_eq!(union, all.into_iter().collect::<BTreeSet<_>>());
    let bad = bin()
        .args(["parse", "--shard", "4/3", "fixtures"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
}

/// Globs choose among walked files and archive members, by their path below the folder.
#[test]
fn include_and_exclude_globs() {
    let got = names(
        Path::new("fixtures"),
        &["--include", "*.pdf", "--exclude", "pv_*"],
    );
    assert!(!got.is_empty());
    assert!(
        got.iter()
            .all(|p| p.ends_with(".pdf") && !p.contains("/pv_")),
        "{got:?}"
    );
    // A file named on the command line is read whatever the globs say.
    let one = names(
        Path::new("fixtures/extrait_classic.txt"),
        &["--include", "*.pdf"],
    );
    assert_eq!(one.len(), 1);
}

/// A .tar.gz is read in place, its members named after it.
#[test]
fn tar_gz_archives_are_read_in_place() {
    let dir = temp_dir("targz");
    let path = dir.join("sittings.tar.gz");
    let gz = flate2::write::GzEncoder::new(
        std::fs::File::create(&path).unwrap(),
        flate2::Compression::default(),
    );
    let mut tar = tar::Builder::new(gz);
    tar.append_path_with_name(root().join("fixtures/extrait_classic.txt"), "2023/a.txt")
        .unwrap();
    tar.append_path_with_name(root().join("fixtures/pv_room_changes.txt"), "2024/b.txt")
        .unwrap();
    tar.into_inner().unwrap().finish().unwrap();
    let out = bin().arg("parse").arg(&path).output().unwrap();
    assert_eq!(
        kinds_in(&out, &dir),
        owned(&[
            ("D/sittings.tar.gz!/2023/a.txt", "document"),
            ("D/sittings.tar.gz!/2024/b.txt", "document"),
        ])
    );
}

/// `registre text` extracts a PDF in a worker too: a hostile one is an error, not an abort.
#[test]
fn text_of_a_hostile_pdf_is_an_error() {
    let out = bin()
        .arg("text")
        .arg(shared().join("corpus/hostile/broken_xobject_recursion.pdf"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("(crashed)"));
}
