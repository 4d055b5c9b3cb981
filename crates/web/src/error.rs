//! The one error type of the web layer. Handlers return it; the context middleware renders it
//! in the user's language, as an HTML page or as the API's JSON envelope.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use domain::{DomainError, ErrorKey};
use storage::StorageError;

#[derive(Debug, Clone)]
pub struct AppError {
    pub status: StatusCode,
    pub key: ErrorKey,
    pub field: Option<String>,
}

pub fn status_of(key: ErrorKey) -> StatusCode {
    use ErrorKey::*;
    match key {
        NotFound => StatusCode::NOT_FOUND,
        Forbidden | CsrfMismatch => StatusCode::FORBIDDEN,
        Unauthenticated | InvalidToken | InvalidCredentials => StatusCode::UNAUTHORIZED,
        TooManyAttempts => StatusCode::TOO_MANY_REQUESTS,
        VersionConflict | DuplicateId => StatusCode::CONFLICT,
        BadRequest => StatusCode::BAD_REQUEST,
        MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
        BodyTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
        UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
        Timeout => StatusCode::REQUEST_TIMEOUT,
        Internal => StatusCode::INTERNAL_SERVER_ERROR,
        Required | TooLong | InvalidCountry | InvalidLevel | LevelCountryMismatch | InvalidKind
        | InvalidStatus | InvalidNumber | InvalidDate | InvalidCoordinates | InvalidUrl
        | InvalidEmail | SelfPartnership | UnknownOrganisation | UnknownTheme | UnknownGroup
        | InvalidId | ParentCycle | WeakPassword | PasswordMismatch | UnknownTimeZone
        | InvalidLanguage | InvalidHashtag | InvalidTime | AmbiguousLocalTime
        | NonexistentLocalTime | EndBeforeStart | InvalidPeriod | InvalidTransition | FileType
        | DuplicateRank | UnknownColumn | MissingColumn | FileUnreadable | QueryTooShort
        | ControlCharacters | WrongFieldCount => StatusCode::UNPROCESSABLE_ENTITY,
        MinutesLocked | CapacityReached | RegistrationClosed => StatusCode::CONFLICT,
        SolverTimeLimit => StatusCode::SERVICE_UNAVAILABLE,
        FileTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
    }
}

impl AppError {
    pub fn new(key: ErrorKey) -> Self {
        AppError {
            status: status_of(key),
            key,
            field: None,
        }
    }
    pub fn field(key: ErrorKey, field: impl Into<String>) -> Self {
        AppError {
            field: Some(field.into()),
            ..AppError::new(key)
        }
    }
    pub fn not_found() -> Self {
        AppError::new(ErrorKey::NotFound)
    }
    pub fn forbidden() -> Self {
        AppError::new(ErrorKey::Forbidden)
    }
    /// The catalog key of this error's message.
    pub fn message_key(&self) -> String {
        self.key.message_id()
    }
}

/// `None` is a 404: `db.organisation(&id).await?.or_404()?`.
pub trait OrNotFound<T> {
    fn or_404(self) -> Result<T, AppError>;
}

impl<T> OrNotFound<T> for Option<T> {
    fn or_404(self) -> Result<T, AppError> {
        self.ok_or_else(AppError::not_found)
    }
}

/// The response carries the error itself; the context middleware turns it into a page or JSON.
impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let mut resp = self.status.into_response();
        resp.extensions_mut().insert(self);
        resp
    }
}

impl From<DomainError> for AppError {
    fn from(e: DomainError) -> Self {
        AppError {
            status: status_of(e.key),
            key: e.key,
            field: e.field,
        }
    }
}

impl From<Vec<DomainError>> for AppError {
    fn from(mut errors: Vec<DomainError>) -> Self {
        if errors.is_empty() {
            AppError::new(ErrorKey::BadRequest)
        } else {
            errors.swap_remove(0).into()
        }
    }
}

impl From<StorageError> for AppError {
    fn from(e: StorageError) -> Self {
        match e {
            StorageError::Domain(d) => d.into(),
            other => {
                tracing::error!(error = %other, "storage error");
                AppError::new(ErrorKey::Internal)
            }
        }
    }
}
