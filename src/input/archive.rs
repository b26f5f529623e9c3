//! Zip and tar archives read in place: members are decompressed into memory one at a time and
//! handed on as inputs named `archive.zip!/path/in/archive`; nothing is written to disk.
//!
//! An archive inside an archive (a zip of yearly zips, a tar of zips) is opened in turn, its
//! members named `outer.zip!/2024.zip!/doc.pdf`, down to [`MAX_DEPTH`] archives deep.
//!
//! Archives are untrusted. A member whose name climbs out of the archive (`../`, an absolute
//! path), a link, an encrypted member or one that expands beyond the limits becomes an error
//! record naming the member; the rest of the archive is still read. Sizes declared in headers
//! are never trusted: reads are capped while they happen.

use super::InputError;
use std::fs::File;
use std::io::{self, BufReader, Cursor, Read, Seek};
use std::path::{Component, Path};

/// Caps on what an archive may expand to.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Largest member, expanded.
    pub max_member: u64,
    /// Largest ratio of expanded to compressed size, beyond `ratio_floor` bytes: zip bombs
    /// reach 1000:1, documents rarely 20:1.
    pub max_ratio: u64,
    /// Below this expanded size the ratio is not checked (a short text compresses well).
    pub ratio_floor: u64,
    /// Largest total expanded size of one archive.
    pub max_total: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_member: 256 << 20,
            max_ratio: 200,
            ratio_floor: 4 << 20,
            max_total: 64 << 30,
        }
    }
}

impl Limits {
    /// The most a whole compressed stream (a .tar.gz) of `compressed` bytes may expand to: its
    /// ratio is the only one known, as its members share the stream.
    fn stream_cap(&self, compressed: u64) -> u64 {
        compressed
            .saturating_mul(self.max_ratio)
            .max(self.ratio_floor)
            .min(self.max_total)
    }

    /// The most a member of `compressed` bytes may expand to.
    fn allowed(&self, compressed: u64) -> u64 {
        compressed
            .saturating_mul(self.max_ratio)
            .max(self.ratio_floor)
            .min(self.max_member)
    }
}

/// The kinds of archive registre reads, by file name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Zip,
    Tar,
    TarGz,
}

pub fn kind(name: &str) -> Option<Kind> {
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".zip") {
        Some(Kind::Zip)
    } else if lower.ends_with(".tar") {
        Some(Kind::Tar)
    } else if lower.ends_with(".tar.gz") || lower.ends_with(".tgz") {
        Some(Kind::TarGz)
    } else {
        None
    }
}

/// One member handed on: its full name (`archive!/member`) and its bytes or why it has none.
pub type Member = (String, Result<Vec<u8>, InputError>);

/// What the caller wants of a member, asked before it is decompressed, with the member's path
/// inside its archive and its full name; `false` skips it (not a document, outside the globs
/// or the shard). An archive inside the archive is not asked about: its members are.
pub type Wanted<'a> = &'a dyn Fn(&str, &str) -> bool;

/// How many archives deep members are read: an archive, one inside it, one inside that. A zip
/// that holds itself would otherwise never end.
pub const MAX_DEPTH: usize = 3;

/// What reading one archive and those inside it shares.
struct Reader<'a> {
    limits: &'a Limits,
    wanted: Wanted<'a>,
    sink: &'a mut dyn FnMut(Member),
    /// Archives open around the one being read.
    depth: usize,
    /// Bytes expanded so far, all nested archives included.
    total: u64,
}

/// A member passed over before its bytes are read: junk, or a document not wanted. An archive
/// inside is never asked about: its members are.
fn skipped(wanted: Wanted, raw_name: &str, full: &str) -> bool {
    is_junk(raw_name) || (kind(raw_name).is_none() && !wanted(raw_name, full))
}

impl Reader<'_> {
    /// Hands on a member read whole, or opens it when it is an archive itself.
    fn deliver(&mut self, full: String, raw_name: &str, bytes: Vec<u8>) {
        self.total += bytes.len() as u64;
        let Some(k) = kind(raw_name) else {
            return (self.sink)((full, Ok(bytes)));
        };
        if self.depth + 1 >= MAX_DEPTH {
            let e = error(
                &full,
                "archive_bomb",
                format!("an archive nested {MAX_DEPTH} deep; not opened"),
            );
            return (self.sink)((full, Err(e)));
        }
        self.depth += 1;
        let compressed = bytes.len() as u64;
        match k {
            Kind::Zip => read_zip(&full, Cursor::new(bytes), self),
            Kind::Tar => read_tar(&full, Cursor::new(bytes), u64::MAX, self),
            Kind::TarGz => {
                let gz = flate2::read::MultiGzDecoder::new(Cursor::new(bytes));
                read_tar(&full, gz, self.limits.stream_cap(compressed), self)
            }
        }
        self.depth -= 1;
    }
}

