//! Workspace content: workspaces, members, invitations, threads, posts, reactions, search.
//!
//! Rules (PRODUCT.md, "Access policy"):
//! - Content of a workspace is visible only to its members, and a `RED` thread only to its
//!   named recipients (who are members). Platform admins read content only as members.
//! - Members of an unverified organisation see nothing shared.
//! - What the viewer may not see does not exist for them (`NOT_FOUND`); what they may see
//!   but not do is `FORBIDDEN`; what the object's state refuses (archived workspace, locked
//!   thread) is `CONFLICT`.
//! - Writes need the role: `OBSERVER` reads, `CONTRIBUTOR` writes, `MODERATOR` moderates,
//!   `OWNER` manages. API tokens need `workspaces:read` / `workspaces:write`.

use entities::{Tlp, WorkspaceRole, post, thread, thread_recipient, workspace, workspace_member};
use sea_orm::{
    ColumnTrait, Condition, EntityTrait, QueryFilter, QuerySelect, QueryTrait,
    sea_query::SimpleExpr,
};
use uuid::Uuid;

use super::super::{Access, Area, Credential, Viewer};
use crate::error::{AppError, AppResult};

/// The viewer's standing in one workspace, as the service found it.
#[derive(Debug, Clone, Copy)]
pub struct Standing<'a> {
    pub workspace: &'a workspace::Model,
    /// `None` when the viewer is not a member.
    pub role: Option<WorkspaceRole>,
}

