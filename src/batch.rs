//! Running over many inputs: one record per input (a document or an error record), streamed.
//!
//! A producer thread enumerates the inputs (walking folders, reading archives) and hands each
//! to the rayon pool as a task; each task reads, extracts and parses its input and fills a
//! value of its own (a rendered buffer, say); the calling thread receives the values and emits
//! them, in input order by default. At most a window of inputs is between enumeration and
//! emission at any time, so memory does not grow with the number of inputs.

use crate::input::isolate::{PdfMode, Pool};
pub use crate::input::sources::is_document;
use crate::input::sources::{self, Job, JobData, Selection};
use crate::input::{self, InputError, SourceText};
use crate::model::Document;
use crate::normalize::Text;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::mpsc;

/// What one input yields.
pub enum Record {
    Document(Box<Document>),
    Error(InputError),
}

/// How a run goes.
#[derive(Debug, Clone)]
pub struct Options {
    /// Worker threads; 0 for one per core.
    pub jobs: usize,
    /// Emit in input order (the default) or as documents are done (faster on uneven inputs).
    pub ordered: bool,
    pub selection: Selection,
    pub pdf: PdfMode,
    /// How long the parse of one document may take; past it the input gives a `timeout`
    /// error record and the run goes on. None: no deadline.
    pub parse_deadline: Option<std::time::Duration>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            jobs: 0,
            ordered: true,
            selection: Selection::default(),
            pdf: PdfMode::InProcess,
            parse_deadline: None,
        }
    }
}

impl Options {
    pub fn threads(&self) -> usize {
        if self.jobs > 0 {
            self.jobs
        } else {
            std::thread::available_parallelism().map_or(1, |n| n.get())
        }
    }
}

/// The inputs of a run: paths (files, folders, archives, `-` for a list on stdin) and how to
/// take them.
#[derive(Debug, Clone)]
pub struct Inputs {
    pub roots: Vec<PathBuf>,
    pub options: Options,
}

/// The inputs named by `paths`, with the default options.
pub fn expand(paths: &[PathBuf]) -> Inputs {
    Inputs {
        roots: paths.to_vec(),
        options: Options::default(),
    }
}

/// Reads inputs into text: files and archive members, PDFs in this process or in workers.
pub struct Reader {
    pool: Option<Pool>,
    deadline: Option<std::time::Duration>,
}

impl Reader {
    pub fn new(mode: &PdfMode) -> Reader {
        Reader {
            pool: match mode {
                PdfMode::InProcess => None,
                PdfMode::Isolated(spec) => Some(Pool::new(spec.clone())),
            },
            deadline: None,
        }
    }

    /// The same reader, with a deadline on each document's parse.
    pub fn with_deadline(mut self, deadline: Option<std::time::Duration>) -> Reader {
        self.deadline = deadline;
        self
    }

    pub fn read(&self, job: &Job) -> Result<SourceText, InputError> {
        let owned;
        let bytes: &[u8] = match &job.data {
            JobData::Failed(e) => return Err(e.clone()),
            JobData::Bytes(b) => b,
            JobData::File(p) => {
                owned = input::read_bytes(p)?;
                &owned
            }
        };
        match &self.pool {
            Some(pool) => input::from_bytes_with(&job.name, bytes, &|b| pool.extract(b)),
            None => input::from_bytes(&job.name, bytes),
        }
    }

    /// Reads and parses one input.
    pub fn process(&self, job: &Job) -> Record {
        self.process_keeping_text(job).0
    }

    /// Reads and parses one input, and keeps the normalized text of a document.
    pub fn process_keeping_text(&self, job: &Job) -> (Record, Option<Text>) {
        match (self.read(job), self.deadline) {
            (Ok(src), None) => parse_caught(&src),
            (Ok(src), Some(d)) => parse_within(src, d),
            (Err(e), _) => (Record::Error(e), None),
        }
    }
}

/// Parses on a thread of its own and waits at most `deadline`. A parse that overruns is left
/// to finish unobserved (the readers are linear, so it does finish) and the input gives a
/// `timeout` record: one text that defeats the parser never holds up the batch.
fn parse_within(src: SourceText, deadline: std::time::Duration) -> (Record, Option<Text>) {
    let (tx, rx) = mpsc::sync_channel(1);
    let head = InputError {
        path: src.path.clone(),
        format: Some(src.format),
        sha256: Some(src.sha256.clone()),
        kind: "timeout".into(),
        message: format!(
            "the parser took more than {} s on this input and was given up (--parse-timeout)",
            deadline.as_secs_f64()
        ),
    };
    let spawned = std::thread::Builder::new()
        .name("parse".into())
        .spawn(move || {
            let _ = tx.send(parse_caught(&src));
        });
    if spawned.is_err() {
        return (
            Record::Error(InputError {
                kind: "internal".into(),
                message: "no thread could be started to parse this input".into(),
                ..head
            }),
            None,
        );
    }
    match rx.recv_timeout(deadline) {
        Ok(done) => done,
        Err(_) => (Record::Error(head), None),
    }
}

fn parse_caught(src: &SourceText) -> (Record, Option<Text>) {
    // The parser is written not to panic; should it ever, the input still yields a record.
    match std::panic::catch_unwind(|| crate::parse::parse_keeping_text(src)) {
        Ok((doc, text)) => (Record::Document(Box::new(doc)), Some(text)),
        Err(_) => (
            Record::Error(InputError {
                path: src.path.clone(),
                format: Some(src.format),
                sha256: Some(src.sha256.clone()),
                kind: "internal".into(),
                message: "the parser failed on this input (a bug: please report it)".into(),
            }),
            None,
        ),
    }
}

