//! Demo collaboration content: three workspaces (`GREEN`, `AMBER`, and one for law
//! enforcement only) with threads — one `RED` — posts, replies, mentions, reactions and a
//! pending invitation. Written through the same services as the API, as the demo accounts,
//! so it carries audit events and notifications like real activity.

use std::{collections::HashMap, sync::Arc};

use entities::{OrganizationKind, Reaction, Tlp, WorkspaceRole, organization, user_account};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

use crate::{
    app::AppState,
    auth::{Account, Credential, Viewer},
    context::RequestCtx,
    error::AppError,
    ids::{self, NodeType},
    threads::{
        posts::{self, NewPost},
        service::{self as threads, NewThread},
    },
    workspaces::{
        invitations::{self, NewInvitation},
        service::{self as workspaces, NewWorkspace},
    },
};

/// Signs the demo accounts in, as far as the services are concerned.
pub(super) struct Cast {
    accounts: HashMap<&'static str, Account>,
}

impl Cast {
    async fn load(state: &AppState, emails: &[&'static str]) -> anyhow::Result<Self> {
        let mut accounts = HashMap::new();
        for email in emails {
            let user = user_account::Entity::find()
                .filter(user_account::Column::Email.eq(*email))
                .one(&state.db)
                .await?
                .ok_or_else(|| anyhow::anyhow!("demo account {email} missing"))?;
            let organization = organization::Entity::find_by_id(user.organization_id)
                .one(&state.db)
                .await?
                .ok_or_else(|| anyhow::anyhow!("organisation of {email} missing"))?;
            accounts.insert(
                *email,
                Account {
                    user,
                    organization,
                    credential: Credential::Session {
                        session_id: Uuid::nil(),
                    },
                },
            );
        }
        Ok(Self { accounts })
    }

    pub(super) fn as_(&self, email: &str) -> anyhow::Result<RequestCtx> {
        let account = self
            .accounts
            .get(email)
            .ok_or_else(|| anyhow::anyhow!("demo account {email} missing"))?;
        Ok(RequestCtx::new(
            Viewer::Account(Arc::new(account.clone())),
            "demo-seed",
            None,
        ))
    }

    pub(super) fn id(&self, email: &str) -> anyhow::Result<String> {
        let account = self
            .accounts
            .get(email)
            .ok_or_else(|| anyhow::anyhow!("demo account {email} missing"))?;
        Ok(ids::encode(NodeType::User, account.user.id).0)
    }
}

pub(super) fn failed(what: &str, err: AppError) -> anyhow::Error {
    anyhow::anyhow!("demo content, {what}: {}", err.public_message())
}

pub(super) const POLICE: &str = "analyst@police.example";
pub(super) const POLICE2: &str = "investigator@police2.example";
pub(super) const VENDOR: &str = "researcher@vendor.example";
pub(super) const ACADEMIA: &str = "professor@university.example";
pub(super) const CERT: &str = "handler@cert.example";
pub(super) const GRID: &str = "soc@grid.example";
pub(super) const HUB: &str = "coordinator@hub.example";

pub(super) struct Demo<'a> {
    pub(super) state: &'a AppState,
    pub(super) cast: Cast,
}

impl Demo<'_> {
    async fn workspace(
        &self,
        owner: &str,
        name: &str,
        description: &str,
        tlp: Tlp,
        kinds: Option<Vec<OrganizationKind>>,
        members: &[(&str, WorkspaceRole)],
    ) -> anyhow::Result<String> {
        let rc = self.cast.as_(owner)?;
        let found = workspaces::create(
            &self.state.db,
            &rc,
            NewWorkspace {
                name: name.to_owned(),
                description: Some(description.to_owned()),
                default_tlp: tlp,
                restricted_to_kinds: kinds,
            },
        )
        .await
        .map_err(|e| failed(name, e))?;
        let id = ids::encode(NodeType::Workspace, found.workspace.id).0;
        for (email, role) in members {
            let invitation = self.invite(owner, &id, email, *role).await?;
            invitations::accept(&self.state.db, &self.cast.as_(email)?, &invitation)
                .await
                .map_err(|e| failed("accepting an invitation", e))?;
        }
        Ok(id)
    }

    async fn invite(
        &self,
        owner: &str,
        workspace: &str,
        email: &str,
        role: WorkspaceRole,
    ) -> anyhow::Result<String> {
        let invitation = invitations::invite(
            &self.state.db,
            &self.cast.as_(owner)?,
            NewInvitation {
                workspace_id: workspace.to_owned(),
                user_id: Some(self.cast.id(email)?),
                email: None,
                organization_id: None,
                role,
                expires_at: None,
            },
        )
        .await
        .map_err(|e| failed("inviting", e))?;
        Ok(ids::encode(NodeType::Invitation, invitation.id).0)
    }

    async fn thread(
        &self,
        author: &str,
        workspace: &str,
        title: &str,
        tlp: Option<Tlp>,
        recipients: &[&str],
        body: &str,
    ) -> anyhow::Result<String> {
        let recipient_ids = if recipients.is_empty() {
            None
        } else {
            Some(
                recipients
                    .iter()
                    .map(|email| self.cast.id(email))
                    .collect::<anyhow::Result<Vec<_>>>()?,
            )
        };
        let found = threads::create(
            &self.state.db,
            &self.cast.as_(author)?,
            NewThread {
                workspace_id: workspace.to_owned(),
                title: title.to_owned(),
                tlp,
                recipient_ids,
                body: None,
            },
        )
        .await
        .map_err(|e| failed(title, e))?;
        let id = ids::encode(NodeType::Thread, found.thread.id).0;
        self.post(author, &id, body, None).await?;
        Ok(id)
    }

    async fn post(
        &self,
        author: &str,
        thread: &str,
        body: &str,
        reply_to: Option<&str>,
    ) -> anyhow::Result<String> {
        let found = posts::create(
            &self.state.db,
            &self.cast.as_(author)?,
            NewPost {
                thread_id: thread.to_owned(),
                body: body.to_owned(),
                reply_to: reply_to.map(str::to_owned),
            },
        )
        .await
        .map_err(|e| failed("posting", e))?;
        Ok(ids::encode(NodeType::Post, found.post.id).0)
    }

    async fn react(&self, who: &str, post: &str, reaction: Reaction) -> anyhow::Result<()> {
        posts::react(&self.state.db, &self.cast.as_(who)?, post, reaction, true)
            .await
            .map_err(|e| failed("reacting", e))?;
        Ok(())
    }
}

