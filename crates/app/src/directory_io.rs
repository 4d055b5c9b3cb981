//! Import and export of the register: organisations and partnerships, as CSV, XLSX or JSON with
//! one documented column layout. Exporting then importing into an empty database and exporting
//! again gives the same file. Imports are all or nothing: every problem is reported by row and
//! column, and nothing is stored unless the whole file is right.

use std::collections::{HashMap, HashSet};

use domain::directory::{
    Names, Organisation, OrganisationInput, Partnership, PartnershipInput, Seat, Signed,
};
use domain::{DomainError, ErrorKey};
use exports::read::{ReadError, Sheet};
use exports::table::{Cell, Table};
use serde_json::{Map, Value};
use storage::{Db, OrgFilter, PartnershipFilter};

/// Failures that are not a row's: the database's, or writing a file.
pub use storage::StorageError as AppError;

pub const ORGANISATION_COLUMNS: [&str; 18] = [
    "id",
    "kind",
    "country",
    "level",
    "parent_id",
    "name_fr",
    "name_ko",
    "name_ko_latn",
    "name_en",
    "population",
    "population_year",
    "lat",
    "lon",
    "seat_name",
    "website",
    "notes",
    "notes_lang",
    "other_names",
];
/// Columns a file may leave out (those added after the first layout, and the id).
const OPTIONAL_COLUMNS: [&str; 3] = ["id", "notes_lang", "other_names"];
/// Names in other languages are one cell: `ja: 東京都 | ar: …`.
pub fn other_names_cell(names: &std::collections::BTreeMap<String, String>) -> String {
    names
        .iter()
        .map(|(t, n)| format!("{t}: {n}"))
        .collect::<Vec<_>>()
        .join(THEME_SEPARATOR)
}

fn parse_other_names(cell: Option<String>) -> std::collections::BTreeMap<String, String> {
    cell.unwrap_or_default()
        .split(THEME_SEPARATOR.trim())
        .filter_map(|part| {
            let (t, n) = part.split_once(':')?;
            Some((t.trim().to_string(), n.trim().to_string()))
        })
        .collect()
}
pub const PARTNERSHIP_COLUMNS: [&str; 10] = [
    "id",
    "organisation_a",
    "organisation_b",
    "kind",
    "status",
    "signed_date",
    "signed_year",
    "themes",
    "notes",
    "notes_lang",
];
/// Themes are one cell, separated by this.
pub const THEME_SEPARATOR: &str = " | ";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Collection {
    Organisations,
    Partnerships,
}

impl Collection {
    pub fn parse(s: &str) -> Option<Collection> {
        match s {
            "organisations" => Some(Collection::Organisations),
            "partnerships" => Some(Collection::Partnerships),
            _ => None,
        }
    }
    pub fn columns(self) -> &'static [&'static str] {
        match self {
            Collection::Organisations => &ORGANISATION_COLUMNS,
            Collection::Partnerships => &PARTNERSHIP_COLUMNS,
        }
    }
    pub fn name(self) -> &'static str {
        match self {
            Collection::Organisations => "organisations",
            Collection::Partnerships => "partnerships",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Xlsx,
    Json,
}

impl Format {
    pub fn parse(s: &str) -> Option<Format> {
        match s {
            "csv" => Some(Format::Csv),
            "xlsx" => Some(Format::Xlsx),
            "json" => Some(Format::Json),
            _ => None,
        }
    }
    /// From a file name's extension.
    pub fn of_file(name: &str) -> Option<Format> {
        Format::parse(&name.rsplit('.').next()?.to_ascii_lowercase())
    }
    pub fn mime(self) -> &'static str {
        match self {
            Format::Csv => "text/csv; charset=utf-8",
            Format::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Format::Json => "application/json",
        }
    }
    pub fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
            Format::Json => "json",
        }
    }
}

/// One problem of an import: where (row as the user sees it, header = 1; column name) and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    pub row: usize,
    /// For a row of the wrong length: (cells expected, cells found).
    pub counts: Option<(usize, usize)>,
    pub column: Option<String>,
    pub key: ErrorKey,
}

impl RowError {
    /// A problem of a row, on a column.
    fn at(row: usize, column: impl Into<String>, key: ErrorKey) -> RowError {
        RowError {
            row,
            counts: None,
            column: Some(column.into()),
            key,
        }
    }

