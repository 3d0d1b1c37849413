//! Disclosure integrity (厂务公开): the rules behind 公示 pages — notice periods counted
//! on the holiday calendar, and document numbers (文号) per GB/T 9704. Below the
//! model, which applies them; the ledger of published notices is an emit stage
//! over the built site (`emit::ledger`).

pub mod calendar;
pub mod number;
pub mod status;
