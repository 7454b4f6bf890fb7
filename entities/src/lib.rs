//! Database entities of Alliance Hub (sea-orm).
//!
//! One module per table. Enumerations are stored as short strings so that the same
//! migrations serve SQLite and PostgreSQL. They also derive `async_graphql::Enum` so the
//! API exposes exactly the values the database stores; models themselves never reach the
//! API directly (the `api` crate has its own output types).

pub mod advisory;
pub mod advisory_author;
pub mod advisory_comment;
pub mod advisory_counter;
pub mod advisory_revision;
pub mod advisory_signoff;
pub mod alert;
pub mod api_token;
pub mod audit_event;
pub mod certificate;
pub mod enrolment;
pub mod enums;
pub mod event;
pub mod invitation;
pub mod invitation_response;
pub mod module_completion;
pub mod notification;
pub mod organization;
pub mod post;
pub mod post_reaction;
pub mod post_revision;
pub mod programme;
pub mod programme_module;
pub mod programme_prerequisite;
pub mod refresh_token;
pub mod session;
pub mod session_instructor;
pub mod thread;
pub mod thread_recipient;
pub mod training_session;
pub mod user_account;
pub mod workspace;
pub mod workspace_member;

pub use enums::*;
