//! The subscriptions. Each checks, through the access policy, that the viewer may watch what
//! it names (as the query of the same object would), registers with this replica's hub, and
//! — given `after` — first replays the events the client missed, in order, each authorised
//! as it is now. Every event carries its `cursor`; a client that reconnects passes the last
//! one it saw and receives each event once.

use std::{collections::VecDeque, sync::Arc};

use async_graphql::{Context, Enum, ID, Object, Subscription};
use entities::{EventKind, WorkspaceRole, event};
use futures::{Stream, StreamExt};
use sea_orm::{
    ColumnTrait, Condition, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};
use uuid::Uuid;

use super::{
    cursor::Cursor,
    hub::{Decision, Delivery, Ended, Subscription as Live, Topic, decide},
    resolve,
};
use crate::{
    advisories::{self, types::Advisory},
    alerts::types::Alert,
    auth::{Viewer, policy::WorkspaceAction},
    context,
    error::{AppError, AppResult},
    ids::{self, NodeType},
    notifications::{service as notifications, types::Notification},
    threads::types::{Post, Thread},
    users::types::User,
    workspaces::{self, service::Found},
};

/// Most missed events replayed to one resuming subscription; further back, refetch.
const MAX_REPLAY: u64 = 1000;

#[derive(Default)]
pub struct RealtimeSubscription;

#[Subscription]
impl RealtimeSubscription {
    /// Posts added to a thread, as they are added.
    async fn post_added(
        &self,
        ctx: &Context<'_>,
        thread_id: ID,
        #[graphql(desc = "The `cursor` of the last event received, to resume after it.")]
        after: Option<String>,
    ) -> async_graphql::Result<impl Stream<Item = async_graphql::Result<PostAdded>> + use<>> {
        let id = ids::decode(NodeType::Thread, &thread_id)?;
        let _turn = admission(ctx).await?;
        let thread = Thread::load_readable(ctx, id)
            .await?
            .ok_or(AppError::NotFound)?;
        let topic = Topic::PostAdded { thread: id };
        let stream = open(ctx, topic, Some(thread.workspace_id()), after).await?;
        Ok(stream.map(|item| {
            item.and_then(|d| {
                let cursor = cursor_of(&d);
                post_of(&d)
                    .map(|post| PostAdded { cursor, post })
                    .ok_or_else(|| AppError::NotFound.into())
            })
        }))
    }

    /// Threads of a workspace created, updated, pinned or locked, and posts added, edited or
    /// removed in them — those the viewer may read.
    async fn thread_activity(
        &self,
        ctx: &Context<'_>,
        workspace_id: ID,
        after: Option<String>,
    ) -> async_graphql::Result<impl Stream<Item = async_graphql::Result<ThreadActivity>> + use<>>
    {
        let _turn = admission(ctx).await?;
        let workspace = watched_workspace(ctx, &workspace_id).await?;
        let topic = Topic::ThreadActivity { workspace };
        let stream = open(ctx, topic, None, after).await?;
        Ok(stream.map(|item| {
            item.and_then(|d| {
                let thread = d.event.thread.clone().ok_or(AppError::NotFound)?;
                Ok(ThreadActivity {
                    cursor: cursor_of(&d),
                    kind: ThreadActivityKind::of(d.event.model.kind),
                    post: post_of(&d),
                    thread: Thread::shared(thread, found_of(&d)?),
                })
            })
        }))
    }

    /// The viewer's own notifications as they are created, with the unread count.
    async fn notification_received(
        &self,
        ctx: &Context<'_>,
        after: Option<String>,
    ) -> async_graphql::Result<
        impl Stream<Item = async_graphql::Result<NotificationReceived>> + use<>,
    > {
        let _turn = admission(ctx).await?;
        let rc = context::request(ctx)?;
        let user = notifications::owner(rc, crate::auth::scopes::Access::Read)?;
        let topic = Topic::Notifications { user };
        let stream = open(ctx, topic, None, after).await?;
        Ok(stream.map(|item| {
            item.and_then(|d| {
                let notification = d.event.notification.clone().ok_or(AppError::NotFound)?;
                Ok(NotificationReceived {
                    cursor: cursor_of(&d),
                    notification: Notification(notification),
                    unread_count: i32::try_from(d.event.unread).unwrap_or(i32::MAX),
                })
            })
        }))
    }

