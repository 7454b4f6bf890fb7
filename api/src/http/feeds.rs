//! Public outputs, for anyone without signing in: the Atom feed of public alerts and
//! advisories, and the CSAF provider (metadata, the TLP:CLEAR distribution directory with
//! its index files and hashes). What they list is what the access policy lets an anonymous
//! reader see.

use axum::{
    Router,
    extract::{Path, State},
    http::{HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
    routing::get,
};
use chrono::{Datelike, Utc};
use entities::{AlertAudience, advisory};
use sea_orm::{EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use sha2::{Digest, Sha256, Sha512};

use super::HttpState;
use crate::{
    advisories::{
        csaf,
        exports::{self, PUBLISHER},
    },
    alerts::{
        atom::{self, FeedEntry},
        service as alerts,
    },
    auth::{
        Viewer,
        policy::{self, AdvisoryAction},
    },
    error::AppError,
    pagination::Page,
};

/// Entries of each kind in the feed.
const FEED_ENTRIES: u64 = 50;

pub fn routes() -> Router<HttpState> {
    Router::new()
        .route("/feeds/alerts.atom", get(feed))
        .route(
            "/.well-known/csaf/provider-metadata.json",
            get(provider_metadata),
        )
        .route("/.well-known/csaf/clear/index.txt", get(index_txt))
        .route("/.well-known/csaf/clear/changes.csv", get(changes_csv))
        .route("/.well-known/csaf/clear/{year}/{file}", get(document))
}

fn failure(err: AppError) -> Response {
    match err {
        AppError::NotFound => (StatusCode::NOT_FOUND, "not found").into_response(),
        other => {
            let _ = other.public_message();
            (StatusCode::INTERNAL_SERVER_ERROR, "internal error").into_response()
        }
    }
}

fn with_type(body: impl IntoResponse, content_type: &'static str) -> Response {
    let mut response = body.into_response();
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=60"),
    );
    response
}

fn public_url(state: &HttpState) -> &url::Url {
    &state.app.config.settings.public_url
}

/// Advisories an anonymous reader sees, published to `PUBLIC`, newest first.
async fn public_advisories(
    state: &HttpState,
    limit: u64,
) -> Result<Vec<advisory::Model>, AppError> {
    Ok(advisory::Entity::find()
        .filter(policy::published_for(&Viewer::Anonymous))
        .filter(sea_orm::ColumnTrait::is_not_null(
            &advisory::Column::Reference,
        ))
        .order_by_desc(advisory::Column::PublishedAt)
        .limit(limit)
        .all(&state.app.db)
        .await?)
}

async fn feed(State(state): State<HttpState>) -> Response {
    match build_feed(&state).await {
        Ok(xml) => with_type(xml, "application/atom+xml; charset=utf-8"),
        Err(err) => failure(err),
    }
}

async fn build_feed(state: &HttpState) -> Result<String, AppError> {
    let base = public_url(state);
    let page = Page::parse(Some(FEED_ENTRIES as i32), None)?;
    let audiences = policy::readable_alert_audiences(&Viewer::Anonymous);
    debug_assert_eq!(audiences, vec![AlertAudience::Public]);
    let alerts = alerts::list(&state.app.db, audiences, false, page).await?;
    let mut entries: Vec<FeedEntry> = alerts
        .into_iter()
        .take(FEED_ENTRIES as usize)
        .map(|a| FeedEntry {
            id: format!("urn:uuid:{}", a.id),
            title: format!("[{}] {}", enum_text(&a.severity), a.title),
            summary: a.summary,
            updated: a.created_at,
            published: a.created_at,
            link: exports::absolute(
                base,
                &format!(
                    "/public#alert-{}",
                    crate::ids::encode(crate::ids::NodeType::Alert, a.id).0
                ),
            ),
            category: "alert".into(),
            author: PUBLISHER.into(),
        })
        .collect();
    for a in public_advisories(state, FEED_ENTRIES).await? {
        let published = a.published_at.unwrap_or(a.created_at);
        let reference = a.reference.clone().unwrap_or_default();
        let withdrawn = if a.withdrawn_at.is_some() {
            " (withdrawn)"
        } else {
            ""
        };
        entries.push(FeedEntry {
            id: format!("urn:uuid:{}", a.id),
            title: format!("{reference}: {}{withdrawn}", a.title),
            summary: format!(
                "{} advisory {reference}{withdrawn}. CSAF: {}",
                enum_text(&a.severity),
                exports::public_csaf_path(&a)
                    .map(|p| exports::absolute(base, &p))
                    .unwrap_or_default()
            ),
            updated: a.withdrawn_at.unwrap_or(published),
            published,
            link: exports::absolute(
                base,
                &format!(
                    "/public/advisories/{}",
                    crate::ids::encode(crate::ids::NodeType::Advisory, a.id).0
                ),
            ),
            category: "advisory".into(),
            author: PUBLISHER.into(),
        });
    }
    entries.sort_by_key(|e| std::cmp::Reverse(e.updated));
    let updated = entries.first().map_or_else(Utc::now, |e| e.updated);
    Ok(atom::feed(
        &exports::absolute(base, "/feeds/alerts.atom"),
        "Alliance Hub: public cyber alerts and advisories",
        &exports::absolute(base, "/feeds/alerts.atom"),
        &exports::absolute(base, "/public"),
        updated,
        &entries,
    ))
}

fn enum_text<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

async fn provider_metadata(State(state): State<HttpState>) -> Response {
    let base = public_url(&state);
    let last = match public_advisories(&state, 1).await {
        Ok(rows) => rows
            .first()
            .and_then(|a| a.withdrawn_at.or(a.published_at))
            .unwrap_or_else(Utc::now),
        Err(err) => return failure(err),
    };
    let namespace = base.as_str().trim_end_matches('/');
    let body = csaf::provider_metadata(
        namespace,
        &exports::absolute(base, "/.well-known/csaf/provider-metadata.json"),
        last,
        PUBLISHER,
    );
    with_type(body.to_string(), "application/json")
}

/// `index.txt`: the path of every document relative to the directory, one per line.
async fn index_txt(State(state): State<HttpState>) -> Response {
    match public_advisories(&state, exports::MAX_PUBLIC_INDEX).await {
        Ok(rows) => {
            let body: String = rows
                .iter()
                .filter_map(relative_path)
                .map(|p| format!("{p}\n"))
                .collect();
            with_type(body, "text/plain; charset=utf-8")
        }
        Err(err) => failure(err),
    }
}

/// `changes.csv`: `"path","last change"`, most recent first.
async fn changes_csv(State(state): State<HttpState>) -> Response {
    match public_advisories(&state, exports::MAX_PUBLIC_INDEX).await {
        Ok(mut rows) => {
            rows.sort_by_key(|a| std::cmp::Reverse(a.withdrawn_at.or(a.published_at)));
            let body: String = rows
                .iter()
                .filter_map(|a| {
                    let changed = a.withdrawn_at.or(a.published_at)?;
                    Some(format!(
                        "\"{}\",\"{}\"\n",
                        relative_path(a)?,
                        changed.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
                    ))
                })
                .collect();
            with_type(body, "text/csv; charset=utf-8")
        }
        Err(err) => failure(err),
    }
}

fn relative_path(a: &advisory::Model) -> Option<String> {
    let year = a.published_at?.year();
    Some(format!(
        "{year}/{}",
        csaf::file_name(a.reference.as_deref()?)
    ))
}

/// A document, or its `.sha256` / `.sha512` hash file.
async fn document(
    State(state): State<HttpState>,
    Path((year, file)): Path<(i32, String)>,
) -> Response {
    let (name, hash) = if let Some(name) = file.strip_suffix(".sha256") {
        (name, Some(Hash::Sha256))
    } else if let Some(name) = file.strip_suffix(".sha512") {
        (name, Some(Hash::Sha512))
    } else {
        (file.as_str(), None)
    };
    let found = match exports::public_by_file(&state.app.db, year, name).await {
        Ok(found) => found,
        Err(err) => return failure(err),
    };
    // The same decision as for any other reader: public, and exportable.
    if let Err(err) = policy::authorize_advisory(
        &Viewer::Anonymous,
        found.standing(),
        AdvisoryAction::Export {
            authoring_organization: false,
        },
    ) {
        return failure(match err {
            AppError::Forbidden(_) => AppError::NotFound,
            other => other,
        });
    }
    let body = match exports::csaf_document(&state.app.db, &found, public_url(&state)).await {
        Ok(doc) => doc.to_string(),
        Err(err) => return failure(err),
    };
    match hash {
        None => with_type(body, "application/json"),
        Some(Hash::Sha256) => with_type(
            format!("{:x}  {name}\n", Sha256::digest(body.as_bytes())),
            "text/plain; charset=utf-8",
        ),
        Some(Hash::Sha512) => with_type(
            format!("{:x}  {name}\n", Sha512::digest(body.as_bytes())),
            "text/plain; charset=utf-8",
        ),
    }
}

enum Hash {
    Sha256,
    Sha512,
}
