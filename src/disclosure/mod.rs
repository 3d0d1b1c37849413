//! Disclosure integrity (厂务公开): the rules behind 公示 pages — notice periods counted
//! on the holiday calendar, and document numbers (文号) per GB/T 9704.

pub mod calendar;
pub mod ledger;
pub mod number;
pub mod status;
