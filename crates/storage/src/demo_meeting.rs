//! The demo data's meeting of 28 January 2021 (its minutes are the seed report itself, section
//! by section) and the 2021 roadmap it adopted.

use domain::directory::Names;
use domain::meetings::follow_ups::{FollowUp, FollowUpStatus};
use domain::meetings::minutes::{ItemText, MinutesStatus};
use domain::meetings::roadmap::WorkStatus;
use domain::meetings::{MeetingInput, Presence};
use domain::period::Period;
use serde_json::{json, Value};
use sqlx::{Any, Transaction};

use crate::meetings::{Decision, MinutesSave, Participant};
use crate::roadmap::{Axis, Milestone, Roadmap, RoadmapAction};
use crate::{Db, StorageError};

const SEED_REPORT: &str = include_str!("../demo/seed-report-2021-01-28.txt");
pub const SEED_MEETING: &str = "m-2021-01-28";

fn n(fr: &str, ko: &str, en: &str) -> Names {
    Names {
        fr: Some(fr.into()),
        ko: Some(ko.into()),
        ko_latn: None,
        en: Some(en.into()),
    }
}

fn fr_only(fr: &str) -> Names {
    Names {
        fr: Some(fr.into()),
        ..Default::default()
    }
}

/// The seed report cut at its numbered section titles: the preamble goes with section 1, the
/// participant list (an annex) is left out of the minutes' text.
fn report_sections() -> Vec<String> {
    let body = SEED_REPORT
        .split("Liste des participants à la réunion")
        .next()
        .unwrap_or("");
    let mut sections: Vec<String> = vec![String::new()];
    for line in body.lines() {
        let numbered = ["1. ", "2. ", "3. ", "4. "]
            .iter()
            .any(|p| line.starts_with(p));
        if numbered && !sections.last().is_some_and(|s| s.trim().is_empty()) && sections.len() < 5 {
            if line.starts_with("1. ") {
                // The preamble stays at the head of section 1.
            } else {
                sections.push(String::new());
            }
            continue;
        }
        if numbered {
            continue;
        }
        let s = sections.last_mut().expect("one section at least");
        s.push_str(line);
        s.push('\n');
    }
    sections
        .into_iter()
        .map(|s| {
            s.lines()
                .skip_while(|l| {
                    let l = l.trim();
                    l.is_empty()
                        || l.starts_with("Réunion du groupe-pays")
                        || l.starts_with("Jeudi 28 janvier")
                        || l.starts_with("En visioconférence")
                        || l == "Compte-rendu"
                        || l.starts_with("Liste des participants en annexe")
                })
                .collect::<Vec<_>>()
                .join("\n")
                .trim()
                .to_string()
        })
        .collect()
}

