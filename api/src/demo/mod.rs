//! Demo data (`DEMO=1`): organisations of every kind and one account per role and kind, all
//! with the password `alliance-demo`, and collaboration content among them ([`content`]).
//! Seeded only into an empty database.

mod advisories;
mod content;
mod training;
pub mod volume;

use chrono::Utc;
use entities::{OrganizationKind, PlatformRole, organization};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, EntityTrait, PaginatorTrait};
use uuid::Uuid;

use crate::{
    app::AppState,
    users::service::{NewUser, insert_person},
};

pub const DEMO_PASSWORD: &str = "alliance-demo";

struct DemoOrg {
    name: &'static str,
    kind: OrganizationKind,
    country: &'static str,
    verified: bool,
    accounts: &'static [(&'static str, &'static str, PlatformRole)],
}

const ORGS: &[DemoOrg] = &[
    DemoOrg {
        name: "Global Cybercrime Innovation Hub",
        kind: OrganizationKind::InternationalBody,
        country: "SG",
        verified: true,
        accounts: &[
            ("admin@hub.example", "Ada Admin", PlatformRole::Admin),
            (
                "coordinator@hub.example",
                "Chen Coordinator",
                PlatformRole::Coordinator,
            ),
        ],
    },
    DemoOrg {
        name: "National Police Cybercrime Unit",
        kind: OrganizationKind::LawEnforcement,
        country: "NL",
        verified: true,
        accounts: &[(
            "analyst@police.example",
            "Anouk Analyst",
            PlatformRole::Member,
        )],
    },
    DemoOrg {
        name: "Federal Cybercrime Directorate",
        kind: OrganizationKind::LawEnforcement,
        country: "BR",
        verified: true,
        accounts: &[(
            "investigator@police2.example",
            "Ivo Investigator",
            PlatformRole::Member,
        )],
    },
    DemoOrg {
        name: "Sentinel Threat Research",
        kind: OrganizationKind::Vendor,
        country: "US",
        verified: true,
        accounts: &[(
            "researcher@vendor.example",
            "Rosa Researcher",
            PlatformRole::Member,
        )],
    },
    DemoOrg {
        name: "Institute for Security Studies",
        kind: OrganizationKind::Academia,
        country: "DE",
        verified: true,
        accounts: &[(
            "professor@university.example",
            "Pia Professor",
            PlatformRole::Member,
        )],
    },
    DemoOrg {
        name: "National CERT",
        kind: OrganizationKind::Cert,
        country: "FR",
        verified: true,
        accounts: &[("handler@cert.example", "Hugo Handler", PlatformRole::Member)],
    },
    DemoOrg {
        name: "Continental Grid Operator",
        kind: OrganizationKind::InfrastructureOperator,
        country: "ES",
        verified: true,
        accounts: &[("soc@grid.example", "Sam SOC", PlatformRole::Member)],
    },
    DemoOrg {
        name: "Newcomer Security Ltd",
        kind: OrganizationKind::Vendor,
        country: "GB",
        verified: false,
        accounts: &[(
            "pending@unverified.example",
            "Pat Pending",
            PlatformRole::Member,
        )],
    },
];

/// Seeds the demo organisations and accounts if there are no organisations yet.
pub async fn seed(state: &AppState) -> anyhow::Result<()> {
    if organization::Entity::find().count(&state.db).await? > 0 {
        tracing::info!("database not empty; demo data not seeded again");
        announce();
        return Ok(());
    }
    let txn = crate::db::begin_write(&state.db).await?;
    let now = Utc::now();
    for org in ORGS {
        let model = organization::ActiveModel {
            id: Set(Uuid::now_v7()),
            name: Set(org.name.to_owned()),
            kind: Set(org.kind),
            country: Set(org.country.to_owned()),
            verified: Set(org.verified),
            created_at: Set(now),
            updated_at: Set(now),
        }
        .insert(&txn)
        .await?;
        for (email, name, role) in org.accounts {
            insert_person(
                state,
                &txn,
                model.id,
                NewUser {
                    email: (*email).to_owned(),
                    display_name: (*name).to_owned(),
                    password: DEMO_PASSWORD.to_owned(),
                    role: *role,
                },
            )
            .await
            .map_err(|e| anyhow::anyhow!("seeding {email}: {}", e.public_message()))?;
        }
    }
    txn.commit().await?;
    if state.config.settings.demo_content {
        content::seed(state).await?;
    }
    tracing::info!("demo data seeded");
    announce();
    Ok(())
}

/// Tells whoever started the hub how to sign in.
fn announce() {
    let accounts: Vec<&str> = ORGS
        .iter()
        .flat_map(|org| org.accounts.iter().map(|(email, _, _)| *email))
        .collect();
    tracing::info!(
        password = DEMO_PASSWORD,
        accounts = %accounts.join(", "),
        "sign in with a demo account (see README) at /graphql",
    );
}
