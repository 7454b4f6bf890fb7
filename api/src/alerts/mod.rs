//! Cyber alerts: short, urgent notices for the public or for law enforcement, and the
//! public Atom feed.

pub mod atom;
pub mod schema;
pub mod service;
pub mod types;
