//! Enrolment in sessions with a waiting list, and completion.
//!
//! Every change to a session's seats runs in one write transaction that first locks the
//! session's row (PostgreSQL `FOR UPDATE`; SQLite runs write transactions one at a time):
//! so seats are counted and given one request after the other, and the capacity is never
//! exceeded however many learners enrol at once. The waiting list is ordered by `seq`,
//! given under the same lock (the order in which the requests were decided).

use entities::{
    EnrolmentStatus, NotificationKind, ProgrammeStatus, SessionStatus, enrolment, programme,
    training_session,
};
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
    sessions,
};
use crate::{
    auth::policy::{self, TrainingAction},
    context::RequestCtx,
    error::{AppError, AppResult},
    ids::{self, NodeType},
    notifications::service::{self as notifications, Notice},
    pagination::{Order, Page},
};

pub async fn confirmed_count(db: &impl ConnectionTrait, session: Uuid) -> AppResult<i64> {
    let count = enrolment::Entity::find()
        .filter(enrolment::Column::SessionId.eq(session))
        .filter(enrolment::Column::Status.eq(EnrolmentStatus::Confirmed))
        .count(db)
        .await?;
    Ok(i64::try_from(count).unwrap_or(i64::MAX))
}

fn notice(kind: NotificationKind, programme: Uuid, session: Uuid) -> Notice {
    let mut notice = Notice::new(kind);
    notice.programme_id = Some(programme);
    notice.session_id = Some(session);
    notice
}

/// Gives free seats of a scheduled session to the waiting list, first come first served,
/// telling each learner. The caller holds the session's lock.
pub async fn fill_seats(
    db: &impl ConnectionTrait,
    rc: &RequestCtx,
    programme: &programme::Model,
    session: &training_session::Model,
) -> AppResult<()> {
    if session.status != SessionStatus::Scheduled {
        return Ok(());
    }
    let free = i64::from(session.capacity) - confirmed_count(db, session.id).await?;
    if free <= 0 {
        return Ok(());
    }
    let waiting = enrolment::Entity::find()
        .filter(enrolment::Column::SessionId.eq(session.id))
        .filter(enrolment::Column::Status.eq(EnrolmentStatus::Waitlisted))
        .order_by_asc(enrolment::Column::Seq)
        .limit(u64::try_from(free).unwrap_or(0))
        .all(db)
        .await?;
    let now = crate::db::now();
    for waiting in waiting {
        let learner = waiting.user_id;
        let mut active: enrolment::ActiveModel = waiting.into();
        active.status = Set(EnrolmentStatus::Confirmed);
        active.confirmed_at = Set(Some(now));
        let promoted = active.update(db).await?;
        let mut notice = notice(
            NotificationKind::SeatFromWaitingList,
            programme.id,
            session.id,
        );
        notice.actor_id = None;
        notifications::create(db, [learner], notice).await?;
        record_change(
            db,
            rc,
            programme.id,
            "enrolment.promote",
            ("enrolment", promoted.id),
            json!({ "learner": learner, "session": session.id }),
        )
        .await?;
    }
    Ok(())
}

