//! Invitations to a workspace: to one account, or to every verified member of an
//! organisation (each answers for themselves). They expire.

use chrono::{DateTime, Duration, Utc};
use entities::{
    AccountKind, InvitationStatus, NotificationKind, UserStatus, WorkspaceRole, invitation,
    invitation_response, organization, user_account, workspace, workspace_member,
};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait,
    DatabaseConnection, EntityTrait, QueryFilter, QuerySelect, QueryTrait,
};
use serde_json::json;
use uuid::Uuid;

use super::service::{self as workspaces, Found};
use crate::{
    audit::service::{self as audit, Entry},
    auth::{
        Access, Area, Credential,
        policy::{self, WorkspaceAction},
    },
    context::RequestCtx,
    error::{AppError, AppResult},
    ids::{self, NodeType},
    notifications::service::{self as notifications, Notice},
    pagination::{Order, Page},
};

pub const DEFAULT_VALIDITY_DAYS: i64 = 14;
pub const MAX_VALIDITY_DAYS: i64 = 90;

pub struct NewInvitation {
    pub workspace_id: String,
    pub user_id: Option<String>,
    pub email: Option<String>,
    pub organization_id: Option<String>,
    pub role: WorkspaceRole,
    pub expires_at: Option<DateTime<Utc>>,
}

