//! Logging and tracing, initialised once per process.

use std::sync::OnceLock;

use tracing_subscriber::{EnvFilter, fmt, prelude::*};

use crate::config::LogFormat;

static INIT: OnceLock<()> = OnceLock::new();

/// Installs the global subscriber. Later calls (several apps in one test process) do nothing.
/// The level comes from `RUST_LOG` through tracing's own filter, default `info`.
pub fn init(format: LogFormat) {
    INIT.get_or_init(|| {
        let filter = EnvFilter::try_from_default_env()
            .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,sea_orm=warn"));
        let registry = tracing_subscriber::registry().with(filter);
        let result = match format {
            LogFormat::Json => registry
                .with(
                    fmt::layer()
                        .json()
                        .flatten_event(true)
                        .with_current_span(true),
                )
                .try_init(),
            LogFormat::Pretty => registry.with(fmt::layer().compact()).try_init(),
        };
        // A subscriber set by someone else (a test harness) is fine to keep.
        let _ = result;
    });
}
