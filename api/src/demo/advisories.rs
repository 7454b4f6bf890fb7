//! Demo advisories and alerts: one advisory in each state of the workflow — a draft, one in
//! review with one of two sign-offs, one approved, one published to `PUBLIC` with indicators
//! (and a public alert issued from it), one for law enforcement, one withdrawn — and a
//! law-enforcement alert. Written through the same services as the API.

use chrono::{Duration, Utc};
use entities::{AlertAudience, Audience, Severity, Tlp};

use super::content::{CERT, Demo, GRID, HUB, POLICE, POLICE2, VENDOR, failed};
use crate::{
    advisories::{
        content::AffectedProduct,
        revisions::{self, ContentChanges},
        service::{self as advisories, NewAdvisory},
        workflow,
    },
    alerts::service::{self as alerts, NewAlert},
    ids::{self, NodeType},
};

pub(super) struct Workspaces<'a> {
    pub ransomware: &'a str,
    pub grid: &'a str,
    pub nightfall: &'a str,
}

/// How far along the workflow a demo advisory goes.
#[derive(PartialEq)]
enum Stage {
    Draft,
    /// Submitted; only the lead's organisation signed off.
    InReview,
    Approved,
    Published(Audience),
}

struct Spec<'a> {
    workspace: &'a str,
    lead: &'a str,
    co_author: &'a str,
    tlp: Tlp,
    severity: Severity,
    title: &'a str,
    changes: ContentChanges,
    indicators: &'a str,
    stage: Stage,
}

impl Demo<'_> {
    async fn advisory(&self, spec: Spec<'_>) -> anyhow::Result<String> {
        let db = &self.state.db;
        let lead = self.cast.as_(spec.lead)?;
        let found = advisories::create(
            db,
            &lead,
            NewAdvisory {
                workspace_id: spec.workspace.to_owned(),
                title: spec.title.to_owned(),
                summary: None,
                body: None,
                severity: Some(spec.severity),
                tlp: Some(spec.tlp),
            },
        )
        .await
        .map_err(|e| failed(spec.title, e))?;
        let id = ids::encode(NodeType::Advisory, found.advisory.id).0;
        advisories::add_co_author(db, &lead, &id, &self.cast.id(spec.co_author)?)
            .await
            .map_err(|e| failed("adding a co-author", e))?;
        let co_author = self.cast.as_(spec.co_author)?;
        let saved = revisions::save(db, &co_author, &id, 1, spec.changes)
            .await
            .map_err(|e| failed("saving an advisory", e))?;
        let mut revision = saved.advisory.revision;
        if !spec.indicators.is_empty() {
            let (found, _) = revisions::add_indicators(db, &lead, &id, revision, spec.indicators)
                .await
                .map_err(|e| failed("adding indicators", e))?;
            revision = found.advisory.revision;
        }
        if spec.stage == Stage::Draft {
            return Ok(id);
        }
        workflow::submit_for_review(db, &lead, &id)
            .await
            .map_err(|e| failed("submitting for review", e))?;
        workflow::sign_off(db, &lead, &id, revision)
            .await
            .map_err(|e| failed("signing off", e))?;
        if spec.stage == Stage::InReview {
            return Ok(id);
        }
        workflow::sign_off(db, &co_author, &id, revision)
            .await
            .map_err(|e| failed("signing off", e))?;
        if let Stage::Published(audience) = spec.stage {
            workflow::publish(db, &lead, &id, audience)
                .await
                .map_err(|e| failed("publishing", e))?;
        }
        Ok(id)
    }
}

fn text(s: &str) -> Option<String> {
    Some(s.to_owned())
}

fn list(items: &[&str]) -> Option<Vec<String>> {
    Some(items.iter().map(|s| (*s).to_owned()).collect())
}