/// Enrols the viewer in a session: a seat if one is free, else the end of the waiting list.
#[tracing::instrument(skip_all)]
pub async fn enrol(
    db: &DatabaseConnection,
    rc: &RequestCtx,
    session_id: &str,
) -> AppResult<enrolment::Model> {
    let txn = crate::db::begin_write(db).await?;
    let (found, session) =
        service::require_session(&txn, rc, session_id, TrainingAction::Learn).await?;
    let session = sessions::lock(&txn, session.id).await?;
    if found.programme.status != ProgrammeStatus::Open {
        return Err(AppError::conflict(
            "the programme is not open for enrolment",
        ));
    }
    if session.status != SessionStatus::Scheduled {
        return Err(AppError::conflict("the session is cancelled"));
    }
    let now = crate::db::now();
    if session.starts_at <= now {
        return Err(AppError::conflict("the session has already started"));
    }
    let me = rc.viewer.user_id().ok_or(AppError::NotFound)?;
    if !programmes::prerequisites_met(&txn, me, found.programme.id).await? {
        return Err(AppError::forbidden(
            "complete this programme's prerequisites first",
        ));
    }
    let existing = enrolment::Entity::find()
        .filter(enrolment::Column::SessionId.eq(session.id))
        .filter(enrolment::Column::UserId.eq(me))
        .one(&txn)
        .await?;
    if existing
        .as_ref()
        .is_some_and(|e| e.status != EnrolmentStatus::Cancelled)
    {
        return Err(AppError::conflict("already enrolled in this session"));
    }
    let seated = confirmed_count(&txn, session.id).await? < i64::from(session.capacity);
    let seq: Option<i64> = enrolment::Entity::find()
        .select_only()
        .column_as(enrolment::Column::Seq.max(), "seq")
        .filter(enrolment::Column::SessionId.eq(session.id))
        .into_tuple::<Option<i64>>()
        .one(&txn)
        .await?
        .flatten();
    let seq = seq.unwrap_or(0) + 1;
    let status = if seated {
        EnrolmentStatus::Confirmed
    } else {
        EnrolmentStatus::Waitlisted
    };
    let confirmed_at = seated.then_some(now);
    let enrolment = match existing {
        Some(old) => {
            let mut active: enrolment::ActiveModel = old.into();
            active.status = Set(status);
            active.requested_at = Set(now);
            active.seq = Set(seq);
            active.confirmed_at = Set(confirmed_at);
            active.cancelled_at = Set(None);
            active.attended = Set(None);
            active.completed_at = Set(None);
            active.update(&txn).await?
        }
        None => {
            enrolment::ActiveModel {
                id: Set(Uuid::now_v7()),
                session_id: Set(session.id),
                user_id: Set(me),
                status: Set(status),
                requested_at: Set(now),
                seq: Set(seq),
                confirmed_at: Set(confirmed_at),
                cancelled_at: Set(None),
                attended: Set(None),
                completed_at: Set(None),
            }
            .insert(&txn)
            .await?
        }
    };
    if seated {
        // A notice of the seat, kept in the learner's list (no actor: the platform tells
        // them, so that it is not dropped as their own doing).
        notifications::create(
            &txn,
            [me],
            notice(
                NotificationKind::SeatConfirmed,
                found.programme.id,
                session.id,
            ),
        )
        .await?;
    }
    record_change(
        &txn,
        rc,
        found.programme.id,
        "enrolment.enrol",
        ("enrolment", enrolment.id),
        json!({ "session": session.id, "status": status, "seq": seq }),
    )
    .await?;
    txn.commit().await?;
    Ok(enrolment)
}

/// Cancels an enrolment (the learner's own, or a participant removed by a manager); a seat
/// it frees goes to the first on the waiting list.
async fn cancel_enrolment(
    txn: &impl ConnectionTrait,
    rc: &RequestCtx,
    found: &ProgrammeFound,
    session: &training_session::Model,
    enrolment: enrolment::Model,
    action: &'static str,
) -> AppResult<enrolment::Model> {
    if enrolment.status == EnrolmentStatus::Cancelled {
        return Ok(enrolment);
    }
    if enrolment.completed_at.is_some() {
        return Err(AppError::conflict("a completed enrolment is not cancelled"));
    }
    let was = enrolment.status;
    let mut active: enrolment::ActiveModel = enrolment.into();
    active.status = Set(EnrolmentStatus::Cancelled);
    active.cancelled_at = Set(Some(crate::db::now()));
    let enrolment = active.update(txn).await?;
    record_change(
        txn,
        rc,
        found.programme.id,
        action,
        ("enrolment", enrolment.id),
        json!({ "session": session.id, "learner": enrolment.user_id, "was": was }),
    )
    .await?;
    if was == EnrolmentStatus::Confirmed {
        fill_seats(txn, rc, &found.programme, session).await?;
    }
    Ok(enrolment)
}

/// The viewer cancels their enrolment in a session.
#[tracing::instrument(skip_all)]
pub async fn cancel(
    db: &DatabaseConnection,
    rc: &RequestCtx,
    session_id: &str,
) -> AppResult<enrolment::Model> {
    let txn = crate::db::begin_write(db).await?;
    let (found, session) =
        service::require_session(&txn, rc, session_id, TrainingAction::Learn).await?;
    let session = sessions::lock(&txn, session.id).await?;
    let me = rc.viewer.user_id().ok_or(AppError::NotFound)?;
    let enrolment = enrolment::Entity::find()
        .filter(enrolment::Column::SessionId.eq(session.id))
        .filter(enrolment::Column::UserId.eq(me))
        .one(&txn)
        .await?
        .ok_or_else(|| AppError::conflict("not enrolled in this session"))?;
    let enrolment =
        cancel_enrolment(&txn, rc, &found, &session, enrolment, "enrolment.cancel").await?;
    txn.commit().await?;
    Ok(enrolment)
}

