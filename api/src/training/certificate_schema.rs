//! The GraphQL part of certificates: verification for anyone, the holder's own, a
//! programme's for its managers, issuing by hand and revoking.

use async_graphql::{Context, ID, Object, SimpleObject, connection::Connection};
use chrono::{DateTime, Utc};
use entities::certificate;

use super::certificates::{self, CertificateStatus, Verification};
use crate::{
    context,
    ids::{self, NodeType},
    pagination::{self, Page},
    users::types::User,
};

/// A certificate, as its holder and the provider's managers see it, with its programme's
/// title (read with the list, for all its certificates at once).
pub struct Certificate(pub certificate::Model, pub String);

#[Object]
impl Certificate {
    async fn id(&self) -> ID {
        ids::encode(NodeType::Certificate, self.0.id)
    }
    /// What anyone verifies it by (`verifyCertificate`, `/verify/<code>`).
    async fn code(&self) -> &str {
        &self.0.code
    }
    async fn programme_id(&self) -> ID {
        ids::encode(NodeType::Programme, self.0.programme_id)
    }
    async fn programme_title(&self) -> &str {
        &self.1
    }
    /// The holder (`null` when the viewer may not see the account).
    async fn holder(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<User>> {
        User::load_related(ctx, self.0.user_id).await
    }
    async fn issued_at(&self) -> DateTime<Utc> {
        self.0.issued_at
    }
    async fn expires_at(&self) -> Option<DateTime<Utc>> {
        self.0.expires_at
    }
    async fn revoked_at(&self) -> Option<DateTime<Utc>> {
        self.0.revoked_at
    }
    async fn revoked_reason(&self) -> Option<&str> {
        self.0.revoked_reason.as_deref()
    }
    async fn status(&self) -> CertificateStatus {
        certificates::status(&self.0, Utc::now())
    }
}

/// What anyone may learn of a certificate by its code: nothing more about its holder than
/// their name.
#[derive(SimpleObject)]
pub struct CertificateVerification {
    pub holder_name: String,
    pub programme_title: String,
    pub provider_name: String,
    pub issued_at: DateTime<Utc>,
    pub expires_at: Option<DateTime<Utc>>,
    pub status: CertificateStatus,
}

impl From<Verification> for CertificateVerification {
    fn from(v: Verification) -> Self {
        Self {
            holder_name: v.holder_name,
            programme_title: v.programme_title,
            provider_name: v.provider_name,
            issued_at: v.issued_at,
            expires_at: v.expires_at,
            status: v.status,
        }
    }
}

#[derive(Default)]
pub struct CertificateQuery;

#[Object]
impl CertificateQuery {
    /// Verifies a certificate by its code, for anyone without signing in: the holder's
    /// name, the programme, the provider, the dates and whether it is valid — nothing else.
    /// `null` when no certificate has this code.
    async fn verify_certificate(
        &self,
        ctx: &Context<'_>,
        code: String,
    ) -> async_graphql::Result<Option<CertificateVerification>> {
        let state = context::state(ctx)?;
        Ok(certificates::verify(&state.db, &code)
            .await?
            .map(CertificateVerification::from))
    }

    /// The viewer's certificates, newest first.
    #[graphql(complexity = "pagination::cost(first, child_complexity)")]
    async fn my_certificates(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> async_graphql::Result<Connection<String, Certificate>> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        let page = Page::parse(first, after)?;
        let rows = certificates::mine(&state.db, rc, page).await?;
        let rows = certificates::with_titles(&state.db, rows).await?;
        Ok(pagination::connection(
            page,
            rows,
            |(c, _)| c.id,
            |(c, t)| Certificate(c, t),
        ))
    }

    /// Certificates issued for a programme, newest first. Its managers.
    #[graphql(complexity = "pagination::cost(first, child_complexity)")]
    async fn programme_certificates(
        &self,
        ctx: &Context<'_>,
        programme_id: ID,
        first: Option<i32>,
        after: Option<String>,
    ) -> async_graphql::Result<Connection<String, Certificate>> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        let page = Page::parse(first, after)?;
        let rows = certificates::of_programme(&state.db, rc, &programme_id, page).await?;
        let rows = certificates::with_titles(&state.db, rows).await?;
        Ok(pagination::connection(
            page,
            rows,
            |(c, _)| c.id,
            |(c, t)| Certificate(c, t),
        ))
    }
}

#[derive(Default)]
pub struct CertificateMutation;

#[Object]
impl CertificateMutation {
    /// Issues a certificate of a programme to a member of a verified organisation, with an
    /// optional expiry (otherwise the programme's validity). The provider's managers.
    async fn issue_certificate(
        &self,
        ctx: &Context<'_>,
        programme_id: ID,
        user_id: ID,
        expires_at: Option<DateTime<Utc>>,
    ) -> async_graphql::Result<Certificate> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        let issued =
            certificates::issue_by_hand(&state.db, rc, &programme_id, &user_id, expires_at).await?;
        let mut rows = certificates::with_titles(&state.db, vec![issued]).await?;
        let (c, t) = rows.pop().ok_or(crate::error::AppError::NotFound)?;
        Ok(Certificate(c, t))
    }

    /// Revokes a certificate with a reason; the holder's access to workspaces that require
    /// it ends at once. The provider's managers.
    async fn revoke_certificate(
        &self,
        ctx: &Context<'_>,
        id: ID,
        reason: String,
    ) -> async_graphql::Result<Certificate> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        let revoked = certificates::revoke(&state.db, rc, &id, &reason).await?;
        let mut rows = certificates::with_titles(&state.db, vec![revoked]).await?;
        let (c, t) = rows.pop().ok_or(crate::error::AppError::NotFound)?;
        Ok(Certificate(c, t))
    }
}
