//! GraphQL types of training. A `Programme` is built only once the viewer may see it;
//! nested fields load through the request's DataLoaders and ask the policy again.

use async_graphql::{Context, ID, InputObject, Object, SimpleObject, connection::Connection};
use chrono::{DateTime, Utc};
use entities::{
    EnrolmentStatus, OrganizationKind, ProgrammeFormat, ProgrammeStatus, SessionStatus, enrolment,
    programme, programme_module, training_session,
};
use uuid::Uuid;

use super::service::ProgrammeFound;
use crate::{
    auth::policy::TrainingAction,
    context,
    ids::{self, NodeType},
    loaders::{self, ModulePageKey, PageKey, ParticipantPageKey, SessionPageKey},
    organizations::types::Organization,
    pagination::{self, IndexPage, Page},
    users::types::User,
};

/// A training programme.
#[derive(Clone)]
pub struct Programme(pub ProgrammeFound);

impl Programme {
    pub fn new(model: programme::Model) -> Self {
        Self(ProgrammeFound::new(model))
    }

    fn can(&self, ctx: &Context<'_>, action: TrainingAction) -> bool {
        context::request(ctx).is_ok_and(|rc| self.0.authorize(&rc.viewer, action).is_ok())
    }

    /// Loads a programme the viewer may see; `None` otherwise.
    pub async fn load_visible(ctx: &Context<'_>, id: Uuid) -> async_graphql::Result<Option<Self>> {
        let model = context::loaders(ctx)?
            .training()
            .programmes()
            .load_one(id)
            .await
            .map_err(loaders::internal)?;
        Ok(model
            .map(Self::new)
            .filter(|p| p.can(ctx, TrainingAction::Read)))
    }
}

/// Progress through an e-learning programme's modules.
#[derive(SimpleObject)]
pub struct Progress {
    pub completed_modules: i32,
    pub total_modules: i32,
    pub complete: bool,
}

