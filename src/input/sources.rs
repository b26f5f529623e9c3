//! What a run reads: the command line's paths turned into a stream of inputs.
//!
//! Files are taken as given; folders are walked recursively in sorted order (stable output,
//! memory bounded by the largest folder, not the tree); archives are opened in place; `-`
//! reads one path a line from standard input. Include / exclude globs choose among walked
//! files and archive members, and `--shard K/N` keeps the inputs whose name hashes to K, so
//! that N runs on N machines share an archive without talking to each other.

use super::archive::{self, Limits};
use super::InputError;
use globset::{Glob, GlobSet, GlobSetBuilder};
use std::io::BufRead;
use std::path::{Path, PathBuf};

/// One input to read: a file on disk, a member read out of an archive, or an input that
/// already failed (a folder that cannot be listed, a hostile member).
#[derive(Debug)]
pub struct Job {
    /// The name records carry: the path, or `archive.zip!/member`.
    pub name: String,
    pub data: JobData,
}

#[derive(Debug)]
pub enum JobData {
    File(PathBuf),
    Bytes(Vec<u8>),
    Failed(InputError),
}

/// `--shard K/N`: the K-th of N shares, K from 1 to N.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    pub index: u64,
    pub count: u64,
}

impl std::str::FromStr for Shard {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let (k, n) = s
            .split_once('/')
            .ok_or_else(|| format!("a shard is K/N, such as 2/8, not {s:?}"))?;
        let index: u64 = k.trim().parse().map_err(|_| format!("bad K in {s:?}"))?;
        let count: u64 = n.trim().parse().map_err(|_| format!("bad N in {s:?}"))?;
        if count == 0 || index == 0 || index > count {
            return Err(format!("a shard K/N needs 1 <= K <= N, not {s:?}"));
        }
        Ok(Shard { index, count })
    }
}

impl Shard {
    /// Stable across runs, machines and versions: FNV-1a of the input's name.
    pub fn holds(&self, name: &str) -> bool {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in name.as_bytes() {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        h % self.count == self.index - 1
    }
}

/// Which inputs a run takes.
#[derive(Debug, Default, Clone)]
pub struct Selection {
    include: Option<GlobSet>,
    exclude: Option<GlobSet>,
    pub shard: Option<Shard>,
    pub limits: Limits,
}

fn globset(patterns: &[String]) -> Result<Option<GlobSet>, String> {
    if patterns.is_empty() {
        return Ok(None);
    }
    let mut b = GlobSetBuilder::new();
    for p in patterns {
        // A pattern without a slash matches a file name at any depth, as in .gitignore.
        let p = if p.contains('/') {
            p.clone()
        } else {
            format!("**/{p}")
        };
        b.add(Glob::new(&p).map_err(|e| format!("bad glob {p:?}: {e}"))?);
    }
    b.build().map(Some).map_err(|e| e.to_string())
}

impl Selection {
    pub fn new(
        include: &[String],
        exclude: &[String],
        shard: Option<Shard>,
    ) -> Result<Self, String> {
        Ok(Selection {
            include: globset(include)?,
            exclude: globset(exclude)?,
            shard,
            limits: Limits::default(),
        })
    }

    /// Globs apply to files found by walking a folder and to archive members, by their path
    /// below the folder or inside the archive; a file named on the command line is always read.
    fn globs_take(&self, rel: &str) -> bool {
        let rel = rel.trim_start_matches("./");
        self.include.as_ref().is_none_or(|g| g.is_match(rel))
            && !self.exclude.as_ref().is_some_and(|g| g.is_match(rel))
    }

    fn in_shard(&self, name: &str) -> bool {
        self.shard.is_none_or(|s| s.holds(name))
    }
}

/// Files a walk or an archive takes: every file but annotations and registre's own outputs,
/// so that nothing is lost silently (a Word file or a spreadsheet yields an error record).
pub fn is_document(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    !(lower.ends_with(".json") || lower.ends_with(".ndjson") || lower.ends_with(".facts.md"))
}

fn failed(name: String, kind: &str, message: String) -> Job {
    Job {
        data: JobData::Failed(InputError {
            path: name.clone(),
            format: None,
            sha256: None,
            kind: kind.into(),
            message,
        }),
        name,
    }
}

/// Calls `sink` for every input of `roots`, in order. `-` reads paths from `stdin`.
pub fn enumerate(
    roots: &[PathBuf],
    sel: &Selection,
    stdin: &mut dyn BufRead,
    sink: &mut dyn FnMut(Job),
) {
    for root in roots {
        if root.as_os_str() == "-" {
            let mut line = String::new();
            loop {
                line.clear();
                match stdin.read_line(&mut line) {
                    Ok(0) => break,
                    Ok(_) => {
                        let p = line.trim_end_matches(['\n', '\r']);
                        if !p.is_empty() {
                            root_path(Path::new(p), sel, sink);
                        }
                    }
                    Err(e) => {
                        sink(failed(
                            "-".into(),
                            "io",
                            format!("reading paths from stdin: {e}"),
                        ));
                        break;
                    }
                }
            }
        } else {
            root_path(root, sel, sink);
        }
    }
}

/// How many inputs `roots` hold, found without reading a document, for a progress bar's
/// length: archives are counted from their index; `None` when only reading can tell (a
/// .tar.gz, an archive inside an archive, a list on stdin).
pub fn count(roots: &[PathBuf], sel: &Selection) -> Option<u64> {
    let n = std::cell::Cell::new(0u64);
    let mut unknown = false;
    // A file's count: one input, or what its archive's index lists.
    let mut add = |path: &Path| {
        let name = path.display().to_string();
        match archive::kind(&name) {
            Some(kind) if path.is_file() => match archive::count(path, kind, &wanted(sel)) {
                Some(k) => n.set(n.get() + k),
                None => unknown = true,
            },
            _ => n.set(n.get() + u64::from(sel.in_shard(&name))),
        }
    };
    for root in roots {
        if root.as_os_str() == "-" {
            return None;
        }
        if !root.is_dir() {
            add(root);
            continue;
        }
        walk_files(
            root,
            &mut |path, rel| {
                if sel.globs_take(rel) {
                    add(path);
                }
            },
            &mut |name, _| n.set(n.get() + u64::from(sel.in_shard(&name))),
        );
    }
    (!unknown).then(|| n.get())
}

/// Whether a member of an archive is read: a document, taken by the globs, in the shard.
fn wanted(sel: &Selection) -> impl Fn(&str, &str) -> bool + '_ {
    |member, full| is_document(member) && sel.globs_take(member) && sel.in_shard(full)
}

