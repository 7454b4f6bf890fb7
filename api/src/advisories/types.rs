//! GraphQL types of advisories. An `Advisory` is built only once the viewer may read it;
//! its nested fields load through the request's DataLoaders and ask the policy again where
//! what they show depends on the viewer.

use std::sync::Arc;

use async_graphql::{
    Context, ID, InputObject, MaybeUndefined, Object, SimpleObject, connection::Connection,
};
use chrono::{DateTime, Utc};
use entities::{
    AdvisoryStatus, Audience, Severity, Tlp, advisory, advisory_author, advisory_comment,
    advisory_revision,
};
use uuid::Uuid;

use super::{
    content::{AdvisoryContent, AffectedProduct, Indicator, IndicatorKind},
    indicators::{LineOutcome, LineReport},
    revisions::{ContentChanges, Diff, LineChange},
    service::{self, AdvisoryFound},
};
use crate::{
    auth::policy::{self, AdvisoryAction, AdvisoryStanding},
    context,
    error::AppError,
    ids::{self, NodeType},
    loaders::{self, CommentPageKey, PageKey, RevisionHeader, RevisionPageKey},
    organizations::types::Organization,
    pagination::{self, Page},
    users::types::User,
    workspaces::{service::Found, types::Workspace},
};

/// A joint advisory.
#[derive(Clone)]
pub struct Advisory {
    model: Arc<advisory::Model>,
}

impl Advisory {
    pub fn new(model: advisory::Model) -> Self {
        Self {
            model: Arc::new(model),
        }
    }

    pub fn from_found(found: AdvisoryFound) -> Self {
        Self::new(found.advisory)
    }

    pub fn model(&self) -> &advisory::Model {
        &self.model
    }

    /// Loads an advisory through the request's DataLoaders and the access policy; `None`
    /// when it does not exist or the viewer may not read it.
    pub async fn load_readable(ctx: &Context<'_>, id: Uuid) -> async_graphql::Result<Option<Self>> {
        let Some(model) = context::loaders(ctx)?
            .advisories()
            .load_one(id)
            .await
            .map_err(loaders::internal)?
        else {
            return Ok(None);
        };
        let advisory = Self::new(model);
        Ok(advisory
            .can(ctx, AdvisoryAction::Read)
            .await?
            .then_some(advisory))
    }

