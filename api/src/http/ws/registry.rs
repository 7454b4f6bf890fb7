//! The WebSocket connections open on this replica: how many each account has (bounded by
//! `WS_MAX_CONNECTIONS_PER_USER`), a way to close all of one account's connections, and the
//! `websocket_connections` gauge.
//!
//! [`Connections`] lives in [`AppState`](crate::app::AppState) (`state.websockets`), so any
//! code with the state can reach it. Replicas do not share it: each closes only its own
//! connections. (A suspended account's subscriptions are ended by the realtime hub, and its
//! connections run nothing more: each operation authenticates the token again.)

use std::{
    collections::HashMap,
    sync::{Arc, Mutex},
};

use prometheus::IntGauge;
use tokio::sync::watch;
use uuid::Uuid;

/// One account's connections on this replica.
struct UserConnections {
    count: usize,
    /// Bumped by [`Connections::close_user`]; every connection of the account watches it.
    close: watch::Sender<u64>,
}

pub struct Connections {
    max_per_user: usize,
    users: Mutex<HashMap<Uuid, UserConnections>>,
    open: IntGauge,
}

impl Connections {
    /// `open` is the gauge of open sockets (see [`Connections::socket_opened`]).
    pub fn new(max_per_user: u32, open: IntGauge) -> Self {
        Self {
            max_per_user: usize::try_from(max_per_user).unwrap_or(usize::MAX),
            users: Mutex::new(HashMap::new()),
            open,
        }
    }

    fn users(&self) -> std::sync::MutexGuard<'_, HashMap<Uuid, UserConnections>> {
        self.users
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Counts an open socket (signed in or not) until the guard is dropped.
    pub fn socket_opened(&self) -> SocketGuard {
        self.open.inc();
        SocketGuard(self.open.clone())
    }

    /// Counts a connection of `user_id` until the registration is dropped; `None` when the
    /// account already has as many as it may.
    pub fn register(self: &Arc<Self>, user_id: Uuid) -> Option<Registration> {
        let mut users = self.users();
        let entry = users.entry(user_id).or_insert_with(|| UserConnections {
            count: 0,
            close: watch::Sender::new(0),
        });
        if entry.count >= self.max_per_user {
            return None;
        }
        entry.count += 1;
        let closed = entry.close.subscribe();
        Some(Registration {
            connections: self.clone(),
            user_id,
            closed,
        })
    }

    /// Closes every connection of `user_id` on this replica with 4403 "Forbidden" (they stop
    /// their operations and close on their next turn). Returns how many were told. Connections
    /// opened afterwards are not affected: authentication refuses a suspended account.
    pub fn close_user(&self, user_id: Uuid) -> usize {
        let users = self.users();
        match users.get(&user_id) {
            Some(entry) => {
                entry.close.send_modify(|generation| *generation += 1);
                entry.count
            }
            None => 0,
        }
    }

    /// How many connections `user_id` has open on this replica.
    pub fn count(&self, user_id: Uuid) -> usize {
        self.users().get(&user_id).map_or(0, |entry| entry.count)
    }
}

/// Keeps the `websocket_connections` gauge up while a socket is open.
pub struct SocketGuard(IntGauge);

impl Drop for SocketGuard {
    fn drop(&mut self) {
        self.0.dec();
    }
}

/// A counted connection of one account; dropping it frees the slot.
pub struct Registration {
    connections: Arc<Connections>,
    user_id: Uuid,
    closed: watch::Receiver<u64>,
}

impl Registration {
    /// Completes when [`Connections::close_user`] is called for this account (never, if the
    /// registry entry is gone, which cannot happen while this registration holds it).
    pub async fn closed(&mut self) {
        if self.closed.changed().await.is_err() {
            std::future::pending::<()>().await;
        }
    }
}

impl Drop for Registration {
    fn drop(&mut self) {
        let mut users = self.connections.users();
        if let Some(entry) = users.get_mut(&self.user_id) {
            entry.count = entry.count.saturating_sub(1);
            if entry.count == 0 {
                users.remove(&self.user_id);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn connections(max_per_user: u32) -> Arc<Connections> {
        let gauge = IntGauge::new("open", "open sockets").unwrap();
        Arc::new(Connections::new(max_per_user, gauge))
    }

    #[test]
    fn an_account_gets_at_most_its_limit_and_a_closed_connection_frees_a_slot() {
        let connections = connections(2);
        let user = Uuid::now_v7();
        let first = connections.register(user);
        let second = connections.register(user);
        assert!(first.is_some() && second.is_some());
        assert!(connections.register(user).is_none());
        assert!(connections.register(Uuid::now_v7()).is_some());
        drop(first);
        assert_eq!(connections.count(user), 1);
        assert!(connections.register(user).is_some());
    }

    #[test]
    fn the_last_connection_removes_the_account_entry() {
        let connections = connections(2);
        let user = Uuid::now_v7();
        let registration = connections.register(user);
        drop(registration);
        assert_eq!(connections.count(user), 0);
        assert!(connections.users().is_empty());
    }

    #[test]
    fn closing_a_user_tells_only_that_users_connections() {
        let connections = connections(5);
        let (user, other) = (Uuid::now_v7(), Uuid::now_v7());
        let mine = [connections.register(user), connections.register(user)];
        let theirs = connections.register(other);
        assert_eq!(connections.close_user(user), 2);
        for registration in mine.iter().flatten() {
            assert!(registration.closed.has_changed().unwrap_or(false));
        }
        assert!(
            theirs
                .as_ref()
                .is_some_and(|r| !r.closed.has_changed().unwrap_or(true))
        );
        assert_eq!(connections.close_user(Uuid::now_v7()), 0);
    }

    #[test]
    fn the_gauge_counts_open_sockets() {
        let gauge = IntGauge::new("open", "open sockets").unwrap();
        let connections = Connections::new(1, gauge.clone());
        let a = connections.socket_opened();
        let b = connections.socket_opened();
        assert_eq!(gauge.get(), 2);
        drop((a, b));
        assert_eq!(gauge.get(), 0);
    }
}
