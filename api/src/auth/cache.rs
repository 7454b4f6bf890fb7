//! A short-lived cache of authenticated accounts, so that a signed-in request does not read
//! the database before it starts. Correctness comes from invalidation, not from the TTL:
//!
//! - After every request that wrote a change (each change writes an audit event, which marks
//!   the request) the HTTP layer calls [`AuthCache::invalidate`], which bumps an epoch and
//!   empties the cache — also when the request timed out or was dropped after its commit;
//!   with Redis the bump is published so every replica empties its own.
//! - An entry read from the database is stored only if no invalidation happened while it
//!   was being read (the epoch is unchanged), so a stale read never outlives a change.
//! - With Redis, the cache is used only while this replica is subscribed to the invalidation
//!   channel; if the subscription drops, every request reads the database again.
//! - The TTL bounds what no invalidation announces (a change made directly in the database).

use std::{
    collections::HashMap,
    sync::{
        Arc, Mutex,
        atomic::{AtomicBool, AtomicU64, Ordering},
    },
    time::{Duration, Instant},
};

use chrono::{DateTime, Utc};

use super::Account;

const MAX_ENTRIES: usize = 100_000;

struct Entry {
    epoch: u64,
    stored: Instant,
    /// When the credential itself ends (session or API token expiry).
    expires_at: Option<DateTime<Utc>>,
    account: Arc<Account>,
}

pub struct AuthCache {
    ttl: Duration,
    epoch: AtomicU64,
    enabled: AtomicBool,
    entries: Mutex<HashMap<String, Entry>>,
}

impl AuthCache {
    /// `enabled`: whether invalidations reach this replica from the start (always in
    /// embedded mode; with Redis only once subscribed).
    pub fn new(ttl: Duration, enabled: bool) -> Self {
        Self {
            ttl,
            epoch: AtomicU64::new(0),
            enabled: AtomicBool::new(enabled),
            entries: Mutex::new(HashMap::new()),
        }
    }

    fn entries(&self) -> std::sync::MutexGuard<'_, HashMap<String, Entry>> {
        self.entries
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The epoch to pass to [`AuthCache::put`]; read it before reading the database.
    pub fn epoch(&self) -> u64 {
        self.epoch.load(Ordering::SeqCst)
    }

    /// A fresh entry: the account and when its credential ends.
    pub fn get(&self, key: &str) -> Option<(Arc<Account>, Option<DateTime<Utc>>)> {
        if !self.enabled.load(Ordering::SeqCst) {
            return None;
        }
        let epoch = self.epoch();
        let entries = self.entries();
        let entry = entries.get(key)?;
        let fresh = entry.epoch == epoch
            && entry.stored.elapsed() < self.ttl
            && entry.expires_at.is_none_or(|at| at > Utc::now());
        fresh.then(|| (entry.account.clone(), entry.expires_at))
    }

    /// Stores an account read from the database, unless an invalidation happened since
    /// `epoch_at_read`.
    pub fn put(
        &self,
        key: String,
        epoch_at_read: u64,
        expires_at: Option<DateTime<Utc>>,
        account: Arc<Account>,
    ) {
        if !self.enabled.load(Ordering::SeqCst) {
            return;
        }
        let mut entries = self.entries();
        if self.epoch() != epoch_at_read {
            return;
        }
        if entries.len() >= MAX_ENTRIES {
            entries.clear();
        }
        entries.insert(
            key,
            Entry {
                epoch: epoch_at_read,
                stored: Instant::now(),
                expires_at,
                account,
            },
        );
    }

    /// Forgets everything: the next request of every account reads the database.
    pub fn invalidate(&self) {
        let mut entries = self.entries();
        self.epoch.fetch_add(1, Ordering::SeqCst);
        entries.clear();
    }

    /// Turns the cache on or off (off while invalidations from other replicas cannot arrive).
    pub fn set_enabled(&self, enabled: bool) {
        self.enabled.store(enabled, Ordering::SeqCst);
        self.invalidate();
    }
}

#[cfg(test)]
mod tests {
    use chrono::Utc;
    use entities::{
        AccountKind, OrganizationKind, PlatformRole, UserStatus, organization, user_account,
    };
    use uuid::Uuid;

    use super::*;
    use crate::auth::Credential;

    fn account() -> Account {
        let org = organization::Model {
            id: Uuid::now_v7(),
            name: "Org".into(),
            kind: OrganizationKind::Cert,
            country: "FR".into(),
            verified: true,
            created_at: Utc::now(),
            updated_at: Utc::now(),
        };
        Account {
            user: user_account::Model {
                id: Uuid::now_v7(),
                organization_id: org.id,
                email: "a@b.example".into(),
                display_name: "A".into(),
                password_hash: None,
                role: PlatformRole::Member,
                status: UserStatus::Active,
                kind: AccountKind::Person,
                created_at: Utc::now(),
                updated_at: Utc::now(),
            },
            organization: org,
            credential: Credential::Session {
                session_id: Uuid::now_v7(),
            },
        }
    }

    #[test]
    fn an_entry_is_served_until_invalidated() {
        let cache = AuthCache::new(Duration::from_secs(60), true);
        cache.put("k".into(), cache.epoch(), None, Arc::new(account()));
        assert!(cache.get("k").is_some());
        cache.invalidate();
        assert!(cache.get("k").is_none());
    }

    #[test]
    fn a_read_that_raced_an_invalidation_is_not_stored() {
        let cache = AuthCache::new(Duration::from_secs(60), true);
        let epoch = cache.epoch();
        cache.invalidate();
        cache.put("k".into(), epoch, None, Arc::new(account()));
        assert!(cache.get("k").is_none());
    }

    #[test]
    fn a_disabled_cache_or_an_ended_credential_serves_nothing() {
        let cache = AuthCache::new(Duration::from_secs(60), false);
        cache.put("k".into(), cache.epoch(), None, Arc::new(account()));
        assert!(cache.get("k").is_none());
        let cache = AuthCache::new(Duration::from_secs(60), true);
        cache.put(
            "k".into(),
            cache.epoch(),
            Some(Utc::now() - chrono::Duration::seconds(1)),
            Arc::new(account()),
        );
        assert!(cache.get("k").is_none());
        let cache = AuthCache::new(Duration::ZERO, true);
        cache.put("k".into(), cache.epoch(), None, Arc::new(account()));
        assert!(cache.get("k").is_none());
    }
}
