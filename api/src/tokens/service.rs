use chrono::Utc;
use entities::{AccountKind, api_token, user_account};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait,
    DatabaseConnection, EntityTrait, QueryFilter,
};
use serde_json::json;
use uuid::Uuid;

use crate::{
    audit::service::{self as audit, Entry},
    auth::{
        Scopes,
        policy::{self, Action},
        secrets,
    },
    context::RequestCtx,
    error::{AppError, AppResult},
    ids::{self, NodeType},
    pagination::{Order, Page},
};

pub struct NewToken {
    /// The global id of a service account.
    pub service_account_id: String,
    pub name: String,
    pub scopes: Vec<String>,
    pub expires_at: Option<chrono::DateTime<Utc>>,
}

/// Creates a token; returns the secret (shown once) and the stored record.
#[tracing::instrument(skip_all)]
pub async fn create(
    db: &DatabaseConnection,
    rc: &RequestCtx,
    new: NewToken,
) -> AppResult<(String, api_token::Model)> {
    policy::authorize(&rc.viewer, Action::ManageApiTokens)?;
    let service_account_id = ids::decode_reference(
        NodeType::User,
        &new.service_account_id,
        "serviceAccountId",
        "no such service account",
    )?;
    let name = new.name.trim().to_owned();
    if !(1..=200).contains(&name.chars().count()) {
        return Err(AppError::bad_input("name", "must be 1 to 200 characters"));
    }
    let scopes = Scopes::parse_list(&new.scopes)?;
    if new.expires_at.is_some_and(|at| at <= Utc::now()) {
        return Err(AppError::bad_input("expiresAt", "must be in the future"));
    }
    let txn = crate::db::begin_write(db).await?;
    let account = user_account::Entity::find_by_id(service_account_id)
        .one(&txn)
        .await?
        .filter(|u| u.kind == AccountKind::Service)
        .ok_or_else(|| AppError::bad_input("serviceAccountId", "no such service account"))?;
    let secret = secrets::generate(secrets::API_TOKEN_PREFIX);
    let token = api_token::ActiveModel {
        id: Set(Uuid::now_v7()),
        user_id: Set(account.id),
        organization_id: Set(account.organization_id),
        name: Set(name),
        token_hash: Set(secrets::hash(&secret)),
        token_prefix: Set(secret.chars().take(10).collect()),
        scopes: Set(scopes.to_stored()),
        created_by: Set(rc.viewer.user_id()),
        created_at: Set(Utc::now()),
        expires_at: Set(new.expires_at),
        revoked_at: Set(None),
    }
    .insert(&txn)
    .await?;
    audit::record(
        &txn,
        rc,
        Entry {
            action: "api_token.create",
            target_type: "api_token",
            target_id: Some(token.id),
            details: json!({
                "serviceAccountId": account.id,
                "organizationId": account.organization_id,
                "scopes": token.scopes,
                "expiresAt": token.expires_at,
            }),
        },
    )
    .await?;
    txn.commit().await?;
    Ok((secret, token))
}

pub async fn get(
    db: &impl ConnectionTrait,
    rc: &RequestCtx,
    id: Uuid,
) -> AppResult<api_token::Model> {
    // Tokens are visible only to those who manage them; to anyone else they do not exist.
    policy::authorize(&rc.viewer, Action::ManageApiTokens).map_err(|_| AppError::NotFound)?;
    api_token::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

#[tracing::instrument(skip_all)]
pub async fn revoke(
    db: &DatabaseConnection,
    rc: &RequestCtx,
    id: &str,
) -> AppResult<api_token::Model> {
    policy::authorize(&rc.viewer, Action::ManageApiTokens)?;
    let id = ids::decode(NodeType::ApiToken, id)?;
    let txn = crate::db::begin_write(db).await?;
    let current = get(&txn, rc, id).await?;
    if current.revoked_at.is_some() {
        return Ok(current);
    }
    let mut active: api_token::ActiveModel = current.into();
    active.revoked_at = Set(Some(Utc::now()));
    let token = active.update(&txn).await?;
    audit::record(
        &txn,
        rc,
        Entry {
            action: "api_token.revoke",
            target_type: "api_token",
            target_id: Some(id),
            details: json!({}),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(token)
}

pub async fn list(
    db: &impl ConnectionTrait,
    rc: &RequestCtx,
    organization_id: Option<Uuid>,
    page: Page,
) -> AppResult<Vec<api_token::Model>> {
    policy::authorize(&rc.viewer, Action::ManageApiTokens)?;
    let mut condition = Condition::all();
    if let Some(org) = organization_id {
        condition = condition.add(api_token::Column::OrganizationId.eq(org));
    }
    Ok(page
        .apply(
            api_token::Entity::find().filter(condition),
            api_token::Column::Id,
            Order::Oldest,
        )
        .all(db)
        .await?)
}
