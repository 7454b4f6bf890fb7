//! `alliance-hub seed-volume`: bulk data for benchmarks — organisations of four kinds, a
//! score of accounts, and by default 50 workspaces, 2,000 threads (one in ten `RED`) and
//! 50,000 posts with reactions. Inserted in bulk, not through the services: no audit events
//! or notifications, which a benchmark of reads does not need.
//!
//! The account `bench@volume.example` (password `alliance-demo`) is a contributor in every
//! workspace and a recipient of half of the `RED` threads, so its reads exercise the access
//! rules.

use chrono::{Duration, Utc};
use entities::{
    AccountKind, OrganizationKind, PlatformRole, Reaction, Tlp, UserStatus, WorkspaceRole,
    organization, post, post_reaction, thread, thread_recipient, user_account, workspace,
    workspace_member,
};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    TransactionTrait,
};
use uuid::Uuid;

use crate::{auth::password::PasswordHasher, config::VolumeArgs};

pub const BENCH_EMAIL: &str = "bench@volume.example";
pub const BENCH_PASSWORD: &str = "alliance-demo";
const USERS_PER_ORG: usize = 5;
const CHUNK: usize = 1_000;

const WORDS: &[&str] = &[
    "ransomware",
    "phishing",
    "botnet",
    "infrastructure",
    "indicator",
    "takedown",
    "malware",
    "credential",
    "exfiltration",
    "loader",
    "affiliate",
    "bulletproof",
    "hosting",
    "proxy",
    "scanning",
    "exploit",
    "patch",
    "victim",
    "notification",
    "forum",
    "carding",
    "wallet",
    "sinkhole",
    "domain",
    "certificate",
    "beacon",
    "implant",
    "persistence",
    "lateral",
    "movement",
    "warrant",
    "subpoena",
    "attribution",
    "campaign",
    "operator",
];

fn sentence(seed: usize, words: usize) -> String {
    (0..words)
        .map(|i| WORDS[(seed.wrapping_mul(31) + i * 7 + i * i) % WORDS.len()])
        .collect::<Vec<_>>()
        .join(" ")
}

async fn insert_chunked<A, E>(
    db: &impl sea_orm::ConnectionTrait,
    rows: Vec<A>,
) -> anyhow::Result<()>
where
    A: sea_orm::ActiveModelTrait<Entity = E> + Send,
    E: EntityTrait,
{
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let chunk: Vec<A> = rows.by_ref().take(CHUNK).collect();
        E::insert_many(chunk).exec_without_returning(db).await?;
    }
    Ok(())
}