#[tracing::instrument(skip_all)]
pub async fn invite(
    db: &DatabaseConnection,
    rc: &RequestCtx,
    new: NewInvitation,
) -> AppResult<invitation::Model> {
    let now = crate::db::now();
    let expires_at = match new.expires_at {
        None => now + Duration::days(DEFAULT_VALIDITY_DAYS),
        Some(at) if at <= now => {
            return Err(AppError::bad_input("expiresAt", "must be in the future"));
        }
        Some(at) if at > now + Duration::days(MAX_VALIDITY_DAYS) => {
            return Err(AppError::bad_input(
                "expiresAt",
                format!("must be within {MAX_VALIDITY_DAYS} days"),
            ));
        }
        Some(at) => at,
    };
    let txn = crate::db::begin_write(db).await?;
    let found =
        workspaces::require_by_global_id(&txn, rc, &new.workspace_id, WorkspaceAction::Manage)
            .await?;
    if found.workspace.archived_at.is_some() {
        return Err(AppError::conflict("the workspace is archived"));
    }
    let (user_id, organization_id, recipients) =
        match (&new.user_id, &new.email, &new.organization_id) {
            (Some(user), None, None) => {
                let user = invitee_user(&txn, &found.workspace, user).await?;
                (Some(user.id), None, vec![user.id])
            }
            (None, Some(email), None) => {
                let user = invitee_by_email(&txn, &found.workspace, email).await?;
                (Some(user.id), None, vec![user.id])
            }
            (None, None, Some(org)) => {
                let org = invitee_organization(&txn, &found.workspace, org).await?;
                let members = uninvolved_members(&txn, found.workspace.id, org.id).await?;
                (None, Some(org.id), members)
            }
            _ => {
                return Err(AppError::bad_input(
                    "userId",
                    "give exactly one of userId, email and organizationId",
                ));
            }
        };
    let duplicate = invitation::Entity::find()
        .filter(invitation::Column::WorkspaceId.eq(found.workspace.id))
        .filter(invitation::Column::Status.eq(InvitationStatus::Pending))
        .filter(invitation::Column::ExpiresAt.gt(now))
        .filter(match (user_id, organization_id) {
            (Some(user), _) => invitation::Column::UserId.eq(user),
            (_, Some(org)) => invitation::Column::OrganizationId.eq(org),
            _ => invitation::Column::Id.is_null(),
        })
        .one(&txn)
        .await?;
    if duplicate.is_some() {
        return Err(AppError::conflict("a pending invitation already exists"));
    }
    let inviter = rc.viewer.user_id().ok_or(AppError::NotFound)?;
    let invitation = invitation::ActiveModel {
        id: Set(Uuid::now_v7()),
        workspace_id: Set(found.workspace.id),
        user_id: Set(user_id),
        organization_id: Set(organization_id),
        role: Set(new.role),
        invited_by: Set(inviter),
        created_at: Set(now),
        expires_at: Set(expires_at),
        status: Set(InvitationStatus::Pending),
        responded_at: Set(None),
    }
    .insert(&txn)
    .await?;
    notifications::create(
        &txn,
        recipients,
        Notice {
            actor_id: Some(inviter),
            workspace_id: Some(found.workspace.id),
            invitation_id: Some(invitation.id),
            ..Notice::new(NotificationKind::Invitation)
        },
    )
    .await?;
    audit::record_in(
        &txn,
        rc,
        found.workspace.id,
        Entry {
            action: "workspace.invite",
            target_type: "invitation",
            target_id: Some(invitation.id),
            details: json!({
                "userId": invitation.user_id,
                "organizationId": invitation.organization_id,
                "role": invitation.role,
                "expiresAt": invitation.expires_at,
            }),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(invitation)
}

async fn invitee_user(
    db: &impl ConnectionTrait,
    workspace: &workspace::Model,
    id: &str,
) -> AppResult<user_account::Model> {
    let id = ids::decode_reference(NodeType::User, id, "userId", "no such user")?;
    let user = user_account::Entity::find_by_id(id).one(db).await?;
    admissible(db, workspace, user, "userId", "no such user").await
}

/// The account with this email (of any organisation: members invite partners they know by
/// address, not accounts they can list).
async fn invitee_by_email(
    db: &impl ConnectionTrait,
    workspace: &workspace::Model,
    email: &str,
) -> AppResult<user_account::Model> {
    let user = user_account::Entity::find()
        .filter(user_account::Column::Email.eq(email.trim().to_lowercase()))
        .filter(user_account::Column::Kind.eq(AccountKind::Person))
        .one(db)
        .await?;
    // One answer for an unknown address, an inactive account and one the workspace does not
    // admit: an address tells an owner no more than whether it can be invited.
    const REFUSED: &str = "no account that this workspace admits has this email";
    admissible(db, workspace, user, "email", REFUSED)
        .await
        .map_err(|err| match err {
            AppError::BadUserInput { .. } => AppError::bad_input("email", REFUSED),
            other => other,
        })
}

/// `user` if they may be invited: active, of a verified organisation of a kind the
/// workspace admits, and not already a member.
async fn admissible(
    db: &impl ConnectionTrait,
    workspace: &workspace::Model,
    user: Option<user_account::Model>,
    field: &'static str,
    unknown: &'static str,
) -> AppResult<user_account::Model> {
    let unknown = || AppError::bad_input(field, unknown);
    let user = user.ok_or_else(unknown)?;
    let organization = organization::Entity::find_by_id(user.organization_id)
        .one(db)
        .await?
        .ok_or_else(unknown)?;
    if !organization.verified || user.status != UserStatus::Active {
        return Err(unknown());
    }
    if !policy::kind_admitted(workspace, organization.kind) {
        return Err(AppError::bad_input(
            field,
            "the workspace is restricted to other organisation kinds",
        ));
    }
    if workspace_member::Entity::find_by_id((workspace.id, user.id))
        .one(db)
        .await?
        .is_some()
    {
        return Err(AppError::conflict("already a member of the workspace"));
    }
    if let Some(reason) = crate::training::gate::admission_refusal(db, workspace, user.id).await? {
        return Err(AppError::bad_input(field, reason));
    }
    Ok(user)
}

async fn invitee_organization(
    db: &impl ConnectionTrait,
    workspace: &workspace::Model,
    id: &str,
) -> AppResult<organization::Model> {
    let unknown = || AppError::bad_input("organizationId", "no such organisation");
    let id = ids::decode_reference(
        NodeType::Organization,
        id,
        "organizationId",
        "no such organisation",
    )?;
    let organization = organization::Entity::find_by_id(id)
        .one(db)
        .await?
        .filter(|o| o.verified)
        .ok_or_else(unknown)?;
    if !policy::kind_admitted(workspace, organization.kind) {
        return Err(AppError::bad_input(
            "organizationId",
            "the workspace is restricted to other organisation kinds",
        ));
    }
    Ok(organization)
}

/// Active accounts of an organisation that are not yet members of the workspace.
async fn uninvolved_members(
    db: &impl ConnectionTrait,
    workspace_id: Uuid,
    organization_id: Uuid,
) -> AppResult<Vec<Uuid>> {
    Ok(user_account::Entity::find()
        .filter(user_account::Column::OrganizationId.eq(organization_id))
        .filter(user_account::Column::Status.eq(UserStatus::Active))
        .filter(
            user_account::Column::Id.not_in_subquery(
                workspace_member::Entity::find()
                    .select_only()
                    .column(workspace_member::Column::UserId)
                    .filter(workspace_member::Column::WorkspaceId.eq(workspace_id))
                    .into_query(),
            ),
        )
        .all(db)
        .await?
        .into_iter()
        .map(|u| u.id)
        .collect())
}

/// An invitation as the viewer sees it.
#[derive(Debug, Clone)]
pub struct Seen {
    pub invitation: invitation::Model,
    pub workspace: workspace::Model,
    /// The viewer's own answer to an organisation's invitation.
    pub answer: Option<bool>,
}

impl Seen {
    /// The status for this viewer: an organisation's invitation is accepted or declined
    /// per member.
    pub fn status(&self) -> InvitationStatus {
        match (self.invitation.status, self.answer) {
            (InvitationStatus::Pending, Some(true)) => InvitationStatus::Accepted,
            (InvitationStatus::Pending, Some(false)) => InvitationStatus::Declined,
            (status, _) => status,
        }
    }
}

/// The signed-in account an invitation may be addressed to, with a token's scope checked.
fn addressee(rc: &RequestCtx, access: Access) -> AppResult<&crate::auth::Account> {
    let account = rc
        .viewer
        .account()
        .ok_or(AppError::Unauthenticated("sign in to do this"))?;
    if let Credential::ApiToken { scopes, .. } = &account.credential
        && !scopes.allows(Area::Workspaces, access)
    {
        return Err(AppError::forbidden(
            "this API token lacks the scope workspaces",
        ));
    }
    Ok(account)
}

fn addressed_to(invitation: &invitation::Model, account: &crate::auth::Account) -> bool {
    invitation.user_id == Some(account.user_id())
        || (account.organization_verified()
            && invitation.organization_id == Some(account.organization_id()))
}

/// Loads an invitation for the viewer: its addressee, or an owner of its workspace.
async fn load_seen(db: &impl ConnectionTrait, rc: &RequestCtx, id: Uuid) -> AppResult<Seen> {
    let invitation = invitation::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let account = rc.viewer.account().ok_or(AppError::NotFound)?;
    let workspace = if addressed_to(&invitation, account) {
        addressee(rc, Access::Read).map_err(|_| AppError::NotFound)?;
        workspace::Entity::find_by_id(invitation.workspace_id)
            .one(db)
            .await?
            .ok_or(AppError::NotFound)?
    } else {
        workspaces::require(db, rc, invitation.workspace_id, WorkspaceAction::Manage)
            .await
            .map_err(|_| AppError::NotFound)?
            .workspace
    };
    let answer = invitation_response::Entity::find_by_id((invitation.id, account.user_id()))
        .one(db)
        .await?
        .map(|r| r.accepted);
    Ok(Seen {
        invitation,
        workspace,
        answer,
    })
}

pub async fn get(db: &impl ConnectionTrait, rc: &RequestCtx, id: Uuid) -> AppResult<Seen> {
    load_seen(db, rc, id).await
}

/// The viewer's pending invitations, oldest first.
pub async fn pending_for_viewer(
    db: &impl ConnectionTrait,
    rc: &RequestCtx,
    page: Page,
) -> AppResult<Vec<Seen>> {
    let account = addressee(rc, Access::Read)?;
    let me = account.user_id();
    let mut addressed = Condition::any().add(invitation::Column::UserId.eq(me));
    if account.organization_verified() {
        addressed = addressed.add(
            Condition::all()
                .add(invitation::Column::OrganizationId.eq(account.organization_id()))
                .add(
                    invitation::Column::Id.not_in_subquery(
                        invitation_response::Entity::find()
                            .select_only()
                            .column(invitation_response::Column::InvitationId)
                            .filter(invitation_response::Column::UserId.eq(me))
                            .into_query(),
                    ),
                ),
        );
    }
    let invitations = page
        .apply(
            invitation::Entity::find()
                .filter(addressed)
                .filter(invitation::Column::Status.eq(InvitationStatus::Pending))
                .filter(invitation::Column::ExpiresAt.gt(crate::db::now()))
                .filter(
                    invitation::Column::WorkspaceId.not_in_subquery(
                        workspace_member::Entity::find()
                            .select_only()
                            .column(workspace_member::Column::WorkspaceId)
                            .filter(workspace_member::Column::UserId.eq(me))
                            .into_query(),
                    ),
                ),
            invitation::Column::Id,
            Order::Oldest,
        )
        .all(db)
        .await?;
    with_workspaces(db, invitations).await
}

async fn with_workspaces(
    db: &impl ConnectionTrait,
    invitations: Vec<invitation::Model>,
) -> AppResult<Vec<Seen>> {
    let workspaces = workspace::Entity::find()
        .filter(workspace::Column::Id.is_in(invitations.iter().map(|i| i.workspace_id)))
        .all(db)
        .await?;
    Ok(invitations
        .into_iter()
        .filter_map(|invitation| {
            let workspace = workspaces
                .iter()
                .find(|w| w.id == invitation.workspace_id)?
                .clone();
            Some(Seen {
                invitation,
                workspace,
                answer: None,
            })
        })
        .collect())
}

/// Pending invitations of a workspace (owners), oldest first.
pub async fn of_workspace(
    db: &impl ConnectionTrait,
    rc: &RequestCtx,
    found: &Found,
    page: Page,
) -> AppResult<Vec<Seen>> {
    policy::authorize_in_workspace(&rc.viewer, found.standing(), WorkspaceAction::Manage)?;
    let invitations = page
        .apply(
            invitation::Entity::find()
                .filter(invitation::Column::WorkspaceId.eq(found.workspace.id))
                .filter(invitation::Column::Status.eq(InvitationStatus::Pending)),
            invitation::Column::Id,
            Order::Oldest,
        )
        .all(db)
        .await?;
    Ok(invitations
        .into_iter()
        .map(|invitation| Seen {
            invitation,
            workspace: found.workspace.clone(),
            answer: None,
        })
        .collect())
}

/// Loads an invitation addressed to the viewer that is still open for an answer.
async fn answerable(
    db: &impl ConnectionTrait,
    rc: &RequestCtx,
    id: &str,
) -> AppResult<(Seen, Uuid)> {
    let id = ids::decode(NodeType::Invitation, id)?;
    let account = addressee(rc, Access::Write)?;
    let me = account.user_id();
    // To anyone but its addressees and the workspace's owners it does not exist; an owner
    // sees it but may not answer it for the invitee.
    let seen = load_seen(db, rc, id).await?;
    if !addressed_to(&seen.invitation, account) {
        return Err(AppError::forbidden(
            "only the invitee may answer an invitation",
        ));
    }
    if seen.status() != InvitationStatus::Pending {
        return Err(AppError::conflict(
            "the invitation has already been answered or revoked",
        ));
    }
    if seen.invitation.expires_at <= Utc::now() {
        return Err(AppError::conflict("the invitation has expired"));
    }
    Ok((seen, me))
}

async fn record_answer(
    db: &impl ConnectionTrait,
    seen: &Seen,
    me: Uuid,
    accepted: bool,
) -> AppResult<()> {
    let now = crate::db::now();
    if seen.invitation.organization_id.is_some() {
        invitation_response::ActiveModel {
            invitation_id: Set(seen.invitation.id),
            user_id: Set(me),
            accepted: Set(accepted),
            responded_at: Set(now),
        }
        .insert(db)
        .await?;
    } else {
        let mut active: invitation::ActiveModel = seen.invitation.clone().into();
        active.status = Set(if accepted {
            InvitationStatus::Accepted
        } else {
            InvitationStatus::Declined
        });
        active.responded_at = Set(Some(now));
        active.update(db).await?;
    }
    Ok(())
}

#[tracing::instrument(skip_all)]
pub async fn accept(db: &DatabaseConnection, rc: &RequestCtx, id: &str) -> AppResult<Found> {
    let txn = crate::db::begin_write(db).await?;
    let (seen, me) = answerable(&txn, rc, id).await?;
    if seen.workspace.archived_at.is_some() {
        return Err(AppError::conflict("the workspace is archived"));
    }
    if workspace_member::Entity::find_by_id((seen.workspace.id, me))
        .one(&txn)
        .await?
        .is_some()
    {
        return Err(AppError::conflict("already a member of the workspace"));
    }
    let account = rc.viewer.account().ok_or(AppError::NotFound)?;
    if !workspaces::admissible(&seen.workspace, &account.user, &account.organization) {
        return Err(AppError::forbidden(
            "the workspace is restricted to other organisation kinds",
        ));
    }
    crate::training::gate::lock_for_admission(&txn, me, Some(seen.workspace.id)).await?;
    let workspace = workspace::Entity::find_by_id(seen.workspace.id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    if let Some(reason) = crate::training::gate::admission_refusal(&txn, &workspace, me).await? {
        return Err(AppError::forbidden(reason));
    }
    workspaces::add_member(&txn, seen.workspace.id, me, seen.invitation.role).await?;
    record_answer(&txn, &seen, me, true).await?;
    audit::record_in(
        &txn,
        rc,
        seen.workspace.id,
        Entry {
            action: "workspace.join",
            target_type: "invitation",
            target_id: Some(seen.invitation.id),
            details: json!({ "role": seen.invitation.role }),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(Found {
        workspace: seen.workspace,
        role: Some(seen.invitation.role),
    })
}

#[tracing::instrument(skip_all)]
pub async fn decline(db: &DatabaseConnection, rc: &RequestCtx, id: &str) -> AppResult<Seen> {
    let txn = crate::db::begin_write(db).await?;
    let (seen, me) = answerable(&txn, rc, id).await?;
    record_answer(&txn, &seen, me, false).await?;
    audit::record_in(
        &txn,
        rc,
        seen.workspace.id,
        Entry {
            action: "workspace.invitation.decline",
            target_type: "invitation",
            target_id: Some(seen.invitation.id),
            details: json!({}),
        },
    )
    .await?;
    let seen = load_seen(&txn, rc, seen.invitation.id).await?;
    txn.commit().await?;
    Ok(seen)
}

#[tracing::instrument(skip_all)]
pub async fn revoke(db: &DatabaseConnection, rc: &RequestCtx, id: &str) -> AppResult<Seen> {
    let id = ids::decode(NodeType::Invitation, id)?;
    let txn = crate::db::begin_write(db).await?;
    let seen = load_seen(&txn, rc, id).await?;
    // The invitee sees the invitation (they are not a member): refused, not hidden.
    let found = workspaces::require(&txn, rc, seen.workspace.id, WorkspaceAction::Manage)
        .await
        .map_err(|e| match e {
            AppError::NotFound => {
                AppError::forbidden("only the workspace's owners may revoke an invitation")
            }
            other => other,
        })?;
    if seen.invitation.status != InvitationStatus::Pending {
        return Err(AppError::conflict("the invitation is no longer pending"));
    }
    let mut active: invitation::ActiveModel = seen.invitation.clone().into();
    active.status = Set(InvitationStatus::Revoked);
    active.responded_at = Set(Some(crate::db::now()));
    let invitation = active.update(&txn).await?;
    audit::record_in(
        &txn,
        rc,
        found.workspace.id,
        Entry {
            action: "workspace.invitation.revoke",
            target_type: "invitation",
            target_id: Some(invitation.id),
            details: json!({}),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(Seen {
        invitation,
        workspace: found.workspace,
        answer: None,
    })
}
