use chrono::Utc;
use entities::{AccountKind, PlatformRole, UserStatus, organization, session, user_account};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait,
    DatabaseConnection, EntityTrait, QueryFilter, sea_query::Expr,
};
use serde_json::json;
use uuid::Uuid;

use crate::{
    app::AppState,
    audit::service::{self as audit, Entry},
    auth::{
        password::validate_new_password,
        policy::{self, Action, UserScope},
    },
    context::RequestCtx,
    error::{AppError, AppResult},
    ids::{self, NodeType},
    pagination::{Order, Page},
};

/// Trims and lower-cases an email; rejects what cannot be an address.
pub fn normalize_email(email: &str) -> AppResult<String> {
    let email = email.trim().to_lowercase();
    let valid = email.len() <= 320
        && !email.chars().any(char::is_whitespace)
        && email.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !domain.contains('@')
        });
    if valid {
        Ok(email)
    } else {
        Err(AppError::bad_input("email", "not a valid email address"))
    }
}

fn normalize_display_name(name: &str) -> AppResult<String> {
    let name = name.trim();
    if !(1..=200).contains(&name.chars().count()) {
        return Err(AppError::bad_input(
            "displayName",
            "must be 1 to 200 characters",
        ));
    }
    Ok(name.to_owned())
}

pub async fn get(
    db: &impl ConnectionTrait,
    rc: &RequestCtx,
    id: Uuid,
) -> AppResult<user_account::Model> {
    let user = user_account::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    if policy::authorize(&rc.viewer, Action::ViewUser(&user)).is_ok() {
        return Ok(user);
    }
    // Outside the directory's scope, an account is visible to those it shares a workspace
    // with.
    if shares_workspace(db, rc, user.id).await? {
        policy::authorize(&rc.viewer, Action::ViewRelatedUser(&user))?;
        return Ok(user);
    }
    Err(AppError::NotFound)
}

async fn shares_workspace(
    db: &impl ConnectionTrait,
    rc: &RequestCtx,
    other: Uuid,
) -> AppResult<bool> {
    use entities::workspace_member;
    use sea_orm::{PaginatorTrait, QuerySelect, QueryTrait};
    let Some(me) = rc.viewer.user_id() else {
        return Ok(false);
    };
    Ok(workspace_member::Entity::find()
        .filter(workspace_member::Column::UserId.eq(other))
        .filter(
            workspace_member::Column::WorkspaceId.in_subquery(
                workspace_member::Entity::find()
                    .select_only()
                    .column(workspace_member::Column::WorkspaceId)
                    .filter(workspace_member::Column::UserId.eq(me))
                    .into_query(),
            ),
        )
        .count(db)
        .await?
        > 0)
}

pub async fn list(
    db: &impl ConnectionTrait,
    rc: &RequestCtx,
    organization_id: Option<Uuid>,
    kind: Option<AccountKind>,
    status: Option<UserStatus>,
    page: Page,
) -> AppResult<Vec<user_account::Model>> {
    let scope = policy::visible_users(&rc.viewer)?;
    let mut condition = Condition::all();
    match scope {
        UserScope::All => {}
        UserScope::Organization(org) => {
            condition = condition.add(user_account::Column::OrganizationId.eq(org));
        }
        UserScope::OnlySelf(id) => condition = condition.add(user_account::Column::Id.eq(id)),
    }
    if let Some(org) = organization_id {
        condition = condition.add(user_account::Column::OrganizationId.eq(org));
    }
    if let Some(kind) = kind {
        condition = condition.add(user_account::Column::Kind.eq(kind));
    }
    if let Some(status) = status {
        condition = condition.add(user_account::Column::Status.eq(status));
    }
    Ok(page
        .apply(
            user_account::Entity::find().filter(condition),
            user_account::Column::Id,
            Order::Oldest,
        )
        .all(db)
        .await?)
}

async fn ensure_email_free(db: &impl ConnectionTrait, email: &str) -> AppResult<()> {
    let taken = user_account::Entity::find()
        .filter(user_account::Column::Email.eq(email))
        .one(db)
        .await?
        .is_some();
    if taken {
        return Err(AppError::conflict(
            "an account with this email already exists",
        ));
    }
    Ok(())
}

async fn existing_organization(
    db: &impl ConnectionTrait,
    id: Uuid,
) -> AppResult<organization::Model> {
    organization::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or_else(|| AppError::bad_input("organizationId", "no such organisation"))
}

fn organization_reference(id: &str) -> AppResult<Uuid> {
    ids::decode_reference(
        NodeType::Organization,
        id,
        "organizationId",
        "no such organisation",
    )
}

pub struct NewUser {
    pub email: String,
    pub display_name: String,
    pub password: String,
    pub role: PlatformRole,
}

