//! Operations shared by the pages and the API: the permission check, the domain rules and the
//! storage call, once. Handlers only parse input and render the result.

pub mod accounts;
pub mod audit;
pub mod consultation;
pub mod directory;
pub mod groups;
pub mod lineup;
pub mod meeting_mail;
pub mod meetings;
pub mod names;
pub mod programme;
pub use app::directory_io;
pub mod roadmap;
pub mod seminars;
