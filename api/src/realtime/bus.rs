//! The event bus: how published events reach the dispatchers. In-process (the embedded
//! default) hands them to this replica's hub; Redis pub/sub also tells every other replica,
//! whose hub then reads them from the event table. The table is the source of truth: a
//! message lost on the bus costs latency (the next poll), never the event.

use std::{sync::Arc, time::Duration};

use entities::event;
use futures::StreamExt;
use redis::aio::ConnectionManager;

use super::hub::Hub;

/// Longest wait for Redis to take a publication.
const PUBLISH_TIMEOUT: Duration = Duration::from_millis(500);

#[async_trait::async_trait]
pub trait Bus: Send + Sync {
    /// Publishes events that have just been given their `seq`, in order.
    async fn publish(&self, events: Vec<event::Model>);
}

/// One process: the relay hands events straight to the hub.
pub struct InProcessBus {
    pub hub: Arc<Hub>,
}

#[async_trait::async_trait]
impl Bus for InProcessBus {
    async fn publish(&self, events: Vec<event::Model>) {
        self.hub.published(events);
    }
}

/// Several replicas sharing Redis: each message names the newest `seq` published.
pub struct RedisBus {
    pub hub: Arc<Hub>,
    pub conn: ConnectionManager,
    pub channel: String,
}

/// The channel of published events for this hub's Redis prefix.
pub fn channel(prefix: &str) -> String {
    format!("{prefix}events")
}

#[async_trait::async_trait]
impl Bus for RedisBus {
    async fn publish(&self, events: Vec<event::Model>) {
        let newest = events.iter().filter_map(|e| e.seq).max();
        self.hub.published(events);
        let Some(newest) = newest else { return };
        let mut conn = self.conn.clone();
        let mut command = redis::cmd("PUBLISH");
        command.arg(&self.channel).arg(newest);
        let publish = command.query_async::<i64>(&mut conn);
        // The other replicas read the table on their next poll: never wait long for Redis.
        match tokio::time::timeout(PUBLISH_TIMEOUT, publish).await {
            Ok(Ok(_)) => {}
            Ok(Err(err)) => tracing::warn!(error = %err, "publishing to the event bus failed"),
            Err(_) => tracing::warn!("publishing to the event bus timed out"),
        }
    }
}

/// Listens for other replicas' publications for the life of the process, re-subscribing
/// after a failure; on every (re)subscription the hub reads the table for what it missed.
pub fn spawn_listener(client: redis::Client, channel: String, hub: Arc<Hub>) {
    tokio::spawn(async move {
        loop {
            match client.get_async_pubsub().await {
                Ok(mut pubsub) => match pubsub.subscribe(&channel).await {
                    Ok(()) => {
                        hub.wake();
                        let mut messages = pubsub.on_message();
                        while messages.next().await.is_some() {
                            hub.wake();
                        }
                        tracing::warn!("event bus subscription lost; re-subscribing");
                    }
                    Err(err) => tracing::warn!(error = %err, "cannot subscribe to the event bus"),
                },
                Err(err) => tracing::warn!(error = %err, "cannot connect to Redis for events"),
            }
            tokio::time::sleep(Duration::from_millis(500)).await;
        }
    });
}
