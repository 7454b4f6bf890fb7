use std::collections::HashMap;

use entities::{post, thread, thread_recipient, workspace, workspace_member};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, FromQueryResult, QueryFilter, Statement,
    Value,
};
use uuid::Uuid;

use crate::{
    auth::policy,
    context::RequestCtx,
    error::{AppError, AppResult},
    ids::{self, NodeType},
    pagination::OffsetPage,
    workspaces::service::Found,
};

pub const QUERY_MAX: usize = 200;
pub const MAX_TERMS: usize = 10;

/// Highlight markers in snippets from the database (private-use characters); the snippet is
/// HTML-escaped, then they become `<mark>` tags.
const MARK_START: char = '\u{E000}';
const MARK_END: char = '\u{E001}';

#[derive(Debug, Clone, Copy, PartialEq, Eq, async_graphql::Enum)]
pub enum HitKind {
    Thread,
    Post,
}

/// One result: a thread (its title matched) or a post, with its thread and workspace.
pub struct Hit {
    pub kind: HitKind,
    pub rank: f64,
    pub snippet_html: String,
    pub thread: thread::Model,
    pub post: Option<post::Model>,
    pub found: Found,
}

/// The words of a query: letters and digits, at most [`MAX_TERMS`].
fn terms(query: &str) -> AppResult<Vec<String>> {
    let query = query.trim();
    if query.chars().count() > QUERY_MAX {
        return Err(AppError::bad_input(
            "query",
            format!("must be at most {QUERY_MAX} characters"),
        ));
    }
    let terms: Vec<String> = query
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .take(MAX_TERMS)
        .map(str::to_lowercase)
        .collect();
    if terms.is_empty() {
        return Err(AppError::bad_input(
            "query",
            "must contain a word to search for",
        ));
    }
    Ok(terms)
}

