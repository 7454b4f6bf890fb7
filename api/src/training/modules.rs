//! E-learning modules: kept in a dense order by their managers, marked done by learners.
//! Finishing every module of a certifying e-learning programme issues a certificate, once.

use entities::{ProgrammeFormat, ProgrammeStatus, module_completion, programme, programme_module};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
};
use serde_json::json;
use uuid::Uuid;

use super::{
    certificates,
    programmes::{self, record_change},
    service::{self, ProgrammeFound},
};
use crate::{
    auth::policy::TrainingAction,
    context::RequestCtx,
    error::{AppError, AppResult},
    ids::{self, NodeType},
};

/// Most modules in one programme.
pub const MAX_MODULES: u64 = 200;
pub const MAX_CONTENT_BYTES: usize = 200_000;

async fn lock_programme(db: &impl ConnectionTrait, id: Uuid) -> AppResult<programme::Model> {
    let mut select = programme::Entity::find_by_id(id);
    if db.get_database_backend() == sea_orm::DatabaseBackend::Postgres {
        select = select.lock_exclusive();
    }
    select.one(db).await?.ok_or(AppError::NotFound)
}

/// A module and its programme, checking `action` on the programme (locked on PostgreSQL).
async fn require_module(
    db: &impl ConnectionTrait,
    rc: &RequestCtx,
    id: &str,
    action: TrainingAction,
) -> AppResult<(ProgrammeFound, programme_module::Model)> {
    let id = ids::decode(NodeType::TrainingModule, id)?;
    let module = programme_module::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let found = ProgrammeFound::new(lock_programme(db, module.programme_id).await?);
    found.authorize(&rc.viewer, action)?;
    Ok((found, module))
}

async fn modules_of(
    db: &impl ConnectionTrait,
    programme: Uuid,
) -> AppResult<Vec<programme_module::Model>> {
    Ok(programme_module::Entity::find()
        .filter(programme_module::Column::ProgrammeId.eq(programme))
        .order_by_asc(programme_module::Column::Position)
        .all(db)
        .await?)
}

/// Writes `modules` at positions 1..=n in the given order. Positions are unique per
/// programme, so rows first move out of the way (to negative positions).
async fn renumber(db: &impl ConnectionTrait, modules: &[programme_module::Model]) -> AppResult<()> {
    for (i, module) in modules.iter().enumerate() {
        let mut active: programme_module::ActiveModel = module.clone().into();
        active.position = Set(-(i as i32) - 1);
        active.update(db).await?;
    }
    for (i, module) in modules.iter().enumerate() {
        let mut active: programme_module::ActiveModel = module.clone().into();
        active.position = Set(i as i32 + 1);
        active.update(db).await?;
    }
    Ok(())
}

