//! The access policy: the one place that decides who may do what. Every resolver, nested
//! field, `node(id)`, list and (later) search, export, feed and subscription asks it.
//!
//! Rules (PRODUCT.md, "Access policy"):
//! - Anonymous callers may do nothing here that needs an account (`UNAUTHENTICATED`), and see
//!   no object (`NOT_FOUND`).
//! - An object the viewer may not see does not exist for them: `NOT_FOUND`, never a hint.
//! - Platform administration needs the platform role; an API token additionally needs the
//!   scope for the area, and can never do more than its service account (always `MEMBER`).
//! - Members of an unverified organisation see nothing shared: only their own organisation
//!   and themselves.

pub(crate) mod advisory;
pub(crate) mod training;
pub(crate) mod workspace;

pub use advisory::*;
use entities::{PlatformRole, organization, user_account};
pub use training::*;
use uuid::Uuid;
pub use workspace::*;

use super::{Access, Account, Area, Credential, Viewer};
use crate::error::{AppError, AppResult};

/// Something a viewer wants to do.
#[derive(Debug, Clone, Copy)]
pub enum Action<'a> {
    /// List organisations or users (each list is then filtered by what the viewer may see).
    ReadDirectory,
    ViewOrganization(&'a organization::Model),
    ViewUser(&'a user_account::Model),
    /// See an account that appears on something the viewer may read: the author of a post,
    /// a member or recipient in a shared workspace, the sender of an invitation. The caller
    /// has established that relation.
    ViewRelatedUser(&'a user_account::Model),
    /// Create, edit and verify organisations.
    ManageOrganizations,
    /// Create and suspend accounts, reset passwords.
    ManageUsers,
    /// Create service accounts and their API tokens; list and revoke tokens.
    ManageApiTokens,
    /// Read the platform-wide audit log.
    ReadPlatformAudit,
}

impl Action<'_> {
    fn scope(&self) -> (Area, Access) {
        match self {
            Action::ViewRelatedUser(_) => (Area::Workspaces, Access::Read),
            Action::ReadDirectory
            | Action::ViewOrganization(_)
            | Action::ViewUser(_)
            | Action::ReadPlatformAudit => (Area::Directory, Access::Read),
            Action::ManageOrganizations | Action::ManageUsers | Action::ManageApiTokens => {
                (Area::Directory, Access::Write)
            }
        }
    }

    /// Whether a denial should hide the object (`NOT_FOUND`) rather than refuse (`FORBIDDEN`).
    fn is_object_view(&self) -> bool {
        matches!(
            self,
            Action::ViewOrganization(_) | Action::ViewUser(_) | Action::ViewRelatedUser(_)
        )
    }
}

/// Decides whether `viewer` may perform `action`.
pub fn authorize(viewer: &Viewer, action: Action<'_>) -> AppResult<()> {
    let Some(account) = viewer.account() else {
        return Err(if action.is_object_view() {
            AppError::NotFound
        } else {
            AppError::Unauthenticated("sign in to do this")
        });
    };
    if let Credential::ApiToken { scopes, .. } = &account.credential {
        let (area, access) = action.scope();
        if !scopes.allows(area, access) {
            return Err(if action.is_object_view() {
                AppError::NotFound
            } else {
                AppError::forbidden(format!(
                    "this API token lacks the scope {}:{}",
                    area.as_str(),
                    match access {
                        Access::Read => "read",
                        Access::Write => "write",
                    }
                ))
            });
        }
    }
    let role = account.role();
    let allowed = match action {
        Action::ReadDirectory => true,
        Action::ViewOrganization(org) => organization_scope(account).contains(org),
        Action::ViewUser(user) => user_scope(account).contains(user),
        Action::ViewRelatedUser(user) => {
            account.organization_verified() || user_scope(account).contains(user)
        }
        Action::ManageOrganizations | Action::ManageApiTokens => {
            matches!(role, PlatformRole::Admin | PlatformRole::Coordinator)
        }
        Action::ManageUsers | Action::ReadPlatformAudit => role == PlatformRole::Admin,
    };
    if allowed {
        Ok(())
    } else if action.is_object_view() {
        Err(AppError::NotFound)
    } else {
        Err(AppError::forbidden("your role does not allow this"))
    }
}

/// Which organisations a viewer can see; lists filter by it and `node(id)` checks it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrganizationScope {
    All,
    VerifiedOrOwn(Uuid),
    Own(Uuid),
}

