//! Joint advisories: drafting by authors of several organisations, immutable revisions,
//! review comments, sign-off, publication with a reference, and the CSAF and STIX exports.

pub mod content;
pub mod csaf;
pub mod cvss;
pub mod exports;
pub mod indicators;
pub mod revisions;
pub mod schema;
pub mod service;
pub mod stix;
pub mod types;
pub mod validate;
pub mod workflow;