    /// The problem in words, in one language (the counts of a row of the wrong length said).
    pub fn message(&self, lang: i18n::Lang) -> String {
        match self.counts {
            Some((expected, found)) => i18n::t_args(
                lang,
                "error-wrong-field-count",
                &[
                    ("expected", (expected as i64).into()),
                    ("found", (found as i64).into()),
                ],
            ),
            None => i18n::t(lang, &self.key.message_id()),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    pub rows: usize,
    pub created: usize,
    pub committed: bool,
    pub errors: Vec<RowError>,
}

/// Errors kept per import, at most (the first ones, in row order).
pub const MAX_ERRORS: usize = 200;

fn text(s: &Option<String>) -> Cell {
    s.clone().map(Cell::Text).unwrap_or(Cell::Empty)
}

/// The records of a collection as a table with the documented columns, ordered by id.
pub async fn table(db: &Db, collection: Collection) -> Result<Table, AppError> {
    let mut rows = Vec::new();
    match collection {
        Collection::Organisations => {
            let (mut all, _) = db
                .organisations(&OrgFilter::default(), i64::MAX / 2, 0)
                .await?;
            all.sort_by(|a, b| a.org.id.cmp(&b.org.id));
            for r in all {
                let o = r.org;
                rows.push(vec![
                    Cell::Text(o.id),
                    Cell::Text(o.kind.code().into()),
                    Cell::Text(o.country.as_str().into()),
                    text(&o.level.map(|l| l.code().to_string())),
                    text(&o.parent_id),
                    text(&o.names.fr),
                    text(&o.names.ko),
                    text(&o.names.ko_latn),
                    text(&o.names.en),
                    o.population.map(Cell::from).unwrap_or(Cell::Empty),
                    o.population_year
                        .map(|y| Cell::from(i64::from(y)))
                        .unwrap_or(Cell::Empty),
                    o.seat
                        .map(|s| Cell::Text(s.lat.to_string()))
                        .unwrap_or(Cell::Empty),
                    o.seat
                        .map(|s| Cell::Text(s.lon.to_string()))
                        .unwrap_or(Cell::Empty),
                    text(&o.seat_name),
                    text(&o.website),
                    text(&o.notes),
                    text(&o.notes_lang),
                    Cell::Text(other_names_cell(&o.other_names)),
                ]);
            }
        }
        Collection::Partnerships => {
            let (mut all, _) = db
                .partnerships(&PartnershipFilter::default(), i64::MAX / 2, 0)
                .await?;
            all.sort_by(|a, b| a.partnership.id.cmp(&b.partnership.id));
            for r in all {
                let p = r.partnership;
                let (date, year) = match p.signed {
                    Some(Signed::Date(d)) => (
                        Some(d.format("%Y-%m-%d").to_string()),
                        Some(i64::from(Signed::Date(d).year())),
                    ),
                    Some(Signed::Year(y)) => (None, Some(i64::from(y))),
                    None => (None, None),
                };
                rows.push(vec![
                    Cell::Text(p.id),
                    Cell::Text(p.organisation_a),
                    Cell::Text(p.organisation_b),
                    Cell::Text(p.kind.code().into()),
                    Cell::Text(p.status.code().into()),
                    text(&date),
                    year.map(Cell::from).unwrap_or(Cell::Empty),
                    if p.themes.is_empty() {
                        Cell::Empty
                    } else {
                        Cell::Text(p.themes.join(THEME_SEPARATOR))
                    },
                    text(&p.notes),
                    text(&p.notes_lang),
                ]);
            }
        }
    }
    Ok(Table {
        sheet_name: collection.name().into(),
        headers: collection.columns().iter().map(|c| c.to_string()).collect(),
        rows,
    })
}

/// The table in a format. JSON is an array of objects with the same columns (numbers as numbers,
/// empty cells left out).
pub fn render(t: &Table, format: Format) -> Result<Vec<u8>, AppError> {
    match format {
        Format::Csv => Ok(t.to_csv()),
        Format::Xlsx => t.to_xlsx().map_err(|e| AppError::Io(format!("xlsx: {e}"))),
        Format::Json => {
            let items: Vec<Value> = t
                .rows
                .iter()
                .map(|row| {
                    let mut m = Map::new();
                    for (h, c) in t.headers.iter().zip(row) {
                        match c {
                            Cell::Text(s) => {
                                m.insert(h.clone(), Value::String(s.clone()));
                            }
                            Cell::Number(n) => {
                                m.insert(h.clone(), serde_json::json!(*n as i64));
                            }
                            Cell::Empty => {}
                        }
                    }
                    Value::Object(m)
                })
                .collect();
            Ok((serde_json::to_string_pretty(&items).unwrap_or_default() + "\n").into_bytes())
        }
    }
}

/// An empty table with the columns, as a template to fill in.
pub fn template(collection: Collection) -> Table {
    Table {
        sheet_name: collection.name().into(),
        headers: collection.columns().iter().map(|c| c.to_string()).collect(),
        rows: Vec::new(),
    }
}

fn read(bytes: &[u8], format: Format) -> Result<Sheet, RowError> {
    let err = |row: usize, key: ErrorKey| RowError {
        counts: None,
        row,
        column: None,
        key,
    };
    match format {
        Format::Csv => exports::read::read_csv(bytes),
        Format::Xlsx => exports::read::read_xlsx(bytes),
        Format::Json => return read_json(bytes),
    }
    .map_err(|e| match e {
        ReadError::TooLarge => err(0, ErrorKey::FileTooLarge),
        ReadError::FieldCount {
            row,
            expected,
            found,
        } => RowError {
            counts: Some((expected, found)),
            ..err(row, ErrorKey::WrongFieldCount)
        },
        ReadError::NotUtf8 { row } | ReadError::Malformed { row, .. } => {
            err(row, ErrorKey::FileUnreadable)
        }
        ReadError::Empty | ReadError::NotXlsx(_) => err(0, ErrorKey::FileUnreadable),
    })
}

fn read_json(bytes: &[u8]) -> Result<Sheet, RowError> {
    let bad = RowError {
        counts: None,
        row: 0,
        column: None,
        key: ErrorKey::FileUnreadable,
    };
    if bytes.len() > exports::read::MAX_BYTES {
        return Err(RowError {
            counts: None,
            key: ErrorKey::FileTooLarge,
            ..bad
        });
    }
    let items: Vec<Map<String, Value>> = serde_json::from_slice(bytes).map_err(|_| bad.clone())?;
    let mut header: Vec<String> = Vec::new();
    for item in &items {
        for k in item.keys() {
            if !header.contains(k) {
                header.push(k.clone());
            }
        }
    }
    let rows = items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let cells = header
                .iter()
                .map(|h| match item.get(h) {
                    None | Some(Value::Null) => String::new(),
                    Some(Value::String(s)) => s.clone(),
                    Some(other) => other.to_string(),
                })
                .collect();
            (i + 2, cells)
        })
        .collect();
    Ok(Sheet { header, rows })
}