impl OrganizationScope {
    pub fn contains(&self, org: &organization::Model) -> bool {
        match *self {
            OrganizationScope::All => true,
            OrganizationScope::VerifiedOrOwn(own) => org.verified || org.id == own,
            OrganizationScope::Own(own) => org.id == own,
        }
    }
}

/// Which accounts a viewer can see.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UserScope {
    All,
    Organization(Uuid),
    OnlySelf(Uuid),
}

impl UserScope {
    pub fn contains(&self, user: &user_account::Model) -> bool {
        match *self {
            UserScope::All => true,
            UserScope::Organization(org) => user.organization_id == org,
            UserScope::OnlySelf(id) => user.id == id,
        }
    }
}

fn is_staff(account: &Account) -> bool {
    matches!(
        account.role(),
        PlatformRole::Admin | PlatformRole::Coordinator
    )
}

fn organization_scope(account: &Account) -> OrganizationScope {
    if is_staff(account) {
        OrganizationScope::All
    } else if account.organization_verified() {
        OrganizationScope::VerifiedOrOwn(account.organization_id())
    } else {
        OrganizationScope::Own(account.organization_id())
    }
}

fn user_scope(account: &Account) -> UserScope {
    if is_staff(account) {
        UserScope::All
    } else if account.organization_verified() {
        UserScope::Organization(account.organization_id())
    } else {
        UserScope::OnlySelf(account.user_id())
    }
}

/// The organisations a viewer may list (after [`Action::ReadDirectory`] is authorised).
pub fn visible_organizations(viewer: &Viewer) -> AppResult<OrganizationScope> {
    authorize(viewer, Action::ReadDirectory)?;
    viewer
        .account()
        .map(organization_scope)
        .ok_or(AppError::Unauthenticated("sign in to do this"))
}

/// The accounts a viewer may list.
pub fn visible_users(viewer: &Viewer) -> AppResult<UserScope> {
    authorize(viewer, Action::ReadDirectory)?;
    viewer
        .account()
        .map(user_scope)
        .ok_or(AppError::Unauthenticated("sign in to do this"))
}

#[cfg(test)]
mod tests {
    use chrono::Utc;
    use entities::{AccountKind, OrganizationKind, UserStatus};

    use super::*;
    use crate::{auth::Scopes, error::code};

    fn org(verified: bool) -> organization::Model {
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

    fn user(org: &organization::Model, role: PlatformRole) -> user_account::Model {
        user_account::Model {
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
        }
    }

    fn viewer(org: &organization::Model, role: PlatformRole, scopes: Option<&[&str]>) -> Viewer {
        Viewer::Account(std::sync::Arc::new(Account {
            user: user(org, role),
            organization: org.clone(),
            credential: match scopes {
                None => Credential::Session {
                    session_id: Uuid::now_v7(),
                },
                Some(s) => Credential::ApiToken {
                    token_id: Uuid::now_v7(),
                    scopes: Scopes::parse_list(s).unwrap(),
                },
            },
        }))
    }

    fn outcome(result: AppResult<()>) -> &'static str {
        match result {
            Ok(()) => "ok",
            Err(e) => e.code(),
        }
    }

