//! The dispatcher of one replica: takes published events in `seq` order (from the relay on
//! this replica, or woken by the bus for events published elsewhere, or by its own poll of
//! the event table), reads what each event is about once, and hands it to every local
//! subscription that may see it now — asking the access policy for each subscriber at
//! delivery. A subscription whose subscriber has lost access is ended with `FORBIDDEN`.

use std::{
    collections::HashMap,
    sync::{
        Arc, OnceLock, RwLock,
        atomic::{AtomicBool, AtomicU64, Ordering},
    },
    time::Duration,
};

use entities::{EventKind, UserStatus, WorkspaceRole, event};
use sea_orm::{
    ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};
use tokio::sync::mpsc;
use uuid::Uuid;

use super::resolve::{self, Resolved};
use crate::auth::{Viewer, policy};

/// Most events read from the table in one go.
const BATCH: u64 = 500;
/// Deliveries queued for one subscription before it is ended as lagging.
const QUEUE: usize = 256;

/// What a subscription listens to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Topic {
    /// Posts added to one thread.
    PostAdded { thread: Uuid },
    /// Threads and posts of one workspace.
    ThreadActivity { workspace: Uuid },
    /// Members of one workspace.
    Membership { workspace: Uuid },
    /// One account's notifications.
    Notifications { user: Uuid },
    /// One advisory: revisions, authors, comments, sign-offs, status.
    Advisory { advisory: Uuid },
    /// Alerts issued (each delivered to those its audience includes).
    Alerts,
    /// One training programme: its sessions, enrolments, completions, certificates.
    Training { programme: Uuid },
}

impl Topic {
    /// The workspace whose membership the subscription depends on, if any: `given` for a
    /// thread's posts (the thread's workspace) and an advisory (its workspace, unless the
    /// subscriber reads it as its audience).
    fn workspace(&self, given: Option<Uuid>) -> Option<Uuid> {
        match self {
            Topic::PostAdded { .. } | Topic::Advisory { .. } => given,
            Topic::ThreadActivity { workspace } | Topic::Membership { workspace } => {
                Some(*workspace)
            }
            Topic::Notifications { .. } | Topic::Alerts | Topic::Training { .. } => None,
        }
    }

    /// Whether an event of `kind` about `event` belongs to this topic.
    pub fn matches(&self, event: &event::Model) -> bool {
        use EventKind::*;
        match (self, event.kind) {
            (Topic::PostAdded { thread }, PostAdded) => event.thread_id == Some(*thread),
            (
                Topic::ThreadActivity { workspace },
                ThreadCreated | ThreadUpdated | ThreadPinned | ThreadLocked | PostAdded
                | PostEdited | PostRemoved,
            ) => event.workspace_id == Some(*workspace),
            (
                Topic::Membership { workspace },
                MemberJoined | MemberRoleChanged | MemberRemoved | MemberLeft,
            ) => event.workspace_id == Some(*workspace),
            (Topic::Notifications { user }, NotificationCreated) => event.user_id == Some(*user),
            (
                Topic::Advisory { advisory },
                AdvisoryRevisionSaved
                | AdvisoryAuthorsChanged
                | AdvisoryCommented
                | AdvisorySignedOff
                | AdvisoryStatusChanged,
            ) => event.subject_id == Some(*advisory),
            (Topic::Alerts, AlertIssued) => true,
            (Topic::Training { programme }, TrainingUpdated) => {
                event.subject_id == Some(*programme)
            }
            _ => false,
        }
    }
}

/// One event as one subscriber may see it.
#[derive(Clone)]
pub struct Delivery {
    pub event: Arc<Resolved>,
    /// The subscriber's current role in the event's workspace.
    pub role: Option<WorkspaceRole>,
}

/// Why a subscription ended before its client stopped it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    /// The subscriber may no longer see what it watches.
    Forbidden,
    /// The subscriber did not keep up; it may resume from its last cursor.
    Lagging,
}

struct Entry {
    topic: Topic,
    viewer: Viewer,
    user: Uuid,
    /// The workspace the subscription depends on (for `PostAdded`, the thread's).
    workspace: Option<Uuid>,
    tx: mpsc::Sender<Delivery>,
    ended: Arc<OnceLock<Ended>>,
}

