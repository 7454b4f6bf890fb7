//! Exports of advisories: CSAF 2.0 documents and STIX 2.1 bundles — for members through
//! GraphQL (TLP label carried over), and for everyone under `/.well-known/csaf/` once an
//! advisory is published to `PUBLIC`.

use chrono::Datelike;
use entities::{AdvisoryStatus, Audience, advisory, organization};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use serde_json::Value;
use uuid::Uuid;

use super::{
    content::AdvisoryContent,
    csaf::{self, CsafInput, TrackingStatus},
    service::{self, AdvisoryFound},
    stix::{self, StixInput},
};
use crate::{
    auth::policy::{self, AdvisoryAction},
    context::RequestCtx,
    error::{AppError, AppResult},
};

pub const PUBLISHER: &str = "Alliance Hub";
/// Most public advisories listed in the CSAF index files.
pub const MAX_PUBLIC_INDEX: u64 = 10_000;

/// Where the public CSAF document of an advisory lives (`/.well-known/csaf/clear/YYYY/…`):
/// only for advisories published to `PUBLIC`.
pub fn public_csaf_path(advisory: &advisory::Model) -> Option<String> {
    if advisory.audience != Some(Audience::Public)
        || !matches!(
            advisory.status,
            AdvisoryStatus::Published | AdvisoryStatus::Withdrawn
        )
    {
        return None;
    }
    let reference = advisory.reference.as_deref()?;
    let year = advisory.published_at?.year();
    Some(format!(
        "/.well-known/csaf/clear/{year}/{}",
        csaf::file_name(reference)
    ))
}

pub fn absolute(public_url: &url::Url, path: &str) -> String {
    format!("{}{path}", public_url.as_str().trim_end_matches('/'))
}

async fn organizations_of(
    db: &impl ConnectionTrait,
    found: &AdvisoryFound,
) -> AppResult<Vec<organization::Model>> {
    let ids = found.signing_organizations();
    let rows = organization::Entity::find()
        .filter(organization::Column::Id.is_in(ids.iter().copied()))
        .all(db)
        .await?;
    Ok(ids
        .iter()
        .filter_map(|id| rows.iter().find(|o| o.id == *id).cloned())
        .collect())
}

/// The CSAF document of an advisory as it is now: final once published (with its
/// reference), draft before.
pub async fn csaf_document(
    db: &impl ConnectionTrait,
    found: &AdvisoryFound,
    public_url: &url::Url,
) -> AppResult<Value> {
    let a = &found.advisory;
    let (_, content) = service::content_of(db, a.id, a.revision).await?;
    let organizations: Vec<String> = organizations_of(db, found)
        .await?
        .into_iter()
        .map(|o| o.name)
        .collect();
    let base_score = content
        .cvss_vector
        .as_deref()
        .and_then(|v| super::cvss::score(v).ok())
        .map(|s| s.base_score);
    let draft_id = format!("AH-DRAFT-{}", &a.id.simple().to_string()[24..]);
    let (tracking_id, status, history) = match (a.reference.as_deref(), a.published_at) {
        (Some(reference), Some(published)) => {
            let mut history = vec![(1, published, "Initial publication".to_owned())];
            if let Some(withdrawn) = a.withdrawn_at {
                history.push((2, withdrawn, "Withdrawn".to_owned()));
            }
            (reference.to_owned(), TrackingStatus::Final, history)
        }
        _ => (
            draft_id,
            TrackingStatus::Draft,
            vec![(0, a.updated_at, format!("Draft, revision {}", a.revision))],
        ),
    };
    let self_url = public_csaf_path(a).map(|p| absolute(public_url, &p));
    let namespace = public_url.as_str().trim_end_matches('/').to_owned();
    let version = history.last().map_or(0, |h| h.0);
    Ok(csaf::document(&CsafInput {
        tracking_id: &tracking_id,
        status,
        content: &content,
        base_score,
        revision: version,
        revision_history: &history,
        initial_release: a.published_at.unwrap_or(a.created_at),
        current_release: a.withdrawn_at.or(a.published_at).unwrap_or(a.updated_at),
        withdrawn_reason: a.withdrawn_at.and(a.withdrawn_reason.as_deref()),
        organizations: &organizations,
        publisher_name: PUBLISHER,
        publisher_namespace: &namespace,
        self_url: self_url.as_deref(),
    }))
}

fn authoring_organization(rc: &RequestCtx, found: &AdvisoryFound) -> bool {
    rc.viewer
        .organization_id()
        .is_some_and(|org| found.signing_organizations().contains(&org))
}

async fn require_export(
    db: &impl ConnectionTrait,
    rc: &RequestCtx,
    id: &str,
) -> AppResult<AdvisoryFound> {
    let found = service::require_by_global_id(db, rc, id, AdvisoryAction::Read).await?;
    policy::authorize_advisory(
        &rc.viewer,
        found.standing(),
        AdvisoryAction::Export {
            authoring_organization: authoring_organization(rc, &found),
        },
    )?;
    Ok(found)
}

/// `advisoryCsaf(id)`: the CSAF document for a reader of the advisory.
pub async fn csaf_for(
    db: &impl ConnectionTrait,
    rc: &RequestCtx,
    id: &str,
    public_url: &url::Url,
) -> AppResult<Value> {
    let found = require_export(db, rc, id).await?;
    csaf_document(db, &found, public_url).await
}

/// `advisoryStix(id)`: a STIX 2.1 bundle of the advisory's indicators.
pub async fn stix_for(db: &impl ConnectionTrait, rc: &RequestCtx, id: &str) -> AppResult<Value> {
    let found = require_export(db, rc, id).await?;
    let a = &found.advisory;
    let (_, content): (_, AdvisoryContent) = service::content_of(db, a.id, a.revision).await?;
    let organizations: Vec<(Uuid, String, entities::OrganizationKind)> =
        organizations_of(db, &found)
            .await?
            .into_iter()
            .map(|o| (o.id, o.name, o.kind))
            .collect();
    Ok(stix::bundle(&StixInput {
        advisory_id: a.id,
        title: &content.title,
        summary: &content.summary,
        created: a.created_at,
        modified: a.updated_at,
        published: a.published_at,
        tlp: content.tlp,
        indicators: &content.indicators,
        cves: &content.cves,
        organizations: &organizations,
        references: &content.references,
    }))
}

/// The public advisory whose CSAF file is `file` of `year`, if any.
pub async fn public_by_file(
    db: &impl ConnectionTrait,
    year: i32,
    file: &str,
) -> AppResult<AdvisoryFound> {
    // `ah-2026-0001.json` → `AH-2026-0001`.
    let reference = file
        .strip_suffix(".json")
        .map(|r| r.to_ascii_uppercase())
        .ok_or(AppError::NotFound)?;
    let advisory = advisory::Entity::find()
        .filter(advisory::Column::Reference.eq(reference))
        .one(db)
        .await?
        .filter(|a| public_csaf_path(a).is_some())
        .filter(|a| a.published_at.is_some_and(|p| p.year() == year))
        .ok_or(AppError::NotFound)?;
    let authors = service::authors_of(db, advisory.id).await?;
    Ok(AdvisoryFound {
        workspace: entities::workspace::Entity::find_by_id(advisory.workspace_id)
            .one(db)
            .await?
            .ok_or(AppError::NotFound)?,
        advisory,
        role: None,
        authors,
        viewer: None,
    })
}
