//! Organisations of the alliance: police units, the hub, vendors, academia, CERTs and
//! infrastructure operators. Coordinators and admins create, edit and verify them.

pub mod schema;
pub mod service;
pub mod types;
