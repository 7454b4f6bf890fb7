//! The only place that reads the environment. Every setting is a command-line flag with an
//! environment variable; `alliance-hub --help` documents them.

use std::{fmt, net::SocketAddr, path::PathBuf, time::Duration};

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Alliance Hub: the collaboration platform of a public-private alliance against cybercrime.
#[derive(Debug, Parser)]
#[command(name = "alliance-hub", version, about, long_about = None, args_override_self = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub settings: Settings,
}

#[derive(Debug, Clone, Copy, Subcommand, PartialEq, Eq)]
pub enum Command {
    /// Run the server (the default).
    Serve,
    /// Apply database migrations and exit.
    Migrate,
    /// Migrate, then fill the database with volume data for benchmarks and exit.
    SeedVolume(VolumeArgs),
}

/// How much `seed-volume` inserts.
#[derive(Debug, Clone, Copy, Args, PartialEq, Eq)]
pub struct VolumeArgs {
    #[arg(long, default_value = "50", value_parser = clap::value_parser!(u32).range(1..=10_000))]
    pub workspaces: u32,
    #[arg(long, default_value = "2000", value_parser = clap::value_parser!(u32).range(1..=1_000_000))]
    pub threads: u32,
    #[arg(long, default_value = "50000", value_parser = clap::value_parser!(u32).range(1..=10_000_000))]
    pub posts: u32,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum LogFormat {
    Pretty,
    Json,
}

/// A secret that never prints.
#[derive(Clone)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret([redacted])")
    }
}

impl std::str::FromStr for Secret {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(Secret(s.to_owned()))
    }
}

const MAX_DURATION_SECS: u64 = 10 * 366 * 24 * 3600;

fn parse_duration_secs(s: &str) -> Result<Duration, String> {
    let secs: u64 = s
        .parse()
        .map_err(|_| format!("expected a whole number of seconds, got '{s}'"))?;
    if secs == 0 {
        return Err("must be at least 1 second".into());
    }
    // Expiry dates are computed from these; ten years keeps every sum far from overflow.
    if secs > MAX_DURATION_SECS {
        return Err(format!(
            "must be at most {MAX_DURATION_SECS} seconds (ten years)"
        ));
    }
    Ok(Duration::from_secs(secs))
}

fn parse_public_url(s: &str) -> Result<url::Url, String> {
    let url = url::Url::parse(s).map_err(|e| format!("not a URL: {e}"))?;
    match url.scheme() {
        "http" | "https" => Ok(url),
        other => Err(format!("scheme must be http or https, got '{other}'")),
    }
}

