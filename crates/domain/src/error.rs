//! Domain errors carry a stable key (translated by the web layer) and, for validation, the field.

use std::fmt;

/// Stable error keys. Each one has a message `error-<key>` in every translation catalog.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorKey {
    NotFound,
    Forbidden,
    Unauthenticated,
    Required,
    TooLong,
    InvalidCountry,
    InvalidLevel,
    LevelCountryMismatch,
    InvalidKind,
    InvalidStatus,
    InvalidNumber,
    InvalidDate,
    InvalidCoordinates,
    InvalidUrl,
    InvalidEmail,
    SelfPartnership,
    UnknownOrganisation,
    UnknownTheme,
    UnknownGroup,
    DuplicateId,
    InvalidId,
    ParentCycle,
    VersionConflict,
    InvalidCredentials,
    TooManyAttempts,
    CsrfMismatch,
    InvalidToken,
    UnknownTimeZone,
    InvalidLanguage,
    InvalidHashtag,
    InvalidTime,
    AmbiguousLocalTime,
    NonexistentLocalTime,
    EndBeforeStart,
    InvalidPeriod,
    MinutesLocked,
    InvalidTransition,
    DuplicateRank,
    CapacityReached,
    RegistrationClosed,
    SolverTimeLimit,
    UnknownColumn,
    MissingColumn,
    FileUnreadable,
    FileTooLarge,
    FileType,
    WeakPassword,
    PasswordMismatch,
    QueryTooShort,
    ControlCharacters,
    WrongFieldCount,
    MethodNotAllowed,
    BodyTooLarge,
    UnsupportedMediaType,
    Timeout,
    BadRequest,
    Internal,
}

