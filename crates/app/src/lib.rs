//! The application layer of what needs no HTTP. `web::ops` holds the operations of the pages
//! and the API (they need the request's context); what the command line shares with them lives
//! here, so that `jumelage import|export` never goes through the web crate.

pub mod directory_io;
