//! The web layer end to end (without a network): every test on SQLite and on PostgreSQL,
//! each on its own database loaded with the demo data.

mod accounts;
mod api;
mod auth;
mod concurrency;
mod countries;
mod groups;
mod history;
mod hostile;
mod invitations;
mod languages;
mod meetings;
mod pages;
mod programme;
mod register_edit;
mod register_io;
mod roadmap;
mod search;
mod seminars;
mod support;
mod translations;