    /// Changes to one advisory: a revision saved, its authors changed, a review comment
    /// added or resolved, a sign-off, its status changed. Authorised at every delivery: a
    /// viewer who may no longer read the advisory gets `FORBIDDEN` and the stream ends.
    async fn advisory_updated(
        &self,
        ctx: &Context<'_>,
        id: ID,
        after: Option<String>,
    ) -> async_graphql::Result<impl Stream<Item = async_graphql::Result<AdvisoryUpdated>> + use<>>
    {
        let _turn = admission(ctx).await?;
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        let found = advisories::service::require_by_global_id(
            &state.db,
            rc,
            &id,
            crate::auth::policy::AdvisoryAction::Read,
        )
        .await?;
        let topic = Topic::Advisory {
            advisory: found.advisory.id,
        };
        // A member reading it as workspace content (not as its audience) stops at once when
        // they leave the workspace, like the workspace's own streams.
        let workspace =
            crate::auth::policy::advisory_reader_depends_on_membership(&rc.viewer, &found.advisory)
                .then_some(found.advisory.workspace_id);
        let stream = open(ctx, topic, workspace, after).await?;
        Ok(stream.map(|item| {
            item.and_then(|d| {
                let advisory = d.event.advisory.clone().ok_or(AppError::NotFound)?;
                Ok(AdvisoryUpdated {
                    cursor: cursor_of(&d),
                    kind: AdvisoryUpdateKind::of(d.event.model.kind),
                    advisory: Advisory::new(advisory),
                    // Who acted is shown to members of the workspace only.
                    actor: d.event.model.user_id.filter(|_| d.role.is_some()),
                })
            })
        }))
    }

    /// Cyber alerts as they are issued, those for the viewer's audience: public ones for
    /// everyone, law-enforcement ones for members of law-enforcement organisations and
    /// international bodies.
    async fn alert_issued(
        &self,
        ctx: &Context<'_>,
        after: Option<String>,
    ) -> async_graphql::Result<impl Stream<Item = async_graphql::Result<AlertIssued>> + use<>> {
        let _turn = admission(ctx).await?;
        let stream = open(ctx, Topic::Alerts, None, after).await?;
        Ok(stream.map(|item| {
            item.and_then(|d| {
                let alert = d.event.alert.clone().ok_or(AppError::NotFound)?;
                Ok(AlertIssued {
                    cursor: cursor_of(&d),
                    alert: Alert(alert),
                })
            })
        }))
    }

    /// Changes to a training programme the viewer may see — its sessions, enrolments and
    /// waiting list, completions and certificates: refetch what you show of it.
    async fn training_updated(
        &self,
        ctx: &Context<'_>,
        programme_id: ID,
        after: Option<String>,
    ) -> async_graphql::Result<impl Stream<Item = async_graphql::Result<TrainingUpdated>> + use<>>
    {
        let _turn = admission(ctx).await?;
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        let found = crate::training::service::require_by_global_id(
            &state.db,
            rc,
            &programme_id,
            crate::auth::policy::TrainingAction::Read,
        )
        .await?;
        let topic = Topic::Training {
            programme: found.programme.id,
        };
        let stream = open(ctx, topic, None, after).await?;
        Ok(stream.map(|item| {
            item.and_then(|d| {
                let programme = d.event.programme.as_ref().ok_or(AppError::NotFound)?;
                Ok(TrainingUpdated {
                    cursor: cursor_of(&d),
                    programme_id: ids::encode(NodeType::Programme, programme.programme.id),
                })
            })
        }))
    }

    /// Members of a workspace joining, changing role, removed or leaving.
    async fn membership_changed(
        &self,
        ctx: &Context<'_>,
        workspace_id: ID,
        after: Option<String>,
    ) -> async_graphql::Result<impl Stream<Item = async_graphql::Result<MembershipChanged>> + use<>>
    {
        let _turn = admission(ctx).await?;
        let workspace = watched_workspace(ctx, &workspace_id).await?;
        let topic = Topic::Membership { workspace };
        let stream = open(ctx, topic, None, after).await?;
        Ok(stream.map(|item| {
            item.map(|d| MembershipChanged {
                cursor: cursor_of(&d),
                kind: MembershipChangeKind::of(d.event.model.kind),
                role: d.event.model.role,
                delivery: d,
            })
        }))
    }
}

