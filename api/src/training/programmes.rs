//! Programmes: creating and editing them, opening and closing them, their prerequisites,
//! and the catalogue each viewer sees.

use std::collections::{HashMap, HashSet};

use entities::{
    EnrolmentStatus, OrganizationKind, PlatformRole, ProgrammeFormat, ProgrammeStatus,
    SessionStatus, certificate, enrolment, module_completion, programme, programme_module,
    programme_prerequisite, training_session,
};
use sea_orm::{
    ActiveEnum, ActiveModelTrait,
    ActiveValue::Set,
    ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QuerySelect, QueryTrait,
    sea_query::{Alias, Expr, ExprTrait, Func, LikeExpr, Query},
};
use serde_json::json;
use uuid::Uuid;

use super::service::{self, ProgrammeFound};
use crate::{
    audit::service::{self as audit, Entry},
    auth::policy::{self, TrainingAction},
    context::RequestCtx,
    error::{AppError, AppResult},
    ids::{self, NodeType},
    pagination::{Order, Page},
    realtime::{self, NewEvent},
};

/// Most prerequisites of one programme.
pub const MAX_PREREQUISITES: usize = 20;
pub const MAX_TITLE_CHARS: usize = 200;
pub const MAX_DESCRIPTION_BYTES: usize = 50_000;
pub const MAX_SEARCH_CHARS: usize = 200;

/// What a new programme is made of (ids still global).
pub struct NewProgramme {
    pub title: String,
    pub description: String,
    pub format: ProgrammeFormat,
    pub language: String,
    pub audience_kinds: Option<Vec<OrganizationKind>>,
    pub prerequisite_ids: Vec<String>,
    pub certifying: Option<bool>,
    pub certificate_valid_days: Option<i32>,
    pub provider_organization_id: Option<String>,
}

/// Changes to a programme; `None` keeps a field. `Some(None)` clears an optional one.
#[derive(Default)]
pub struct ProgrammeChanges {
    pub title: Option<String>,
    pub description: Option<String>,
    pub language: Option<String>,
    pub audience_kinds: Option<Option<Vec<OrganizationKind>>>,
    pub prerequisite_ids: Option<Vec<String>>,
    pub certifying: Option<bool>,
    pub certificate_valid_days: Option<Option<i32>>,
}

pub fn validate_title(field: &'static str, title: &str) -> AppResult<String> {
    let title = title.trim();
    if title.is_empty() || title.chars().count() > MAX_TITLE_CHARS {
        return Err(AppError::bad_input(
            field,
            format!("must be 1 to {MAX_TITLE_CHARS} characters"),
        ));
    }
    Ok(title.to_owned())
}

pub fn validate_markdown(field: &'static str, text: &str, max_bytes: usize) -> AppResult<String> {
    if text.len() > max_bytes {
        return Err(AppError::bad_input(
            field,
            format!("may take at most {} KB", max_bytes / 1000),
        ));
    }
    Ok(text.to_owned())
}

/// An ISO 639-1 code: two lowercase ASCII letters.
pub fn validate_language(language: &str) -> AppResult<String> {
    let language = language.trim();
    if language.len() == 2 && language.bytes().all(|b| b.is_ascii_lowercase()) {
        Ok(language.to_owned())
    } else {
        Err(AppError::bad_input(
            "language",
            "must be an ISO 639-1 code: two lowercase letters such as \"en\"",
        ))
    }
}

fn validate_valid_days(days: Option<i32>) -> AppResult<Option<i32>> {
    match days {
        Some(days) if !(1..=3650).contains(&days) => Err(AppError::bad_input(
            "certificateValidDays",
            "must be between 1 and 3650",
        )),
        other => Ok(other),
    }
}

/// Whether completing a programme of `format` issues a certificate, given what was asked.
fn certifying_for(format: ProgrammeFormat, asked: Option<bool>) -> AppResult<bool> {
    match (format, asked) {
        (ProgrammeFormat::Certification, Some(false)) => Err(AppError::bad_input(
            "certifying",
            "a CERTIFICATION programme always issues certificates",
        )),
        (ProgrammeFormat::Certification, _) => Ok(true),
        (_, asked) => Ok(asked.unwrap_or(false)),
    }
}