pub async fn seed(
    db: &DatabaseConnection,
    passwords: &PasswordHasher,
    args: VolumeArgs,
) -> anyhow::Result<()> {
    if user_account::Entity::find()
        .filter(user_account::Column::Email.eq(BENCH_EMAIL))
        .count(db)
        .await?
        > 0
    {
        anyhow::bail!("volume data is already seeded in this database");
    }
    let now = Utc::now();
    let kinds = [
        OrganizationKind::LawEnforcement,
        OrganizationKind::Vendor,
        OrganizationKind::Cert,
        OrganizationKind::Academia,
    ];
    let txn = db.begin().await?;
    let mut users: Vec<Uuid> = Vec::new();
    let mut bench_user = Uuid::nil();
    for (o, kind) in kinds.iter().enumerate() {
        let org = Uuid::now_v7();
        organization::Entity::insert(organization::ActiveModel {
            id: Set(org),
            name: Set(format!("Volume {kind:?} {o}")),
            kind: Set(*kind),
            country: Set("NL".into()),
            verified: Set(true),
            created_at: Set(now),
            updated_at: Set(now),
        })
        .exec_without_returning(&txn)
        .await?;
        for u in 0..USERS_PER_ORG {
            let id = Uuid::now_v7();
            let first = o == 0 && u == 0;
            let password_hash = if first {
                bench_user = id;
                Some(
                    passwords
                        .hash(BENCH_PASSWORD.to_owned())
                        .await
                        .map_err(|e| {
                            anyhow::anyhow!(
                                "hashing the benchmark password: {}",
                                e.public_message()
                            )
                        })?,
                )
            } else {
                None
            };
            user_account::Entity::insert(user_account::ActiveModel {
                id: Set(id),
                organization_id: Set(org),
                email: Set(if first {
                    BENCH_EMAIL.to_owned()
                } else {
                    format!("member{o}-{u}@volume.example")
                }),
                display_name: Set(format!("Volume Member {o}-{u}")),
                password_hash: Set(password_hash),
                role: Set(PlatformRole::Member),
                status: Set(UserStatus::Active),
                kind: Set(AccountKind::Person),
                created_at: Set(now),
                updated_at: Set(now),
            })
            .exec_without_returning(&txn)
            .await?;
            users.push(id);
        }
    }

    let workspaces: Vec<Uuid> = (0..args.workspaces).map(|_| Uuid::now_v7()).collect();
    let mut workspace_rows = Vec::new();
    let mut member_rows = Vec::new();
    for (w, id) in workspaces.iter().enumerate() {
        workspace_rows.push(workspace::ActiveModel {
            id: Set(*id),
            name: Set(format!("Volume workspace {w}")),
            description: Set(sentence(w, 12)),
            default_tlp: Set(if w % 2 == 0 { Tlp::Green } else { Tlp::Amber }),
            restricted_to_kinds: Set(None),
            required_programme_id: Set(None),
            created_by: Set(bench_user),
            created_at: Set(now),
            updated_at: Set(now),
            archived_at: Set(None),
        });
        for (u, user) in users.iter().enumerate() {
            member_rows.push(workspace_member::ActiveModel {
                workspace_id: Set(*id),
                user_id: Set(*user),
                role: Set(if u == 0 {
                    WorkspaceRole::Contributor
                } else if u == 1 {
                    WorkspaceRole::Owner
                } else {
                    WorkspaceRole::Contributor
                }),
                joined_at: Set(now),
            });
        }
    }
    insert_chunked(&txn, workspace_rows).await?;
    insert_chunked(&txn, member_rows).await?;

    let mut thread_rows = Vec::new();
    let mut recipient_rows = Vec::new();
    let mut threads: Vec<(Uuid, Uuid)> = Vec::new();
    for t in 0..args.threads as usize {
        let id = Uuid::now_v7();
        let workspace_id = workspaces[t % workspaces.len().max(1)];
        let red = t % 10 == 9;
        let at = now - Duration::minutes(t as i64);
        thread_rows.push(thread::ActiveModel {
            id: Set(id),
            workspace_id: Set(workspace_id),
            title: Set(sentence(t, 6)),
            tlp: Set(if red { Tlp::Red } else { Tlp::Amber }),
            pinned: Set(false),
            locked: Set(false),
            author_id: Set(users[t % users.len()]),
            created_at: Set(at),
            updated_at: Set(at),
            last_activity_at: Set(at),
        });
        if red {
            let author = users[t % users.len()];
            let mut named = vec![author, users[(t + 3) % users.len()]];
            if t % 20 == 19 {
                named.push(bench_user);
            }
            named.sort();
            named.dedup();
            for user in named {
                recipient_rows.push(thread_recipient::ActiveModel {
                    thread_id: Set(id),
                    user_id: Set(user),
                });
            }
        }
        threads.push((id, workspace_id));
    }
    insert_chunked(&txn, thread_rows).await?;
    insert_chunked(&txn, recipient_rows).await?;

    let mut post_rows = Vec::new();
    let mut reaction_rows = Vec::new();
    for p in 0..args.posts as usize {
        let (thread_id, workspace_id) = threads[p % threads.len().max(1)];
        let id = Uuid::now_v7();
        let body = format!("{}\n\n**{}**", sentence(p, 30), sentence(p + 1, 5));
        post_rows.push(post::ActiveModel {
            id: Set(id),
            thread_id: Set(thread_id),
            workspace_id: Set(workspace_id),
            author_id: Set(users[(p * 7) % users.len()]),
            reply_to_id: Set(None),
            body_html: Set(Some(crate::threads::markdown::render(&body))),
            body: Set(Some(body)),
            version: Set(1),
            created_at: Set(now),
            edited_at: Set(None),
            removed_at: Set(None),
            removed_by: Set(None),
        });
        if p % 3 == 0 {
            reaction_rows.push(post_reaction::ActiveModel {
                post_id: Set(id),
                user_id: Set(users[(p + 1) % users.len()]),
                reaction: Set(Reaction::ThumbsUp),
                created_at: Set(now),
            });
        }
    }
    insert_chunked(&txn, post_rows).await?;
    insert_chunked(&txn, reaction_rows).await?;
    txn.commit().await?;
    tracing::info!(
        workspaces = args.workspaces,
        threads = args.threads,
        posts = args.posts,
        account = BENCH_EMAIL,
        "volume data seeded"
    );
    Ok(())
}