/// Seeds the demo workspaces (the accounts exist already).
pub async fn seed(state: &AppState) -> anyhow::Result<()> {
    let cast = Cast::load(state, &[POLICE, POLICE2, VENDOR, ACADEMIA, CERT, GRID, HUB]).await?;
    let demo = Demo { state, cast };
    use WorkspaceRole::{Contributor, Moderator, Observer};

    // GREEN: the alliance's standing ransomware working group.
    let ransomware = demo
        .workspace(
            POLICE,
            "Ransomware Task Force",
            "Police, vendors, CERTs and researchers tracking ransomware operations together.",
            Tlp::Green,
            None,
            &[
                (VENDOR, Contributor),
                (CERT, Moderator),
                (ACADEMIA, Observer),
                (GRID, Contributor),
            ],
        )
        .await?;
    let lockbit = demo
        .thread(
            VENDOR,
            &ransomware,
            "LockBit affiliate infrastructure, week 47",
            None,
            &[],
            "We see **14 new C2 servers** behind the same bulletproof hoster.\n\n\
             | indicator | first seen |\n|---|---|\n| 203.0.113.17 | 2026-11-20 |\n| 198.51.100.4 | 2026-11-22 |\n\n\
             @analyst@police.example could your unit check the hosting contracts?",
        )
        .await?;
    let reply = demo
        .post(
            POLICE,
            &lockbit,
            "Requested the subscriber data this morning. @handler@cert.example can you warn the \
             affected operators in your constituency?",
            None,
        )
        .await?;
    let cert_reply = demo
        .post(
            CERT,
            &lockbit,
            "Notifications sent to 6 operators; two confirmed blocked connections.",
            Some(&reply),
        )
        .await?;
    demo.react(VENDOR, &cert_reply, Reaction::ThumbsUp).await?;
    demo.react(POLICE, &cert_reply, Reaction::Check).await?;
    demo.react(GRID, &reply, Reaction::Eyes).await?;
    let weekly = demo
        .thread(
            CERT,
            &ransomware,
            "Weekly indicator exchange",
            None,
            &[],
            "Post your shareable indicators here, one list per organisation, `GREEN` only.",
        )
        .await?;
    demo.post(
        GRID,
        &weekly,
        "Grid SOC: 3 phishing domains impersonating our billing portal, list attached in the TIP.",
        None,
    )
    .await?;

    // AMBER: an incident in one sector, with a RED thread for the victims' names.
    let grid = demo
        .workspace(
            CERT,
            "Grid Sector Incident Coordination",
            "Coordinating the response to intrusion attempts against energy operators.",
            Tlp::Amber,
            None,
            &[
                (GRID, Contributor),
                (VENDOR, Contributor),
                (POLICE, Observer),
            ],
        )
        .await?;
    let scanning = demo
        .thread(
            GRID,
            &grid,
            "Suspicious OT protocol scanning",
            None,
            &[],
            "Since Monday we see Modbus scanning from a rotating set of residential proxies.",
        )
        .await?;
    let analysis = demo
        .post(
            VENDOR,
            &scanning,
            "The proxy network matches what we track as *Sandcastle*; report to follow in the \
             advisory workspace. @soc@grid.example can you share pcaps?",
            None,
        )
        .await?;
    demo.react(GRID, &analysis, Reaction::Heart).await?;
    demo.thread(
        CERT,
        &grid,
        "Victim notification list",
        Some(Tlp::Red),
        &[GRID],
        "Names of the three operators that were breached. Do not forward.",
    )
    .await?;
    // Left pending, so the professor has an invitation to look at.
    demo.invite(CERT, &grid, ACADEMIA, Observer).await?;

    // Law enforcement only.
    let nightfall = demo
        .workspace(
            POLICE2,
            "Operation Nightfall",
            "Joint investigation into a carding forum; law enforcement and the hub only.",
            Tlp::AmberStrict,
            Some(vec![
                OrganizationKind::LawEnforcement,
                OrganizationKind::InternationalBody,
            ]),
            &[(POLICE, Contributor), (HUB, Moderator)],
        )
        .await?;
    let plan = demo
        .thread(
            POLICE2,
            &nightfall,
            "Takedown planning",
            None,
            &[],
            "Proposed action day: 2026-12-09. @analyst@police.example can your team take the \
             Dutch servers?",
        )
        .await?;
    let yes = demo
        .post(POLICE, &plan, "Yes, warrants are in progress.", None)
        .await?;
    demo.react(HUB, &yes, Reaction::ThumbsUp).await?;
    super::advisories::seed(
        &demo,
        super::advisories::Workspaces {
            ransomware: &ransomware,
            grid: &grid,
            nightfall: &nightfall,
        },
    )
    .await?;
    super::training::seed(&demo).await?;
    tracing::info!("demo workspaces seeded");
    Ok(())
}
