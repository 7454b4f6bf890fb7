use sea_orm::entity::prelude::*;

use crate::EnrolmentStatus;

/// A learner's enrolment in a session: a seat, a place on the waiting list, or cancelled.
/// One per (session, learner); enrolling again after cancelling reuses it.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "enrolment")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub session_id: Uuid,
    pub user_id: Uuid,
    pub status: EnrolmentStatus,
    /// When the learner (last) asked for a place: the waiting list's order, with `seq`.
    pub requested_at: DateTimeUtc,
    /// Arrival order within the session (strictly increasing per request).
    pub seq: i64,
    pub confirmed_at: Option<DateTimeUtc>,
    pub cancelled_at: Option<DateTimeUtc>,
    pub attended: Option<bool>,
    pub completed_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