pub async fn load(
    db: &Db,
    tx: &mut Transaction<'static, Any>,
    data: &Value,
) -> Result<(), StorageError> {
    let m = &data["meeting"];
    let agenda = vec![
        n(
            "Propos introductifs, présentation de la nouvelle présidence du groupe-pays",
            "개회 및 국가별 그룹 신임 의장단 소개",
            "Opening remarks and the group's new presidency",
        ),
        n(
            "Partenariats franco-coréens : aperçu des relations et des principaux domaines d'action",
            "한불 교류 협력 관계: 관계 현황과 주요 협력 분야",
            "Franco-Korean partnerships: relations and main fields of action",
        ),
        n(
            "Présentation de la feuille de route 2021 du groupe-pays Corée",
            "한국 국가별 그룹 2021년 로드맵 발표",
            "The Korea country group's 2021 roadmap",
        ),
        n("Synthèse et clôture", "종합 및 폐회", "Summary and closing"),
    ];
    let input = MeetingInput {
        group_id: "kr".into(),
        title_other: Default::default(),
        title: n(
            "Réunion du groupe-pays Corée",
            "한국 국가별 그룹 회의",
            "Korea country group meeting",
        ),
        date: m["date"].as_str().unwrap_or("2021-01-28").into(),
        start_time: m["start_time"].as_str().unwrap_or("11:00").into(),
        end_time: m["end_time"].as_str().unwrap_or("12:30").into(),
        end_date: None,
        time_zone: m["time_zone"].as_str().unwrap_or("Europe/Paris").into(),
        format: "remote".into(),
        place: None,
        link: None,
        visibility: Some("public".into()),
        agenda,
    };
    let meeting = input
        .validate(SEED_MEETING.into())
        .map_err(|e| StorageError::Demo(format!("meeting: {e:?}")))?;
    let sources =
        json!({"record": m["source"], "public_copy": m["public_copy"], "chair": m["chair"]});
    db.insert_meeting(tx, &meeting, &sources).await?;

    // Participants: the annex of the report, with their organisations and roles.
    let mut position = 0;
    for p in data["people"].as_array().into_iter().flatten() {
        if p["in_participant_list"].as_bool() != Some(true) {
            continue;
        }
        let id = p["id"].as_str().unwrap_or_default();
        db.add_participant(
            tx,
            SEED_MEETING,
            &Participant {
                id: format!("{SEED_MEETING}-{id}"),
                position,
                person_id: Some(id.to_string()),
                organisation_id: p["organisation"].as_str().map(str::to_string),
                user_id: None,
                name: p["name"].as_str().unwrap_or_default().to_string(),
                role_title: p["role"].as_str().map(str::to_string),
                presence: Presence::Present,
            },
        )
        .await?;
        position += 1;
    }

    // Minutes: the report, final as published.
    let items: Vec<ItemText> = report_sections()
        .into_iter()
        .take(meeting.agenda.len())
        .enumerate()
        .map(|(i, text)| ItemText {
            agenda_position: i,
            body: fr_only(&text),
        })
        .collect();
    db.save_minutes_in(
        tx,
        SEED_MEETING,
        &MinutesSave {
            items: &items,
            status: MinutesStatus::Final,
            kind: "edit",
            reason: None,
            author_id: None,
            author_name: Some("Cités Unies France"),
            expected_version: Some(0),
        },
    )
    .await?;

    let decisions = [
        (2, n(
            "Feuille de route 2021 présentée (co-réalisée par Issy-les-Moulineaux, Cités Unies France et la GAOK), avec deux axes : mieux communiquer ; créer des temps de rencontre réguliers (« Tour franco-coréen des initiatives locales »).",
            "2021년 로드맵 발표(이시레물리노, CUF, 시도지사협의회 공동 작성): 두 축 — 홍보 강화, 정기적 교류 기회 마련(‘한불 지방정부 우수사례 순회 세미나’).",
            "2021 roadmap presented (by Issy-les-Moulineaux, United Cities France and GAOK) with two axes: communicate better; hold regular meetings (the “Franco-Korean tour of local initiatives”).",
        )),
        (2, n(
            "Création d'un hashtag plébiscitée (en réflexion) : #KoreaFranceCooperation ou #KoreaFranceLocalCooperation.",
            "해시태그 제정 지지(검토 중): #KoreaFranceCooperation 또는 #KoreaFranceLocalCooperation.",
            "A shared hashtag is welcomed (under consideration): #KoreaFranceCooperation or #KoreaFranceLocalCooperation.",
        )),
        (2, n(
            "Trois thèmes de séminaires proposés : développement durable, tourisme, action sociale.",
            "세미나 주제 3개 제안: 지속가능한 발전, 관광, 사회복지.",
            "Three seminar themes proposed: sustainable development, tourism, social action.",
        )),
        (3, n(
            "Prochaine étape : organiser les séminaires en consultant les collectivités.",
            "다음 단계: 지자체 의견 수렴을 거쳐 세미나 준비.",
            "Next step: organise the seminars by consulting the local authorities.",
        )),
    ];
    for (i, (agenda_position, text)) in decisions.into_iter().enumerate() {
        db.insert_decision(
            tx,
            SEED_MEETING,
            &Decision {
                id: format!("{SEED_MEETING}-d{}", i + 1),
                agenda_position: Some(agenda_position),
                text,
            },
            i as i64,
        )
        .await?;
    }

    let follow_ups = [
        (n(
            "Chaque collectivité dit quel thème de séminaire l'intéresse.",
            "각 지자체는 관심 있는 세미나 주제를 알린다.",
            "Each local authority says which seminar theme interests it.",
        ), None, Some("Collectivités membres"), None),
        (n(
            "Ville de Tours : intérêt pour le thème du développement durable, à confirmer.",
            "투르시: 지속가능한 발전 주제에 관심 — 확인 필요.",
            "City of Tours: interest in the sustainable development theme, to be confirmed.",
        ), Some("fr-tours"), None, None),
        (n(
            "Réunion de la GAOK avec les collectivités coréennes ; ses conclusions sont transmises aux membres du groupe.",
            "시도지사협의회와 한국 지자체 회의, 논의 결과를 그룹 회원에게 전달.",
            "GAOK meets the Korean local governments and passes its conclusions on to the group's members.",
        ), Some("inst-gaok"), None, Some("2021-03")),
        (n(
            "Proposer un échange entre Seocho (présidente du groupe France en Corée) et Issy-les-Moulineaux.",
            "서초구(한국 내 프랑스 그룹 의장)와 이시레물리노 간 교류 제안.",
            "Propose an exchange between Seocho (chair of the France group in Korea) and Issy-les-Moulineaux.",
        ), Some("inst-gaok"), None, None),
        (n(
            "L'ambassadeur de Corée en France participe à la prochaine réunion du groupe.",
            "주프랑스 한국대사가 다음 그룹 회의에 참석한다.",
            "The Korean ambassador to France attends the group's next meeting.",
        ), Some("inst-emb-kr-fr"), None, None),
        (n(
            "Rédiger la charte des présentations et le questionnaire aux collectivités, avant les séminaires.",
            "세미나 전에 발표 가이드라인과 지자체 설문지를 작성한다.",
            "Write the presentation charter and the questionnaire to local authorities, before the seminars.",
        ), Some("inst-cuf"), Some("Cités Unies France, présidence du groupe"), Some("2021-05")),
    ];
    for (i, (text, org, owner_text, due)) in follow_ups.into_iter().enumerate() {
        let f = FollowUp {
            text,
            owner_organisation: org.map(str::to_string),
            owner_text: owner_text.map(str::to_string),
            due: due.and_then(|d| Period::parse(d, "due").ok()),
            status: FollowUpStatus::Open,
            agenda_position: Some(3),
        };
        db.insert_follow_up(
            tx,
            &format!("{SEED_MEETING}-f{}", i + 1),
            "kr",
            Some(SEED_MEETING),
            &f,
        )
        .await?;
    }

    db.insert_roadmap(tx, &roadmap_2021(&data["roadmap_2021"]))
        .await?;
    crate::demo_seminars::load(db, tx).await?;
    Ok(())
}

