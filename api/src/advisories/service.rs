//! Finding advisories (through the access policy), starting them, their authors, and lists.

use entities::{
    AdvisoryStatus, EventKind, NotificationKind, Severity, Tlp, advisory, advisory_author,
    advisory_revision, advisory_signoff, workspace, workspace_member,
};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait,
    DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};
use serde_json::json;
use uuid::Uuid;

use super::content::AdvisoryContent;
use crate::{
    audit::service::{self as audit, Entry},
    auth::policy::{self, AdvisoryAction, AdvisoryStanding},
    context::RequestCtx,
    error::{AppError, AppResult},
    ids::{self, NodeType},
    notifications::service::{self as notifications, Notice},
    pagination::{Order, Page},
    realtime::{self, NewEvent},
};

/// Most authors on one advisory.
pub const MAX_AUTHORS: usize = 30;
/// Most bytes one revision's content takes, as stored (every revision stores all of it).
pub const MAX_CONTENT_BYTES: usize = 1_000_000;

/// An advisory the viewer may read, with their relation to it.
#[derive(Debug, Clone)]
pub struct AdvisoryFound {
    pub advisory: advisory::Model,
    pub workspace: workspace::Model,
    /// The viewer's role in the advisory's workspace.
    pub role: Option<entities::WorkspaceRole>,
    pub authors: Vec<advisory_author::Model>,
    /// Who asked.
    pub viewer: Option<Uuid>,
}

impl AdvisoryFound {
    pub fn standing(&self) -> AdvisoryStanding<'_> {
        AdvisoryStanding {
            advisory: &self.advisory,
            role: self.role,
            archived: self.workspace.archived_at.is_some(),
            author: self.author_of(self.viewer_id()).is_some(),
        }
    }

    fn viewer_id(&self) -> Option<Uuid> {
        self.viewer
    }

    /// The author entry of `user`, if they are one.
    pub fn author_of(&self, user: Option<Uuid>) -> Option<&advisory_author::Model> {
        let user = user?;
        self.authors.iter().find(|a| a.user_id == user)
    }

    /// The organisations that sign off: those of its authors, the lead's first.
    pub fn signing_organizations(&self) -> Vec<Uuid> {
        let mut orgs = vec![self.advisory.lead_organization_id];
        for author in &self.authors {
            if !orgs.contains(&author.organization_id) {
                orgs.push(author.organization_id);
            }
        }
        orgs
    }
}

