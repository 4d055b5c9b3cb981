//! The OpenAPI 3.1 document, generated from the handlers' annotations.

use axum::Json;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

use super::{
    accounts, audit, countries, groups, meetings, organisations, partnerships, records,
    search as find, seminars, ErrorBody, ErrorEnvelope, MeDto,
};

#[derive(OpenApi)]
#[openapi(
    info(title = "jumelage API", version = "1",
        description = "The partnership register and the work of a network's country groups. \
        Reads are public; writes need `Authorization: Bearer TOKEN` (see `jumelage token create`) \
        or a browser session with its `X-CSRF-Token` header. Errors have one shape: \
        `{\"error\": {\"code\", \"message\", \"field\"}}`, the message in the language of \
        `?lang=`, the `lang` cookie or `Accept-Language`."),
    paths(
        organisations::list, organisations::show, organisations::create, organisations::update,
        partnerships::list, partnerships::show, partnerships::create, partnerships::update,
        organisations::history, organisations::archive, organisations::restore,
        partnerships::history, partnerships::archive, partnerships::restore,
        records::themes, records::create_theme, records::update_theme,
        records::archive_theme, records::restore_theme,
        records::people, records::create_person, records::update_person,
        records::actions, records::create_action, records::action, records::update_action,
        records::documents, records::upload_document, records::download_document,
        records::history, records::archive_person, records::restore_person,
        records::archive_action, records::restore_action, records::archive_document,
        find::search, countries::list, countries::show,
        groups::list, groups::show, groups::create, groups::update, groups::members,
        groups::add_member, groups::remove_member,
        super::me,
        meetings::list, meetings::show, meetings::create, meetings::update,
        meetings::participants, meetings::add_participant, meetings::set_presence,
        meetings::minutes, meetings::save_minutes, meetings::minutes_status, meetings::minutes_versions,
        meetings::meeting_follow_ups, meetings::add_follow_up, meetings::group_follow_ups,
        meetings::update_follow_up, meetings::roadmap, meetings::replace_roadmap,
        seminars::list, seminars::show, seminars::update, seminars::add_presentation, seminars::register,
        seminars::lineup, seminars::registrations, seminars::change_registration, seminars::invite, seminars::create_series, seminars::create_seminar,
        super::io::export, super::io::template, super::io::import,
        audit::list, accounts::sessions, accounts::revoke_session, accounts::tokens,
        accounts::create_token, accounts::revoke_token, accounts::users, accounts::disable,
        accounts::enable, accounts::invite,
    ),
    components(schemas(
        organisations::OrganisationDto, organisations::OrganisationWrite, organisations::NamesDto,
        organisations::SeatDto, organisations::ChangeDto, partnerships::PartnershipDto, partnerships::PartnershipWrite,
        ErrorEnvelope, ErrorBody, MeDto, find::SearchHitDto, find::SearchResultsDto,
        countries::CountryDto, countries::LevelDto, groups::GroupDto, groups::GroupWrite,
        groups::MemberWrite, groups::MemberDto,
        meetings::MeetingDto, meetings::MeetingWrite, meetings::LocalTimes, meetings::ParticipantDto,
        meetings::ParticipantWrite, meetings::PresenceWrite, meetings::MinutesDto, meetings::MinutesWrite,
        meetings::MinutesItemDto, meetings::StatusWrite, meetings::MinutesVersionDto,
        meetings::FollowUpDto, meetings::FollowUpWrite, meetings::FollowUpStatusWrite, meetings::RoadmapDto,
        crate::ops::roadmap::RoadmapWrite, crate::ops::roadmap::AxisWrite, crate::ops::roadmap::ActionWrite,
        crate::ops::roadmap::MilestoneWrite, crate::ops::roadmap::LinkWrite,
        seminars::SeminarDto, seminars::SeminarWrite, seminars::PresentationDto, seminars::PresentationWrite,
        seminars::RegistrationWrite, seminars::RegistrationDto, seminars::RegistrationItem, seminars::RegistrationChange,
        seminars::InvitationsDto, seminars::SeriesWrite, seminars::SeriesDto, seminars::SeminarCreate,
        super::io::ImportReport, super::io::RowErrorDto,
        records::ThemeDto, records::ContactDto, records::ActionDto, records::DocumentDto,
        crate::ops::directory::records::ThemeWrite, crate::ops::directory::records::ContactWrite,
        crate::ops::directory::records::ActionWrite, audit::AuditEventDto, audit::AuditPageDto,
        accounts::SessionDto, accounts::TokenDto, accounts::TokenWrite, accounts::NewTokenDto,
        accounts::UserDto, accounts::InvitationWrite, accounts::Language, accounts::InvitedRole,
        accounts::InvitedDto,
    )),
    modifiers(&Security),
    tags((name = "directory", description = "Organisations and partnerships"),
         (name = "meetings", description = "Group meetings, minutes, follow-ups, roadmaps"),
         (name = "seminars", description = "The seminar series: seminars, line-up, registrations"),
         (name = "groups", description = "The network's country groups and their members"),
         (name = "accounts", description = "Who is calling"))
)]
pub struct ApiDoc;

struct Security;

impl Modify for Security {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
        components.add_security_scheme(
            "session",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::new("jumelage_session"))),
        );
    }
}

/// The document, made conformant once (see `conformance`).
pub fn document() -> &'static serde_json::Value {
    static DOC: std::sync::OnceLock<serde_json::Value> = std::sync::OnceLock::new();
    DOC.get_or_init(|| {
        let mut doc = serde_json::to_value(ApiDoc::openapi()).unwrap_or_default();
        super::conformance::conform(&mut doc);
        doc
    })
}

pub async fn openapi() -> Json<&'static serde_json::Value> {
    Json(document())
}
