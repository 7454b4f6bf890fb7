//! Revisions: saving without lost updates, indicators pasted in bulk, diffs between
//! revisions, and review comments on a revision's fields.

use entities::{AdvisoryStatus, EventKind, Severity, Tlp, advisory, advisory_comment};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, QueryFilter, sea_query::Expr,
};
use serde_json::json;
use similar::{ChangeTag, TextDiff};
use uuid::Uuid;

use super::{
    content::{AdvisoryContent, AffectedProduct, Indicator},
    indicators::{self, LineReport},
    service::{self, AdvisoryFound},
};
use crate::{
    auth::policy::{self, AdvisoryAction},
    context::RequestCtx,
    error::{AppError, AppResult},
    ids::{self, NodeType},
};

/// Changes to an advisory's content; `None` leaves a field as it is.
#[derive(Debug, Default)]
pub struct ContentChanges {
    pub title: Option<String>,
    pub summary: Option<String>,
    pub body: Option<String>,
    pub severity: Option<Severity>,
    /// `Some(None)` clears the vector.
    pub cvss_vector: Option<Option<String>>,
    pub tlp: Option<Tlp>,
    pub cves: Option<Vec<String>>,
    pub affected_products: Option<Vec<AffectedProduct>>,
    pub indicators: Option<Vec<Indicator>>,
    pub recommendations: Option<String>,
    pub references: Option<Vec<String>>,
    pub credits: Option<Vec<String>>,
}

impl ContentChanges {
    fn apply(self, mut c: AdvisoryContent) -> AdvisoryContent {
        macro_rules! take {
            ($($field:ident),*) => { $(if let Some(v) = self.$field { c.$field = v; })* };
        }
        take!(
            title,
            summary,
            body,
            severity,
            cvss_vector,
            tlp,
            cves,
            affected_products,
            indicators,
            recommendations,
            references,
            credits
        );
        c
    }
}

/// Saves a new revision made from the current one and `changes`, provided the current one
/// is still `expected`: a save against a stale revision is `CONFLICT` carrying the current
/// revision, never an overwrite. A new revision voids every sign-off (they are for the
/// revision they name) and takes an advisory in review back to `IN_REVIEW`.
#[tracing::instrument(skip_all)]
pub async fn save(
    db: &DatabaseConnection,
    rc: &RequestCtx,
    id: &str,
    expected: i32,
    changes: ContentChanges,
) -> AppResult<AdvisoryFound> {
    let id = ids::decode(NodeType::Advisory, id)?;
    let txn = crate::db::begin_write(db).await?;
    let found = service::require(&txn, rc, id, AdvisoryAction::Edit).await?;
    service::ensure_editable(&found.advisory)?;
    if found.advisory.revision != expected {
        return Err(AppError::StaleRevision {
            current: found.advisory.revision,
        });
    }
    let (_, current) = service::content_of(&txn, id, expected).await?;
    let content = super::validate::normalize(changes.apply(current.clone()))?;
    if content == current {
        return Ok(found);
    }
    let found = write_revision(&txn, rc, found, content, "advisory.save").await?;
    txn.commit().await?;
    Ok(found)
}