/// Inserts a person's account (no policy check: callers authorise). Used by admins and by
/// the demo seed.
pub async fn insert_person(
    state: &AppState,
    db: &impl ConnectionTrait,
    organization_id: Uuid,
    new: NewUser,
) -> AppResult<user_account::Model> {
    let email = normalize_email(&new.email)?;
    let display_name = normalize_display_name(&new.display_name)?;
    validate_new_password(&new.password)?;
    existing_organization(db, organization_id).await?;
    ensure_email_free(db, &email).await?;
    let hash = state.passwords.hash(new.password).await?;
    let now = Utc::now();
    Ok(user_account::ActiveModel {
        id: Set(Uuid::now_v7()),
        organization_id: Set(organization_id),
        email: Set(email),
        display_name: Set(display_name),
        password_hash: Set(Some(hash)),
        role: Set(new.role),
        status: Set(UserStatus::Active),
        kind: Set(AccountKind::Person),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(db)
    .await?)
}

#[tracing::instrument(skip_all)]
pub async fn create(
    state: &AppState,
    rc: &RequestCtx,
    organization_id: &str,
    new: NewUser,
) -> AppResult<user_account::Model> {
    policy::authorize(&rc.viewer, Action::ManageUsers)?;
    let organization_id = organization_reference(organization_id)?;
    let txn = crate::db::begin_write(&state.db).await?;
    let user = insert_person(state, &txn, organization_id, new).await?;
    audit::record(
        &txn,
        rc,
        Entry {
            action: "user.create",
            target_type: "user",
            target_id: Some(user.id),
            details: json!({ "email": user.email, "role": user.role, "organizationId": user.organization_id }),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(user)
}

/// A service account of an organisation: it cannot sign in, only act through API tokens,
/// and its platform role is always `MEMBER`.
#[tracing::instrument(skip_all)]
pub async fn create_service_account(
    db: &DatabaseConnection,
    rc: &RequestCtx,
    organization_id: &str,
    display_name: &str,
) -> AppResult<user_account::Model> {
    policy::authorize(&rc.viewer, Action::ManageApiTokens)?;
    let organization_id = organization_reference(organization_id)?;
    let display_name = normalize_display_name(display_name)?;
    let txn = crate::db::begin_write(db).await?;
    existing_organization(&txn, organization_id).await?;
    let id = Uuid::now_v7();
    let now = Utc::now();
    let user = user_account::ActiveModel {
        id: Set(id),
        organization_id: Set(organization_id),
        email: Set(format!("service-{id}@service-accounts.invalid")),
        display_name: Set(display_name),
        password_hash: Set(None),
        role: Set(PlatformRole::Member),
        status: Set(UserStatus::Active),
        kind: Set(AccountKind::Service),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&txn)
    .await?;
    audit::record(
        &txn,
        rc,
        Entry {
            action: "service_account.create",
            target_type: "user",
            target_id: Some(user.id),
            details: json!({ "organizationId": organization_id, "displayName": user.display_name }),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(user)
}

/// Ends every session of an account (its access tokens stop working at once).
pub async fn revoke_sessions(db: &impl ConnectionTrait, user_id: Uuid) -> AppResult<()> {
    session::Entity::update_many()
        .col_expr(session::Column::RevokedAt, Expr::value(Utc::now()))
        .filter(session::Column::UserId.eq(user_id))
        .filter(session::Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    Ok(())
}

#[tracing::instrument(skip_all, fields(?status))]
pub async fn set_status(
    db: &DatabaseConnection,
    rc: &RequestCtx,
    id: &str,
    status: UserStatus,
) -> AppResult<user_account::Model> {
    policy::authorize(&rc.viewer, Action::ManageUsers)?;
    let id = ids::decode(NodeType::User, id)?;
    if status == UserStatus::Suspended && rc.viewer.user_id() == Some(id) {
        return Err(AppError::bad_input(
            "id",
            "you cannot suspend your own account",
        ));
    }
    let txn = crate::db::begin_write(db).await?;
    let current = get(&txn, rc, id).await?;
    if current.status == status {
        return Ok(current);
    }
    let mut active: user_account::ActiveModel = current.into();
    active.status = Set(status);
    active.updated_at = Set(Utc::now());
    let user = active.update(&txn).await?;
    if status == UserStatus::Suspended {
        revoke_sessions(&txn, id).await?;
        crate::realtime::record(&txn, [crate::realtime::NewEvent::account_suspended(id)]).await?;
    }
    audit::record(
        &txn,
        rc,
        Entry {
            action: match status {
                UserStatus::Suspended => "user.suspend",
                UserStatus::Active => "user.reactivate",
            },
            target_type: "user",
            target_id: Some(id),
            details: json!({}),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(user)
}

#[tracing::instrument(skip_all)]
pub async fn reset_password(
    state: &AppState,
    rc: &RequestCtx,
    id: &str,
    password: String,
) -> AppResult<user_account::Model> {
    policy::authorize(&rc.viewer, Action::ManageUsers)?;
    let id = ids::decode(NodeType::User, id)?;
    validate_new_password(&password)?;
    let txn = crate::db::begin_write(&state.db).await?;
    let current = get(&txn, rc, id).await?;
    if current.kind == AccountKind::Service {
        return Err(AppError::bad_input(
            "id",
            "service accounts have no password",
        ));
    }
    let hash = state.passwords.hash(password).await?;
    let mut active: user_account::ActiveModel = current.into();
    active.password_hash = Set(Some(hash));
    active.updated_at = Set(Utc::now());
    let user = active.update(&txn).await?;
    revoke_sessions(&txn, id).await?;
    audit::record(
        &txn,
        rc,
        Entry {
            action: "user.reset_password",
            target_type: "user",
            target_id: Some(id),
            details: json!({}),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(user)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_normalised_and_checked() {
        assert_eq!(
            normalize_email("  Analyst@Police.Example ").unwrap(),
            "analyst@police.example"
        );
        for bad in [
            "",
            "no-at",
            "@x.example",
            "a@nodot",
            "a b@x.example",
            "a@.example",
        ] {
            assert!(normalize_email(bad).is_err(), "{bad}");
        }
    }
}