    #[test]
    fn administration_needs_the_platform_role() {
        let hub = org(true);
        let member_org = org(true);
        let cases: &[(&str, Viewer, Action<'_>, &str)] = &[
            (
                "anonymous manages orgs",
                Viewer::Anonymous,
                Action::ManageOrganizations,
                code::UNAUTHENTICATED,
            ),
            (
                "member manages orgs",
                viewer(&member_org, PlatformRole::Member, None),
                Action::ManageOrganizations,
                code::FORBIDDEN,
            ),
            (
                "coordinator manages orgs",
                viewer(&hub, PlatformRole::Coordinator, None),
                Action::ManageOrganizations,
                "ok",
            ),
            (
                "admin manages orgs",
                viewer(&hub, PlatformRole::Admin, None),
                Action::ManageOrganizations,
                "ok",
            ),
            (
                "coordinator manages users",
                viewer(&hub, PlatformRole::Coordinator, None),
                Action::ManageUsers,
                code::FORBIDDEN,
            ),
            (
                "admin manages users",
                viewer(&hub, PlatformRole::Admin, None),
                Action::ManageUsers,
                "ok",
            ),
            (
                "member manages tokens",
                viewer(&member_org, PlatformRole::Member, None),
                Action::ManageApiTokens,
                code::FORBIDDEN,
            ),
            (
                "coordinator manages tokens",
                viewer(&hub, PlatformRole::Coordinator, None),
                Action::ManageApiTokens,
                "ok",
            ),
            (
                "coordinator reads platform audit",
                viewer(&hub, PlatformRole::Coordinator, None),
                Action::ReadPlatformAudit,
                code::FORBIDDEN,
            ),
            (
                "admin reads platform audit",
                viewer(&hub, PlatformRole::Admin, None),
                Action::ReadPlatformAudit,
                "ok",
            ),
            (
                "anonymous lists directory",
                Viewer::Anonymous,
                Action::ReadDirectory,
                code::UNAUTHENTICATED,
            ),
            (
                "member lists directory",
                viewer(&member_org, PlatformRole::Member, None),
                Action::ReadDirectory,
                "ok",
            ),
        ];
        for (name, viewer, action, expected) in cases {
            assert_eq!(outcome(authorize(viewer, *action)), *expected, "{name}");
        }
    }

    #[test]
    fn tokens_need_the_scope_of_the_area() {
        let member_org = org(true);
        let cases: &[(&[&str], Action<'_>, &str)] = &[
            (&["read"], Action::ReadDirectory, "ok"),
            (&["directory:read"], Action::ReadDirectory, "ok"),
            (&["alerts:read"], Action::ReadDirectory, code::FORBIDDEN),
            (
                &["alerts:read"],
                Action::ViewOrganization(&member_org),
                code::NOT_FOUND,
            ),
            (&["write"], Action::ManageOrganizations, code::FORBIDDEN),
        ];
        for (scopes, action, expected) in cases {
            let v = viewer(&member_org, PlatformRole::Member, Some(scopes));
            assert_eq!(
                outcome(authorize(&v, *action)),
                *expected,
                "{scopes:?} {action:?}"
            );
        }
    }

    #[test]
    fn objects_one_may_not_see_do_not_exist() {
        let own = org(true);
        let other_verified = org(true);
        let other_unverified = org(false);
        let unverified_own = org(false);
        let member = viewer(&own, PlatformRole::Member, None);
        let pending = viewer(&unverified_own, PlatformRole::Member, None);
        let coordinator = viewer(&own, PlatformRole::Coordinator, None);
        let colleague = user(&own, PlatformRole::Member);
        let stranger = user(&other_verified, PlatformRole::Member);
        let cases: &[(&str, &Viewer, Action<'_>, &str)] = &[
            (
                "member sees verified org",
                &member,
                Action::ViewOrganization(&other_verified),
                "ok",
            ),
            (
                "member does not see unverified org",
                &member,
                Action::ViewOrganization(&other_unverified),
                code::NOT_FOUND,
            ),
            (
                "pending sees own org",
                &pending,
                Action::ViewOrganization(&unverified_own),
                "ok",
            ),
            (
                "pending does not see verified org",
                &pending,
                Action::ViewOrganization(&other_verified),
                code::NOT_FOUND,
            ),
            (
                "member sees colleague",
                &member,
                Action::ViewUser(&colleague),
                "ok",
            ),
            (
                "member does not see stranger",
                &member,
                Action::ViewUser(&stranger),
                code::NOT_FOUND,
            ),
            (
                "coordinator sees stranger",
                &coordinator,
                Action::ViewUser(&stranger),
                "ok",
            ),
            (
                "anonymous sees nothing",
                &Viewer::Anonymous,
                Action::ViewOrganization(&other_verified),
                code::NOT_FOUND,
            ),
        ];
        for (name, viewer, action, expected) in cases {
            assert_eq!(outcome(authorize(viewer, *action)), *expected, "{name}");
        }
    }
}
