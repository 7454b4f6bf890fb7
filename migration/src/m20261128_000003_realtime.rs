//! Realtime: the event outbox. Every change that others may watch writes its event here in
//! the change's own transaction; the relay gives committed events their publication order
//! (`seq`) and publishes them; subscribers resume from it.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Event {
    Table,
    Id,
    Seq,
    Kind,
    WorkspaceId,
    ThreadId,
    SubjectId,
    UserId,
    Role,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Event::Table)
                    .col(big_pk_auto(Event::Id))
                    .col(big_integer_null(Event::Seq))
                    .col(string_len(Event::Kind, 32))
                    .col(uuid_null(Event::WorkspaceId))
                    .col(uuid_null(Event::ThreadId))
                    .col(uuid_null(Event::SubjectId))
                    .col(uuid_null(Event::UserId))
                    .col(string_len_null(Event::Role, 16))
                    .col(timestamp_with_time_zone(Event::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_event_seq")
                    .table(Event::Table)
                    .col(Event::Seq)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_event_created_at")
                    .table(Event::Table)
                    .col(Event::CreatedAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Event::Table).to_owned())
            .await
    }
}