/// A turn to start a subscription: a burst of new subscriptions (every client reconnecting
/// after a restart) is set up a few at a time instead of all waiting on the database at once.
async fn admission<'a>(
    ctx: &Context<'a>,
) -> async_graphql::Result<tokio::sync::SemaphorePermit<'a>> {
    let state = context::state(ctx)?;
    state
        .realtime
        .admission
        .acquire()
        .await
        .map_err(|_| AppError::Internal(anyhow::anyhow!("subscription admission closed")).into())
}

/// A workspace the viewer may read, by global id.
async fn watched_workspace(ctx: &Context<'_>, id: &ID) -> async_graphql::Result<Uuid> {
    let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
    let found =
        workspaces::service::require_by_global_id(&state.db, rc, id, WorkspaceAction::Read).await?;
    Ok(found.workspace.id)
}

fn cursor_of(d: &Delivery) -> String {
    Cursor {
        seq: d.event.model.seq.unwrap_or_default(),
        at: d.event.model.created_at,
    }
    .encode()
}

fn found_of(d: &Delivery) -> AppResult<Arc<Found>> {
    let workspace = d.event.workspace.clone().ok_or(AppError::NotFound)?;
    Ok(Arc::new(Found {
        workspace,
        role: d.role,
    }))
}

fn post_of(d: &Delivery) -> Option<Post> {
    let (post, thread) = (d.event.post.clone()?, d.event.thread.clone()?);
    Some(Post {
        model: post,
        thread,
        found: found_of(d).ok()?,
        author: d.event.author.clone(),
    })
}

/// Registers `topic` for the viewer and returns its deliveries: first those missed after
/// `after`, then live ones, each once, in order; a stream that loses access ends with
/// `FORBIDDEN`.
async fn open(
    ctx: &Context<'_>,
    topic: Topic,
    workspace: Option<Uuid>,
    after: Option<String>,
) -> async_graphql::Result<impl Stream<Item = async_graphql::Result<Delivery>> + use<>> {
    let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
    let after = after
        .map(|a| Cursor::decode(&a, state.config.settings.event_retention))
        .transpose()?;
    let viewer = rc.viewer.clone();
    // Registered before the replay is read, so nothing falls between the two.
    let live = state
        .realtime
        .hub
        .subscribe(viewer.clone(), topic, workspace);
    let mut replay = VecDeque::new();
    let mut last = 0;
    if let Some(after) = after {
        last = after.seq;
        replay = missed(&state.db, &viewer, topic, workspace, after.seq).await?;
    }
    Ok(futures::stream::unfold(
        Replay {
            live,
            replay,
            db: state.db.clone(),
            viewer,
            topic,
            workspace: workspace.or(topic_workspace(&topic)),
            last,
            done: false,
        },
        next,
    ))
}

/// A subscription's state: the missed events still to replay (read from the table, each
/// decided only when its turn comes), then the live deliveries.
struct Replay {
    live: Live,
    replay: VecDeque<event::Model>,
    db: DatabaseConnection,
    viewer: Viewer,
    topic: Topic,
    workspace: Option<Uuid>,
    last: i64,
    done: bool,
}

fn ended_error(ended: Ended) -> async_graphql::Error {
    match ended {
        Ended::Forbidden => {
            AppError::forbidden("you may no longer see what this subscription watches")
        }
        Ended::Lagging => AppError::Lagging,
    }
    .into()
}

async fn next(mut s: Replay) -> Option<(async_graphql::Result<Delivery>, Replay)> {
    if s.done {
        return None;
    }
    loop {
        let delivery = match s.replay.pop_front() {
            Some(model) => match replayed(&s, model).await {
                Ok(Some(delivery)) => delivery,
                Ok(None) => continue,
                Err(err) => {
                    s.done = true;
                    return Some((Err(err), s));
                }
            },
            None => match s.live.rx.recv().await {
                // Deliveries queued before the hub ended the subscription are not sent.
                Some(_) if s.live.ended() == Some(Ended::Forbidden) => {
                    s.done = true;
                    return Some((Err(ended_error(Ended::Forbidden)), s));
                }
                Some(delivery) => delivery,
                None => {
                    s.done = true;
                    let ended = s.live.ended()?;
                    return Some((Err(ended_error(ended)), s));
                }
            },
        };
        let seq = delivery.event.model.seq.unwrap_or_default();
        if seq <= s.last {
            continue;
        }
        s.last = seq;
        return Some((Ok(delivery), s));
    }
}