#[Object]
impl Programme {
    async fn id(&self) -> ID {
        ids::encode(NodeType::Programme, self.0.programme.id)
    }
    async fn title(&self) -> &str {
        &self.0.programme.title
    }
    /// Markdown.
    async fn description(&self) -> &str {
        &self.0.programme.description
    }
    async fn description_html(&self) -> String {
        crate::threads::markdown::render(&self.0.programme.description)
    }
    async fn format(&self) -> ProgrammeFormat {
        self.0.programme.format
    }
    /// ISO 639-1.
    async fn language(&self) -> &str {
        &self.0.programme.language
    }
    /// The organisation kinds it is for (`null`: every verified member).
    async fn audience_kinds(&self) -> Option<Vec<OrganizationKind>> {
        self.0.audience.clone()
    }
    async fn certifying(&self) -> bool {
        self.0.programme.certifying
    }
    async fn certificate_valid_days(&self) -> Option<i32> {
        self.0.programme.certificate_valid_days
    }
    async fn status(&self) -> ProgrammeStatus {
        self.0.programme.status
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.programme.created_at
    }
    async fn provider(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Organization>> {
        Organization::load_visible(ctx, self.0.programme.provider_organization_id).await
    }
    /// Programmes to complete first (those the viewer may see).
    #[graphql(complexity = "pagination::cost(first, child_complexity)")]
    async fn prerequisites(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> async_graphql::Result<Connection<String, Programme>> {
        let page = Page::parse(first, after)?;
        let loaders = context::loaders(ctx)?.training();
        let ids = loaders
            .prerequisites()
            .load_one(self.0.programme.id)
            .await
            .map_err(loaders::internal)?
            .unwrap_or_default();
        let ids: Vec<Uuid> = ids
            .into_iter()
            .filter(|id| page.after.is_none_or(|a| *id > a))
            .collect();
        let found = loaders
            .programmes()
            .load_many(ids.iter().copied())
            .await
            .map_err(loaders::internal)?;
        let mut rows: Vec<Programme> = ids
            .iter()
            .filter_map(|id| found.get(id).cloned().map(Programme::new))
            .filter(|p| p.can(ctx, TrainingAction::Read))
            .collect();
        rows.truncate(page.limit() as usize);
        Ok(pagination::connection(
            page,
            rows,
            |p| p.0.programme.id,
            |p| p,
        ))
    }
    /// The modules, in order.
    #[graphql(complexity = "pagination::cost(first, child_complexity)")]
    async fn modules(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> async_graphql::Result<Connection<String, TrainingModule>> {
        let page = IndexPage::parse(first, after)?;
        let rows = context::loaders(ctx)?
            .training()
            .module_pages()
            .load_one(ModulePageKey {
                programme: self.0.programme.id,
                first: page.first as u64,
                after: page.after.and_then(|a| i32::try_from(a).ok()),
            })
            .await
            .map_err(loaders::internal)?
            .unwrap_or_default();
        Ok(page.connection(
            rows.into_iter()
                .map(|m| (usize::try_from(m.position).unwrap_or(0), TrainingModule(m)))
                .collect(),
        ))
    }
    /// Sessions, oldest first; those that ended only with `includePast`.
    #[graphql(complexity = "pagination::cost(first, child_complexity)")]
    async fn sessions(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        #[graphql(default = false)] include_past: bool,
    ) -> async_graphql::Result<Connection<String, TrainingSession>> {
        let page = Page::parse(first, after)?;
        let rows = context::loaders(ctx)?
            .training()
            .session_pages()
            .load_one(SessionPageKey {
                page: PageKey::new(self.0.programme.id, page),
                include_past,
            })
            .await
            .map_err(loaders::internal)?
            .unwrap_or_default();
        let found = self.0.clone();
        Ok(pagination::connection(
            page,
            rows,
            |s| s.id,
            move |s| TrainingSession::new(found.clone(), s),
        ))
    }
    /// Whether the viewer manages it.
    async fn viewer_can_manage(&self, ctx: &Context<'_>) -> bool {
        self.can(ctx, TrainingAction::Manage)
    }
    /// Whether the viewer may enrol: it is open, they are of its audience and completed
    /// its prerequisites.
    async fn viewer_can_enrol(&self, ctx: &Context<'_>) -> async_graphql::Result<bool> {
        if self.0.programme.status != ProgrammeStatus::Open || !self.can(ctx, TrainingAction::Learn)
        {
            return Ok(false);
        }
        let loaders = context::loaders(ctx)?.training();
        let required = loaders
            .prerequisites()
            .load_one(self.0.programme.id)
            .await
            .map_err(loaders::internal)?
            .unwrap_or_default();
        let done = loaders
            .completed()
            .load_many(required.iter().copied())
            .await
            .map_err(loaders::internal)?;
        Ok(required
            .iter()
            .all(|p| done.get(p).copied().unwrap_or(false)))
    }
    /// The viewer's progress through its modules (e-learning; `null` otherwise).
    async fn viewer_progress(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Progress>> {
        if self.0.programme.format != ProgrammeFormat::ELearning {
            return Ok(None);
        }
        let (total, done) = context::loaders(ctx)?
            .training()
            .progress()
            .load_one(self.0.programme.id)
            .await
            .map_err(loaders::internal)?
            .unwrap_or((0, 0));
        Ok(Some(Progress {
            completed_modules: i32::try_from(done).unwrap_or(i32::MAX),
            total_modules: i32::try_from(total).unwrap_or(i32::MAX),
            complete: total > 0 && done >= total,
        }))
    }
}

/// One module of a programme.
pub struct TrainingModule(pub programme_module::Model);

#[Object]
impl TrainingModule {
    async fn id(&self) -> ID {
        ids::encode(NodeType::TrainingModule, self.0.id)
    }
    /// Whether the viewer has marked it done.
    async fn viewer_completed(&self, ctx: &Context<'_>) -> async_graphql::Result<bool> {
        Ok(context::loaders(ctx)?
            .training()
            .module_completions()
            .load_one(self.0.id)
            .await
            .map_err(loaders::internal)?
            .unwrap_or(false))
    }
    /// 1-based.
    async fn position(&self) -> i32 {
        self.0.position
    }
    async fn title(&self) -> &str {
        &self.0.title
    }
    /// Markdown.
    async fn content(&self) -> &str {
        &self.0.content
    }
    async fn content_html(&self) -> String {
        crate::threads::markdown::render(&self.0.content)
    }
}

/// A session of a programme.
pub struct TrainingSession {
    programme: ProgrammeFound,
    model: training_session::Model,
}

impl TrainingSession {
    pub fn new(programme: ProgrammeFound, model: training_session::Model) -> Self {
        Self { programme, model }
    }

    async fn instructor_ids(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<Uuid>> {
        Ok(context::loaders(ctx)?
            .training()
            .instructors()
            .load_one(self.model.id)
            .await
            .map_err(loaders::internal)?
            .unwrap_or_default())
    }

    /// Whether the viewer instructs or manages this session.
    async fn staff(&self, ctx: &Context<'_>) -> async_graphql::Result<bool> {
        let rc = context::request(ctx)?;
        Ok(self
            .programme
            .authorize(&rc.viewer, TrainingAction::Instruct)
            .is_ok())
    }

    async fn seats(&self, ctx: &Context<'_>) -> async_graphql::Result<(i64, i64)> {
        Ok(context::loaders(ctx)?
            .training()
            .seat_counts()
            .load_one(self.model.id)
            .await
            .map_err(loaders::internal)?
            .unwrap_or((0, 0)))
    }

    async fn mine(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<enrolment::Model>> {
        Ok(context::loaders(ctx)?
            .training()
            .viewer_enrolments()
            .load_one(self.model.id)
            .await
            .map_err(loaders::internal)?)
    }
}

fn count(n: i64) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

#[Object]
impl TrainingSession {
    async fn id(&self) -> ID {
        ids::encode(NodeType::TrainingSession, self.model.id)
    }
    async fn starts_at(&self) -> DateTime<Utc> {
        self.model.starts_at
    }
    async fn ends_at(&self) -> DateTime<Utc> {
        self.model.ends_at
    }
    /// IANA name of the zone it is shown in.
    async fn time_zone(&self) -> &str {
        &self.model.time_zone
    }
    async fn place(&self) -> Option<&str> {
        self.model.place.as_deref()
    }
    /// Only for confirmed participants, instructors and managers.
    async fn online_link(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<String>> {
        if self.model.online_link.is_none() {
            return Ok(None);
        }
        let confirmed = self
            .mine(ctx)
            .await?
            .is_some_and(|e| e.status == EnrolmentStatus::Confirmed);
        Ok((confirmed || self.staff(ctx).await?)
            .then(|| self.model.online_link.clone())
            .flatten())
    }
    async fn capacity(&self) -> i32 {
        self.model.capacity
    }
    async fn seats_taken(&self, ctx: &Context<'_>) -> async_graphql::Result<i32> {
        Ok(count(self.seats(ctx).await?.0))
    }
    async fn seats_free(&self, ctx: &Context<'_>) -> async_graphql::Result<i32> {
        Ok(count(
            (i64::from(self.model.capacity) - self.seats(ctx).await?.0).max(0),
        ))
    }
    async fn waiting_list_length(&self, ctx: &Context<'_>) -> async_graphql::Result<i32> {
        Ok(count(self.seats(ctx).await?.1))
    }
    async fn status(&self) -> SessionStatus {
        self.model.status
    }
    async fn programme(&self) -> Programme {
        Programme(self.programme.clone())
    }
    /// Whether the viewer records attendance and completion here (instructors, managers).
    async fn viewer_can_instruct(&self, ctx: &Context<'_>) -> async_graphql::Result<bool> {
        self.staff(ctx).await
    }
    /// The instructors.
    #[graphql(complexity = "pagination::cost(first, child_complexity)")]
    async fn instructors(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> async_graphql::Result<Connection<String, User>> {
        let page = Page::parse(first, after)?;
        let ids: Vec<Uuid> = self
            .instructor_ids(ctx)
            .await?
            .into_iter()
            .filter(|id| page.after.is_none_or(|a| *id > a))
            .take(page.limit() as usize)
            .collect();
        // All at once: the loader batches them into one query.
        let users =
            futures::future::try_join_all(ids.iter().map(|id| User::load_related(ctx, *id)))
                .await?;
        let rows: Vec<(Uuid, User)> = ids
            .into_iter()
            .zip(users)
            .filter_map(|(id, user)| user.map(|u| (id, u)))
            .collect();
        Ok(pagination::connection(page, rows, |r| r.0, |r| r.1))
    }
    /// The viewer's enrolment.
    async fn viewer_enrolment(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Option<Enrolment>> {
        Ok(self.mine(ctx).await?.map(Enrolment))
    }
    /// Enrolments, oldest first (empty but for instructors and managers).
    #[graphql(complexity = "pagination::cost(first, child_complexity)")]
    async fn participants(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        status: Option<EnrolmentStatus>,
    ) -> async_graphql::Result<Connection<String, Enrolment>> {
        let page = Page::parse(first, after)?;
        if !self.staff(ctx).await? {
            return Ok(Connection::new(false, false));
        }
        let rows = context::loaders(ctx)?
            .training()
            .participant_pages()
            .load_one(ParticipantPageKey {
                page: PageKey::new(self.model.id, page),
                status,
            })
            .await
            .map_err(loaders::internal)?
            .unwrap_or_default();
        Ok(pagination::connection(page, rows, |e| e.id, Enrolment))
    }
}

/// A learner's place in a session (seen by them, the session's instructors and managers).
pub struct Enrolment(pub enrolment::Model);

#[Object]
impl Enrolment {
    async fn id(&self) -> ID {
        ids::encode(NodeType::Enrolment, self.0.id)
    }
    async fn status(&self) -> EnrolmentStatus {
        self.0.status
    }
    /// 1-based place among those waiting (`null` unless waitlisted).
    async fn waiting_list_position(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<i32>> {
        if self.0.status != EnrolmentStatus::Waitlisted {
            return Ok(None);
        }
        Ok(context::loaders(ctx)?
            .training()
            .waitlist_positions()
            .load_one((self.0.session_id, self.0.seq))
            .await
            .map_err(loaders::internal)?
            .map(count))
    }
    async fn requested_at(&self) -> DateTime<Utc> {
        self.0.requested_at
    }
    async fn confirmed_at(&self) -> Option<DateTime<Utc>> {
        self.0.confirmed_at
    }
    async fn cancelled_at(&self) -> Option<DateTime<Utc>> {
        self.0.cancelled_at
    }
    async fn attended(&self) -> Option<bool> {
        self.0.attended
    }
    async fn completed_at(&self) -> Option<DateTime<Utc>> {
        self.0.completed_at
    }
    async fn learner(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<User>> {
        User::load_related(ctx, self.0.user_id).await
    }
    /// The session (`null` if the viewer may no longer see its programme).
    async fn session(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<TrainingSession>> {
        let loaders = context::loaders(ctx)?.training();
        let Some(session) = loaders
            .sessions()
            .load_one(self.0.session_id)
            .await
            .map_err(loaders::internal)?
        else {
            return Ok(None);
        };
        let Some(programme) = Programme::load_visible(ctx, session.programme_id).await? else {
            return Ok(None);
        };
        Ok(Some(TrainingSession::new(programme.0, session)))
    }
}

#[derive(InputObject)]
pub struct CreateProgrammeInput {
    pub title: String,
    /// Markdown.
    #[graphql(default)]
    pub description: String,
    pub format: ProgrammeFormat,
    /// ISO 639-1, such as `en`.
    pub language: String,
    pub audience_kinds: Option<Vec<OrganizationKind>>,
    #[graphql(default)]
    pub prerequisite_ids: Vec<ID>,
    /// Default: true for `CERTIFICATION` (always), false otherwise.
    pub certifying: Option<bool>,
    /// 1..=3650; none: certificates do not expire.
    pub certificate_valid_days: Option<i32>,
    /// Coordinators choose; members create for their own organisation.
    pub provider_organization_id: Option<ID>,
}

#[derive(InputObject)]
pub struct UpdateProgrammeInput {
    pub title: Option<String>,
    pub description: Option<String>,
    pub language: Option<String>,
    /// `null` opens it to every kind.
    pub audience_kinds: async_graphql::MaybeUndefined<Vec<OrganizationKind>>,
    pub prerequisite_ids: Option<Vec<ID>>,
    pub certifying: Option<bool>,
    pub certificate_valid_days: async_graphql::MaybeUndefined<i32>,
}

#[derive(InputObject)]
pub struct SessionInput {
    pub starts_at: Option<DateTime<Utc>>,
    pub ends_at: Option<DateTime<Utc>>,
    /// IANA name, such as `Europe/Amsterdam` (default `UTC`).
    pub time_zone: Option<String>,
    pub place: async_graphql::MaybeUndefined<String>,
    /// An https URL.
    pub online_link: async_graphql::MaybeUndefined<String>,
    /// 1..=1000.
    pub capacity: Option<i32>,
    pub instructor_ids: Option<Vec<ID>>,
}

pub fn maybe<T>(value: async_graphql::MaybeUndefined<T>) -> Option<Option<T>> {
    match value {
        async_graphql::MaybeUndefined::Undefined => None,
        async_graphql::MaybeUndefined::Null => Some(None),
        async_graphql::MaybeUndefined::Value(v) => Some(Some(v)),
    }
}

impl From<SessionInput> for super::sessions::SessionInput {
    fn from(input: SessionInput) -> Self {
        Self {
            starts_at: input.starts_at,
            ends_at: input.ends_at,
            time_zone: input.time_zone,
            place: maybe(input.place),
            online_link: maybe(input.online_link),
            capacity: input.capacity,
            instructor_ids: input
                .instructor_ids
                .map(|ids| ids.into_iter().map(|id| id.0).collect()),
        }
    }
}
