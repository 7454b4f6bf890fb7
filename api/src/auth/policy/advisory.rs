//! Advisories and alerts.
//!
//! Rules (PRODUCT.md, "Access policy", and the advisory workflow):
//! - Before publication an advisory is workspace content: its workspace's members read it,
//!   and a `RED` advisory only its authors (its named recipients).
//! - Once published it is also readable platform-wide by its audience: `PUBLIC` by anyone,
//!   signed in or not; `MEMBERS` by members of every verified organisation;
//!   `LAW_ENFORCEMENT` by members of law-enforcement organisations and international bodies.
//!   A withdrawn advisory stays readable by the same people, marked withdrawn.
//! - Writing needs being one of its authors and still a contributor of the workspace; adding
//!   and removing co-authors needs the lead author; publishing and withdrawing need the lead
//!   author or a coordinator who is a member of the workspace.
//! - Exports follow TLP: `AMBER_STRICT` only to members of the authoring organisations.
//! - API tokens need `advisories:read` / `advisories:write`, or `alerts:…` for alerts; what
//!   is public needs no scope.

use entities::{
    AdvisoryStatus, AlertAudience, Audience, OrganizationKind, PlatformRole, Tlp, WorkspaceRole,
    advisory, advisory_comment, alert,
};
use sea_orm::{ColumnTrait, Condition};
use uuid::Uuid;

use super::super::{Access, Account, Area, Credential, Viewer};
use crate::error::{AppError, AppResult};

/// The viewer's relation to one advisory, as the service found it.
#[derive(Debug, Clone, Copy)]
pub struct AdvisoryStanding<'a> {
    pub advisory: &'a advisory::Model,
    /// The viewer's role in the advisory's workspace (`None`: not a member).
    pub role: Option<WorkspaceRole>,
    /// Whether the workspace is archived.
    pub archived: bool,
    /// Whether the viewer is one of its authors.
    pub author: bool,
}

/// Something a viewer wants to do with an advisory.
#[derive(Debug, Clone, Copy)]
pub enum AdvisoryAction<'a> {
    Read,
    /// Earlier revisions, diffs and review comments: workspace content even once the
    /// advisory is published (its audience reads the published revision only).
    ReadHistory,
    /// Save a revision, add indicators, submit for review.
    Edit,
    /// Add or remove co-authors.
    ManageAuthors,
    /// Comment on a revision.
    Comment,
    /// Resolve (or reopen) a review comment.
    ResolveComment(&'a advisory_comment::Model),
    /// Sign off the current revision for the viewer's organisation.
    SignOff,
    Publish,
    Withdraw,
    /// Export as CSAF or STIX.
    Export {
        authoring_organization: bool,
    },
}

impl AdvisoryAction<'_> {
    fn access(&self) -> Access {
        match self {
            AdvisoryAction::Read | AdvisoryAction::ReadHistory | AdvisoryAction::Export { .. } => {
                Access::Read
            }
            _ => Access::Write,
        }
    }
}

fn token_scopes(account: &Account) -> Option<&crate::auth::Scopes> {
    match &account.credential {
        Credential::ApiToken { scopes, .. } => Some(scopes),
        Credential::Session { .. } => None,
    }
}

/// Whether `audience` includes members of organisations of `kind`.
pub fn audience_includes(audience: Audience, kind: OrganizationKind) -> bool {
    match audience {
        Audience::Public | Audience::Members => true,
        Audience::LawEnforcement => law_enforcement(kind),
    }
}

fn law_enforcement(kind: OrganizationKind) -> bool {
    matches!(
        kind,
        OrganizationKind::LawEnforcement | OrganizationKind::InternationalBody
    )
}

/// Whether a published advisory's audience lets the viewer read it (whatever their
/// workspace standing).
fn reads_as_audience(viewer: &Viewer, advisory: &advisory::Model) -> bool {
    if !matches!(
        advisory.status,
        AdvisoryStatus::Published | AdvisoryStatus::Withdrawn
    ) {
        return false;
    }
    let Some(audience) = advisory.audience else {
        return false;
    };
    if audience == Audience::Public {
        return true;
    }
    let Some(account) = viewer.account() else {
        return false;
    };
    if token_scopes(account).is_some_and(|s| !s.allows(Area::Advisories, Access::Read)) {
        return false;
    }
    account.organization_verified() && audience_includes(audience, account.organization.kind)
}

