//! Accounts: people who sign in with a password, and organisations' service accounts that
//! act through API tokens. Admins create and suspend accounts and reset passwords.

pub mod schema;
pub mod service;
pub mod types;
