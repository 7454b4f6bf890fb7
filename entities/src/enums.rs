use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

/// What kind of body an organisation is.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    async_graphql::Enum,
    Serialize,
    Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum OrganizationKind {
    #[sea_orm(string_value = "LAW_ENFORCEMENT")]
    LawEnforcement,
    #[sea_orm(string_value = "INTERNATIONAL_BODY")]
    InternationalBody,
    #[sea_orm(string_value = "VENDOR")]
    Vendor,
    #[sea_orm(string_value = "ACADEMIA")]
    Academia,
    #[sea_orm(string_value = "CERT")]
    Cert,
    #[sea_orm(string_value = "INFRASTRUCTURE_OPERATOR")]
    InfrastructureOperator,
}

/// Platform-wide role of an account (workspace roles are separate).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    async_graphql::Enum,
    Serialize,
    Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum PlatformRole {
    #[sea_orm(string_value = "ADMIN")]
    Admin,
    #[sea_orm(string_value = "COORDINATOR")]
    Coordinator,
    #[sea_orm(string_value = "MEMBER")]
    Member,
}

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    async_graphql::Enum,
    Serialize,
    Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum UserStatus {
    #[sea_orm(string_value = "ACTIVE")]
    Active,
    #[sea_orm(string_value = "SUSPENDED")]
    Suspended,
}

/// A person signs in with a password; a service account only uses API tokens.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    async_graphql::Enum,
    Serialize,
    Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum AccountKind {
    #[sea_orm(string_value = "PERSON")]
    Person,
    #[sea_orm(string_value = "SERVICE")]
    Service,
}

/// Traffic Light Protocol 2.0 marking, ordered from least to most strict.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    EnumIter,
    DeriveActiveEnum,
    async_graphql::Enum,
    Serialize,
    Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Tlp {
    /// Disclosure is not limited.
    #[sea_orm(string_value = "CLEAR")]
    Clear,
    /// The community: members of the workspace.
    #[sea_orm(string_value = "GREEN")]
    Green,
    /// Members of the workspace, on a need-to-know basis.
    #[sea_orm(string_value = "AMBER")]
    Amber,
    /// Members of the workspace; exports only by the author's organisation.
    #[sea_orm(string_value = "AMBER_STRICT")]
    AmberStrict,
    /// Only the named recipients.
    #[sea_orm(string_value = "RED")]
    Red,
}

/// A member's role in a workspace, ordered from least to most powerful.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    EnumIter,
    DeriveActiveEnum,
    async_graphql::Enum,
    Serialize,
    Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum WorkspaceRole {
    /// Reads.
    #[sea_orm(string_value = "OBSERVER")]
    Observer,
    /// Reads and writes threads and posts.
    #[sea_orm(string_value = "CONTRIBUTOR")]
    Contributor,
    /// Also pins and locks threads and removes posts.
    #[sea_orm(string_value = "MODERATOR")]
    Moderator,
    /// Also manages settings, members and invitations.
    #[sea_orm(string_value = "OWNER")]
    Owner,
}

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    EnumIter,
    DeriveActiveEnum,
    async_graphql::Enum,
    Serialize,
    Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum InvitationStatus {
    #[sea_orm(string_value = "PENDING")]
    Pending,
    #[sea_orm(string_value = "ACCEPTED")]
    Accepted,
    #[sea_orm(string_value = "DECLINED")]
    Declined,
    #[sea_orm(string_value = "REVOKED")]
    Revoked,
}

