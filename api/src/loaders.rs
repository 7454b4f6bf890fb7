//! DataLoaders: one per (entity, key), one `IN (...)` query per batch, created per request so
//! nothing is cached across viewers.

use std::{
    collections::HashMap,
    sync::{Arc, OnceLock},
};

use async_graphql::dataloader::{DataLoader, Loader};
use entities::{organization, user_account};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
use uuid::Uuid;

pub type LoadError = Arc<anyhow::Error>;

pub struct OrganizationLoader(pub DatabaseConnection);

impl Loader<Uuid> for OrganizationLoader {
    type Value = organization::Model;
    type Error = LoadError;

    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, Self::Value>, Self::Error> {
        let rows = organization::Entity::find()
            .filter(organization::Column::Id.is_in(keys.iter().copied()))
            .all(&self.0)
            .await
            .map_err(|e| Arc::new(anyhow::Error::new(e)))?;
        Ok(rows.into_iter().map(|row| (row.id, row)).collect())
    }
}

pub struct UserLoader(pub DatabaseConnection);

impl Loader<Uuid> for UserLoader {
    type Value = user_account::Model;
    type Error = LoadError;

    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, Self::Value>, Self::Error> {
        let rows = user_account::Entity::find()
            .filter(user_account::Column::Id.is_in(keys.iter().copied()))
            .all(&self.0)
            .await
            .map_err(|e| Arc::new(anyhow::Error::new(e)))?;
        Ok(rows.into_iter().map(|row| (row.id, row)).collect())
    }
}

/// The DataLoaders of one request, each made on first use: most requests need none, and
/// every request gets this.
pub struct Loaders {
    db: DatabaseConnection,
    organizations: OnceLock<DataLoader<OrganizationLoader>>,
    users: OnceLock<DataLoader<UserLoader>>,
}

impl Loaders {
    pub fn new(db: &DatabaseConnection) -> Self {
        Self {
            db: db.clone(),
            organizations: OnceLock::new(),
            users: OnceLock::new(),
        }
    }

    pub fn organizations(&self) -> &DataLoader<OrganizationLoader> {
        self.organizations
            .get_or_init(|| DataLoader::new(OrganizationLoader(self.db.clone()), tokio::spawn))
    }

    pub fn users(&self) -> &DataLoader<UserLoader> {
        self.users
            .get_or_init(|| DataLoader::new(UserLoader(self.db.clone()), tokio::spawn))
    }
}

/// A loader failure as an internal error.
pub fn internal(err: LoadError) -> crate::error::AppError {
    crate::error::AppError::Internal(anyhow::anyhow!("{err:#}"))
}
