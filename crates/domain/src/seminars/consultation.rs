//! The consultation of members on a series' themes: each organisation ranks the themes that
//! interest it (1 = most), says whether it is willing to facilitate, when it is available, and
//! comments. Answers come from a signed-in editor or through a personal link without account.

use serde::{Deserialize, Serialize};

use crate::directory::clean_text;
use crate::{DomainError, ErrorKey};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Willing {
    Yes,
    Maybe,
    No,
}

impl Willing {
    pub const ALL: [Willing; 3] = [Willing::Yes, Willing::Maybe, Willing::No];
    pub fn code(self) -> &'static str {
        match self {
            Willing::Yes => "yes",
            Willing::Maybe => "maybe",
            Willing::No => "no",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|w| w.code() == s)
    }
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct AnswerInput {
    /// (seminar id, rank as typed); an empty rank means "not interested".
    pub rankings: Vec<(String, Option<String>)>,
    pub willing: String,
    pub availability: Option<String>,
    pub comments: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Answer {
    /// (seminar id, rank), ranks 1..=n without gaps or repeats, best first.
    pub ranks: Vec<(String, u32)>,
    pub willing: Willing,
    pub availability: Option<String>,
    pub comments: Option<String>,
}

impl AnswerInput {
    /// Checks the answer against the consultation's seminars (`seminars`, by id).
    pub fn validate(&self, seminars: &[String]) -> Result<Answer, DomainError> {
        let mut ranks: Vec<(String, u32)> = Vec::new();
        for (seminar, rank) in &self.rankings {
            let field = format!("rank[{seminar}]");
            if !seminars.contains(seminar) {
                return Err(DomainError::field(ErrorKey::NotFound, field));
            }
            let Some(rank) = rank.as_deref().map(str::trim).filter(|r| !r.is_empty()) else {
                continue;
            };
            let r: u32 = rank
                .parse()
                .ok()
                .filter(|r| (1..=seminars.len() as u32).contains(r))
                .ok_or_else(|| DomainError::field(ErrorKey::InvalidNumber, field.clone()))?;
            if ranks.iter().any(|(s, x)| *x == r || s == seminar) {
                return Err(DomainError::field(ErrorKey::DuplicateRank, field));
            }
            ranks.push((seminar.clone(), r));
        }
        ranks.sort_by_key(|(_, r)| *r);
        // Ranks are renumbered 1..=n in their order, so "1, 3" means "first, second".
        for (i, (_, r)) in ranks.iter_mut().enumerate() {
            *r = i as u32 + 1;
        }
        let willing = Willing::parse(self.willing.trim())
            .ok_or_else(|| DomainError::field(ErrorKey::Required, "willing"))?;
        Ok(Answer {
            ranks,
            willing,
            availability: clean_text(self.availability.as_deref(), "availability", 2000)?,
            comments: clean_text(self.comments.as_deref(), "comments", 10_000)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seminars() -> Vec<String> {
        vec!["s1".into(), "s2".into(), "s3".into()]
    }

    #[test]
    fn answers() {
        let a = AnswerInput {
            rankings: vec![
                ("s3".into(), Some("1".into())),
                ("s1".into(), Some("3".into())),
                ("s2".into(), None),
            ],
            willing: "yes".into(),
            availability: Some(" juin ".into()),
            comments: None,
        }
        .validate(&seminars())
        .unwrap();
        assert_eq!(a.ranks, vec![("s3".to_string(), 1), ("s1".to_string(), 2)]);
        assert_eq!(a.availability.as_deref(), Some("juin"));
    }

    #[test]
    fn bad_answers_name_their_field() {
        let bad = |rankings: Vec<(&str, &str)>, willing: &str| {
            AnswerInput {
                rankings: rankings
                    .into_iter()
                    .map(|(s, r)| (s.to_string(), Some(r.to_string())))
                    .collect(),
                willing: willing.into(),
                ..Default::default()
            }
            .validate(&seminars())
            .unwrap_err()
        };
        assert_eq!(
            bad(vec![("s1", "0")], "yes").field.as_deref(),
            Some("rank[s1]")
        );
        assert_eq!(bad(vec![("s1", "x")], "yes").key, ErrorKey::InvalidNumber);
        assert_eq!(
            bad(vec![("s1", "1"), ("s2", "1")], "yes").key,
            ErrorKey::DuplicateRank
        );
        assert_eq!(
            bad(vec![("s9", "1")], "yes").field.as_deref(),
            Some("rank[s9]")
        );
        assert_eq!(bad(vec![], "perhaps").field.as_deref(), Some("willing"));
    }
}