/// Writes `content` as the revision after the current one (the caller checked that the
/// current one is the one it read), with its events, notifications and audit entry.
async fn write_revision(
    db: &impl ConnectionTrait,
    rc: &RequestCtx,
    found: AdvisoryFound,
    content: AdvisoryContent,
    action: &'static str,
) -> AppResult<AdvisoryFound> {
    let me = rc.viewer.user_id().ok_or(AppError::NotFound)?;
    let current = found.advisory.revision;
    let next = current + 1;
    let status = match found.advisory.status {
        AdvisoryStatus::Approved | AdvisoryStatus::InReview => AdvisoryStatus::InReview,
        other => other,
    };
    // Compare-and-set on the revision number: of concurrent saves against the same revision
    // exactly one moves it on (PostgreSQL makes the others wait for its row lock, then find
    // the number changed; SQLite runs writers one at a time).
    let moved = advisory::Entity::update_many()
        .col_expr(advisory::Column::Revision, Expr::value(next))
        .col_expr(advisory::Column::Title, Expr::value(content.title.clone()))
        .col_expr(advisory::Column::Tlp, Expr::value(content.tlp))
        .col_expr(advisory::Column::Severity, Expr::value(content.severity))
        .col_expr(advisory::Column::Status, Expr::value(status))
        .col_expr(advisory::Column::UpdatedAt, Expr::value(crate::db::now()))
        .filter(advisory::Column::Id.eq(found.advisory.id))
        .filter(advisory::Column::Revision.eq(current))
        .exec(db)
        .await?;
    if moved.rows_affected != 1 {
        let now = advisory::Entity::find_by_id(found.advisory.id)
            .one(db)
            .await?
            .ok_or(AppError::NotFound)?;
        return Err(AppError::StaleRevision {
            current: now.revision,
        });
    }
    service::insert_revision(db, found.advisory.id, next, me, &content).await?;
    let advisory = advisory::Entity::find_by_id(found.advisory.id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut kinds = vec![EventKind::AdvisoryRevisionSaved];
    if advisory.status != found.advisory.status {
        kinds.push(EventKind::AdvisoryStatusChanged);
    }
    let had_sign_offs = found.advisory.status == AdvisoryStatus::Approved
        || !service::signed_off(db, &found.advisory).await?.is_empty();
    let found = AdvisoryFound { advisory, ..found };
    if found.advisory.status == AdvisoryStatus::InReview {
        service::request_sign_off(db, rc, &found).await?;
    }
    let details = json!({ "revision": next, "voidedSignOffs": had_sign_offs });
    service::record_change(db, rc, &found.advisory, kinds, action, details).await?;
    Ok(found)
}

/// Adds the indicators pasted as `text` (one per line) to the current revision, as a new
/// revision; every line is reported: accepted, a duplicate, or why it was refused.
#[tracing::instrument(skip_all)]
pub async fn add_indicators(
    db: &DatabaseConnection,
    rc: &RequestCtx,
    id: &str,
    expected: i32,
    text: &str,
) -> AppResult<(AdvisoryFound, Vec<LineReport>)> {
    let id = ids::decode(NodeType::Advisory, id)?;
    let txn = crate::db::begin_write(db).await?;
    let found = service::require(&txn, rc, id, AdvisoryAction::Edit).await?;
    service::ensure_editable(&found.advisory)?;
    if found.advisory.revision != expected {
        return Err(AppError::StaleRevision {
            current: found.advisory.revision,
        });
    }
    let (_, current) = service::content_of(&txn, id, expected).await?;
    let report = indicators::parse_bulk(text, &current.indicators)
        .map_err(|message| AppError::bad_input("text", message))?;
    let accepted: Vec<Indicator> = report
        .iter()
        .filter_map(|line| match &line.outcome {
            indicators::LineOutcome::Accepted(indicator) => Some(indicator.clone()),
            _ => None,
        })
        .collect();
    if accepted.is_empty() {
        return Ok((found, report));
    }
    let mut content = current;
    content.indicators.extend(accepted);
    let content = super::validate::normalize(content)?;
    let found = write_revision(&txn, rc, found, content, "advisory.add_indicators").await?;
    txn.commit().await?;
    Ok((found, report))
}

/// How one field differs between two revisions.
#[derive(Debug, Clone)]
pub struct FieldChange {
    pub field: &'static str,
    pub before: String,
    pub after: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, async_graphql::Enum)]
pub enum LineChange {
    Unchanged,
    Added,
    Removed,
}

#[derive(Debug, Clone)]
pub struct DiffLine {
    pub change: LineChange,
    pub text: String,
}

#[derive(Debug, Clone)]
pub struct Diff {
    pub from: i32,
    pub to: i32,
    pub fields: Vec<FieldChange>,
    pub body: Vec<DiffLine>,
    /// Whether `body` is the whole line diff (see [`MAX_DIFF_LINES`]).
    pub body_complete: bool,
}

/// The fields of a revision, as text to compare and show.
pub fn field_texts(c: &AdvisoryContent) -> Vec<(&'static str, String)> {
    let lines = |v: &[String]| v.join("\n");
    vec![
        ("title", c.title.clone()),
        ("summary", c.summary.clone()),
        ("body", c.body.clone()),
        ("severity", enum_text(&c.severity)),
        ("cvssVector", c.cvss_vector.clone().unwrap_or_default()),
        ("tlp", enum_text(&c.tlp)),
        ("cves", lines(&c.cves)),
        (
            "affectedProducts",
            c.affected_products
                .iter()
                .map(|p| {
                    format!("{} {} {}", p.vendor, p.product, p.versions)
                        .trim()
                        .to_owned()
                })
                .collect::<Vec<_>>()
                .join("\n"),
        ),
        (
            "indicators",
            c.indicators
                .iter()
                .map(|i| format!("{} {}", enum_text(&i.kind), i.value))
                .collect::<Vec<_>>()
                .join("\n"),
        ),
        ("recommendations", c.recommendations.clone()),
        ("references", lines(&c.references)),
        ("credits", lines(&c.credits)),
    ]
}

