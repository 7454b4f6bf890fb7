use async_graphql::{ID, InputObject, Object};
use chrono::{DateTime, Utc};
use entities::{OrganizationKind, organization};

use crate::ids::{self, NodeType};

pub struct Organization(pub organization::Model);

impl Organization {
    /// Loads an organisation through the request's DataLoaders; `None` when it does not
    /// exist or the viewer may not see it.
    pub async fn load_visible(
        ctx: &async_graphql::Context<'_>,
        id: uuid::Uuid,
    ) -> async_graphql::Result<Option<Organization>> {
        let rc = crate::context::request(ctx)?;
        let org = crate::context::loaders(ctx)?
            .organizations()
            .load_one(id)
            .await
            .map_err(crate::loaders::internal)?;
        Ok(org
            .filter(|o| {
                crate::auth::policy::authorize(
                    &rc.viewer,
                    crate::auth::policy::Action::ViewOrganization(o),
                )
                .is_ok()
            })
            .map(Organization))
    }
}

#[Object]
impl Organization {
    pub async fn id(&self) -> ID {
        ids::encode(NodeType::Organization, self.0.id)
    }
    async fn name(&self) -> &str {
        &self.0.name
    }
    async fn kind(&self) -> OrganizationKind {
        self.0.kind
    }
    /// ISO 3166-1 alpha-2 country code.
    async fn country(&self) -> &str {
        &self.0.country
    }
    /// Members of an unverified organisation can sign in but see nothing shared.
    async fn verified(&self) -> bool {
        self.0.verified
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
}

#[derive(InputObject)]
pub struct CreateOrganizationInput {
    pub name: String,
    pub kind: OrganizationKind,
    /// ISO 3166-1 alpha-2 country code, e.g. `NL`.
    pub country: String,
    #[graphql(default = false)]
    pub verified: bool,
}

/// Fields left out stay as they are.
#[derive(InputObject)]
pub struct UpdateOrganizationInput {
    pub name: Option<String>,
    pub kind: Option<OrganizationKind>,
    pub country: Option<String>,
}

#[derive(InputObject)]
pub struct OrganizationFilter {
    pub kind: Option<OrganizationKind>,
    pub verified: Option<bool>,
}