/// Records a change to a programme (or its modules, sessions, enrolments): its realtime
/// event and its audit entry, on the change's transaction.
pub async fn record_change(
    db: &impl ConnectionTrait,
    rc: &RequestCtx,
    programme: Uuid,
    action: &'static str,
    target: (&'static str, Uuid),
    details: serde_json::Value,
) -> AppResult<()> {
    realtime::record(db, [NewEvent::training(programme)]).await?;
    audit::record(
        db,
        rc,
        Entry {
            action,
            target_type: target.0,
            target_id: Some(target.1),
            details,
        },
    )
    .await
}

/// Decodes prerequisite ids and checks that each is a programme the viewer may see, that
/// there are not too many and that none leads back to `programme` (or is it).
async fn resolve_prerequisites(
    db: &impl ConnectionTrait,
    rc: &RequestCtx,
    programme: Option<Uuid>,
    ids_in: &[String],
) -> AppResult<Vec<Uuid>> {
    const FIELD: &str = "prerequisiteIds";
    let mut out = Vec::new();
    for id in ids_in {
        let id = ids::decode_reference(NodeType::Programme, id, FIELD, "not a programme")?;
        if !out.contains(&id) {
            out.push(id);
        }
    }
    if out.len() > MAX_PREREQUISITES {
        return Err(AppError::bad_input(
            FIELD,
            format!("a programme has at most {MAX_PREREQUISITES} prerequisites"),
        ));
    }
    for id in &out {
        if Some(*id) == programme {
            return Err(AppError::bad_input(
                FIELD,
                "a programme cannot be its own prerequisite",
            ));
        }
        service::require(db, rc, *id, TrainingAction::Read)
            .await
            .map_err(|_| AppError::bad_input(FIELD, "not a programme you can see"))?;
    }
    if let Some(programme) = programme {
        // Everything the new prerequisites require, transitively, must not include it.
        let mut seen: HashSet<Uuid> = out.iter().copied().collect();
        let mut frontier: Vec<Uuid> = out.clone();
        while !frontier.is_empty() {
            let edges = programme_prerequisite::Entity::find()
                .filter(programme_prerequisite::Column::ProgrammeId.is_in(frontier.clone()))
                .all(db)
                .await?;
            frontier.clear();
            for edge in edges {
                if edge.prerequisite_id == programme {
                    return Err(AppError::bad_input(
                        FIELD,
                        "these prerequisites would make a cycle",
                    ));
                }
                if seen.insert(edge.prerequisite_id) {
                    frontier.push(edge.prerequisite_id);
                }
            }
        }
    }
    Ok(out)
}

async fn set_prerequisites(
    db: &impl ConnectionTrait,
    programme: Uuid,
    prerequisites: &[Uuid],
) -> AppResult<()> {
    programme_prerequisite::Entity::delete_many()
        .filter(programme_prerequisite::Column::ProgrammeId.eq(programme))
        .exec(db)
        .await?;
    if prerequisites.is_empty() {
        return Ok(());
    }
    programme_prerequisite::Entity::insert_many(prerequisites.iter().map(|p| {
        programme_prerequisite::ActiveModel {
            programme_id: Set(programme),
            prerequisite_id: Set(*p),
        }
    }))
    .exec(db)
    .await?;
    Ok(())
}

#[tracing::instrument(skip_all)]
pub async fn create(
    db: &DatabaseConnection,
    rc: &RequestCtx,
    new: NewProgramme,
) -> AppResult<ProgrammeFound> {
    let me = rc
        .viewer
        .user_id()
        .ok_or(AppError::Unauthenticated("sign in to do this"))?;
    let provider = match &new.provider_organization_id {
        Some(id) => ids::decode_reference(
            NodeType::Organization,
            id,
            "providerOrganizationId",
            "not an organisation",
        )?,
        None => rc
            .viewer
            .organization_id()
            .ok_or(AppError::Unauthenticated("sign in to do this"))?,
    };
    policy::authorize_create_programme(&rc.viewer, provider)?;
    let provider_org = entities::organization::Entity::find_by_id(provider)
        .one(db)
        .await?
        .ok_or_else(|| AppError::bad_input("providerOrganizationId", "not an organisation"))?;
    if !provider_org.verified {
        return Err(AppError::bad_input(
            "providerOrganizationId",
            "a provider must be a verified organisation",
        ));
    }
    let title = validate_title("title", &new.title)?;
    let description = validate_markdown("description", &new.description, MAX_DESCRIPTION_BYTES)?;
    let language = validate_language(&new.language)?;
    let certifying = certifying_for(new.format, new.certifying)?;
    let valid_days = validate_valid_days(new.certificate_valid_days)?;
    let audience = crate::workspaces::kinds::to_stored(new.audience_kinds.as_deref());

    let txn = crate::db::begin_write(db).await?;
    let prerequisites = resolve_prerequisites(&txn, rc, None, &new.prerequisite_ids).await?;
    let now = crate::db::now();
    let id = Uuid::now_v7();
    let programme = programme::ActiveModel {
        id: Set(id),
        provider_organization_id: Set(provider),
        created_by: Set(me),
        title: Set(title.clone()),
        description: Set(description),
        format: Set(new.format),
        language: Set(language),
        audience_kinds: Set(audience),
        certifying: Set(certifying),
        certificate_valid_days: Set(valid_days),
        status: Set(ProgrammeStatus::Draft),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&txn)
    .await?;
    set_prerequisites(&txn, id, &prerequisites).await?;
    record_change(
        &txn,
        rc,
        id,
        "programme.create",
        ("programme", id),
        json!({ "title": title, "provider": provider, "format": new.format }),
    )
    .await?;
    txn.commit().await?;
    Ok(ProgrammeFound::new(programme))
}

/// Loads a programme to change it (locked on PostgreSQL), checking `Manage`.
async fn require_managed(
    db: &impl ConnectionTrait,
    rc: &RequestCtx,
    id: &str,
) -> AppResult<ProgrammeFound> {
    let id = ids::decode(NodeType::Programme, id)?;
    let mut select = programme::Entity::find_by_id(id);
    if db.get_database_backend() == sea_orm::DatabaseBackend::Postgres {
        select = select.lock_exclusive();
    }
    let programme = select.one(db).await?.ok_or(AppError::NotFound)?;
    let found = ProgrammeFound::new(programme);
    found.authorize(&rc.viewer, TrainingAction::Manage)?;
    Ok(found)
}

#[tracing::instrument(skip_all)]
pub async fn update(
    db: &DatabaseConnection,
    rc: &RequestCtx,
    id: &str,
    changes: ProgrammeChanges,
) -> AppResult<ProgrammeFound> {
    let txn = crate::db::begin_write(db).await?;
    let found = require_managed(&txn, rc, id).await?;
    let old = found.programme;
    let mut active: programme::ActiveModel = old.clone().into();
    let mut changed = Vec::new();
    if let Some(title) = &changes.title {
        active.title = Set(validate_title("title", title)?);
        changed.push("title");
    }
    if let Some(description) = &changes.description {
        active.description = Set(validate_markdown(
            "description",
            description,
            MAX_DESCRIPTION_BYTES,
        )?);
        changed.push("description");
    }
    if let Some(language) = &changes.language {
        active.language = Set(validate_language(language)?);
        changed.push("language");
    }
    if let Some(audience) = &changes.audience_kinds {
        active.audience_kinds = Set(crate::workspaces::kinds::to_stored(audience.as_deref()));
        changed.push("audienceKinds");
    }
    if changes.certifying.is_some() {
        active.certifying = Set(certifying_for(old.format, changes.certifying)?);
        changed.push("certifying");
    }
    if let Some(days) = changes.certificate_valid_days {
        active.certificate_valid_days = Set(validate_valid_days(days)?);
        changed.push("certificateValidDays");
    }
    if let Some(prerequisites) = &changes.prerequisite_ids {
        let prerequisites = resolve_prerequisites(&txn, rc, Some(old.id), prerequisites).await?;
        set_prerequisites(&txn, old.id, &prerequisites).await?;
        changed.push("prerequisiteIds");
    }
    active.updated_at = Set(crate::db::now());
    let programme = active.update(&txn).await?;
    record_change(
        &txn,
        rc,
        programme.id,
        "programme.update",
        ("programme", programme.id),
        json!({ "changed": changed }),
    )
    .await?;
    txn.commit().await?;
    Ok(ProgrammeFound::new(programme))
}

/// Opens (`DRAFT`/`CLOSED` → `OPEN`) or closes (`OPEN` → `CLOSED`) a programme. Managers.
#[tracing::instrument(skip_all)]
pub async fn set_status(
    db: &DatabaseConnection,
    rc: &RequestCtx,
    id: &str,
    to: ProgrammeStatus,
) -> AppResult<ProgrammeFound> {
    let txn = crate::db::begin_write(db).await?;
    let found = require_managed(&txn, rc, id).await?;
    let from = found.programme.status;
    let allowed = match to {
        ProgrammeStatus::Open => matches!(from, ProgrammeStatus::Draft | ProgrammeStatus::Closed),
        ProgrammeStatus::Closed => from == ProgrammeStatus::Open,
        ProgrammeStatus::Draft => false,
    };
    if !allowed {
        return Err(AppError::conflict(format!(
            "a {} programme cannot become {}",
            from.to_value(),
            to.to_value()
        )));
    }
    let mut active: programme::ActiveModel = found.programme.into();
    active.status = Set(to);
    active.updated_at = Set(crate::db::now());
    let programme = active.update(&txn).await?;
    let action = if to == ProgrammeStatus::Open {
        "programme.open"
    } else {
        "programme.close"
    };
    record_change(
        &txn,
        rc,
        programme.id,
        action,
        ("programme", programme.id),
        json!({ "from": from, "to": to }),
    )
    .await?;
    txn.commit().await?;
    Ok(ProgrammeFound::new(programme))
}

/// The filters of the catalogue.
#[derive(Debug, Default)]
pub struct CatalogueFilter {
    pub search: Option<String>,
    pub format: Option<ProgrammeFormat>,
    pub provider_id: Option<String>,
    pub language: Option<String>,
    pub with_open_seats: bool,
}

/// A LIKE pattern matching `text` literally somewhere (`\` escapes).
fn contains_pattern(text: &str) -> LikeExpr {
    let mut escaped = String::with_capacity(text.len() + 2);
    escaped.push('%');
    for c in text.chars() {
        if matches!(c, '%' | '_' | '\\') {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    escaped.push('%');
    LikeExpr::new(escaped).escape('\\')
}

/// SQL: programmes whose stored audience (space-separated kinds) is absent or names `kind`.
fn audience_admits(kind: OrganizationKind) -> Condition {
    let kind = kind.to_value();
    let exact = |pattern: String| {
        programme::Column::AudienceKinds
            .like(LikeExpr::new(pattern.replace('_', "\\_")).escape('\\'))
    };
    Condition::any()
        .add(programme::Column::AudienceKinds.is_null())
        .add(programme::Column::AudienceKinds.eq(kind.clone()))
        .add(exact(format!("{kind} %")))
        .add(exact(format!("% {kind}")))
        .add(exact(format!("% {kind} %")))
}

/// SQL: what the viewer may see of the catalogue (see the policy).
pub fn visible_to(rc: &RequestCtx) -> AppResult<Condition> {
    let kind = policy::catalogue_reader(&rc.viewer)?;
    let Some(account) = rc.viewer.account() else {
        return Err(AppError::Unauthenticated("sign in to do this"));
    };
    if account.role() == PlatformRole::Coordinator {
        return Ok(Condition::all());
    }
    let mut any = Condition::any();
    if let Some(kind) = kind {
        any = any
            .add(
                Condition::all()
                    .add(programme::Column::Status.ne(ProgrammeStatus::Draft))
                    .add(audience_admits(kind)),
            )
            .add(programme::Column::ProviderOrganizationId.eq(account.organization_id()));
    } else {
        // Unverified: nothing (the policy lets no one see anything then).
        any = any.add(Expr::val(1).eq(0));
    }
    Ok(any)
}

/// SQL: programmes with a future scheduled session that has a free seat.
fn with_open_seats() -> Condition {
    let confirmed = Query::select()
        .expr(Func::count(Expr::col((
            enrolment::Entity,
            enrolment::Column::Id,
        ))))
        .from(enrolment::Entity)
        .and_where(
            Expr::col((enrolment::Entity, enrolment::Column::SessionId))
                .equals((Alias::new("s"), training_session::Column::Id)),
        )
        .and_where(
            Expr::col((enrolment::Entity, enrolment::Column::Status))
                .eq(EnrolmentStatus::Confirmed.to_value()),
        )
        .to_owned();
    let sessions = Query::select()
        .column((Alias::new("s"), training_session::Column::ProgrammeId))
        .from_as(training_session::Entity, Alias::new("s"))
        .and_where(
            Expr::col((Alias::new("s"), training_session::Column::Status))
                .eq(SessionStatus::Scheduled.to_value()),
        )
        .and_where(
            Expr::col((Alias::new("s"), training_session::Column::StartsAt)).gt(crate::db::now()),
        )
        .and_where(
            Expr::col((Alias::new("s"), training_session::Column::Capacity))
                .gt(Expr::SubQuery(None, Box::new(confirmed.into()))),
        )
        .to_owned();
    Condition::all().add(programme::Column::Id.in_subquery(sessions))
}

/// The catalogue for the viewer, newest first.
pub async fn list(
    db: &impl ConnectionTrait,
    rc: &RequestCtx,
    filter: CatalogueFilter,
    page: Page,
) -> AppResult<Vec<programme::Model>> {
    let mut select = programme::Entity::find().filter(visible_to(rc)?);
    if let Some(search) = filter
        .search
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        if search.chars().count() > MAX_SEARCH_CHARS {
            return Err(AppError::bad_input(
                "search",
                format!("at most {MAX_SEARCH_CHARS} characters"),
            ));
        }
        let pattern = contains_pattern(&search.to_lowercase());
        select = select.filter(
            Condition::any()
                .add(
                    Expr::expr(Func::lower(Expr::col(programme::Column::Title)))
                        .like(pattern.clone()),
                )
                .add(
                    Expr::expr(Func::lower(Expr::col(programme::Column::Description)))
                        .like(pattern),
                ),
        );
    }
    if let Some(format) = filter.format {
        select = select.filter(programme::Column::Format.eq(format));
    }
    if let Some(provider) = &filter.provider_id {
        let provider = ids::decode_reference(
            NodeType::Organization,
            provider,
            "providerId",
            "not an organisation",
        )?;
        select = select.filter(programme::Column::ProviderOrganizationId.eq(provider));
    }
    if let Some(language) = &filter.language {
        select = select.filter(programme::Column::Language.eq(validate_language(language)?));
    }
    if filter.with_open_seats {
        select = select.filter(with_open_seats());
    }
    Ok(page
        .apply(select, programme::Column::Id, Order::Newest)
        .all(db)
        .await?)
}

/// Of `candidates`, the programmes `user` has completed: a valid certificate of it; or,
/// for a programme that issues none, a completed enrolment or (e-learning) every module
/// done.
pub async fn completed_programmes(
    db: &impl ConnectionTrait,
    user: Uuid,
    candidates: &[Uuid],
) -> AppResult<HashSet<Uuid>> {
    let mut done = HashSet::new();
    if candidates.is_empty() {
        return Ok(done);
    }
    let now = crate::db::now();
    let certified = certificate::Entity::find()
        .filter(certificate::Column::UserId.eq(user))
        .filter(certificate::Column::ProgrammeId.is_in(candidates.iter().copied()))
        .filter(certificate::Column::RevokedAt.is_null())
        .filter(
            Condition::any()
                .add(certificate::Column::ExpiresAt.is_null())
                .add(certificate::Column::ExpiresAt.gt(now)),
        )
        .all(db)
        .await?;
    done.extend(certified.into_iter().map(|c| c.programme_id));
    let programmes = programme::Entity::find()
        .filter(programme::Column::Id.is_in(candidates.iter().copied()))
        .filter(programme::Column::Certifying.eq(false))
        .all(db)
        .await?;
    let uncertified: Vec<Uuid> = programmes
        .iter()
        .map(|p| p.id)
        .filter(|id| !done.contains(id))
        .collect();
    if uncertified.is_empty() {
        return Ok(done);
    }
    // A completed enrolment in one of its sessions.
    let sessions = training_session::Entity::find()
        .select_only()
        .column(training_session::Column::Id)
        .filter(training_session::Column::ProgrammeId.is_in(uncertified.iter().copied()));
    let completed = enrolment::Entity::find()
        .filter(enrolment::Column::UserId.eq(user))
        .filter(enrolment::Column::CompletedAt.is_not_null())
        .filter(enrolment::Column::SessionId.in_subquery(sessions.into_query()))
        .all(db)
        .await?;
    let session_ids: Vec<Uuid> = completed.iter().map(|e| e.session_id).collect();
    if !session_ids.is_empty() {
        let sessions = training_session::Entity::find()
            .filter(training_session::Column::Id.is_in(session_ids))
            .all(db)
            .await?;
        done.extend(sessions.into_iter().map(|s| s.programme_id));
    }
    // Every module done (e-learning).
    let progress = progress(db, user, &uncertified).await?;
    for (programme, (total, completed)) in progress {
        if total > 0 && completed >= total {
            done.insert(programme);
        }
    }
    Ok(done)
}

/// For each programme: (modules, modules `user` has completed).
pub async fn progress(
    db: &impl ConnectionTrait,
    user: Uuid,
    programmes: &[Uuid],
) -> AppResult<HashMap<Uuid, (i64, i64)>> {
    let modules = programme_module::Entity::find()
        .select_only()
        .column(programme_module::Column::Id)
        .column(programme_module::Column::ProgrammeId)
        .filter(programme_module::Column::ProgrammeId.is_in(programmes.iter().copied()))
        .into_tuple::<(Uuid, Uuid)>()
        .all(db)
        .await?;
    let mut out: HashMap<Uuid, (i64, i64)> = programmes.iter().map(|p| (*p, (0, 0))).collect();
    let mut of_module = HashMap::new();
    for (module, programme) in &modules {
        out.entry(*programme).or_default().0 += 1;
        of_module.insert(*module, *programme);
    }
    if modules.is_empty() {
        return Ok(out);
    }
    let done = module_completion::Entity::find()
        .select_only()
        .column(module_completion::Column::ModuleId)
        .filter(module_completion::Column::UserId.eq(user))
        .filter(module_completion::Column::ModuleId.is_in(modules.iter().map(|(m, _)| *m)))
        .into_tuple::<Uuid>()
        .all(db)
        .await?;
    for module in done {
        if let Some(programme) = of_module.get(&module) {
            out.entry(*programme).or_default().1 += 1;
        }
    }
    Ok(out)
}

/// The prerequisites of a programme.
pub async fn prerequisites_of(db: &impl ConnectionTrait, programme: Uuid) -> AppResult<Vec<Uuid>> {
    Ok(programme_prerequisite::Entity::find()
        .select_only()
        .column(programme_prerequisite::Column::PrerequisiteId)
        .filter(programme_prerequisite::Column::ProgrammeId.eq(programme))
        .limit(MAX_PREREQUISITES as u64 + 1)
        .into_tuple::<Uuid>()
        .all(db)
        .await?)
}

/// Whether `user` has completed every prerequisite of `programme`.
pub async fn prerequisites_met(
    db: &impl ConnectionTrait,
    user: Uuid,
    programme: Uuid,
) -> AppResult<bool> {
    let required = prerequisites_of(db, programme).await?;
    let done = completed_programmes(db, user, &required).await?;
    Ok(required.iter().all(|p| done.contains(p)))
}

/// Whether completing `programme` may issue `user` a certificate by itself: not while they
/// hold a valid one, and never after one was revoked (only the provider issues again then).
pub async fn may_auto_certify(
    db: &impl ConnectionTrait,
    user: Uuid,
    programme: Uuid,
) -> AppResult<bool> {
    let revoked = certificate::Entity::find()
        .filter(certificate::Column::UserId.eq(user))
        .filter(certificate::Column::ProgrammeId.eq(programme))
        .filter(certificate::Column::RevokedAt.is_not_null())
        .one(db)
        .await?
        .is_some();
    Ok(!revoked && !super::certificates::holds_valid(db, user, programme).await?)
}

/// Locks a programme's row until the transaction ends (PostgreSQL `FOR UPDATE`; SQLite
/// writes one at a time anyway).
pub async fn lock(db: &impl ConnectionTrait, id: Uuid) -> AppResult<programme::Model> {
    let mut select = programme::Entity::find_by_id(id);
    if db.get_database_backend() == sea_orm::DatabaseBackend::Postgres {
        select = select.lock_exclusive();
    }
    select.one(db).await?.ok_or(AppError::NotFound)
}
