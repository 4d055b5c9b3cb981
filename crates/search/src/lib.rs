//! One full-text index over the register's records (organisations, partnerships, people, actions),
//! in French, Korean and English, built with tantivy in memory.
//!
//! Every text goes through one analyser: lower case, accents folded (so "region" finds
//! "Région"), then cut into 2- and 3-character n-grams. A query is cut the same way and a record
//! matches when it holds all of the query's n-grams: Hangul needs no dictionary ("구로" finds
//! 구로구, "대구" finds 대구광역시 and 대구경북경제자유구역청), and romanised names are indexed beside
//! the Hangul ("Guro" finds 구로구). Names weigh more than notes in the ranking.
//!
//! The caller gives the documents; this crate knows nothing of the database (it is kept apart so
//! that tantivy, heavy to build, is not rebuilt by changes elsewhere).

use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query, TermQuery};
use tantivy::schema::{
    Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, Value, STORED, STRING,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, NgramTokenizer, TextAnalyzer, TokenStream,
};
use tantivy::{doc, Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

const ANALYZER: &str = "jumelage_ngram";
/// Names are also cut into single characters, so that one Hangul or Han syllable (a Korean
/// surname: 김, 이, 박) finds the people and records whose name holds it.
const NAMES_ANALYZER: &str = "jumelage_names";

/// A record to index: its kind (`organisation`, `partnership`, `person`, `action`), its id, its
/// names (any language, romanisations included) and its other texts.
#[derive(Debug, Clone)]
pub struct Document {
    pub kind: String,
    pub id: String,
    pub names: Vec<String>,
    pub texts: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub kind: String,
    pub id: String,
    pub score: f32,
}

#[derive(Debug)]
pub struct SearchError(pub String);

impl std::fmt::Display for SearchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for SearchError {}

impl From<tantivy::TantivyError> for SearchError {
    fn from(e: tantivy::TantivyError) -> Self {
        SearchError(e.to_string())
    }
}

/// The shortest query that can match: one n-gram (or one syllable, see [`is_one_syllable`]).
pub const MIN_QUERY_CHARS: usize = 2;

/// Whether `query` is one Hangul syllable or one Han, kana character: a whole word in Korean,
/// Chinese or Japanese names, searched among names alone.
pub fn is_one_syllable(query: &str) -> bool {
    let mut chars = query.chars().filter(|c| c.is_alphanumeric());
    match (chars.next(), chars.next()) {
        (Some(c), None) => matches!(c as u32,
            0xAC00..=0xD7A3 | 0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0x3040..=0x30FF),
        _ => false,
    }
}

pub struct SearchIndex {
    reader: IndexReader,
    index: Index,
    /// Kept for updates in place ([`SearchIndex::apply`]).
    writer: std::sync::Mutex<IndexWriter>,
    kind: Field,
    id: Field,
    /// `kind:id`, the term by which an update replaces or removes a record.
    key: Field,
    names: Field,
    texts: Field,
}

fn analyzer() -> TextAnalyzer {
    grams(2)
}

fn grams(min: usize) -> TextAnalyzer {
    TextAnalyzer::builder(NgramTokenizer::new(min, 3, false).expect("a valid n-gram range"))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

impl SearchIndex {
    /// Builds an index of the documents, in memory.
    pub fn build(docs: impl IntoIterator<Item = Document>) -> Result<SearchIndex, SearchError> {
        let mut schema = Schema::builder();
        let indexed = |analyzer: &str| {
            TextOptions::default().set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer(analyzer)
                    .set_index_option(IndexRecordOption::WithFreqs),
            )
        };
        let kind = schema.add_text_field("kind", STRING | STORED);
        let id = schema.add_text_field("id", STRING | STORED);
        let key = schema.add_text_field("key", STRING);
        let names = schema.add_text_field("names", indexed(NAMES_ANALYZER));
        let texts = schema.add_text_field("texts", indexed(ANALYZER));
        let index = Index::create_in_ram(schema.build());
        index.tokenizers().register(ANALYZER, analyzer());
        index.tokenizers().register(NAMES_ANALYZER, grams(1));
        let writer = index.writer_with_num_threads(1, 50_000_000)?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        let built = SearchIndex {
            reader,
            index,
            writer: std::sync::Mutex::new(writer),
            kind,
            id,
            key,
            names,
            texts,
        };
        built.write(docs, std::iter::empty(), false)?;
        Ok(built)
    }

    fn document(&self, d: Document) -> TantivyDocument {
        let mut document = doc!(
            self.key => format!("{}:{}", d.kind, d.id),
            self.kind => d.kind,
            self.id => d.id,
        );
        // Composed (NFC) as queries are: text stored before the input discipline, or typed
        // in decomposed Hangul, is found by the usual composed query.
        for n in d.names.iter().filter(|n| !n.trim().is_empty()) {
            document.add_text(self.names, nfc(n).as_ref());
        }
        for t in d.texts.iter().filter(|t| !t.trim().is_empty()) {
            document.add_text(self.texts, nfc(t).as_ref());
        }
        document
    }

    /// Brings records up to date in place: each of `upserts` replaces the record of the same
    /// kind and id (or is added), each of `removals` (kind, id) leaves the index. Searches see
    /// all of it at once, when this returns.
    pub fn apply(
        &self,
        upserts: impl IntoIterator<Item = Document>,
        removals: impl IntoIterator<Item = (String, String)>,
    ) -> Result<(), SearchError> {
        self.write(upserts, removals, true)
    }

    fn write(
        &self,
        upserts: impl IntoIterator<Item = Document>,
        removals: impl IntoIterator<Item = (String, String)>,
        replace: bool,
    ) -> Result<(), SearchError> {
        let mut writer = self
            .writer
            .lock()
            .map_err(|_| SearchError("index writer poisoned".into()))?;
        for (kind, id) in removals {
            writer.delete_term(Term::from_field_text(self.key, &format!("{kind}:{id}")));
        }
        for d in upserts {
            if replace {
                writer.delete_term(Term::from_field_text(
                    self.key,
                    &format!("{}:{}", d.kind, d.id),
                ));
            }
            writer.add_document(self.document(d))?;
        }
        writer.commit()?;
        self.reader.reload()?;
        Ok(())
    }

    /// How many records the index holds.
    pub fn len(&self) -> usize {
        self.reader.searcher().num_docs() as usize
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The records whose names hold the one syllable of `query`.
    fn one_syllable(&self, query: &str, limit: usize) -> Result<Vec<Hit>, SearchError> {
        let syllable: String = nfc(query).chars().filter(|c| c.is_alphanumeric()).collect();
        let query = TermQuery::new(
            Term::from_field_text(self.names, &syllable),
            IndexRecordOption::WithFreqs,
        );
        self.collect(&query, limit)
    }

    /// The query's n-grams, as the index cut the texts.
    fn grams(&self, query: &str) -> Vec<String> {
        let query = nfc(query);
        let mut a = self
            .index
            .tokenizers()
            .get(ANALYZER)
            .unwrap_or_else(analyzer);
        let mut out = Vec::new();
        // Each word apart, so that no n-gram spans two words of the query.
        for word in query
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            let mut stream = a.token_stream(word);
            while let Some(t) = stream.next() {
                if !out.contains(&t.text) {
                    out.push(t.text.clone());
                }
            }
        }
        out
    }

    /// The records that hold every n-gram of the query in their names or texts, best first.
    /// A query shorter than [`MIN_QUERY_CHARS`] matches nothing.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<Hit>, SearchError> {
        if is_one_syllable(query) {
            return self.one_syllable(query, limit);
        }
        let grams = self.grams(query);
        if grams.is_empty() || limit == 0 {
            return Ok(Vec::new());
        }
        let clauses: Vec<(Occur, Box<dyn Query>)> = grams
            .iter()
            .map(|g| {
                let in_names: Box<dyn Query> = Box::new(BoostQuery::new(
                    Box::new(TermQuery::new(
                        Term::from_field_text(self.names, g),
                        IndexRecordOption::WithFreqs,
                    )),
                    3.0,
                ));
                let in_texts: Box<dyn Query> = Box::new(TermQuery::new(
                    Term::from_field_text(self.texts, g),
                    IndexRecordOption::WithFreqs,
                ));
                let either: Box<dyn Query> = Box::new(BooleanQuery::new(vec![
                    (Occur::Should, in_names),
                    (Occur::Should, in_texts),
                ]));
                (Occur::Must, either)
            })
            .collect();
        self.collect(&BooleanQuery::new(clauses), limit)
    }

    /// The best `limit` records for `query`.
    fn collect(&self, query: &dyn Query, limit: usize) -> Result<Vec<Hit>, SearchError> {
        if limit == 0 {
            return Ok(Vec::new());
        }
        let searcher = self.reader.searcher();
        let top = searcher.search(query, &TopDocs::with_limit(limit).order_by_score())?;
        let mut hits = Vec::with_capacity(top.len());
        for (score, address) in top {
            let d: TantivyDocument = searcher.doc(address)?;
            let text = |f: Field| {
                d.get_first(f)
                    .and_then(|v| v.as_str())
                    .unwrap_or_default()
                    .to_string()
            };
            hits.push(Hit {
                kind: text(self.kind),
                id: text(self.id),
                score,
            });
        }
        Ok(hits)
    }
}