/// Settings as given on the command line or in the environment.
#[derive(Debug, Clone, Args)]
pub struct Settings {
    /// Address and port to listen on.
    #[arg(long, env = "LISTEN_ADDR", default_value = "127.0.0.1:8080")]
    pub listen_addr: SocketAddr,
    /// Directory for the embedded database and the generated JWT secret.
    #[arg(long, env = "DATA_DIR", default_value = "./data")]
    pub data_dir: PathBuf,
    /// Database URL: `sqlite://…` or `postgres://…` (default: a SQLite file in DATA_DIR).
    #[arg(long, env = "DATABASE_URL")]
    pub database_url: Option<String>,
    /// Redis URL for cross-replica rate limits and realtime (optional).
    #[arg(long, env = "REDIS_URL")]
    pub redis_url: Option<String>,
    /// Prefix of every Redis key, so several hubs can share one Redis.
    #[arg(long, env = "REDIS_PREFIX", default_value = "alliance-hub:")]
    pub redis_prefix: String,
    /// Secret that signs access tokens (at least 32 bytes). Generated and kept in DATA_DIR
    /// in embedded mode; required with PostgreSQL.
    #[arg(long, env = "JWT_SECRET", hide_env_values = true)]
    pub jwt_secret: Option<Secret>,
    /// Public URL of the hub (issuer of tokens, links in feeds).
    #[arg(long, env = "PUBLIC_URL", default_value = "http://127.0.0.1:8080", value_parser = parse_public_url)]
    pub public_url: url::Url,
    /// Serve GraphiQL at `GET /graphql` to browsers. It loads its scripts from a public CDN
    /// onto the origin that holds the browser sessions, so it is off unless asked for
    /// (`make run` turns it on for development).
    #[arg(long, env = "GRAPHIQL", default_value = "false", value_parser = clap::builder::BoolishValueParser::new(), action = clap::ArgAction::Set)]
    pub graphiql: bool,
    /// The built web frontend served at `/` (`npm run build` in `frontend/` writes it).
    #[arg(long, env = "FRONTEND_DIR", default_value = "frontend/dist")]
    pub frontend_dir: PathBuf,
    /// Log format.
    #[arg(long, env = "LOG_FORMAT", value_enum, default_value = "pretty")]
    pub log_format: LogFormat,
    /// Seed demo organisations and accounts when the database is empty.
    #[arg(long, env = "DEMO", default_value = "false", value_parser = clap::builder::BoolishValueParser::new(), action = clap::ArgAction::Set)]
    pub demo: bool,
    /// With DEMO: also seed demo workspaces, threads and posts among the demo accounts.
    #[arg(long, env = "DEMO_CONTENT", default_value = "true", value_parser = clap::builder::BoolishValueParser::new(), action = clap::ArgAction::Set)]
    pub demo_content: bool,
    /// Lifetime of an access token, in seconds.
    #[arg(long, env = "ACCESS_TOKEN_TTL", default_value = "900", value_parser = parse_duration_secs)]
    pub access_token_ttl: Duration,
    /// Lifetime of a sign-in session (its refresh tokens), in seconds.
    #[arg(long, env = "SESSION_TTL", default_value = "1209600", value_parser = parse_duration_secs)]
    pub session_ttl: Duration,
    /// argon2id memory cost in KiB (tests may lower it; production keeps the default).
    #[arg(long, env = "ARGON2_MEMORY_KIB", default_value = "19456", value_parser = clap::value_parser!(u32).range(8..=4_194_304))]
    pub argon2_memory_kib: u32,
    /// argon2id iterations.
    #[arg(long, env = "ARGON2_ITERATIONS", default_value = "2", value_parser = clap::value_parser!(u32).range(1..=64))]
    pub argon2_iterations: u32,
    /// Sign-in attempts allowed per account within LOGIN_WINDOW (a successful sign-in starts
    /// the count afresh).
    #[arg(long, env = "LOGIN_MAX_FAILURES_PER_ACCOUNT", default_value = "5", value_parser = clap::value_parser!(u32).range(1..))]
    pub login_max_failures_per_account: u32,
    /// Sign-in attempts allowed per client address within LOGIN_WINDOW.
    #[arg(long, env = "LOGIN_MAX_ATTEMPTS_PER_ADDRESS", default_value = "30", value_parser = clap::value_parser!(u32).range(1..))]
    pub login_max_attempts_per_address: u32,
    /// Window of the sign-in throttles, in seconds.
    #[arg(long, env = "LOGIN_WINDOW", default_value = "900", value_parser = parse_duration_secs)]
    pub login_window: Duration,
    /// Take the client address from the last X-Forwarded-For hop (only behind a trusted proxy).
    #[arg(long, env = "TRUST_FORWARDED_FOR", default_value = "false", value_parser = clap::builder::BoolishValueParser::new(), action = clap::ArgAction::Set)]
    pub trust_forwarded_for: bool,
    /// Time limit of one GraphQL request, in seconds.
    #[arg(long, env = "REQUEST_TIMEOUT", default_value = "30", value_parser = parse_duration_secs)]
    pub request_timeout: Duration,
    /// Largest accepted request body, in bytes.
    #[arg(long, env = "MAX_BODY_BYTES", default_value = "1048576", value_parser = clap::value_parser!(u64).range(1024..))]
    pub max_body_bytes: u64,
    /// Largest accepted GraphQL document, in bytes.
    #[arg(long, env = "MAX_QUERY_BYTES", default_value = "16384", value_parser = clap::value_parser!(u64).range(64..))]
    pub max_query_bytes: u64,
    /// Most lexical tokens in one GraphQL document.
    #[arg(long, env = "MAX_QUERY_TOKENS", default_value = "2000", value_parser = clap::value_parser!(u64).range(10..))]
    pub max_query_tokens: u64,
    /// Deepest allowed selection nesting (GraphiQL's schema query needs 13).
    #[arg(long, env = "MAX_QUERY_DEPTH", default_value = "16", value_parser = clap::value_parser!(u64).range(2..))]
    pub max_query_depth: u64,
    /// Highest allowed query complexity (each field 1, lists multiplied by their page size).
    #[arg(long, env = "MAX_QUERY_COMPLEXITY", default_value = "5000", value_parser = clap::value_parser!(u64).range(10..))]
    pub max_query_complexity: u64,
    /// Most aliases in one document.
    #[arg(long, env = "MAX_QUERY_ALIASES", default_value = "30", value_parser = clap::value_parser!(u64).range(1..))]
    pub max_query_aliases: u64,
    /// Most directives in one document.
    #[arg(long, env = "MAX_QUERY_DIRECTIVES", default_value = "20", value_parser = clap::value_parser!(u64).range(1..))]
    pub max_query_directives: u64,
    /// Allow introspection (and field suggestions) for anonymous callers.
    #[arg(long, env = "ANONYMOUS_INTROSPECTION", default_value = "false", value_parser = clap::builder::BoolishValueParser::new(), action = clap::ArgAction::Set)]
    pub anonymous_introspection: bool,
    /// Seconds an authenticated account may be served from memory (0: always read the
    /// database). Every change through the API empties the cache on all replicas at once;
    /// this bounds only changes made directly in the database.
    #[arg(long, env = "AUTH_CACHE_TTL", default_value = "5", value_parser = clap::value_parser!(u64).range(0..=300))]
    pub auth_cache_ttl: u64,
    /// Largest database connection pool.
    #[arg(long, env = "DATABASE_MAX_CONNECTIONS", default_value = "16", value_parser = clap::value_parser!(u32).range(1..=1000))]
    pub database_max_connections: u32,
    /// Seconds a WebSocket client has to send `connection_init` before it is closed (4408).
    #[arg(long, env = "WS_INIT_TIMEOUT", default_value = "3", value_parser = parse_duration_secs)]
    pub ws_init_timeout: Duration,
    /// Open WebSocket connections allowed per account on one replica.
    #[arg(long, env = "WS_MAX_CONNECTIONS_PER_USER", default_value = "10", value_parser = clap::value_parser!(u32).range(1..=1_000_000))]
    pub ws_max_connections_per_user: u32,
    /// Seconds between the re-authentications of an open WebSocket connection's token (a
    /// logout or a revoked token closes it within this period).
    #[arg(long, env = "WS_RECHECK_INTERVAL", default_value = "30", value_parser = parse_duration_secs)]
    pub ws_recheck_interval: Duration,
    /// Active subscriptions allowed on one WebSocket connection.
    #[arg(long, env = "WS_MAX_SUBSCRIPTIONS", default_value = "50", value_parser = clap::value_parser!(u32).range(1..=10_000))]
    pub ws_max_subscriptions: u32,
    /// Largest WebSocket message accepted from a client, in bytes.
    #[arg(long, env = "WS_MAX_MESSAGE_BYTES", default_value = "65536", value_parser = clap::value_parser!(u64).range(1024..=16_777_216))]
    pub ws_max_message_bytes: u64,
    /// How long realtime events are kept for resuming subscriptions, in seconds (a cursor
    /// older than this must refetch).
    #[arg(long, env = "EVENT_RETENTION", default_value = "86400", value_parser = parse_duration_secs)]
    pub event_retention: Duration,
    /// How often each replica reads the event table for events the bus did not bring
    /// (Redis down, a replica that stopped before publishing), in milliseconds.
    #[arg(long, env = "EVENT_POLL_INTERVAL_MS", default_value = "1000", value_parser = clap::value_parser!(u64).range(10..=60_000))]
    pub event_poll_interval_ms: u64,
    /// How often each replica looks for members of certification-gated workspaces whose
    /// certificate has expired, and ends their membership, in milliseconds.
    #[arg(long, env = "CERTIFICATE_SWEEP_INTERVAL_MS", default_value = "60000", value_parser = clap::value_parser!(u64).range(100..=3_600_000))]
    pub certificate_sweep_interval_ms: u64,
}