/// Loads an enrolment, its session (locked) and programme, checking `action`.
async fn require_enrolment(
    db: &impl ConnectionTrait,
    rc: &RequestCtx,
    id: &str,
    action: TrainingAction,
) -> AppResult<(ProgrammeFound, training_session::Model, enrolment::Model)> {
    let id = ids::decode(NodeType::Enrolment, id)?;
    let enrolment = enrolment::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let session_gid = ids::encode(NodeType::TrainingSession, enrolment.session_id);
    let (found, session) =
        service::require_session(db, rc, &session_gid.0, TrainingAction::Read).await?;
    // Others' enrolments exist only for the provider and the session's instructors.
    if found
        .authorize(&rc.viewer, TrainingAction::Instruct)
        .is_err()
        && rc.viewer.user_id() != Some(enrolment.user_id)
    {
        return Err(AppError::NotFound);
    }
    found.authorize(&rc.viewer, action)?;
    let session = sessions::lock(db, session.id).await?;
    let enrolment = enrolment::Entity::find_by_id(enrolment.id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((found, session, enrolment))
}

/// A manager removes a participant (or someone waiting) from a session.
#[tracing::instrument(skip_all)]
pub async fn remove_participant(
    db: &DatabaseConnection,
    rc: &RequestCtx,
    enrolment_id: &str,
) -> AppResult<enrolment::Model> {
    let txn = crate::db::begin_write(db).await?;
    let (found, session, enrolment) =
        require_enrolment(&txn, rc, enrolment_id, TrainingAction::Manage).await?;
    let enrolment =
        cancel_enrolment(&txn, rc, &found, &session, enrolment, "enrolment.remove").await?;
    txn.commit().await?;
    Ok(enrolment)
}

/// Records whether a confirmed participant attended. Instructors of the session, managers.
#[tracing::instrument(skip_all)]
pub async fn record_attendance(
    db: &DatabaseConnection,
    rc: &RequestCtx,
    enrolment_id: &str,
    attended: bool,
) -> AppResult<enrolment::Model> {
    let txn = crate::db::begin_write(db).await?;
    let (found, session, enrolment) =
        require_enrolment(&txn, rc, enrolment_id, TrainingAction::Instruct).await?;
    if enrolment.status != EnrolmentStatus::Confirmed {
        return Err(AppError::conflict("only confirmed participants attend"));
    }
    let mut active: enrolment::ActiveModel = enrolment.into();
    active.attended = Set(Some(attended));
    let enrolment = active.update(&txn).await?;
    record_change(
        &txn,
        rc,
        found.programme.id,
        "enrolment.attendance",
        ("enrolment", enrolment.id),
        json!({ "session": session.id, "learner": enrolment.user_id, "attended": attended }),
    )
    .await?;
    txn.commit().await?;
    Ok(enrolment)
}

/// Records that a confirmed participant completed the session; for a certifying programme
/// this issues their certificate, unless they hold a valid one. Instructors, managers.
#[tracing::instrument(skip_all)]
pub async fn complete(
    db: &DatabaseConnection,
    rc: &RequestCtx,
    enrolment_id: &str,
) -> AppResult<enrolment::Model> {
    let txn = crate::db::begin_write(db).await?;
    let (found, session, enrolment) =
        require_enrolment(&txn, rc, enrolment_id, TrainingAction::Instruct).await?;
    if enrolment.status != EnrolmentStatus::Confirmed {
        return Err(AppError::conflict(
            "only confirmed participants complete a session",
        ));
    }
    if session.status == SessionStatus::Cancelled {
        return Err(AppError::conflict("the session was cancelled"));
    }
    if enrolment.attended == Some(false) {
        return Err(AppError::conflict("the participant is recorded as absent"));
    }
    if enrolment.completed_at.is_some() {
        return Ok(enrolment);
    }
    let learner = enrolment.user_id;
    let mut active: enrolment::ActiveModel = enrolment.into();
    active.completed_at = Set(Some(crate::db::now()));
    let enrolment = active.update(&txn).await?;
    record_change(
        &txn,
        rc,
        found.programme.id,
        "enrolment.complete",
        ("enrolment", enrolment.id),
        json!({ "session": session.id, "learner": learner }),
    )
    .await?;
    let programme = &found.programme;
    let certifying =
        programme.certifying || programme.format == entities::ProgrammeFormat::Certification;
    // The programme's row is taken so that two sessions completed at once cannot both
    // issue a certificate.
    programmes::lock(&txn, programme.id).await?;
    if certifying && programmes::may_auto_certify(&txn, learner, programme.id).await? {
        certificates::issue(&txn, rc, programme, learner, Some(session.id)).await?;
    }
    txn.commit().await?;
    Ok(enrolment)
}

/// The viewer's enrolments ("my training"), newest first.
pub async fn list_mine(
    db: &impl ConnectionTrait,
    rc: &RequestCtx,
    page: Page,
) -> AppResult<Vec<enrolment::Model>> {
    policy::catalogue_reader(&rc.viewer)?;
    let me = rc
        .viewer
        .user_id()
        .ok_or(AppError::Unauthenticated("sign in to do this"))?;
    let select = enrolment::Entity::find().filter(enrolment::Column::UserId.eq(me));
    Ok(page
        .apply(select, enrolment::Column::Id, Order::Newest)
        .all(db)
        .await?)
}
