//! The `registre` command: a thin layer over the library.

use clap::{Args, Parser, Subcommand, ValueEnum};
use registre::batch::{self, Record, Summary};
use registre::input::isolate::{PdfMode, WorkerSpec};
use registre::input::sources::{Selection, Shard};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

#[derive(Parser)]
#[command(
    name = "registre",
    version,
    about = "Reads French council deliberations into structured, checked data"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Parse documents (text or PDF) into JSON: one pretty document for one file, NDJSON
    /// (one document a line) for several files, folders or archives.
    Parse {
        #[command(flatten)]
        run: RunArgs,
        /// Write to this file instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Exit with 1 when any input yielded an error record (for a single file, always).
        #[arg(long)]
        fail_on_error: bool,
    },
    /// Extract PDFs sent on stdin (the worker processes of a run; not for use by hand).
    #[command(name = "pdf-worker", hide = true)]
    PdfWorker {
        #[arg(long, default_value_t = 0)]
        max_memory: u64,
    },
    /// Print the JSON schema of the keys registre adds to the document contract.
    Schema,
    /// Print the normalized text of a document (spans point into it).
    Text {
        path: PathBuf,
        /// Print instead the text the readers read: the same words, one line for each part of
        /// the record (labels, lists, headings, sentences), whatever the source's lines.
        #[arg(long)]
        reading: bool,
    },
    /// Check deliberations against the rules of the CGCT and arithmetic: quorum, proxies,
    /// tallies, unanimity, majority, convocation delay, dates…
    Check {
        #[command(flatten)]
        run: RunArgs,
        #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
        format: CheckFormat,
        /// Exit with 1 when a finding is at least this severe.
        #[arg(long, value_enum, default_value_t = Deny::Error)]
        deny: Deny,
        /// Only these rules (ids such as QUORUM, TALLY; repeat or separate with commas).
        #[arg(long, value_delimiter = ',')]
        rule: Vec<String>,
        /// Leave these rules out.
        #[arg(long, value_delimiter = ',')]
        skip: Vec<String>,
        /// Write to this file instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// List every legal reference (codes, lois, décrets, arrêtés, EU acts, earlier
    /// deliberations, circulaires) of documents, or count them by text and article.
    Refs {
        #[command(flatten)]
        run: RunArgs,
        /// Count references by text and article, most cited first, instead of listing them.
        #[arg(long)]
        count: bool,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
        /// Write to this file instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Export documents for open data and newsrooms: the SCDL Délibérations CSV, flat CSV
    /// tables, NDJSON, or one SQLite database.
    Export {
        #[command(flatten)]
        run: RunArgs,
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// The file to write (standard output for scdl and ndjson when left out); for csv, the
        /// folder that receives one file a table; for sqlite, the database (added to).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// SCDL: a CSV side file giving what documents cannot state (columns body, path,
        /// item, coll_nom, siret, effectif, matiere, url).
        #[arg(long)]
        side: Option<PathBuf>,
        /// SCDL: the SIRET of the collectivité, for every document the side file leaves out.
        #[arg(long)]
        siret: Option<String>,
        /// SCDL: the ACTES matière code (e.g. 7.1), likewise.
        #[arg(long)]
        matiere: Option<String>,
        /// SCDL: the address of the published documents; `{file}` stands for a file's name.
        #[arg(long)]
        url: Option<String>,
    },
    /// One record per councillor across documents and years, names reconciled within each
    /// body: sittings attended, absences, proxies, votes against and abstentions.
    Members {
        #[command(flatten)]
        run: RunArgs,
        #[arg(long, value_enum, default_value_t = MembersFormat::Table)]
        format: MembersFormat,
        /// Write to this file instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, PartialEq, ValueEnum)]
enum ExportFormat {
    /// The SCDL Délibérations CSV, schema 2.1.5.
    Scdl,
    /// Flat tables (sittings, deliberations, votes, attendance, proxies, legal_references),
    /// one CSV file each in the --output folder.
    Csv,
    /// One document a line, as `registre parse` prints them.
    Ndjson,
    /// One SQLite database with the flat tables, keys, indexes and views.
    Sqlite,
}

#[derive(Clone, Copy, PartialEq, ValueEnum)]
enum MembersFormat {
    /// A summary table, then the ambiguities.
    Table,
    /// One JSON object: every member with dates and items, and the ambiguities.
    Json,
}

/// What every command that reads documents takes.
#[derive(Args)]
struct RunArgs {
    /// Files, folders (walked recursively), .zip / .tar / .tar.gz archives (read in place,
    /// members named archive.zip!/path), or - for a list of paths on stdin, one a line.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Only files (in folders and archives) whose path matches this glob; repeatable.
    #[arg(long, value_name = "GLOB")]
    include: Vec<String>,
    /// Leave out files (in folders and archives) whose path matches this glob; repeatable.
    #[arg(long, value_name = "GLOB")]
    exclude: Vec<String>,
    /// Only the K-th of N shares of the inputs (a stable split by name), K from 1 to N.
    #[arg(long, value_name = "K/N")]
    shard: Option<Shard>,
    /// Worker threads (default: one per core).
    #[arg(short, long, default_value_t = 0)]
    jobs: usize,
    /// Write documents as they are done instead of in input order.
    #[arg(long)]
    unordered: bool,
    /// Seconds a PDF may take to extract before its worker is stopped.
    #[arg(long, default_value_t = 5.0, value_name = "SECONDS")]
    timeout: f64,
    /// Seconds the parse of one document may take before it is given up (a `timeout` error
    /// record; the run goes on).
    #[arg(long, default_value_t = 10.0, value_name = "SECONDS")]
    parse_timeout: f64,
    /// Memory cap of each PDF worker process, in MiB.
    #[arg(long, default_value_t = 1024, value_name = "MIB")]
    max_memory: u64,
    /// Extract PDFs in this process, without worker processes (faster to start; a hostile
    /// PDF can then abort or exhaust the whole run).
    #[arg(long)]
    in_process: bool,
    /// Nothing on stderr: no progress bar, no message per failed input, no summary line.
    #[arg(short, long)]
    quiet: bool,
}

impl RunArgs {
    fn inputs(&self) -> batch::Inputs {
        let selection = Selection::new(&self.include, &self.exclude, self.shard);
        let selection = match selection {
            Ok(s) => s,
            Err(e) => {
                eprintln!("registre: {e}");
                std::process::exit(2);
            }
        };
        let pdf = match std::env::current_exe() {
            Ok(exe) if !self.in_process && cfg!(unix) => PdfMode::Isolated(WorkerSpec {
                exe,
                args: vec!["pdf-worker".into()],
                timeout: Duration::from_secs_f64(self.timeout.max(0.001)),
                max_memory: self.max_memory << 20,
            }),
            _ => PdfMode::InProcess,
        };
        batch::Inputs {
            roots: self.paths.clone(),
            options: batch::Options {
                jobs: self.jobs,
                ordered: !self.unordered,
                selection,
                pdf,
                parse_deadline: Some(Duration::from_secs_f64(self.parse_timeout.max(0.001))),
            },
        }
    }

    /// One file named on the command line (not a folder, an archive or a list).
    fn single(&self) -> bool {
        self.paths.len() == 1
            && !self.paths[0].is_dir()
            && self.paths[0].as_os_str() != "-"
            && registre::input::archive::kind(&self.paths[0].to_string_lossy()).is_none()
    }

    /// A progress bar on stderr when it is a terminal: files, rate, elapsed time.
    fn progress(&self) -> Progress {
        let bar = if self.quiet || !std::io::stderr().is_terminal() {
            indicatif::ProgressBar::hidden()
        } else {
            // A length (and so an ETA) when the inputs can be counted without reading them.
            let total = Selection::new(&self.include, &self.exclude, self.shard)
                .ok()
                .and_then(|sel| registre::input::sources::count(&self.paths, &sel));
            let (bar, template) = match total {
                Some(n) => (
                    indicatif::ProgressBar::new(n),
                    "{bar:30} {pos}/{len} files  {per_sec}  ETA {eta}  {wide_msg}",
                ),
                None => (
                    indicatif::ProgressBar::new_spinner(),
                    "{spinner} {pos} files  {per_sec}  {elapsed_precise}  {wide_msg}",
                ),
            };
            bar.set_style(
                indicatif::ProgressStyle::with_template(template)
                    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            bar.enable_steady_tick(Duration::from_millis(120));
            bar
        };
        Progress {
            bar,
            quiet: self.quiet,
            summary: Summary::default(),
        }
    }
}

/// The progress bar and the summary of a run.
struct Progress {
    bar: indicatif::ProgressBar,
    quiet: bool,
    summary: Summary,
}

impl Progress {
    fn add(&mut self, record: &Record) {
        self.summary.add(record);
        self.tick();
    }

    fn tick(&mut self) {
        self.bar.set_position(self.summary.inputs as u64);
        if !self.summary.errors.is_empty() {
            self.bar
                .set_message(format!("{} errors", self.summary.error_count()));
        }
    }

    /// Prints an error message without tearing the bar.
    fn warn(&self, msg: impl std::fmt::Display) {
        if !self.quiet {
            self.bar.suspend(|| eprintln!("registre: {msg}"));
        }
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
        if !self.quiet {
            eprintln!("{}", self.summary);
        }
    }
}

#[derive(Clone, Copy, PartialEq, ValueEnum)]
enum CheckFormat {
    /// For a person: rustc-style, the words underlined, the rule and its article.
    Human,
    /// One JSON object a line.
    Json,
    /// GitHub Actions workflow annotations.
    Github,
    /// SARIF 2.1.0, for code-scanning tools.
    Sarif,
}

#[derive(Clone, Copy, ValueEnum)]
enum Deny {
    Info,
    Warning,
    Error,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// Aligned columns for reading, long cells cut.
    Table,
    /// RFC 4180 CSV with a header row, nothing cut.
    Csv,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // Panics inside the PDF reader are caught and become error records naming the file;
    // the default hook would also print a backtrace for each.
    std::panic::set_hook(Box::new(|_| {}));
    match cli.command {
        Command::Parse {
            run,
            output,
            fail_on_error,
        } => parse(run, output, fail_on_error),
        Command::PdfWorker { max_memory } => match registre::input::isolate::serve(max_memory) {
            Ok(()) => ExitCode::SUCCESS,
            Err(_) => ExitCode::from(2),
        },
        Command::Schema => {
            print!("{}", include_str!("../schema/registre.schema.json"));
            ExitCode::SUCCESS
        }
        Command::Check {
            run,
            format,
            deny,
            rule,
            skip,
            output,
        } => check(run, format, deny, rule, skip, output),
        Command::Refs {
            run,
            count,
            format,
            output,
        } => refs(run, count, format, output),
        Command::Export {
            run,
            format,
            output,
            side,
            siret,
            matiere,
            url,
        } => {
            let defaults = registre::export::scdl::SideRow {
                siret,
                matiere,
                url,
                ..Default::default()
            };
            export(run, format, output, side, defaults)
        }
        Command::Members {
            run,
            format,
            output,
        } => members(run, format, output),
        Command::Text { path, reading } => match text_of(&path) {
            Ok(src) => {
                let text = registre::normalize::normalize(&src.text);
                if reading {
                    println!("{}", registre::layout::read(text.as_str()).text);
                } else {
                    println!("{}", text.as_str());
                }
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("registre: {e}");
                ExitCode::from(2)
            }
        },
    }
}

/// One file's text, a PDF extracted in a worker process as in a run (a hostile PDF gives an
/// error, not an abort).
fn text_of(path: &std::path::Path) -> Result<registre::SourceText, registre::InputError> {
    let mode = match std::env::current_exe() {
        Ok(exe) if cfg!(unix) => PdfMode::Isolated(WorkerSpec {
            exe,
            args: vec!["pdf-worker".into()],
            timeout: Duration::from_secs(5),
            max_memory: 1024 << 20,
        }),
        _ => PdfMode::InProcess,
    };
    let job = registre::input::sources::Job {
        name: path.display().to_string(),
        data: registre::input::sources::JobData::File(path.to_path_buf()),
    };
    batch::Reader::new(&mode).read(&job)
}

/// Standard output, or the file given with `--output`.
fn open_output(output: &Option<PathBuf>) -> Result<Box<dyn Write>, ExitCode> {
    match output {
        Some(p) => match std::fs::File::create(p) {
            Ok(f) => Ok(Box::new(std::io::BufWriter::new(f))),
            Err(e) => {
                eprintln!("registre: cannot write {}: {e}", p.display());
                Err(ExitCode::from(2))
            }
        },
        None => Ok(Box::new(std::io::BufWriter::new(std::io::stdout().lock()))),
    }
}

/// The exit code once every input is done: 2 if the output could not be written, 1 if an
/// input failed, else 0.
fn finish(write_err: Option<std::io::Error>, failed: usize) -> ExitCode {
    if let Some(e) = write_err {
        eprintln!("registre: write error: {e}");
        return ExitCode::from(2);
    }
    if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// What one input gives `registre check`.
struct Checked {
    located: Vec<registre::output::check::Located>,
    /// The findings already written out, for the formats that stream.
    rendered: String,
    items: usize,
    error: Option<registre::InputError>,
}

fn check(
    run: RunArgs,
    format: CheckFormat,
    deny: Deny,
    only: Vec<String>,
    skip: Vec<String>,
    output: Option<PathBuf>,
) -> ExitCode {
    use registre::check;
    use registre::output::check as out_check;
    for id in only.iter().chain(&skip) {
        if !check::RULES.iter().any(|r| r.id == id.to_uppercase()) {
            let ids: Vec<&str> = check::RULES.iter().map(|r| r.id.as_str()).collect();
            eprintln!("registre: no rule {id}; the rules are {}", ids.join(", "));
            return ExitCode::from(2);
        }
    }
    let wanted = |id: &str| {
        (only.is_empty() || only.iter().any(|o| o.eq_ignore_ascii_case(id)))
            && !skip.iter().any(|s| s.eq_ignore_ascii_case(id))
    };
    let mut out = match open_output(&output) {
        Ok(o) => o,
        Err(code) => return code,
    };
    let deny = match deny {
        Deny::Info => registre::model::Severity::Info,
        Deny::Warning => registre::model::Severity::Warning,
        Deny::Error => registre::model::Severity::Error,
    };
    let (mut files, mut sittings, mut items, mut unreadable) = (0usize, 0usize, 0usize, 0usize);
    let mut by_rule: std::collections::BTreeMap<&str, usize> = Default::default();
    let mut denied = false;
    let mut all: Vec<out_check::Located> = Vec::new();
    let mut write_err = None;
    let mut progress = run.progress();
    batch::run_with(
        run.inputs(),
        |reader, job| {
            match reader.process_keeping_text(&job) {
                (Record::Document(doc), text) => {
                    let text = text.as_ref().map(|t| t.as_str()).unwrap_or("");
                    // Like the parser, the rules are written not to panic; should they, the
                    // input still yields a record and the run goes on.
                    let found = std::panic::catch_unwind(|| {
                        let findings: Vec<check::Finding> = check::run(&doc, text)
                            .into_iter()
                            .filter(|f| wanted(f.rule))
                            .collect();
                        out_check::locate(&doc.source.path, text, findings)
                    });
                    let located =
                        match found {
                            Ok(l) => l,
                            Err(_) => return Checked {
                                located: vec![],
                                rendered: String::new(),
                                items: 0,
                                error: Some(registre::InputError {
                                    path: doc.source.path.clone(),
                                    format: Some(doc.source.format),
                                    sha256: Some(doc.source.sha256.clone()),
                                    kind: "internal".into(),
                                    message:
                                        "the checker failed on this input (a bug: please report it)"
                                            .into(),
                                }),
                            },
                        };
                    let rendered: String = located
                        .iter()
                        .map(|l| match format {
                            CheckFormat::Human => out_check::human(l),
                            CheckFormat::Json => out_check::json_line(l) + "\n",
                            CheckFormat::Github => out_check::github(l) + "\n",
                            CheckFormat::Sarif => String::new(),
                        })
                        .collect();
                    Checked {
                        located,
                        rendered,
                        items: doc.deliberations.len(),
                        error: None,
                    }
                }
                (Record::Error(e), _) => Checked {
                    located: vec![],
                    rendered: String::new(),
                    items: 0,
                    error: Some(e),
                },
            }
        },
        |c| {
            files += 1;
            if let Some(e) = c.error {
                unreadable += 1;
                progress.summary.error(&e.kind);
                progress.tick();
                progress.warn(e);
                return;
            }
            progress.summary.inputs += 1;
            progress.tick();
            sittings += 1;
            items += c.items;
            for l in &c.located {
                *by_rule.entry(l.finding.rule).or_default() += 1;
                denied |= check::rank(l.finding.severity) >= check::rank(deny);
            }
            if let Err(e) = out.write_all(c.rendered.as_bytes()) {
                write_err.get_or_insert(e);
            }
            if format == CheckFormat::Sarif {
                all.extend(c.located);
            }
        },
    );
    if format == CheckFormat::Sarif {
        let log = registre::output::check::sarif(&all);
        if let Err(e) = writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&log).unwrap_or_default()
        ) {
            write_err.get_or_insert(e);
        }
    }
    let found: usize = by_rule.values().sum();
    let rules: Vec<String> = by_rule.iter().map(|(r, n)| format!("{r} {n}")).collect();
    let summary = format!(
        "checked {files} file(s): {sittings} sitting(s), {items} item(s); {found} finding(s){}{}",
        if rules.is_empty() {
            String::new()
        } else {
            format!(" ({})", rules.join(", "))
        },
        if unreadable > 0 {
            format!("; {unreadable} could not be read")
        } else {
            String::new()
        }
    );
    progress.bar.finish_and_clear();
    // The summary goes with the findings for a person, apart from them for a machine.
    if format == CheckFormat::Human {
        if let Err(e) = writeln!(out, "{summary}") {
            write_err.get_or_insert(e);
        }
    } else {
        eprintln!("{summary}");
    }
    if let Err(e) = out.flush() {
        write_err.get_or_insert(e);
    }
    if let Some(e) = write_err {
        eprintln!("registre: write error: {e}");
        return ExitCode::from(2);
    }
    if unreadable > 0 {
        ExitCode::from(2)
    } else if denied {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn refs(run: RunArgs, count: bool, format: Format, output: Option<PathBuf>) -> ExitCode {
    use registre::output::{self, refs};
    let mut out = match open_output(&output) {
        Ok(o) => o,
        Err(code) => return code,
    };
    let mut rows = Vec::new();
    let mut counts = refs::Counts::default();
    let mut progress = run.progress();
    batch::run(run.inputs(), |rec| {
        progress.add(&rec);
        match rec {
            Record::Document(d) if count => counts.add(&d),
            Record::Document(d) => rows.extend(refs::list(&d)),
            Record::Error(e) => progress.warn(e),
        }
    });
    progress.finish();
    let failed = progress.summary.error_count();
    let (header, rows): (&[&str], _) = if count {
        (&refs::COUNT_HEADER, counts.rows())
    } else {
        (&refs::LIST_HEADER, rows)
    };
    let mut written = match format {
        Format::Table => output::write_table(&mut out, header, &rows, 60),
        Format::Csv => output::write_csv(&mut out, header, &rows),
    };
    if let Err(e) = out.flush() {
        written = written.and(Err(e));
    }
    finish(written.err(), failed)
}

fn parse(run: RunArgs, output: Option<PathBuf>, fail_on_error: bool) -> ExitCode {
    let single = run.single();
    let mut out = match open_output(&output) {
        Ok(o) => o,
        Err(code) => return code,
    };
    let mut progress = run.progress();
    let mut write_err = None;
    batch::run_with(
        run.inputs(),
        |reader, job| {
            // Each task renders its own line; the emitting thread only writes bytes.
            let rec = reader.process(&job);
            let line = match &rec {
                Record::Document(d) if single => serde_json::to_string_pretty(d),
                Record::Document(d) => serde_json::to_string(d),
                Record::Error(e) if single => serde_json::to_string_pretty(&e.to_record()),
                Record::Error(e) => serde_json::to_string(&e.to_record()),
            };
            (rec, line)
        },
        |(rec, line)| {
            progress.add(&rec);
            if let Record::Error(e) = &rec {
                progress.warn(e);
            }
            let written = match line {
                Ok(line) => writeln!(out, "{line}"),
                Err(e) => Err(e.into()),
            };
            if let Err(e) = written {
                write_err.get_or_insert(e);
            }
        },
    );
    if let Err(e) = out.flush() {
        write_err.get_or_insert(e);
    }
    progress.finish();
    let failed = if fail_on_error || single {
        progress.summary.error_count()
    } else {
        0
    };
    finish(write_err, failed)
}

fn export(
    run: RunArgs,
    format: ExportFormat,
    output: Option<PathBuf>,
    side: Option<PathBuf>,
    defaults: registre::export::scdl::SideRow,
) -> ExitCode {
    use registre::export::scdl;
    let inputs = run.inputs();
    let mut failed = 0usize;
    let mut report = |e: &registre::InputError| {
        failed += 1;
        if !run.quiet {
            eprintln!("registre: {e}");
        }
    };
    match format {
        ExportFormat::Scdl => {
            let mut side = match &side {
                Some(p) => match std::fs::read_to_string(p)
                    .map_err(|e| e.to_string())
                    .and_then(|t| scdl::Side::parse(&t))
                {
                    Ok(s) => s,
                    Err(e) => {
                        eprintln!("registre: side file {}: {e}", p.display());
                        return ExitCode::from(2);
                    }
                },
                None => scdl::Side::default(),
            };
            if let Some(m) = &defaults.matiere {
                if scdl::matiere(m).is_none() {
                    eprintln!("registre: {m:?} is not an ACTES matière code (1.1 to 9.4)");
                    return ExitCode::from(2);
                }
            }
            side.rows.push(defaults);
            let mut rows = Vec::new();
            let mut warnings = std::collections::BTreeSet::new();
            batch::run(inputs, |rec| match rec {
                Record::Document(d) => {
                    let e = scdl::rows(&d, &side);
                    rows.extend(e.rows);
                    warnings.extend(e.warnings);
                }
                Record::Error(e) => report(&e),
            });
            for w in &warnings {
                eprintln!("registre: scdl: {w}");
            }
            let mut out = match open_output(&output) {
                Ok(o) => o,
                Err(code) => return code,
            };
            let mut written = registre::output::write_csv(&mut out, &scdl::HEADER, &rows);
            if let Err(e) = out.flush() {
                written = written.and(Err(e));
            }
            eprintln!(
                "registre: {} SCDL row(s){}",
                rows.len(),
                if warnings.is_empty() {
                    String::new()
                } else {
                    format!(", {} warning(s)", warnings.len())
                }
            );
            finish(written.err(), failed)
        }
        ExportFormat::Ndjson => {
            let mut out = match open_output(&output) {
                Ok(o) => o,
                Err(code) => return code,
            };
            let mut write_err = None;
            batch::run(inputs, |rec| {
                let line = match &rec {
                    Record::Document(d) => serde_json::to_string(d),
                    Record::Error(e) => {
                        report(e);
                        serde_json::to_string(&e.to_record())
                    }
                };
                if let Err(e) = line.map(|l| writeln!(out, "{l}")) {
                    write_err.get_or_insert(std::io::Error::other(e));
                }
            });
            if let Err(e) = out.flush() {
                write_err.get_or_insert(e);
            }
            finish(write_err, failed)
        }
        ExportFormat::Csv | ExportFormat::Sqlite => {
            let Some(target) = output else {
                eprintln!("registre: --output is required: a folder for csv, a file for sqlite");
                return ExitCode::from(2);
            };
            let opened = if format == ExportFormat::Csv {
                registre::export::Sink::csv(&target)
            } else {
                registre::export::Sink::sqlite(&target)
            };
            let mut sink = match opened {
                Ok(s) => s,
                Err(e) => {
                    eprintln!("registre: cannot write {}: {e}", target.display());
                    return ExitCode::from(2);
                }
            };
            let mut write_err = None;
            let mut added = 0usize;
            batch::run(inputs, |rec| match rec {
                Record::Document(d) => match sink.add(&d) {
                    Ok(()) => added += 1,
                    Err(e) => {
                        write_err.get_or_insert(std::io::Error::other(e));
                    }
                },
                Record::Error(e) => report(&e),
            });
            if let Err(e) = sink.finish() {
                write_err.get_or_insert(std::io::Error::other(e));
            }
            eprintln!(
                "registre: {added} document(s) written to {}",
                target.display()
            );
            finish(write_err, failed)
        }
    }
}

fn members(run: RunArgs, format: MembersFormat, output: Option<PathBuf>) -> ExitCode {
    use registre::export::members;
    let mut failed = 0usize;
    let mut collector = members::Collector::default();
    batch::run(run.inputs(), |rec| match rec {
        Record::Document(d) => collector.add(&d),
        Record::Error(e) => {
            failed += 1;
            if !run.quiet {
                eprintln!("registre: {e}");
            }
        }
    });
    let (list, ambiguities) = collector.finish();
    let mut out = match open_output(&output) {
        Ok(o) => o,
        Err(code) => return code,
    };
    let mut written = match format {
        MembersFormat::Json => {
            let all = serde_json::json!({ "members": list, "ambiguities": ambiguities });
            writeln!(
                out,
                "{}",
                serde_json::to_string_pretty(&all).unwrap_or_default()
            )
        }
        MembersFormat::Table => {
            let rows: Vec<Vec<String>> = list.iter().map(members::summary).collect();
            registre::output::write_table(&mut out, &members::HEADER, &rows, 60).and_then(|_| {
                writeln!(
                    out,
                    "\n{} ambiguit{} (names left apart):",
                    ambiguities.len(),
                    if ambiguities.len() == 1 { "y" } else { "ies" }
                )?;
                for a in &ambiguities {
                    writeln!(
                        out,
                        "{}: {:?} {} {}",
                        a.body,
                        a.form,
                        if a.kind == "several_candidates" {
                            "could be any of"
                        } else {
                            "may be the same person as"
                        },
                        a.candidates.join(", ")
                    )?;
                }
                Ok(())
            })
        }
    };
    if let Err(e) = out.flush() {
        written = written.and(Err(e));
    }
    finish(written.err(), failed)
}
