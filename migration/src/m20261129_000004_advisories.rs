//! Joint advisories and cyber alerts: advisories with their authors, immutable revisions,
//! review comments and per-organisation sign-offs; the per-year counter behind published
//! references; alerts; and notifications that point at an advisory.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Advisory {
    Table,
    Id,
    WorkspaceId,
    LeadAuthorId,
    LeadOrganizationId,
    Status,
    Revision,
    Title,
    Tlp,
    Severity,
    Audience,
    Reference,
    PublishedAt,
    PublishedRevision,
    WithdrawnAt,
    WithdrawnReason,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum AdvisoryRevision {
    Table,
    AdvisoryId,
    Number,
    AuthorId,
    Content,
    CreatedAt,
}

#[derive(DeriveIden)]
enum AdvisoryAuthor {
    Table,
    AdvisoryId,
    UserId,
    OrganizationId,
    Lead,
    AddedAt,
}

#[derive(DeriveIden)]
enum AdvisorySignoff {
    Table,
    AdvisoryId,
    OrganizationId,
    Revision,
    UserId,
    SignedAt,
}

#[derive(DeriveIden)]
enum AdvisoryComment {
    Table,
    Id,
    AdvisoryId,
    Revision,
    Field,
    AuthorId,
    Body,
    CreatedAt,
    ResolvedAt,
    ResolvedBy,
}

#[derive(DeriveIden)]
enum AdvisoryCounter {
    Table,
    Year,
    Last,
}

