//! Alliance Hub API: the GraphQL server of the alliance's collaboration platform.
//!
//! Domains (`organizations`, `users`, `tokens`, `workspaces`, `threads`, `notifications`,
//! `search`, `audit`) each have `schema.rs` (their part
//! of the GraphQL schema), `service.rs` (plain async functions over a connection and the
//! request context) and `types.rs` (output and input types). Every service asks
//! [`auth::policy`] before it reads or writes. [`realtime`] carries changes to
//! subscribers: an outbox written with each change, a relay, a bus, a dispatcher per replica.

pub mod advisories;
pub mod alerts;
pub mod app;
pub mod audit;
pub mod auth;
pub mod config;
pub mod context;
pub mod db;
pub mod demo;
pub mod error;
pub mod http;
pub mod ids;
pub mod limits;
pub mod loaders;
pub mod node;
pub mod notifications;
pub mod organizations;
pub mod pagination;
pub mod realtime;
pub mod schema;
pub mod search;
pub mod telemetry;
pub mod threads;
pub mod tokens;
pub mod training;
pub mod users;
pub mod workspaces;

pub use app::{AppState, Application};
pub use config::Config;