/// The text in Unicode NFC.
/// Borrowed when the text is already composed (nearly always: every input is stored in NFC), so
/// that building the index allocates nothing more for it.
fn nfc(text: &str) -> std::borrow::Cow<'_, str> {
    use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};
    match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => std::borrow::Cow::Borrowed(text),
        _ => std::borrow::Cow::Owned(text.nfc().collect()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(kind: &str, id: &str, names: &[&str], texts: &[&str]) -> Document {
        Document {
            kind: kind.into(),
            id: id.into(),
            names: names.iter().map(|s| s.to_string()).collect(),
            texts: texts.iter().map(|s| s.to_string()).collect(),
        }
    }

    fn sample() -> SearchIndex {
        SearchIndex::build(vec![
            d("organisation", "kr-guro", &["구로구", "Guro-gu"], &[]),
            d(
                "organisation",
                "kr-daegu",
                &["대구광역시", "Daegu-gwangyeoksi"],
                &[],
            ),
            d(
                "organisation",
                "kr-dgfez",
                &[
                    "대구경북경제자유구역청",
                    "Daegu-Gyeongbuk Free Economic Zone",
                ],
                &[],
            ),
            d(
                "organisation",
                "fr-aura",
                &["Région Auvergne-Rhône-Alpes"],
                &[],
            ),
            d(
                "organisation",
                "fr-issy",
                &["Issy-les-Moulineaux"],
                &["Coopération avec Guro depuis 2005"],
            ),
            d("person", "claire", &["Claire Guichard"], &[]),
        ])
        .unwrap()
    }

    fn ids(hits: &[Hit]) -> Vec<&str> {
        hits.iter().map(|h| h.id.as_str()).collect()
    }

    #[test]
    fn french_without_accents_korean_partial_and_romanised() {
        let ix = sample();
        assert_eq!(ix.len(), 6);
        assert_eq!(ids(&ix.search("region", 10).unwrap()), vec!["fr-aura"]);
        assert_eq!(ids(&ix.search("RÉGION", 10).unwrap()), vec!["fr-aura"]);
        assert_eq!(ids(&ix.search("구로", 10).unwrap()), vec!["kr-guro"]);
        // Decomposed Hangul (NFD) finds the composed name.
        assert_eq!(
            ids(&ix.search("\u{1100}\u{116e}\u{1105}\u{1169}", 10).unwrap()),
            vec!["kr-guro"]
        );
        let hits = ix.search("대구", 10).unwrap();
        let daegu = ids(&hits);
        assert!(
            daegu.contains(&"kr-daegu") && daegu.contains(&"kr-dgfez"),
            "{daegu:?}"
        );
        assert_eq!(daegu.len(), 2);
        // The name ranks above a mention in the notes.
        let guro = ix.search("Guro", 10).unwrap();
        assert_eq!(ids(&guro), vec!["kr-guro", "fr-issy"]);
        assert!(guro[0].score > guro[1].score);
    }

    #[test]
    fn updates_in_place_replace_and_remove_records() {
        let ix = sample();
        ix.apply(
            vec![
                d(
                    "organisation",
                    "kr-guro",
                    &["구로구청", "Guro-gu Office"],
                    &[],
                ),
                d("person", "minji", &["Kim Min-ji", "김민지"], &[]),
            ],
            vec![("person".to_string(), "claire".to_string())],
        )
        .unwrap();
        assert_eq!(ix.len(), 6, "one replaced, one added, one removed");
        assert_eq!(ids(&ix.search("구로구청", 10).unwrap()), vec!["kr-guro"]);
        assert_eq!(ids(&ix.search("민지", 10).unwrap()), vec!["minji"]);
        assert!(ix.search("Guichard", 10).unwrap().is_empty());
        // The replaced record is there once.
        assert_eq!(ids(&ix.search("구로", 10).unwrap()), vec!["kr-guro"]);
    }

    #[test]
    fn short_empty_and_absent_queries_find_nothing() {
        let ix = sample();
        assert!(ix.search("", 10).unwrap().is_empty());
        assert!(
            ix.search("g", 10).unwrap().is_empty(),
            "one Latin letter is too short"
        );
        assert!(ix.search("  -- ", 10).unwrap().is_empty());
        assert!(ix.search("Marseille", 10).unwrap().is_empty());
        assert!(ix.search("guro", 0).unwrap().is_empty());
    }

    #[test]
    fn one_syllable_finds_the_names_that_hold_it() {
        let ix = sample();
        let hits = ix.search("구", 10).unwrap();
        let mut gu = ids(&hits);
        gu.sort();
        assert_eq!(gu, ["kr-daegu", "kr-dgfez", "kr-guro"]);
        assert_eq!(ids(&ix.search("서", 10).unwrap()), Vec::<&str>::new());
        assert!(is_one_syllable("김") && is_one_syllable(" 李 ") && !is_one_syllable("g"));
        assert!(
            !is_one_syllable("구로"),
            "two syllables go through the n-grams"
        );
    }

    #[test]
    fn all_words_must_match() {
        let ix = sample();
        assert_eq!(
            ids(&ix.search("claire guichard", 10).unwrap()),
            vec!["claire"]
        );
        assert!(ix.search("claire daegu", 10).unwrap().is_empty());
    }
}