/// Reads and parses one file, in this process.
pub fn process(path: &Path) -> Record {
    process_keeping_text(path).0
}

/// Reads and parses one file in this process, and keeps the normalized text of a document.
pub fn process_keeping_text(path: &Path) -> (Record, Option<Text>) {
    let job = Job {
        name: path.display().to_string(),
        data: JobData::File(path.to_path_buf()),
    };
    Reader::new(&PdfMode::InProcess).process_keeping_text(&job)
}

/// Parses every input, calling `emit` with each record.
pub fn run(inputs: Inputs, emit: impl FnMut(Record)) {
    run_with(inputs, |reader, job| reader.process(&job), emit)
}

/// Runs `work` on every input in parallel, each task filling its own value, and calls `emit`
/// with the values, in input order unless the options say otherwise.
pub fn run_with<T: Send>(
    inputs: Inputs,
    work: impl Fn(&Reader, Job) -> T + Sync,
    mut emit: impl FnMut(T),
) {
    let Inputs { roots, options } = inputs;
    let threads = options.threads();
    let reader = Reader::new(&options.pdf).with_deadline(options.parse_deadline);
    let run = Run {
        roots: &roots,
        selection: &options.selection,
        reader: &reader,
        work: &work,
        ordered: options.ordered,
        // Enough inputs ahead to keep every thread busy behind a slow one, few enough that
        // memory stays flat.
        window: threads * 8,
    };
    match rayon::ThreadPoolBuilder::new().num_threads(threads).build() {
        Ok(pool) => pool.in_place_scope(|scope| run.pump(scope, &mut emit)),
        Err(_) => rayon::in_place_scope(|scope| run.pump(scope, &mut emit)),
    }
}

/// A run's borrowed parts, outliving the rayon scope its tasks are spawned in.
struct Run<'a, W> {
    roots: &'a [PathBuf],
    selection: &'a Selection,
    reader: &'a Reader,
    work: &'a W,
    ordered: bool,
    window: usize,
}

impl<'a, W> Run<'a, W> {
    fn pump<T: Send + 'a>(&self, scope: &rayon::Scope<'a>, emit: &mut impl FnMut(T))
    where
        W: Fn(&Reader, Job) -> T + Sync,
    {
        let (done_tx, done_rx) = mpsc::channel::<(u64, T)>();
        let (permit_tx, permit_rx) = mpsc::sync_channel::<()>(self.window);
        let (work, reader) = (self.work, self.reader);
        std::thread::scope(|threads| {
            threads.spawn(move || {
                let mut seq = 0u64;
                let stdin = std::io::stdin();
                let mut stdin = stdin.lock();
                sources::enumerate(self.roots, self.selection, &mut stdin, &mut |job| {
                    // Waits while a window of inputs is not yet emitted.
                    if permit_tx.send(()).is_err() {
                        return;
                    }
                    let (tx, n) = (done_tx.clone(), seq);
                    seq += 1;
                    scope.spawn(move |_| {
                        let _ = tx.send((n, work(reader, job)));
                    });
                });
            });
            let mut next = 0u64;
            let mut pending = BTreeMap::new();
            for (n, value) in done_rx.iter() {
                if self.ordered {
                    pending.insert(n, value);
                    while let Some(v) = pending.remove(&next) {
                        emit(v);
                        next += 1;
                        let _ = permit_rx.recv();
                    }
                } else {
                    emit(value);
                    let _ = permit_rx.recv();
                }
            }
        });
    }
}

/// What a run did, for its last line: `N inputs: D documents, E errors (…), S sittings, I items`.
#[derive(Debug, Default)]
pub struct Summary {
    pub inputs: usize,
    pub documents: usize,
    pub errors: BTreeMap<String, usize>,
    sittings: BTreeSet<(String, String)>,
    undated: usize,
    pub items: usize,
}

impl Summary {
    pub fn add(&mut self, record: &Record) {
        match record {
            Record::Document(d) => self.document(d),
            Record::Error(e) => self.error(&e.kind),
        }
    }

    /// An input that yielded a document.
    pub fn document(&mut self, d: &Document) {
        self.inputs += 1;
        self.documents += 1;
        self.items += d.deliberations.len();
        // Extracts of one sitting count once: a sitting is a body on a date.
        match &d.session.date {
            Some(date) => {
                let body = d.body.name.clone().unwrap_or_default();
                self.sittings.insert((body, date.clone()));
            }
            None => self.undated += 1,
        }
    }

    /// An input that yielded an error record.
    pub fn error(&mut self, kind: &str) {
        self.inputs += 1;
        *self.errors.entry(kind.to_string()).or_default() += 1;
    }

    pub fn error_count(&self) -> usize {
        self.errors.values().sum()
    }

    pub fn sittings(&self) -> usize {
        self.sittings.len() + self.undated
    }
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} inputs: {} documents, {} errors",
            self.inputs,
            self.documents,
            self.error_count()
        )?;
        if !self.errors.is_empty() {
            let kinds: Vec<String> = self
                .errors
                .iter()
                .map(|(k, n)| format!("{k} {n}"))
                .collect();
            write!(f, " ({})", kinds.join(", "))?;
        }
        write!(f, ", {} sittings, {} items", self.sittings(), self.items)
    }
}