/// Subscriptions of this replica.
#[derive(Default)]
struct Registry {
    entries: RwLock<HashMap<u64, Entry>>,
    next: AtomicU64,
}

impl Registry {
    fn end(&self, id: u64, why: Ended) {
        if let Ok(mut entries) = self.entries.write()
            && let Some(entry) = entries.remove(&id)
        {
            let _ = entry.ended.set(why);
        }
    }
}

enum Input {
    /// Events this replica's relay has just published, in `seq` order.
    Published(Vec<event::Model>),
    /// Events were published somewhere: read the table from the last one seen.
    Wake,
}

/// This replica's dispatcher.
pub struct Hub {
    registry: Arc<Registry>,
    inbox: mpsc::UnboundedSender<Input>,
    /// A wake-up is queued and not yet taken: further ones add nothing (one reading of the
    /// table covers them all), so a burst of bus messages does not pile up.
    woken: Arc<AtomicBool>,
}

/// A live subscription: deliveries arrive on `rx`; dropping it unsubscribes.
pub struct Subscription {
    id: u64,
    registry: Arc<Registry>,
    pub rx: mpsc::Receiver<Delivery>,
    ended: Arc<OnceLock<Ended>>,
}

impl Subscription {
    /// Why the subscription was ended, once its queue is closed.
    pub fn ended(&self) -> Option<Ended> {
        self.ended.get().copied()
    }
}

impl Drop for Subscription {
    fn drop(&mut self) {
        if let Ok(mut entries) = self.registry.entries.write() {
            entries.remove(&self.id);
        }
    }
}

impl Hub {
    /// Starts the dispatcher of this replica; it reads the table every `poll` as well.
    pub async fn start(db: DatabaseConnection, poll: Duration) -> Result<Arc<Hub>, DbErr> {
        let last = last_seq(&db).await?;
        let (inbox, rx) = mpsc::unbounded_channel();
        let hub = Arc::new(Hub {
            registry: Arc::new(Registry::default()),
            inbox,
            woken: Arc::new(AtomicBool::new(false)),
        });
        tokio::spawn(run(
            db,
            hub.registry.clone(),
            rx,
            hub.woken.clone(),
            last,
            poll,
        ));
        Ok(hub)
    }

    /// Events this replica's relay published.
    pub fn published(&self, events: Vec<event::Model>) {
        let _ = self.inbox.send(Input::Published(events));
    }

    /// Events were published elsewhere (or may have been missed): read the table.
    pub fn wake(&self) {
        if !self.woken.swap(true, Ordering::SeqCst) {
            let _ = self.inbox.send(Input::Wake);
        }
    }

    /// Subscribes `viewer` to `topic`. `workspace` is the workspace the subscription depends
    /// on when the topic does not name it (a thread's).
    pub fn subscribe(&self, viewer: Viewer, topic: Topic, workspace: Option<Uuid>) -> Subscription {
        let id = self.registry.next.fetch_add(1, Ordering::Relaxed);
        let (tx, rx) = mpsc::channel(QUEUE);
        let ended = Arc::new(OnceLock::new());
        let entry = Entry {
            topic,
            user: viewer.user_id().unwrap_or_default(),
            workspace: topic.workspace(workspace),
            viewer,
            tx,
            ended: ended.clone(),
        };
        if let Ok(mut entries) = self.registry.entries.write() {
            entries.insert(id, entry);
        }
        Subscription {
            id,
            registry: self.registry.clone(),
            rx,
            ended,
        }
    }

    /// Subscriptions open on this replica.
    pub fn subscriptions(&self) -> usize {
        self.registry.entries.read().map(|e| e.len()).unwrap_or(0)
    }
}

/// What one subscriber should get of one event.
#[derive(Debug, PartialEq, Eq)]
pub enum Decision {
    Deliver(Option<WorkspaceRole>),
    Skip,
    End,
}

