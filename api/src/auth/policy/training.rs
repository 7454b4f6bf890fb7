//! Training and certification.
//!
//! Rules (PRODUCT.md, "Training", and the training issue):
//! - A programme belongs to its provider organisation. Members of that (verified)
//!   organisation and coordinators manage it: its content, modules, sessions, participants,
//!   attendance, completion and certificates. A session's instructors are members of the
//!   provider, so they record its attendance and completion as such: one who leaves the
//!   provider instructs no more.
//! - A `DRAFT` programme exists only for its managers. An `OPEN` or `CLOSED` one is in the
//!   catalogue of verified members whose organisation's kind its audience admits (every
//!   kind when it names none); to others it does not exist (`NOT_FOUND`).
//! - Learners enrol in sessions of open programmes they may see, once they have completed
//!   its prerequisites. A session's online link is shown only to its confirmed
//!   participants and its managers.
//! - A certificate is verified by its code by anyone, signed in or not, and shows only the
//!   holder's name, the programme, the provider, the dates and the status.
//! - API tokens need `training:read` / `training:write`.

use entities::{OrganizationKind, PlatformRole, ProgrammeStatus, programme};

use super::super::{Access, Account, Area, Credential, Viewer};
use crate::error::{AppError, AppResult};

/// The programme a viewer acts on, as the service found it.
#[derive(Debug, Clone, Copy)]
pub struct ProgrammeStanding<'a> {
    pub programme: &'a programme::Model,
}

/// Something a viewer wants to do with a programme (or one of its sessions).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrainingAction {
    /// See it in the catalogue, with its modules and sessions.
    Read,
    /// Enrol in one of its sessions, mark its modules done.
    Learn,
    /// Edit it, its modules and sessions; open and close it; see participants; issue and
    /// revoke certificates.
    Manage,
    /// Record attendance and completion of a session: its instructors and the managers.
    Instruct,
}

fn token_scopes(account: &Account) -> Option<&crate::auth::Scopes> {
    match &account.credential {
        Credential::ApiToken { scopes, .. } => Some(scopes),
        Credential::Session { .. } => None,
    }
}

/// Whether the organisation kinds a programme admits include `kind` (`None`: every kind).
pub fn audience_admits(audience: Option<&[OrganizationKind]>, kind: OrganizationKind) -> bool {
    audience.is_none_or(|kinds| kinds.contains(&kind))
}

/// Whether the viewer manages programmes of `provider`: a member of that verified
/// organisation, or a coordinator.
pub fn manages_provider(viewer: &Viewer, provider: uuid::Uuid) -> bool {
    viewer.account().is_some_and(|account| {
        account.role() == PlatformRole::Coordinator
            || (account.organization_verified() && account.organization_id() == provider)
    })
}

/// Decides whether the viewer may do `action` with a programme. `audience` is the
/// programme's parsed audience kinds.
pub fn authorize_training(
    viewer: &Viewer,
    standing: ProgrammeStanding<'_>,
    audience: Option<&[OrganizationKind]>,
    action: TrainingAction,
) -> AppResult<()> {
    let Some(account) = viewer.account() else {
        return Err(AppError::NotFound);
    };
    let scopes = token_scopes(account);
    if scopes.is_some_and(|s| !s.allows(Area::Training, Access::Read)) {
        return Err(AppError::NotFound);
    }
    let programme = standing.programme;
    let manager = manages_provider(viewer, programme.provider_organization_id);
    let in_catalogue = programme.status != ProgrammeStatus::Draft
        && account.organization_verified()
        && audience_admits(audience, account.organization.kind);
    if !manager && !in_catalogue {
        return Err(AppError::NotFound);
    }
    if action == TrainingAction::Read {
        return Ok(());
    }
    if scopes.is_some_and(|s| !s.allows(Area::Training, Access::Write)) {
        return Err(AppError::forbidden(
            "this API token lacks the scope training:write",
        ));
    }
    match action {
        TrainingAction::Read => Ok(()),
        // Training and its certificates are for people: a service account enrols no one.
        TrainingAction::Learn if account.user.kind != entities::AccountKind::Person => {
            Err(AppError::forbidden("service accounts do not take training"))
        }
        TrainingAction::Learn if in_catalogue => Ok(()),
        TrainingAction::Learn => Err(AppError::forbidden(
            "this programme is not open to your organisation",
        )),
        TrainingAction::Manage if manager => Ok(()),
        // An instructor instructs while a member of the provider (which makes them a
        // manager as well); one who moved elsewhere does not any more.
        TrainingAction::Instruct if manager => Ok(()),
        TrainingAction::Manage | TrainingAction::Instruct => Err(AppError::forbidden(
            "only the provider's members and coordinators manage a programme",
        )),
    }
}

