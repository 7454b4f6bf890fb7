//! Prometheus metrics: requests and latency by operation name, errors by code, database pool,
//! open WebSocket connections.
//! Each hub has its own registry (several run in one test process).

use std::{collections::HashSet, sync::Mutex};

use axum::{extract::State, http::header, response::IntoResponse};
use prometheus::{
    Encoder, HistogramOpts, HistogramVec, IntCounter, IntCounterVec, IntGauge, IntGaugeVec, Opts,
    Registry, TextEncoder,
};

use super::HttpState;

/// Most distinct operation names kept as labels; the rest are counted as `other`.
const MAX_OPERATION_LABELS: usize = 200;

pub struct Metrics {
    registry: Registry,
    requests: IntCounterVec,
    latency: HistogramVec,
    errors: IntCounterVec,
    pool: IntGaugeVec,
    auth_cache_hits: IntCounter,
    auth_cache_misses: IntCounter,
    /// SQL statements sent to the database (every statement, transactions included).
    pub sql_statements: IntCounter,
    /// Open WebSocket connections on this replica (from the upgrade to the close).
    pub websocket_connections: IntGauge,
    seen_operations: Mutex<HashSet<String>>,
}

impl Metrics {
    pub fn new() -> anyhow::Result<Self> {
        let registry = Registry::new();
        let requests = IntCounterVec::new(
            Opts::new(
                "graphql_requests_total",
                "GraphQL requests by operation name and outcome",
            ),
            &["operation", "outcome"],
        )?;
        let latency = HistogramVec::new(
            HistogramOpts::new(
                "graphql_request_duration_seconds",
                "GraphQL request latency by operation name",
            )
            .buckets(vec![
                0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
            ]),
            &["operation"],
        )?;
        let errors = IntCounterVec::new(
            Opts::new("graphql_errors_total", "GraphQL errors by code"),
            &["code"],
        )?;
        let pool = IntGaugeVec::new(
            Opts::new(
                "database_pool_connections",
                "Database pool connections by state",
            ),
            &["state"],
        )?;
        let auth_cache = IntCounterVec::new(
            Opts::new(
                "auth_cache_lookups_total",
                "Authenticated-account cache lookups by result",
            ),
            &["result"],
        )?;
        let sql_statements = IntCounter::new(
            "database_statements_total",
            "SQL statements executed against the database",
        )?;
        let websocket_connections = IntGauge::new(
            "websocket_connections",
            "Open GraphQL WebSocket connections on this replica",
        )?;
        registry.register(Box::new(websocket_connections.clone()))?;
        registry.register(Box::new(sql_statements.clone()))?;
        registry.register(Box::new(auth_cache.clone()))?;
        registry.register(Box::new(requests.clone()))?;
        registry.register(Box::new(latency.clone()))?;
        registry.register(Box::new(errors.clone()))?;
        registry.register(Box::new(pool.clone()))?;
        Ok(Self {
            registry,
            requests,
            latency,
            errors,
            pool,
            auth_cache_hits: auth_cache.with_label_values(&["hit"]),
            auth_cache_misses: auth_cache.with_label_values(&["miss"]),
            sql_statements,
            websocket_connections,
            seen_operations: Mutex::new(HashSet::new()),
        })
    }

    /// A bounded, safe label for a client-chosen operation name.
    fn operation_label(&self, name: Option<&str>) -> String {
        let Some(name) = name.filter(|n| {
            !n.is_empty()
                && n.len() <= 64
                && n.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
        }) else {
            return "anonymous".to_owned();
        };
        let mut seen = self
            .seen_operations
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if seen.contains(name) {
            return name.to_owned();
        }
        if seen.len() < MAX_OPERATION_LABELS {
            seen.insert(name.to_owned());
            return name.to_owned();
        }
        "other".to_owned()
    }

    pub fn auth_cache_lookup(&self, hit: bool) {
        if hit {
            self.auth_cache_hits.inc();
        } else {
            self.auth_cache_misses.inc();
        }
    }

    pub fn observe(&self, operation: Option<&str>, seconds: f64, error_codes: &[String]) {
        let label = self.operation_label(operation);
        let outcome = if error_codes.is_empty() {
            "ok"
        } else {
            "error"
        };
        self.requests
            .with_label_values(&[label.as_str(), outcome])
            .inc();
        self.latency
            .with_label_values(&[label.as_str()])
            .observe(seconds);
        for code in error_codes {
            self.errors.with_label_values(&[code.as_str()]).inc();
        }
    }

    fn render(&self, pool_size: u32, pool_idle: usize) -> String {
        self.pool
            .with_label_values(&["open"])
            .set(i64::from(pool_size));
        self.pool
            .with_label_values(&["idle"])
            .set(i64::try_from(pool_idle).unwrap_or(i64::MAX));
        let mut buffer = Vec::new();
        if let Err(err) = TextEncoder::new().encode(&self.registry.gather(), &mut buffer) {
            tracing::error!(error = %err, "encoding metrics failed");
        }
        String::from_utf8(buffer).unwrap_or_default()
    }
}

pub async fn handler(State(state): State<HttpState>) -> impl IntoResponse {
    let db = &state.app.db;
    let (size, idle) = match db.get_database_backend() {
        sea_orm::DbBackend::Postgres => {
            let pool = db.get_postgres_connection_pool();
            (pool.size(), pool.num_idle())
        }
        _ => {
            let pool = db.get_sqlite_connection_pool();
            (pool.size(), pool.num_idle())
        }
    };
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        state.app.metrics.render(size, idle),
    )
}
