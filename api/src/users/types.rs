use async_graphql::{Context, ID, InputObject, Object};
use chrono::{DateTime, Utc};
use entities::{AccountKind, PlatformRole, UserStatus, organization, user_account};
use uuid::Uuid;

use crate::{
    auth::{
        Account, Viewer,
        policy::{self, Action},
    },
    context,
    error::AppError,
    ids::{self, NodeType},
    loaders,
    organizations::types::Organization,
};

/// An account. Built from the model, so the password hash cannot leak into the API.
pub struct User {
    model: user_account::Model,
    /// The organisation when already at hand (the viewer's own), saving a load.
    organization: Option<organization::Model>,
    /// The viewer that nested fields are authorised for, when it is not the request's: the
    /// account that has just signed in (the request itself was anonymous).
    acting_viewer: Option<Box<Viewer>>,
}

impl User {
    pub fn new(model: user_account::Model) -> Self {
        Self {
            model,
            organization: None,
            acting_viewer: None,
        }
    }

    /// The account of a session that has just been opened or refreshed.
    pub fn signed_in(account: Account) -> Self {
        Self {
            model: account.user.clone(),
            organization: Some(account.organization.clone()),
            acting_viewer: Some(Box::new(Viewer::Account(std::sync::Arc::new(account)))),
        }
    }

    pub fn with_organization(
        model: user_account::Model,
        organization: organization::Model,
    ) -> Self {
        Self {
            model,
            organization: Some(organization),
            acting_viewer: None,
        }
    }

    /// Loads an account through the request's DataLoader; `None` when it does not exist or
    /// the viewer may not see it.
    pub async fn load_visible(ctx: &Context<'_>, id: Uuid) -> async_graphql::Result<Option<User>> {
        let rc = context::request(ctx)?;
        let user = context::loaders(ctx)?
            .users()
            .load_one(id)
            .await
            .map_err(loaders::internal)?;
        Ok(user
            .filter(|u| policy::authorize(&rc.viewer, Action::ViewUser(u)).is_ok())
            .map(User::new))
    }

    /// An account already read with something the viewer may read (the author of a post
    /// of a page), with its organisation; `None` when the policy says no.
    pub fn related(
        ctx: &Context<'_>,
        model: &user_account::Model,
        organization: &organization::Model,
    ) -> async_graphql::Result<Option<User>> {
        let rc = context::request(ctx)?;
        Ok(
            policy::authorize(&rc.viewer, Action::ViewRelatedUser(model))
                .is_ok()
                .then(|| User::with_organization(model.clone(), organization.clone())),
        )
    }

    /// Loads an account that appears on something the viewer may read (an author, a
    /// member, a recipient, an inviter); `None` when it does not exist or the policy says no.
    pub async fn load_related(ctx: &Context<'_>, id: Uuid) -> async_graphql::Result<Option<User>> {
        let rc = context::request(ctx)?;
        let user = context::loaders(ctx)?
            .users()
            .load_one(id)
            .await
            .map_err(loaders::internal)?;
        Ok(user
            .filter(|u| policy::authorize(&rc.viewer, Action::ViewRelatedUser(u)).is_ok())
            .map(User::new))
    }
}

#[Object]
impl User {
    pub async fn id(&self) -> ID {
        ids::encode(NodeType::User, self.model.id)
    }
    async fn email(&self) -> &str {
        &self.model.email
    }
    async fn display_name(&self) -> &str {
        &self.model.display_name
    }
    async fn role(&self) -> PlatformRole {
        self.model.role
    }
    async fn status(&self) -> UserStatus {
        self.model.status
    }
    /// `SERVICE` accounts act only through API tokens.
    async fn kind(&self) -> AccountKind {
        self.model.kind
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.model.created_at
    }
    async fn organization(&self, ctx: &Context<'_>) -> async_graphql::Result<Organization> {
        let rc = context::request(ctx)?;
        let viewer = self.acting_viewer.as_deref().unwrap_or(&rc.viewer);
        let org = match &self.organization {
            Some(org) => org.clone(),
            None => context::loaders(ctx)?
                .organizations()
                .load_one(self.model.organization_id)
                .await
                .map_err(loaders::internal)?
                .ok_or(AppError::NotFound)?,
        };
        policy::authorize(viewer, Action::ViewOrganization(&org))?;
        Ok(Organization(org))
    }
}

#[derive(InputObject)]
pub struct CreateUserInput {
    pub email: String,
    pub display_name: String,
    /// At least 12 characters.
    pub password: String,
    pub organization_id: ID,
    #[graphql(default_with = "PlatformRole::Member")]
    pub role: PlatformRole,
}

#[derive(InputObject)]
pub struct CreateServiceAccountInput {
    pub organization_id: ID,
    /// What the account is for, e.g. "SIEM integration".
    pub display_name: String,
}

#[derive(InputObject)]
pub struct UserFilter {
    pub organization_id: Option<ID>,
    pub kind: Option<AccountKind>,
    pub status: Option<UserStatus>,
}
