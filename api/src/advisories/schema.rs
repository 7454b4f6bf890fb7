use async_graphql::{Context, ID, Json, Object, connection::Connection};
use entities::Audience;

use super::{
    exports, revisions,
    service::{self, NewAdvisory},
    types::{
        AddIndicatorsPayload, Advisory, AdvisoryChangesInput, AdvisoryDiff, CreateAdvisoryInput,
        IndicatorLine, IndicatorLineOutcome, ReviewComment, ReviewCommentPayload,
    },
    workflow,
};
use crate::{context, ids, pagination};

#[derive(Default)]
pub struct AdvisoryQuery;

#[Object]
impl AdvisoryQuery {
    /// An advisory the viewer may read: as a member of its workspace, or — once published —
    /// as its audience (anyone for `PUBLIC`).
    async fn advisory(&self, ctx: &Context<'_>, id: ID) -> async_graphql::Result<Advisory> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        let id = ids::decode(ids::NodeType::Advisory, &id)?;
        Ok(Advisory::from_found(service::get(&state.db, rc, id).await?))
    }

    /// Published (and withdrawn) advisories the viewer reads as their audience, newest
    /// first. Anyone: without signing in, those published to `PUBLIC`.
    #[graphql(complexity = "pagination::cost(first, child_complexity)")]
    async fn published_advisories(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> async_graphql::Result<Connection<String, Advisory>> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        let page = pagination::Page::parse(first, after)?;
        let rows = service::list_published(&state.db, rc, page).await?;
        Ok(pagination::connection(page, rows, |a| a.id, Advisory::new))
    }

    /// What changed from one revision to another: the fields, and a line diff of the body.
    /// Members of the advisory's workspace. Weighs a fifth of the default complexity limit,
    /// so a query holds few of them.
    #[graphql(complexity = 1000)]
    async fn advisory_diff(
        &self,
        ctx: &Context<'_>,
        id: ID,
        from: i32,
        to: i32,
    ) -> async_graphql::Result<AdvisoryDiff> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        Ok(AdvisoryDiff(
            revisions::diff(&state.db, rc, &id, from, to).await?,
        ))
    }

    /// The advisory as a CSAF 2.0 document (final once published, draft before), its TLP
    /// carried over. `AMBER_STRICT` only for its authors' organisations.
    async fn advisory_csaf(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<Json<serde_json::Value>> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        Ok(Json(
            exports::csaf_for(&state.db, rc, &id, &state.config.settings.public_url).await?,
        ))
    }

    /// The advisory's indicators as a STIX 2.1 bundle (report, indicators, vulnerabilities,
    /// identities, TLP marking). `AMBER_STRICT` only for its authors' organisations.
    async fn advisory_stix(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<Json<serde_json::Value>> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        Ok(Json(exports::stix_for(&state.db, rc, &id).await?))
    }
}

#[derive(Default)]
pub struct AdvisoryMutation;