#[derive(DeriveIden)]
enum Alert {
    Table,
    Id,
    Title,
    Summary,
    Severity,
    Audience,
    Regions,
    ExpiresAt,
    AdvisoryId,
    IssuedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Notification {
    Table,
    AdvisoryId,
}

#[derive(DeriveIden)]
enum Workspace {
    Table,
    Id,
}

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

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Advisory::Table)
                    .col(uuid(Advisory::Id).primary_key())
                    .col(uuid(Advisory::WorkspaceId))
                    .col(uuid(Advisory::LeadAuthorId))
                    .col(uuid(Advisory::LeadOrganizationId))
                    .col(string_len(Advisory::Status, 16))
                    .col(integer(Advisory::Revision))
                    .col(string_len(Advisory::Title, 200))
                    .col(string_len(Advisory::Tlp, 16))
                    .col(string_len(Advisory::Severity, 16))
                    .col(string_len_null(Advisory::Audience, 16))
                    .col(string_len_null(Advisory::Reference, 16))
                    .col(timestamp_with_time_zone_null(Advisory::PublishedAt))
                    .col(integer_null(Advisory::PublishedRevision))
                    .col(timestamp_with_time_zone_null(Advisory::WithdrawnAt))
                    .col(text_null(Advisory::WithdrawnReason))
                    .col(timestamp_with_time_zone(Advisory::CreatedAt))
                    .col(timestamp_with_time_zone(Advisory::UpdatedAt))
                    .foreign_key(&mut fk(
                        "fk_advisory_workspace",
                        (Advisory::Table, Advisory::WorkspaceId),
                        (Workspace::Table, Workspace::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_advisory_lead_author",
                        (Advisory::Table, Advisory::LeadAuthorId),
                        (UserAccount::Table, UserAccount::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_advisory_lead_organization",
                        (Advisory::Table, Advisory::LeadOrganizationId),
                        (Organization::Table, Organization::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_advisory_reference")
                    .table(Advisory::Table)
                    .col(Advisory::Reference)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_advisory_workspace")
                    .table(Advisory::Table)
                    .col(Advisory::WorkspaceId)
                    .col(Advisory::Id)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_advisory_published")
                    .table(Advisory::Table)
                    .col(Advisory::Audience)
                    .col(Advisory::PublishedAt)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(AdvisoryRevision::Table)
                    .col(uuid(AdvisoryRevision::AdvisoryId))
                    .col(integer(AdvisoryRevision::Number))
                    .col(uuid(AdvisoryRevision::AuthorId))
                    .col(json(AdvisoryRevision::Content))
                    .col(timestamp_with_time_zone(AdvisoryRevision::CreatedAt))
                    .primary_key(
                        Index::create()
                            .name("pk_advisory_revision")
                            .col(AdvisoryRevision::AdvisoryId)
                            .col(AdvisoryRevision::Number),
                    )
                    .foreign_key(&mut fk(
                        "fk_advisory_revision_advisory",
                        (AdvisoryRevision::Table, AdvisoryRevision::AdvisoryId),
                        (Advisory::Table, Advisory::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_advisory_revision_author",
                        (AdvisoryRevision::Table, AdvisoryRevision::AuthorId),
                        (UserAccount::Table, UserAccount::Id),
                    ))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(AdvisoryAuthor::Table)
                    .col(uuid(AdvisoryAuthor::AdvisoryId))
                    .col(uuid(AdvisoryAuthor::UserId))
                    .col(uuid(AdvisoryAuthor::OrganizationId))
                    .col(boolean(AdvisoryAuthor::Lead))
                    .col(timestamp_with_time_zone(AdvisoryAuthor::AddedAt))
                    .primary_key(
                        Index::create()
                            .name("pk_advisory_author")
                            .col(AdvisoryAuthor::AdvisoryId)
                            .col(AdvisoryAuthor::UserId),
                    )
                    .foreign_key(&mut fk(
                        "fk_advisory_author_advisory",
                        (AdvisoryAuthor::Table, AdvisoryAuthor::AdvisoryId),
                        (Advisory::Table, Advisory::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_advisory_author_user",
                        (AdvisoryAuthor::Table, AdvisoryAuthor::UserId),
                        (UserAccount::Table, UserAccount::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_advisory_author_organization",
                        (AdvisoryAuthor::Table, AdvisoryAuthor::OrganizationId),
                        (Organization::Table, Organization::Id),
                    ))
                    .to_owned(),
            )
            .await?;

        // The `RED` rule of lists looks authors up by account.
        manager
            .create_index(
                Index::create()
                    .name("ix_advisory_author_user")
                    .table(AdvisoryAuthor::Table)
                    .col(AdvisoryAuthor::UserId)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(AdvisorySignoff::Table)
                    .col(uuid(AdvisorySignoff::AdvisoryId))
                    .col(uuid(AdvisorySignoff::OrganizationId))
                    .col(integer(AdvisorySignoff::Revision))
                    .col(uuid(AdvisorySignoff::UserId))
                    .col(timestamp_with_time_zone(AdvisorySignoff::SignedAt))
                    .primary_key(
                        Index::create()
                            .name("pk_advisory_signoff")
                            .col(AdvisorySignoff::AdvisoryId)
                            .col(AdvisorySignoff::OrganizationId)
                            .col(AdvisorySignoff::Revision),
                    )
                    .foreign_key(&mut fk(
                        "fk_advisory_signoff_advisory",
                        (AdvisorySignoff::Table, AdvisorySignoff::AdvisoryId),
                        (Advisory::Table, Advisory::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_advisory_signoff_user",
                        (AdvisorySignoff::Table, AdvisorySignoff::UserId),
                        (UserAccount::Table, UserAccount::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_advisory_signoff_organization",
                        (AdvisorySignoff::Table, AdvisorySignoff::OrganizationId),
                        (Organization::Table, Organization::Id),
                    ))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(AdvisoryComment::Table)
                    .col(uuid(AdvisoryComment::Id).primary_key())
                    .col(uuid(AdvisoryComment::AdvisoryId))
                    .col(integer(AdvisoryComment::Revision))
                    .col(string_len(AdvisoryComment::Field, 32))
                    .col(uuid(AdvisoryComment::AuthorId))
                    .col(text(AdvisoryComment::Body))
                    .col(timestamp_with_time_zone(AdvisoryComment::CreatedAt))
                    .col(timestamp_with_time_zone_null(AdvisoryComment::ResolvedAt))
                    .col(uuid_null(AdvisoryComment::ResolvedBy))
                    .foreign_key(&mut fk(
                        "fk_advisory_comment_advisory",
                        (AdvisoryComment::Table, AdvisoryComment::AdvisoryId),
                        (Advisory::Table, Advisory::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_advisory_comment_author",
                        (AdvisoryComment::Table, AdvisoryComment::AuthorId),
                        (UserAccount::Table, UserAccount::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_advisory_comment_resolved_by",
                        (AdvisoryComment::Table, AdvisoryComment::ResolvedBy),
                        (UserAccount::Table, UserAccount::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_advisory_comment_advisory")
                    .table(AdvisoryComment::Table)
                    .col(AdvisoryComment::AdvisoryId)
                    .col(AdvisoryComment::CreatedAt)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(AdvisoryCounter::Table)
                    .col(integer(AdvisoryCounter::Year).primary_key())
                    .col(integer(AdvisoryCounter::Last))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Alert::Table)
                    .col(uuid(Alert::Id).primary_key())
                    .col(string_len(Alert::Title, 200))
                    .col(text(Alert::Summary))
                    .col(string_len(Alert::Severity, 16))
                    .col(string_len(Alert::Audience, 16))
                    .col(string_len(Alert::Regions, 1024))
                    .col(timestamp_with_time_zone_null(Alert::ExpiresAt))
                    .col(uuid_null(Alert::AdvisoryId))
                    .col(uuid(Alert::IssuedBy))
                    .col(timestamp_with_time_zone(Alert::CreatedAt))
                    .foreign_key(&mut fk(
                        "fk_alert_advisory",
                        (Alert::Table, Alert::AdvisoryId),
                        (Advisory::Table, Advisory::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_alert_issued_by",
                        (Alert::Table, Alert::IssuedBy),
                        (UserAccount::Table, UserAccount::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_alert_audience_created")
                    .table(Alert::Table)
                    .col(Alert::Audience)
                    .col(Alert::CreatedAt)
                    .to_owned(),
            )
            .await?;

        manager
            .alter_table(
                Table::alter()
                    .table(Notification::Table)
                    .add_column(uuid_null(Notification::AdvisoryId))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Notification::Table)
                    .drop_column(Notification::AdvisoryId)
                    .to_owned(),
            )
            .await?;
        for table in [
            Alert::Table.into_iden(),
            AdvisoryCounter::Table.into_iden(),
            AdvisoryComment::Table.into_iden(),
            AdvisorySignoff::Table.into_iden(),
            AdvisoryAuthor::Table.into_iden(),
            AdvisoryRevision::Table.into_iden(),
            Advisory::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
