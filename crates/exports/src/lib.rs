//! Files the platform generates for other programs to open: calendars (`ics`) and tables
//! (`table`: CSV and XLSX with the same columns); and the tables people send it (`read`). Heavy writers live here, away from the
//! crates that change often.

pub mod ics;
pub mod read;
pub mod table;