/// Decides, with the access policy, what the subscriber `user` (`viewer`) of `topic` — a
/// subscription that depends on `workspace` — gets of `event`.
pub fn decide(
    event: &Resolved,
    topic: &Topic,
    workspace: Option<Uuid>,
    viewer: &Viewer,
    user: Uuid,
) -> Decision {
    use EventKind::*;
    let about_user = event.model.user_id == Some(user);
    match event.model.kind {
        // A suspended account's streams all end.
        AccountSuspended if about_user => return Decision::End,
        // Leaving a workspace ends every stream that depends on it.
        MemberRemoved | MemberLeft
            if about_user && workspace.is_some() && workspace == event.model.workspace_id =>
        {
            return Decision::End;
        }
        _ => {}
    }
    if !topic.matches(&event.model) {
        return Decision::Skip;
    }
    if let Topic::Notifications { .. } = topic {
        return match event.notification {
            Some(_) => Decision::Deliver(None),
            None => Decision::Skip,
        };
    }
    if let Topic::Training { .. } = topic {
        // Whoever may no longer see the programme is done watching it.
        return match &event.programme {
            Some(programme) => match programme.authorize(viewer, policy::TrainingAction::Read) {
                Ok(()) => Decision::Deliver(None),
                Err(_) => Decision::End,
            },
            None => Decision::Skip,
        };
    }
    if let Topic::Alerts = topic {
        return match &event.alert {
            Some(alert) if policy::authorize_read_alert(viewer, alert).is_ok() => {
                Decision::Deliver(None)
            }
            _ => Decision::Skip,
        };
    }
    let (role, active) = match event.members.get(&user) {
        Some((role, status)) => (Some(*role), *status == UserStatus::Active),
        None => (None, true),
    };
    if let Topic::Advisory { .. } = topic {
        // Members read it as workspace content, others (once published) as its audience:
        // one who can do neither any more is done watching it.
        let (Some(advisory), Some(ws)) = (&event.advisory, &event.workspace) else {
            return Decision::Skip;
        };
        let standing = policy::AdvisoryStanding {
            advisory,
            role,
            archived: ws.archived_at.is_some(),
            author: event.advisory_authors.contains(&user),
        };
        if policy::deliver_advisory(viewer, active, standing).is_err() {
            return Decision::End;
        }
        // A reader outside the workspace (its audience) sees what became public, not the
        // review before or around it: status changes from publication on.
        let member =
            policy::authorize_advisory(viewer, standing, policy::AdvisoryAction::ReadHistory)
                .is_ok();
        let public_change = event.model.kind == EventKind::AdvisoryStatusChanged
            && advisory
                .published_at
                .is_some_and(|at| event.model.created_at >= at);
        return if member || public_change {
            Decision::Deliver(role.filter(|_| member))
        } else {
            Decision::Skip
        };
    }
    // What the event was about is gone.
    let Some(ws) = &event.workspace else {
        return Decision::Skip;
    };
    let standing = policy::Standing {
        workspace: ws,
        role,
    };
    if policy::deliver_in_workspace(viewer, active, standing, None).is_err() {
        return Decision::End;
    }
    let thread = event
        .thread
        .as_deref()
        .map(|t| (t, event.recipients.contains(&user)));
    match policy::deliver_in_workspace(viewer, active, standing, thread) {
        Ok(()) => Decision::Deliver(role),
        // A thread watched by itself that the subscriber may no longer read ends; in a
        // workspace's activity it is merely not shown.
        Err(_) if matches!(topic, Topic::PostAdded { .. }) => Decision::End,
        Err(_) => Decision::Skip,
    }
}

async fn last_seq(db: &DatabaseConnection) -> Result<i64, DbErr> {
    let max: Option<Option<i64>> = event::Entity::find()
        .select_only()
        .column_as(event::Column::Seq.max(), "max")
        .into_tuple()
        .one(db)
        .await?;
    Ok(max.flatten().unwrap_or(0))
}

/// Published events after `after`, in order.
pub async fn published_after(
    db: &DatabaseConnection,
    after: i64,
    limit: u64,
) -> Result<Vec<event::Model>, DbErr> {
    event::Entity::find()
        .filter(event::Column::Seq.gt(after))
        .order_by_asc(event::Column::Seq)
        .limit(limit)
        .all(db)
        .await
}

