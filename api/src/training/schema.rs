use async_graphql::{Context, ID, Object, connection::Connection};
use entities::{ProgrammeFormat, ProgrammeStatus};

use super::{
    enrolment, modules,
    programmes::{self, CatalogueFilter, NewProgramme, ProgrammeChanges},
    service, sessions,
    types::{
        CreateProgrammeInput, Enrolment, Programme, SessionInput, TrainingModule, TrainingSession,
        UpdateProgrammeInput, maybe,
    },
};
use crate::{auth::policy::TrainingAction, context, pagination};

fn ids_of(ids: Vec<ID>) -> Vec<String> {
    ids.into_iter().map(|id| id.0).collect()
}

#[derive(Default)]
pub struct TrainingQuery;

#[Object]
impl TrainingQuery {
    /// A programme the viewer may see.
    async fn programme(&self, ctx: &Context<'_>, id: ID) -> async_graphql::Result<Programme> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        Ok(Programme(
            service::require_by_global_id(&state.db, rc, &id, TrainingAction::Read).await?,
        ))
    }

    /// A session of a programme the viewer may see.
    async fn training_session(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<TrainingSession> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        let (found, session) =
            service::require_session(&state.db, rc, &id, TrainingAction::Read).await?;
        Ok(TrainingSession::new(found, session))
    }

    /// The training catalogue the viewer sees, newest first: open and closed programmes
    /// for their organisation's kind, and everything of their own provider.
    #[graphql(complexity = "pagination::cost(first, child_complexity)")]
    #[allow(clippy::too_many_arguments)]
    async fn programmes(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        search: Option<String>,
        format: Option<ProgrammeFormat>,
        provider_id: Option<ID>,
        language: Option<String>,
        #[graphql(default = false)] with_open_seats: bool,
    ) -> async_graphql::Result<Connection<String, Programme>> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        let page = pagination::Page::parse(first, after)?;
        let filter = CatalogueFilter {
            search,
            format,
            provider_id: provider_id.map(|id| id.0),
            language,
            with_open_seats,
        };
        let rows = programmes::list(&state.db, rc, filter, page).await?;
        Ok(pagination::connection(page, rows, |p| p.id, Programme::new))
    }

    /// The viewer's enrolments, newest first.
    #[graphql(complexity = "pagination::cost(first, child_complexity)")]
    async fn my_enrolments(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> async_graphql::Result<Connection<String, Enrolment>> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        let page = pagination::Page::parse(first, after)?;
        let rows = enrolment::list_mine(&state.db, rc, page).await?;
        Ok(pagination::connection(page, rows, |e| e.id, Enrolment))
    }
}

#[derive(Default)]
pub struct TrainingMutation;