/// Loads an advisory and the viewer's relation to it, deciding nothing. With `lock`, the
/// advisory's row is locked until the transaction ends (PostgreSQL `FOR UPDATE`; SQLite's
/// write transactions run one at a time anyway), so that changes to one advisory — two
/// organisations signing off at once, a save and a sign-off — are decided one after the
/// other, each seeing the other's result.
async fn load_with(
    db: &impl ConnectionTrait,
    rc: &RequestCtx,
    id: Uuid,
    lock: bool,
) -> AppResult<AdvisoryFound> {
    let mut select = advisory::Entity::find_by_id(id);
    if lock && db.get_database_backend() == sea_orm::DatabaseBackend::Postgres {
        select = select.lock_exclusive();
    }
    let advisory = select.one(db).await?.ok_or(AppError::NotFound)?;
    let workspace = workspace::Entity::find_by_id(advisory.workspace_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let viewer = rc.viewer.user_id();
    let role = match viewer {
        Some(user) => workspace_member::Entity::find_by_id((workspace.id, user))
            .one(db)
            .await?
            .map(|m| m.role),
        None => None,
    };
    let authors = authors_of(db, id).await?;
    Ok(AdvisoryFound {
        advisory,
        workspace,
        role,
        authors,
        viewer,
    })
}

async fn load(db: &impl ConnectionTrait, rc: &RequestCtx, id: Uuid) -> AppResult<AdvisoryFound> {
    load_with(db, rc, id, false).await
}

pub async fn authors_of(
    db: &impl ConnectionTrait,
    advisory: Uuid,
) -> AppResult<Vec<advisory_author::Model>> {
    Ok(advisory_author::Entity::find()
        .filter(advisory_author::Column::AdvisoryId.eq(advisory))
        .order_by_desc(advisory_author::Column::Lead)
        .order_by_asc(advisory_author::Column::AddedAt)
        .limit(MAX_AUTHORS as u64 + 1)
        .all(db)
        .await?)
}

/// Loads an advisory and checks that the viewer may do `action` with it. For a change (any
/// action but reading or exporting) the advisory's row stays locked until the caller's
/// transaction ends.
pub async fn require(
    db: &impl ConnectionTrait,
    rc: &RequestCtx,
    id: Uuid,
    action: AdvisoryAction<'_>,
) -> AppResult<AdvisoryFound> {
    let change = !matches!(
        action,
        AdvisoryAction::Read | AdvisoryAction::ReadHistory | AdvisoryAction::Export { .. }
    );
    let found = load_with(db, rc, id, change).await?;
    policy::authorize_advisory(&rc.viewer, found.standing(), action)?;
    Ok(found)
}

pub async fn require_by_global_id(
    db: &impl ConnectionTrait,
    rc: &RequestCtx,
    id: &str,
    action: AdvisoryAction<'_>,
) -> AppResult<AdvisoryFound> {
    let id = ids::decode(NodeType::Advisory, id)?;
    require(db, rc, id, action).await
}

/// Loads an advisory the viewer may read and locks its row until the transaction ends (for
/// a change elsewhere that depends on its state, such as an alert issued from it).
pub async fn require_readable_locked(
    db: &impl ConnectionTrait,
    rc: &RequestCtx,
    id: &str,
) -> AppResult<AdvisoryFound> {
    let id = ids::decode(NodeType::Advisory, id)?;
    let found = load_with(db, rc, id, true).await?;
    policy::authorize_advisory(&rc.viewer, found.standing(), AdvisoryAction::Read)?;
    Ok(found)
}

pub async fn get(db: &impl ConnectionTrait, rc: &RequestCtx, id: Uuid) -> AppResult<AdvisoryFound> {
    require(db, rc, id, AdvisoryAction::Read).await
}

/// The content of one revision (that the caller knows exists).
pub async fn content_of(
    db: &impl ConnectionTrait,
    advisory: Uuid,
    number: i32,
) -> AppResult<(advisory_revision::Model, AdvisoryContent)> {
    let revision = advisory_revision::Entity::find_by_id((advisory, number))
        .one(db)
        .await?
        .ok_or_else(|| {
            AppError::Internal(anyhow::anyhow!(
                "advisory {advisory} has no revision {number}"
            ))
        })?;
    let content = parse_content(&revision)?;
    Ok((revision, content))
}

pub fn parse_content(revision: &advisory_revision::Model) -> AppResult<AdvisoryContent> {
    serde_json::from_value(revision.content.clone()).map_err(|e| {
        AppError::Internal(anyhow::anyhow!(
            "advisory {} revision {} does not parse: {e}",
            revision.advisory_id,
            revision.number
        ))
    })
}

/// Whether the advisory's content may still change.
pub fn ensure_editable(advisory: &advisory::Model) -> AppResult<()> {
    match advisory.status {
        AdvisoryStatus::Draft | AdvisoryStatus::InReview | AdvisoryStatus::Approved => Ok(()),
        AdvisoryStatus::Published => Err(AppError::conflict(
            "a published advisory is not edited: withdraw it and write a new one",
        )),
        AdvisoryStatus::Withdrawn => Err(AppError::conflict("the advisory is withdrawn")),
    }
}

/// The content a new advisory starts with.
pub struct NewAdvisory {
    pub workspace_id: String,
    pub title: String,
    pub summary: Option<String>,
    pub body: Option<String>,
    pub severity: Option<Severity>,
    pub tlp: Option<Tlp>,
}

#[tracing::instrument(skip_all)]
pub async fn create(
    db: &DatabaseConnection,
    rc: &RequestCtx,
    new: NewAdvisory,
) -> AppResult<AdvisoryFound> {
    let txn = crate::db::begin_write(db).await?;
    let workspace_id = ids::decode(NodeType::Workspace, &new.workspace_id)?;
    let workspace = workspace::Entity::find_by_id(workspace_id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    let me = rc.viewer.user_id().ok_or(AppError::NotFound)?;
    let role = workspace_member::Entity::find_by_id((workspace_id, me))
        .one(&txn)
        .await?
        .map(|m| m.role);
    policy::authorize_create_advisory(&rc.viewer, role, workspace.archived_at.is_some())?;
    let organization = rc.viewer.organization_id().ok_or(AppError::NotFound)?;
    let content = super::validate::normalize(AdvisoryContent {
        title: new.title,
        summary: new.summary.unwrap_or_default(),
        body: new.body.unwrap_or_default(),
        severity: new.severity.unwrap_or(Severity::Medium),
        cvss_vector: None,
        tlp: new.tlp.unwrap_or(workspace.default_tlp),
        cves: Vec::new(),
        affected_products: Vec::new(),
        indicators: Vec::new(),
        recommendations: String::new(),
        references: Vec::new(),
        credits: Vec::new(),
    })?;
    let now = crate::db::now();
    let id = Uuid::now_v7();
    let advisory = advisory::ActiveModel {
        id: Set(id),
        workspace_id: Set(workspace_id),
        lead_author_id: Set(me),
        lead_organization_id: Set(organization),
        status: Set(AdvisoryStatus::Draft),
        revision: Set(1),
        title: Set(content.title.clone()),
        tlp: Set(content.tlp),
        severity: Set(content.severity),
        audience: Set(None),
        reference: Set(None),
        published_at: Set(None),
        published_revision: Set(None),
        withdrawn_at: Set(None),
        withdrawn_reason: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&txn)
    .await?;
    advisory_author::ActiveModel {
        advisory_id: Set(id),
        user_id: Set(me),
        organization_id: Set(organization),
        lead: Set(true),
        added_at: Set(now),
    }
    .insert(&txn)
    .await?;
    insert_revision(&txn, id, 1, me, &content).await?;
    // A RED advisory's title is for its named recipients only, not for everyone who reads
    // the workspace's audit log.
    let details = if content.tlp == Tlp::Red {
        json!({ "tlp": content.tlp })
    } else {
        json!({ "title": content.title, "tlp": content.tlp })
    };
    record_change(
        &txn,
        rc,
        &advisory,
        vec![EventKind::AdvisoryCreated],
        "advisory.create",
        details,
    )
    .await?;
    let found = load(&txn, rc, id).await?;
    txn.commit().await?;
    Ok(found)
}

pub async fn insert_revision(
    db: &impl ConnectionTrait,
    advisory: Uuid,
    number: i32,
    author: Uuid,
    content: &AdvisoryContent,
) -> AppResult<()> {
    let content = serde_json::to_value(content)
        .map_err(|e| AppError::Internal(anyhow::anyhow!("advisory content: {e}")))?;
    if content.to_string().len() > MAX_CONTENT_BYTES {
        return Err(AppError::bad_input(
            "changes",
            format!(
                "an advisory's content may take at most {} KB",
                MAX_CONTENT_BYTES / 1000
            ),
        ));
    }
    advisory_revision::ActiveModel {
        advisory_id: Set(advisory),
        number: Set(number),
        author_id: Set(author),
        content: Set(content),
        created_at: Set(crate::db::now()),
    }
    .insert(db)
    .await?;
    Ok(())
}

/// Records a change to an advisory made by the viewer: its realtime events (`kinds`, in
/// order) and its entry in the workspace's audit log, on the change's transaction.
pub async fn record_change(
    db: &impl ConnectionTrait,
    rc: &RequestCtx,
    advisory: &advisory::Model,
    kinds: Vec<EventKind>,
    action: &'static str,
    details: serde_json::Value,
) -> AppResult<()> {
    let actor = rc.viewer.user_id();
    realtime::record(
        db,
        kinds
            .into_iter()
            .map(|kind| NewEvent::advisory(kind, advisory, actor)),
    )
    .await?;
    audit::record_in(
        db,
        rc,
        advisory.workspace_id,
        Entry {
            action,
            target_type: "advisory",
            target_id: Some(advisory.id),
            details,
        },
    )
    .await
}

/// The organisations that have signed off the current revision.
pub async fn signed_off(
    db: &impl ConnectionTrait,
    advisory: &advisory::Model,
) -> AppResult<Vec<advisory_signoff::Model>> {
    Ok(advisory_signoff::Entity::find()
        .filter(advisory_signoff::Column::AdvisoryId.eq(advisory.id))
        .filter(advisory_signoff::Column::Revision.eq(advisory.revision))
        .limit(MAX_AUTHORS as u64 + 1)
        .all(db)
        .await?)
}

/// `IN_REVIEW` or `APPROVED`, from the sign-offs of the current revision (other states are
/// kept).
pub async fn review_status(
    db: &impl ConnectionTrait,
    found: &AdvisoryFound,
) -> AppResult<AdvisoryStatus> {
    if !matches!(
        found.advisory.status,
        AdvisoryStatus::InReview | AdvisoryStatus::Approved
    ) {
        return Ok(found.advisory.status);
    }
    let signed: Vec<Uuid> = signed_off(db, &found.advisory)
        .await?
        .into_iter()
        .map(|s| s.organization_id)
        .collect();
    let all = found
        .signing_organizations()
        .iter()
        .all(|org| signed.contains(org));
    Ok(if all {
        AdvisoryStatus::Approved
    } else {
        AdvisoryStatus::InReview
    })
}

/// Asks the authors (but the actor) to sign off.
pub async fn request_sign_off(
    db: &impl ConnectionTrait,
    rc: &RequestCtx,
    found: &AdvisoryFound,
) -> AppResult<()> {
    let mut notice = Notice::new(NotificationKind::SignOffRequested);
    notice.actor_id = rc.viewer.user_id();
    notice.workspace_id = Some(found.workspace.id);
    notice.advisory_id = Some(found.advisory.id);
    notifications::create(db, found.authors.iter().map(|a| a.user_id), notice).await
}

/// Adds a co-author: a contributor of the workspace. Their organisation joins the sign-off
/// list. Lead author.
#[tracing::instrument(skip_all)]
pub async fn add_co_author(
    db: &DatabaseConnection,
    rc: &RequestCtx,
    id: &str,
    user_id: &str,
) -> AppResult<AdvisoryFound> {
    let txn = crate::db::begin_write(db).await?;
    let found = require_by_global_id(&txn, rc, id, AdvisoryAction::ManageAuthors).await?;
    ensure_editable(&found.advisory)?;
    let refusal = "co-authors must be contributors of the advisory's workspace";
    let user = ids::decode_reference(NodeType::User, user_id, "userId", refusal)?;
    if found.author_of(Some(user)).is_some() {
        return Ok(found);
    }
    if found.authors.len() >= MAX_AUTHORS {
        return Err(AppError::bad_input(
            "userId",
            format!("an advisory has at most {MAX_AUTHORS} authors"),
        ));
    }
    let member = workspace_member::Entity::find_by_id((found.workspace.id, user))
        .one(&txn)
        .await?
        .filter(|m| m.role >= entities::WorkspaceRole::Contributor)
        .ok_or_else(|| AppError::bad_input("userId", refusal))?;
    let account = entities::user_account::Entity::find_by_id(member.user_id)
        .one(&txn)
        .await?
        .filter(|u| u.status == entities::UserStatus::Active)
        .ok_or_else(|| AppError::bad_input("userId", refusal))?;
    // Their organisation signs off: it must be one the alliance has verified.
    entities::organization::Entity::find_by_id(account.organization_id)
        .one(&txn)
        .await?
        .filter(|o| o.verified)
        .ok_or_else(|| AppError::bad_input("userId", refusal))?;
    advisory_author::ActiveModel {
        advisory_id: Set(found.advisory.id),
        user_id: Set(user),
        organization_id: Set(account.organization_id),
        lead: Set(false),
        added_at: Set(crate::db::now()),
    }
    .insert(&txn)
    .await?;
    let found = authors_changed(&txn, rc, found, "advisory.add_co_author", user).await?;
    txn.commit().await?;
    Ok(found)
}

/// Removes a co-author (never the lead). Lead author.
#[tracing::instrument(skip_all)]
pub async fn remove_co_author(
    db: &DatabaseConnection,
    rc: &RequestCtx,
    id: &str,
    user_id: &str,
) -> AppResult<AdvisoryFound> {
    let txn = crate::db::begin_write(db).await?;
    let found = require_by_global_id(&txn, rc, id, AdvisoryAction::ManageAuthors).await?;
    ensure_editable(&found.advisory)?;
    let user = ids::decode_reference(
        NodeType::User,
        user_id,
        "userId",
        "not a co-author of this advisory",
    )?;
    let author = found
        .author_of(Some(user))
        .ok_or_else(|| AppError::bad_input("userId", "not a co-author of this advisory"))?;
    if author.lead {
        return Err(AppError::bad_input(
            "userId",
            "the lead author cannot be removed",
        ));
    }
    advisory_author::Entity::delete_by_id((found.advisory.id, user))
        .exec(&txn)
        .await?;
    let found = authors_changed(&txn, rc, found, "advisory.remove_co_author", user).await?;
    txn.commit().await?;
    Ok(found)
}

/// After the authors changed: the sign-off list changed with them, so the review status is
/// decided again; events, notifications and the audit entry.
async fn authors_changed(
    db: &impl ConnectionTrait,
    rc: &RequestCtx,
    found: AdvisoryFound,
    action: &'static str,
    user: Uuid,
) -> AppResult<AdvisoryFound> {
    let mut found = load(db, rc, found.advisory.id).await?;
    let status = review_status(db, &found).await?;
    let mut kinds = vec![EventKind::AdvisoryAuthorsChanged];
    if status != found.advisory.status {
        let mut active: advisory::ActiveModel = found.advisory.clone().into();
        active.status = Set(status);
        active.updated_at = Set(crate::db::now());
        found.advisory = active.update(db).await?;
        kinds.push(EventKind::AdvisoryStatusChanged);
    }
    if found.advisory.status == AdvisoryStatus::InReview {
        request_sign_off(db, rc, &found).await?;
    }
    let details = json!({ "user": user, "status": found.advisory.status });
    record_change(db, rc, &found.advisory, kinds, action, details).await?;
    Ok(found)
}

/// Advisories of a workspace the viewer may read, newest first.
pub async fn list_in_workspace(
    db: &impl ConnectionTrait,
    rc: &RequestCtx,
    workspace: Uuid,
    status: Option<AdvisoryStatus>,
    page: Page,
) -> AppResult<Vec<advisory::Model>> {
    let me = rc.viewer.user_id().ok_or(AppError::NotFound)?;
    if !policy::reads_workspace_advisories(&rc.viewer) {
        return Ok(Vec::new());
    }
    let mut select = advisory::Entity::find()
        .filter(advisory::Column::WorkspaceId.eq(workspace))
        .filter(
            Condition::any()
                .add(advisory::Column::Tlp.ne(Tlp::Red))
                .add(
                    advisory::Column::Id.in_subquery(sea_orm::QueryTrait::into_query(
                        advisory_author::Entity::find()
                            .select_only()
                            .column(advisory_author::Column::AdvisoryId)
                            .filter(advisory_author::Column::UserId.eq(me)),
                    )),
                ),
        );
    if let Some(status) = status {
        select = select.filter(advisory::Column::Status.eq(status));
    }
    Ok(page
        .apply(select, advisory::Column::Id, Order::Newest)
        .all(db)
        .await?)
}

/// Published (and withdrawn) advisories the viewer reads as their audience, newest first.
pub async fn list_published(
    db: &impl ConnectionTrait,
    rc: &RequestCtx,
    page: Page,
) -> AppResult<Vec<advisory::Model>> {
    let select = advisory::Entity::find().filter(policy::published_for(&rc.viewer));
    Ok(page
        .apply(select, advisory::Column::Id, Order::Newest)
        .all(db)
        .await?)
}