async fn run(
    db: DatabaseConnection,
    registry: Arc<Registry>,
    mut inbox: mpsc::UnboundedReceiver<Input>,
    woken: Arc<AtomicBool>,
    mut last: i64,
    poll: Duration,
) {
    let mut ticker = tokio::time::interval(poll);
    ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        let input = tokio::select! {
            input = inbox.recv() => match input {
                Some(input) => input,
                None => return,
            },
            _ = ticker.tick() => Input::Wake,
        };
        if let Input::Wake = input {
            // Wake-ups from now on need another reading.
            woken.store(false, Ordering::SeqCst);
        }
        let mut pending = match input {
            Input::Published(events)
                if events
                    .first()
                    .and_then(|e| e.seq)
                    .is_some_and(|first| first <= last + 1) =>
            {
                events
            }
            _ => Vec::new(),
        };
        // Whether `pending` was read from the table (where a gap is for good: a relay gives
        // each block of `seq`s in one transaction, so a missing one was deleted).
        let mut from_table = false;
        'read: loop {
            if pending.is_empty() {
                match published_after(&db, last, BATCH).await {
                    Ok(events) if events.is_empty() => break,
                    Ok(events) => {
                        pending = events;
                        from_table = true;
                    }
                    Err(err) => {
                        tracing::warn!(error = %err, "reading published events failed");
                        break;
                    }
                }
            }
            for event in std::mem::take(&mut pending) {
                let Some(seq) = event.seq else { continue };
                if seq <= last {
                    continue;
                }
                if seq != last + 1 {
                    if !from_table {
                        // A gap in what the relay handed over: read the table instead.
                        continue 'read;
                    }
                    tracing::warn!(after = last, next = seq, "events missing from the table");
                }
                if let Err(err) = dispatch(&db, &registry, event).await {
                    // Not delivered to anyone yet: retried from the table on the next turn.
                    tracing::warn!(error = %err, seq, "reading what an event is about failed");
                    break 'read;
                }
                last = seq;
            }
        }
    }
}