/// A configuration problem: which setting, and what is wrong with it.
#[derive(Debug, thiserror::Error)]
#[error("invalid configuration: {setting}: {problem}")]
pub struct ConfigError {
    pub setting: &'static str,
    pub problem: String,
}

impl ConfigError {
    pub fn new(setting: &'static str, problem: impl Into<String>) -> Self {
        Self {
            setting,
            problem: problem.into(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DatabaseKind {
    Sqlite,
    Postgres,
}

/// Where the JWT secret comes from once resolved.
#[derive(Debug, Clone)]
pub enum JwtSecretSource {
    /// Given by JWT_SECRET.
    Given(Secret),
    /// Embedded mode: read from, or generated into, this file.
    File(PathBuf),
}

/// The validated configuration the application runs with.
#[derive(Debug, Clone)]
pub struct Config {
    pub settings: Settings,
    pub database_url: String,
    pub database_kind: DatabaseKind,
    pub jwt_secret: JwtSecretSource,
}

/// The environment variable of a command-line argument id, for one-line error messages.
fn env_name_of(arg_id: &str) -> Option<String> {
    use clap::CommandFactory;
    Cli::command()
        .get_arguments()
        .find(|a| a.get_id() == arg_id || a.get_long() == Some(arg_id))
        .and_then(|a| a.get_env())
        .map(|e| e.to_string_lossy().into_owned())
}

/// How parsing the command line ended when it did not produce settings.
pub enum CliOutcome {
    /// Help or version was asked for: print this and exit successfully.
    Print(String),
    /// A bad value: one line naming the setting and what is wrong.
    Invalid(String),
}

/// Parses the command line and environment. Clap's multi-line errors become one line that
/// names the setting (flag and environment variable).
pub fn parse_cli<I, T>(args: I) -> Result<Cli, CliOutcome>
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    match Cli::try_parse_from(args) {
        Ok(cli) => Ok(cli),
        Err(err) => match err.kind() {
            ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
                Err(CliOutcome::Print(err.render().to_string()))
            }
            _ => {
                let arg = match err.get(ContextKind::InvalidArg) {
                    Some(ContextValue::String(s)) => Some(s.clone()),
                    _ => None,
                };
                let rendered = err.render().to_string();
                let first = rendered
                    .lines()
                    .find(|l| !l.trim().is_empty())
                    .unwrap_or("invalid command line")
                    .trim_start_matches("error: ")
                    .to_owned();
                let env = arg
                    .as_deref()
                    .map(|a| {
                        a.split_whitespace()
                            .next()
                            .unwrap_or(a)
                            .trim_start_matches('-')
                    })
                    .and_then(|id| env_name_of(&id.replace('-', "_")).or_else(|| env_name_of(id)));
                Err(CliOutcome::Invalid(match env {
                    Some(env) => format!("invalid configuration: {env}: {first}"),
                    None => format!("invalid configuration: {first}"),
                }))
            }
        },
    }
}

impl Config {
    /// Validates the settings that depend on each other and resolves defaults.
    pub fn from_settings(settings: Settings) -> Result<Self, ConfigError> {
        let database_url = match &settings.database_url {
            Some(url) if !url.trim().is_empty() => url.trim().to_owned(),
            _ => {
                let path = settings.data_dir.join("alliance-hub.db");
                format!("sqlite://{}?mode=rwc", path.display())
            }
        };
        let database_kind = if database_url.starts_with("sqlite:") {
            DatabaseKind::Sqlite
        } else if database_url.starts_with("postgres://")
            || database_url.starts_with("postgresql://")
        {
            DatabaseKind::Postgres
        } else {
            return Err(ConfigError::new(
                "DATABASE_URL",
                "must start with sqlite:, postgres:// or postgresql://",
            ));
        };
        if let Some(redis) = &settings.redis_url
            && !(redis.starts_with("redis://") || redis.starts_with("rediss://"))
        {
            return Err(ConfigError::new(
                "REDIS_URL",
                "must start with redis:// or rediss://",
            ));
        }
        let jwt_secret = match (&settings.jwt_secret, database_kind) {
            (Some(secret), _) if secret.expose().len() < 32 => {
                return Err(ConfigError::new(
                    "JWT_SECRET",
                    "must be at least 32 bytes long",
                ));
            }
            (Some(secret), _) => JwtSecretSource::Given(secret.clone()),
            (None, DatabaseKind::Postgres) => {
                return Err(ConfigError::new(
                    "JWT_SECRET",
                    "is required when DATABASE_URL is PostgreSQL (replicas must share it)",
                ));
            }
            (None, DatabaseKind::Sqlite) => {
                JwtSecretSource::File(settings.data_dir.join("jwt_secret"))
            }
        };
        Ok(Self {
            settings,
            database_url,
            database_kind,
            jwt_secret,
        })
    }

    /// The configuration for a command line, from the process's own arguments and environment.
    pub fn issuer(&self) -> String {
        self.settings
            .public_url
            .as_str()
            .trim_end_matches('/')
            .to_owned()
    }
}

/// Parses this process's own arguments and environment.
pub fn from_process() -> Result<Cli, CliOutcome> {
    parse_cli(std::env::args_os())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Cli, String> {
        parse_cli(std::iter::once("alliance-hub").chain(args.iter().copied())).map_err(
            |e| match e {
                CliOutcome::Print(s) | CliOutcome::Invalid(s) => s,
            },
        )
    }

    #[test]
    fn a_bad_listen_address_names_the_setting_in_one_line() {
        let err = parse(&["--listen-addr", "not-an-address"])
            .err()
            .unwrap_or_default();
        assert!(err.contains("LISTEN_ADDR"), "{err}");
        assert_eq!(err.lines().count(), 1, "{err}");
    }

    #[test]
    fn postgres_without_jwt_secret_is_refused() {
        let cli = parse(&["--database-url", "postgres://localhost/x"]).ok();
        let settings = cli.map(|c| c.settings);
        let err = settings.map(Config::from_settings).and_then(|r| r.err());
        assert_eq!(err.map(|e| e.setting), Some("JWT_SECRET"));
    }

    #[test]
    fn a_short_jwt_secret_is_refused() {
        let settings = parse(&["--jwt-secret", "short"]).ok().map(|c| c.settings);
        let err = settings.map(Config::from_settings).and_then(|r| r.err());
        assert_eq!(err.map(|e| e.setting), Some("JWT_SECRET"));
    }

    #[test]
    fn the_default_database_is_sqlite_in_the_data_dir() {
        let settings = parse(&["--data-dir", "/tmp/x"]).ok().map(|c| c.settings);
        let config = settings.map(Config::from_settings).and_then(|r| r.ok());
        assert_eq!(config.map(|c| c.database_kind), Some(DatabaseKind::Sqlite));
    }

    #[test]
    fn durations_are_bounded_so_expiry_dates_cannot_overflow() {
        let err = parse(&["--session-ttl", "10000000000000"])
            .err()
            .unwrap_or_default();
        assert!(err.contains("SESSION_TTL"), "{err}");
        assert!(parse(&["--session-ttl", "1209600"]).is_ok());
    }
}