fn root_path(path: &Path, sel: &Selection, sink: &mut dyn FnMut(Job)) {
    if path.is_dir() {
        walk(path, sel, sink);
    } else {
        file(path, None, sel, sink);
    }
}

/// A file: an archive is opened, anything else is one input. `rel` is its path below a
/// walked folder (globs apply), `None` for a file named on the command line.
fn file(path: &Path, rel: Option<&str>, sel: &Selection, sink: &mut dyn FnMut(Job)) {
    let name = path.display().to_string();
    if let Some(rel) = rel {
        if !sel.globs_take(rel) {
            return;
        }
    }
    match archive::kind(&name) {
        Some(kind) if path.is_file() => {
            archive::read(path, kind, &sel.limits, &wanted(sel), &mut |(
                name,
                bytes,
            )| {
                // An error about the whole archive falls in the shard of the archive's name.
                if !sel.in_shard(&name) {
                    return;
                }
                sink(match bytes {
                    Ok(b) => Job {
                        name,
                        data: JobData::Bytes(b),
                    },
                    Err(e) => Job {
                        name,
                        data: JobData::Failed(e),
                    },
                })
            });
        }
        _ if sel.in_shard(&name) => sink(Job {
            data: JobData::File(path.to_path_buf()),
            name,
        }),
        _ => {}
    }
}

fn walk(root: &Path, sel: &Selection, sink: &mut dyn FnMut(Job)) {
    // Both closures hand jobs on; a RefCell lets them share the sink.
    let sink = std::cell::RefCell::new(sink);
    walk_files(
        root,
        &mut |path, rel| file(path, Some(rel), sel, *sink.borrow_mut()),
        &mut |name, message| {
            if sel.in_shard(&name) {
                (sink.borrow_mut())(failed(name, "io", message));
            }
        },
    );
}

/// Calls `found` with each document file below `root` and its path below `root`, and
/// `unreadable` with each entry that cannot be listed.
fn walk_files(
    root: &Path,
    found: &mut dyn FnMut(&Path, &str),
    unreadable: &mut dyn FnMut(String, String),
) {
    let hidden = |e: &walkdir::DirEntry| {
        e.depth() > 0 && e.file_name().to_str().is_some_and(|n| n.starts_with('.'))
    };
    let walker = walkdir::WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| !hidden(e));
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let name = e.path().unwrap_or(root).display().to_string();
                unreadable(name, e.to_string());
                continue;
            }
        };
        // Symbolic links to files are read; links to folders are not followed (loops).
        let path = entry.path();
        if entry.file_type().is_dir() || !path.is_file() {
            continue;
        }
        if !is_document(&entry.file_name().to_string_lossy()) {
            continue;
        }
        let rel = path.strip_prefix(root).unwrap_or(path).to_string_lossy();
        found(path, &rel);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_parse_and_split() {
        let s: Shard = "2/3".parse().unwrap();
        assert_eq!(s, Shard { index: 2, count: 3 });
        assert!("0/3".parse::<Shard>().is_err());
        assert!("4/3".parse::<Shard>().is_err());
        assert!("x".parse::<Shard>().is_err());
        // Every name falls in exactly one shard.
        for name in ["a.pdf", "b/c.txt", "z.zip!/d.pdf", ""] {
            let n = (1..=3)
                .filter(|k| {
                    Shard {
                        index: *k,
                        count: 3,
                    }
                    .holds(name)
                })
                .count();
            assert_eq!(n, 1, "{name}");
        }
    }

    #[test]
    fn globs_without_slash_match_at_any_depth() {
        let sel = Selection::new(&["*.pdf".into()], &["**/brouillon/**".into()], None).unwrap();
        assert!(sel.globs_take("a.pdf"));
        assert!(sel.globs_take("2021/a.pdf"));
        assert!(!sel.globs_take("2021/a.txt"));
        assert!(!sel.globs_take("2021/brouillon/a.pdf"));
        assert!(Selection::new(&["[".into()], &[], None).is_err());
    }

    #[test]
    fn outputs_and_annotations_are_not_inputs() {
        assert!(!is_document("a.gold.json"));
        assert!(!is_document("out.ndjson"));
        assert!(!is_document("a.facts.md"));
        assert!(is_document("a.pdf"));
        assert!(is_document("a.docx"));
    }
}