    async fn authors_loaded(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Vec<advisory_author::Model>> {
        Ok(context::loaders(ctx)?
            .advisory_authors()
            .load_one(self.model.id)
            .await
            .map_err(loaders::internal)?
            .unwrap_or_default())
    }

    /// The viewer's standing: role in the workspace, whether an author.
    async fn standing_parts(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<(
        Option<entities::WorkspaceRole>,
        bool,
        Vec<advisory_author::Model>,
    )> {
        let loaders = context::loaders(ctx)?;
        let role = loaders
            .memberships()
            .load_one(self.model.workspace_id)
            .await
            .map_err(loaders::internal)?;
        let archived = loaders
            .workspaces()
            .load_one(self.model.workspace_id)
            .await
            .map_err(loaders::internal)?
            .is_some_and(|w| w.archived_at.is_some());
        Ok((role, archived, self.authors_loaded(ctx).await?))
    }

    async fn can(
        &self,
        ctx: &Context<'_>,
        action: AdvisoryAction<'_>,
    ) -> async_graphql::Result<bool> {
        let rc = context::request(ctx)?;
        let (role, archived, authors) = self.standing_parts(ctx).await?;
        let me = rc.viewer.user_id();
        let standing = AdvisoryStanding {
            advisory: &self.model,
            role,
            archived,
            author: authors.iter().any(|a| Some(a.user_id) == me),
        };
        Ok(policy::authorize_advisory(&rc.viewer, standing, action).is_ok())
    }

    async fn revision_model(
        &self,
        ctx: &Context<'_>,
        number: i32,
    ) -> async_graphql::Result<Option<advisory_revision::Model>> {
        Ok(context::loaders(ctx)?
            .advisory_revisions()
            .load_one((self.model.id, number))
            .await
            .map_err(loaders::internal)?)
    }
}

#[Object]
impl Advisory {
    pub async fn id(&self) -> ID {
        ids::encode(NodeType::Advisory, self.model.id)
    }
    /// `AH-YYYY-NNNN`, once published.
    async fn reference(&self) -> Option<&str> {
        self.model.reference.as_deref()
    }
    async fn status(&self) -> AdvisoryStatus {
        self.model.status
    }
    /// The current revision's title.
    async fn title(&self) -> &str {
        &self.model.title
    }
    async fn tlp(&self) -> Tlp {
        self.model.tlp
    }
    async fn severity(&self) -> Severity {
        self.model.severity
    }
    /// The number of the current revision: pass it as `expectedRevision` when saving.
    async fn revision(&self) -> i32 {
        self.model.revision
    }
    /// Who it was published for.
    async fn audience(&self) -> Option<Audience> {
        self.model.audience
    }
    async fn published_at(&self) -> Option<DateTime<Utc>> {
        self.model.published_at
    }
    async fn withdrawn_at(&self) -> Option<DateTime<Utc>> {
        self.model.withdrawn_at
    }
    async fn withdrawn_reason(&self) -> Option<&str> {
        self.model.withdrawn_reason.as_deref()
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.model.created_at
    }
    async fn updated_at(&self) -> DateTime<Utc> {
        self.model.updated_at
    }
    /// The current revision with its content.
    async fn current(&self, ctx: &Context<'_>) -> async_graphql::Result<AdvisoryRevision> {
        let members_view = self.can(ctx, AdvisoryAction::ReadHistory).await?;
        self.revision_model(ctx, self.model.revision)
            .await?
            .map(|m| AdvisoryRevision::loaded(m, members_view))
            .transpose()?
            .ok_or_else(|| {
                AppError::Internal(anyhow::anyhow!(
                    "advisory {} has no current revision",
                    self.model.id
                ))
                .into()
            })
    }
    /// One revision by number (for readers outside the workspace, only the current one).
    async fn revision_at(
        &self,
        ctx: &Context<'_>,
        number: i32,
    ) -> async_graphql::Result<Option<AdvisoryRevision>> {
        let members_view = self.can(ctx, AdvisoryAction::ReadHistory).await?;
        if number != self.model.revision && !members_view {
            return Ok(None);
        }
        Ok(self
            .revision_model(ctx, number)
            .await?
            .map(|m| AdvisoryRevision::loaded(m, members_view))
            .transpose()?)
    }
    /// Every revision, newest first (empty for readers outside the workspace, who read the
    /// published revision only).
    #[graphql(complexity = "pagination::cost(first, child_complexity)")]
    async fn revisions(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> async_graphql::Result<Connection<String, AdvisoryRevision>> {
        let page = Page::parse(first, None)?;
        let before = after.map(|a| decode_revision_cursor(&a)).transpose()?;
        if !self.can(ctx, AdvisoryAction::ReadHistory).await? {
            return Ok(Connection::new(false, false));
        }
        let mut rows = context::loaders(ctx)?
            .revision_headers()
            .load_one(RevisionPageKey {
                advisory: self.model.id,
                first: page.first,
                before,
            })
            .await
            .map_err(loaders::internal)?
            .unwrap_or_default();
        let has_next = rows.len() as u64 > page.first;
        rows.truncate(page.first as usize);
        let mut connection = Connection::new(before.is_some(), has_next);
        connection.edges.extend(rows.into_iter().map(|header| {
            async_graphql::connection::Edge::new(
                encode_revision_cursor(header.number),
                AdvisoryRevision::header(header, true),
            )
        }));
        Ok(connection)
    }
    /// The workspace it is written in (`null` for a reader who is not a member).
    async fn workspace(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Workspace>> {
        let loaders = context::loaders(ctx)?;
        let Some(role) = loaders
            .memberships()
            .load_one(self.model.workspace_id)
            .await
            .map_err(loaders::internal)?
        else {
            return Ok(None);
        };
        Workspace::load_as(ctx, self.model.workspace_id, role).await
    }
    /// The lead author (`null` for readers outside the workspace, who see the authoring
    /// organisations only, and when the viewer may not see the account).
    async fn lead_author(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<User>> {
        if !self.can(ctx, AdvisoryAction::ReadHistory).await? {
            return Ok(None);
        }
        User::load_related(ctx, self.model.lead_author_id).await
    }
    /// The names of the authoring organisations, the lead's first (public once published).
    async fn organization_names(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<String>> {
        let loaders = context::loaders(ctx)?;
        let mut orgs = vec![self.model.lead_organization_id];
        for author in self.authors_loaded(ctx).await? {
            if !orgs.contains(&author.organization_id) {
                orgs.push(author.organization_id);
            }
        }
        let found = loaders
            .organizations()
            .load_many(orgs.iter().copied())
            .await
            .map_err(loaders::internal)?;
        Ok(orgs
            .iter()
            .filter_map(|id| found.get(id).map(|o| o.name.clone()))
            .collect())
    }
    /// The authors, the lead first.
    #[graphql(complexity = "pagination::cost(first, child_complexity)")]
    async fn authors(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> async_graphql::Result<Connection<String, AdvisoryAuthor>> {
        let page = Page::parse(first, after)?;
        let members_view = self.can(ctx, AdvisoryAction::ReadHistory).await?;
        let mut rows = self.authors_loaded(ctx).await?;
        rows.sort_by_key(|a| a.user_id);
        let rows: Vec<_> = rows
            .into_iter()
            .filter(|a| page.after.is_none_or(|after| a.user_id > after))
            .take(page.limit() as usize)
            .collect();
        Ok(pagination::connection(
            page,
            rows,
            |a| a.user_id,
            |a| AdvisoryAuthor(a, members_view),
        ))
    }
    /// Each co-authoring organisation and whether it has signed off the current revision.
    #[graphql(complexity = "pagination::cost(first, child_complexity)")]
    async fn sign_offs(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> async_graphql::Result<Connection<String, SignOff>> {
        let page = Page::parse(first, after)?;
        let members_view = self.can(ctx, AdvisoryAction::ReadHistory).await?;
        let authors = self.authors_loaded(ctx).await?;
        let signed = context::loaders(ctx)?
            .signoffs()
            .load_one((self.model.id, self.model.revision))
            .await
            .map_err(loaders::internal)?
            .unwrap_or_default();
        let mut orgs = vec![self.model.lead_organization_id];
        for author in &authors {
            if !orgs.contains(&author.organization_id) {
                orgs.push(author.organization_id);
            }
        }
        orgs.sort();
        let rows: Vec<SignOff> = orgs
            .into_iter()
            .filter(|org| page.after.is_none_or(|after| *org > after))
            .take(page.limit() as usize)
            .map(|org| SignOff {
                organization_id: org,
                revision: self.model.revision,
                signed: signed.iter().find(|s| s.organization_id == org).cloned(),
                members_view,
            })
            .collect();
        Ok(pagination::connection(
            page,
            rows,
            |s| s.organization_id,
            |s| s,
        ))
    }
    /// Review comments, oldest first: open ones, or all with `includeResolved` (empty for
    /// readers outside the workspace).
    #[graphql(complexity = "pagination::cost(first, child_complexity)")]
    async fn comments(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        revision: Option<i32>,
        #[graphql(default = false)] include_resolved: bool,
    ) -> async_graphql::Result<Connection<String, ReviewComment>> {
        let page = Page::parse(first, after)?;
        if !self.can(ctx, AdvisoryAction::ReadHistory).await? {
            return Ok(Connection::new(false, false));
        }
        let rows = context::loaders(ctx)?
            .comment_pages()
            .load_one(CommentPageKey {
                page: PageKey::new(self.model.id, page),
                revision,
                include_resolved,
            })
            .await
            .map_err(loaders::internal)?
            .unwrap_or_default();
        Ok(pagination::connection(page, rows, |c| c.id, ReviewComment))
    }
    /// Whether the viewer may save revisions, add indicators and submit for review.
    async fn viewer_can_edit(&self, ctx: &Context<'_>) -> async_graphql::Result<bool> {
        Ok(editable(&self.model) && self.can(ctx, AdvisoryAction::Edit).await?)
    }
    /// Whether the viewer may add and remove co-authors.
    async fn viewer_can_manage_authors(&self, ctx: &Context<'_>) -> async_graphql::Result<bool> {
        Ok(editable(&self.model) && self.can(ctx, AdvisoryAction::ManageAuthors).await?)
    }
    /// Whether the viewer may comment.
    async fn viewer_can_comment(&self, ctx: &Context<'_>) -> async_graphql::Result<bool> {
        self.can(ctx, AdvisoryAction::Comment).await
    }
    /// Whether the viewer may sign off now: an author whose organisation has not yet signed
    /// off the current revision of an advisory in review.
    async fn viewer_can_sign_off(&self, ctx: &Context<'_>) -> async_graphql::Result<bool> {
        if self.model.status != AdvisoryStatus::InReview
            || !self.can(ctx, AdvisoryAction::SignOff).await?
        {
            return Ok(false);
        }
        let rc = context::request(ctx)?;
        let authors = self.authors_loaded(ctx).await?;
        let Some(mine) = authors
            .iter()
            .find(|a| Some(a.user_id) == rc.viewer.user_id())
        else {
            return Ok(false);
        };
        let signed = context::loaders(ctx)?
            .signoffs()
            .load_one((self.model.id, self.model.revision))
            .await
            .map_err(loaders::internal)?
            .unwrap_or_default();
        Ok(!signed
            .iter()
            .any(|s| s.organization_id == mine.organization_id))
    }
    /// Whether the viewer may publish it now.
    async fn viewer_can_publish(&self, ctx: &Context<'_>) -> async_graphql::Result<bool> {
        Ok(self.model.status == AdvisoryStatus::Approved
            && self.can(ctx, AdvisoryAction::Publish).await?)
    }
    /// Whether the viewer may withdraw it.
    async fn viewer_can_withdraw(&self, ctx: &Context<'_>) -> async_graphql::Result<bool> {
        Ok(self.model.status != AdvisoryStatus::Withdrawn
            && self.can(ctx, AdvisoryAction::Withdraw).await?)
    }
    /// The public CSAF document, for advisories published to `PUBLIC`.
    async fn csaf_url(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<String>> {
        let state = context::state(ctx)?;
        Ok(super::exports::public_csaf_path(&self.model)
            .map(|path| super::exports::absolute(&state.config.settings.public_url, &path)))
    }
}

fn editable(advisory: &advisory::Model) -> bool {
    service::ensure_editable(advisory).is_ok()
}

/// An author of an advisory (with whether the viewer reads it as a member of its
/// workspace: accounts are shown only to them).
pub struct AdvisoryAuthor(advisory_author::Model, bool);

#[Object]
impl AdvisoryAuthor {
    /// The account (`null` for readers outside the workspace, and when the viewer may not
    /// see it).
    async fn user(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<User>> {
        if !self.1 {
            return Ok(None);
        }
        User::load_related(ctx, self.0.user_id).await
    }
    async fn organization(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Organization>> {
        Organization::load_visible(ctx, self.0.organization_id).await
    }
    /// Whether this is the lead author.
    async fn lead(&self) -> bool {
        self.0.lead
    }
    async fn added_at(&self) -> DateTime<Utc> {
        self.0.added_at
    }
}

/// A co-authoring organisation's sign-off of the current revision.
pub struct SignOff {
    organization_id: Uuid,
    revision: i32,
    signed: Option<entities::advisory_signoff::Model>,
    members_view: bool,
}

#[Object]
impl SignOff {
    async fn organization(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Organization>> {
        Organization::load_visible(ctx, self.organization_id).await
    }
    /// The revision the sign-off is for (always the current one).
    async fn revision(&self) -> i32 {
        self.revision
    }
    async fn signed(&self) -> bool {
        self.signed.is_some()
    }
    /// Who signed off for the organisation (`null` for readers outside the workspace).
    async fn signed_by(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<User>> {
        match &self.signed {
            Some(s) if self.members_view => User::load_related(ctx, s.user_id).await,
            _ => Ok(None),
        }
    }
    async fn signed_at(&self) -> Option<DateTime<Utc>> {
        self.signed.as_ref().map(|s| s.signed_at)
    }
}

/// One immutable revision of an advisory. Its content is read when a content field is
/// asked for (a list of revisions reads none).
pub struct AdvisoryRevision {
    header: RevisionHeader,
    /// Whether the viewer reads the advisory as a member of its workspace.
    members_view: bool,
    content: tokio::sync::OnceCell<Arc<AdvisoryContent>>,
}

impl AdvisoryRevision {
    fn header(header: RevisionHeader, members_view: bool) -> Self {
        Self {
            header,
            members_view,
            content: tokio::sync::OnceCell::new(),
        }
    }

    fn loaded(model: advisory_revision::Model, members_view: bool) -> Result<Self, AppError> {
        let content = service::parse_content(&model)?;
        let revision = Self::header(
            RevisionHeader {
                advisory_id: model.advisory_id,
                number: model.number,
                author_id: model.author_id,
                created_at: model.created_at,
            },
            members_view,
        );
        let _ = revision.content.set(Arc::new(content));
        Ok(revision)
    }

    async fn content(&self, ctx: &Context<'_>) -> async_graphql::Result<Arc<AdvisoryContent>> {
        let content = self
            .content
            .get_or_try_init(|| async {
                let model = context::loaders(ctx)?
                    .advisory_revisions()
                    .load_one((self.header.advisory_id, self.header.number))
                    .await
                    .map_err(loaders::internal)?
                    .ok_or_else(|| {
                        AppError::Internal(anyhow::anyhow!(
                            "revision {} of advisory {} is missing",
                            self.header.number,
                            self.header.advisory_id
                        ))
                    })?;
                Ok::<_, async_graphql::Error>(Arc::new(service::parse_content(&model)?))
            })
            .await?;
        Ok(content.clone())
    }
}

#[Object]
impl AdvisoryRevision {
    async fn number(&self) -> i32 {
        self.header.number
    }
    /// Who saved it (`null` for readers outside the workspace, and when the viewer may not
    /// see the account).
    async fn author(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<User>> {
        if !self.members_view {
            return Ok(None);
        }
        User::load_related(ctx, self.header.author_id).await
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.header.created_at
    }
    async fn title(&self, ctx: &Context<'_>) -> async_graphql::Result<String> {
        Ok(self.content(ctx).await?.title.clone())
    }
    async fn summary(&self, ctx: &Context<'_>) -> async_graphql::Result<String> {
        Ok(self.content(ctx).await?.summary.clone())
    }
    /// Markdown.
    async fn body(&self, ctx: &Context<'_>) -> async_graphql::Result<String> {
        Ok(self.content(ctx).await?.body.clone())
    }
    /// The body rendered to sanitised HTML.
    async fn body_html(&self, ctx: &Context<'_>) -> async_graphql::Result<String> {
        Ok(crate::threads::markdown::render(
            &self.content(ctx).await?.body,
        ))
    }
    async fn severity(&self, ctx: &Context<'_>) -> async_graphql::Result<Severity> {
        Ok(self.content(ctx).await?.severity)
    }
    async fn cvss_vector(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<String>> {
        Ok(self.content(ctx).await?.cvss_vector.clone())
    }
    /// The CVSS 3.1 base score of `cvssVector`.
    async fn cvss_score(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<f64>> {
        Ok(self
            .content(ctx)
            .await?
            .cvss_vector
            .as_deref()
            .and_then(|v| super::cvss::score(v).ok())
            .map(|s| s.base_score))
    }
    async fn tlp(&self, ctx: &Context<'_>) -> async_graphql::Result<Tlp> {
        Ok(self.content(ctx).await?.tlp)
    }
    async fn cves(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<String>> {
        Ok(self.content(ctx).await?.cves.clone())
    }
    async fn affected_products(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Vec<AffectedProductOutput>> {
        Ok(self
            .content(ctx)
            .await?
            .affected_products
            .iter()
            .map(|p| AffectedProductOutput {
                vendor: p.vendor.clone(),
                product: p.product.clone(),
                versions: p.versions.clone(),
            })
            .collect())
    }
    /// Indicators of compromise (up to 5000, in the order added). The cursor is the
    /// position in that order.
    #[graphql(complexity = "pagination::cost(first, child_complexity)")]
    async fn indicators(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> async_graphql::Result<Connection<String, IndicatorOutput>> {
        let page = pagination::IndexPage::parse(first, after)?;
        let content = self.content(ctx).await?;
        let rows: Vec<(usize, IndicatorOutput)> = content
            .indicators
            .iter()
            .enumerate()
            .skip(page.start())
            .take(page.limit())
            .map(|(i, indicator)| (i, IndicatorOutput::from(indicator)))
            .collect();
        Ok(page.connection(rows))
    }
    /// How many indicators the revision has.
    async fn indicator_count(&self, ctx: &Context<'_>) -> async_graphql::Result<usize> {
        Ok(self.content(ctx).await?.indicators.len())
    }
    /// Markdown.
    async fn recommendations(&self, ctx: &Context<'_>) -> async_graphql::Result<String> {
        Ok(self.content(ctx).await?.recommendations.clone())
    }
    async fn recommendations_html(&self, ctx: &Context<'_>) -> async_graphql::Result<String> {
        Ok(crate::threads::markdown::render(
            &self.content(ctx).await?.recommendations,
        ))
    }
    async fn references(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<String>> {
        Ok(self.content(ctx).await?.references.clone())
    }
    async fn credits(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<String>> {
        Ok(self.content(ctx).await?.credits.clone())
    }
}

/// A cursor in the list of revisions: the number of the last one seen.
fn encode_revision_cursor(number: i32) -> String {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(format!("revision:{number}"))
}

fn decode_revision_cursor(cursor: &str) -> Result<i32, AppError> {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(cursor.as_bytes())
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .and_then(|s| s.strip_prefix("revision:").and_then(|n| n.parse().ok()))
        .ok_or_else(|| AppError::bad_input("after", "not a valid cursor"))
}

#[derive(SimpleObject, Clone)]
#[graphql(name = "AffectedProduct")]
pub struct AffectedProductOutput {
    pub vendor: String,
    pub product: String,
    /// A version range such as `>= 2.0, < 2.4.1`; empty for every version.
    pub versions: String,
}

#[derive(InputObject, Clone)]
pub struct AffectedProductInput {
    pub vendor: String,
    pub product: String,
    #[graphql(default)]
    pub versions: String,
}

#[derive(SimpleObject, Clone)]
#[graphql(name = "Indicator")]
pub struct IndicatorOutput {
    pub kind: IndicatorKind,
    pub value: String,
}

impl From<&Indicator> for IndicatorOutput {
    fn from(i: &Indicator) -> Self {
        Self {
            kind: i.kind,
            value: i.value.clone(),
        }
    }
}

#[derive(InputObject, Clone)]
pub struct IndicatorInput {
    pub kind: IndicatorKind,
    pub value: String,
}

/// A review comment on one field of one revision.
pub struct ReviewComment(pub advisory_comment::Model);

#[Object]
impl ReviewComment {
    async fn id(&self) -> ID {
        ids::encode(NodeType::AdvisoryComment, self.0.id)
    }
    async fn revision(&self) -> i32 {
        self.0.revision
    }
    /// The content field commented on (`title`, `body`, `indicators`, …).
    async fn field(&self) -> &str {
        &self.0.field
    }
    async fn body(&self) -> &str {
        &self.0.body
    }
    async fn author(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<User>> {
        User::load_related(ctx, self.0.author_id).await
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    async fn resolved(&self) -> bool {
        self.0.resolved_at.is_some()
    }
    async fn resolved_at(&self) -> Option<DateTime<Utc>> {
        self.0.resolved_at
    }
    async fn resolved_by(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<User>> {
        match self.0.resolved_by {
            Some(id) => User::load_related(ctx, id).await,
            None => Ok(None),
        }
    }
}

/// A review comment with the advisory it is on.
#[derive(SimpleObject)]
pub struct ReviewCommentPayload {
    pub comment: ReviewComment,
    pub advisory: Advisory,
}

/// The changes between two revisions.
pub struct AdvisoryDiff(pub Diff);

#[derive(SimpleObject)]
pub struct FieldChange {
    pub field: String,
    pub before: String,
    pub after: String,
}

#[derive(SimpleObject)]
pub struct DiffLine {
    pub change: LineChange,
    pub text: String,
}

#[Object]
impl AdvisoryDiff {
    async fn from(&self) -> i32 {
        self.0.from
    }
    async fn to(&self) -> i32 {
        self.0.to
    }
    /// The fields that differ, as text.
    async fn fields(&self) -> Vec<FieldChange> {
        self.0
            .fields
            .iter()
            .map(|f| FieldChange {
                field: f.field.to_owned(),
                before: f.before.clone(),
                after: f.after.clone(),
            })
            .collect()
    }
    /// Whether `body` is the whole line diff: bodies over 5,000 lines are not diffed line by
    /// line, and at most 5,000 lines are returned.
    async fn body_complete(&self) -> bool {
        self.0.body_complete
    }
    /// A line diff of the body.
    async fn body(&self) -> Vec<DiffLine> {
        self.0
            .body
            .iter()
            .map(|l| DiffLine {
                change: l.change,
                text: l.text.clone(),
            })
            .collect()
    }
}

/// How a line of pasted indicators was taken.
#[derive(async_graphql::Enum, Clone, Copy, PartialEq, Eq)]
pub enum IndicatorLineOutcome {
    Accepted,
    Duplicate,
    Rejected,
}

#[derive(SimpleObject)]
pub struct IndicatorLine {
    /// 1-based line number in the pasted text.
    pub line: i32,
    pub input: String,
    pub outcome: IndicatorLineOutcome,
    /// The indicator as stored (accepted and duplicate lines).
    pub indicator: Option<IndicatorOutput>,
    /// Why the line was refused.
    pub reason: Option<String>,
}

impl From<LineReport> for IndicatorLine {
    fn from(r: LineReport) -> Self {
        let line = i32::try_from(r.line).unwrap_or(i32::MAX);
        match r.outcome {
            LineOutcome::Accepted(i) => Self {
                line,
                input: r.input,
                outcome: IndicatorLineOutcome::Accepted,
                indicator: Some(IndicatorOutput::from(&i)),
                reason: None,
            },
            LineOutcome::Duplicate(i) => Self {
                line,
                input: r.input,
                outcome: IndicatorLineOutcome::Duplicate,
                indicator: Some(IndicatorOutput::from(&i)),
                reason: Some("already in the advisory or earlier in the text".into()),
            },
            LineOutcome::Rejected(reason) => Self {
                line,
                input: r.input,
                outcome: IndicatorLineOutcome::Rejected,
                indicator: None,
                reason: Some(reason),
            },
        }
    }
}

/// The advisory after adding indicators, and what became of each pasted line.
#[derive(SimpleObject)]
pub struct AddIndicatorsPayload {
    pub advisory: Advisory,
    pub lines: Vec<IndicatorLine>,
    pub accepted: i32,
    pub duplicates: i32,
    pub rejected: i32,
}

#[derive(InputObject)]
pub struct CreateAdvisoryInput {
    pub workspace_id: ID,
    pub title: String,
    pub summary: Option<String>,
    /// Markdown.
    pub body: Option<String>,
    /// Defaults to `MEDIUM`.
    pub severity: Option<Severity>,
    /// Defaults to the workspace's TLP.
    pub tlp: Option<Tlp>,
}

/// Changes to an advisory's content: fields left out stay as they are.
#[derive(InputObject, Default)]
pub struct AdvisoryChangesInput {
    pub title: Option<String>,
    pub summary: Option<String>,
    pub body: Option<String>,
    pub severity: Option<Severity>,
    /// A CVSS 3.1 vector; `null` clears it.
    pub cvss_vector: MaybeUndefined<String>,
    pub tlp: Option<Tlp>,
    pub cves: Option<Vec<String>>,
    pub affected_products: Option<Vec<AffectedProductInput>>,
    pub indicators: Option<Vec<IndicatorInput>>,
    pub recommendations: Option<String>,
    pub references: Option<Vec<String>>,
    pub credits: Option<Vec<String>>,
}

impl From<AdvisoryChangesInput> for ContentChanges {
    fn from(i: AdvisoryChangesInput) -> Self {
        ContentChanges {
            title: i.title,
            summary: i.summary,
            body: i.body,
            severity: i.severity,
            cvss_vector: match i.cvss_vector {
                MaybeUndefined::Undefined => None,
                MaybeUndefined::Null => Some(None),
                MaybeUndefined::Value(v) => Some(Some(v)),
            },
            tlp: i.tlp,
            cves: i.cves,
            affected_products: i.affected_products.map(|ps| {
                ps.into_iter()
                    .map(|p| AffectedProduct {
                        vendor: p.vendor,
                        product: p.product,
                        versions: p.versions,
                    })
                    .collect()
            }),
            indicators: i.indicators.map(|is| {
                is.into_iter()
                    .map(|i| Indicator {
                        kind: i.kind,
                        value: i.value,
                    })
                    .collect()
            }),
            recommendations: i.recommendations,
            references: i.references,
            credits: i.credits,
        }
    }
}

/// A workspace's advisories (for `Workspace.advisories`).
pub async fn workspace_advisories(
    ctx: &Context<'_>,
    found: &Found,
    status: Option<AdvisoryStatus>,
    first: Option<i32>,
    after: Option<String>,
) -> async_graphql::Result<Connection<String, Advisory>> {
    let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
    let page = Page::parse(first, after)?;
    let rows = service::list_in_workspace(&state.db, rc, found.workspace.id, status, page).await?;
    Ok(pagination::connection(page, rows, |a| a.id, Advisory::new))
}
