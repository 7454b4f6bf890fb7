//! The web frontend, served from `FRONTEND_DIR` (`frontend/dist`, written by `npm run build`):
//! hashed assets under `/assets/` are cached for a year; any other path that is not a file
//! is a client-side route and gets `index.html`, which is never cached. Every page carries a
//! Content-Security-Policy that allows the app's own scripts, styles and API and nothing
//! else. Files are sent compressed (brotli or gzip, written by the build) to browsers that
//! accept it. Without a built frontend the API still runs and `/` says how to build it.

use std::path::Path;

use axum::{
    Router,
    body::Body,
    http::{HeaderValue, Request, StatusCode, Uri, header},
    response::{Html, IntoResponse, Response},
};
use tower_http::services::{ServeDir, ServeFile};

/// What the app's pages may load: its own scripts, styles and images, and its own API
/// over HTTP and WebSocket (`'self'` covers `ws:`/`wss:` to the same host).
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; \
     style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; \
     object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

const IMMUTABLE: &str = "public, max-age=31536000, immutable";
const REVALIDATE: &str = "no-cache";
/// Unhashed files next to `index.html` (the icon, `robots.txt`).
const SHORT: &str = "public, max-age=3600";

/// The routes of the frontend: everything that is not the API.
pub fn routes(dir: &Path) -> Router {
    let index = dir.join("index.html");
    if !index.is_file() {
        tracing::info!(dir = %dir.display(), "no built web frontend: serving the API only");
        return Router::new().fallback(not_built);
    }
    // The build writes `.br` and `.gz` next to each text file; they are sent to browsers
    // that accept them.
    let pages = ServeDir::new(dir)
        .precompressed_br()
        .precompressed_gzip()
        .fallback(
            ServeFile::new(index)
                .precompressed_br()
                .precompressed_gzip(),
        );
    let assets = ServeDir::new(dir.join("assets"))
        .precompressed_br()
        .precompressed_gzip();
    Router::new()
        .nest_service("/assets", assets)
        .fallback_service(pages)
        .layer(axum::middleware::map_response(headers))
}

/// Caching by kind of file, and the page policies.
async fn headers(uri: Uri, mut response: Response) -> Response {
    let html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    // A 304 keeps the policy the browser stored with the file.
    let fresh = response.status().is_success() || response.status() == StatusCode::NOT_MODIFIED;
    let cache = if !fresh || html {
        REVALIDATE
    } else if uri.path().starts_with("/assets/") {
        IMMUTABLE
    } else {
        SHORT
    };
    let h = response.headers_mut();
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    // The same path answers brotli, gzip or plain bytes.
    h.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    if html {
        h.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CONTENT_SECURITY_POLICY),
        );
    }
    response
}

async fn not_built(request: Request<Body>) -> Response {
    let status = if request.uri().path() == "/" {
        StatusCode::OK
    } else {
        StatusCode::NOT_FOUND
    };
    let page = Html(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Alliance Hub</title></head>\
         <body><h1>Alliance Hub</h1><p>The web frontend is not built. Build it with \
         <code>make frontend</code> (or <code>npm ci &amp;&amp; npm run build</code> in \
         <code>frontend/</code>) and restart; <code>make run</code> does both.</p>\
         <p>The GraphQL API is at <code>/graphql</code>.</p></body></html>",
    );
    let mut response = (status, page).into_response();
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(REVALIDATE));
    response
}