/// Who imports, for the audit log: the account (none from the command line) and the client.
#[derive(Debug, Clone, Copy)]
pub struct Who<'a> {
    pub user: Option<&'a str>,
    pub client: &'a str,
}

impl Who<'_> {
    fn event(&self, collection: Collection, rows: usize) -> storage::AuditEvent {
        storage::AuditEvent::new("import")
            .actor(self.user)
            .target(collection.name())
            .detail(format!("{rows} rows"))
            .client(self.client)
    }
}

/// Every cell in NFC; a control character is an error on its row and column (`domain::text`).
fn clean_cells(sheet: &mut Sheet, errors: &mut Vec<RowError>) {
    for (row, cells) in &mut sheet.rows {
        for (i, cell) in cells.iter_mut().enumerate() {
            let column = sheet.header.get(i).cloned().unwrap_or_default();
            match domain::text::clean(cell, &column) {
                Ok(std::borrow::Cow::Owned(clean)) => *cell = clean,
                Ok(std::borrow::Cow::Borrowed(_)) => {}
                Err(e) => errors.push(RowError::at(*row, column, e.key)),
            }
        }
    }
}

/// Checks the header against the layout: unknown and missing columns are errors of row 1.
fn columns(
    sheet: &Sheet,
    collection: Collection,
    errors: &mut Vec<RowError>,
) -> HashMap<&'static str, usize> {
    let mut at = HashMap::new();
    for (i, h) in sheet.header.iter().enumerate() {
        match collection.columns().iter().find(|c| **c == h.as_str()) {
            Some(c) => {
                at.insert(*c, i);
            }
            None => errors.push(RowError::at(1, h.clone(), ErrorKey::UnknownColumn)),
        }
    }
    for c in collection.columns() {
        let optional = OPTIONAL_COLUMNS.contains(c);
        if !at.contains_key(c) && !optional {
            errors.push(RowError::at(1, c.to_string(), ErrorKey::MissingColumn));
        }
    }
    at
}

