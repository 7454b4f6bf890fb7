//! Sessions of classroom, workshop and certification programmes: their schedule, place or
//! link, capacity and instructors; changing and cancelling them tells the enrolled.

use chrono::{DateTime, Utc};
use entities::{
    EnrolmentStatus, NotificationKind, ProgrammeFormat, SessionStatus, enrolment,
    session_instructor, training_session, user_account,
};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, QueryFilter, QuerySelect,
};
use serde_json::json;
use uuid::Uuid;

use super::{
    enrolment::fill_seats,
    programmes::record_change,
    service::{self, ProgrammeFound},
};
use crate::{
    auth::policy::TrainingAction,
    context::RequestCtx,
    error::{AppError, AppResult},
    ids::{self, NodeType},
    notifications::service::{self as notifications, Notice},
};

pub const MAX_CAPACITY: i32 = 1000;
pub const MAX_INSTRUCTORS: usize = 20;
pub const MAX_PLACE_CHARS: usize = 300;
pub const MAX_LINK_CHARS: usize = 500;

/// What a session is made of; for a change, `None` keeps a field.
#[derive(Default)]
pub struct SessionInput {
    pub starts_at: Option<DateTime<Utc>>,
    pub ends_at: Option<DateTime<Utc>>,
    pub time_zone: Option<String>,
    /// `Some(None)` clears it.
    pub place: Option<Option<String>>,
    pub online_link: Option<Option<String>>,
    pub capacity: Option<i32>,
    pub instructor_ids: Option<Vec<String>>,
}

/// An IANA time zone name in shape: `UTC`, or `Area/Location[/Sub]` of letters, digits,
/// `_`, `-`, `+` with a known area. (No time zone database is in the tree; a shape check
/// with the IANA areas refuses typos such as `Europe Amsterdam` or `CET+1`.)
pub fn validate_time_zone(zone: &str) -> AppResult<String> {
    const AREAS: [&str; 11] = [
        "Africa",
        "America",
        "Antarctica",
        "Arctic",
        "Asia",
        "Atlantic",
        "Australia",
        "Etc",
        "Europe",
        "Indian",
        "Pacific",
    ];
    let zone = zone.trim();
    let bad = || {
        AppError::bad_input(
            "timeZone",
            "must be an IANA time zone name such as \"Europe/Amsterdam\" or \"UTC\"",
        )
    };
    if zone == "UTC" {
        return Ok(zone.to_owned());
    }
    let parts: Vec<&str> = zone.split('/').collect();
    if zone.len() > 64 || !(2..=3).contains(&parts.len()) || !AREAS.contains(&parts[0]) {
        return Err(bad());
    }
    let part_ok = |p: &&str| {
        p.chars().next().is_some_and(|c| c.is_ascii_uppercase())
            && p.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '+'))
    };
    if !parts[1..].iter().all(part_ok) {
        return Err(bad());
    }
    Ok(zone.to_owned())
}

fn validate_link(link: &str) -> AppResult<String> {
    let link = link.trim();
    let parsed = url::Url::parse(link)
        .map_err(|_| AppError::bad_input("onlineLink", "must be an https URL"))?;
    if parsed.scheme() != "https" || parsed.host_str().is_none() || link.len() > MAX_LINK_CHARS {
        return Err(AppError::bad_input(
            "onlineLink",
            format!("must be an https URL of at most {MAX_LINK_CHARS} characters"),
        ));
    }
    Ok(link.to_owned())
}

fn validate_place(place: &str) -> AppResult<Option<String>> {
    let place = place.trim();
    if place.chars().count() > MAX_PLACE_CHARS {
        return Err(AppError::bad_input(
            "place",
            format!("at most {MAX_PLACE_CHARS} characters"),
        ));
    }
    Ok((!place.is_empty()).then(|| place.to_owned()))
}

/// Instructors: members of the provider organisation, active.
async fn resolve_instructors(
    db: &impl ConnectionTrait,
    provider: Uuid,
    ids_in: &[String],
) -> AppResult<Vec<Uuid>> {
    const FIELD: &str = "instructorIds";
    let refusal = "instructors are members of the provider organisation";
    let mut out = Vec::new();
    for id in ids_in {
        let id = ids::decode_reference(NodeType::User, id, FIELD, refusal)?;
        if !out.contains(&id) {
            out.push(id);
        }
    }
    if out.len() > MAX_INSTRUCTORS {
        return Err(AppError::bad_input(
            FIELD,
            format!("a session has at most {MAX_INSTRUCTORS} instructors"),
        ));
    }
    if out.is_empty() {
        return Ok(out);
    }
    let found = user_account::Entity::find()
        .filter(user_account::Column::Id.is_in(out.clone()))
        .filter(user_account::Column::OrganizationId.eq(provider))
        .filter(user_account::Column::Status.eq(entities::UserStatus::Active))
        .all(db)
        .await?;
    if found.len() != out.len() {
        return Err(AppError::bad_input(FIELD, refusal));
    }
    Ok(out)
}

