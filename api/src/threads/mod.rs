//! Threads and posts: TLP-marked discussions in a workspace, Markdown posts rendered to
//! sanitised HTML, replies, mentions, reactions, edit history and moderation.

pub mod markdown;
pub mod mentions;
pub mod posts;
pub mod schema;
pub mod service;
pub mod types;