/// Reads every member of the archive at `path`, calling `sink` for each wanted one in archive
/// order. An archive that cannot be opened at all yields one error named after the archive.
pub fn read(
    path: &Path,
    kind: Kind,
    limits: &Limits,
    wanted: Wanted,
    sink: &mut dyn FnMut(Member),
) {
    let name = path.display().to_string();
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) => return sink((name.clone(), Err(error(&name, "io", e.to_string())))),
    };
    let r = &mut Reader {
        limits,
        wanted,
        sink,
        depth: 0,
        total: 0,
    };
    match kind {
        Kind::Zip => read_zip(&name, BufReader::new(file), r),
        Kind::Tar => read_tar(&name, BufReader::new(file), u64::MAX, r),
        Kind::TarGz => {
            let compressed = file.metadata().map(|m| m.len()).unwrap_or(0);
            let gz = flate2::read::MultiGzDecoder::new(BufReader::new(file));
            read_tar(&name, gz, limits.stream_cap(compressed), r)
        }
    }
}

/// How many records reading the archive at `path` will give, from its index alone (a zip's
/// central directory, a plain tar's headers, skipping the data); `None` when only
/// decompressing can tell (a .tar.gz, an archive inside) or the archive is damaged.
pub fn count(path: &Path, kind: Kind, wanted: Wanted) -> Option<u64> {
    let name = path.display().to_string();
    let file = BufReader::new(File::open(path).ok()?);
    let mut n = 0u64;
    let mut take = |raw_name: &str, is_dir: bool| -> Option<()> {
        if self::kind(raw_name).is_some() {
            return None;
        }
        let full = member_name(&name, raw_name);
        n += u64::from(!is_dir && !skipped(wanted, raw_name, &full));
        Some(())
    };
    match kind {
        Kind::Zip => {
            let mut zip = zip::ZipArchive::new(file).ok()?;
            for i in 0..zip.len() {
                let f = zip.by_index_raw(i).ok()?;
                take(f.name(), f.is_dir())?;
            }
        }
        Kind::Tar => {
            let mut tar = tar::Archive::new(file);
            for entry in tar.entries_with_seek().ok()? {
                let entry = entry.ok()?;
                let t = entry.header().entry_type();
                if t.is_pax_global_extensions() || t.is_pax_local_extensions() {
                    continue;
                }
                take(&String::from_utf8_lossy(&entry.path_bytes()), t.is_dir())?;
            }
        }
        Kind::TarGz => return None,
    }
    Some(n)
}

fn error(path: &str, kind: &str, message: String) -> InputError {
    InputError {
        path: path.to_string(),
        format: None,
        sha256: None,
        kind: kind.to_string(),
        message,
    }
}

/// The name a member is reported under.
pub fn member_name(archive: &str, member: &str) -> String {
    format!("{archive}!/{member}")
}

/// True when a member's path stays inside the archive: relative, without `..`.
fn is_enclosed(member: &str) -> bool {
    if member.starts_with('/') || member.starts_with('\\') || member.contains(":\\") {
        return false;
    }
    Path::new(member)
        .components()
        .all(|c| matches!(c, Component::Normal(_) | Component::CurDir))
        && !member.split(['/', '\\']).any(|part| part == "..")
}

/// Archive junk that is not a document: macOS resource forks, hidden files, folders.
fn is_junk(member: &str) -> bool {
    member.ends_with('/')
        || member.starts_with("__MACOSX/")
        || member
            .rsplit('/')
            .next()
            .is_some_and(|file| file.starts_with('.'))
}

/// Why a member is not read, before its bytes are: a name leaving the archive, a link.
fn refused(member: &str, link: bool) -> Option<(&'static str, &'static str)> {
    if !is_enclosed(member) {
        Some((
            "unsafe_member",
            "the member's name leaves the archive (absolute or with ..); not read",
        ))
    } else if link {
        Some(("link", "a link, not a document; not followed"))
    } else {
        None
    }
}