async fn set_instructors(
    db: &impl ConnectionTrait,
    session: Uuid,
    users: &[Uuid],
) -> AppResult<()> {
    session_instructor::Entity::delete_many()
        .filter(session_instructor::Column::SessionId.eq(session))
        .exec(db)
        .await?;
    if users.is_empty() {
        return Ok(());
    }
    session_instructor::Entity::insert_many(users.iter().map(|u| {
        session_instructor::ActiveModel {
            session_id: Set(session),
            user_id: Set(*u),
        }
    }))
    .exec(db)
    .await?;
    Ok(())
}

/// Checks a whole session's fields together.
fn check_session(
    starts_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
    place: &Option<String>,
    link: &Option<String>,
    capacity: i32,
) -> AppResult<()> {
    if ends_at <= starts_at {
        return Err(AppError::bad_input("endsAt", "must be after startsAt"));
    }
    if place.is_none() && link.is_none() {
        return Err(AppError::bad_input(
            "place",
            "a session needs a place or an online link",
        ));
    }
    if !(1..=MAX_CAPACITY).contains(&capacity) {
        return Err(AppError::bad_input(
            "capacity",
            format!("must be between 1 and {MAX_CAPACITY}"),
        ));
    }
    Ok(())
}

/// Locks a session's row until the transaction ends (PostgreSQL `FOR UPDATE`; SQLite's
/// write transactions run one at a time anyway) and reads it again.
pub async fn lock(db: &impl ConnectionTrait, id: Uuid) -> AppResult<training_session::Model> {
    let mut select = training_session::Entity::find_by_id(id);
    if db.get_database_backend() == sea_orm::DatabaseBackend::Postgres {
        select = select.lock_exclusive();
    }
    select.one(db).await?.ok_or(AppError::NotFound)
}

#[tracing::instrument(skip_all)]
pub async fn create(
    db: &DatabaseConnection,
    rc: &RequestCtx,
    programme_id: &str,
    input: SessionInput,
) -> AppResult<training_session::Model> {
    let txn = crate::db::begin_write(db).await?;
    let found =
        service::require_by_global_id(&txn, rc, programme_id, TrainingAction::Manage).await?;
    if found.programme.format == ProgrammeFormat::ELearning {
        return Err(AppError::bad_input(
            "programmeId",
            "e-learning programmes have modules, not sessions",
        ));
    }
    let starts_at = input
        .starts_at
        .ok_or_else(|| AppError::bad_input("startsAt", "required"))?;
    if starts_at <= crate::db::now() {
        return Err(AppError::bad_input("startsAt", "must be in the future"));
    }
    let ends_at = input
        .ends_at
        .ok_or_else(|| AppError::bad_input("endsAt", "required"))?;
    let time_zone = validate_time_zone(input.time_zone.as_deref().unwrap_or("UTC"))?;
    let place = match input.place.flatten() {
        Some(place) => validate_place(&place)?,
        None => None,
    };
    let link = input
        .online_link
        .flatten()
        .map(|l| validate_link(&l))
        .transpose()?;
    let capacity = input
        .capacity
        .ok_or_else(|| AppError::bad_input("capacity", "required"))?;
    check_session(starts_at, ends_at, &place, &link, capacity)?;
    let instructors = resolve_instructors(
        &txn,
        found.programme.provider_organization_id,
        input.instructor_ids.as_deref().unwrap_or_default(),
    )
    .await?;
    let now = crate::db::now();
    let session = training_session::ActiveModel {
        id: Set(Uuid::now_v7()),
        programme_id: Set(found.programme.id),
        starts_at: Set(starts_at),
        ends_at: Set(ends_at),
        time_zone: Set(time_zone),
        place: Set(place),
        online_link: Set(link),
        capacity: Set(capacity),
        status: Set(SessionStatus::Scheduled),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&txn)
    .await?;
    set_instructors(&txn, session.id, &instructors).await?;
    record_change(
        &txn,
        rc,
        found.programme.id,
        "training_session.create",
        ("training_session", session.id),
        json!({ "startsAt": starts_at, "capacity": capacity }),
    )
    .await?;
    txn.commit().await?;
    Ok(session)
}

/// Learners holding a seat or waiting for one.
async fn enrolled(db: &impl ConnectionTrait, session: Uuid) -> AppResult<Vec<Uuid>> {
    Ok(enrolment::Entity::find()
        .select_only()
        .column(enrolment::Column::UserId)
        .filter(enrolment::Column::SessionId.eq(session))
        .filter(
            enrolment::Column::Status
                .is_in([EnrolmentStatus::Confirmed, EnrolmentStatus::Waitlisted]),
        )
        .into_tuple::<Uuid>()
        .all(db)
        .await?)
}

async fn require_changeable(
    db: &impl ConnectionTrait,
    rc: &RequestCtx,
    id: &str,
) -> AppResult<(ProgrammeFound, training_session::Model)> {
    let (found, session) = service::require_session(db, rc, id, TrainingAction::Manage).await?;
    let session = lock(db, session.id).await?;
    if session.status == SessionStatus::Cancelled {
        return Err(AppError::conflict("the session is cancelled"));
    }
    Ok((found, session))
}

