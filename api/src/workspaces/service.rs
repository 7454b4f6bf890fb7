use entities::{
    EventKind, OrganizationKind, Tlp, UserStatus, WorkspaceRole, organization, thread,
    user_account, workspace, workspace_member,
};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, Iterable, PaginatorTrait, QueryFilter, sea_query::Expr,
};
use serde_json::json;
use uuid::Uuid;

use super::kinds;
use crate::realtime::{self, NewEvent};
use crate::{
    audit::service::{self as audit, Entry},
    auth::policy::{self, Standing, WorkspaceAction},
    context::RequestCtx,
    error::{AppError, AppResult},
    ids::{self, NodeType},
    pagination::{Order, Page},
};

/// A workspace with the viewer's role in it, after the policy allowed the viewer to see it.
#[derive(Debug, Clone)]
pub struct Found {
    pub workspace: workspace::Model,
    pub role: Option<WorkspaceRole>,
}

impl Found {
    pub fn standing(&self) -> Standing<'_> {
        Standing {
            workspace: &self.workspace,
            role: self.role,
        }
    }

    /// The role of a member (only members are ever handed a `Found` after authorisation).
    pub fn role(&self) -> WorkspaceRole {
        self.role.unwrap_or(WorkspaceRole::Observer)
    }
}

pub const NAME_MAX: usize = 200;
pub const DESCRIPTION_MAX: usize = 5_000;

fn normalize_name(name: &str) -> AppResult<String> {
    let name = name.trim();
    if !(1..=NAME_MAX).contains(&name.chars().count()) {
        return Err(AppError::bad_input(
            "name",
            format!("must be 1 to {NAME_MAX} characters"),
        ));
    }
    Ok(name.to_owned())
}

fn normalize_description(description: &str) -> AppResult<String> {
    let description = description.trim();
    if description.chars().count() > DESCRIPTION_MAX {
        return Err(AppError::bad_input(
            "description",
            format!("must be at most {DESCRIPTION_MAX} characters"),
        ));
    }
    Ok(description.to_owned())
}

fn check_default_tlp(tlp: Tlp) -> AppResult<Tlp> {
    if tlp == Tlp::Red {
        return Err(AppError::bad_input(
            "defaultTlp",
            "RED applies to threads with named recipients, not to a whole workspace",
        ));
    }
    Ok(tlp)
}

/// Loads a workspace and the viewer's membership, without deciding anything.
async fn load(db: &impl ConnectionTrait, rc: &RequestCtx, id: Uuid) -> AppResult<Found> {
    let workspace = workspace::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let role = match rc.viewer.user_id() {
        Some(user) => workspace_member::Entity::find_by_id((id, user))
            .one(db)
            .await?
            .map(|m| m.role),
        None => None,
    };
    Ok(Found { workspace, role })
}

/// Loads a workspace and checks that the viewer may do `action` in it.
pub async fn require(
    db: &impl ConnectionTrait,
    rc: &RequestCtx,
    id: Uuid,
    action: WorkspaceAction<'_>,
) -> AppResult<Found> {
    let found = load(db, rc, id).await?;
    policy::authorize_in_workspace(&rc.viewer, found.standing(), action)?;
    Ok(found)
}

/// A workspace the viewer is a member of.
pub async fn get(db: &impl ConnectionTrait, rc: &RequestCtx, id: Uuid) -> AppResult<Found> {
    require(db, rc, id, WorkspaceAction::Read).await
}

/// Decodes a workspace id given as an argument, then loads and authorises.
pub async fn require_by_global_id(
    db: &impl ConnectionTrait,
    rc: &RequestCtx,
    id: &str,
    action: WorkspaceAction<'_>,
) -> AppResult<Found> {
    let id = ids::decode(NodeType::Workspace, id)?;
    require(db, rc, id, action).await
}

pub struct NewWorkspace {
    pub name: String,
    pub description: Option<String>,
    pub default_tlp: Tlp,
    pub restricted_to_kinds: Option<Vec<OrganizationKind>>,
}