/// The names of the content fields (for review comments).
pub const FIELDS: [&str; 12] = [
    "title",
    "summary",
    "body",
    "severity",
    "cvssVector",
    "tlp",
    "cves",
    "affectedProducts",
    "indicators",
    "recommendations",
    "references",
    "credits",
];

fn enum_text<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// The fields that changed from one revision to another, and a line diff of the body.
pub fn diff_contents(from: (i32, &AdvisoryContent), to: (i32, &AdvisoryContent)) -> Diff {
    let fields = field_texts(from.1)
        .into_iter()
        .zip(field_texts(to.1))
        .filter(|((_, before), (_, after))| before != after)
        .map(|((field, before), (_, after))| FieldChange {
            field,
            before,
            after,
        })
        .collect();
    let (body, body_complete) = body_diff(&from.1.body, &to.1.body);
    Diff {
        from: from.0,
        to: to.0,
        fields,
        body,
        body_complete,
    }
}

/// Most lines of a body that are diffed line by line, and most lines a diff returns.
pub const MAX_DIFF_LINES: usize = 5_000;
/// How long one body diff may take before it settles for a coarser answer.
const DIFF_TIME: std::time::Duration = std::time::Duration::from_millis(250);

/// The line diff of two bodies, and whether it is complete: bodies longer than
/// [`MAX_DIFF_LINES`] are not diffed (the field list still says the body changed), the diff
/// is given [`DIFF_TIME`] (after which it is correct but coarser), and at most
/// [`MAX_DIFF_LINES`] lines are returned.
fn body_diff(before: &str, after: &str) -> (Vec<DiffLine>, bool) {
    if before.lines().count() > MAX_DIFF_LINES || after.lines().count() > MAX_DIFF_LINES {
        return (Vec::new(), false);
    }
    let diff = TextDiff::configure()
        .timeout(DIFF_TIME)
        .diff_lines(before, after);
    let mut lines = Vec::new();
    for change in diff.iter_all_changes() {
        if lines.len() == MAX_DIFF_LINES {
            return (lines, false);
        }
        lines.push(DiffLine {
            change: match change.tag() {
                ChangeTag::Equal => LineChange::Unchanged,
                ChangeTag::Insert => LineChange::Added,
                ChangeTag::Delete => LineChange::Removed,
            },
            text: change.value().trim_end_matches('\n').to_owned(),
        });
    }
    (lines, true)
}

pub async fn diff(
    db: &impl ConnectionTrait,
    rc: &RequestCtx,
    id: &str,
    from: i32,
    to: i32,
) -> AppResult<Diff> {
    let found = service::require_by_global_id(db, rc, id, AdvisoryAction::ReadHistory).await?;
    let exists = 1..=found.advisory.revision;
    if !exists.contains(&from) {
        return Err(AppError::bad_input(
            "from",
            "the advisory has no such revision",
        ));
    }
    if !exists.contains(&to) {
        return Err(AppError::bad_input(
            "to",
            "the advisory has no such revision",
        ));
    }
    let (_, before) = service::content_of(db, found.advisory.id, from).await?;
    let (_, after) = service::content_of(db, found.advisory.id, to).await?;
    // CPU-bound: off the async workers.
    tokio::task::spawn_blocking(move || diff_contents((from, &before), (to, &after)))
        .await
        .map_err(|e| AppError::Internal(anyhow::anyhow!("diff task: {e}")))
}

pub const COMMENT_MAX: usize = 5000;

