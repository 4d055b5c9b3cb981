//! A small builder for queries with a variable number of `$n` parameters, written once for both
//! engines (sqlx's own `QueryBuilder` uses `?` under `Any`, which PostgreSQL refuses).

use sqlx::any::AnyArguments;
use sqlx::Arguments;

#[derive(Debug, Clone)]
pub(crate) enum Param {
    Text(String),
    Int(i64),
}

#[derive(Default, Clone)]
pub(crate) struct Params {
    values: Vec<Param>,
}

impl Params {
    /// Adds a value and returns its placeholder (`$1`, `$2`, ...).
    pub fn push(&mut self, p: Param) -> String {
        self.values.push(p);
        format!("${}", self.values.len())
    }
    pub fn text(&mut self, s: impl Into<String>) -> String {
        self.push(Param::Text(s.into()))
    }
    pub fn int(&mut self, i: i64) -> String {
        self.push(Param::Int(i))
    }
    pub fn into_arguments(self) -> AnyArguments<'static> {
        let mut args = AnyArguments::default();
        for v in self.values {
            // Adding a text or an integer to AnyArguments cannot fail.
            let _ = match v {
                Param::Text(s) => args.add(s),
                Param::Int(i) => args.add(i),
            };
        }
        args
    }
}