/// The fixed set of reactions to a post.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    EnumIter,
    DeriveActiveEnum,
    async_graphql::Enum,
    Serialize,
    Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Reaction {
    #[sea_orm(string_value = "THUMBS_UP")]
    ThumbsUp,
    #[sea_orm(string_value = "THUMBS_DOWN")]
    ThumbsDown,
    #[sea_orm(string_value = "HEART")]
    Heart,
    #[sea_orm(string_value = "EYES")]
    Eyes,
    #[sea_orm(string_value = "CHECK")]
    Check,
    #[sea_orm(string_value = "QUESTION")]
    Question,
}

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    EnumIter,
    DeriveActiveEnum,
    async_graphql::Enum,
    Serialize,
    Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum NotificationKind {
    /// Someone mentioned the user in a post.
    #[sea_orm(string_value = "MENTION")]
    Mention,
    /// The user (or their organisation) was invited to a workspace.
    #[sea_orm(string_value = "INVITATION")]
    Invitation,
    /// Someone replied to the user's post.
    #[sea_orm(string_value = "REPLY")]
    Reply,
    /// An advisory the user co-authors was submitted for review, or changed and needs
    /// signing off again.
    #[sea_orm(string_value = "SIGN_OFF_REQUESTED")]
    SignOffRequested,
    /// An advisory the user co-authors was published.
    #[sea_orm(string_value = "ADVISORY_PUBLISHED")]
    AdvisoryPublished,
    /// The user holds a seat in a training session.
    #[sea_orm(string_value = "SEAT_CONFIRMED")]
    SeatConfirmed,
    /// The user moved up from a session's waiting list to a seat.
    #[sea_orm(string_value = "SEAT_FROM_WAITING_LIST")]
    SeatFromWaitingList,
    /// A session the user is enrolled in changed its time, place or link.
    #[sea_orm(string_value = "SESSION_CHANGED")]
    SessionChanged,
    /// A session the user is enrolled in was cancelled.
    #[sea_orm(string_value = "SESSION_CANCELLED")]
    SessionCancelled,
    /// A certificate was issued to the user.
    #[sea_orm(string_value = "CERTIFICATE_ISSUED")]
    CertificateIssued,
}

/// What a realtime event is about.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum EventKind {
    #[sea_orm(string_value = "THREAD_CREATED")]
    ThreadCreated,
    #[sea_orm(string_value = "THREAD_UPDATED")]
    ThreadUpdated,
    #[sea_orm(string_value = "THREAD_PINNED")]
    ThreadPinned,
    #[sea_orm(string_value = "THREAD_LOCKED")]
    ThreadLocked,
    #[sea_orm(string_value = "POST_ADDED")]
    PostAdded,
    #[sea_orm(string_value = "POST_EDITED")]
    PostEdited,
    #[sea_orm(string_value = "POST_REMOVED")]
    PostRemoved,
    #[sea_orm(string_value = "NOTIFICATION_CREATED")]
    NotificationCreated,
    #[sea_orm(string_value = "MEMBER_JOINED")]
    MemberJoined,
    #[sea_orm(string_value = "MEMBER_ROLE_CHANGED")]
    MemberRoleChanged,
    #[sea_orm(string_value = "MEMBER_REMOVED")]
    MemberRemoved,
    #[sea_orm(string_value = "MEMBER_LEFT")]
    MemberLeft,
    /// An account was suspended: its streams end.
    #[sea_orm(string_value = "ACCOUNT_SUSPENDED")]
    AccountSuspended,
    #[sea_orm(string_value = "ADVISORY_CREATED")]
    AdvisoryCreated,
    #[sea_orm(string_value = "ADVISORY_REVISION_SAVED")]
    AdvisoryRevisionSaved,
    #[sea_orm(string_value = "ADVISORY_AUTHORS_CHANGED")]
    AdvisoryAuthorsChanged,
    #[sea_orm(string_value = "ADVISORY_COMMENTED")]
    AdvisoryCommented,
    #[sea_orm(string_value = "ADVISORY_SIGNED_OFF")]
    AdvisorySignedOff,
    #[sea_orm(string_value = "ADVISORY_STATUS_CHANGED")]
    AdvisoryStatusChanged,
    #[sea_orm(string_value = "ALERT_ISSUED")]
    AlertIssued,
    /// Something changed in a training programme: a session, an enrolment, a certificate.
    #[sea_orm(string_value = "TRAINING_UPDATED")]
    TrainingUpdated,
}

