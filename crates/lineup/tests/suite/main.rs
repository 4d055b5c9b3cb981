//! Tests of the line-up solver against the contract.

mod common;

mod brute;
mod contract;
mod errors;
mod property;
mod rules;
