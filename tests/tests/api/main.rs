//! Integration tests: the real Alliance Hub over real HTTP, one binary.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod auth;
