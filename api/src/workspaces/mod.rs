//! Workspaces: standing spaces for a topic or operation, their members, roles and
//! invitations.

pub mod invitations;
pub mod kinds;
pub mod schema;
pub mod service;
pub mod types;