/// Delivers one event to the subscriptions of this replica.
async fn dispatch(
    db: &DatabaseConnection,
    registry: &Registry,
    event: event::Model,
) -> Result<(), DbErr> {
    let resolved = Arc::new(resolve::resolve(db, event).await?);
    let mut ended = Vec::new();
    if let Ok(entries) = registry.entries.read() {
        for (id, entry) in entries.iter() {
            match decide(
                &resolved,
                &entry.topic,
                entry.workspace,
                &entry.viewer,
                entry.user,
            ) {
                Decision::Skip => {}
                Decision::End => ended.push((*id, Ended::Forbidden)),
                Decision::Deliver(role) => {
                    let delivery = Delivery {
                        event: resolved.clone(),
                        role,
                    };
                    match entry.tx.try_send(delivery) {
                        Ok(()) => {}
                        Err(mpsc::error::TrySendError::Full(_)) => {
                            ended.push((*id, Ended::Lagging));
                        }
                        Err(mpsc::error::TrySendError::Closed(_)) => {}
                    }
                }
            }
        }
    }
    for (id, why) in ended {
        registry.end(id, why);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::collections::{HashMap, HashSet};

    use chrono::Utc;
    use entities::{PlatformRole, Tlp, notification};

    use super::*;
    use crate::auth::policy::workspace::tests::{thread, viewer, workspace};

    /// An event of `kind` about a thread of `tlp` in a workspace where the subscriber has
    /// `standing` (role and status), naming the subscriber as recipient when `recipient`.
    fn event(
        kind: EventKind,
        user: Uuid,
        standing: Option<(WorkspaceRole, UserStatus)>,
        tlp: Tlp,
        recipient: bool,
    ) -> Resolved {
        let ws = workspace(false);
        let mut th = thread(tlp, false, Uuid::now_v7());
        th.workspace_id = ws.id;
        let about_user = matches!(
            kind,
            EventKind::MemberRemoved | EventKind::AccountSuspended | EventKind::NotificationCreated
        );
        Resolved {
            model: event::Model {
                id: 1,
                seq: Some(1),
                kind,
                workspace_id: Some(ws.id),
                thread_id: Some(th.id),
                subject_id: None,
                user_id: about_user.then_some(user),
                role: None,
                created_at: Utc::now(),
            },
            members: standing
                .map(|s| (user, s))
                .into_iter()
                .collect::<HashMap<_, _>>(),
            recipients: if recipient {
                HashSet::from([user])
            } else {
                HashSet::new()
            },
            workspace: Some(ws),
            thread: Some(Arc::new(th)),
            post: None,
            author: None,
            notification: (kind == EventKind::NotificationCreated).then(|| notification::Model {
                id: Uuid::now_v7(),
                user_id: user,
                kind: entities::NotificationKind::Mention,
                actor_id: None,
                workspace_id: None,
                thread_id: None,
                post_id: None,
                invitation_id: None,
                advisory_id: None,
                programme_id: None,
                session_id: None,
                created_at: Utc::now(),
                read_at: None,
            }),
            unread: 1,
            member: None,
            advisory: None,
            advisory_authors: HashSet::new(),
            alert: None,
            programme: None,
        }
    }

    #[test]
    fn each_delivery_asks_the_policy_with_the_subscribers_current_standing() {
        use EventKind::*;
        use WorkspaceRole::*;
        let subscriber = viewer(true, PlatformRole::Member, None);
        let me = subscriber.user_id().unwrap_or_default();
        let active = |role| Some((role, UserStatus::Active));
        let deliver = |role| Decision::Deliver(Some(role));
        // (event kind, standing, tlp, recipient, topic is the thread's own, expected)
        let cases = [
            (
                PostAdded,
                active(Observer),
                Tlp::Green,
                false,
                true,
                deliver(Observer),
            ),
            (
                PostAdded,
                active(Contributor),
                Tlp::Amber,
                false,
                false,
                deliver(Contributor),
            ),
            (
                ThreadPinned,
                active(Owner),
                Tlp::Green,
                false,
                false,
                deliver(Owner),
            ),
            // No longer a member, or suspended: the stream ends.
            (PostAdded, None, Tlp::Green, false, true, Decision::End),
            (PostAdded, None, Tlp::Green, false, false, Decision::End),
            (
                PostEdited,
                Some((Contributor, UserStatus::Suspended)),
                Tlp::Green,
                false,
                false,
                Decision::End,
            ),
            // RED: recipients only; a workspace's activity just leaves it out.
            (
                PostAdded,
                active(Contributor),
                Tlp::Red,
                true,
                true,
                deliver(Contributor),
            ),
            (
                PostAdded,
                active(Contributor),
                Tlp::Red,
                false,
                true,
                Decision::End,
            ),
            (
                PostAdded,
                active(Owner),
                Tlp::Red,
                false,
                false,
                Decision::Skip,
            ),
            // Removal and suspension of the subscriber end what depends on the workspace.
            (MemberRemoved, None, Tlp::Green, false, false, Decision::End),
            (MemberRemoved, None, Tlp::Green, false, true, Decision::End),
            (
                AccountSuspended,
                active(Owner),
                Tlp::Green,
                false,
                true,
                Decision::End,
            ),
        ];
        for (i, (kind, standing, tlp, recipient, own_thread, expected)) in
            cases.into_iter().enumerate()
        {
            let e = event(kind, me, standing, tlp, recipient);
            let ws = e.workspace.as_ref().map(|w| w.id);
            let topic = match (own_thread, e.thread.as_ref()) {
                (true, Some(t)) => Topic::PostAdded { thread: t.id },
                _ => Topic::ThreadActivity {
                    workspace: ws.unwrap_or_default(),
                },
            };
            assert_eq!(
                decide(&e, &topic, ws, &subscriber, me),
                expected,
                "case {i}"
            );
        }
    }

    #[test]
    fn notifications_reach_their_owner_only_and_survive_leaving_a_workspace() {
        let subscriber = viewer(true, PlatformRole::Member, None);
        let me = subscriber.user_id().unwrap_or_default();
        let mine = Topic::Notifications { user: me };
        let created = event(EventKind::NotificationCreated, me, None, Tlp::Green, false);
        assert_eq!(
            decide(&created, &mine, None, &subscriber, me),
            Decision::Deliver(None)
        );
        let someone_else = Uuid::now_v7();
        let theirs = event(
            EventKind::NotificationCreated,
            someone_else,
            None,
            Tlp::Green,
            false,
        );
        assert_eq!(
            decide(&theirs, &mine, None, &subscriber, me),
            Decision::Skip
        );
        let removed = event(EventKind::MemberRemoved, me, None, Tlp::Green, false);
        assert_eq!(
            decide(&removed, &mine, None, &subscriber, me),
            Decision::Skip
        );
        let suspended = event(EventKind::AccountSuspended, me, None, Tlp::Green, false);
        assert_eq!(
            decide(&suspended, &mine, None, &subscriber, me),
            Decision::End
        );
    }
}