/// The column of a domain field ("names.fr" → "name_fr", "seat" → "lat").
fn column_of(field: &str) -> String {
    match field {
        "seat" => "lat".into(),
        f if f.starts_with("names.") => format!("name_{}", &f[6..]),
        f if f.starts_with("themes") => "themes".into(),
        f => f.into(),
    }
}

fn push(errors: &mut Vec<RowError>, row: usize, e: DomainError) {
    errors.push(RowError {
        counts: None,
        row,
        column: e.field.as_deref().map(column_of),
        key: e.key,
    });
}

/// Where each column of the layout is in the file's rows.
struct Columns(HashMap<&'static str, usize>);

impl Columns {
    /// A cell of a row, trimmed; empty is `None`.
    fn cell(&self, cells: &[String], c: &str) -> Option<String> {
        self.0
            .get(c)
            .and_then(|i| cells.get(*i))
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
    }
}

/// Imports a file, in steps: read → check the header and cells → read the rows into records →
/// check them against the database → write them in one transaction → finish (keep or roll
/// back). With `dry_run`, everything is checked (database constraints included) and nothing is
/// kept. `progress` is told how many rows are done.
pub async fn import(
    db: &Db,
    who: Who<'_>,
    collection: Collection,
    bytes: &[u8],
    format: Format,
    dry_run: bool,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<Report, AppError> {
    let mut sheet = match read(bytes, format) {
        Ok(s) => s,
        Err(e) => return Ok(refused(0, vec![e])),
    };
    if format == Format::Json {
        // JSON leaves empty values out: a column no record has is an empty column.
        for c in collection.columns() {
            if !sheet.header.iter().any(|h| h == c) {
                sheet.header.push(c.to_string());
                for (_, cells) in &mut sheet.rows {
                    cells.push(String::new());
                }
            }
        }
    }
    let mut errors = Vec::new();
    let at = Columns(columns(&sheet, collection, &mut errors));
    clean_cells(&mut sheet, &mut errors);
    let total = sheet.rows.len();
    if !errors.is_empty() {
        return Ok(refused(total, errors));
    }
    // Rows are dropped once read: the file is not held twice.
    let rows = &mut sheet.rows;
    let (tx, created) = match collection {
        Collection::Organisations => {
            let (orgs, ids_in_file) = parse_organisations(rows, &at, &mut errors);
            check_organisations(db, &orgs, &ids_in_file, &mut errors).await?;
            if !errors.is_empty() {
                return Ok(refused(total, errors));
            }
            (
                write_organisations(db, &orgs, total, progress).await?,
                orgs.len(),
            )
        }
        Collection::Partnerships => {
            let taxonomy = db.taxonomy().await?;
            let items = parse_partnerships(rows, &at, &taxonomy, &mut errors);
            check_partnerships(db, &items, &mut errors).await?;
            if !errors.is_empty() {
                return Ok(refused(total, errors));
            }
            (
                write_partnerships(db, &items, total, progress).await?,
                items.len(),
            )
        }
    };
    progress(total, total);
    let mut tx = tx;
    if dry_run {
        tx.rollback().await?;
    } else {
        db.audit_in(&mut tx, &who.event(collection, total)).await?;
        tx.commit().await?;
    }
    Ok(Report {
        rows: total,
        created,
        committed: !dry_run,
        errors,
    })
}

/// A file refused whole: its problems, in row order, at most `MAX_ERRORS`.
fn refused(rows: usize, mut errors: Vec<RowError>) -> Report {
    errors.sort_by_key(|e| e.row);
    errors.truncate(MAX_ERRORS);
    Report {
        rows,
        errors,
        ..Default::default()
    }
}

type Rows = Vec<(usize, Vec<String>)>;

/// The organisation rows read into records (each row's problems said on its columns).
fn parse_organisations(
    rows: &mut Rows,
    at: &Columns,
    errors: &mut Vec<RowError>,
) -> (Vec<(usize, Organisation)>, HashSet<String>) {
    let mut orgs = Vec::with_capacity(rows.len());
    let mut ids_in_file: HashSet<String> = HashSet::new();
    // Rows are dropped once read: the file is not held twice.
    for (row, cells) in rows.drain(..) {
        let cells = &cells;
        let number = |c: &str, errors: &mut Vec<RowError>| -> Option<i64> {
            at.cell(cells, c).and_then(|v| match v.parse::<i64>() {
                Ok(n) => Some(n),
                Err(_) => {
                    errors.push(RowError::at(row, c, ErrorKey::InvalidNumber));
                    None
                }
            })
        };
        let coordinate = |c: &str, errors: &mut Vec<RowError>| -> Option<f64> {
            at.cell(cells, c).and_then(|v| match v.parse::<f64>() {
                Ok(n) => Some(n),
                Err(_) => {
                    errors.push(RowError::at(row, c, ErrorKey::InvalidCoordinates));
                    None
                }
            })
        };
        let population = number("population", errors);
        let year = number("population_year", errors);
        let (lat, lon) = (coordinate("lat", errors), coordinate("lon", errors));
        if lat.is_some() != lon.is_some() {
            errors.push(RowError::at(
                row,
                if lat.is_some() { "lon" } else { "lat" },
                ErrorKey::Required,
            ));
        }
        let input = OrganisationInput {
            id: at.cell(cells, "id"),
            kind: at.cell(cells, "kind").unwrap_or_default(),
            country: at.cell(cells, "country").unwrap_or_default(),
            level: at.cell(cells, "level"),
            parent_id: at.cell(cells, "parent_id"),
            names: Names {
                fr: at.cell(cells, "name_fr"),
                ko: at.cell(cells, "name_ko"),
                ko_latn: at.cell(cells, "name_ko_latn"),
                en: at.cell(cells, "name_en"),
            },
            population,
            population_year: year.and_then(|y| i32::try_from(y).ok()),
            seat: lat.zip(lon).map(|(lat, lon)| Seat { lat, lon }),
            seat_name: at.cell(cells, "seat_name"),
            website: at.cell(cells, "website"),
            notes: at.cell(cells, "notes"),
            notes_lang: at.cell(cells, "notes_lang"),
            other_names: parse_other_names(at.cell(cells, "other_names")),
        };
        let id = input.id.clone().unwrap_or_else(|| {
            domain::ids::organisation_id(&input.country, &input.names, &format!("row-{row}"))
        });
        match input.validate(id.clone()) {
            Ok(o) => {
                if !ids_in_file.insert(o.id.clone()) {
                    errors.push(RowError::at(row, "id", ErrorKey::DuplicateId));
                }
                orgs.push((row, o));
            }
            Err(es) => es.into_iter().for_each(|e| push(errors, row, e)),
        }
        if errors.len() >= MAX_ERRORS {
            break;
        }
    }
    (orgs, ids_in_file)
}

/// Ids already taken, parents that exist neither in the file nor in the register.
async fn check_organisations(
    db: &Db,
    orgs: &[(usize, Organisation)],
    ids_in_file: &HashSet<String>,
    errors: &mut Vec<RowError>,
) -> Result<(), AppError> {
    let ids: Vec<&str> = orgs.iter().map(|(_, o)| o.id.as_str()).collect();
    let existing = db.existing_organisation_ids(&ids).await?;
    let parents: Vec<&str> = orgs
        .iter()
        .filter_map(|(_, o)| o.parent_id.as_deref())
        .collect();
    let known_parents = db.existing_organisation_ids(&parents).await?;
    for (row, o) in orgs {
        if existing.contains(&o.id) {
            errors.push(RowError::at(*row, "id", ErrorKey::DuplicateId));
        }
        if let Some(p) = &o.parent_id {
            if !ids_in_file.contains(p) && !known_parents.contains(p) {
                errors.push(RowError::at(
                    *row,
                    "parent_id",
                    ErrorKey::UnknownOrganisation,
                ));
            }
        }
    }
    Ok(())
}

/// Writes the organisations, their parents last (a parent may come later in the file).
async fn write_organisations(
    db: &Db,
    orgs: &[(usize, Organisation)],
    total: usize,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<storage::Tx, AppError> {
    let mut tx = db.begin().await?;
    for (i, (_, o)) in orgs.iter().enumerate() {
        let mut without_parent = o.clone();
        without_parent.parent_id = None;
        db.insert_organisation(
            &mut tx,
            &without_parent,
            &serde_json::json!({"record": "import"}),
        )
        .await?;
        if i % 500 == 0 {
            progress(i, total);
        }
    }
    // The parents' foreign-key checks look the new rows up: the planner must know them.
    if orgs.len() >= storage::BULK_ROWS {
        db.analyze_in(&mut tx, &["organisations"]).await?;
    }
    for (_, o) in orgs {
        if let Some(p) = &o.parent_id {
            db.set_parent_in(&mut tx, &o.id, p).await?;
        }
    }
    Ok(tx)
}

/// The partnership rows read into records, their themes resolved in the taxonomy.
fn parse_partnerships(
    rows: &mut Rows,
    at: &Columns,
    taxonomy: &storage::Taxonomy,
    errors: &mut Vec<RowError>,
) -> Vec<(usize, Partnership)> {
    let mut items = Vec::with_capacity(rows.len());
    let mut ids_in_file: HashSet<String> = HashSet::new();
    // Rows are dropped once read: the file is not held twice.
    for (row, cells) in rows.drain(..) {
        let cells = &cells;
        let year = match at.cell(cells, "signed_year") {
            None => None,
            Some(v) => match v.parse::<i32>() {
                Ok(y) => Some(y),
                Err(_) => {
                    errors.push(RowError::at(row, "signed_year", ErrorKey::InvalidNumber));
                    None
                }
            },
        };
        let input = PartnershipInput {
            organisation_a: at.cell(cells, "organisation_a").unwrap_or_default(),
            organisation_b: at.cell(cells, "organisation_b").unwrap_or_default(),
            kind: at.cell(cells, "kind").unwrap_or_default(),
            status: at.cell(cells, "status"),
            signed_date: at.cell(cells, "signed_date"),
            signed_year: year,
            themes: at
                .cell(cells, "themes")
                .map(|t| {
                    t.split(THEME_SEPARATOR.trim())
                        .map(|x| x.trim().to_string())
                        .filter(|x| !x.is_empty())
                        .collect()
                })
                .unwrap_or_default(),
            notes: at.cell(cells, "notes"),
            notes_lang: at.cell(cells, "notes_lang"),
        };
        let id = at
            .cell(cells, "id")
            .unwrap_or_else(|| format!("p-{}-{}", input.organisation_a, input.organisation_b));
        match input.validate(id) {
            Ok(mut p) => {
                match taxonomy.resolve_all(&p.themes) {
                    Ok(ids) => p.themes = ids,
                    Err(e) => push(errors, row, e),
                }
                if !ids_in_file.insert(p.id.clone()) {
                    errors.push(RowError::at(row, "id", ErrorKey::DuplicateId));
                }
                items.push((row, p));
            }
            Err(es) => es.into_iter().for_each(|e| push(errors, row, e)),
        }
        if errors.len() >= MAX_ERRORS {
            break;
        }
    }
    items
}

/// Parties that do not exist, ids already taken.
async fn check_partnerships(
    db: &Db,
    items: &[(usize, Partnership)],
    errors: &mut Vec<RowError>,
) -> Result<(), AppError> {
    let parties: Vec<&str> = items
        .iter()
        .flat_map(|(_, p)| [p.organisation_a.as_str(), p.organisation_b.as_str()])
        .collect();
    let known = db.existing_organisation_ids(&parties).await?;
    let ids: Vec<&str> = items.iter().map(|(_, p)| p.id.as_str()).collect();
    let existing = db.existing_partnership_ids(&ids).await?;
    for (row, p) in items {
        for (id, col) in [
            (&p.organisation_a, "organisation_a"),
            (&p.organisation_b, "organisation_b"),
        ] {
            if !known.contains(id) {
                errors.push(RowError::at(*row, col, ErrorKey::UnknownOrganisation));
            }
        }
        if existing.contains(&p.id) {
            errors.push(RowError::at(*row, "id", ErrorKey::DuplicateId));
        }
    }
    Ok(())
}

async fn write_partnerships(
    db: &Db,
    items: &[(usize, Partnership)],
    total: usize,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<storage::Tx, AppError> {
    let mut tx = db.begin().await?;
    let rows: Vec<&Partnership> = items.iter().map(|(_, p)| p).collect();
    db.insert_partnerships(
        &mut tx,
        &rows,
        &serde_json::json!({"record": "import"}),
        &|done| progress(done, total),
    )
    .await?;
    Ok(tx)
}