/// Changes a session; the enrolled are told when its time, place or link changed, and a
/// larger capacity seats the waiting list. Managers.
#[tracing::instrument(skip_all)]
pub async fn update(
    db: &DatabaseConnection,
    rc: &RequestCtx,
    id: &str,
    input: SessionInput,
) -> AppResult<training_session::Model> {
    let txn = crate::db::begin_write(db).await?;
    let (found, old) = require_changeable(&txn, rc, id).await?;
    let starts_at = input.starts_at.unwrap_or(old.starts_at);
    let ends_at = input.ends_at.unwrap_or(old.ends_at);
    let time_zone = match &input.time_zone {
        Some(zone) => validate_time_zone(zone)?,
        None => old.time_zone.clone(),
    };
    let place = match &input.place {
        Some(Some(place)) => validate_place(place)?,
        Some(None) => None,
        None => old.place.clone(),
    };
    let link = match &input.online_link {
        Some(Some(link)) => Some(validate_link(link)?),
        Some(None) => None,
        None => old.online_link.clone(),
    };
    let capacity = input.capacity.unwrap_or(old.capacity);
    check_session(starts_at, ends_at, &place, &link, capacity)?;
    let confirmed = super::enrolment::confirmed_count(&txn, old.id).await?;
    if i64::from(capacity) < confirmed {
        return Err(AppError::bad_input(
            "capacity",
            format!("{confirmed} seats are taken: the capacity cannot be smaller"),
        ));
    }
    if let Some(instructors) = &input.instructor_ids {
        let instructors =
            resolve_instructors(&txn, found.programme.provider_organization_id, instructors)
                .await?;
        set_instructors(&txn, old.id, &instructors).await?;
    }
    let mut active: training_session::ActiveModel = old.clone().into();
    active.starts_at = Set(starts_at);
    active.ends_at = Set(ends_at);
    active.time_zone = Set(time_zone.clone());
    active.place = Set(place.clone());
    active.online_link = Set(link.clone());
    active.capacity = Set(capacity);
    active.updated_at = Set(crate::db::now());
    let session = active.update(&txn).await?;
    let noticeable = starts_at != old.starts_at
        || ends_at != old.ends_at
        || time_zone != old.time_zone
        || place != old.place
        || link != old.online_link;
    if noticeable {
        let mut notice = Notice::new(NotificationKind::SessionChanged);
        notice.actor_id = rc.viewer.user_id();
        notice.programme_id = Some(found.programme.id);
        notice.session_id = Some(session.id);
        notifications::create(&txn, enrolled(&txn, session.id).await?, notice).await?;
    }
    fill_seats(&txn, rc, &found.programme, &session).await?;
    record_change(
        &txn,
        rc,
        found.programme.id,
        "training_session.update",
        ("training_session", session.id),
        json!({ "startsAt": starts_at, "endsAt": ends_at, "capacity": capacity, "noticeable": noticeable }),
    )
    .await?;
    txn.commit().await?;
    Ok(session)
}

/// Cancels a session: no more enrolments; the enrolled are told. Managers.
#[tracing::instrument(skip_all)]
pub async fn cancel(
    db: &DatabaseConnection,
    rc: &RequestCtx,
    id: &str,
) -> AppResult<training_session::Model> {
    let txn = crate::db::begin_write(db).await?;
    let (found, old) = require_changeable(&txn, rc, id).await?;
    let mut active: training_session::ActiveModel = old.into();
    active.status = Set(SessionStatus::Cancelled);
    active.updated_at = Set(crate::db::now());
    let session = active.update(&txn).await?;
    let mut notice = Notice::new(NotificationKind::SessionCancelled);
    notice.actor_id = rc.viewer.user_id();
    notice.programme_id = Some(found.programme.id);
    notice.session_id = Some(session.id);
    notifications::create(&txn, enrolled(&txn, session.id).await?, notice).await?;
    record_change(
        &txn,
        rc,
        found.programme.id,
        "training_session.cancel",
        ("training_session", session.id),
        json!({}),
    )
    .await?;
    txn.commit().await?;
    Ok(session)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_zones_are_iana_shaped() {
        for ok in [
            "UTC",
            "Europe/Amsterdam",
            "America/Argentina/Buenos_Aires",
            "Etc/GMT+1",
        ] {
            assert!(validate_time_zone(ok).is_ok(), "{ok}");
        }
        for bad in [
            "",
            "CET+1",
            "Europe Amsterdam",
            "Mars/Olympus",
            "europe/amsterdam",
            "Europe/",
        ] {
            assert!(validate_time_zone(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn links_are_https() {
        assert!(validate_link("https://meet.example/abc").is_ok());
        assert!(validate_link("http://meet.example/abc").is_err());
        assert!(validate_link("javascript:alert(1)").is_err());
    }
}