fn roadmap_2021(r: &Value) -> Roadmap {
    let p = |code: &str| Period::parse(code, "period").ok();
    let link = vec![("meeting".to_string(), SEED_MEETING.to_string())];
    let action = |id: &str,
                  title: Names,
                  period: Option<Period>,
                  status: WorkStatus,
                  milestones: Vec<Milestone>| {
        RoadmapAction {
            id: id.into(),
            title,
            owner_organisation: None,
            owner_text: Some("Issy-les-Moulineaux, Cités Unies France, GAOK".into()),
            period,
            status,
            milestones,
            links: link.clone(),
        }
    };
    let ms = |id: &str, title: Names, period: &str| Milestone {
        id: id.into(),
        title,
        period: p(period),
        status: WorkStatus::Planned,
    };
    Roadmap {
        id: "rm-kr-2021".into(),
        group_id: "kr".into(),
        year: 2021,
        summary: n(
            "Feuille de route co-réalisée par la ville d'Issy-les-Moulineaux, Cités Unies France et la GAOK, présentée le 28 janvier 2021.",
            "이시레물리노시, 프랑스 지방정부 연합(CUF), 대한민국시도지사협의회(GAOK)가 공동 작성하여 2021년 1월 28일 발표한 로드맵.",
            "Roadmap written by the City of Issy-les-Moulineaux, United Cities France and GAOK, presented on 28 January 2021.",
        ),
        sources: json!({"record": r["source"], "later_evidence": r["later_evidence_source"]}),
        axes: vec![
            Axis {
                id: "rm-kr-2021-a1".into(),
                title: n(
                    "Mieux communiquer sur la coopération franco-coréenne",
                    "한불 협력 홍보 강화",
                    "Communicate better on Franco-Korean cooperation",
                ),
                actions: vec![action(
                    "rm-kr-2021-a1-hashtag",
                    n(
                        "Choisir un hashtag commun : #KoreaFranceCooperation ou #KoreaFranceLocalCooperation",
                        "공동 해시태그 선정: #KoreaFranceCooperation 또는 #KoreaFranceLocalCooperation",
                        "Choose a shared hashtag: #KoreaFranceCooperation or #KoreaFranceLocalCooperation",
                    ),
                    p("2021"),
                    WorkStatus::InProgress,
                    vec![],
                )],
            },
            Axis {
                id: "rm-kr-2021-a2".into(),
                title: n(
                    "Créer des temps de rencontre réguliers : « Tour franco-coréen des initiatives locales »",
                    "정기적 교류 기회 마련: ‘한불 지방정부 우수사례 순회 세미나’",
                    "Regular meetings: the “Franco-Korean tour of local initiatives”",
                ),
                actions: vec![
                    action(
                        "rm-kr-2021-consultation",
                        n("Consulter les collectivités sur les thèmes des séminaires", "세미나 주제에 대한 지자체 의견 수렴", "Consult the local authorities on the seminar themes"),
                        p("2021-early"),
                        WorkStatus::Planned,
                        vec![],
                    ),
                    action(
                        "rm-kr-2021-charter",
                        n("Rédiger une charte qui harmonise les présentations", "발표 가이드라인 작성", "Write a charter that harmonises the presentations"),
                        p("2021-05"),
                        WorkStatus::Planned,
                        vec![],
                    ),
                    action(
                        "rm-kr-2021-questionnaire",
                        n("Envoyer un questionnaire sur les informations et bonnes pratiques", "정보 및 우수 사례 설문 발송", "Send a questionnaire on information and good practices"),
                        p("2021-05"),
                        WorkStatus::Planned,
                        vec![],
                    ),
                    action(
                        "rm-kr-2021-seminars",
                        n("Trois séminaires interactifs à distance, co-animés par deux collectivités françaises et deux coréennes", "프랑스 2개·한국 2개 지자체가 공동 진행하는 온라인 세미나 3회", "Three remote interactive seminars, co-facilitated by two French and two Korean local authorities"),
                        p("2021-06..2021-12"),
                        WorkStatus::Planned,
                        vec![
                            ms("rm-kr-2021-s1", n("Séminaire 1 : le développement durable — solutions des collectivités contre le réchauffement climatique", "세미나 1: 지속가능한 발전 — 기후 온난화에 대한 지자체의 해법", "Seminar 1: sustainable development — local solutions against global warming"), "2021-06"),
                            ms("rm-kr-2021-s2", n("Séminaire 2 : le tourisme — attractivité des destinations et des territoires", "세미나 2: 관광 — 관광지와 지역의 매력", "Seminar 2: tourism — attractiveness of destinations and territories"), "2021-10"),
                            ms("rm-kr-2021-s3", n("Séminaire 3 : l'action sociale — réponses aux citoyens fragilisés par la crise sanitaire", "세미나 3: 사회복지 — 코로나 위기로 취약해진 시민을 위한 대응", "Seminar 3: social action — responses for citizens weakened by the health crisis"), "2021-11..2021-12"),
                        ],
                    ),
                    action(
                        "rm-kr-2021-report",
                        n("Restituer un support de capitalisation bilingue", "이중 언어 성과 사례집 발간", "Deliver a bilingual capitalization report"),
                        p("2022-early"),
                        WorkStatus::Planned,
                        vec![],
                    ),
                ],
            },
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_report_splits_into_its_four_sections() {
        let s = report_sections();
        assert_eq!(s.len(), 4, "{s:#?}");
        assert!(s[0].starts_with("Pour la **nouvelle présidente"));
        assert!(s[1].starts_with("Monsieur l'Ambassadeur"));
        assert!(s[2].starts_with("Présentation de la feuille de route 2021"));
        assert!(s[3].starts_with("Les thèmes proposés"));
        assert!(
            !s[3].contains("Jennifer Redet"),
            "the participant annex is not in the minutes"
        );
    }
}
