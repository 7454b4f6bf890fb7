use chrono::Utc;
use entities::organization;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait,
    DatabaseConnection, EntityTrait, QueryFilter,
};
use serde_json::json;
use uuid::Uuid;

use super::types::{CreateOrganizationInput, OrganizationFilter, UpdateOrganizationInput};
use crate::{
    audit::service::{self as audit, Entry},
    auth::policy::{self, Action, OrganizationScope},
    context::RequestCtx,
    error::{AppError, AppResult},
    ids::{self, NodeType},
    pagination::{Order, Page},
};

/// Validates and normalises an ISO 3166-1 alpha-2 code.
pub fn normalize_country(country: &str) -> AppResult<String> {
    let upper = country.trim().to_ascii_uppercase();
    if upper.len() == 2 && isocountry::CountryCode::for_alpha2(&upper).is_ok() {
        Ok(upper)
    } else {
        Err(AppError::bad_input(
            "country",
            "must be an ISO 3166-1 alpha-2 country code, e.g. NL",
        ))
    }
}

fn normalize_name(name: &str) -> AppResult<String> {
    let name = name.trim();
    let len = name.chars().count();
    if !(2..=200).contains(&len) {
        return Err(AppError::bad_input("name", "must be 2 to 200 characters"));
    }
    Ok(name.to_owned())
}

async fn ensure_name_free(
    db: &impl ConnectionTrait,
    name: &str,
    except: Option<Uuid>,
) -> AppResult<()> {
    let mut query = organization::Entity::find().filter(organization::Column::Name.eq(name));
    if let Some(id) = except {
        query = query.filter(organization::Column::Id.ne(id));
    }
    if query.one(db).await?.is_some() {
        return Err(AppError::conflict(
            "an organisation with this name already exists",
        ));
    }
    Ok(())
}

/// One organisation, if the viewer may see it.
pub async fn get(
    db: &impl ConnectionTrait,
    rc: &RequestCtx,
    id: Uuid,
) -> AppResult<organization::Model> {
    let org = organization::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    policy::authorize(&rc.viewer, Action::ViewOrganization(&org))?;
    Ok(org)
}

pub async fn list(
    db: &impl ConnectionTrait,
    rc: &RequestCtx,
    filter: Option<OrganizationFilter>,
    page: Page,
) -> AppResult<Vec<organization::Model>> {
    let scope = policy::visible_organizations(&rc.viewer)?;
    let mut condition = Condition::all();
    match scope {
        OrganizationScope::All => {}
        OrganizationScope::VerifiedOrOwn(own) => {
            condition = condition.add(
                Condition::any()
                    .add(organization::Column::Verified.eq(true))
                    .add(organization::Column::Id.eq(own)),
            );
        }
        OrganizationScope::Own(own) => condition = condition.add(organization::Column::Id.eq(own)),
    }
    if let Some(filter) = filter {
        if let Some(kind) = filter.kind {
            condition = condition.add(organization::Column::Kind.eq(kind));
        }
        if let Some(verified) = filter.verified {
            condition = condition.add(organization::Column::Verified.eq(verified));
        }
    }
    Ok(page
        .apply(
            organization::Entity::find().filter(condition),
            organization::Column::Id,
            Order::Oldest,
        )
        .all(db)
        .await?)
}

#[tracing::instrument(skip_all, fields(name = %input.name))]
pub async fn create(
    db: &DatabaseConnection,
    rc: &RequestCtx,
    input: CreateOrganizationInput,
) -> AppResult<organization::Model> {
    policy::authorize(&rc.viewer, Action::ManageOrganizations)?;
    let name = normalize_name(&input.name)?;
    let country = normalize_country(&input.country)?;
    let txn = crate::db::begin_write(db).await?;
    ensure_name_free(&txn, &name, None).await?;
    let now = Utc::now();
    let org = organization::ActiveModel {
        id: Set(Uuid::now_v7()),
        name: Set(name),
        kind: Set(input.kind),
        country: Set(country),
        verified: Set(input.verified),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&txn)
    .await?;
    audit::record(
        &txn,
        rc,
        Entry {
            action: "organization.create",
            target_type: "organization",
            target_id: Some(org.id),
            details: json!({ "name": org.name, "kind": org.kind, "country": org.country, "verified": org.verified }),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(org)
}

#[tracing::instrument(skip_all)]
pub async fn update(
    db: &DatabaseConnection,
    rc: &RequestCtx,
    id: &str,
    input: UpdateOrganizationInput,
) -> AppResult<organization::Model> {
    policy::authorize(&rc.viewer, Action::ManageOrganizations)?;
    let id = ids::decode(NodeType::Organization, id)?;
    let name = input.name.as_deref().map(normalize_name).transpose()?;
    let country = input
        .country
        .as_deref()
        .map(normalize_country)
        .transpose()?;
    let txn = crate::db::begin_write(db).await?;
    let current = get(&txn, rc, id).await?;
    let mut changes = serde_json::Map::new();
    let mut active: organization::ActiveModel = current.clone().into();
    if let Some(name) = name.filter(|n| *n != current.name) {
        ensure_name_free(&txn, &name, Some(id)).await?;
        changes.insert("name".into(), json!({ "from": current.name, "to": name }));
        active.name = Set(name);
    }
    if let Some(kind) = input.kind.filter(|k| *k != current.kind) {
        changes.insert("kind".into(), json!({ "from": current.kind, "to": kind }));
        active.kind = Set(kind);
    }
    if let Some(country) = country.filter(|c| *c != current.country) {
        changes.insert(
            "country".into(),
            json!({ "from": current.country, "to": country }),
        );
        active.country = Set(country);
    }
    if changes.is_empty() {
        return Ok(current);
    }
    active.updated_at = Set(Utc::now());
    let org = active.update(&txn).await?;
    audit::record(
        &txn,
        rc,
        Entry {
            action: "organization.update",
            target_type: "organization",
            target_id: Some(id),
            details: serde_json::Value::Object(changes),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(org)
}

#[tracing::instrument(skip_all, fields(verified))]
pub async fn set_verified(
    db: &DatabaseConnection,
    rc: &RequestCtx,
    id: &str,
    verified: bool,
) -> AppResult<organization::Model> {
    policy::authorize(&rc.viewer, Action::ManageOrganizations)?;
    let id = ids::decode(NodeType::Organization, id)?;
    let txn = crate::db::begin_write(db).await?;
    let current = get(&txn, rc, id).await?;
    if current.verified == verified {
        return Ok(current);
    }
    let mut active: organization::ActiveModel = current.into();
    active.verified = Set(verified);
    active.updated_at = Set(Utc::now());
    let org = active.update(&txn).await?;
    audit::record(
        &txn,
        rc,
        Entry {
            action: if verified {
                "organization.verify"
            } else {
                "organization.unverify"
            },
            target_type: "organization",
            target_id: Some(id),
            details: json!({ "verified": verified }),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(org)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn country_codes_are_iso_alpha2() {
        assert_eq!(normalize_country("nl").unwrap(), "NL");
        assert!(normalize_country("XX").is_err());
        assert!(normalize_country("NLD").is_err());
        assert!(normalize_country("").is_err());
    }
}
