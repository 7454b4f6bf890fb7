use axum::{Json, extract::State, http::StatusCode};
use serde_json::{Value, json};

use super::HttpState;

/// Alive: the process answers.
pub async fn healthz() -> Json<Value> {
    Json(json!({ "status": "ok" }))
}

/// Ready: the database (and Redis, when configured) answer.
pub async fn readyz(State(state): State<HttpState>) -> (StatusCode, Json<Value>) {
    let app = &state.app;
    let database = app.db.ping().await.is_ok();
    let redis = match &app.redis {
        None => None,
        Some(conn) => {
            let mut conn = conn.clone();
            let pong: Result<String, _> = redis::cmd("PING").query_async(&mut conn).await;
            Some(pong.is_ok())
        }
    };
    let ready = database && redis.unwrap_or(true);
    let status = if ready {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (
        status,
        Json(json!({
            "status": if ready { "ready" } else { "unavailable" },
            "database": if database { "ok" } else { "unavailable" },
            "redis": redis.map(|ok| if ok { "ok" } else { "unavailable" }).unwrap_or("not configured"),
        })),
    )
}