/// Something a viewer wants to do in a workspace.
#[derive(Debug, Clone, Copy)]
pub enum WorkspaceAction<'a> {
    /// See the workspace, its members and its non-`RED` threads and posts.
    Read,
    /// Read one thread (and its posts): `RED` needs being a recipient.
    ReadThread {
        thread: &'a thread::Model,
        recipient: bool,
    },
    /// Start threads, post, react.
    Contribute,
    /// Post to a thread: contribute, and the thread is open.
    PostTo(&'a thread::Model),
    /// Change a thread's title or TLP: its author (still a contributor) or a moderator.
    EditThread(&'a thread::Model),
    /// Edit a post: its author only, while a contributor.
    EditPost(&'a post::Model),
    /// Pin and lock threads, remove posts.
    Moderate,
    /// Settings, members, invitations, the workspace's audit events.
    Manage,
    /// Leave the workspace (any member).
    Leave,
}

impl WorkspaceAction<'_> {
    fn access(&self) -> Access {
        match self {
            WorkspaceAction::Read | WorkspaceAction::ReadThread { .. } => Access::Read,
            _ => Access::Write,
        }
    }

    fn changes_content(&self) -> bool {
        matches!(
            self,
            WorkspaceAction::Contribute
                | WorkspaceAction::PostTo(_)
                | WorkspaceAction::EditThread(_)
                | WorkspaceAction::EditPost(_)
                | WorkspaceAction::Moderate
        )
    }
}

/// Whether a realtime event of a workspace — about one of its threads when `thread` is given,
/// with whether the viewer is among its recipients — may be delivered to `viewer` now.
/// `standing` and `active` are read afresh for each event, not taken from when the
/// subscription started: a member who was removed, demoted out of a `RED` thread or
/// suspended gets nothing more.
pub fn deliver_in_workspace(
    viewer: &Viewer,
    active: bool,
    standing: Standing<'_>,
    thread: Option<(&thread::Model, bool)>,
) -> AppResult<()> {
    if !active {
        return Err(AppError::forbidden("this account is suspended"));
    }
    let action = match thread {
        Some((thread, recipient)) => WorkspaceAction::ReadThread { thread, recipient },
        None => WorkspaceAction::Read,
    };
    authorize_in_workspace(viewer, standing, action)
}

/// Decides whether `viewer`, standing as `standing` in a workspace, may do `action` there.
pub fn authorize_in_workspace(
    viewer: &Viewer,
    standing: Standing<'_>,
    action: WorkspaceAction<'_>,
) -> AppResult<()> {
    let Some(account) = viewer.account() else {
        return Err(AppError::NotFound);
    };
    // Membership first: to a non-member the workspace does not exist.
    let role = match standing.role {
        Some(role) if account.organization_verified() => role,
        _ => return Err(AppError::NotFound),
    };
    let token_scopes = match &account.credential {
        Credential::ApiToken { scopes, .. } => Some(scopes),
        Credential::Session { .. } => None,
    };
    if let Some(scopes) = token_scopes
        && !scopes.allows(Area::Workspaces, Access::Read)
    {
        return Err(AppError::NotFound);
    }
    if let WorkspaceAction::ReadThread { thread, recipient } = action
        && thread.tlp == Tlp::Red
        && !recipient
    {
        return Err(AppError::NotFound);
    }
    if action.access() == Access::Write
        && let Some(scopes) = token_scopes
        && !scopes.allows(Area::Workspaces, Access::Write)
    {
        return Err(AppError::forbidden(
            "this API token lacks the scope workspaces:write",
        ));
    }
    let me = account.user_id();
    let allowed = match action {
        WorkspaceAction::Read | WorkspaceAction::ReadThread { .. } | WorkspaceAction::Leave => true,
        WorkspaceAction::Contribute | WorkspaceAction::PostTo(_) => {
            role >= WorkspaceRole::Contributor
        }
        WorkspaceAction::EditThread(thread) => {
            role >= WorkspaceRole::Moderator
                || (thread.author_id == me && role >= WorkspaceRole::Contributor)
        }
        WorkspaceAction::EditPost(post) => {
            post.author_id == me && role >= WorkspaceRole::Contributor
        }
        WorkspaceAction::Moderate => role >= WorkspaceRole::Moderator,
        WorkspaceAction::Manage => role == WorkspaceRole::Owner,
    };
    if !allowed {
        return Err(AppError::forbidden(match action {
            WorkspaceAction::EditPost(_) => "only the author may edit a post",
            WorkspaceAction::EditThread(_) => {
                "only the thread's author or a moderator may change it"
            }
            WorkspaceAction::Moderate => "moderating needs the MODERATOR role",
            WorkspaceAction::Manage => "managing the workspace needs the OWNER role",
            _ => "writing needs the CONTRIBUTOR role",
        }));
    }
    if action.changes_content() && standing.workspace.archived_at.is_some() {
        return Err(AppError::conflict("the workspace is archived"));
    }
    if let WorkspaceAction::PostTo(thread) = action
        && thread.locked
    {
        return Err(AppError::conflict("the thread is locked"));
    }
    Ok(())
}

/// Whether the viewer may start a workspace: a signed-in member of a verified organisation
/// (a token needs `workspaces:write`).
pub fn authorize_create_workspace(viewer: &Viewer) -> AppResult<()> {
    let Some(account) = viewer.account() else {
        return Err(AppError::Unauthenticated("sign in to do this"));
    };
    if let Credential::ApiToken { scopes, .. } = &account.credential
        && !scopes.allows(Area::Workspaces, Access::Write)
    {
        return Err(AppError::forbidden(
            "this API token lacks the scope workspaces:write",
        ));
    }
    if !account.organization_verified() {
        return Err(AppError::forbidden("your organisation is not verified yet"));
    }
    Ok(())
}

/// The signed-in account that reads workspace content (lists, search), if it may read any:
/// `None` for anonymous callers, members of unverified organisations and tokens without
/// `workspaces:read`. Lists then filter with [`member_of`] and [`readable_threads`].
pub fn content_reader(viewer: &Viewer) -> AppResult<Option<Uuid>> {
    let Some(account) = viewer.account() else {
        return Err(AppError::Unauthenticated("sign in to do this"));
    };
    if let Credential::ApiToken { scopes, .. } = &account.credential
        && !scopes.allows(Area::Workspaces, Access::Read)
    {
        return Err(AppError::forbidden(
            "this API token lacks the scope workspaces:read",
        ));
    }
    Ok(account.organization_verified().then_some(account.user_id()))
}

/// SQL: the ids of the workspaces `user` is a member of.
pub fn member_of(user: Uuid) -> SimpleExpr {
    workspace::Column::Id.in_subquery(
        workspace_member::Entity::find()
            .select_only()
            .column(workspace_member::Column::WorkspaceId)
            .filter(workspace_member::Column::UserId.eq(user))
            .into_query(),
    )
}

/// SQL: the threads `user` may read within workspaces they are a member of — everything but
/// `RED` threads that do not name them.
pub fn readable_threads(user: Uuid) -> Condition {
    Condition::any().add(thread::Column::Tlp.ne(Tlp::Red)).add(
        thread::Column::Id.in_subquery(
            thread_recipient::Entity::find()
                .select_only()
                .column(thread_recipient::Column::ThreadId)
                .filter(thread_recipient::Column::UserId.eq(user))
                .into_query(),
        ),
    )
}

/// Raw SQL for search: the ids of the threads the user bound at `user` may read, the same
/// rule as [`member_of`] and [`readable_threads`] (`user` is a placeholder, bound twice).
pub fn readable_thread_ids_sql(user: &str) -> String {
    format!(
        "SELECT t.id FROM thread t \
         WHERE t.workspace_id IN (SELECT m.workspace_id FROM workspace_member m WHERE m.user_id = {user}) \
         AND (t.tlp <> 'RED' OR t.id IN (SELECT r.thread_id FROM thread_recipient r WHERE r.user_id = {user}))"
    )
}

/// SQL: the ids of the `RED` threads that do not name `user`, and of the posts in them. To
/// `user` they do not exist — not even as a trace in an audit log (admins included: they read
/// content only as members, and a `RED` thread only as a recipient).
pub fn unreadable_red_content(user: Uuid) -> [sea_orm::sea_query::SelectStatement; 2] {
    let threads = thread::Entity::find()
        .select_only()
        .column(thread::Column::Id)
        .filter(thread::Column::Tlp.eq(Tlp::Red))
        .filter(
            thread::Column::Id.not_in_subquery(
                thread_recipient::Entity::find()
                    .select_only()
                    .column(thread_recipient::Column::ThreadId)
                    .filter(thread_recipient::Column::UserId.eq(user))
                    .into_query(),
            ),
        )
        .into_query();
    let posts = post::Entity::find()
        .select_only()
        .column(post::Column::Id)
        .filter(post::Column::ThreadId.in_subquery(threads.clone()))
        .into_query();
    [threads, posts]
}

/// Whether a user may be added to a workspace restricted to some organisation kinds.
pub fn kind_admitted(workspace: &workspace::Model, kind: entities::OrganizationKind) -> bool {
    crate::workspaces::kinds::parse_stored(workspace.restricted_to_kinds.as_deref())
        .is_none_or(|kinds| kinds.contains(&kind))
}

#[cfg(test)]
pub(crate) mod tests {
    use chrono::Utc;
    use entities::{
        AccountKind, OrganizationKind, PlatformRole, UserStatus, organization, user_account,
    };

    use super::*;
    use crate::{
        auth::{Account, Scopes},
        error::code,
    };

    pub(crate) fn org(verified: bool) -> organization::Model {
        organization::Model {
            id: Uuid::now_v7(),
            name: "Org".into(),
            kind: OrganizationKind::Vendor,
            country: "NL".into(),
            verified,
            created_at: Utc::now(),
            updated_at: Utc::now(),
        }
    }

    pub(crate) fn viewer(verified: bool, role: PlatformRole, scopes: Option<&[&str]>) -> Viewer {
        let org = org(verified);
        Viewer::Account(std::sync::Arc::new(Account {
            user: user_account::Model {
                id: Uuid::now_v7(),
                organization_id: org.id,
                email: "a@b.example".into(),
                display_name: "A".into(),
                password_hash: None,
                role,
                status: UserStatus::Active,
                kind: AccountKind::Person,
                created_at: Utc::now(),
                updated_at: Utc::now(),
            },
            organization: org,
            credential: match scopes {
                None => crate::auth::Credential::Session {
                    session_id: Uuid::now_v7(),
                },
                Some(s) => crate::auth::Credential::ApiToken {
                    token_id: Uuid::now_v7(),
                    scopes: Scopes::parse_list(s).unwrap(),
                },
            },
        }))
    }

    pub(crate) fn workspace(archived: bool) -> workspace::Model {
        workspace::Model {
            id: Uuid::now_v7(),
            name: "W".into(),
            description: String::new(),
            default_tlp: Tlp::Green,
            restricted_to_kinds: None,
            required_programme_id: None,
            created_by: Uuid::now_v7(),
            created_at: Utc::now(),
            updated_at: Utc::now(),
            archived_at: archived.then(Utc::now),
        }
    }

    pub(crate) fn thread(tlp: Tlp, locked: bool, author: Uuid) -> thread::Model {
        thread::Model {
            id: Uuid::now_v7(),
            workspace_id: Uuid::now_v7(),
            title: "T".into(),
            tlp,
            pinned: false,
            locked,
            author_id: author,
            created_at: Utc::now(),
            updated_at: Utc::now(),
            last_activity_at: Utc::now(),
        }
    }

    fn outcome(result: AppResult<()>) -> &'static str {
        match result {
            Ok(()) => "ok",
            Err(e) => e.code(),
        }
    }

    #[test]
    fn roles_decide_what_members_may_do() {
        use WorkspaceRole::*;
        let open = workspace(false);
        let member = viewer(true, PlatformRole::Member, None);
        let me = member.user_id().unwrap();
        let green = thread(Tlp::Green, false, Uuid::now_v7());
        let red = thread(Tlp::Red, false, Uuid::now_v7());
        let locked = thread(Tlp::Green, true, Uuid::now_v7());
        let mine = thread(Tlp::Green, false, me);
        let cases: &[(Option<WorkspaceRole>, WorkspaceAction<'_>, &str)] = &[
            (None, WorkspaceAction::Read, code::NOT_FOUND),
            (Some(Observer), WorkspaceAction::Read, "ok"),
            (Some(Observer), WorkspaceAction::Contribute, code::FORBIDDEN),
            (Some(Contributor), WorkspaceAction::Contribute, "ok"),
            (
                Some(Contributor),
                WorkspaceAction::Moderate,
                code::FORBIDDEN,
            ),
            (Some(Moderator), WorkspaceAction::Moderate, "ok"),
            (Some(Moderator), WorkspaceAction::Manage, code::FORBIDDEN),
            (Some(Owner), WorkspaceAction::Manage, "ok"),
            (
                Some(Owner),
                WorkspaceAction::ReadThread {
                    thread: &red,
                    recipient: false,
                },
                code::NOT_FOUND,
            ),
            (
                Some(Observer),
                WorkspaceAction::ReadThread {
                    thread: &red,
                    recipient: true,
                },
                "ok",
            ),
            (
                Some(Observer),
                WorkspaceAction::ReadThread {
                    thread: &green,
                    recipient: false,
                },
                "ok",
            ),
            (
                Some(Owner),
                WorkspaceAction::PostTo(&locked),
                code::CONFLICT,
            ),
            (
                Some(Contributor),
                WorkspaceAction::EditThread(&green),
                code::FORBIDDEN,
            ),
            (Some(Contributor), WorkspaceAction::EditThread(&mine), "ok"),
            (Some(Moderator), WorkspaceAction::EditThread(&green), "ok"),
            (Some(Observer), WorkspaceAction::Leave, "ok"),
        ];
        for (role, action, expected) in cases {
            let standing = Standing {
                workspace: &open,
                role: *role,
            };
            assert_eq!(
                outcome(authorize_in_workspace(&member, standing, *action)),
                *expected,
                "{role:?} {action:?}"
            );
        }
    }

    #[test]
    #[allow(clippy::type_complexity)] // one table row: name, viewer, workspace, role, action, code
    fn outsiders_tokens_and_archives_are_held_back() {
        let open = workspace(false);
        let archived = workspace(true);
        let owner = Some(WorkspaceRole::Owner);
        let member = viewer(true, PlatformRole::Member, None);
        let admin = viewer(true, PlatformRole::Admin, None);
        let unverified = viewer(false, PlatformRole::Member, None);
        let reader = viewer(true, PlatformRole::Member, Some(&["read"]));
        let other_area = viewer(true, PlatformRole::Member, Some(&["alerts:read"]));
        let cases: &[(
            &str,
            &Viewer,
            &workspace::Model,
            Option<WorkspaceRole>,
            WorkspaceAction<'_>,
            &str,
        )] = &[
            (
                "anonymous",
                &Viewer::Anonymous,
                &open,
                None,
                WorkspaceAction::Read,
                code::NOT_FOUND,
            ),
            (
                "admin outside",
                &admin,
                &open,
                None,
                WorkspaceAction::Read,
                code::NOT_FOUND,
            ),
            (
                "unverified member",
                &unverified,
                &open,
                owner,
                WorkspaceAction::Read,
                code::NOT_FOUND,
            ),
            (
                "read token reads",
                &reader,
                &open,
                owner,
                WorkspaceAction::Read,
                "ok",
            ),
            (
                "read token writes",
                &reader,
                &open,
                owner,
                WorkspaceAction::Contribute,
                code::FORBIDDEN,
            ),
            (
                "token of another area",
                &other_area,
                &open,
                owner,
                WorkspaceAction::Read,
                code::NOT_FOUND,
            ),
            (
                "archived content",
                &member,
                &archived,
                owner,
                WorkspaceAction::Contribute,
                code::CONFLICT,
            ),
            (
                "archived reads",
                &member,
                &archived,
                owner,
                WorkspaceAction::Read,
                "ok",
            ),
        ];
        for (name, viewer, ws, role, action, expected) in cases {
            let standing = Standing {
                workspace: ws,
                role: *role,
            };
            assert_eq!(
                outcome(authorize_in_workspace(viewer, standing, *action)),
                *expected,
                "{name}"
            );
        }
        assert_eq!(outcome(authorize_create_workspace(&member)), "ok");
        assert_eq!(
            outcome(authorize_create_workspace(&unverified)),
            code::FORBIDDEN
        );
        assert_eq!(
            outcome(authorize_create_workspace(&reader)),
            code::FORBIDDEN
        );
        assert_eq!(
            outcome(authorize_create_workspace(&Viewer::Anonymous)),
            code::UNAUTHENTICATED
        );
    }
}