/// Reads at most `cap` bytes; more is an error of kind `too_large`.
fn read_capped(reader: &mut dyn Read, cap: u64, hint: u64) -> io::Result<Result<Vec<u8>, u64>> {
    let mut buf = Vec::with_capacity(hint.min(cap).min(64 << 20) as usize);
    let n = reader.take(cap.saturating_add(1)).read_to_end(&mut buf)? as u64;
    Ok(if n > cap { Err(n) } else { Ok(buf) })
}

fn read_zip<R: Read + Seek>(name: &str, reader: R, r: &mut Reader) {
    let limits = r.limits;
    let mut zip = match zip::ZipArchive::new(reader) {
        Ok(z) => z,
        Err(e) => {
            return (r.sink)((
                name.to_string(),
                Err(error(
                    name,
                    "unreadable_archive",
                    format!("not a readable zip: {e}"),
                )),
            ))
        }
    };
    for i in 0..zip.len() {
        // Metadata first, without decrypting or decompressing anything.
        let (raw_name, encrypted, symlink, is_dir, compressed, declared) = match zip.by_index_raw(i)
        {
            Ok(f) => (
                f.name().to_string(),
                f.encrypted(),
                f.is_symlink(),
                f.is_dir(),
                f.compressed_size(),
                f.size(),
            ),
            Err(e) => {
                let full = member_name(name, &format!("#{i}"));
                (r.sink)((
                    full.clone(),
                    Err(error(&full, "unreadable_archive", e.to_string())),
                ));
                continue;
            }
        };
        let full = member_name(name, &raw_name);
        if is_dir || skipped(r.wanted, &raw_name, &full) {
            continue;
        }
        let fail = |kind: &str, message: String| (full.clone(), Err(error(&full, kind, message)));
        if let Some((kind, why)) = refused(&raw_name, symlink) {
            (r.sink)(fail(kind, why.into()));
            continue;
        }
        if encrypted {
            (r.sink)(fail(
                "encrypted",
                "an encrypted member (a password is needed)".into(),
            ));
            continue;
        }
        let cap = limits.allowed(compressed);
        if declared > cap {
            (r.sink)(fail("archive_bomb", too_big(declared, compressed, limits)));
            continue;
        }
        if r.total >= limits.max_total {
            return (r.sink)(fail("archive_bomb", beyond_total(limits)));
        }
        let read = match zip.by_index(i) {
            Ok(mut f) => read_capped(&mut f, cap, declared),
            Err(e) => {
                (r.sink)(fail("unreadable_archive", e.to_string()));
                continue;
            }
        };
        match read {
            Ok(Ok(bytes)) => r.deliver(full, &raw_name, bytes),
            Ok(Err(n)) => (r.sink)(fail("archive_bomb", too_big(n, compressed, limits))),
            Err(e) => (r.sink)(fail("unreadable_archive", e.to_string())),
        }
    }
}

fn beyond_total(limits: &Limits) -> String {
    format!(
        "the archive expands beyond {} MiB in all; the rest is not read",
        limits.max_total >> 20
    )
}

fn too_big(size: u64, compressed: u64, limits: &Limits) -> String {
    format!(
        "the member expands to more than the limits allow ({} bytes from {} compressed; at most \
         {} MiB a member and {}:1); not read",
        size,
        compressed,
        limits.max_member >> 20,
        limits.max_ratio
    )
}

/// Counts what is read through it and fails past a cap: bounds a whole decompressed stream.
struct Capped<R> {
    inner: R,
    read: u64,
    cap: u64,
}

impl<R: Read> Read for Capped<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        if self.read > self.cap {
            return Err(io::Error::other(BOMB));
        }
        Ok(n)
    }
}

const BOMB: &str = "the archive expands beyond the limits; the rest is not read";

