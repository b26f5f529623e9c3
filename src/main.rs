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
    /// Print the normalized text of a document, as the parser sees it (spans point into it).
    Text { path: PathBuf },
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
