//! The relay: gives committed events their publication order and publishes them. Every
//! replica runs one; they take turns (a transaction-scoped advisory lock on PostgreSQL, the
//! single writer on SQLite), so `seq` follows commit order, has no gaps and is never reused.
//! A relay is woken after each local change and also polls, so events written by a replica
//! that stopped before publishing still go out. Publishing to the bus may fail (Redis down):
//! the events are in the table, and every replica's dispatcher reads the table as well.

use std::{sync::Arc, time::Duration};

use chrono::Utc;
use entities::event;
use sea_orm::{
    ConnectionTrait, DatabaseBackend, DatabaseConnection, DbErr, EntityTrait, QueryFilter,
    QueryOrder, Statement,
};
use tokio::sync::Notify;

use super::bus::Bus;

/// Most events given a `seq` in one transaction.
const BATCH: i64 = 500;
/// Key of the advisory lock the relays of all replicas take turns on.
const LOCK_KEY: i64 = 0x616c_6c69_616e_6365;
/// How often expired events are deleted.
const PRUNE_EVERY: Duration = Duration::from_secs(60);

/// Gives up to [`BATCH`] committed events without a `seq` the next ones, in insertion order,
/// and returns them.
pub async fn assign(db: &DatabaseConnection) -> Result<Vec<event::Model>, DbErr> {
    let backend = db.get_database_backend();
    let txn = crate::db::begin_write(db).await?;
    if backend == DatabaseBackend::Postgres {
        txn.execute_raw(Statement::from_string(
            backend,
            format!("SELECT pg_advisory_xact_lock({LOCK_KEY})"),
        ))
        .await?;
    }
    let last: Option<i64> = match txn
        .query_one_raw(Statement::from_string(
            backend,
            "SELECT MAX(seq) AS last FROM event",
        ))
        .await?
    {
        Some(row) => row.try_get("", "last")?,
        None => None,
    };
    let last = last.unwrap_or(0);
    let updated = txn
        .execute_raw(Statement::from_string(
            backend,
            format!(
                "UPDATE event SET seq = {last} + pending.n FROM (\
                 SELECT id, ROW_NUMBER() OVER (ORDER BY id) AS n FROM event \
                 WHERE seq IS NULL ORDER BY id LIMIT {BATCH}) AS pending \
                 WHERE event.id = pending.id"
            ),
        ))
        .await?;
    if updated.rows_affected() == 0 {
        txn.commit().await?;
        return Ok(Vec::new());
    }
    let events = event::Entity::find()
        .filter(sea_orm::ColumnTrait::gt(&event::Column::Seq, last))
        .order_by_asc(event::Column::Seq)
        .all(&txn)
        .await?;
    txn.commit().await?;
    Ok(events)
}

/// Deletes events older than `retention`, always keeping the newest (so that `seq` never
/// starts again from 1).
pub async fn prune(db: &DatabaseConnection, retention: Duration) -> Result<u64, DbErr> {
    let retention = chrono::Duration::from_std(retention).unwrap_or(chrono::Duration::MAX);
    let cutoff = Utc::now()
        .checked_sub_signed(retention)
        .unwrap_or(chrono::DateTime::<Utc>::MIN_UTC);
    let backend = db.get_database_backend();
    let result = db
        .execute_raw(Statement::from_sql_and_values(
            backend,
            match backend {
                DatabaseBackend::Postgres => {
                    "DELETE FROM event WHERE created_at < $1 AND seq < (SELECT MAX(seq) FROM event)"
                }
                _ => {
                    "DELETE FROM event WHERE created_at < ? AND seq < (SELECT MAX(seq) FROM event)"
                }
            },
            [cutoff.into()],
        ))
        .await?;
    Ok(result.rows_affected())
}

/// Runs this replica's relay for the life of the process.
pub fn spawn(
    db: DatabaseConnection,
    bus: Arc<dyn Bus>,
    wake: Arc<Notify>,
    poll: Duration,
    retention: Duration,
) {
    tokio::spawn(async move {
        let mut last_prune = tokio::time::Instant::now();
        loop {
            tokio::select! {
                () = wake.notified() => {}
                () = tokio::time::sleep(poll) => {}
            }
            loop {
                match assign(&db).await {
                    Ok(events) if events.is_empty() => break,
                    Ok(events) => bus.publish(events).await,
                    Err(err) => {
                        tracing::warn!(error = %err, "publishing events failed; retrying");
                        tokio::time::sleep(Duration::from_millis(200)).await;
                        break;
                    }
                }
            }
            if last_prune.elapsed() >= PRUNE_EVERY {
                last_prune = tokio::time::Instant::now();
                match prune(&db, retention).await {
                    Ok(0) => {}
                    Ok(n) => tracing::info!(deleted = n, "expired events deleted"),
                    Err(err) => tracing::warn!(error = %err, "deleting expired events failed"),
                }
            }
        }
    });
}