/// Whether the viewer reads the advisory as workspace content.
fn reads_as_member(viewer: &Viewer, standing: AdvisoryStanding<'_>) -> bool {
    let Some(account) = viewer.account() else {
        return false;
    };
    if token_scopes(account).is_some_and(|s| !s.allows(Area::Advisories, Access::Read)) {
        return false;
    }
    if !account.organization_verified() || standing.role.is_none() {
        return false;
    }
    standing.advisory.tlp != Tlp::Red || standing.author
}

/// Whether the viewer reads advisories as workspace content at all (lists then filter by
/// membership and `RED`): a signed-in member of a verified organisation, a token with
/// `advisories:read`.
pub fn reads_workspace_advisories(viewer: &Viewer) -> bool {
    viewer.account().is_some_and(|account| {
        account.organization_verified()
            && token_scopes(account).is_none_or(|s| s.allows(Area::Advisories, Access::Read))
    })
}

/// Decides whether the viewer may do `action` with an advisory.
pub fn authorize_advisory(
    viewer: &Viewer,
    standing: AdvisoryStanding<'_>,
    action: AdvisoryAction<'_>,
) -> AppResult<()> {
    let member = reads_as_member(viewer, standing);
    if !member && !reads_as_audience(viewer, standing.advisory) {
        return Err(AppError::NotFound);
    }
    if let AdvisoryAction::Export {
        authoring_organization,
    } = action
    {
        if standing.advisory.tlp == Tlp::AmberStrict && !authoring_organization {
            return Err(AppError::forbidden(
                "a TLP:AMBER+STRICT advisory is exported only by its authors' organisations",
            ));
        }
        return Ok(());
    }
    if let AdvisoryAction::ReadHistory = action {
        return if member {
            Ok(())
        } else {
            Err(AppError::NotFound)
        };
    }
    if action.access() == Access::Read {
        return Ok(());
    }
    let Some(account) = viewer.account() else {
        return Err(AppError::Unauthenticated("sign in to do this"));
    };
    if token_scopes(account).is_some_and(|s| !s.allows(Area::Advisories, Access::Write)) {
        return Err(AppError::forbidden(
            "this API token lacks the scope advisories:write",
        ));
    }
    let contributor = member && standing.role >= Some(WorkspaceRole::Contributor);
    let lead = standing.advisory.lead_author_id == account.user_id();
    let coordinator = account.role() == PlatformRole::Coordinator;
    let published = matches!(standing.advisory.status, AdvisoryStatus::Published);
    let (allowed, refusal) = match action {
        AdvisoryAction::Read | AdvisoryAction::ReadHistory | AdvisoryAction::Export { .. } => {
            (true, "")
        }
        AdvisoryAction::Edit | AdvisoryAction::SignOff => (
            contributor && standing.author,
            "only the advisory's authors may do this",
        ),
        AdvisoryAction::ManageAuthors => (
            contributor && lead,
            "only the lead author may change the authors",
        ),
        AdvisoryAction::Comment => (
            contributor,
            "commenting needs the CONTRIBUTOR role in the workspace",
        ),
        AdvisoryAction::ResolveComment(comment) => (
            contributor && (standing.author || comment.author_id == account.user_id()),
            "only the advisory's authors or the comment's author may resolve it",
        ),
        AdvisoryAction::Publish => (
            (contributor && lead) || (member && coordinator),
            "only the lead author or a coordinator may do this",
        ),
        // A coordinator may withdraw a published advisory they read as its audience
        // without being a member: a wrong public advisory must be stoppable by the hub.
        AdvisoryAction::Withdraw => (
            (contributor && lead) || (coordinator && (member || published)),
            "only the lead author or a coordinator may do this",
        ),
    };
    if !allowed {
        return Err(AppError::forbidden(refusal));
    }
    // An archived workspace is read-only, but what it published can still be withdrawn.
    if standing.archived && !matches!(action, AdvisoryAction::Withdraw) {
        return Err(AppError::conflict("the workspace is archived"));
    }
    Ok(())
}