pub(super) async fn seed(demo: &Demo<'_>, ws: Workspaces<'_>) -> anyhow::Result<()> {
    let db = &demo.state.db;
    let public = demo
        .advisory(Spec {
            workspace: ws.ransomware,
            lead: POLICE,
            co_author: VENDOR,
            tlp: Tlp::Clear,
            severity: Severity::Critical,
            title: "LockBit affiliates exploit unpatched Acme VPN gateways",
            changes: ContentChanges {
                summary: text(
                    "Affiliates of the LockBit ransomware operation gain initial access through \
                     a pre-authentication flaw in Acme Secure Gateway and deploy ransomware \
                     within hours.",
                ),
                body: text(
                    "## What we see\n\nSince 2026-11-14 the alliance has tracked intrusions that \
                     start with **CVE-2026-31337** in Acme Secure Gateway. The affiliates drop a \
                     loader, disable backups and encrypt within 6 hours.\n\n## Who is affected\n\n\
                     Any organisation running Acme Secure Gateway below 7.4.2 with the web portal \
                     reachable from the internet.",
                ),
                cvss_vector: Some(text("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")),
                cves: list(&["CVE-2026-31337"]),
                affected_products: Some(vec![AffectedProduct {
                    vendor: "Acme".into(),
                    product: "Secure Gateway".into(),
                    versions: "< 7.4.2".into(),
                }]),
                recommendations: text(
                    "1. Update Acme Secure Gateway to 7.4.2 or later.\n2. Block the indicators \
                     below.\n3. Report intrusions to your national police cybercrime unit.",
                ),
                references: list(&["https://www.first.org/tlp/"]),
                credits: list(&["Ransomware Task Force of the alliance"]),
                ..ContentChanges::default()
            },
            indicators: "203.0.113.17\n198.51.100.4\nupdate-acme-gateway[.]example\n\
                         hxxps://cdn.acme-patch.example/loader.bin\n\
                         44d88612fea8a8f36de82e1278abb02f",
            stage: Stage::Published(Audience::Public),
        })
        .await?;
    demo.advisory(Spec {
        workspace: ws.nightfall,
        lead: POLICE2,
        co_author: POLICE,
        tlp: Tlp::Green,
        severity: Severity::High,
        title: "Carding forum operators move to invite-only mirrors",
        changes: ContentChanges {
            summary: text("Tradecraft of the forum's administrators after the first seizure."),
            body: text("Mirrors rotate weekly; invitations are sold through a Telegram bot."),
            ..ContentChanges::default()
        },
        indicators: "",
        stage: Stage::Published(Audience::LawEnforcement),
    })
    .await?;
    demo.advisory(Spec {
        workspace: ws.ransomware,
        lead: VENDOR,
        co_author: CERT,
        tlp: Tlp::Green,
        severity: Severity::Medium,
        title: "Negotiation portals of three ransomware groups leak victim chats",
        changes: ContentChanges {
            summary: text("Misconfigured portals expose negotiation transcripts."),
            ..ContentChanges::default()
        },
        indicators: "",
        stage: Stage::Approved,
    })
    .await?;
    demo.advisory(Spec {
        workspace: ws.grid,
        lead: VENDOR,
        co_author: GRID,
        tlp: Tlp::Amber,
        severity: Severity::High,
        title: "Sandcastle proxy network scans OT protocols",
        changes: ContentChanges {
            summary: text("Residential proxies scanning Modbus and DNP3 at energy operators."),
            ..ContentChanges::default()
        },
        indicators: "192.0.2.44\n192.0.2.45",
        stage: Stage::InReview,
    })
    .await?;
    demo.advisory(Spec {
        workspace: ws.ransomware,
        lead: GRID,
        co_author: VENDOR,
        tlp: Tlp::Green,
        severity: Severity::Low,
        title: "Phishing kit imitating energy billing portals",
        changes: ContentChanges {
            summary: text("Draft: a kit sold on two forums, first seen at grid operators."),
            ..ContentChanges::default()
        },
        indicators: "",
        stage: Stage::Draft,
    })
    .await?;
    let withdrawn = demo
        .advisory(Spec {
            workspace: ws.ransomware,
            lead: POLICE,
            co_author: VENDOR,
            tlp: Tlp::Green,
            severity: Severity::Medium,
            title: "Fake decryptor for Akira circulating",
            changes: ContentChanges {
                summary: text("A 'free decryptor' that installs an infostealer."),
                ..ContentChanges::default()
            },
            indicators: "",
            stage: Stage::Published(Audience::Members),
        })
        .await?;
    workflow::withdraw(
        db,
        &demo.cast.as_(POLICE)?,
        &withdrawn,
        "Superseded: the vendor's own advisory covers this in more detail.",
    )
    .await
    .map_err(|e| failed("withdrawing", e))?;

    let hub = demo.cast.as_(HUB)?;
    alerts::issue(
        db,
        &hub,
        NewAlert {
            title: None,
            summary: None,
            severity: None,
            audience: AlertAudience::Public,
            regions: vec![],
            expires_at: Some(Utc::now() + Duration::days(30)),
            advisory_id: Some(public),
        },
    )
    .await
    .map_err(|e| failed("issuing a public alert", e))?;
    alerts::issue(
        db,
        &hub,
        NewAlert {
            title: text("Action day 2026-12-09: expect retaliation DDoS"),
            summary: text(
                "After the planned takedown, expect DDoS against police web services in the \
                 participating countries for about a week.",
            ),
            severity: Some(Severity::High),
            audience: AlertAudience::LawEnforcement,
            regions: vec!["NL".into(), "DE".into(), "FR".into()],
            expires_at: Some(Utc::now() + Duration::days(21)),
            advisory_id: None,
        },
    )
    .await
    .map_err(|e| failed("issuing a law-enforcement alert", e))?;
    tracing::info!("demo advisories and alerts seeded");
    Ok(())
}
