//! The `registre` command: a thin layer over the library.

use clap::{Parser, Subcommand};
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
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // Panics inside the PDF reader are caught and become error records naming the file;
    // the default hook would also print a backtrace for each.
    std::panic::set_hook(Box::new(|_| {}));
    match cli.command {
        Command::Parse { paths, output } => parse(paths, output),
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

fn parse(paths: Vec<PathBuf>, output: Option<PathBuf>) -> ExitCode {
    let single = paths.len() == 1 && !paths[0].is_dir();
    let inputs = batch::expand(&paths);
    let mut out: Box<dyn Write> = match &output {
        Some(p) => match std::fs::File::create(p) {
            Ok(f) => Box::new(std::io::BufWriter::new(f)),
            Err(e) => {
                eprintln!("registre: cannot write {}: {e}", p.display());
                return ExitCode::from(2);
            }
        },
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
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
