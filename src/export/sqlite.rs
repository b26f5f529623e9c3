//! One SQLite database holding the flat tables ([`super::tables`]), with keys, indexes and
//! views, ready for Datasette or DuckDB as it is. Adding a document replaces what the
//! database held for the same source (keyed by its sha256), so that running again on more
//! documents, or on the same ones, never duplicates a row.

use super::tables::{self, Cell, Table};
use crate::model::Document;
use rusqlite::{params_from_iter, Connection};
use std::path::Path;

const SCHEMA: &str = r#"
CREATE TABLE IF NOT EXISTS sittings (
  sha256 TEXT PRIMARY KEY, path TEXT, document_kind TEXT, body_kind TEXT, body TEXT,
  date TEXT, time TEXT, place TEXT, convocation_date TEXT, president TEXT, secretary TEXT,
  in_office INTEGER, present INTEGER, represented INTEGER, voting INTEGER,
  receipt_id TEXT, transmitted TEXT
);
CREATE TABLE IF NOT EXISTS deliberations (
  sha256 TEXT NOT NULL REFERENCES sittings(sha256), item INTEGER NOT NULL, number TEXT,
  kind TEXT, subject TEXT, date TEXT, outcome TEXT, "for" INTEGER, against INTEGER,
  abstention INTEGER, not_taking_part INTEGER, unanimous INTEGER, contested INTEGER,
  PRIMARY KEY (sha256, item)
);
CREATE TABLE IF NOT EXISTS votes (
  sha256 TEXT NOT NULL, item INTEGER NOT NULL, member TEXT NOT NULL, member_key TEXT,
  position TEXT, proxy_holder TEXT, basis TEXT,
  PRIMARY KEY (sha256, item, member),
  FOREIGN KEY (sha256, item) REFERENCES deliberations(sha256, item)
);
CREATE TABLE IF NOT EXISTS attendance (
  sha256 TEXT NOT NULL REFERENCES sittings(sha256), member TEXT NOT NULL, member_key TEXT,
  status TEXT, proxy_holder TEXT,
  PRIMARY KEY (sha256, member)
);
CREATE TABLE IF NOT EXISTS proxies (
  sha256 TEXT NOT NULL REFERENCES sittings(sha256), item INTEGER, giver TEXT, holder TEXT
);
CREATE TABLE IF NOT EXISTS legal_references (
  sha256 TEXT NOT NULL REFERENCES sittings(sha256), item INTEGER, kind TEXT, code TEXT,
  article TEXT, number TEXT, date TEXT, text TEXT, url TEXT
);
CREATE INDEX IF NOT EXISTS sittings_body_date ON sittings(body, date);
CREATE INDEX IF NOT EXISTS deliberations_date ON deliberations(date);
CREATE INDEX IF NOT EXISTS votes_member ON votes(member_key, position);
CREATE INDEX IF NOT EXISTS attendance_member ON attendance(member_key);
CREATE INDEX IF NOT EXISTS proxies_sha ON proxies(sha256, item);
CREATE INDEX IF NOT EXISTS references_sha ON legal_references(sha256, item);
CREATE INDEX IF NOT EXISTS references_code ON legal_references(code, article);

-- Votes with votes against or abstentions stated, or unanimity denied; an item published in
-- two documents (minutes as PDF and as text) is one row.
CREATE VIEW IF NOT EXISTS non_unanimous_votes AS
  SELECT s.body, d.date, substr(d.date, 1, 4) AS year, d.number, min(d.subject) AS subject,
         max(d."for") AS "for", max(d.against) AS against, max(d.abstention) AS abstention,
         min(d.outcome) AS outcome, min(s.path) AS path
  FROM deliberations d JOIN sittings s USING (sha256)
  WHERE d.contested = 1
  GROUP BY s.body, d.date, coalesce(d.number, d.item);

-- Per member of a body (keyed by the name's tokens), the share of sittings attended in
-- person among the sittings whose lists name them; a sitting published twice counts once.
CREATE VIEW IF NOT EXISTS attendance_rate AS
  WITH per_sitting AS (
    SELECT s.body, coalesce(s.date, s.sha256) AS sitting, a.member_key,
           min(a.member) AS member,
           max(a.status = 'present') AS present,
           max(a.status = 'represented') AS represented
    FROM attendance a JOIN sittings s USING (sha256)
    GROUP BY s.body, sitting, a.member_key
  )
  SELECT body, member_key, min(member) AS member, count(*) AS sittings,
         sum(present) AS present,
         sum(represented AND NOT present) AS represented,
         count(*) - sum(present) - sum(represented AND NOT present) AS absent,
         round(1.0 * sum(present) / count(*), 3) AS rate
  FROM per_sitting
  GROUP BY body, member_key;
"#;

/// A database being filled.
pub struct Db {
    conn: Connection,
}

impl Db {
    /// Opens (or creates) the database and its tables.
    pub fn open(path: &Path) -> rusqlite::Result<Db> {
        let conn = Connection::open(path)?;
        conn.execute_batch(SCHEMA)?;
        Ok(Db { conn })
    }

    /// Puts one document in, replacing whatever the database held for its source.
    pub fn add(&mut self, doc: &Document) -> rusqlite::Result<()> {
        let tx = self.conn.transaction()?;
        let all = tables::tables(doc);
        // Children first, so that the keys they refer to are still there when they go.
        for t in all.iter().rev() {
            tx.execute(
                &format!("DELETE FROM {} WHERE sha256 = ?1", t.name),
                [&doc.source.sha256],
            )?;
        }
        for t in &all {
            insert(&tx, t)?;
        }
        tx.commit()
    }
}

fn insert(conn: &Connection, t: &Table) -> rusqlite::Result<()> {
    let cols: Vec<String> = t.columns.iter().map(|c| format!("\"{c}\"")).collect();
    let marks: Vec<String> = (1..=t.columns.len()).map(|i| format!("?{i}")).collect();
    // A name the lists repeat is one row.
    let mut stmt = conn.prepare(&format!(
        "INSERT OR IGNORE INTO {} ({}) VALUES ({})",
        t.name,
        cols.join(", "),
        marks.join(", ")
    ))?;
    for r in &t.rows {
        stmt.execute(params_from_iter(r.iter().map(|c| match c {
            Cell::Null => rusqlite::types::Value::Null,
            Cell::Int(n) => rusqlite::types::Value::Integer(*n),
            Cell::Text(s) => rusqlite::types::Value::Text(s.clone()),
        })))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adding_twice_keeps_one_copy() {
        let dir = std::env::temp_dir().join(format!("registre-sqlite-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("t.db");
        let _ = std::fs::remove_file(&path);
        let doc = crate::parse_str("x.txt", include_str!("../../fixtures/extrait_classic.txt"));
        for _ in 0..2 {
            let mut db = Db::open(&path).unwrap();
            db.add(&doc).unwrap();
        }
        let db = Db::open(&path).unwrap();
        let n: i64 = db
            .conn
            .query_row("SELECT count(*) FROM deliberations", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 1);
        let rate: f64 = db
            .conn
            .query_row(
                "SELECT rate FROM attendance_rate WHERE member = 'Bernard LECLERC'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(rate, 1.0);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
