//! Integration tests: the real Alliance Hub over real HTTP and WebSocket, one binary.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod admin;
mod advisories;
mod advisory_matrix;
mod advisory_realtime;
mod advisory_review;
mod advisory_workflow;
mod alerts;
mod audit_log;
mod auth;
mod certificates;
mod collaboration;
mod dataloaders;
mod demo;
mod directory;
mod exports;
mod http_spec;
mod jwt;
mod limits;
mod ops;
mod public_outputs;
mod realtime;
mod realtime_replicas;
mod replicas;
mod schema_sdl;
mod tenant_matrix;
mod threads;
mod tokens;
mod training_enrolment;
mod training_matrix;
mod training_review;
mod training_workflow;
mod web;
mod workspaces;
mod ws_protocol;