#[Object]
impl AdvisoryMutation {
    /// Starts an advisory in a workspace: the viewer is its lead author, their organisation
    /// the lead organisation. Contributors.
    async fn create_advisory(
        &self,
        ctx: &Context<'_>,
        input: CreateAdvisoryInput,
    ) -> async_graphql::Result<Advisory> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        let found = service::create(
            &state.db,
            rc,
            NewAdvisory {
                workspace_id: input.workspace_id.0,
                title: input.title,
                summary: input.summary,
                body: input.body,
                severity: input.severity,
                tlp: input.tlp,
            },
        )
        .await?;
        Ok(Advisory::from_found(found))
    }

    /// Saves a new revision from the current one and `changes`, if `expectedRevision` is
    /// still the current one; otherwise `CONFLICT` with `extensions.currentRevision`.
    /// Voids every sign-off. Authors.
    async fn save_advisory(
        &self,
        ctx: &Context<'_>,
        id: ID,
        expected_revision: i32,
        changes: AdvisoryChangesInput,
    ) -> async_graphql::Result<Advisory> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        Ok(Advisory::from_found(
            revisions::save(&state.db, rc, &id, expected_revision, changes.into()).await?,
        ))
    }

    /// Adds the indicators pasted in `text`, one per line (kind detected; defanged forms
    /// accepted), as a new revision; reports every line. Authors.
    async fn add_indicators(
        &self,
        ctx: &Context<'_>,
        id: ID,
        expected_revision: i32,
        text: String,
    ) -> async_graphql::Result<AddIndicatorsPayload> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        let (found, report) =
            revisions::add_indicators(&state.db, rc, &id, expected_revision, &text).await?;
        let lines: Vec<IndicatorLine> = report.into_iter().map(IndicatorLine::from).collect();
        let count =
            |o| i32::try_from(lines.iter().filter(|l| l.outcome == o).count()).unwrap_or(i32::MAX);
        Ok(AddIndicatorsPayload {
            advisory: Advisory::from_found(found),
            accepted: count(IndicatorLineOutcome::Accepted),
            duplicates: count(IndicatorLineOutcome::Duplicate),
            rejected: count(IndicatorLineOutcome::Rejected),
            lines,
        })
    }

    /// Adds a co-author (a contributor of the workspace); their organisation joins the
    /// sign-off list. The lead author.
    async fn add_co_author(
        &self,
        ctx: &Context<'_>,
        advisory_id: ID,
        user_id: ID,
    ) -> async_graphql::Result<Advisory> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        Ok(Advisory::from_found(
            service::add_co_author(&state.db, rc, &advisory_id, &user_id).await?,
        ))
    }

    /// Removes a co-author (never the lead). The lead author.
    async fn remove_co_author(
        &self,
        ctx: &Context<'_>,
        advisory_id: ID,
        user_id: ID,
    ) -> async_graphql::Result<Advisory> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        Ok(Advisory::from_found(
            service::remove_co_author(&state.db, rc, &advisory_id, &user_id).await?,
        ))
    }

    /// Comments on one field of one revision. Contributors of the workspace.
    async fn add_review_comment(
        &self,
        ctx: &Context<'_>,
        advisory_id: ID,
        revision: i32,
        field: String,
        body: String,
    ) -> async_graphql::Result<ReviewCommentPayload> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        let (found, comment) =
            revisions::add_comment(&state.db, rc, &advisory_id, revision, &field, &body).await?;
        Ok(ReviewCommentPayload {
            comment: ReviewComment(comment),
            advisory: Advisory::from_found(found),
        })
    }

    /// Resolves (or, with `resolved: false`, reopens) a review comment. The advisory's
    /// authors or the comment's author.
    async fn resolve_review_comment(
        &self,
        ctx: &Context<'_>,
        id: ID,
        #[graphql(default = true)] resolved: bool,
    ) -> async_graphql::Result<ReviewCommentPayload> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        let (found, comment) = revisions::resolve_comment(&state.db, rc, &id, resolved).await?;
        Ok(ReviewCommentPayload {
            comment: ReviewComment(comment),
            advisory: Advisory::from_found(found),
        })
    }

    /// Asks every co-authoring organisation to sign off. An author, from `DRAFT`.
    async fn submit_for_review(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<Advisory> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        Ok(Advisory::from_found(
            workflow::submit_for_review(&state.db, rc, &id).await?,
        ))
    }

    /// Signs off `revision` (the current one) for the viewer's organisation. An author.
    async fn sign_off(
        &self,
        ctx: &Context<'_>,
        id: ID,
        revision: i32,
    ) -> async_graphql::Result<Advisory> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        Ok(Advisory::from_found(
            workflow::sign_off(&state.db, rc, &id, revision).await?,
        ))
    }

    /// Publishes an approved advisory to an audience that fits its TLP, giving it its
    /// reference `AH-YYYY-NNNN`. The lead author or a coordinator.
    async fn publish_advisory(
        &self,
        ctx: &Context<'_>,
        id: ID,
        audience: Audience,
    ) -> async_graphql::Result<Advisory> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        Ok(Advisory::from_found(
            workflow::publish(&state.db, rc, &id, audience).await?,
        ))
    }

    /// Withdraws an advisory; a published one stays readable, marked withdrawn. The lead
    /// author or a coordinator.
    async fn withdraw_advisory(
        &self,
        ctx: &Context<'_>,
        id: ID,
        reason: String,
    ) -> async_graphql::Result<Advisory> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        Ok(Advisory::from_found(
            workflow::withdraw(&state.db, rc, &id, &reason).await?,
        ))
    }
}