/// Whether the viewer may start a programme for `provider`: a member of that verified
/// organisation, or a coordinator (for any organisation).
pub fn authorize_create_programme(viewer: &Viewer, provider: uuid::Uuid) -> AppResult<()> {
    let Some(account) = viewer.account() else {
        return Err(AppError::Unauthenticated("sign in to do this"));
    };
    if token_scopes(account).is_some_and(|s| !s.allows(Area::Training, Access::Write)) {
        return Err(AppError::forbidden(
            "this API token lacks the scope training:write",
        ));
    }
    if !manages_provider(viewer, provider) {
        return Err(AppError::forbidden(
            "programmes are created by members of a verified provider organisation, for it, or by coordinators",
        ));
    }
    Ok(())
}

/// The signed-in reader of the catalogue and of their own training: `Some(kind)` of their
/// organisation when verified (`None`: they see only what they manage).
pub fn catalogue_reader(viewer: &Viewer) -> AppResult<Option<OrganizationKind>> {
    let Some(account) = viewer.account() else {
        return Err(AppError::Unauthenticated("sign in to do this"));
    };
    if token_scopes(account).is_some_and(|s| !s.allows(Area::Training, Access::Read)) {
        return Err(AppError::forbidden(
            "this API token lacks the scope training:read",
        ));
    }
    Ok(account
        .organization_verified()
        .then_some(account.organization.kind))
}

#[cfg(test)]
mod tests {
    use chrono::Utc;
    use uuid::Uuid;

    use super::super::workspace::tests::viewer;
    use super::*;
    use crate::error::code;

    fn programme(provider: Uuid, status: ProgrammeStatus) -> programme::Model {
        programme::Model {
            id: Uuid::now_v7(),
            provider_organization_id: provider,
            created_by: Uuid::now_v7(),
            title: "P".into(),
            description: String::new(),
            format: entities::ProgrammeFormat::Classroom,
            language: "en".into(),
            audience_kinds: None,
            certifying: false,
            certificate_valid_days: None,
            status,
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
    fn drafts_are_the_providers_and_the_catalogue_follows_the_audience() {
        let provider_member = viewer(true, PlatformRole::Member, None);
        let provider = provider_member.organization_id().unwrap();
        let learner = viewer(true, PlatformRole::Member, None);
        let pending = viewer(false, PlatformRole::Member, None);
        let coordinator = viewer(true, PlatformRole::Coordinator, None);
        let read_token = viewer(true, PlatformRole::Member, Some(&["training:read"]));
        let draft = programme(provider, ProgrammeStatus::Draft);
        let open = programme(provider, ProgrammeStatus::Open);
        let le_only = [OrganizationKind::LawEnforcement];
        use TrainingAction::*;
        type Case<'a> = (
            &'a str,
            &'a Viewer,
            &'a programme::Model,
            Option<&'a [OrganizationKind]>,
            TrainingAction,
            &'a str,
        );
        let cases: &[Case<'_>] = &[
            (
                "provider reads its draft",
                &provider_member,
                &draft,
                None,
                Read,
                "ok",
            ),
            (
                "provider manages",
                &provider_member,
                &draft,
                None,
                Manage,
                "ok",
            ),
            (
                "learner does not see a draft",
                &learner,
                &draft,
                None,
                Read,
                code::NOT_FOUND,
            ),
            (
                "learner reads an open one",
                &learner,
                &open,
                None,
                Read,
                "ok",
            ),
            ("learner learns", &learner, &open, None, Learn, "ok"),
            (
                "learner does not manage",
                &learner,
                &open,
                None,
                Manage,
                code::FORBIDDEN,
            ),
            (
                "learner of another kind",
                &learner,
                &open,
                Some(&le_only),
                Read,
                code::NOT_FOUND,
            ),
            ("unverified", &pending, &open, None, Read, code::NOT_FOUND),
            (
                "coordinator manages",
                &coordinator,
                &draft,
                None,
                Manage,
                "ok",
            ),
            (
                "anonymous",
                &Viewer::Anonymous,
                &open,
                None,
                Read,
                code::NOT_FOUND,
            ),
            ("read token reads", &read_token, &open, None, Read, "ok"),
            (
                "read token does not enrol",
                &read_token,
                &open,
                None,
                Learn,
                code::FORBIDDEN,
            ),
        ];
        for (name, viewer, programme, audience, action, expected) in cases {
            let standing = ProgrammeStanding { programme };
            assert_eq!(
                outcome(authorize_training(viewer, standing, *audience, *action)),
                *expected,
                "{name}"
            );
        }
    }

    #[test]
    fn an_instructor_who_left_the_provider_instructs_no_more() {
        // Assigned as a session's instructor while at the provider, now a member elsewhere:
        // instructing follows membership of the provider, not the assignment.
        let moved = viewer(true, PlatformRole::Member, None);
        let open = programme(Uuid::now_v7(), ProgrammeStatus::Open);
        let standing = ProgrammeStanding { programme: &open };
        for action in [TrainingAction::Instruct, TrainingAction::Manage] {
            assert_eq!(
                outcome(authorize_training(&moved, standing, None, action)),
                code::FORBIDDEN,
                "{action:?}"
            );
        }
    }
}