#[tracing::instrument(skip_all)]
pub async fn add(
    db: &DatabaseConnection,
    rc: &RequestCtx,
    programme_id: &str,
    title: &str,
    content: &str,
    position: Option<i32>,
) -> AppResult<programme_module::Model> {
    let title = programmes::validate_title("title", title)?;
    let content = programmes::validate_markdown("content", content, MAX_CONTENT_BYTES)?;
    let txn = crate::db::begin_write(db).await?;
    let id = ids::decode(NodeType::Programme, programme_id)?;
    let found = ProgrammeFound::new(lock_programme(&txn, id).await?);
    found.authorize(&rc.viewer, TrainingAction::Manage)?;
    let mut modules = modules_of(&txn, id).await?;
    if modules.len() as u64 >= MAX_MODULES {
        return Err(AppError::bad_input(
            "programmeId",
            format!("a programme has at most {MAX_MODULES} modules"),
        ));
    }
    let count = modules.len() as i32;
    let position = match position {
        None => count + 1,
        Some(p) if (1..=count + 1).contains(&p) => p,
        Some(_) => {
            return Err(AppError::bad_input(
                "position",
                format!("must be between 1 and {}", count + 1),
            ));
        }
    };
    let now = crate::db::now();
    let module = programme_module::ActiveModel {
        id: Set(Uuid::now_v7()),
        programme_id: Set(id),
        position: Set(-(count + 1) - 1000),
        title: Set(title.clone()),
        content: Set(content),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&txn)
    .await?;
    modules.insert((position - 1) as usize, module.clone());
    renumber(&txn, &modules).await?;
    let module = programme_module::Entity::find_by_id(module.id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    record_change(
        &txn,
        rc,
        id,
        "programme.add_module",
        ("programme_module", module.id),
        json!({ "title": title, "position": position }),
    )
    .await?;
    txn.commit().await?;
    Ok(module)
}

#[tracing::instrument(skip_all)]
pub async fn update(
    db: &DatabaseConnection,
    rc: &RequestCtx,
    id: &str,
    title: Option<&str>,
    content: Option<&str>,
    position: Option<i32>,
) -> AppResult<programme_module::Model> {
    let txn = crate::db::begin_write(db).await?;
    let (found, module) = require_module(&txn, rc, id, TrainingAction::Manage).await?;
    let mut active: programme_module::ActiveModel = module.clone().into();
    if let Some(title) = title {
        active.title = Set(programmes::validate_title("title", title)?);
    }
    if let Some(content) = content {
        active.content = Set(programmes::validate_markdown(
            "content",
            content,
            MAX_CONTENT_BYTES,
        )?);
    }
    active.updated_at = Set(crate::db::now());
    let module = active.update(&txn).await?;
    if let Some(position) = position {
        let mut modules = modules_of(&txn, found.programme.id).await?;
        let count = modules.len() as i32;
        if !(1..=count).contains(&position) {
            return Err(AppError::bad_input(
                "position",
                format!("must be between 1 and {count}"),
            ));
        }
        modules.retain(|m| m.id != module.id);
        modules.insert((position - 1) as usize, module.clone());
        renumber(&txn, &modules).await?;
    }
    let module = programme_module::Entity::find_by_id(module.id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    record_change(
        &txn,
        rc,
        found.programme.id,
        "programme.update_module",
        ("programme_module", module.id),
        json!({ "position": module.position }),
    )
    .await?;
    txn.commit().await?;
    Ok(module)
}

/// Removes a module (and learners' marks of it); the others close up. Managers.
#[tracing::instrument(skip_all)]
pub async fn remove(
    db: &DatabaseConnection,
    rc: &RequestCtx,
    id: &str,
) -> AppResult<ProgrammeFound> {
    let txn = crate::db::begin_write(db).await?;
    let (found, module) = require_module(&txn, rc, id, TrainingAction::Manage).await?;
    module_completion::Entity::delete_many()
        .filter(module_completion::Column::ModuleId.eq(module.id))
        .exec(&txn)
        .await?;
    programme_module::Entity::delete_by_id(module.id)
        .exec(&txn)
        .await?;
    let modules = modules_of(&txn, found.programme.id).await?;
    renumber(&txn, &modules).await?;
    record_change(
        &txn,
        rc,
        found.programme.id,
        "programme.remove_module",
        ("programme_module", module.id),
        json!({ "title": module.title }),
    )
    .await?;
    txn.commit().await?;
    Ok(found)
}

/// Marks a module done (`done`) or not done for the viewer, a learner of the open
/// programme. Finishing every module of a certifying e-learning programme issues a
/// certificate unless the learner holds a valid one.
#[tracing::instrument(skip_all)]
pub async fn set_completed(
    db: &DatabaseConnection,
    rc: &RequestCtx,
    id: &str,
    done: bool,
) -> AppResult<(ProgrammeFound, programme_module::Model)> {
    let txn = crate::db::begin_write(db).await?;
    let (found, module) = require_module(&txn, rc, id, TrainingAction::Learn).await?;
    if done {
        let me = rc.viewer.user_id().ok_or(AppError::NotFound)?;
        if !programmes::prerequisites_met(&txn, me, found.programme.id).await? {
            return Err(AppError::forbidden(
                "complete this programme's prerequisites first",
            ));
        }
    }
    if found.programme.status != ProgrammeStatus::Open {
        return Err(AppError::conflict("the programme is not open"));
    }
    let me = rc.viewer.user_id().ok_or(AppError::NotFound)?;
    let existing = module_completion::Entity::find_by_id((module.id, me))
        .one(&txn)
        .await?;
    match (done, existing) {
        (true, None) => {
            module_completion::ActiveModel {
                module_id: Set(module.id),
                user_id: Set(me),
                completed_at: Set(crate::db::now()),
            }
            .insert(&txn)
            .await?;
        }
        (false, Some(_)) => {
            module_completion::Entity::delete_by_id((module.id, me))
                .exec(&txn)
                .await?;
        }
        // Nothing changes.
        _ => return Ok((found, module)),
    }
    let action = if done {
        "programme.complete_module"
    } else {
        "programme.uncomplete_module"
    };
    record_change(
        &txn,
        rc,
        found.programme.id,
        action,
        ("programme_module", module.id),
        json!({ "learner": me }),
    )
    .await?;
    let programme = &found.programme;
    if done && programme.format == ProgrammeFormat::ELearning && programme.certifying {
        let progress = programmes::progress(&txn, me, &[programme.id]).await?;
        let (total, completed) = progress.get(&programme.id).copied().unwrap_or((0, 0));
        if total > 0
            && completed >= total
            && programmes::may_auto_certify(&txn, me, programme.id).await?
            && programmes::prerequisites_met(&txn, me, programme.id).await?
        {
            certificates::issue(&txn, rc, programme, me, None).await?;
        }
    }
    txn.commit().await?;
    Ok((found, module))
}

/// How many modules a programme has.
pub async fn count(db: &impl ConnectionTrait, programme: Uuid) -> AppResult<u64> {
    Ok(programme_module::Entity::find()
        .filter(programme_module::Column::ProgrammeId.eq(programme))
        .select_only()
        .column(programme_module::Column::Id)
        .count(db)
        .await?)
}

/// Reads a programme for a module (for resolvers that need one).
pub async fn programme_of(
    db: &impl ConnectionTrait,
    rc: &RequestCtx,
    module: &programme_module::Model,
) -> AppResult<ProgrammeFound> {
    service::require(db, rc, module.programme_id, TrainingAction::Read).await
}
