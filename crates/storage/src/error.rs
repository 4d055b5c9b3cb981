use domain::{DomainError, ErrorKey};

#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    #[error("the database URL is not understood: {0}")]
    BadUrl(String),
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("migration error: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
    #[error("{0}")]
    Domain(DomainError),
    #[error("demo data: {0}")]
    Demo(String),
    #[error("file: {0}")]
    Io(String),
}

impl StorageError {
    /// The domain key when the error is one a user can act on (not found, conflict, ...).
    pub fn key(&self) -> Option<&DomainError> {
        match self {
            StorageError::Domain(e) => Some(e),
            _ => None,
        }
    }
}

impl From<DomainError> for StorageError {
    fn from(e: DomainError) -> Self {
        StorageError::Domain(e)
    }
}

impl From<ErrorKey> for StorageError {
    fn from(k: ErrorKey) -> Self {
        StorageError::Domain(DomainError::new(k))
    }
}

/// Maps a unique-constraint violation to `DuplicateId` on `field`, anything else stays as is.
pub(crate) fn unique_to_duplicate(e: sqlx::Error, field: &str) -> StorageError {
    if let sqlx::Error::Database(db) = &e {
        if db.is_unique_violation() {
            return DomainError::field(ErrorKey::DuplicateId, field).into();
        }
        if db.is_foreign_key_violation() {
            return DomainError::field(ErrorKey::UnknownOrganisation, field).into();
        }
    }
    StorageError::Database(e)
}
