//! Search over the threads and posts the viewer may read: PostgreSQL full-text search
//! (`tsvector` with a GIN index) or SQLite FTS5. Results the viewer may not read are never
//! returned, counted or hinted at: the access rule is part of the query.

pub mod schema;
pub mod service;