fn read_tar<R: Read>(name: &str, reader: R, cap: u64, r: &mut Reader) {
    let limits = r.limits;
    let cap = cap.min(limits.max_total);
    let mut tar = tar::Archive::new(Capped {
        inner: reader,
        read: 0,
        cap,
    });
    let entries = match tar.entries() {
        Ok(e) => e,
        Err(e) => return (r.sink)((name.to_string(), Err(tar_error(name, e)))),
    };
    for entry in entries {
        let mut entry = match entry {
            Ok(e) => e,
            Err(e) => {
                // A damaged header or stream: nothing after it can be trusted.
                return (r.sink)((name.to_string(), Err(tar_error(name, e))));
            }
        };
        let raw_name = String::from_utf8_lossy(&entry.path_bytes()).into_owned();
        let kind = entry.header().entry_type();
        let full = member_name(name, &raw_name);
        if kind.is_dir() || skipped(r.wanted, &raw_name, &full) {
            continue;
        }
        if kind.is_pax_global_extensions() || kind.is_pax_local_extensions() {
            continue;
        }
        let fail = |kind: &str, message: String| (full.clone(), Err(error(&full, kind, message)));
        if let Some((why_kind, why)) = refused(&raw_name, kind.is_symlink() || kind.is_hard_link())
        {
            (r.sink)(fail(why_kind, why.into()));
            continue;
        }
        if !(kind.is_file() || kind.is_gnu_sparse() || kind.is_contiguous()) {
            (r.sink)(fail(
                "unsupported_format",
                "a special file (device, pipe), not a document".into(),
            ));
            continue;
        }
        let declared = entry.size();
        if declared > limits.max_member {
            (r.sink)(fail("archive_bomb", too_big(declared, declared, limits)));
            continue;
        }
        if r.total >= limits.max_total {
            return (r.sink)(fail("archive_bomb", beyond_total(limits)));
        }
        match read_capped(&mut entry, limits.max_member, declared) {
            Ok(Ok(bytes)) => r.deliver(full, &raw_name, bytes),
            Ok(Err(n)) => (r.sink)(fail("archive_bomb", too_big(n, declared, limits))),
            Err(e) => return (r.sink)((full.clone(), Err(tar_error(&full, e)))),
        }
    }
}