/// Whether the viewer's reading of a published advisory depends on their membership of its
/// workspace (they are not in its audience): their stream of it ends when they leave.
pub fn advisory_reader_depends_on_membership(viewer: &Viewer, advisory: &advisory::Model) -> bool {
    !reads_as_audience(viewer, advisory)
}

/// Whether a realtime event about an advisory may be delivered to the viewer now (their
/// standing read afresh for the event).
pub fn deliver_advisory(
    viewer: &Viewer,
    active: bool,
    standing: AdvisoryStanding<'_>,
) -> AppResult<()> {
    if !active {
        return Err(AppError::forbidden("this account is suspended"));
    }
    authorize_advisory(viewer, standing, AdvisoryAction::Read)
}

/// Whether a publication audience fits an advisory's TLP: `PUBLIC` only from `CLEAR`;
/// `MEMBERS` or `LAW_ENFORCEMENT` from `CLEAR` or `GREEN`; nothing from `AMBER`,
/// `AMBER_STRICT` or `RED`.
pub fn audience_fits_tlp(tlp: Tlp, audience: Audience) -> AppResult<()> {
    let fits = match audience {
        Audience::Public => tlp == Tlp::Clear,
        Audience::Members | Audience::LawEnforcement => matches!(tlp, Tlp::Clear | Tlp::Green),
    };
    if fits {
        Ok(())
    } else {
        Err(AppError::bad_input(
            "audience",
            match tlp {
                Tlp::Amber | Tlp::AmberStrict | Tlp::Red => {
                    "an advisory marked AMBER, AMBER_STRICT or RED is never published"
                }
                _ => {
                    "a TLP:GREEN advisory may be published to MEMBERS or LAW_ENFORCEMENT, not PUBLIC"
                }
            },
        ))
    }
}

/// SQL: the published (or withdrawn) advisories the viewer reads as their audience.
pub fn published_for(viewer: &Viewer) -> Condition {
    let published =
        advisory::Column::Status.is_in([AdvisoryStatus::Published, AdvisoryStatus::Withdrawn]);
    let mut audiences = vec![Audience::Public];
    if let Some(account) = viewer.account()
        && account.organization_verified()
        && token_scopes(account).is_none_or(|s| s.allows(Area::Advisories, Access::Read))
    {
        audiences.push(Audience::Members);
        if law_enforcement(account.organization.kind) {
            audiences.push(Audience::LawEnforcement);
        }
    }
    Condition::all()
        .add(published)
        .add(advisory::Column::Audience.is_in(audiences))
}

/// Whether the viewer may start an advisory in a workspace where they hold `role`.
pub fn authorize_create_advisory(
    viewer: &Viewer,
    role: Option<WorkspaceRole>,
    archived: bool,
) -> AppResult<()> {
    let Some(account) = viewer.account() else {
        return Err(AppError::NotFound);
    };
    let scopes = token_scopes(account);
    if !account.organization_verified()
        || role.is_none()
        || scopes.is_some_and(|s| !s.allows(Area::Advisories, Access::Read))
    {
        return Err(AppError::NotFound);
    }
    if scopes.is_some_and(|s| !s.allows(Area::Advisories, Access::Write)) {
        return Err(AppError::forbidden(
            "this API token lacks the scope advisories:write",
        ));
    }
    if role < Some(WorkspaceRole::Contributor) {
        return Err(AppError::forbidden(
            "writing advisories needs the CONTRIBUTOR role",
        ));
    }
    if archived {
        return Err(AppError::conflict("the workspace is archived"));
    }
    Ok(())
}

/// Which alerts a viewer reads: `PUBLIC` ones always; `LAW_ENFORCEMENT` ones as a member
/// of a verified law-enforcement organisation or international body, or a coordinator.
pub fn readable_alert_audiences(viewer: &Viewer) -> Vec<AlertAudience> {
    let mut audiences = vec![AlertAudience::Public];
    if let Some(account) = viewer.account()
        && account.organization_verified()
        && token_scopes(account).is_none_or(|s| s.allows(Area::Alerts, Access::Read))
        && (law_enforcement(account.organization.kind)
            || account.role() == PlatformRole::Coordinator)
    {
        audiences.push(AlertAudience::LawEnforcement);
    }
    audiences
}

