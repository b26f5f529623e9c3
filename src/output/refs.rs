//! `registre refs`: every reference of a set of documents, one row each, or counted by text
//! and article (which articles a council relies on most).

use crate::model::{Document, LegalKind, LegalReference};
use std::collections::BTreeMap;

/// The columns of the list.
pub const LIST_HEADER: [&str; 14] = [
    "path",
    "line",
    "page",
    "item",
    "kind",
    "cited",
    "article",
    "article_end",
    "number",
    "date",
    "issuer",
    "short_form",
    "url",
    "text",
];

/// The columns of the counts.
pub const COUNT_HEADER: [&str; 5] = ["cited", "article", "references", "documents", "url"];

/// Which text a reference cites, in words a reader recognises: "CGCT", "loi 2013-595",
/// "arrêté préfectoral du 2014-01-10", "délibération n° 2022-45 du 2022-05-12".
pub fn cited(r: &LegalReference) -> String {
    let when = |d: &Option<String>| d.as_ref().map(|d| format!(" du {d}")).unwrap_or_default();
    let no = |n: &Option<String>| n.as_ref().map(|n| format!(" n° {n}")).unwrap_or_default();
    match r.kind {
        LegalKind::CodeArticle => r.code.clone().unwrap_or_default(),
        LegalKind::Loi => format!("loi{}{}", no(&r.number), when(&r.date)),
        LegalKind::Ordonnance => format!("ordonnance{}{}", no(&r.number), when(&r.date)),
        LegalKind::Decret => format!("décret{}{}", no(&r.number), when(&r.date)),
        LegalKind::Arrete => format!(
            "arrêté{}{}{}",
            r.issuer
                .as_ref()
                .map(|i| format!(" {i}"))
                .unwrap_or_default(),
            no(&r.act_number),
            when(&r.date)
        ),
        LegalKind::Deliberation => format!("délibération{}{}", no(&r.number), when(&r.date)),
        LegalKind::ReglementUe => {
            format!("règlement (UE) {}", r.number.clone().unwrap_or_default())
        }
        LegalKind::DirectiveUe => format!("directive {}", r.number.clone().unwrap_or_default()),
        LegalKind::Other => format!(
            "{}{}{}",
            r.act.clone().unwrap_or_else(|| "autre".into()),
            no(&r.number),
            when(&r.date)
        ),
    }
}

fn kind_name(k: LegalKind) -> String {
    serde_json::to_value(k)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// Every reference of a document (legislation, then earlier deliberations and circulaires),
/// as rows of [`LIST_HEADER`], in reading order.
pub fn list(doc: &Document) -> Vec<Vec<String>> {
    let mut refs: Vec<(Option<&str>, &LegalReference)> = Vec::new();
    refs.extend(doc.legal_references.iter().map(|r| (None, r)));
    refs.extend(doc.other_references.iter().map(|r| (None, r)));
    for d in &doc.deliberations {
        let n = d.number.as_deref();
        refs.extend(d.legal_references.iter().map(|r| (n, r)));
        refs.extend(d.other_references.iter().map(|r| (n, r)));
    }
    refs.sort_by_key(|(_, r)| r.span.start);
    let s = |o: &Option<String>| o.clone().unwrap_or_default();
    refs.into_iter()
        .map(|(item, r)| {
            vec![
                doc.source.path.clone(),
                r.span.line.to_string(),
                r.span.page.map(|p| p.to_string()).unwrap_or_default(),
                item.unwrap_or("").to_string(),
                kind_name(r.kind),
                cited(r),
                s(&r.article),
                s(&r.article_end),
                s(&r.number),
                s(&r.date),
                s(&r.issuer),
                s(&r.short_form),
                s(&r.url),
                r.text.clone(),
            ]
        })
        .collect()
}

/// Counts references by text and article over documents: most cited first.
#[derive(Default)]
pub struct Counts {
    // (cited, article) → (references, documents, url, last document counted)
    by: BTreeMap<(String, String), (usize, usize, String, usize)>,
    docs: usize,
}

impl Counts {
    pub fn add(&mut self, doc: &Document) {
        self.docs += 1;
        for row in list(doc) {
            let e = self.by.entry((row[5].clone(), row[6].clone())).or_insert((
                0,
                0,
                row[12].clone(),
                0,
            ));
            e.0 += 1;
            if e.3 != self.docs {
                e.1 += 1;
                e.3 = self.docs;
            }
        }
    }

    /// Rows of [`COUNT_HEADER`]: by number of references, then documents, then name.
    pub fn rows(&self) -> Vec<Vec<String>> {
        let mut v: Vec<_> = self.by.iter().collect();
        v.sort_by(|a, b| (b.1 .0, b.1 .1).cmp(&(a.1 .0, a.1 .1)).then(a.0.cmp(b.0)));
        v.into_iter()
            .map(|((cited, article), (n, d, url, _))| {
                vec![
                    cited.clone(),
                    article.clone(),
                    n.to_string(),
                    d.to_string(),
                    url.clone(),
                ]
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "Vu le Code général des collectivités territoriales, notamment ses articles \
        L2121-29 et L2122-22 ;\nVu la loi n° 2013-595 du 8 juillet 2013 ;\nVu l'article L2121-29 du \
        même code ;\nVu la délibération n° 2022-45 du 12 mai 2022 ;\n";

    #[test]
    fn one_row_per_reference_in_reading_order() {
        let doc = crate::parse_str("a.txt", DOC);
        let rows = list(&doc);
        let cited: Vec<(&str, &str)> = rows
            .iter()
            .map(|r| (r[5].as_str(), r[6].as_str()))
            .collect();
        assert_eq!(
            cited,
            [
                ("CGCT", "L2121-29"),
                ("CGCT", "L2122-22"),
                ("loi n° 2013-595 du 2013-07-08", ""),
                ("CGCT", "L2121-29"),
                ("délibération n° 2022-45 du 2022-05-12", ""),
            ]
        );
        assert_eq!(rows[3][11], "du même code");
        assert_eq!(rows[2][1], "2");
    }

    #[test]
    fn counts_by_text_and_article() {
        let mut c = Counts::default();
        c.add(&crate::parse_str("a.txt", DOC));
        c.add(&crate::parse_str(
            "b.txt",
            "Vu l'article L2121-29 du CGCT ;",
        ));
        let rows = c.rows();
        assert_eq!(rows[0][..4], ["CGCT", "L2121-29", "3", "2"]);
        assert_eq!(rows.len(), 4);
    }
}
