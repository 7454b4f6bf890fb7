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
}
