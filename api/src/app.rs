//! Application assembly: state, router, listener. `main` and the tests build it the same way.

use std::{net::SocketAddr, ops::Deref, sync::Arc};

use anyhow::Context as _;
use redis::aio::ConnectionManager;
use sea_orm::DatabaseConnection;
use tokio::net::TcpListener;

use crate::{
    auth::{
        cache::AuthCache,
        invalidation,
        jwt::JwtKeys,
        password::PasswordHasher,
        ratelimit::{InMemoryRateLimiter, RateLimiter, RedisRateLimiter},
    },
    config::{Config, JwtSecretSource},
    db, demo,
    http::{self, metrics::Metrics, ws::Connections},
    realtime::Realtime,
};

/// Shared state of one running hub.
#[derive(Clone)]
pub struct AppState(Arc<Inner>);

pub struct Inner {
    pub config: Config,
    pub db: DatabaseConnection,
    pub jwt: JwtKeys,
    pub passwords: PasswordHasher,
    pub limiter: Arc<dyn RateLimiter>,
    pub redis: Option<ConnectionManager>,
    pub metrics: Metrics,
    pub auth_cache: Arc<AuthCache>,
    pub realtime: Realtime,
    /// The WebSocket connections open on this replica; [`Connections::close_user`] closes an
    /// account's.
    pub websockets: Arc<Connections>,
}

impl Deref for AppState {
    type Target = Inner;
    fn deref(&self) -> &Inner {
        &self.0
    }
}

/// Reads the JWT secret, generating it on first start in embedded mode (file mode 0600).
fn load_jwt_secret(source: &JwtSecretSource) -> anyhow::Result<Vec<u8>> {
    match source {
        JwtSecretSource::Given(secret) => Ok(secret.expose().as_bytes().to_vec()),
        JwtSecretSource::File(path) => {
            if let Ok(existing) = std::fs::read_to_string(path) {
                let existing = existing.trim();
                if existing.len() >= 32 {
                    return Ok(existing.as_bytes().to_vec());
                }
            }
            let secret = crate::auth::secrets::generate("");
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir)
                    .with_context(|| format!("creating {}", dir.display()))?;
            }
            write_private(path, &secret).with_context(|| format!("writing {}", path.display()))?;
            tracing::info!(path = %path.display(), "generated a new JWT secret");
            Ok(secret.into_bytes())
        }
    }
}

#[cfg(unix)]
fn write_private(path: &std::path::Path, contents: &str) -> std::io::Result<()> {
    use std::{io::Write, os::unix::fs::OpenOptionsExt};
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(path)?;
    file.write_all(contents.as_bytes())
}

#[cfg(not(unix))]
fn write_private(path: &std::path::Path, contents: &str) -> std::io::Result<()> {
    std::fs::write(path, contents)
}

impl AppState {
    /// Connects to the database (and Redis), migrates, and seeds demo data when asked.
    pub async fn build(config: Config) -> anyhow::Result<Self> {
        let jwt_secret = load_jwt_secret(&config.jwt_secret)?;
        let metrics = Metrics::new()?;
        let db = db::connect_counting(&config, Some(metrics.sql_statements.clone()))
            .await
            .context("connecting to the database")?;
        db::migrate(&db).await.context("migrating the database")?;
        let auth_cache_ttl = std::time::Duration::from_secs(config.settings.auth_cache_ttl);
        let (redis, auth_cache, redis_client) = match &config.settings.redis_url {
            Some(url) => {
                let client = redis::Client::open(url.as_str()).context("REDIS_URL")?;
                let conn = ConnectionManager::new(client.clone())
                    .await
                    .context("connecting to Redis")?;
                // Off until this replica hears other replicas' invalidations.
                let cache = Arc::new(AuthCache::new(auth_cache_ttl, false));
                invalidation::spawn_listener(
                    client.clone(),
                    invalidation::channel(&config.settings.redis_prefix),
                    cache.clone(),
                );
                (Some(conn), cache, Some(client))
            }
            None => (None, Arc::new(AuthCache::new(auth_cache_ttl, true)), None),
        };
        let background = db::connect_background(&config)
            .await
            .context("connecting to the database")?;
        let realtime = Realtime::start(
            &background,
            &config.settings,
            redis_client.zip(redis.clone()),
        )
        .await?;
        let limiter: Arc<dyn RateLimiter> = match &redis {
            Some(conn) => Arc::new(RedisRateLimiter::new(
                conn.clone(),
                &config.settings.redis_prefix,
            )),
            None => Arc::new(InMemoryRateLimiter::default()),
        };
        let passwords = PasswordHasher::new(
            config.settings.argon2_memory_kib,
            config.settings.argon2_iterations,
        )?;
        let jwt = JwtKeys::new(
            &jwt_secret,
            config.issuer(),
            config.settings.access_token_ttl,
        );
        let websockets = Arc::new(Connections::new(
            config.settings.ws_max_connections_per_user,
            metrics.websocket_connections.clone(),
        ));
        let state = AppState(Arc::new(Inner {
            config,
            db,
            jwt,
            passwords,
            limiter,
            redis,
            metrics,
            auth_cache,
            realtime,
            websockets,
        }));
        if state.config.settings.demo {
            demo::seed(&state).await.context("seeding demo data")?;
        }
        let wake = state.clone();
        crate::training::gate::spawn_sweeper(
            background,
            std::time::Duration::from_millis(state.config.settings.certificate_sweep_interval_ms),
            move || wake.realtime.changed(),
        );
        Ok(state)
    }
}

