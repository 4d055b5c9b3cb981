//! The browser suite: the built binary, driven in Debian's headless Chromium through
//! chromedriver, with an axe-core accessibility audit (WCAG 2.1 A and AA rules) of the pages.
//!
//! Needs `JUMELAGE_CHROMIUM`, `JUMELAGE_CHROMEDRIVER` and `JUMELAGE_AXE` (axe.min.js), which
//! `scripts/test` installs and sets; defaults are Debian's paths and `target/e2e-tools`.

#[path = "../common/mod.rs"]
mod common;
mod kit;

mod home;
mod meetings;
mod network;
mod register;
mod seminars;
