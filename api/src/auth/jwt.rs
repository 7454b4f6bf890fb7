//! Access tokens: HS256 JWTs with issuer, audience, expiry and the session they belong to.
//! Anything else — `alg: none`, another algorithm or key, a changed payload, an expired or
//! foreign token — fails verification, and the caller gets `UNAUTHENTICATED`.

use std::time::Duration;

use chrono::{DateTime, Utc};
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

pub const AUDIENCE: &str = "alliance-hub";

#[derive(Debug, Serialize, Deserialize)]
pub struct Claims {
    pub sub: Uuid,
    pub sid: Uuid,
    pub iss: String,
    pub aud: String,
    pub iat: i64,
    pub exp: i64,
}

#[derive(Clone)]
pub struct JwtKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
    issuer: String,
    ttl: Duration,
}

impl JwtKeys {
    pub fn new(secret: &[u8], issuer: String, ttl: Duration) -> Self {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.algorithms = vec![Algorithm::HS256];
        validation.set_issuer(&[issuer.as_str()]);
        validation.set_audience(&[AUDIENCE]);
        validation.set_required_spec_claims(&["exp", "iss", "aud", "sub"]);
        validation.leeway = 0;
        Self {
            encoding: EncodingKey::from_secret(secret),
            decoding: DecodingKey::from_secret(secret),
            validation,
            issuer,
            ttl,
        }
    }

    /// A new access token for a session; returns the token and its expiry.
    pub fn issue(
        &self,
        user_id: Uuid,
        session_id: Uuid,
    ) -> anyhow::Result<(String, DateTime<Utc>)> {
        let now = Utc::now();
        let expires_at = now
            + chrono::Duration::from_std(self.ttl)
                .map_err(|e| anyhow::anyhow!("access token ttl: {e}"))?;
        let claims = Claims {
            sub: user_id,
            sid: session_id,
            iss: self.issuer.clone(),
            aud: AUDIENCE.to_owned(),
            iat: now.timestamp(),
            exp: expires_at.timestamp(),
        };
        let token = jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)?;
        Ok((token, expires_at))
    }

    /// Verifies signature, algorithm, issuer, audience and expiry.
    pub fn verify(&self, token: &str) -> Option<Claims> {
        jsonwebtoken::decode::<Claims>(token, &self.decoding, &self.validation)
            .ok()
            .map(|data| data.claims)
    }

    /// Whether a string looks like a JWT (three dot-separated parts).
    pub fn looks_like_jwt(token: &str) -> bool {
        token.split('.').count() == 3
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys() -> JwtKeys {
        JwtKeys::new(
            b"0123456789abcdef0123456789abcdef",
            "http://hub".into(),
            Duration::from_secs(60),
        )
    }

    #[test]
    fn an_issued_token_verifies() {
        let (token, _) = keys().issue(Uuid::now_v7(), Uuid::now_v7()).unwrap();
        assert!(keys().verify(&token).is_some());
    }

    #[test]
    fn another_key_or_issuer_fails() {
        let (token, _) = keys().issue(Uuid::now_v7(), Uuid::now_v7()).unwrap();
        let other = JwtKeys::new(
            b"another-secret-another-secret-xx",
            "http://hub".into(),
            Duration::from_secs(60),
        );
        assert!(other.verify(&token).is_none());
        let other_iss = JwtKeys::new(
            b"0123456789abcdef0123456789abcdef",
            "http://evil".into(),
            Duration::from_secs(60),
        );
        assert!(other_iss.verify(&token).is_none());
    }
}
