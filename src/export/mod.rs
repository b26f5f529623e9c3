//! Exports for the people who use the data: the national SCDL Délibérations CSV
//! ([`scdl`]), flat tables for spreadsheets ([`tables`]), one SQLite database ([`sqlite`]),
//! and one record per councillor across documents ([`members`]).
//!
//! Everything here works from parsed [`Document`](crate::model::Document)s; only
//! [`sqlite`] touches a file (the database it is given).

pub mod members;
pub mod scdl;
pub mod sqlite;
pub mod tables;

use crate::model::{Deliberation, ItemKind};

/// Lower case, accents off, every run of other characters one space: how a body's name or a
/// file's words are compared ("CORTE" and "Corte", "Saint-Étienne" and "saint etienne").
pub fn fold(s: &str) -> String {
    crate::names::name_key(s).join(" ").to_lowercase()
}

/// Deliberations the council voted on: the acts an open-data file lists. Information,
/// acknowledgements ("prend acte"), the report of delegated decisions and the approval of
/// earlier minutes are not.
pub fn is_voted(d: &Deliberation) -> bool {
    matches!(d.kind, ItemKind::Vote | ItemKind::Election)
}

/// Where `registre export` puts flat tables: CSV files in a folder, or a SQLite database.
pub enum Sink {
    Csv(tables::CsvDir),
    Sqlite(sqlite::Db),
}

impl Sink {
    pub fn csv(dir: &std::path::Path) -> Result<Sink, String> {
        tables::CsvDir::create(dir)
            .map(Sink::Csv)
            .map_err(|e| e.to_string())
    }

    pub fn sqlite(file: &std::path::Path) -> Result<Sink, String> {
        sqlite::Db::open(file)
            .map(Sink::Sqlite)
            .map_err(|e| e.to_string())
    }

    pub fn add(&mut self, doc: &crate::model::Document) -> Result<(), String> {
        match self {
            Sink::Csv(d) => d.add(doc).map_err(|e| e.to_string()),
            Sink::Sqlite(db) => db.add(doc).map_err(|e| e.to_string()),
        }
    }

    pub fn finish(self) -> Result<(), String> {
        match self {
            Sink::Csv(d) => d.finish().map_err(|e| e.to_string()),
            Sink::Sqlite(_) => Ok(()),
        }
    }
}