/// Decides, as of now, what the subscription gets of one missed event: `None` to skip it,
/// an error to end the stream.
async fn replayed(s: &Replay, model: event::Model) -> async_graphql::Result<Option<Delivery>> {
    let user = s.viewer.user_id().unwrap_or_default();
    let resolved = Arc::new(
        resolve::resolve(&s.db, model)
            .await
            .map_err(AppError::from)?,
    );
    match decide(&resolved, &s.topic, s.workspace, &s.viewer, user) {
        Decision::Skip => Ok(None),
        Decision::Deliver(role) => Ok(Some(Delivery {
            event: resolved,
            role,
        })),
        // A removal in the past does not end the stream of someone who is a member again.
        Decision::End
            if matches!(
                resolved.model.kind,
                EventKind::MemberRemoved | EventKind::MemberLeft
            ) && resolved.members.contains_key(&user) =>
        {
            Ok(None)
        }
        Decision::End => Err(ended_error(Ended::Forbidden)),
    }
}

/// The events after `after` that concern the subscription (decided one by one as they are
/// replayed). More than [`MAX_REPLAY`] of them: refetch instead.
async fn missed(
    db: &DatabaseConnection,
    viewer: &Viewer,
    topic: Topic,
    workspace: Option<Uuid>,
    after: i64,
) -> AppResult<VecDeque<event::Model>> {
    let user = viewer.user_id().unwrap_or_default();
    let mut about = Condition::any().add(event::Column::UserId.eq(user));
    match topic {
        Topic::PostAdded { thread } => about = about.add(event::Column::ThreadId.eq(thread)),
        Topic::ThreadActivity { workspace } | Topic::Membership { workspace } => {
            about = about.add(event::Column::WorkspaceId.eq(workspace))
        }
        Topic::Notifications { .. } => {}
        Topic::Advisory { advisory } => about = about.add(event::Column::SubjectId.eq(advisory)),
        Topic::Alerts => about = about.add(event::Column::Kind.eq(EventKind::AlertIssued)),
        Topic::Training { programme } => about = about.add(event::Column::SubjectId.eq(programme)),
    }
    if let (Some(workspace), false) = (
        workspace,
        matches!(topic, Topic::PostAdded { .. } | Topic::Advisory { .. }),
    ) {
        about = about.add(event::Column::WorkspaceId.eq(workspace));
    }
    let events = event::Entity::find()
        .filter(event::Column::Seq.gt(after))
        .filter(about)
        .order_by_asc(event::Column::Seq)
        .limit(MAX_REPLAY + 1)
        .all(db)
        .await?;
    if events.len() as u64 > MAX_REPLAY {
        return Err(AppError::CursorExpired);
    }
    Ok(events.into())
}

fn topic_workspace(topic: &Topic) -> Option<Uuid> {
    match topic {
        Topic::ThreadActivity { workspace } | Topic::Membership { workspace } => Some(*workspace),
        _ => None,
    }
}

/// A post added to a watched thread.
pub struct PostAdded {
    cursor: String,
    post: Post,
}

#[Object]
impl PostAdded {
    /// Pass it as `after` to resume after this event.
    async fn cursor(&self) -> &str {
        &self.cursor
    }
    async fn post(&self) -> &Post {
        &self.post
    }
}

/// What happened in a workspace's threads.
#[derive(Enum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThreadActivityKind {
    ThreadCreated,
    ThreadUpdated,
    ThreadPinned,
    ThreadLocked,
    PostAdded,
    PostEdited,
    PostRemoved,
}

impl ThreadActivityKind {
    fn of(kind: EventKind) -> Self {
        match kind {
            EventKind::ThreadCreated => Self::ThreadCreated,
            EventKind::ThreadPinned => Self::ThreadPinned,
            EventKind::ThreadLocked => Self::ThreadLocked,
            EventKind::PostAdded => Self::PostAdded,
            EventKind::PostEdited => Self::PostEdited,
            EventKind::PostRemoved => Self::PostRemoved,
            _ => Self::ThreadUpdated,
        }
    }
}

