//! Reading the tables people send: CSV (UTF-8, with or without a byte-order mark) and XLSX (the
//! first sheet). Every cell comes back as text, with its row number as the user sees it (the
//! header is row 1). Excel dates become `YYYY-MM-DD`; whole numbers lose their `.0`. A cell that
//! an export neutralised (`'=…`, `'+…`, `'-…`, `'@…`) gets its text back.

use calamine::{Data, Reader, Xlsx};

/// At most this many bytes are read (larger files are refused, not truncated).
pub const MAX_BYTES: usize = 50 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    TooLarge,
    NotUtf8 {
        row: usize,
    },
    Malformed {
        row: usize,
        detail: String,
    },
    /// A row with more or fewer cells than the header has.
    FieldCount {
        row: usize,
        expected: usize,
        found: usize,
    },
    Empty,
    NotXlsx(String),
}

/// A table: the header and the rows, each with the row number people see.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Sheet {
    pub header: Vec<String>,
    pub rows: Vec<(usize, Vec<String>)>,
}

/// Undoes the export's neutralisation of formula-looking cells.
pub fn restore(cell: &str) -> String {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest.to_string(),
        _ => cell.to_string(),
    }
}

pub fn read_csv(bytes: &[u8]) -> Result<Sheet, ReadError> {
    if bytes.len() > MAX_BYTES {
        return Err(ReadError::TooLarge);
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut sheet = Sheet::default();
    for (i, record) in reader.byte_records().enumerate() {
        let row = i + 1;
        let record = record.map_err(|e| ReadError::Malformed {
            row,
            detail: e.to_string(),
        })?;
        let mut cells = Vec::with_capacity(record.len());
        for field in record.iter() {
            let text = std::str::from_utf8(field).map_err(|_| ReadError::NotUtf8 { row })?;
            cells.push(restore(text.trim()));
        }
        if row == 1 {
            sheet.header = cells.into_iter().map(|c| c.trim().to_lowercase()).collect();
        } else if cells.iter().any(|c| !c.is_empty()) {
            // A short or long row means a lost or shifted cell somewhere: refused, not guessed.
            if cells.len() != sheet.header.len() {
                return Err(ReadError::FieldCount {
                    row,
                    expected: sheet.header.len(),
                    found: cells.len(),
                });
            }
            sheet.rows.push((row, cells));
        }
    }
    if sheet.header.is_empty() {
        return Err(ReadError::Empty);
    }
    Ok(sheet)
}

fn cell_text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => restore(s.trim()),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 9.0e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => b.to_string(),
        // Excel's serial dates count days from 1899-12-30.
        Data::DateTime(dt) => chrono::NaiveDate::from_ymd_opt(1899, 12, 30)
            .and_then(|epoch| {
                epoch.checked_add_signed(chrono::Duration::days(dt.as_f64().floor() as i64))
            })
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default(),
        Data::DateTimeIso(s) => s.get(..10).unwrap_or(s).to_string(),
        Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#{e:?}"),
    }
}

pub fn read_xlsx(bytes: &[u8]) -> Result<Sheet, ReadError> {
    if bytes.len() > MAX_BYTES {
        return Err(ReadError::TooLarge);
    }
    let mut book: Xlsx<_> =
        Xlsx::new(std::io::Cursor::new(bytes)).map_err(|e| ReadError::NotXlsx(e.to_string()))?;
    let name = book
        .sheet_names()
        .first()
        .cloned()
        .ok_or(ReadError::Empty)?;
    let range = book
        .worksheet_range(&name)
        .map_err(|e| ReadError::NotXlsx(e.to_string()))?;
    let mut sheet = Sheet::default();
    let start_row = range.start().map(|(r, _)| r as usize).unwrap_or(0);
    for (i, row) in range.rows().enumerate() {
        let number = start_row + i + 1;
        let cells: Vec<String> = row.iter().map(cell_text).collect();
        if sheet.header.is_empty() {
            sheet.header = cells.into_iter().map(|c| c.trim().to_lowercase()).collect();
        } else if cells.iter().any(|c| !c.is_empty()) {
            sheet.rows.push((number, cells));
        }
    }
    if sheet.header.is_empty() {
        return Err(ReadError::Empty);
    }
    Ok(sheet)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::{Cell, Table};

    fn table() -> Table {
        Table {
            sheet_name: "t".into(),
            headers: vec![
                "id".into(),
                "name_ko".into(),
                "notes".into(),
                "population".into(),
            ],
            rows: vec![
                vec![
                    "kr-guro".into(),
                    "구로구".into(),
                    "=cmd|' /C calc'!A0".into(),
                    399950.into(),
                ],
                vec![
                    "fr-x".into(),
                    Cell::Empty,
                    "- a list, \"quoted\"".into(),
                    Cell::Empty,
                ],
            ],
        }
    }

    #[test]
    fn csv_and_xlsx_round_trip_to_the_same_text() {
        let expected = Sheet {
            header: vec![
                "id".into(),
                "name_ko".into(),
                "notes".into(),
                "population".into(),
            ],
            rows: vec![
                (
                    2,
                    vec![
                        "kr-guro".into(),
                        "구로구".into(),
                        "=cmd|' /C calc'!A0".into(),
                        "399950".into(),
                    ],
                ),
                (
                    3,
                    vec![
                        "fr-x".into(),
                        "".into(),
                        "- a list, \"quoted\"".into(),
                        "".into(),
                    ],
                ),
            ],
        };
        assert_eq!(read_csv(&table().to_csv()).unwrap(), expected);
        let x = read_xlsx(&table().to_xlsx().unwrap()).unwrap();
        assert_eq!(x.header, expected.header);
        assert_eq!(x.rows[0], expected.rows[0]);
        assert_eq!(x.rows[1].1[2], expected.rows[1].1[2]);
    }

    #[test]
    fn bad_files() {
        assert_eq!(
            read_csv(b"id,name\n\xff\xfe,x\n").unwrap_err(),
            ReadError::NotUtf8 { row: 2 }
        );
        assert_eq!(read_csv(b"").unwrap_err(), ReadError::Empty);
        assert!(matches!(
            read_xlsx(b"not a zip").unwrap_err(),
            ReadError::NotXlsx(_)
        ));
        assert_eq!(
            read_csv(&vec![b'a'; MAX_BYTES + 1]).unwrap_err(),
            ReadError::TooLarge
        );
    }
}