/// How serious an advisory or alert is.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    EnumIter,
    DeriveActiveEnum,
    async_graphql::Enum,
    Serialize,
    Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Severity {
    #[sea_orm(string_value = "INFORMATIONAL")]
    Informational,
    #[sea_orm(string_value = "LOW")]
    Low,
    #[sea_orm(string_value = "MEDIUM")]
    Medium,
    #[sea_orm(string_value = "HIGH")]
    High,
    #[sea_orm(string_value = "CRITICAL")]
    Critical,
}

/// Where an advisory is in its workflow.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    async_graphql::Enum,
    Serialize,
    Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum AdvisoryStatus {
    /// Being written; not yet asked for sign-off.
    #[sea_orm(string_value = "DRAFT")]
    Draft,
    /// Waiting for every co-authoring organisation to sign off the current revision.
    #[sea_orm(string_value = "IN_REVIEW")]
    InReview,
    /// Every organisation signed off the current revision; ready to publish.
    #[sea_orm(string_value = "APPROVED")]
    Approved,
    #[sea_orm(string_value = "PUBLISHED")]
    Published,
    /// Taken back; still readable, marked withdrawn.
    #[sea_orm(string_value = "WITHDRAWN")]
    Withdrawn,
}

/// Who a published advisory is for.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    async_graphql::Enum,
    Serialize,
    Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Audience {
    /// Anyone, without signing in.
    #[sea_orm(string_value = "PUBLIC")]
    Public,
    /// Members of every verified organisation.
    #[sea_orm(string_value = "MEMBERS")]
    Members,
    /// Members of law-enforcement organisations and international bodies.
    #[sea_orm(string_value = "LAW_ENFORCEMENT")]
    LawEnforcement,
}

/// Who a cyber alert is for.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    async_graphql::Enum,
    Serialize,
    Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum AlertAudience {
    /// Anyone, without signing in.
    #[sea_orm(string_value = "PUBLIC")]
    Public,
    /// Members of law-enforcement organisations and international bodies.
    #[sea_orm(string_value = "LAW_ENFORCEMENT")]
    LawEnforcement,
}

/// How a training programme is delivered.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    async_graphql::Enum,
    Serialize,
    Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ProgrammeFormat {
    /// Modules a learner works through alone.
    #[sea_orm(string_value = "E_LEARNING")]
    ELearning,
    #[sea_orm(string_value = "CLASSROOM")]
    Classroom,
    #[sea_orm(string_value = "WORKSHOP")]
    Workshop,
    /// Completion issues a certificate.
    #[sea_orm(string_value = "CERTIFICATION")]
    Certification,
}

/// Where a programme is in its life.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    async_graphql::Enum,
    Serialize,
    Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ProgrammeStatus {
    /// Being prepared; only its provider sees it.
    #[sea_orm(string_value = "DRAFT")]
    Draft,
    /// In the catalogue; learners enrol.
    #[sea_orm(string_value = "OPEN")]
    Open,
    /// No new enrolments.
    #[sea_orm(string_value = "CLOSED")]
    Closed,
}

/// Whether a training session takes place.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    async_graphql::Enum,
    Serialize,
    Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum SessionStatus {
    #[sea_orm(string_value = "SCHEDULED")]
    Scheduled,
    #[sea_orm(string_value = "CANCELLED")]
    Cancelled,
}

/// A learner's place in a session.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    async_graphql::Enum,
    Serialize,
    Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum EnrolmentStatus {
    /// Holds a seat.
    #[sea_orm(string_value = "CONFIRMED")]
    Confirmed,
    /// Waits for a seat, in the order of arrival.
    #[sea_orm(string_value = "WAITLISTED")]
    Waitlisted,
    #[sea_orm(string_value = "CANCELLED")]
    Cancelled,
}
