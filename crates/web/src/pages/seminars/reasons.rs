//! The line-up's reasons in the reader's language: which catalog message, with which words for
//! the ids, sizes, levels and countries the solver speaks of.

use i18n::{t_args, Arg, Lang};
use lineup::Reason;

/// How ids and codes read in one language.
pub struct Words<'a> {
    pub lang: Lang,
    pub name: &'a (dyn Fn(&str) -> String + Sync),
    pub seminar: &'a (dyn Fn(&str) -> String + Sync),
}

type Args = Vec<(&'static str, Arg)>;

fn text(v: String) -> Arg {
    Arg::Str(v)
}

impl Words<'_> {
    /// One reason as a sentence.
    pub fn reason(&self, r: &Reason) -> String {
        let (key, args) = self
            .choice(r)
            .or_else(|| self.shortage(r))
            .unwrap_or(("lineup-infeasible", Vec::new()));
        t_args(self.lang, key, &args)
    }

    fn country(&self, c: &str) -> Arg {
        text(crate::view::country_label(self.lang, c))
    }

    fn level(&self, l: &str) -> Arg {
        text(match domain::directory::Level::parse(l) {
            Some(x) => x.name(self.lang.code()).to_string(),
            None => l.replace('_', " "),
        })
    }

    fn size(&self, c: &lineup::SizeClass) -> Arg {
        let key = match c {
            lineup::SizeClass::Under100k => "size-small",
            lineup::SizeClass::From100kTo1m => "size-medium",
            lineup::SizeClass::From1m => "size-large",
            lineup::SizeClass::Unknown => "size-unknown",
        };
        text(i18n::t(self.lang, key))
    }

    fn seminar(&self, s: &str) -> Arg {
        text((self.seminar)(s))
    }

    fn name(&self, c: &str) -> Arg {
        text((self.name)(c))
    }

    /// Why a facilitator was chosen, and what the score rewards or misses.
    fn choice(&self, r: &Reason) -> Option<(&'static str, Args)> {
        Some(match r {
            Reason::Chosen {
                seminar,
                candidate,
                rank,
                points,
            } => (
                "lineup-chosen",
                vec![
                    ("name", self.name(candidate)),
                    ("seminar", self.seminar(seminar)),
                    ("rank", Arg::Num(*rank)),
                    ("points", Arg::Num(*points)),
                ],
            ),
            Reason::Locked { seminar, candidate } => (
                "lineup-locked",
                vec![
                    ("name", self.name(candidate)),
                    ("seminar", self.seminar(seminar)),
                ],
            ),
            Reason::TwinPair {
                seminar,
                a,
                b,
                points,
            } => (
                "lineup-twins",
                vec![
                    ("a", self.name(a)),
                    ("b", self.name(b)),
                    ("seminar", self.seminar(seminar)),
                    ("points", Arg::Num(*points)),
                ],
            ),
            Reason::DiverseLevels {
                seminar,
                country,
                points,
                ..
            } => (
                "lineup-diverse-levels",
                vec![
                    ("seminar", self.seminar(seminar)),
                    ("country", self.country(country)),
                    ("points", Arg::Num(*points)),
                ],
            ),
            Reason::SameLevel {
                seminar,
                country,
                level,
                ..
            } => (
                "lineup-same-level",
                vec![
                    ("seminar", self.seminar(seminar)),
                    ("country", self.country(country)),
                    ("level", self.level(level)),
                ],
            ),
            Reason::DiverseSizes {
                seminar,
                country,
                points,
                ..
            } => (
                "lineup-diverse-sizes",
                vec![
                    ("seminar", self.seminar(seminar)),
                    ("country", self.country(country)),
                    ("points", Arg::Num(*points)),
                ],
            ),
            Reason::SameSize {
                seminar,
                country,
                class,
                ..
            } => (
                "lineup-same-size",
                vec![
                    ("seminar", self.seminar(seminar)),
                    ("country", self.country(country)),
                    ("size", self.size(class)),
                ],
            ),
            _ => return None,
        })
    }

    /// Why no line-up (or no full one) exists.
    fn shortage(&self, r: &Reason) -> Option<(&'static str, Args)> {
        let names = |ids: &[String], f: &(dyn Fn(&str) -> String + Sync)| {
            text(ids.iter().map(|x| f(x)).collect::<Vec<_>>().join(", "))
        };
        Some(match r {
            Reason::TooFewCandidates {
                seminar,
                country,
                needed,
                available,
            } => (
                "lineup-too-few",
                vec![
                    ("seminar", self.seminar(seminar)),
                    ("country", self.country(country)),
                    ("needed", Arg::Num(*needed)),
                    ("available", Arg::Num(*available as i64)),
                ],
            ),
            Reason::LockConflict {
                seminar,
                country,
                allowed,
                locked,
            } => (
                "lineup-lock-conflict",
                vec![
                    ("seminar", self.seminar(seminar)),
                    ("country", self.country(country)),
                    ("allowed", Arg::Num(*allowed)),
                    ("names", names(locked, self.name)),
                ],
            ),
            Reason::SharedShortage {
                country,
                seminars,
                needed,
                available,
                ..
            } => (
                "lineup-shared-shortage",
                vec![
                    ("country", self.country(country)),
                    ("seminars", names(seminars, self.seminar)),
                    ("needed", Arg::Num(*needed)),
                    ("available", Arg::Num(*available as i64)),
                ],
            ),
            _ => return None,
        })
    }
}
