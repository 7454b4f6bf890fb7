//! Database connection and migrations, the same for SQLite and PostgreSQL.

use std::time::Duration;

use migration::{Migrator, MigratorTrait};
use sea_orm::{ConnectOptions, Database, DatabaseConnection, sqlx::sqlite::SqliteJournalMode};

use crate::config::{Config, DatabaseKind};

/// Opens the pool. SQLite runs with WAL, a busy timeout and foreign keys on.
pub async fn connect(config: &Config) -> anyhow::Result<DatabaseConnection> {
    connect_counting(config, None).await
}

/// Opens the pool, counting every statement it executes into `statements` (the
/// `database_statements_total` metric).
pub async fn connect_counting(
    config: &Config,
    statements: Option<prometheus::IntCounter>,
) -> anyhow::Result<DatabaseConnection> {
    open(config, config.settings.database_max_connections, statements).await
}

/// A small second pool for the realtime machinery (relay and dispatcher), so that its
/// background reads neither wait behind requests nor count as requests' statements.
pub async fn connect_background(config: &Config) -> anyhow::Result<DatabaseConnection> {
    open(config, 3, None).await
}

async fn open(
    config: &Config,
    max_connections: u32,
    statements: Option<prometheus::IntCounter>,
) -> anyhow::Result<DatabaseConnection> {
    if config.database_kind == DatabaseKind::Sqlite {
        std::fs::create_dir_all(&config.settings.data_dir).map_err(|e| {
            anyhow::anyhow!(
                "cannot create DATA_DIR {}: {e}",
                config.settings.data_dir.display()
            )
        })?;
    }
    let mut options = ConnectOptions::new(config.database_url.clone());
    options
        .max_connections(max_connections)
        .min_connections(1)
        .connect_timeout(Duration::from_secs(10))
        .acquire_timeout(Duration::from_secs(10))
        .sqlx_logging(false)
        .map_sqlx_sqlite_opts(|opts| {
            opts.journal_mode(SqliteJournalMode::Wal)
                .busy_timeout(Duration::from_secs(10))
                .foreign_keys(true)
                .create_if_missing(true)
        });
    let mut db = Database::connect(options).await?;
    if let Some(statements) = statements {
        db.set_metric_callback(move |_| statements.inc());
    }
    Ok(db)
}

pub async fn migrate(db: &DatabaseConnection) -> anyhow::Result<()> {
    Migrator::up(db, None).await?;
    Ok(())
}

/// Begins a transaction that will write. On SQLite it takes the write lock up front
/// (`BEGIN IMMEDIATE`): a transaction that reads first cannot upgrade to a write while another
/// writes, and would fail with `database is locked` instead of seeing the other's result (a
/// duplicate name, a used refresh token). PostgreSQL ignores the mode.
pub async fn begin_write(
    db: &DatabaseConnection,
) -> Result<sea_orm::DatabaseTransaction, sea_orm::DbErr> {
    use sea_orm::{SqliteTransactionMode, TransactionOptions, TransactionTrait};
    db.begin_with_options(TransactionOptions {
        sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
        ..Default::default()
    })
    .await
}

/// The current time at the precision both databases store (microseconds), so a value read
/// back equals the value written (cursors compare them).
pub fn now() -> chrono::DateTime<chrono::Utc> {
    use chrono::SubsecRound;
    chrono::Utc::now().trunc_subsecs(6)
}
