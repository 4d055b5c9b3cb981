//! A table written as CSV or XLSX with the same columns. Cells that a spreadsheet would read as
//! a formula (starting with `=`, `+`, `-` or `@`) are neutralised in both forms.

use rust_xlsxwriter::{Format, Workbook};

#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Number(f64),
    Empty,
}

impl From<&str> for Cell {
    fn from(s: &str) -> Self {
        Cell::Text(s.to_string())
    }
}
impl From<String> for Cell {
    fn from(s: String) -> Self {
        Cell::Text(s)
    }
}
impl From<Option<String>> for Cell {
    fn from(s: Option<String>) -> Self {
        s.map(Cell::Text).unwrap_or(Cell::Empty)
    }
}
impl From<i64> for Cell {
    fn from(n: i64) -> Self {
        Cell::Number(n as f64)
    }
}

#[derive(Debug, Clone, Default)]
pub struct Table {
    pub sheet_name: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

/// A text that a spreadsheet would run as a formula gets a leading apostrophe.
pub fn neutralise(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

impl Table {
    /// UTF-8 CSV with a byte-order mark (so that spreadsheet programs read Hangul right).
    pub fn to_csv(&self) -> Vec<u8> {
        let mut w = csv::WriterBuilder::new().from_writer(vec![0xEF, 0xBB, 0xBF]);
        let _ = w.write_record(&self.headers);
        for row in &self.rows {
            let record: Vec<String> = row
                .iter()
                .map(|c| match c {
                    Cell::Text(s) => neutralise(s),
                    Cell::Number(n) => n.to_string(),
                    Cell::Empty => String::new(),
                })
                .collect();
            let _ = w.write_record(&record);
        }
        w.into_inner().unwrap_or_default()
    }

    pub fn to_xlsx(&self) -> Result<Vec<u8>, String> {
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        let name: String = self
            .sheet_name
            .chars()
            .filter(|c| !"[]:*?/\\".contains(*c))
            .take(31)
            .collect();
        if !name.is_empty() {
            sheet.set_name(&name).map_err(|e| e.to_string())?;
        }
        let bold = Format::new().set_bold();
        for (c, h) in self.headers.iter().enumerate() {
            sheet
                .write_string_with_format(0, c as u16, h, &bold)
                .map_err(|e| e.to_string())?;
        }
        for (r, row) in self.rows.iter().enumerate() {
            let r = r as u32 + 1;
            for (c, cell) in row.iter().enumerate() {
                let c = c as u16;
                match cell {
                    // Written as strings, never as formulas; the neutralisation keeps the
                    // same text as the CSV.
                    Cell::Text(s) => sheet.write_string(r, c, neutralise(s)),
                    Cell::Number(n) => sheet.write_number(r, c, *n),
                    Cell::Empty => continue,
                }
                .map_err(|e| e.to_string())?;
            }
        }
        sheet.set_freeze_panes(1, 0).map_err(|e| e.to_string())?;
        book.save_to_buffer().map_err(|e| e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_keeps_hangul_and_neutralises_formulas() {
        let t = Table {
            sheet_name: "x".into(),
            headers: vec!["name".into(), "n".into()],
            rows: vec![
                vec!["구로구, \"Guro\"".into(), 3.into()],
                vec!["=cmd|' /C calc'!A0".into(), Cell::Empty],
            ],
        };
        let csv = String::from_utf8(t.to_csv()).unwrap();
        assert!(csv.starts_with('\u{feff}'));
        assert!(csv.contains("\"구로구, \"\"Guro\"\"\",3"));
        assert!(csv.contains("'=cmd"));
        assert!(t.to_xlsx().unwrap().starts_with(b"PK"));
    }
}
