use async_graphql::{Context, ID, InputObject, Object};
use chrono::{DateTime, Utc};
use entities::{AlertAudience, Severity, alert};

use crate::{
    advisories::types::Advisory,
    ids::{self, NodeType},
};

/// A cyber alert.
pub struct Alert(pub alert::Model);

#[Object]
impl Alert {
    pub async fn id(&self) -> ID {
        ids::encode(NodeType::Alert, self.0.id)
    }
    async fn title(&self) -> &str {
        &self.0.title
    }
    async fn summary(&self) -> &str {
        &self.0.summary
    }
    async fn severity(&self) -> Severity {
        self.0.severity
    }
    async fn audience(&self) -> AlertAudience {
        self.0.audience
    }
    /// ISO 3166-1 alpha-2 codes; empty for everywhere.
    async fn regions(&self) -> Vec<String> {
        self.0
            .regions
            .split(',')
            .filter(|r| !r.is_empty())
            .map(str::to_owned)
            .collect()
    }
    async fn expires_at(&self) -> Option<DateTime<Utc>> {
        self.0.expires_at
    }
    async fn expired(&self) -> bool {
        self.0.expires_at.is_some_and(|at| at <= Utc::now())
    }
    async fn issued_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    /// The advisory it was issued from, when the viewer may read it.
    async fn advisory(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Advisory>> {
        match self.0.advisory_id {
            Some(id) => Advisory::load_readable(ctx, id).await,
            None => Ok(None),
        }
    }
}

#[derive(InputObject)]
pub struct IssueAlertInput {
    /// Taken from the advisory when issued from one and left out.
    pub title: Option<String>,
    pub summary: Option<String>,
    pub severity: Option<Severity>,
    pub audience: AlertAudience,
    /// ISO 3166-1 alpha-2 country codes; empty for everywhere.
    #[graphql(default)]
    pub regions: Vec<String>,
    pub expires_at: Option<DateTime<Utc>>,
    /// A published advisory to issue the alert from.
    pub advisory_id: Option<ID>,
}
