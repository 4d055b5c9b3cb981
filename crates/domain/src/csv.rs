//! Reading the small CSV files shipped in the binary (`data/`): a header line, then rows of
//! fields, quoted with `"` where they hold a comma (`""` inside a quoted field is a quote).

/// The rows after the header, each as its fields.
pub(crate) fn rows(text: &str) -> impl Iterator<Item = Vec<String>> + '_ {
    text.lines().skip(1).filter(|l| !l.is_empty()).map(fields)
}

fn fields(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => out.push(std::mem::take(&mut field)),
            (c, _) => field.push(c),
        }
    }
    out.push(field);
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn quoted_fields_keep_their_commas_and_quotes() {
        assert_eq!(
            super::fields(r#"BQ,"Bonaire, Saba","say ""hi""",x"#),
            ["BQ", "Bonaire, Saba", r#"say "hi""#, "x"]
        );
    }
}
