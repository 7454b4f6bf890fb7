//! Telling every replica that cached credentials are stale. Embedded mode has one process and
//! needs nothing more than the local cache; with Redis each replica subscribes to one channel
//! and empties its cache on every message. While the subscription is down the replica does not
//! use its cache at all.

use std::{sync::Arc, time::Duration};

use futures::StreamExt;

use super::cache::AuthCache;

/// The channel of invalidations for this hub's Redis prefix.
pub fn channel(prefix: &str) -> String {
    format!("{prefix}auth-invalidate")
}

/// Runs for the life of the process: subscribes, invalidates on every message, and
/// re-subscribes after a failure (with the cache off meanwhile).
pub fn spawn_listener(client: redis::Client, channel: String, cache: Arc<AuthCache>) {
    tokio::spawn(async move {
        loop {
            match client.get_async_pubsub().await {
                Ok(mut pubsub) => match pubsub.subscribe(&channel).await {
                    Ok(()) => {
                        cache.set_enabled(true);
                        let mut messages = pubsub.on_message();
                        while messages.next().await.is_some() {
                            cache.invalidate();
                        }
                        cache.set_enabled(false);
                        tracing::warn!("credential invalidation feed lost; re-subscribing");
                    }
                    Err(err) => {
                        cache.set_enabled(false);
                        tracing::warn!(error = %err, "cannot subscribe to credential invalidations");
                    }
                },
                Err(err) => {
                    cache.set_enabled(false);
                    tracing::warn!(error = %err, "cannot connect to Redis for credential invalidations");
                }
            }
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    });
}