/// One change to a thread of a watched workspace, or to one of its posts.
pub struct ThreadActivity {
    cursor: String,
    kind: ThreadActivityKind,
    thread: Thread,
    post: Option<Post>,
}

#[Object]
impl ThreadActivity {
    async fn cursor(&self) -> &str {
        &self.cursor
    }
    /// `THREAD_PINNED` and `THREAD_LOCKED` also stand for unpinning and unlocking: see the
    /// thread's `pinned` and `locked`.
    async fn kind(&self) -> ThreadActivityKind {
        self.kind
    }
    /// The thread as it is now.
    async fn thread(&self) -> &Thread {
        &self.thread
    }
    /// The post, for post events.
    async fn post(&self) -> Option<&Post> {
        self.post.as_ref()
    }
}

/// A notification of the viewer's.
pub struct NotificationReceived {
    cursor: String,
    notification: Notification,
    unread_count: i32,
}

#[Object]
impl NotificationReceived {
    async fn cursor(&self) -> &str {
        &self.cursor
    }
    async fn notification(&self) -> &Notification {
        &self.notification
    }
    /// The viewer's unread notifications once this one arrived.
    async fn unread_count(&self) -> i32 {
        self.unread_count
    }
}

/// How a workspace's membership changed.
#[derive(Enum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum MembershipChangeKind {
    Joined,
    RoleChanged,
    Removed,
    Left,
}

impl MembershipChangeKind {
    fn of(kind: EventKind) -> Self {
        match kind {
            EventKind::MemberJoined => Self::Joined,
            EventKind::MemberRemoved => Self::Removed,
            EventKind::MemberLeft => Self::Left,
            _ => Self::RoleChanged,
        }
    }
}

/// A member joined, changed role, was removed or left.
pub struct MembershipChanged {
    cursor: String,
    kind: MembershipChangeKind,
    role: Option<WorkspaceRole>,
    delivery: Delivery,
}

#[Object]
impl MembershipChanged {
    async fn cursor(&self) -> &str {
        &self.cursor
    }
    async fn kind(&self) -> MembershipChangeKind {
        self.kind
    }
    /// The member (`null` when the viewer may not see the account).
    async fn member(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<User>> {
        match self.delivery.event.model.subject_id {
            Some(id) => User::load_related(ctx, id).await,
            None => Ok(None),
        }
    }
    /// The member's role after the change (`null` once removed or gone).
    async fn role(&self) -> Option<WorkspaceRole> {
        self.role
    }
}

/// What happened to a watched advisory.
#[derive(Enum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum AdvisoryUpdateKind {
    RevisionSaved,
    AuthorsChanged,
    Commented,
    SignedOff,
    StatusChanged,
}

impl AdvisoryUpdateKind {
    fn of(kind: EventKind) -> Self {
        match kind {
            EventKind::AdvisoryAuthorsChanged => Self::AuthorsChanged,
            EventKind::AdvisoryCommented => Self::Commented,
            EventKind::AdvisorySignedOff => Self::SignedOff,
            EventKind::AdvisoryStatusChanged => Self::StatusChanged,
            _ => Self::RevisionSaved,
        }
    }
}

/// A change to a watched advisory.
pub struct AdvisoryUpdated {
    cursor: String,
    kind: AdvisoryUpdateKind,
    advisory: Advisory,
    actor: Option<Uuid>,
}

#[Object]
impl AdvisoryUpdated {
    async fn cursor(&self) -> &str {
        &self.cursor
    }
    async fn kind(&self) -> AdvisoryUpdateKind {
        self.kind
    }
    /// The advisory as it is now.
    async fn advisory(&self) -> &Advisory {
        &self.advisory
    }
    /// Who made the change (`null` when the viewer may not see the account).
    async fn actor(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<User>> {
        match self.actor {
            Some(id) => User::load_related(ctx, id).await,
            None => Ok(None),
        }
    }
}

/// An alert issued for the viewer's audience.
pub struct AlertIssued {
    cursor: String,
    alert: Alert,
}

#[Object]
impl AlertIssued {
    async fn cursor(&self) -> &str {
        &self.cursor
    }
    async fn alert(&self) -> &Alert {
        &self.alert
    }
}

/// A change to a watched training programme.
#[derive(async_graphql::SimpleObject)]
pub struct TrainingUpdated {
    cursor: String,
    programme_id: ID,
}
