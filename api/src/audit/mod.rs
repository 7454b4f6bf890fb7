//! The audit log: every change writes an event in the same transaction as the change.

pub mod schema;
pub mod service;
pub mod types;