#[Object]
impl TrainingMutation {
    /// Starts a programme (`DRAFT`). Members of a verified organisation for it, or
    /// coordinators for any.
    async fn create_programme(
        &self,
        ctx: &Context<'_>,
        input: CreateProgrammeInput,
    ) -> async_graphql::Result<Programme> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        let new = NewProgramme {
            title: input.title,
            description: input.description,
            format: input.format,
            language: input.language,
            audience_kinds: input.audience_kinds,
            prerequisite_ids: ids_of(input.prerequisite_ids),
            certifying: input.certifying,
            certificate_valid_days: input.certificate_valid_days,
            provider_organization_id: input.provider_organization_id.map(|id| id.0),
        };
        Ok(Programme(programmes::create(&state.db, rc, new).await?))
    }

    /// Changes a programme. Managers.
    async fn update_programme(
        &self,
        ctx: &Context<'_>,
        id: ID,
        input: UpdateProgrammeInput,
    ) -> async_graphql::Result<Programme> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        let changes = ProgrammeChanges {
            title: input.title,
            description: input.description,
            language: input.language,
            audience_kinds: maybe(input.audience_kinds),
            prerequisite_ids: input.prerequisite_ids.map(ids_of),
            certifying: input.certifying,
            certificate_valid_days: maybe(input.certificate_valid_days),
        };
        Ok(Programme(
            programmes::update(&state.db, rc, &id, changes).await?,
        ))
    }

    /// Opens a draft or closed programme for enrolment. Managers.
    async fn open_programme(&self, ctx: &Context<'_>, id: ID) -> async_graphql::Result<Programme> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        Ok(Programme(
            programmes::set_status(&state.db, rc, &id, ProgrammeStatus::Open).await?,
        ))
    }

    /// Closes an open programme: no new enrolments. Managers.
    async fn close_programme(&self, ctx: &Context<'_>, id: ID) -> async_graphql::Result<Programme> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        Ok(Programme(
            programmes::set_status(&state.db, rc, &id, ProgrammeStatus::Closed).await?,
        ))
    }

    /// Adds a module at `position` (default: last). Managers.
    async fn add_module(
        &self,
        ctx: &Context<'_>,
        programme_id: ID,
        title: String,
        #[graphql(default)] content: String,
        position: Option<i32>,
    ) -> async_graphql::Result<TrainingModule> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        Ok(TrainingModule(
            modules::add(&state.db, rc, &programme_id, &title, &content, position).await?,
        ))
    }

    /// Changes a module, or moves it to `position`. Managers.
    async fn update_module(
        &self,
        ctx: &Context<'_>,
        id: ID,
        title: Option<String>,
        content: Option<String>,
        position: Option<i32>,
    ) -> async_graphql::Result<TrainingModule> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        Ok(TrainingModule(
            modules::update(
                &state.db,
                rc,
                &id,
                title.as_deref(),
                content.as_deref(),
                position,
            )
            .await?,
        ))
    }

    /// Removes a module; the others close up. Managers.
    async fn remove_module(&self, ctx: &Context<'_>, id: ID) -> async_graphql::Result<Programme> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        Ok(Programme(modules::remove(&state.db, rc, &id).await?))
    }

    /// Marks a module done for the viewer; finishing a certifying e-learning programme
    /// issues a certificate. Learners of the open programme.
    async fn complete_module(&self, ctx: &Context<'_>, id: ID) -> async_graphql::Result<Programme> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        Ok(Programme(
            modules::set_completed(&state.db, rc, &id, true).await?.0,
        ))
    }

    /// Marks a module not done for the viewer.
    async fn uncomplete_module(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<Programme> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        Ok(Programme(
            modules::set_completed(&state.db, rc, &id, false).await?.0,
        ))
    }

    /// Schedules a session of a classroom, workshop or certification programme. Managers.
    async fn create_session(
        &self,
        ctx: &Context<'_>,
        programme_id: ID,
        input: SessionInput,
    ) -> async_graphql::Result<TrainingSession> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        let session = sessions::create(&state.db, rc, &programme_id, input.into()).await?;
        session_type(&state.db, rc, session).await
    }

    /// Changes a session; the enrolled are told. Managers.
    async fn update_session(
        &self,
        ctx: &Context<'_>,
        id: ID,
        input: SessionInput,
    ) -> async_graphql::Result<TrainingSession> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        let session = sessions::update(&state.db, rc, &id, input.into()).await?;
        session_type(&state.db, rc, session).await
    }

    /// Cancels a session; the enrolled are told. Managers.
    async fn cancel_session(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<TrainingSession> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        let session = sessions::cancel(&state.db, rc, &id).await?;
        session_type(&state.db, rc, session).await
    }

    /// Enrols the viewer: a seat when one is free, else the waiting list.
    async fn enrol(&self, ctx: &Context<'_>, session_id: ID) -> async_graphql::Result<Enrolment> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        Ok(Enrolment(
            enrolment::enrol(&state.db, rc, &session_id).await?,
        ))
    }

    /// Cancels the viewer's enrolment; a freed seat goes to the waiting list.
    async fn cancel_enrolment(
        &self,
        ctx: &Context<'_>,
        session_id: ID,
    ) -> async_graphql::Result<Enrolment> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        Ok(Enrolment(
            enrolment::cancel(&state.db, rc, &session_id).await?,
        ))
    }

    /// Removes a participant from a session. Managers.
    async fn remove_participant(
        &self,
        ctx: &Context<'_>,
        enrolment_id: ID,
    ) -> async_graphql::Result<Enrolment> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        Ok(Enrolment(
            enrolment::remove_participant(&state.db, rc, &enrolment_id).await?,
        ))
    }

    /// Records attendance. The session's instructors and managers.
    async fn record_attendance(
        &self,
        ctx: &Context<'_>,
        enrolment_id: ID,
        attended: bool,
    ) -> async_graphql::Result<Enrolment> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        Ok(Enrolment(
            enrolment::record_attendance(&state.db, rc, &enrolment_id, attended).await?,
        ))
    }

    /// Records completion; a certifying programme issues a certificate. The session's
    /// instructors and managers.
    async fn complete_enrolment(
        &self,
        ctx: &Context<'_>,
        enrolment_id: ID,
    ) -> async_graphql::Result<Enrolment> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        Ok(Enrolment(
            enrolment::complete(&state.db, rc, &enrolment_id).await?,
        ))
    }
}

async fn session_type(
    db: &sea_orm::DatabaseConnection,
    rc: &crate::context::RequestCtx,
    session: entities::training_session::Model,
) -> async_graphql::Result<TrainingSession> {
    let found = service::require(db, rc, session.programme_id, TrainingAction::Read).await?;
    Ok(TrainingSession::new(found, session))
}
