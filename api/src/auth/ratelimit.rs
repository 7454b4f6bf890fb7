//! Fixed-window counters for throttles: in process for the embedded mode, in Redis when
//! replicas must share them.

use std::{
    collections::HashMap,
    sync::Mutex,
    time::{Duration, Instant},
};

use redis::aio::ConnectionManager;

#[async_trait::async_trait]
pub trait RateLimiter: Send + Sync {
    /// Counts one hit on `key` and returns the hits in the current window, including this one,
    /// and the seconds until the window ends.
    async fn hit(&self, key: &str, window: Duration) -> anyhow::Result<(u64, u64)>;
    /// Forgets a key (a successful sign-in clears its account's failures).
    async fn reset(&self, key: &str) -> anyhow::Result<()>;
}

const MAX_KEYS: usize = 100_000;

#[derive(Default)]
pub struct InMemoryRateLimiter {
    windows: Mutex<HashMap<String, (Instant, u64)>>,
}

impl InMemoryRateLimiter {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, (Instant, u64)>> {
        self.windows
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

#[async_trait::async_trait]
impl RateLimiter for InMemoryRateLimiter {
    async fn hit(&self, key: &str, window: Duration) -> anyhow::Result<(u64, u64)> {
        let now = Instant::now();
        let mut windows = self.lock();
        if windows.len() > MAX_KEYS {
            windows.retain(|_, (ends, _)| *ends > now);
            // Still full of live windows: start afresh rather than grow without bound.
            if windows.len() > MAX_KEYS {
                windows.clear();
            }
        }
        let entry = windows.entry(key.to_owned()).or_insert((now + window, 0));
        if entry.0 <= now {
            *entry = (now + window, 0);
        }
        entry.1 += 1;
        Ok((
            entry.1,
            entry.0.saturating_duration_since(now).as_secs().max(1),
        ))
    }

    async fn reset(&self, key: &str) -> anyhow::Result<()> {
        self.lock().remove(key);
        Ok(())
    }
}

pub struct RedisRateLimiter {
    conn: ConnectionManager,
    prefix: String,
}

impl RedisRateLimiter {
    pub fn new(conn: ConnectionManager, prefix: &str) -> Self {
        Self {
            conn,
            prefix: format!("{prefix}ratelimit:"),
        }
    }
}

const HIT_SCRIPT: &str = r"
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
return {count, ttl}
";

#[async_trait::async_trait]
impl RateLimiter for RedisRateLimiter {
    async fn hit(&self, key: &str, window: Duration) -> anyhow::Result<(u64, u64)> {
        let mut conn = self.conn.clone();
        let (count, ttl_ms): (u64, i64) = redis::Script::new(HIT_SCRIPT)
            .key(format!("{}{key}", self.prefix))
            .arg(window.as_millis() as u64)
            .invoke_async(&mut conn)
            .await?;
        Ok((count, (ttl_ms.max(0) as u64).div_ceil(1000).max(1)))
    }

    async fn reset(&self, key: &str) -> anyhow::Result<()> {
        let mut conn = self.conn.clone();
        let _: () = redis::cmd("DEL")
            .arg(format!("{}{key}", self.prefix))
            .query_async(&mut conn)
            .await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn counts_within_a_window_and_resets() {
        let limiter = InMemoryRateLimiter::default();
        let w = Duration::from_secs(60);
        assert_eq!(limiter.hit("k", w).await.unwrap().0, 1);
        assert_eq!(limiter.hit("k", w).await.unwrap().0, 2);
        limiter.reset("k").await.unwrap();
        // The window starts afresh: the next hit is the first.
        assert_eq!(limiter.hit("k", w).await.unwrap().0, 1);
    }
}
