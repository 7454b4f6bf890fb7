//! argon2id password hashing. The cost is configuration; hashing runs on the blocking pool.

use argon2::{
    Algorithm, Argon2, Params, PasswordHash, PasswordHasher as _, PasswordVerifier, Version,
    password_hash::SaltString,
};
use rand::RngCore;

use crate::error::{AppError, AppResult};

pub const MIN_PASSWORD_LEN: usize = 12;
pub const MAX_PASSWORD_LEN: usize = 256;

/// How long a sign-in waits for a hashing slot before it is told to come back later.
const QUEUE_WAIT: std::time::Duration = std::time::Duration::from_secs(10);

#[derive(Clone)]
pub struct PasswordHasher {
    params: Params,
    /// One slot per core: each hash holds `ARGON2_MEMORY_KIB` of memory, so running them all
    /// at once would let a burst of sign-ins exhaust memory.
    slots: std::sync::Arc<tokio::sync::Semaphore>,
    /// A hash of a random password, verified against when the account does not exist, so
    /// that unknown emails and wrong passwords take similar time.
    dummy_hash: String,
}

impl PasswordHasher {
    pub fn new(memory_kib: u32, iterations: u32) -> anyhow::Result<Self> {
        let params = Params::new(memory_kib, iterations, 1, None)
            .map_err(|e| anyhow::anyhow!("invalid argon2 parameters: {e}"))?;
        let cores = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
        let mut hasher = Self {
            params,
            slots: std::sync::Arc::new(tokio::sync::Semaphore::new(cores)),
            dummy_hash: String::new(),
        };
        let mut random = [0u8; 24];
        rand::rng().fill_bytes(&mut random);
        hasher.dummy_hash = hasher.hash_blocking(&format!("{random:?}"))?;
        Ok(hasher)
    }

    fn argon2(&self) -> Argon2<'_> {
        Argon2::new(Algorithm::Argon2id, Version::V0x13, self.params.clone())
    }

    fn hash_blocking(&self, password: &str) -> anyhow::Result<String> {
        let mut salt = [0u8; 16];
        rand::rng().fill_bytes(&mut salt);
        let salt = SaltString::encode_b64(&salt).map_err(|e| anyhow::anyhow!("salt: {e}"))?;
        let hash = self
            .argon2()
            .hash_password(password.as_bytes(), &salt)
            .map_err(|e| anyhow::anyhow!("hashing failed: {e}"))?;
        Ok(hash.to_string())
    }

    fn verify_blocking(&self, password: &str, hash: &str) -> bool {
        match PasswordHash::new(hash) {
            Ok(parsed) => self
                .argon2()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok(),
            Err(_) => false,
        }
    }

    /// Waits for a hashing slot; a sign-in that waits too long is told to retry.
    async fn slot(&self) -> AppResult<tokio::sync::OwnedSemaphorePermit> {
        match tokio::time::timeout(QUEUE_WAIT, self.slots.clone().acquire_owned()).await {
            Ok(Ok(permit)) => Ok(permit),
            Ok(Err(closed)) => Err(AppError::Internal(closed.into())),
            Err(_) => Err(AppError::RateLimited {
                retry_after_secs: 1,
            }),
        }
    }

    /// Hashes a password off the async runtime.
    pub async fn hash(&self, password: String) -> AppResult<String> {
        let this = self.clone();
        let permit = self.slot().await?;
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            this.hash_blocking(&password)
        })
        .await
        .map_err(|e| AppError::Internal(e.into()))?
        .map_err(AppError::Internal)
    }

    /// Verifies a password off the async runtime. `None` verifies against the dummy hash and
    /// always fails, taking the same time as a real check.
    pub async fn verify(&self, password: String, hash: Option<String>) -> AppResult<bool> {
        let this = self.clone();
        let permit = self.slot().await?;
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            match hash {
                Some(hash) => this.verify_blocking(&password, &hash),
                None => {
                    let _ = this.verify_blocking(&password, &this.dummy_hash);
                    false
                }
            }
        })
        .await
        .map_err(|e| AppError::Internal(e.into()))
    }
}

/// Checks a new password's length; the message is safe to show.
pub fn validate_new_password(password: &str) -> AppResult<()> {
    let len = password.chars().count();
    if len < MIN_PASSWORD_LEN {
        return Err(AppError::bad_input(
            "password",
            format!("must be at least {MIN_PASSWORD_LEN} characters"),
        ));
    }
    if len > MAX_PASSWORD_LEN {
        return Err(AppError::bad_input(
            "password",
            format!("must be at most {MAX_PASSWORD_LEN} characters"),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_hash_verifies_its_password_only() {
        let hasher = PasswordHasher::new(1024, 1).unwrap();
        let hash = hasher.hash("correct horse battery".into()).await.unwrap();
        assert!(hash.starts_with("$argon2id$"));
        assert!(
            hasher
                .verify("correct horse battery".into(), Some(hash.clone()))
                .await
                .unwrap()
        );
        assert!(!hasher.verify("wrong".into(), Some(hash)).await.unwrap());
        assert!(!hasher.verify("anything".into(), None).await.unwrap());
    }
}
