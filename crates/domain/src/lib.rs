//! The domain of jumelage: types, validation and rules, with no HTTP and no SQL.
//!
//! Areas follow the feature map: `directory` (organisations, people, partnerships, actions),
//! `groups` (network and country groups), `accounts` (roles and the permission rules).
//! Errors are stable keys (`ErrorKey`) that the web layer translates at render time.

pub mod accounts;
pub mod check;
mod csv;
pub mod directory;
pub mod error;
pub mod groups;
pub mod ids;
pub mod meetings;
pub mod period;
pub mod seminars;
pub mod signin;
pub mod text;
pub mod time;

pub use error::{DomainError, ErrorKey};
