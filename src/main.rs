//! The `registre` command: a thin layer over the library.

use clap::{Parser, Subcommand, ValueEnum};
use registre::batch::{self, Record};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

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
    /// (one document a line) for several files or a folder.
    Parse {
        /// Files or folders.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Write to this file instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Print the JSON schema of the keys registre adds to the document contract.
    Schema,
    /// Print the normalized text of a document, as the parser sees it (spans point into it).
    Text { path: PathBuf },
    /// Check deliberations against the rules of the CGCT and arithmetic: quorum, proxies,
    /// tallies, unanimity, majority, convocation delay, dates…
    Check {
        /// Files or folders.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
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
        /// Files or folders.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Count references by text and article, most cited first, instead of listing them.
        #[arg(long)]
        count: bool,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
        /// Write to this file instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
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
        Command::Parse { paths, output } => parse(paths, output),
        Command::Schema => {
            print!("{}", include_str!("../schema/registre.schema.json"));
            ExitCode::SUCCESS
        }
        Command::Check {
            paths,
            format,
            deny,
            rule,
            skip,
            output,
        } => check(paths, format, deny, rule, skip, output),
        Command::Refs {
            paths,
            count,
            format,
            output,
        } => refs(paths, count, format, output),
        Command::Text { path } => match registre::input::read_path(&path) {
            Ok(src) => {
                println!("{}", registre::normalize::normalize(&src.text).as_str());
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("registre: {e}");
                ExitCode::from(2)
            }
        },
    }
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
    paths: Vec<PathBuf>,
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
    batch::run_with(
        batch::expand(&paths),
        |input| {
            let path = match input {
                Ok(p) => p,
                Err(e) => {
                    return Checked {
                        located: vec![],
                        rendered: String::new(),
                        items: 0,
                        error: Some(e.clone()),
                    }
                }
            };
            match batch::process_keeping_text(path) {
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
                eprintln!("registre: {e}");
                return;
            }
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

fn refs(paths: Vec<PathBuf>, count: bool, format: Format, output: Option<PathBuf>) -> ExitCode {
    use registre::output::{self, refs};
    let mut out = match open_output(&output) {
        Ok(o) => o,
        Err(code) => return code,
    };
    let mut failed = 0usize;
    let mut rows = Vec::new();
    let mut counts = refs::Counts::default();
    batch::run(batch::expand(&paths), |rec| match rec {
        Record::Document(d) if count => counts.add(&d),
        Record::Document(d) => rows.extend(refs::list(&d)),
        Record::Error(e) => {
            failed += 1;
            eprintln!("registre: {e}");
        }
    });
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

fn parse(paths: Vec<PathBuf>, output: Option<PathBuf>) -> ExitCode {
    let single = paths.len() == 1 && !paths[0].is_dir();
    let inputs = batch::expand(&paths);
    let mut out = match open_output(&output) {
        Ok(o) => o,
        Err(code) => return code,
    };
    let mut failed = 0usize;
    let mut write_err = None;
    batch::run(inputs, |rec| {
        let line = match &rec {
            Record::Document(d) if single => serde_json::to_string_pretty(d),
            Record::Document(d) => serde_json::to_string(d),
            Record::Error(e) => {
                failed += 1;
                eprintln!("registre: {e}");
                if single {
                    serde_json::to_string_pretty(&e.to_record())
                } else {
                    serde_json::to_string(&e.to_record())
                }
            }
        };
        if let Ok(line) = line {
            if let Err(e) = writeln!(out, "{line}") {
                write_err.get_or_insert(e);
            }
        }
    });
    if let Err(e) = out.flush() {
        write_err.get_or_insert(e);
    }
    finish(write_err, failed)
}
