//! One error type for the whole API. Client errors carry their message and a stable code in
//! `extensions.code`; internal errors are logged with their chain (inside the request's span,
//! so with its request id) and answered with a generic message.

use async_graphql::ErrorExtensions as _;
use sea_orm::{DbErr, SqlErr};

/// Stable error codes, as they appear in `extensions.code`.
pub mod code {
    pub const UNAUTHENTICATED: &str = "UNAUTHENTICATED";
    pub const FORBIDDEN: &str = "FORBIDDEN";
    pub const NOT_FOUND: &str = "NOT_FOUND";
    pub const BAD_USER_INPUT: &str = "BAD_USER_INPUT";
    pub const CONFLICT: &str = "CONFLICT";
    pub const RATE_LIMITED: &str = "RATE_LIMITED";
    pub const INTERNAL: &str = "INTERNAL";
    pub const TIMEOUT: &str = "TIMEOUT";
    pub const BAD_REQUEST: &str = "BAD_REQUEST";
    pub const GRAPHQL_PARSE_FAILED: &str = "GRAPHQL_PARSE_FAILED";
    pub const GRAPHQL_VALIDATION_FAILED: &str = "GRAPHQL_VALIDATION_FAILED";
    pub const QUERY_TOO_LARGE: &str = "QUERY_TOO_LARGE";
    pub const QUERY_TOO_MANY_TOKENS: &str = "QUERY_TOO_MANY_TOKENS";
    pub const QUERY_TOO_DEEP: &str = "QUERY_TOO_DEEP";
    pub const QUERY_TOO_COMPLEX: &str = "QUERY_TOO_COMPLEX";
    pub const QUERY_TOO_MANY_ALIASES: &str = "QUERY_TOO_MANY_ALIASES";
    pub const QUERY_TOO_MANY_DIRECTIVES: &str = "QUERY_TOO_MANY_DIRECTIVES";
    pub const BATCH_NOT_SUPPORTED: &str = "BATCH_NOT_SUPPORTED";
    pub const PAYLOAD_TOO_LARGE: &str = "PAYLOAD_TOO_LARGE";
    pub const UNSUPPORTED_MEDIA_TYPE: &str = "UNSUPPORTED_MEDIA_TYPE";
    pub const NOT_ACCEPTABLE: &str = "NOT_ACCEPTABLE";
    pub const METHOD_NOT_ALLOWED: &str = "METHOD_NOT_ALLOWED";
    /// A subscription's `after` cursor is older than the event retention: refetch.
    pub const CURSOR_EXPIRED: &str = "CURSOR_EXPIRED";
    /// A subscriber fell too far behind its events; resume from the last cursor.
    pub const LAGGING: &str = "LAGGING";
    /// A WebSocket connection already runs `WS_MAX_SUBSCRIPTIONS` operations.
    pub const TOO_MANY_SUBSCRIPTIONS: &str = "TOO_MANY_SUBSCRIPTIONS";
}

/// Deliberately not `Display`: async-graphql converts any `Display` error into a GraphQL
/// error with its text, which would drop the code and could leak an internal message. The
/// only way out is [`From<AppError> for async_graphql::Error`](#impl-From<AppError>-for-Error),
/// which sets `extensions.code` and hides internal errors.
#[derive(Debug)]
pub enum AppError {
    Unauthenticated(&'static str),
    Forbidden(String),
    /// The object does not exist, or the viewer may not know that it does.
    NotFound,
    BadUserInput {
        message: String,
        field: Option<&'static str>,
    },
    Conflict(String),
    /// A save against a revision that is no longer the current one: never an overwrite.
    StaleRevision {
        current: i32,
    },
    RateLimited {
        retry_after_secs: u64,
    },
    Internal(anyhow::Error),
    /// A resume cursor older than the events kept.
    CursorExpired,
    /// A subscriber that did not keep up with its events.
    Lagging,
}

impl From<anyhow::Error> for AppError {
    fn from(err: anyhow::Error) -> Self {
        Self::Internal(err)
    }
}

pub type AppResult<T> = Result<T, AppError>;

impl AppError {
    pub fn forbidden(message: impl Into<String>) -> Self {
        Self::Forbidden(message.into())
    }

    pub fn bad_input(field: &'static str, message: impl Into<String>) -> Self {
        Self::BadUserInput {
            message: message.into(),
            field: Some(field),
        }
    }

    pub fn conflict(message: impl Into<String>) -> Self {
        Self::Conflict(message.into())
    }

    pub fn code(&self) -> &'static str {
        match self {
            Self::Unauthenticated(_) => code::UNAUTHENTICATED,
            Self::Forbidden(_) => code::FORBIDDEN,
            Self::NotFound => code::NOT_FOUND,
            Self::BadUserInput { .. } => code::BAD_USER_INPUT,
            Self::Conflict(_) | Self::StaleRevision { .. } => code::CONFLICT,
            Self::RateLimited { .. } => code::RATE_LIMITED,
            Self::Internal(_) => code::INTERNAL,
            Self::CursorExpired => code::CURSOR_EXPIRED,
            Self::Lagging => code::LAGGING,
        }
    }

    /// The message a client may see. Internal errors are logged here, with their chain,
    /// inside the request's span (so with its request id).
    pub fn public_message(&self) -> String {
        match self {
            Self::Unauthenticated(message) => (*message).to_owned(),
            Self::Forbidden(message) | Self::Conflict(message) => message.clone(),
            Self::NotFound => "not found".to_owned(),
            Self::StaleRevision { current } => format!(
                "the advisory has changed since: revision {current} is the current one; \
                 review it and save again against it"
            ),
            Self::BadUserInput { message, .. } => message.clone(),
            Self::RateLimited { .. } => "too many attempts, try again later".to_owned(),
            Self::CursorExpired => "the cursor is older than the events kept: refetch, then \
                subscribe without it"
                .to_owned(),
            Self::Lagging => "the subscriber fell behind: subscribe again with the last cursor \
                received"
                .to_owned(),
            Self::Internal(err) => {
                tracing::error!(error = ?err, "internal error");
                "internal error".to_owned()
            }
        }
    }
}

impl From<DbErr> for AppError {
    /// Unique-constraint violations that slipped past a service's own check (a race between
    /// two writers) are conflicts; everything else from the database is internal.
    fn from(err: DbErr) -> Self {
        match err.sql_err() {
            Some(SqlErr::UniqueConstraintViolation(_)) => {
                Self::Conflict("a conflicting record already exists".into())
            }
            _ => Self::Internal(anyhow::Error::new(err)),
        }
    }
}

impl From<AppError> for async_graphql::Error {
    fn from(err: AppError) -> Self {
        let code = err.code();
        let message = err.public_message();
        async_graphql::Error::new(message).extend_with(|_, ext| {
            ext.set("code", code);
            match &err {
                AppError::BadUserInput {
                    field: Some(field), ..
                } => ext.set("field", *field),
                AppError::RateLimited { retry_after_secs } => {
                    ext.set("retryAfter", *retry_after_secs)
                }
                AppError::StaleRevision { current } => ext.set("currentRevision", *current),
                _ => {}
            }
        })
    }
}