/// Escapes the snippet's text for HTML and turns the markers into `<mark>`.
fn snippet_html(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len() + 16);
    for c in raw.chars() {
        match c {
            MARK_START => out.push_str("<mark>"),
            MARK_END => out.push_str("</mark>"),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[derive(Debug, FromQueryResult)]
struct Row {
    thread_id: Uuid,
    post_id: Option<Uuid>,
    rank: f64,
    snippet: String,
}

fn statement(
    backend: DbBackend,
    terms: &[String],
    user: Uuid,
    workspace_id: Option<Uuid>,
    page: OffsetPage,
) -> Statement {
    let mut values: Vec<Value> = Vec::new();
    match backend {
        DbBackend::Postgres => {
            let readable = policy::readable_thread_ids_sql("$2");
            let in_workspace = if workspace_id.is_some() {
                " AND t.workspace_id = $6"
            } else {
                ""
            };
            let sql = format!(
                "WITH q AS (SELECT plainto_tsquery('simple', $1) AS query), \
                 readable AS ({readable}), \
                 hits AS ( \
                   SELECT t.id AS thread_id, NULL::uuid AS post_id, ts_rank(t.search, q.query) AS rank \
                   FROM thread t, q WHERE t.search @@ q.query AND t.id IN (SELECT id FROM readable){in_workspace} \
                   UNION ALL \
                   SELECT p.thread_id, p.id, ts_rank(p.search, q.query) \
                   FROM post p, q WHERE p.search @@ q.query AND p.removed_at IS NULL \
                   AND p.thread_id IN (SELECT id FROM readable){in_workspace_post} \
                   ORDER BY rank DESC, thread_id, post_id NULLS FIRST LIMIT $3 OFFSET $4) \
                 SELECT h.thread_id, h.post_id, h.rank::float8 AS rank, \
                   ts_headline('simple', COALESCE(p.body, t.title), q.query, $5) AS snippet \
                 FROM hits h JOIN thread t ON t.id = h.thread_id \
                 LEFT JOIN post p ON p.id = h.post_id, q \
                 ORDER BY h.rank DESC, h.thread_id, h.post_id NULLS FIRST",
                in_workspace_post = in_workspace.replace("t.workspace_id", "p.workspace_id"),
            );
            values.push(terms.join(" ").into());
            values.push(user.into());
            values.push((page.limit() as i64).into());
            values.push((page.offset as i64).into());
            values.push(
                format!(
                    "StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=30, MinWords=10, \
                     MaxFragments=2, FragmentDelimiter=\" … \""
                )
                .into(),
            );
            if let Some(w) = workspace_id {
                values.push(w.into());
            }
            Statement::from_sql_and_values(backend, sql, values)
        }
        _ => {
            let readable = policy::readable_thread_ids_sql("?1");
            let in_workspace = if workspace_id.is_some() {
                " AND h.workspace_id = ?5"
            } else {
                ""
            };
            let sql = format!(
                "WITH readable AS ({readable}), \
                 hits AS ( \
                   SELECT s.kind AS kind, s.ref_id AS ref_id, -bm25(search_fts) AS rank, \
                     snippet(search_fts, 2, char(57344), char(57345), '…', 16) AS snippet \
                   FROM search_fts s WHERE search_fts MATCH ?2) \
                 SELECT * FROM ( \
                   SELECT t.id AS thread_id, NULL AS post_id, h.rank AS rank, h.snippet AS snippet, \
                     t.workspace_id AS workspace_id \
                   FROM hits h JOIN thread t ON h.kind = 'THREAD' AND t.id = h.ref_id \
                   WHERE t.id IN (SELECT id FROM readable) \
                   UNION ALL \
                   SELECT p.thread_id, p.id, h.rank, h.snippet, p.workspace_id \
                   FROM hits h JOIN post p ON h.kind = 'POST' AND p.id = h.ref_id \
                   WHERE p.removed_at IS NULL AND p.thread_id IN (SELECT id FROM readable)) h \
                 WHERE 1 = 1{in_workspace} \
                 ORDER BY rank DESC, thread_id, post_id NULLS FIRST LIMIT ?3 OFFSET ?4"
            );
            let fts_query = terms
                .iter()
                .map(|t| format!("\"{t}\""))
                .collect::<Vec<_>>()
                .join(" ");
            values.push(user.into());
            values.push(fts_query.into());
            values.push((page.limit() as i64).into());
            values.push((page.offset as i64).into());
            if let Some(w) = workspace_id {
                values.push(w.into());
            }
            Statement::from_sql_and_values(backend, sql, values)
        }
    }
}

/// Searches what the viewer may read (optionally in one workspace), best match first.
#[tracing::instrument(skip_all)]
pub async fn search(
    db: &impl ConnectionTrait,
    rc: &RequestCtx,
    query: &str,
    workspace_id: Option<&str>,
    page: OffsetPage,
) -> AppResult<Vec<Hit>> {
    let terms = terms(query)?;
    let workspace_id = workspace_id
        .map(|id| ids::decode(NodeType::Workspace, id))
        .transpose()?;
    let Some(user) = policy::content_reader(&rc.viewer)? else {
        return Ok(Vec::new());
    };
    let rows = Row::find_by_statement(statement(
        db.get_database_backend(),
        &terms,
        user,
        workspace_id,
        page,
    ))
    .all(db)
    .await?;
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let threads: HashMap<Uuid, thread::Model> = thread::Entity::find()
        .filter(thread::Column::Id.is_in(rows.iter().map(|r| r.thread_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|t| (t.id, t))
        .collect();
    let posts: HashMap<Uuid, post::Model> = post::Entity::find()
        .filter(post::Column::Id.is_in(rows.iter().filter_map(|r| r.post_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let workspace_ids: Vec<Uuid> = threads.values().map(|t| t.workspace_id).collect();
    let workspaces: HashMap<Uuid, workspace::Model> = workspace::Entity::find()
        .filter(workspace::Column::Id.is_in(workspace_ids.iter().copied()))
        .all(db)
        .await?
        .into_iter()
        .map(|w| (w.id, w))
        .collect();
    let roles: HashMap<Uuid, entities::WorkspaceRole> = workspace_member::Entity::find()
        .filter(workspace_member::Column::UserId.eq(user))
        .filter(workspace_member::Column::WorkspaceId.is_in(workspace_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|m| (m.workspace_id, m.role))
        .collect();
    let red: Vec<Uuid> = threads
        .values()
        .filter(|t| t.tlp == entities::Tlp::Red)
        .map(|t| t.id)
        .collect();
    let named: Vec<Uuid> = if red.is_empty() {
        Vec::new()
    } else {
        thread_recipient::Entity::find()
            .filter(thread_recipient::Column::UserId.eq(user))
            .filter(thread_recipient::Column::ThreadId.is_in(red))
            .all(db)
            .await?
            .into_iter()
            .map(|r| r.thread_id)
            .collect()
    };
    let mut hits = Vec::with_capacity(rows.len());
    for row in rows {
        let Some(thread) = threads.get(&row.thread_id).cloned() else {
            continue;
        };
        let Some(workspace) = workspaces.get(&thread.workspace_id).cloned() else {
            continue;
        };
        let found = Found {
            role: roles.get(&workspace.id).copied(),
            workspace,
        };
        let post = row.post_id.and_then(|id| posts.get(&id).cloned());
        let recipient = named.contains(&thread.id);
        // The query encodes the rule; the policy confirms it for every hit all the same.
        if policy::authorize_in_workspace(
            &rc.viewer,
            found.standing(),
            policy::WorkspaceAction::ReadThread {
                thread: &thread,
                recipient,
            },
        )
        .is_err()
        {
            continue;
        }
        hits.push(Hit {
            kind: if post.is_some() {
                HitKind::Post
            } else {
                HitKind::Thread
            },
            rank: row.rank,
            snippet_html: snippet_html(&row.snippet),
            thread,
            post,
            found,
        });
    }
    Ok(hits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_become_plain_terms() {
        assert_eq!(
            terms("  Ransomware AND \"lockbit\"* ").unwrap(),
            ["ransomware", "and", "lockbit"]
        );
        assert!(terms("  \"* ( ").is_err());
        assert!(terms(&"a".repeat(QUERY_MAX + 1)).is_err());
    }

    #[test]
    fn snippets_are_escaped_and_marked() {
        assert_eq!(
            snippet_html("<b>\u{E000}lockbit\u{E001}</b> & co"),
            "&lt;b&gt;<mark>lockbit</mark>&lt;/b&gt; &amp; co"
        );
    }
}
