//! Demo training: programmes of every format from the demo vendor and university, with
//! modules, sessions (one full, with a waiting list), enrolments, progress and issued
//! certificates. Written through the same services as the API.

use chrono::{Duration, Utc};
use entities::{OrganizationKind, ProgrammeFormat, ProgrammeStatus};

use super::content::{ACADEMIA, CERT, Demo, GRID, HUB, POLICE, POLICE2, VENDOR, failed};
use crate::{
    ids::{self, NodeType},
    training::{
        certificates, enrolment, modules,
        programmes::{self, NewProgramme},
        sessions::{self, SessionInput},
    },
};

impl Demo<'_> {
    async fn programme(
        &self,
        provider: &str,
        title: &str,
        description: &str,
        format: ProgrammeFormat,
        audience: Option<Vec<OrganizationKind>>,
        valid_days: Option<i32>,
    ) -> anyhow::Result<String> {
        // Certifications certify by themselves; any other programme that has a validity
        // certifies too.
        let certifying = valid_days.map(|_| true);
        let rc = self.cast.as_(provider)?;
        let found = programmes::create(
            &self.state.db,
            &rc,
            NewProgramme {
                title: title.to_owned(),
                description: description.to_owned(),
                format,
                language: "en".into(),
                audience_kinds: audience,
                prerequisite_ids: Vec::new(),
                certifying,
                certificate_valid_days: valid_days,
                provider_organization_id: None,
            },
        )
        .await
        .map_err(|e| failed(title, e))?;
        let id = ids::encode(NodeType::Programme, found.programme.id).0;
        programmes::set_status(&self.state.db, &rc, &id, ProgrammeStatus::Open)
            .await
            .map_err(|e| failed("opening a programme", e))?;
        Ok(id)
    }

    async fn session(
        &self,
        provider: &str,
        programme: &str,
        in_days: i64,
        place: Option<&str>,
        link: Option<&str>,
        capacity: i32,
    ) -> anyhow::Result<String> {
        let starts = Utc::now() + Duration::days(in_days);
        let session = sessions::create(
            &self.state.db,
            &self.cast.as_(provider)?,
            programme,
            SessionInput {
                starts_at: Some(starts),
                ends_at: Some(starts + Duration::hours(7)),
                time_zone: Some("Europe/Amsterdam".into()),
                place: Some(place.map(str::to_owned)),
                online_link: Some(link.map(str::to_owned)),
                capacity: Some(capacity),
                instructor_ids: Some(vec![self.cast.id(provider)?]),
            },
        )
        .await
        .map_err(|e| failed("creating a session", e))?;
        Ok(ids::encode(NodeType::TrainingSession, session.id).0)
    }

    async fn enrol(&self, learner: &str, session: &str) -> anyhow::Result<()> {
        enrolment::enrol(&self.state.db, &self.cast.as_(learner)?, session)
            .await
            .map_err(|e| failed("enrolling", e))?;
        Ok(())
    }

    async fn certify(&self, provider: &str, programme: &str, holder: &str) -> anyhow::Result<()> {
        certificates::issue_by_hand(
            &self.state.db,
            &self.cast.as_(provider)?,
            programme,
            &self.cast.id(holder)?,
            None,
        )
        .await
        .map_err(|e| failed("issuing a certificate", e))?;
        Ok(())
    }
}

pub(super) async fn seed(demo: &Demo<'_>) -> anyhow::Result<()> {
    let db = &demo.state.db;
    // The vendor: a classroom course with a full session and a waiting list.
    let response = demo
        .programme(
            VENDOR,
            "Ransomware incident response for first responders",
            "Two days on securing evidence, triage and working with the victim's IT \
             provider, taught by the vendor's incident responders.",
            ProgrammeFormat::Classroom,
            None,
            None,
        )
        .await?;
    let full = demo
        .session(VENDOR, &response, 14, Some("Den Haag, Room 2.14"), None, 2)
        .await?;
    demo.enrol(POLICE, &full).await?;
    demo.enrol(POLICE2, &full).await?;
    demo.enrol(CERT, &full).await?;
    // A certification for law enforcement, with an issued certificate.
    let tracing_course = demo
        .programme(
            VENDOR,
            "Certified crypto-asset tracing analyst",
            "Tracing funds across chains and mixers, with an examination.",
            ProgrammeFormat::Certification,
            Some(vec![
                OrganizationKind::LawEnforcement,
                OrganizationKind::InternationalBody,
            ]),
            Some(365),
        )
        .await?;
    demo.session(
        VENDOR,
        &tracing_course,
        30,
        None,
        Some("https://meet.vendor.example/tracing"),
        12,
    )
    .await?;
    demo.certify(VENDOR, &tracing_course, POLICE).await?;
    // E-learning that certifies: what a TLP:RED workspace can require.
    let red = demo
        .programme(
            VENDOR,
            "Handling TLP:RED material",
            "What TLP:RED means, who may receive it, and how to store and destroy it.",
            ProgrammeFormat::ELearning,
            None,
            Some(730),
        )
        .await?;
    let vendor = demo.cast.as_(VENDOR)?;
    let mut first_module = None;
    for (title, content) in [
        (
            "TLP 2.0 in one page",
            "The four colours, and `AMBER+STRICT`.",
        ),
        ("Named recipients", "RED is shared with named people only."),
        (
            "Storage and destruction",
            "Encrypted at rest; destroyed when done.",
        ),
    ] {
        let module = modules::add(db, &vendor, &red, title, content, None)
            .await
            .map_err(|e| failed("adding a module", e))?;
        first_module.get_or_insert(ids::encode(NodeType::TrainingModule, module.id).0);
    }
    if let Some(module) = first_module {
        modules::set_completed(db, &demo.cast.as_(POLICE2)?, &module, true)
            .await
            .map_err(|e| failed("completing a module", e))?;
    }
    demo.certify(VENDOR, &red, HUB).await?;
    // The university: a workshop and a non-certifying e-learning course.
    let workshop = demo
        .programme(
            ACADEMIA,
            "Memory forensics workshop",
            "Hands-on analysis of memory images with open-source tools.",
            ProgrammeFormat::Workshop,
            None,
            None,
        )
        .await?;
    let bench = demo
        .session(
            ACADEMIA,
            &workshop,
            21,
            Some("University lab B-104"),
            None,
            12,
        )
        .await?;
    demo.enrol(GRID, &bench).await?;
    let law = demo
        .programme(
            ACADEMIA,
            "Introduction to cybercrime law",
            "The Budapest Convention and what it means for cross-border evidence.",
            ProgrammeFormat::ELearning,
            None,
            None,
        )
        .await?;
    let academia = demo.cast.as_(ACADEMIA)?;
    for (title, content) in [
        ("The Budapest Convention", "Its scope and its protocols."),
        (
            "Cross-border evidence",
            "Preservation, production orders and MLA.",
        ),
    ] {
        modules::add(db, &academia, &law, title, content, None)
            .await
            .map_err(|e| failed("adding a module", e))?;
    }
    tracing::info!("demo training seeded");
    Ok(())
}