impl ErrorKey {
    /// The stable code used in API error envelopes and as the catalog key suffix.
    pub fn code(self) -> &'static str {
        match self {
            ErrorKey::NotFound => "not_found",
            ErrorKey::Forbidden => "forbidden",
            ErrorKey::Unauthenticated => "unauthenticated",
            ErrorKey::Required => "required",
            ErrorKey::TooLong => "too_long",
            ErrorKey::InvalidCountry => "invalid_country",
            ErrorKey::InvalidLevel => "invalid_level",
            ErrorKey::LevelCountryMismatch => "level_country_mismatch",
            ErrorKey::InvalidKind => "invalid_kind",
            ErrorKey::InvalidStatus => "invalid_status",
            ErrorKey::InvalidNumber => "invalid_number",
            ErrorKey::InvalidDate => "invalid_date",
            ErrorKey::InvalidCoordinates => "invalid_coordinates",
            ErrorKey::InvalidUrl => "invalid_url",
            ErrorKey::InvalidEmail => "invalid_email",
            ErrorKey::SelfPartnership => "self_partnership",
            ErrorKey::UnknownOrganisation => "unknown_organisation",
            ErrorKey::UnknownTheme => "unknown_theme",
            ErrorKey::UnknownGroup => "unknown_group",
            ErrorKey::DuplicateId => "duplicate_id",
            ErrorKey::InvalidId => "invalid_id",
            ErrorKey::ParentCycle => "parent_cycle",
            ErrorKey::VersionConflict => "version_conflict",
            ErrorKey::InvalidCredentials => "invalid_credentials",
            ErrorKey::TooManyAttempts => "too_many_attempts",
            ErrorKey::CsrfMismatch => "csrf_mismatch",
            ErrorKey::InvalidToken => "invalid_token",
            ErrorKey::UnknownTimeZone => "unknown_time_zone",
            ErrorKey::InvalidLanguage => "invalid_language",
            ErrorKey::InvalidHashtag => "invalid_hashtag",
            ErrorKey::InvalidTime => "invalid_time",
            ErrorKey::AmbiguousLocalTime => "ambiguous_local_time",
            ErrorKey::NonexistentLocalTime => "nonexistent_local_time",
            ErrorKey::EndBeforeStart => "end_before_start",
            ErrorKey::InvalidPeriod => "invalid_period",
            ErrorKey::MinutesLocked => "minutes_locked",
            ErrorKey::InvalidTransition => "invalid_transition",
            ErrorKey::DuplicateRank => "duplicate_rank",
            ErrorKey::CapacityReached => "capacity_reached",
            ErrorKey::RegistrationClosed => "registration_closed",
            ErrorKey::SolverTimeLimit => "solver_time_limit",
            ErrorKey::UnknownColumn => "unknown_column",
            ErrorKey::MissingColumn => "missing_column",
            ErrorKey::FileUnreadable => "file_unreadable",
            ErrorKey::FileTooLarge => "file_too_large",
            ErrorKey::FileType => "file_type",
            ErrorKey::WeakPassword => "weak_password",
            ErrorKey::PasswordMismatch => "password_mismatch",
            ErrorKey::QueryTooShort => "query_too_short",
            ErrorKey::ControlCharacters => "control_characters",
            ErrorKey::WrongFieldCount => "wrong_field_count",
            ErrorKey::MethodNotAllowed => "method_not_allowed",
            ErrorKey::BodyTooLarge => "body_too_large",
            ErrorKey::UnsupportedMediaType => "unsupported_media_type",
            ErrorKey::Timeout => "timeout",
            ErrorKey::BadRequest => "bad_request",
            ErrorKey::Internal => "internal",
        }
    }

    /// The id of its message in the translation catalogs: `error-<code with dashes>`.
    pub fn message_id(self) -> String {
        format!("error-{}", self.code().replace('_', "-"))
    }

    /// Every key, for the catalog completeness test.
    pub const ALL: &'static [ErrorKey] = &[
        ErrorKey::NotFound,
        ErrorKey::Forbidden,
        ErrorKey::Unauthenticated,
        ErrorKey::Required,
        ErrorKey::TooLong,
        ErrorKey::InvalidCountry,
        ErrorKey::InvalidLevel,
        ErrorKey::LevelCountryMismatch,
        ErrorKey::InvalidKind,
        ErrorKey::InvalidStatus,
        ErrorKey::InvalidNumber,
        ErrorKey::InvalidDate,
        ErrorKey::InvalidCoordinates,
        ErrorKey::InvalidUrl,
        ErrorKey::InvalidEmail,
        ErrorKey::SelfPartnership,
        ErrorKey::UnknownOrganisation,
        ErrorKey::UnknownTheme,
        ErrorKey::UnknownGroup,
        ErrorKey::DuplicateId,
        ErrorKey::InvalidId,
        ErrorKey::ParentCycle,
        ErrorKey::VersionConflict,
        ErrorKey::InvalidCredentials,
        ErrorKey::TooManyAttempts,
        ErrorKey::CsrfMismatch,
        ErrorKey::InvalidToken,
        ErrorKey::UnknownTimeZone,
        ErrorKey::InvalidLanguage,
        ErrorKey::InvalidHashtag,
        ErrorKey::InvalidTime,
        ErrorKey::AmbiguousLocalTime,
        ErrorKey::NonexistentLocalTime,
        ErrorKey::EndBeforeStart,
        ErrorKey::InvalidPeriod,
        ErrorKey::MinutesLocked,
        ErrorKey::InvalidTransition,
        ErrorKey::DuplicateRank,
        ErrorKey::CapacityReached,
        ErrorKey::RegistrationClosed,
        ErrorKey::SolverTimeLimit,
        ErrorKey::UnknownColumn,
        ErrorKey::MissingColumn,
        ErrorKey::FileUnreadable,
        ErrorKey::FileTooLarge,
        ErrorKey::FileType,
        ErrorKey::WeakPassword,
        ErrorKey::PasswordMismatch,
        ErrorKey::QueryTooShort,
        ErrorKey::ControlCharacters,
        ErrorKey::WrongFieldCount,
        ErrorKey::MethodNotAllowed,
        ErrorKey::BodyTooLarge,
        ErrorKey::UnsupportedMediaType,
        ErrorKey::Timeout,
        ErrorKey::BadRequest,
        ErrorKey::Internal,
    ];
}

/// A rule was broken. `field` names the input field when there is one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DomainError {
    pub key: ErrorKey,
    pub field: Option<String>,
}

impl DomainError {
    pub fn new(key: ErrorKey) -> Self {
        DomainError { key, field: None }
    }
    pub fn field(key: ErrorKey, field: impl Into<String>) -> Self {
        DomainError {
            key,
            field: Some(field.into()),
        }
    }
}

impl fmt::Display for DomainError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.field {
            Some(field) => write!(f, "{} ({field})", self.key.code()),
            None => f.write_str(self.key.code()),
        }
    }
}

impl std::error::Error for DomainError {}

impl From<ErrorKey> for DomainError {
    fn from(key: ErrorKey) -> Self {
        DomainError::new(key)
    }
}
