//! API tokens of service accounts: created with scopes and an optional expiry by admins and
//! coordinators, shown once, stored hashed, revocable at once.

pub mod schema;
pub mod service;
pub mod types;
