//! Training and certification: programmes offered by provider organisations, their
//! e-learning modules and sessions, enrolment with waiting lists, completion, and
//! certificates anyone can verify — some of which workspaces require of their members.

pub mod certificate_schema;
pub mod certificates;
pub mod enrolment;
pub mod gate;
pub mod modules;
pub mod programmes;
pub mod schema;
pub mod service;
pub mod sessions;
pub mod types;