/// Whether the viewer may read one alert (else it does not exist for them).
pub fn authorize_read_alert(viewer: &Viewer, alert: &alert::Model) -> AppResult<()> {
    if readable_alert_audiences(viewer).contains(&alert.audience) {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

/// The signed-in reader of the members' alert list.
pub fn authorize_member_alerts(viewer: &Viewer) -> AppResult<()> {
    let Some(account) = viewer.account() else {
        return Err(AppError::Unauthenticated("sign in to do this"));
    };
    if token_scopes(account).is_some_and(|s| !s.allows(Area::Alerts, Access::Read)) {
        return Err(AppError::forbidden(
            "this API token lacks the scope alerts:read",
        ));
    }
    Ok(())
}

/// Issuing alerts: coordinators (a token never: service accounts are members).
pub fn authorize_issue_alert(viewer: &Viewer) -> AppResult<Uuid> {
    let Some(account) = viewer.account() else {
        return Err(AppError::Unauthenticated("sign in to do this"));
    };
    if token_scopes(account).is_some_and(|s| !s.allows(Area::Alerts, Access::Write)) {
        return Err(AppError::forbidden(
            "this API token lacks the scope alerts:write",
        ));
    }
    if account.role() != PlatformRole::Coordinator {
        return Err(AppError::forbidden("only coordinators issue alerts"));
    }
    Ok(account.user_id())
}

#[cfg(test)]
mod tests {
    use chrono::Utc;

    use super::super::workspace::tests::viewer;
    use super::*;
    use crate::error::code;

    fn advisory(status: AdvisoryStatus, tlp: Tlp, audience: Option<Audience>) -> advisory::Model {
        advisory::Model {
            id: Uuid::now_v7(),
            workspace_id: Uuid::now_v7(),
            lead_author_id: Uuid::now_v7(),
            lead_organization_id: Uuid::now_v7(),
            status,
            revision: 1,
            title: "A".into(),
            tlp,
            severity: entities::Severity::High,
            audience,
            reference: None,
            published_at: None,
            published_revision: None,
            withdrawn_at: None,
            withdrawn_reason: None,
            created_at: Utc::now(),
            updated_at: Utc::now(),
        }
    }

    fn outcome(result: AppResult<()>) -> &'static str {
        match result {
            Ok(()) => "ok",
            Err(e) => e.code(),
        }
    }

    #[test]
    fn publication_audience_must_fit_the_tlp() {
        use Audience::*;
        let cases = [
            (Tlp::Clear, Public, "ok"),
            (Tlp::Clear, Members, "ok"),
            (Tlp::Clear, LawEnforcement, "ok"),
            (Tlp::Green, Public, code::BAD_USER_INPUT),
            (Tlp::Green, Members, "ok"),
            (Tlp::Green, LawEnforcement, "ok"),
            (Tlp::Amber, Public, code::BAD_USER_INPUT),
            (Tlp::Amber, Members, code::BAD_USER_INPUT),
            (Tlp::AmberStrict, LawEnforcement, code::BAD_USER_INPUT),
            (Tlp::Red, Members, code::BAD_USER_INPUT),
        ];
        for (tlp, audience, expected) in cases {
            assert_eq!(
                outcome(audience_fits_tlp(tlp, audience)),
                expected,
                "{tlp:?} {audience:?}"
            );
        }
    }

    #[test]
    fn drafts_are_workspace_content_and_red_is_for_authors() {
        use WorkspaceRole::*;
        let member = viewer(true, PlatformRole::Member, None);
        let green = advisory(AdvisoryStatus::Draft, Tlp::Green, None);
        let red = advisory(AdvisoryStatus::Draft, Tlp::Red, None);
        let cases: &[(
            &advisory::Model,
            Option<WorkspaceRole>,
            bool,
            AdvisoryAction<'_>,
            &str,
        )] = &[
            (&green, None, false, AdvisoryAction::Read, code::NOT_FOUND),
            (&green, Some(Observer), false, AdvisoryAction::Read, "ok"),
            (
                &green,
                Some(Observer),
                false,
                AdvisoryAction::Comment,
                code::FORBIDDEN,
            ),
            (
                &green,
                Some(Contributor),
                false,
                AdvisoryAction::Comment,
                "ok",
            ),
            (
                &green,
                Some(Contributor),
                false,
                AdvisoryAction::Edit,
                code::FORBIDDEN,
            ),
            (&green, Some(Contributor), true, AdvisoryAction::Edit, "ok"),
            (
                &green,
                Some(Observer),
                true,
                AdvisoryAction::Edit,
                code::FORBIDDEN,
            ),
            (
                &green,
                Some(Contributor),
                true,
                AdvisoryAction::ManageAuthors,
                code::FORBIDDEN,
            ),
            (
                &green,
                Some(Owner),
                true,
                AdvisoryAction::Publish,
                code::FORBIDDEN,
            ),
            (
                &red,
                Some(Owner),
                false,
                AdvisoryAction::Read,
                code::NOT_FOUND,
            ),
            (&red, Some(Contributor), true, AdvisoryAction::Read, "ok"),
        ];
        for (i, (advisory, role, author, action, expected)) in cases.iter().enumerate() {
            let standing = AdvisoryStanding {
                advisory,
                role: *role,
                archived: false,
                author: *author,
            };
            assert_eq!(
                outcome(authorize_advisory(&member, standing, *action)),
                *expected,
                "case {i}"
            );
        }
    }

    #[test]
    fn published_advisories_reach_their_audience() {
        let public = advisory(
            AdvisoryStatus::Published,
            Tlp::Clear,
            Some(Audience::Public),
        );
        let members = advisory(
            AdvisoryStatus::Withdrawn,
            Tlp::Green,
            Some(Audience::Members),
        );
        let draft = advisory(AdvisoryStatus::Approved, Tlp::Clear, None);
        let stranger = viewer(true, PlatformRole::Member, None);
        let pending = viewer(false, PlatformRole::Member, None);
        let no_scope = viewer(true, PlatformRole::Member, Some(&["workspaces:read"]));
        let cases: &[(&advisory::Model, &Viewer, &str)] = &[
            (&public, &Viewer::Anonymous, "ok"),
            (&public, &no_scope, "ok"),
            (&members, &stranger, "ok"),
            (&members, &Viewer::Anonymous, code::NOT_FOUND),
            (&members, &pending, code::NOT_FOUND),
            (&members, &no_scope, code::NOT_FOUND),
            (&draft, &stranger, code::NOT_FOUND),
        ];
        for (i, (advisory, viewer, expected)) in cases.iter().enumerate() {
            let standing = AdvisoryStanding {
                advisory,
                role: None,
                archived: false,
                author: false,
            };
            assert_eq!(
                outcome(authorize_advisory(viewer, standing, AdvisoryAction::Read)),
                *expected,
                "case {i}"
            );
        }
        // Reading as the audience gives the published revision, not the drafts before it.
        let public_standing = AdvisoryStanding {
            advisory: &public,
            role: None,
            archived: false,
            author: false,
        };
        assert_eq!(
            outcome(authorize_advisory(
                &Viewer::Anonymous,
                public_standing,
                AdvisoryAction::ReadHistory
            )),
            code::NOT_FOUND
        );
        // Reading as the audience gives no right to write.
        let standing = AdvisoryStanding {
            advisory: &public,
            role: None,
            archived: false,
            author: false,
        };
        assert_eq!(
            outcome(authorize_advisory(
                &stranger,
                standing,
                AdvisoryAction::Comment
            )),
            code::FORBIDDEN
        );
        assert_eq!(
            outcome(authorize_advisory(
                &Viewer::Anonymous,
                standing,
                AdvisoryAction::Withdraw
            )),
            code::UNAUTHENTICATED
        );
    }

    #[test]
    fn law_enforcement_audiences_need_the_kind() {
        assert!(audience_includes(
            Audience::LawEnforcement,
            OrganizationKind::LawEnforcement
        ));
        assert!(audience_includes(
            Audience::LawEnforcement,
            OrganizationKind::InternationalBody
        ));
        assert!(!audience_includes(
            Audience::LawEnforcement,
            OrganizationKind::Vendor
        ));
        assert!(audience_includes(
            Audience::Members,
            OrganizationKind::Academia
        ));
    }
}