fn tar_error(name: &str, e: io::Error) -> InputError {
    if e.to_string().contains(BOMB) {
        error(name, "archive_bomb", BOMB.to_string())
    } else {
        error(
            name,
            "unreadable_archive",
            format!("not a readable tar: {e}"),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enclosed_names() {
        assert!(is_enclosed("a/b.pdf"));
        assert!(is_enclosed("./a.txt"));
        assert!(!is_enclosed("../a.txt"));
        assert!(!is_enclosed("a/../../b.txt"));
        assert!(!is_enclosed("/etc/passwd"));
        assert!(!is_enclosed("C:\\x.txt"));
        assert!(!is_enclosed("a\\..\\b.txt"));
    }

    #[test]
    fn junk_members() {
        assert!(is_junk("__MACOSX/._a.pdf"));
        assert!(is_junk("dir/.DS_Store"));
        assert!(is_junk("dir/"));
        assert!(!is_junk("dir/a.pdf"));
    }

    #[test]
    fn kinds_by_name() {
        assert_eq!(kind("a.ZIP"), Some(Kind::Zip));
        assert_eq!(kind("a.tar.gz"), Some(Kind::TarGz));
        assert_eq!(kind("a.tgz"), Some(Kind::TarGz));
        assert_eq!(kind("a.tar"), Some(Kind::Tar));
        assert_eq!(kind("a.pdf"), None);
    }

    fn temp(name: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("registre-archive-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        dir.join(name)
    }

    /// A zip of `(name, bytes)` members, deflated; symlinks for names ending in `@`.
    fn zip_of(path: &Path, members: &[(&str, &[u8])]) {
        use std::io::Write;
        let mut w = zip::ZipWriter::new(File::create(path).unwrap());
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, bytes) in members {
            if let Some(link) = name.strip_suffix('@') {
                w.add_symlink(link, "/etc/passwd", opts).unwrap();
            } else {
                w.start_file(*name, opts).unwrap();
                w.write_all(bytes).unwrap();
            }
        }
        w.finish().unwrap();
    }

    fn read_all(path: &Path, limits: &Limits) -> Vec<(String, Result<usize, String>)> {
        let mut out = Vec::new();
        let kind = kind(&path.to_string_lossy()).unwrap();
        read(path, kind, limits, &|_, _| true, &mut |(name, r)| {
            out.push((
                name.rsplit('!').next().unwrap().to_string(),
                r.map(|b| b.len()).map_err(|e| e.kind),
            ))
        });
        out
    }

    fn small_limits() -> Limits {
        Limits {
            max_member: 1 << 20,
            max_ratio: 50,
            ratio_floor: 64 << 10,
            max_total: 8 << 20,
        }
    }

    #[test]
    fn zip_members_hostile_and_not() {
        let path = temp("mixed.zip");
        let zeros = vec![0u8; 2 << 20];
        zip_of(
            &path,
            &[
                ("a/ok.txt", b"Le conseil municipal".as_slice()),
                ("../evil.txt", b"x"),
                ("/abs.txt", b"x"),
                ("link.pdf@", b""),
                ("bomb.txt", &zeros),
                ("__MACOSX/._ok.txt", b"x"),
                ("dir/.DS_Store", b"x"),
            ],
        );
        let got = read_all(&path, &small_limits());
        assert_eq!(
            got,
            vec![
                ("/a/ok.txt".into(), Ok(20)),
                ("/../evil.txt".into(), Err("unsafe_member".into())),
                ("//abs.txt".into(), Err("unsafe_member".into())),
                ("/link.pdf".into(), Err("link".into())),
                ("/bomb.txt".into(), Err("archive_bomb".into())),
            ]
        );
    }

    #[test]
    fn zip_encrypted_member_is_not_read() {
        let path = temp("enc.zip");
        zip_of(
            &path,
            &[("secret.txt", b"Le conseil"), ("clear.txt", b"Le maire")],
        );
        // Set the "encrypted" flag of the first member in its local and central headers.
        let mut bytes = std::fs::read(&path).unwrap();
        let at = |sig: &[u8]| bytes.windows(4).position(|w| w == sig).unwrap();
        let (local, central) = (at(b"PK\x03\x04"), at(b"PK\x01\x02"));
        bytes[local + 6] |= 1;
        bytes[central + 8] |= 1;
        std::fs::write(&path, &bytes).unwrap();
        let got = read_all(&path, &Limits::default());
        assert_eq!(got[0], ("/secret.txt".into(), Err("encrypted".into())));
        assert_eq!(got[1], ("/clear.txt".into(), Ok(8)));
    }

    #[test]
    fn zip_total_is_capped() {
        let path = temp("total.zip");
        let big = vec![7u8; 600 << 10];
        let names: Vec<String> = (0..20).map(|i| format!("m{i:02}.txt")).collect();
        let members: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &big[..])).collect();
        zip_of(&path, &members);
        let limits = Limits {
            max_ratio: 10_000,
            max_total: 3 << 20,
            ..small_limits()
        };
        let got = read_all(&path, &limits);
        assert_eq!(got.iter().filter(|(_, r)| r.is_ok()).count(), 6);
        assert_eq!(got.last().unwrap().1, Err("archive_bomb".into()));
    }

    #[test]
    fn damaged_zip_is_one_error() {
        let path = temp("damaged.zip");
        std::fs::write(&path, b"PK\x03\x04 not really a zip").unwrap();
        let got = read_all(&path, &Limits::default());
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].1, Err("unreadable_archive".into()));
    }

    /// A tar of members; names are written raw into the header, so `../` and links can be made.
    fn tar_of(members: &[(&str, tar::EntryType, &[u8])]) -> Vec<u8> {
        let mut b = tar::Builder::new(Vec::new());
        for (name, kind, bytes) in members {
            let mut h = tar::Header::new_gnu();
            h.as_old_mut().name[..name.len()].copy_from_slice(name.as_bytes());
            h.set_entry_type(*kind);
            h.set_size(bytes.len() as u64);
            h.set_mode(0o644);
            if kind.is_symlink() {
                h.set_link_name("/etc/passwd").unwrap();
            }
            h.set_cksum();
            b.append(&h, *bytes).unwrap();
        }
        b.into_inner().unwrap()
    }

    #[test]
    fn tar_and_tar_gz_members_hostile_and_not() {
        use tar::EntryType as T;
        let zeros = vec![0u8; 3 << 20];
        let tar = tar_of(&[
            ("ok.txt", T::Regular, b"Le conseil municipal"),
            ("../evil.txt", T::Regular, b"x"),
            ("link.pdf", T::Symlink, b""),
            ("fifo", T::Fifo, b""),
            ("big.txt", T::Regular, &zeros),
            ("after.txt", T::Regular, b"Le maire"),
        ]);
        let plain = temp("mixed.tar");
        std::fs::write(&plain, &tar).unwrap();
        let expected: Vec<(String, Result<usize, String>)> = vec![
            ("/ok.txt".into(), Ok(20)),
            ("/../evil.txt".into(), Err("unsafe_member".into())),
            ("/link.pdf".into(), Err("link".into())),
            ("/fifo".into(), Err("unsupported_format".into())),
            ("/big.txt".into(), Err("archive_bomb".into())),
            ("/after.txt".into(), Ok(8)),
        ];
        let limits = Limits {
            max_total: 64 << 20,
            max_ratio: 100_000,
            ..small_limits()
        };
        assert_eq!(read_all(&plain, &limits), expected);
        let gz = temp("mixed.tar.gz");
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        std::io::Write::write_all(&mut enc, &tar).unwrap();
        std::fs::write(&gz, enc.finish().unwrap()).unwrap();
        assert_eq!(read_all(&gz, &limits), expected);
        // The whole stream expands past its ratio: a bomb, reported once, and reading stops.
        let got = read_all(&gz, &small_limits());
        assert_eq!(got.last().unwrap().1, Err("archive_bomb".into()));
        assert!(got.len() <= expected.len());
    }

    #[test]
    fn archives_inside_archives_are_opened_down_to_the_depth_limit() {
        use tar::EntryType as T;
        // inner.tar.gz holds a document; middle.zip holds it and a document; outer.zip holds
        // middle.zip, a document, and a zip three archives deep.
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        std::io::Write::write_all(&mut enc, &tar_of(&[("c.txt", T::Regular, b"Le maire")]))
            .unwrap();
        let inner = enc.finish().unwrap();
        let middle = temp("middle.zip");
        zip_of(
            &middle,
            &[("2024/inner.tar.gz", &inner), ("b.txt", b"Le conseil")],
        );
        let middle = std::fs::read(&middle).unwrap();
        let deep = temp("deep.zip");
        zip_of(&deep, &[("d.zip", &middle)]);
        let deep = std::fs::read(&deep).unwrap();
        let outer = temp("outer.zip");
        zip_of(
            &outer,
            &[
                ("middle.zip", &middle),
                ("a.txt", b"Un"),
                ("deep.zip", &deep),
            ],
        );
        let mut got = Vec::new();
        read(
            &outer,
            Kind::Zip,
            &Limits::default(),
            &|_, _| true,
            &mut |(n, r)| got.push((n, r.map(|b| b.len()).map_err(|e| e.kind))),
        );
        let o = outer.display().to_string();
        assert_eq!(
            got,
            vec![
                (format!("{o}!/middle.zip!/2024/inner.tar.gz!/c.txt"), Ok(8)),
                (format!("{o}!/middle.zip!/b.txt"), Ok(10)),
                (format!("{o}!/a.txt"), Ok(2)),
                (
                    format!("{o}!/deep.zip!/d.zip!/2024/inner.tar.gz"),
                    Err("archive_bomb".into())
                ),
                (format!("{o}!/deep.zip!/d.zip!/b.txt"), Ok(10)),
            ]
        );
        // What is wanted is asked of documents, with their full names; never of archives.
        let asked = std::cell::RefCell::new(Vec::new());
        read(
            &outer,
            Kind::Zip,
            &Limits::default(),
            &|member, full| {
                asked
                    .borrow_mut()
                    .push((member.to_string(), full.to_string()));
                member != "b.txt"
            },
            &mut |_| {},
        );
        let asked = asked.into_inner();
        assert_eq!(asked.len(), 4);
        assert!(asked.contains(&(
            "c.txt".into(),
            format!("{o}!/middle.zip!/2024/inner.tar.gz!/c.txt")
        )));
        assert!(asked.iter().all(|(m, _)| kind(m).is_none()));
    }

    #[test]
    fn counts_from_the_index() {
        use tar::EntryType as T;
        let all = |_: &str, _: &str| true;
        let zip = temp("count.zip");
        zip_of(
            &zip,
            &[
                ("a.txt", b"x"),
                ("__MACOSX/._a.txt", b"x"),
                ("../b.txt", b"x"),
                ("c.txt", b"x"),
            ],
        );
        assert_eq!(count(&zip, Kind::Zip, &all), Some(3));
        assert_eq!(count(&zip, Kind::Zip, &|m, _| m != "c.txt"), Some(2));
        let tar = temp("count.tar");
        let bytes = tar_of(&[("a.txt", T::Regular, b"x"), ("b.txt", T::Regular, b"yy")]);
        std::fs::write(&tar, &bytes).unwrap();
        assert_eq!(count(&tar, Kind::Tar, &all), Some(2));
        // Only decompressing can tell: a .tar.gz, a zip holding an archive.
        assert_eq!(count(&tar, Kind::TarGz, &all), None);
        let nested = temp("count-nested.zip");
        zip_of(&nested, &[("in.tar", &bytes)]);
        assert_eq!(count(&nested, Kind::Zip, &all), None);
    }

    #[test]
    fn ratio_allows_small_members_and_caps_big_ones() {
        let l = Limits::default();
        assert_eq!(l.allowed(10), l.ratio_floor);
        assert_eq!(l.allowed(1 << 20), 200 << 20);
        assert_eq!(l.allowed(10 << 20), l.max_member);
    }
}