impl AppState {
    /// Cached credentials are stale (an account, organisation, session or token may have
    /// changed): empty this replica's cache and tell the others.
    pub async fn invalidate_credentials(&self) {
        self.auth_cache.invalidate();
        if let Some(conn) = &self.redis {
            let mut conn = conn.clone();
            let published: Result<i64, _> = redis::cmd("PUBLISH")
                .arg(invalidation::channel(&self.config.settings.redis_prefix))
                .arg(self.auth_cache.epoch())
                .query_async(&mut conn)
                .await;
            if let Err(err) = published {
                tracing::error!(error = %err, "publishing a credential invalidation failed");
            }
        }
    }
}

/// A built application with its bound listener; `port()` is known before it runs.
pub struct Application {
    listener: TcpListener,
    state: AppState,
}

impl Application {
    pub async fn build(config: Config) -> anyhow::Result<Self> {
        let addr = config.settings.listen_addr;
        let state = AppState::build(config).await?;
        let listener = TcpListener::bind(addr)
            .await
            .with_context(|| format!("LISTEN_ADDR: cannot listen on {addr}"))?;
        Ok(Self { listener, state })
    }

    pub fn port(&self) -> u16 {
        self.listener.local_addr().map(|a| a.port()).unwrap_or(0)
    }

    pub fn local_addr(&self) -> Option<SocketAddr> {
        self.listener.local_addr().ok()
    }

    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// Serves until SIGTERM or Ctrl-C, then finishes the requests in flight.
    pub async fn run_until_stopped(self) -> anyhow::Result<()> {
        self.run_until(shutdown_signal()).await
    }

    /// Serves until `stop` completes, then finishes the requests in flight.
    pub async fn run_until(
        self,
        stop: impl std::future::Future<Output = ()> + Send + 'static,
    ) -> anyhow::Result<()> {
        let router = http::router(self.state)?;
        axum::serve(
            self.listener,
            router.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(stop)
        .await
        .context("serving")
    }
}

/// Completes on SIGTERM or Ctrl-C. The handlers are installed when this is called, not when
/// the future is first polled, so a signal that arrives in between is not lost (nor does it
/// kill the process with the default action).
pub fn shutdown_signal() -> impl std::future::Future<Output = ()> + Send + 'static {
    #[cfg(unix)]
    let terminate = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()).ok();
    async move {
        let ctrl_c = async {
            if tokio::signal::ctrl_c().await.is_err() {
                std::future::pending::<()>().await;
            }
        };
        #[cfg(unix)]
        let terminate = async move {
            match terminate {
                Some(mut signal) => {
                    signal.recv().await;
                }
                None => std::future::pending::<()>().await,
            }
        };
        #[cfg(not(unix))]
        let terminate = std::future::pending::<()>();
        tokio::select! {
            () = ctrl_c => {},
            () = terminate => {},
        }
        tracing::info!("shutting down, finishing requests in flight");
    }
}