/// Comments on one field of one revision. Contributors of the workspace.
#[tracing::instrument(skip_all)]
pub async fn add_comment(
    db: &DatabaseConnection,
    rc: &RequestCtx,
    id: &str,
    revision: i32,
    field: &str,
    body: &str,
) -> AppResult<(AdvisoryFound, advisory_comment::Model)> {
    let body = body.trim();
    if !(1..=COMMENT_MAX).contains(&body.chars().count()) {
        return Err(AppError::bad_input(
            "body",
            format!("must be 1 to {COMMENT_MAX} characters"),
        ));
    }
    let field = FIELDS.iter().find(|f| **f == field).ok_or_else(|| {
        AppError::bad_input("field", format!("must be one of {}", FIELDS.join(", ")))
    })?;
    let txn = crate::db::begin_write(db).await?;
    let found = service::require_by_global_id(&txn, rc, id, AdvisoryAction::Comment).await?;
    if !(1..=found.advisory.revision).contains(&revision) {
        return Err(AppError::bad_input(
            "revision",
            "the advisory has no such revision",
        ));
    }
    let me = rc.viewer.user_id().ok_or(AppError::NotFound)?;
    let comment = advisory_comment::ActiveModel {
        id: Set(Uuid::now_v7()),
        advisory_id: Set(found.advisory.id),
        revision: Set(revision),
        field: Set((*field).to_owned()),
        author_id: Set(me),
        body: Set(body.to_owned()),
        created_at: Set(crate::db::now()),
        resolved_at: Set(None),
        resolved_by: Set(None),
    }
    .insert(&txn)
    .await?;
    service::record_change(
        &txn,
        rc,
        &found.advisory,
        vec![EventKind::AdvisoryCommented],
        "advisory.comment",
        json!({ "comment": comment.id, "revision": revision, "field": field }),
    )
    .await?;
    txn.commit().await?;
    Ok((found, comment))
}

/// Resolves (or reopens) a review comment. The advisory's authors or the comment's author.
#[tracing::instrument(skip_all)]
pub async fn resolve_comment(
    db: &DatabaseConnection,
    rc: &RequestCtx,
    id: &str,
    resolved: bool,
) -> AppResult<(AdvisoryFound, advisory_comment::Model)> {
    let id = ids::decode(NodeType::AdvisoryComment, id)?;
    let txn = crate::db::begin_write(db).await?;
    let comment = advisory_comment::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    // Comments are workspace content: to a reader outside it, they do not exist.
    let found =
        service::require(&txn, rc, comment.advisory_id, AdvisoryAction::ReadHistory).await?;
    policy::authorize_advisory(
        &rc.viewer,
        found.standing(),
        AdvisoryAction::ResolveComment(&comment),
    )?;
    if comment.resolved_at.is_some() == resolved {
        return Ok((found, comment));
    }
    let mut active: advisory_comment::ActiveModel = comment.into();
    active.resolved_at = Set(resolved.then(crate::db::now));
    active.resolved_by = Set(if resolved { rc.viewer.user_id() } else { None });
    let comment = active.update(&txn).await?;
    service::record_change(
        &txn,
        rc,
        &found.advisory,
        vec![EventKind::AdvisoryCommented],
        if resolved {
            "advisory.resolve_comment"
        } else {
            "advisory.reopen_comment"
        },
        json!({ "comment": comment.id }),
    )
    .await?;
    txn.commit().await?;
    Ok((found, comment))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn content(body: &str, title: &str) -> AdvisoryContent {
        AdvisoryContent {
            title: title.into(),
            summary: String::new(),
            body: body.into(),
            severity: Severity::High,
            cvss_vector: None,
            tlp: Tlp::Green,
            cves: vec![],
            affected_products: vec![],
            indicators: vec![],
            recommendations: String::new(),
            references: vec![],
            credits: vec![],
        }
    }

    #[test]
    fn a_diff_names_the_changed_fields_and_the_changed_body_lines() {
        let a = content("one\ntwo\nthree\n", "Title");
        let b = content("one\n2\nthree\n", "Title!");
        let diff = diff_contents((1, &a), (2, &b));
        let fields: Vec<_> = diff.fields.iter().map(|f| f.field).collect();
        assert_eq!(fields, ["title", "body"]);
        let lines: Vec<_> = diff
            .body
            .iter()
            .map(|l| (l.change, l.text.as_str()))
            .collect();
        assert_eq!(
            lines,
            [
                (LineChange::Unchanged, "one"),
                (LineChange::Removed, "two"),
                (LineChange::Added, "2"),
                (LineChange::Unchanged, "three"),
            ]
        );
    }

    #[test]
    fn unchanged_fields_are_kept() {
        let changes = ContentChanges {
            summary: Some("new".into()),
            cvss_vector: Some(None),
            ..Default::default()
        };
        let mut before = content("b", "t");
        before.cvss_vector = Some("x".into());
        let after = changes.apply(before);
        assert_eq!(after.summary, "new");
        assert_eq!(after.title, "t");
        assert_eq!(after.cvss_vector, None);
    }
}
