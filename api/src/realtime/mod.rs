//! Realtime: events written to an outbox table in each change's transaction
//! ([`outbox`]), published in commit order by a relay on every replica ([`relay`]) over a
//! bus ([`bus`]: in-process, or Redis between replicas), and delivered by each replica's
//! dispatcher ([`hub`]) to the subscriptions of the GraphQL schema ([`schema`]), authorised
//! again for each subscriber at delivery.

pub mod bus;
pub mod cursor;
pub mod hub;
pub mod outbox;
pub mod relay;
pub mod resolve;
pub mod schema;

use std::sync::Arc;

use anyhow::Context as _;
use redis::aio::ConnectionManager;
use sea_orm::DatabaseConnection;
use tokio::sync::Notify;

use crate::config::Settings;

pub use outbox::{NewEvent, record};

/// Most subscriptions set up at once on one replica.
const SETTING_UP: usize = 32;

/// The realtime machinery of one replica.
pub struct Realtime {
    pub hub: Arc<hub::Hub>,
    relay: Arc<Notify>,
    /// Subscriptions being set up at once (their access checks read the database).
    pub admission: tokio::sync::Semaphore,
}

impl Realtime {
    /// Starts the dispatcher, the relay and (with Redis) the bus listener.
    pub async fn start(
        db: &DatabaseConnection,
        settings: &Settings,
        redis: Option<(redis::Client, ConnectionManager)>,
    ) -> anyhow::Result<Self> {
        let poll = std::time::Duration::from_millis(settings.event_poll_interval_ms);
        let hub = hub::Hub::start(db.clone(), poll)
            .await
            .context("starting the event dispatcher")?;
        let bus: Arc<dyn bus::Bus> = match redis {
            Some((client, conn)) => {
                let channel = bus::channel(&settings.redis_prefix);
                bus::spawn_listener(client, channel.clone(), hub.clone());
                Arc::new(bus::RedisBus {
                    hub: hub.clone(),
                    conn,
                    channel,
                })
            }
            None => Arc::new(bus::InProcessBus { hub: hub.clone() }),
        };
        let relay = Arc::new(Notify::new());
        relay::spawn(
            db.clone(),
            bus,
            relay.clone(),
            poll,
            settings.event_retention,
        );
        Ok(Self {
            hub,
            relay,
            admission: tokio::sync::Semaphore::new(SETTING_UP),
        })
    }

    /// A change has committed: publish its events now rather than at the next poll.
    pub fn changed(&self) {
        self.relay.notify_one();
    }
}
