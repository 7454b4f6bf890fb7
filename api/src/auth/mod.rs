//! Identity: who is calling, how they proved it, and what they may do.
//!
//! - [`jwt`]: short-lived access tokens (HS256, issuer and audience checked).
//! - [`password`]: argon2id hashing, off the async runtime.
//! - [`secrets`]: refresh-token and API-token secrets, stored only as hashes.
//! - [`authenticate`]: turns an `Authorization` header into a [`Viewer`].
//! - [`cache`], [`invalidation`]: authenticated accounts cached until the next change.
//! - [`policy`]: the one module that decides who may do what.
//! - [`ratelimit`]: sign-in throttles, in process or in Redis.

pub mod authenticate;
pub mod cache;
pub mod cookie;
pub mod invalidation;
pub mod jwt;
pub mod password;
pub mod policy;
pub mod ratelimit;
pub mod schema;
pub mod scopes;
pub mod secrets;
pub mod service;

use entities::PlatformRole;
use uuid::Uuid;

pub use scopes::{Access, Area, Scopes};

/// The caller of a request.
#[derive(Debug, Clone)]
pub enum Viewer {
    Anonymous,
    Account(std::sync::Arc<Account>),
}

/// A signed-in account (a person, or a service account through an API token).
#[derive(Debug, Clone)]
pub struct Account {
    pub user: entities::user_account::Model,
    pub organization: entities::organization::Model,
    pub credential: Credential,
}

#[derive(Debug, Clone)]
pub enum Credential {
    /// An access JWT of a sign-in session.
    Session { session_id: Uuid },
    /// An API token with its scopes.
    ApiToken { token_id: Uuid, scopes: Scopes },
}

impl Account {
    pub fn user_id(&self) -> Uuid {
        self.user.id
    }
    pub fn organization_id(&self) -> Uuid {
        self.organization.id
    }
    pub fn organization_verified(&self) -> bool {
        self.organization.verified
    }
    pub fn role(&self) -> PlatformRole {
        self.user.role
    }
    pub fn session_id(&self) -> Option<Uuid> {
        match &self.credential {
            Credential::Session { session_id } => Some(*session_id),
            Credential::ApiToken { .. } => None,
        }
    }
}

impl Viewer {
    pub fn account(&self) -> Option<&Account> {
        match self {
            Viewer::Anonymous => None,
            Viewer::Account(account) => Some(account),
        }
    }
    pub fn user_id(&self) -> Option<Uuid> {
        self.account().map(Account::user_id)
    }
    pub fn organization_id(&self) -> Option<Uuid> {
        self.account().map(Account::organization_id)
    }
}
