//! Collaboration: workspaces, members, invitations, threads, posts, reactions,
//! notifications, full-text search, and the workspace of each audit event.

use sea_orm_migration::{prelude::*, schema::*, sea_orm::DbBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum UserAccount {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Organization {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum AuditEvent {
    Table,
    WorkspaceId,
}

#[derive(DeriveIden)]
enum Workspace {
    Table,
    Id,
    Name,
    Description,
    DefaultTlp,
    RestrictedToKinds,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
    ArchivedAt,
}

#[derive(DeriveIden)]
enum WorkspaceMember {
    Table,
    WorkspaceId,
    UserId,
    Role,
    JoinedAt,
}

#[derive(DeriveIden)]
enum Invitation {
    Table,
    Id,
    WorkspaceId,
    UserId,
    OrganizationId,
    Role,
    InvitedBy,
    CreatedAt,
    ExpiresAt,
    Status,
    RespondedAt,
}

#[derive(DeriveIden)]
enum InvitationResponse {
    Table,
    InvitationId,
    UserId,
    Accepted,
    RespondedAt,
}

#[derive(DeriveIden)]
enum Thread {
    Table,
    Id,
    WorkspaceId,
    Title,
    Tlp,
    Pinned,
    Locked,
    AuthorId,
    CreatedAt,
    UpdatedAt,
    LastActivityAt,
}

#[derive(DeriveIden)]
enum ThreadRecipient {
    Table,
    ThreadId,
    UserId,
}

#[derive(DeriveIden)]
enum Post {
    Table,
    Id,
    ThreadId,
    WorkspaceId,
    AuthorId,
    ReplyToId,
    Body,
    BodyHtml,
    Version,
    CreatedAt,
    EditedAt,
    RemovedAt,
    RemovedBy,
}

#[derive(DeriveIden)]
enum PostRevision {
    Table,
    Id,
    PostId,
    Version,
    Body,
    CreatedAt,
}

#[derive(DeriveIden)]
enum PostReaction {
    Table,
    PostId,
    UserId,
    Reaction,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Notification {
    Table,
    Id,
    UserId,
    Kind,
    ActorId,
    WorkspaceId,
    ThreadId,
    PostId,
    InvitationId,
    CreatedAt,
    ReadAt,
}

fn fk(
    name: &str,
    from: (impl IntoIden, impl IntoIden),
    to: (impl IntoIden, impl IntoIden),
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(name)
        .from(from.0, from.1)
        .to(to.0, to.1)
        .to_owned()
}

/// PostgreSQL: generated `tsvector` columns with GIN indexes.
const PG_SEARCH: [&str; 4] = [
    "ALTER TABLE thread ADD COLUMN search tsvector \
     GENERATED ALWAYS AS (to_tsvector('simple', title)) STORED",
    "CREATE INDEX idx_thread_search ON thread USING GIN (search)",
    "ALTER TABLE post ADD COLUMN search tsvector \
     GENERATED ALWAYS AS (to_tsvector('simple', coalesce(body, ''))) STORED",
    "CREATE INDEX idx_post_search ON post USING GIN (search)",
];

/// SQLite: one FTS5 table over thread titles and post bodies, kept by triggers. It keeps
/// its own copy of the text (the source tables have no stable integer rowid to point at).
const SQLITE_SEARCH: [&str; 7] = [
    "CREATE VIRTUAL TABLE search_fts USING fts5(\
     kind UNINDEXED, ref_id UNINDEXED, text, tokenize = 'unicode61 remove_diacritics 2')",
    "CREATE TRIGGER thread_search_insert AFTER INSERT ON thread BEGIN \
     INSERT INTO search_fts (kind, ref_id, text) VALUES ('THREAD', new.id, new.title); END",
    "CREATE TRIGGER thread_search_update AFTER UPDATE OF title ON thread BEGIN \
     DELETE FROM search_fts WHERE kind = 'THREAD' AND ref_id = old.id; \
     INSERT INTO search_fts (kind, ref_id, text) VALUES ('THREAD', new.id, new.title); END",
    "CREATE TRIGGER thread_search_delete AFTER DELETE ON thread BEGIN \
     DELETE FROM search_fts WHERE kind = 'THREAD' AND ref_id = old.id; END",
    "CREATE TRIGGER post_search_insert AFTER INSERT ON post WHEN new.body IS NOT NULL BEGIN \
     INSERT INTO search_fts (kind, ref_id, text) VALUES ('POST', new.id, new.body); END",
    "CREATE TRIGGER post_search_update AFTER UPDATE OF body ON post BEGIN \
     DELETE FROM search_fts WHERE kind = 'POST' AND ref_id = old.id; \
     INSERT INTO search_fts (kind, ref_id, text) \
     SELECT 'POST', new.id, new.body WHERE new.body IS NOT NULL; END",
    "CREATE TRIGGER post_search_delete AFTER DELETE ON post BEGIN \
     DELETE FROM search_fts WHERE kind = 'POST' AND ref_id = old.id; END",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Workspace::Table)
                    .col(pk_uuid(Workspace::Id))
                    .col(string_len(Workspace::Name, 200))
                    .col(text(Workspace::Description))
                    .col(string_len(Workspace::DefaultTlp, 16))
                    .col(string_len_null(Workspace::RestrictedToKinds, 300))
                    .col(uuid(Workspace::CreatedBy))
                    .col(timestamp_with_time_zone(Workspace::CreatedAt))
                    .col(timestamp_with_time_zone(Workspace::UpdatedAt))
                    .col(timestamp_with_time_zone_null(Workspace::ArchivedAt))
                    .foreign_key(&mut fk(
                        "fk_workspace_created_by",
                        (Workspace::Table, Workspace::CreatedBy),
                        (UserAccount::Table, UserAccount::Id),
                    ))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(WorkspaceMember::Table)
                    .col(uuid(WorkspaceMember::WorkspaceId))
                    .col(uuid(WorkspaceMember::UserId))
                    .col(string_len(WorkspaceMember::Role, 16))
                    .col(timestamp_with_time_zone(WorkspaceMember::JoinedAt))
                    .primary_key(
                        Index::create()
                            .name("pk_workspace_member")
                            .col(WorkspaceMember::WorkspaceId)
                            .col(WorkspaceMember::UserId),
                    )
                    .foreign_key(&mut fk(
                        "fk_workspace_member_workspace",
                        (WorkspaceMember::Table, WorkspaceMember::WorkspaceId),
                        (Workspace::Table, Workspace::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_workspace_member_user",
                        (WorkspaceMember::Table, WorkspaceMember::UserId),
                        (UserAccount::Table, UserAccount::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_workspace_member_user")
                    .table(WorkspaceMember::Table)
                    .col(WorkspaceMember::UserId)
                    .col(WorkspaceMember::WorkspaceId)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Invitation::Table)
                    .col(pk_uuid(Invitation::Id))
                    .col(uuid(Invitation::WorkspaceId))
                    .col(uuid_null(Invitation::UserId))
                    .col(uuid_null(Invitation::OrganizationId))
                    .col(string_len(Invitation::Role, 16))
                    .col(uuid(Invitation::InvitedBy))
                    .col(timestamp_with_time_zone(Invitation::CreatedAt))
                    .col(timestamp_with_time_zone(Invitation::ExpiresAt))
                    .col(string_len(Invitation::Status, 16))
                    .col(timestamp_with_time_zone_null(Invitation::RespondedAt))
                    .foreign_key(&mut fk(
                        "fk_invitation_workspace",
                        (Invitation::Table, Invitation::WorkspaceId),
                        (Workspace::Table, Workspace::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_invitation_user",
                        (Invitation::Table, Invitation::UserId),
                        (UserAccount::Table, UserAccount::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_invitation_organization",
                        (Invitation::Table, Invitation::OrganizationId),
                        (Organization::Table, Organization::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_invitation_invited_by",
                        (Invitation::Table, Invitation::InvitedBy),
                        (UserAccount::Table, UserAccount::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        for (name, column) in [
            ("idx_invitation_workspace", Invitation::WorkspaceId),
            ("idx_invitation_user", Invitation::UserId),
            ("idx_invitation_organization", Invitation::OrganizationId),
        ] {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(Invitation::Table)
                        .col(column)
                        .to_owned(),
                )
                .await?;
        }

        manager
            .create_table(
                Table::create()
                    .table(InvitationResponse::Table)
                    .col(uuid(InvitationResponse::InvitationId))
                    .col(uuid(InvitationResponse::UserId))
                    .col(boolean(InvitationResponse::Accepted))
                    .col(timestamp_with_time_zone(InvitationResponse::RespondedAt))
                    .primary_key(
                        Index::create()
                            .name("pk_invitation_response")
                            .col(InvitationResponse::InvitationId)
                            .col(InvitationResponse::UserId),
                    )
                    .foreign_key(&mut fk(
                        "fk_invitation_response_invitation",
                        (InvitationResponse::Table, InvitationResponse::InvitationId),
                        (Invitation::Table, Invitation::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_invitation_response_user",
                        (InvitationResponse::Table, InvitationResponse::UserId),
                        (UserAccount::Table, UserAccount::Id),
                    ))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Thread::Table)
                    .col(pk_uuid(Thread::Id))
                    .col(uuid(Thread::WorkspaceId))
                    .col(string_len(Thread::Title, 200))
                    .col(string_len(Thread::Tlp, 16))
                    .col(boolean(Thread::Pinned))
                    .col(boolean(Thread::Locked))
                    .col(uuid(Thread::AuthorId))
                    .col(timestamp_with_time_zone(Thread::CreatedAt))
                    .col(timestamp_with_time_zone(Thread::UpdatedAt))
                    .col(timestamp_with_time_zone(Thread::LastActivityAt))
                    .foreign_key(&mut fk(
                        "fk_thread_workspace",
                        (Thread::Table, Thread::WorkspaceId),
                        (Workspace::Table, Workspace::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_thread_author",
                        (Thread::Table, Thread::AuthorId),
                        (UserAccount::Table, UserAccount::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_thread_workspace_activity")
                    .table(Thread::Table)
                    .col(Thread::WorkspaceId)
                    .col(Thread::LastActivityAt)
                    .col(Thread::Id)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(ThreadRecipient::Table)
                    .col(uuid(ThreadRecipient::ThreadId))
                    .col(uuid(ThreadRecipient::UserId))
                    .primary_key(
                        Index::create()
                            .name("pk_thread_recipient")
                            .col(ThreadRecipient::ThreadId)
                            .col(ThreadRecipient::UserId),
                    )
                    .foreign_key(&mut fk(
                        "fk_thread_recipient_thread",
                        (ThreadRecipient::Table, ThreadRecipient::ThreadId),
                        (Thread::Table, Thread::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_thread_recipient_user",
                        (ThreadRecipient::Table, ThreadRecipient::UserId),
                        (UserAccount::Table, UserAccount::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_thread_recipient_user")
                    .table(ThreadRecipient::Table)
                    .col(ThreadRecipient::UserId)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Post::Table)
                    .col(pk_uuid(Post::Id))
                    .col(uuid(Post::ThreadId))
                    .col(uuid(Post::WorkspaceId))
                    .col(uuid(Post::AuthorId))
                    .col(uuid_null(Post::ReplyToId))
                    .col(text_null(Post::Body))
                    .col(text_null(Post::BodyHtml))
                    .col(integer(Post::Version))
                    .col(timestamp_with_time_zone(Post::CreatedAt))
                    .col(timestamp_with_time_zone_null(Post::EditedAt))
                    .col(timestamp_with_time_zone_null(Post::RemovedAt))
                    .col(uuid_null(Post::RemovedBy))
                    .foreign_key(&mut fk(
                        "fk_post_thread",
                        (Post::Table, Post::ThreadId),
                        (Thread::Table, Thread::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_post_workspace",
                        (Post::Table, Post::WorkspaceId),
                        (Workspace::Table, Workspace::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_post_author",
                        (Post::Table, Post::AuthorId),
                        (UserAccount::Table, UserAccount::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_post_reply_to",
                        (Post::Table, Post::ReplyToId),
                        (Post::Table, Post::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_post_removed_by",
                        (Post::Table, Post::RemovedBy),
                        (UserAccount::Table, UserAccount::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_post_thread")
                    .table(Post::Table)
                    .col(Post::ThreadId)
                    .col(Post::Id)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(PostRevision::Table)
                    .col(pk_uuid(PostRevision::Id))
                    .col(uuid(PostRevision::PostId))
                    .col(integer(PostRevision::Version))
                    .col(text(PostRevision::Body))
                    .col(timestamp_with_time_zone(PostRevision::CreatedAt))
                    .foreign_key(&mut fk(
                        "fk_post_revision_post",
                        (PostRevision::Table, PostRevision::PostId),
                        (Post::Table, Post::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_post_revision_post")
                    .table(PostRevision::Table)
                    .col(PostRevision::PostId)
                    .col(PostRevision::Version)
                    .unique()
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(PostReaction::Table)
                    .col(uuid(PostReaction::PostId))
                    .col(uuid(PostReaction::UserId))
                    .col(string_len(PostReaction::Reaction, 16))
                    .col(timestamp_with_time_zone(PostReaction::CreatedAt))
                    .primary_key(
                        Index::create()
                            .name("pk_post_reaction")
                            .col(PostReaction::PostId)
                            .col(PostReaction::UserId)
                            .col(PostReaction::Reaction),
                    )
                    .foreign_key(&mut fk(
                        "fk_post_reaction_post",
                        (PostReaction::Table, PostReaction::PostId),
                        (Post::Table, Post::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_post_reaction_user",
                        (PostReaction::Table, PostReaction::UserId),
                        (UserAccount::Table, UserAccount::Id),
                    ))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Notification::Table)
                    .col(pk_uuid(Notification::Id))
                    .col(uuid(Notification::UserId))
                    .col(string_len(Notification::Kind, 32))
                    .col(uuid_null(Notification::ActorId))
                    .col(uuid_null(Notification::WorkspaceId))
                    .col(uuid_null(Notification::ThreadId))
                    .col(uuid_null(Notification::PostId))
                    .col(uuid_null(Notification::InvitationId))
                    .col(timestamp_with_time_zone(Notification::CreatedAt))
                    .col(timestamp_with_time_zone_null(Notification::ReadAt))
                    .foreign_key(&mut fk(
                        "fk_notification_user",
                        (Notification::Table, Notification::UserId),
                        (UserAccount::Table, UserAccount::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_notification_user")
                    .table(Notification::Table)
                    .col(Notification::UserId)
                    .col(Notification::Id)
                    .to_owned(),
            )
            .await?;

        manager
            .alter_table(
                Table::alter()
                    .table(AuditEvent::Table)
                    .add_column(uuid_null(AuditEvent::WorkspaceId))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_audit_event_workspace")
                    .table(AuditEvent::Table)
                    .col(AuditEvent::WorkspaceId)
                    .to_owned(),
            )
            .await?;

        let db = manager.get_connection();
        match manager.get_database_backend() {
            DbBackend::Postgres => {
                for statement in PG_SEARCH {
                    db.execute_unprepared(statement).await?;
                }
            }
            DbBackend::Sqlite => {
                for statement in SQLITE_SEARCH {
                    db.execute_unprepared(statement).await?;
                }
            }
            _ => {}
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if manager.get_database_backend() == DbBackend::Sqlite {
            manager
                .get_connection()
                .execute_unprepared("DROP TABLE IF EXISTS search_fts")
                .await?;
        }
        manager
            .drop_index(
                Index::drop()
                    .name("idx_audit_event_workspace")
                    .table(AuditEvent::Table)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(AuditEvent::Table)
                    .drop_column(AuditEvent::WorkspaceId)
                    .to_owned(),
            )
            .await?;
        for table in [
            Notification::Table.into_iden(),
            PostReaction::Table.into_iden(),
            PostRevision::Table.into_iden(),
            Post::Table.into_iden(),
            ThreadRecipient::Table.into_iden(),
            Thread::Table.into_iden(),
            InvitationResponse::Table.into_iden(),
            Invitation::Table.into_iden(),
            WorkspaceMember::Table.into_iden(),
            Workspace::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).if_exists().to_owned())
                .await?;
        }
        Ok(())
    }
}
