//! The demo data's 2021 seminar series (the three themes and periods of the roadmap) and a
//! consultation with invented answers, marked as a demo, so that a newcomer sees a line-up.

use domain::directory::Names;
use domain::period::Period;
use domain::seminars::consultation::{Answer, Willing};
use domain::seminars::{Audience, SeminarStatus};
use serde_json::json;
use sqlx::{Any, Transaction};

use crate::seminars::{Consultation, Seminar, Series};
use crate::{now_ms, Db, StorageError};

pub const SERIES_2021: &str = "tour-kr-2021";

fn n(fr: &str, ko: &str, en: &str) -> Names {
    Names {
        fr: Some(fr.into()),
        ko: Some(ko.into()),
        ko_latn: None,
        en: Some(en.into()),
    }
}

/// An invented answer: organisation, [(seminar number, rank)], willing, availability.
type DemoAnswer = (&'static str, &'static [(usize, u32)], Willing, &'static str);

const DEMO_ANSWERS: &[DemoAnswer] = &[
    ("fr-tours", &[(1, 1), (2, 2)], Willing::Yes, "juin"),
    ("fr-issy", &[(2, 1), (3, 2)], Willing::Yes, "juin, octobre"),
    ("fr-nice", &[(2, 1), (1, 2)], Willing::Yes, "octobre"),
    ("fr-nca", &[(1, 1)], Willing::Maybe, ""),
    ("fr-mel", &[(1, 1), (2, 2)], Willing::Yes, "juin"),
    ("fr-gam", &[(1, 1)], Willing::Yes, ""),
    ("fr-lrsy", &[(3, 1), (2, 2)], Willing::Yes, "novembre"),
    (
        "fr-yvelines",
        &[(2, 1), (3, 2)],
        Willing::Yes,
        "octobre, décembre",
    ),
    ("fr-idf", &[(2, 1), (1, 2)], Willing::Maybe, ""),
    ("fr-aura", &[(1, 1)], Willing::Yes, "juin"),
    ("fr-hdf", &[(3, 1)], Willing::Maybe, "décembre"),
    ("kr-guro", &[(3, 1), (1, 2)], Willing::Yes, "6월, 11월"),
    ("kr-suwon", &[(1, 1), (3, 2)], Willing::Yes, "6월"),
    ("kr-seoul", &[(1, 1), (2, 2), (3, 3)], Willing::Maybe, ""),
    ("kr-daejeon", &[(2, 1)], Willing::Yes, "10월"),
    ("kr-daegu", &[(2, 1), (1, 2)], Willing::Yes, "10월"),
    ("kr-gyeonggi", &[(1, 1), (2, 2)], Willing::Yes, ""),
    ("kr-seocho", &[(3, 1), (2, 2)], Willing::Yes, "12월"),
];

pub async fn load(db: &Db, tx: &mut Transaction<'static, Any>) -> Result<(), StorageError> {
    db.insert_series(
        tx,
        &Series {
            id: SERIES_2021.into(),
            group_id: "kr".into(),
            year: 2021,
            title_other: Default::default(),
            title: n(
                "Tour franco-coréen des initiatives locales 2021",
                "2021 한불 지방정부 우수사례 순회 세미나",
                "Franco-Korean tour of local initiatives 2021",
            ),
            sources: json!({"record": "seed report"}),
        },
    )
    .await?;
    let seminars = [
        (
            n(
                "Le développement durable : les solutions des collectivités contre le réchauffement climatique",
                "지속가능한 발전: 기후 온난화에 대응하는 지자체의 해법",
                "Sustainable development: local authorities' solutions against global warming",
            ),
            "2021-06",
        ),
        (
            n(
                "Le tourisme : l'attractivité des destinations et des territoires",
                "관광: 관광지와 지역의 매력",
                "Tourism: the attractiveness of destinations and territories",
            ),
            "2021-10",
        ),
        (
            n(
                "L'action sociale : les réponses aux citoyens fragilisés par la crise sanitaire",
                "사회복지: 코로나 위기로 취약해진 시민을 위한 대응",
                "Social action: responses for citizens weakened by the health crisis",
            ),
            "2021-11..2021-12",
        ),
    ];
    for (i, (theme, period)) in seminars.into_iter().enumerate() {
        db.insert_seminar(
            tx,
            &Seminar {
                id: format!("{SERIES_2021}-{}", i + 1),
                series_id: SERIES_2021.into(),
                position: i as i64,
                theme,
                theme_other: Default::default(),
                planned_period: Period::parse(period, "planned_period").ok(),
                span: None,
                time_zone: domain::time::PARIS,
                duration_minutes: 90,
                format: "interactive_remote_workshop".into(),
                link: None,
                capacity: Some(100),
                audience: Audience::Members,
                status: SeminarStatus::Planned,
                sequence: 0,
                version: 1,
                updated_at: 0,
            },
        )
        .await?;
    }
    let consultation = format!("{SERIES_2021}-consultation");
    db.insert_consultation(
        tx,
        &Consultation {
            id: consultation.clone(),
            series_id: SERIES_2021.into(),
            open: true,
            demo: true,
            opened_at: now_ms(),
            closes_at: None,
        },
    )
    .await?;
    for (org, ranks, willing, availability) in DEMO_ANSWERS {
        let answer = Answer {
            ranks: ranks
                .iter()
                .map(|(s, r)| (format!("{SERIES_2021}-{s}"), *r))
                .collect(),
            willing: *willing,
            availability: (!availability.is_empty()).then(|| availability.to_string()),
            comments: Some("Réponse de démonstration (inventée) — demo answer".into()),
        };
        db.save_answer_in(tx, &consultation, org, &answer, Some("demo"))
            .await?;
    }
    Ok(())
}