#[tracing::instrument(skip_all)]
pub async fn create(
    db: &DatabaseConnection,
    rc: &RequestCtx,
    new: NewWorkspace,
) -> AppResult<Found> {
    policy::authorize_create_workspace(&rc.viewer)?;
    let (creator, creator_kind) = match rc.viewer.account() {
        Some(account) => (account.user_id(), account.organization.kind),
        None => return Err(AppError::Unauthenticated("sign in to do this")),
    };
    let name = normalize_name(&new.name)?;
    let description = normalize_description(new.description.as_deref().unwrap_or(""))?;
    let default_tlp = check_default_tlp(new.default_tlp)?;
    let restricted = kinds::to_stored(new.restricted_to_kinds.as_deref());
    if kinds::parse_stored(restricted.as_deref()).is_some_and(|k| !k.contains(&creator_kind)) {
        return Err(AppError::bad_input(
            "restrictedToKinds",
            "must include the kind of your own organisation",
        ));
    }
    let now = crate::db::now();
    let txn = crate::db::begin_write(db).await?;
    let workspace = workspace::ActiveModel {
        id: Set(Uuid::now_v7()),
        name: Set(name),
        description: Set(description),
        default_tlp: Set(default_tlp),
        restricted_to_kinds: Set(restricted),
        required_programme_id: Set(None),
        created_by: Set(creator),
        created_at: Set(now),
        updated_at: Set(now),
        archived_at: Set(None),
    }
    .insert(&txn)
    .await?;
    workspace_member::ActiveModel {
        workspace_id: Set(workspace.id),
        user_id: Set(creator),
        role: Set(WorkspaceRole::Owner),
        joined_at: Set(now),
    }
    .insert(&txn)
    .await?;
    audit::record_in(
        &txn,
        rc,
        workspace.id,
        Entry {
            action: "workspace.create",
            target_type: "workspace",
            target_id: Some(workspace.id),
            details: json!({
                "name": workspace.name,
                "defaultTlp": workspace.default_tlp,
                "restrictedToKinds": workspace.restricted_to_kinds,
            }),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(Found {
        workspace,
        role: Some(WorkspaceRole::Owner),
    })
}

pub struct WorkspaceChanges {
    pub name: Option<String>,
    pub description: Option<String>,
    pub default_tlp: Option<Tlp>,
    /// `Some(None)` or `Some(Some([]))` lifts the restriction.
    pub restricted_to_kinds: Option<Option<Vec<OrganizationKind>>>,
    /// `Some(None)` lifts the requirement.
    pub required_programme_id: Option<Option<String>>,
}

/// Kinds of the organisations of the current members.
async fn member_kinds(
    db: &impl ConnectionTrait,
    workspace_id: Uuid,
) -> AppResult<Vec<OrganizationKind>> {
    let members = workspace_member::Entity::find()
        .filter(workspace_member::Column::WorkspaceId.eq(workspace_id))
        .all(db)
        .await?;
    let users = user_account::Entity::find()
        .filter(user_account::Column::Id.is_in(members.iter().map(|m| m.user_id)))
        .all(db)
        .await?;
    let orgs = organization::Entity::find()
        .filter(organization::Column::Id.is_in(users.iter().map(|u| u.organization_id)))
        .all(db)
        .await?;
    Ok(orgs.into_iter().map(|o| o.kind).collect())
}

#[tracing::instrument(skip_all)]
pub async fn update(
    db: &DatabaseConnection,
    rc: &RequestCtx,
    id: &str,
    changes: WorkspaceChanges,
) -> AppResult<Found> {
    let name = changes.name.as_deref().map(normalize_name).transpose()?;
    let description = changes
        .description
        .as_deref()
        .map(normalize_description)
        .transpose()?;
    let default_tlp = changes.default_tlp.map(check_default_tlp).transpose()?;
    let txn = crate::db::begin_write(db).await?;
    let found = require_by_global_id(&txn, rc, id, WorkspaceAction::Manage).await?;
    if found.workspace.archived_at.is_some() {
        return Err(AppError::conflict("the workspace is archived"));
    }
    let mut active: workspace::ActiveModel = found.workspace.clone().into();
    let mut details = serde_json::Map::new();
    if let Some(name) = name {
        details.insert("name".into(), json!(name));
        active.name = Set(name);
    }
    if let Some(description) = description {
        details.insert("description".into(), json!(description));
        active.description = Set(description);
    }
    if let Some(kinds) = changes.restricted_to_kinds {
        let stored = kinds::to_stored(kinds.as_deref());
        if let Some(admitted) = kinds::parse_stored(stored.as_deref())
            && member_kinds(&txn, found.workspace.id)
                .await?
                .iter()
                .any(|k| !admitted.contains(k))
        {
            return Err(AppError::conflict(
                "members of other organisation kinds are in the workspace",
            ));
        }
        details.insert("restrictedToKinds".into(), json!(stored));
        active.restricted_to_kinds = Set(stored);
    }
    if let Some(required) = changes.required_programme_id {
        let required = match required {
            Some(id) => {
                Some(crate::training::gate::requirable(&txn, rc, &id, found.workspace.id).await?)
            }
            None => None,
        };
        details.insert("requiredProgramme".into(), json!(required));
        active.required_programme_id = Set(required);
    }
    if let Some(tlp) = default_tlp {
        details.insert("defaultTlp".into(), json!(tlp));
        active.default_tlp = Set(tlp);
        // Everything in the workspace is at least as strict as the workspace.
        let weaker: Vec<Tlp> = Tlp::iter().filter(|t| *t < tlp).collect();
        thread::Entity::update_many()
            .col_expr(thread::Column::Tlp, Expr::value(tlp))
            .filter(thread::Column::WorkspaceId.eq(found.workspace.id))
            .filter(thread::Column::Tlp.is_in(weaker))
            .exec(&txn)
            .await?;
    }
    active.updated_at = Set(crate::db::now());
    let workspace = active.update(&txn).await?;
    audit::record_in(
        &txn,
        rc,
        workspace.id,
        Entry {
            action: "workspace.update",
            target_type: "workspace",
            target_id: Some(workspace.id),
            details: serde_json::Value::Object(details),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(Found {
        workspace,
        role: found.role,
    })
}

#[tracing::instrument(skip_all)]
pub async fn archive(db: &DatabaseConnection, rc: &RequestCtx, id: &str) -> AppResult<Found> {
    let txn = crate::db::begin_write(db).await?;
    let found = require_by_global_id(&txn, rc, id, WorkspaceAction::Manage).await?;
    if found.workspace.archived_at.is_some() {
        return Ok(found);
    }
    let mut active: workspace::ActiveModel = found.workspace.clone().into();
    let now = crate::db::now();
    active.archived_at = Set(Some(now));
    active.updated_at = Set(now);
    let workspace = active.update(&txn).await?;
    audit::record_in(
        &txn,
        rc,
        workspace.id,
        Entry {
            action: "workspace.archive",
            target_type: "workspace",
            target_id: Some(workspace.id),
            details: json!({}),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(Found {
        workspace,
        role: found.role,
    })
}

/// The workspaces the viewer belongs to, oldest first.
pub async fn list(db: &impl ConnectionTrait, rc: &RequestCtx, page: Page) -> AppResult<Vec<Found>> {
    let Some(user) = policy::content_reader(&rc.viewer)? else {
        return Ok(Vec::new());
    };
    let workspaces = page
        .apply(
            workspace::Entity::find().filter(policy::member_of(user)),
            workspace::Column::Id,
            Order::Oldest,
        )
        .all(db)
        .await?;
    let roles = workspace_member::Entity::find()
        .filter(workspace_member::Column::UserId.eq(user))
        .filter(workspace_member::Column::WorkspaceId.is_in(workspaces.iter().map(|w| w.id)))
        .all(db)
        .await?;
    Ok(workspaces
        .into_iter()
        .map(|workspace| {
            let role = roles
                .iter()
                .find(|m| m.workspace_id == workspace.id)
                .map(|m| m.role);
            Found { workspace, role }
        })
        .collect())
}

/// Members of a workspace the viewer may read, in the order they joined (by user id).
pub async fn members(
    db: &impl ConnectionTrait,
    found: &Found,
    page: Page,
) -> AppResult<Vec<workspace_member::Model>> {
    Ok(page
        .apply(
            workspace_member::Entity::find()
                .filter(workspace_member::Column::WorkspaceId.eq(found.workspace.id)),
            workspace_member::Column::UserId,
            Order::Oldest,
        )
        .all(db)
        .await?)
}

async fn owner_count(db: &impl ConnectionTrait, workspace_id: Uuid) -> AppResult<u64> {
    Ok(workspace_member::Entity::find()
        .filter(workspace_member::Column::WorkspaceId.eq(workspace_id))
        .filter(workspace_member::Column::Role.eq(WorkspaceRole::Owner))
        .count(db)
        .await?)
}

async fn member(
    db: &impl ConnectionTrait,
    workspace_id: Uuid,
    user_id: &str,
) -> AppResult<workspace_member::Model> {
    let user_id = ids::decode_reference(
        NodeType::User,
        user_id,
        "userId",
        "not a member of the workspace",
    )?;
    workspace_member::Entity::find_by_id((workspace_id, user_id))
        .one(db)
        .await?
        .ok_or_else(|| AppError::bad_input("userId", "not a member of the workspace"))
}

#[tracing::instrument(skip_all)]
pub async fn change_member_role(
    db: &DatabaseConnection,
    rc: &RequestCtx,
    workspace_id: &str,
    user_id: &str,
    role: WorkspaceRole,
) -> AppResult<workspace_member::Model> {
    let txn = crate::db::begin_write(db).await?;
    let found = require_by_global_id(&txn, rc, workspace_id, WorkspaceAction::Manage).await?;
    let current = member(&txn, found.workspace.id, user_id).await?;
    if current.role == role {
        return Ok(current);
    }
    if current.role == WorkspaceRole::Owner && owner_count(&txn, found.workspace.id).await? <= 1 {
        return Err(AppError::conflict(
            "the workspace needs an owner: make another member owner first",
        ));
    }
    let previous = current.role;
    let mut active: workspace_member::ActiveModel = current.into();
    active.role = Set(role);
    let updated = active.update(&txn).await?;
    realtime::record(
        &txn,
        [NewEvent::member(
            EventKind::MemberRoleChanged,
            found.workspace.id,
            updated.user_id,
            Some(role),
        )],
    )
    .await?;
    audit::record_in(
        &txn,
        rc,
        found.workspace.id,
        Entry {
            action: "workspace.member.role",
            target_type: "user",
            target_id: Some(updated.user_id),
            details: json!({ "from": previous, "to": role }),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(updated)
}

async fn delete_member(
    db: &impl ConnectionTrait,
    rc: &RequestCtx,
    found: &Found,
    member: workspace_member::Model,
    action: &'static str,
    kind: EventKind,
) -> AppResult<()> {
    if member.role == WorkspaceRole::Owner && owner_count(db, found.workspace.id).await? <= 1 {
        return Err(AppError::conflict(
            "the last owner cannot leave: make another member owner first",
        ));
    }
    workspace_member::Entity::delete_by_id((member.workspace_id, member.user_id))
        .exec(db)
        .await?;
    realtime::record(
        db,
        [NewEvent::member(
            kind,
            member.workspace_id,
            member.user_id,
            None,
        )],
    )
    .await?;
    audit::record_in(
        db,
        rc,
        found.workspace.id,
        Entry {
            action,
            target_type: "user",
            target_id: Some(member.user_id),
            details: json!({ "role": member.role }),
        },
    )
    .await
}

#[tracing::instrument(skip_all)]
pub async fn remove_member(
    db: &DatabaseConnection,
    rc: &RequestCtx,
    workspace_id: &str,
    user_id: &str,
) -> AppResult<Found> {
    let txn = crate::db::begin_write(db).await?;
    let found = require_by_global_id(&txn, rc, workspace_id, WorkspaceAction::Manage).await?;
    let member = member(&txn, found.workspace.id, user_id).await?;
    // An owner removing themselves: the last owner stays (as when leaving); another leaves
    // with `leaveWorkspace`, as the answer here is the workspace they could no longer see.
    if Some(member.user_id) == rc.viewer.user_id() {
        if owner_count(&txn, found.workspace.id).await? <= 1 {
            return Err(AppError::conflict(
                "the last owner cannot leave: make another member owner first",
            ));
        }
        return Err(AppError::bad_input(
            "userId",
            "to leave the workspace yourself, use leaveWorkspace",
        ));
    }
    delete_member(
        &txn,
        rc,
        &found,
        member,
        "workspace.member.remove",
        EventKind::MemberRemoved,
    )
    .await?;
    txn.commit().await?;
    Ok(found)
}

#[tracing::instrument(skip_all)]
pub async fn leave(db: &DatabaseConnection, rc: &RequestCtx, workspace_id: &str) -> AppResult<()> {
    let txn = crate::db::begin_write(db).await?;
    let found = require_by_global_id(&txn, rc, workspace_id, WorkspaceAction::Leave).await?;
    let me = rc.viewer.user_id().ok_or(AppError::NotFound)?;
    let member = workspace_member::Entity::find_by_id((found.workspace.id, me))
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    delete_member(
        &txn,
        rc,
        &found,
        member,
        "workspace.leave",
        EventKind::MemberLeft,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Adds a member (accepting an invitation); the caller has checked the invitation.
pub async fn add_member(
    db: &impl ConnectionTrait,
    workspace_id: Uuid,
    user_id: Uuid,
    role: WorkspaceRole,
) -> AppResult<()> {
    workspace_member::ActiveModel {
        workspace_id: Set(workspace_id),
        user_id: Set(user_id),
        role: Set(role),
        joined_at: Set(crate::db::now()),
    }
    .insert(db)
    .await?;
    realtime::record(
        db,
        [NewEvent::member(
            EventKind::MemberJoined,
            workspace_id,
            user_id,
            Some(role),
        )],
    )
    .await
}

/// Whether an account may be invited into or join a workspace: active, of a verified
/// organisation of an admitted kind.
pub fn admissible(
    workspace: &workspace::Model,
    user: &user_account::Model,
    organization: &organization::Model,
) -> bool {
    user.status == UserStatus::Active
        && organization.verified
        && policy::kind_admitted(workspace, organization.kind)
}

/// The members among `users` (one query), for mention and recipient checks.
pub async fn members_among(
    db: &impl ConnectionTrait,
    workspace_id: Uuid,
    users: impl IntoIterator<Item = Uuid>,
) -> AppResult<Vec<Uuid>> {
    Ok(workspace_member::Entity::find()
        .filter(workspace_member::Column::WorkspaceId.eq(workspace_id))
        .filter(workspace_member::Column::UserId.is_in(users))
        .all(db)
        .await?
        .into_iter()
        .map(|m| m.user_id)
        .collect())
}
