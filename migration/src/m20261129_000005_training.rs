//! Training and certification: programmes with prerequisites and modules, learners'
//! module completions, sessions with instructors, enrolments (seats and waiting lists),
//! certificates; the certificate a workspace may require; notifications that point at a
//! programme or session.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Programme {
    Table,
    Id,
    ProviderOrganizationId,
    CreatedBy,
    Title,
    Description,
    Format,
    Language,
    AudienceKinds,
    Certifying,
    CertificateValidDays,
    Status,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum ProgrammePrerequisite {
    Table,
    ProgrammeId,
    PrerequisiteId,
}

#[derive(DeriveIden)]
enum ProgrammeModule {
    Table,
    Id,
    ProgrammeId,
    Position,
    Title,
    Content,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum ModuleCompletion {
    Table,
    ModuleId,
    UserId,
    CompletedAt,
}

#[derive(DeriveIden)]
enum TrainingSession {
    Table,
    Id,
    ProgrammeId,
    StartsAt,
    EndsAt,
    TimeZone,
    Place,
    OnlineLink,
    Capacity,
    Status,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum SessionInstructor {
    Table,
    SessionId,
    UserId,
}

#[derive(DeriveIden)]
enum Enrolment {
    Table,
    Id,
    SessionId,
    UserId,
    Status,
    RequestedAt,
    Seq,
    ConfirmedAt,
    CancelledAt,
    Attended,
    CompletedAt,
}

#[derive(DeriveIden)]
enum Certificate {
    Table,
    Id,
    ProgrammeId,
    UserId,
    SessionId,
    Code,
    IssuedBy,
    IssuedAt,
    ExpiresAt,
    RevokedAt,
    RevokedReason,
}

#[derive(DeriveIden)]
enum Workspace {
    Table,
    RequiredProgrammeId,
}

#[derive(DeriveIden)]
enum Notification {
    Table,
    ProgrammeId,
    SessionId,
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
                    .table(Programme::Table)
                    .col(uuid(Programme::Id).primary_key())
                    .col(uuid(Programme::ProviderOrganizationId))
                    .col(uuid(Programme::CreatedBy))
                    .col(string_len(Programme::Title, 200))
                    .col(text(Programme::Description))
                    .col(string_len(Programme::Format, 16))
                    .col(string_len(Programme::Language, 8))
                    .col(string_len_null(Programme::AudienceKinds, 200))
                    .col(boolean(Programme::Certifying))
                    .col(integer_null(Programme::CertificateValidDays))
                    .col(string_len(Programme::Status, 16))
                    .col(timestamp_with_time_zone(Programme::CreatedAt))
                    .col(timestamp_with_time_zone(Programme::UpdatedAt))
                    .foreign_key(&mut fk(
                        "fk_programme_provider",
                        (Programme::Table, Programme::ProviderOrganizationId),
                        (Organization::Table, Organization::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_programme_created_by",
                        (Programme::Table, Programme::CreatedBy),
                        (UserAccount::Table, UserAccount::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_programme_status")
                    .table(Programme::Table)
                    .col(Programme::Status)
                    .col(Programme::Id)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ProgrammePrerequisite::Table)
                    .col(uuid(ProgrammePrerequisite::ProgrammeId))
                    .col(uuid(ProgrammePrerequisite::PrerequisiteId))
                    .primary_key(
                        Index::create()
                            .name("pk_programme_prerequisite")
                            .col(ProgrammePrerequisite::ProgrammeId)
                            .col(ProgrammePrerequisite::PrerequisiteId),
                    )
                    .foreign_key(&mut fk(
                        "fk_programme_prerequisite_programme",
                        (
                            ProgrammePrerequisite::Table,
                            ProgrammePrerequisite::ProgrammeId,
                        ),
                        (Programme::Table, Programme::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_programme_prerequisite_prerequisite",
                        (
                            ProgrammePrerequisite::Table,
                            ProgrammePrerequisite::PrerequisiteId,
                        ),
                        (Programme::Table, Programme::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ProgrammeModule::Table)
                    .col(uuid(ProgrammeModule::Id).primary_key())
                    .col(uuid(ProgrammeModule::ProgrammeId))
                    .col(integer(ProgrammeModule::Position))
                    .col(string_len(ProgrammeModule::Title, 200))
                    .col(text(ProgrammeModule::Content))
                    .col(timestamp_with_time_zone(ProgrammeModule::CreatedAt))
                    .col(timestamp_with_time_zone(ProgrammeModule::UpdatedAt))
                    .foreign_key(&mut fk(
                        "fk_programme_module_programme",
                        (ProgrammeModule::Table, ProgrammeModule::ProgrammeId),
                        (Programme::Table, Programme::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_programme_module_position")
                    .table(ProgrammeModule::Table)
                    .col(ProgrammeModule::ProgrammeId)
                    .col(ProgrammeModule::Position)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ModuleCompletion::Table)
                    .col(uuid(ModuleCompletion::ModuleId))
                    .col(uuid(ModuleCompletion::UserId))
                    .col(timestamp_with_time_zone(ModuleCompletion::CompletedAt))
                    .primary_key(
                        Index::create()
                            .name("pk_module_completion")
                            .col(ModuleCompletion::ModuleId)
                            .col(ModuleCompletion::UserId),
                    )
                    .foreign_key(&mut fk(
                        "fk_module_completion_module",
                        (ModuleCompletion::Table, ModuleCompletion::ModuleId),
                        (ProgrammeModule::Table, ProgrammeModule::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_module_completion_user",
                        (ModuleCompletion::Table, ModuleCompletion::UserId),
                        (UserAccount::Table, UserAccount::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(TrainingSession::Table)
                    .col(uuid(TrainingSession::Id).primary_key())
                    .col(uuid(TrainingSession::ProgrammeId))
                    .col(timestamp_with_time_zone(TrainingSession::StartsAt))
                    .col(timestamp_with_time_zone(TrainingSession::EndsAt))
                    .col(string_len(TrainingSession::TimeZone, 64))
                    .col(string_len_null(TrainingSession::Place, 300))
                    .col(string_len_null(TrainingSession::OnlineLink, 2048))
                    .col(integer(TrainingSession::Capacity))
                    .col(string_len(TrainingSession::Status, 16))
                    .col(timestamp_with_time_zone(TrainingSession::CreatedAt))
                    .col(timestamp_with_time_zone(TrainingSession::UpdatedAt))
                    .foreign_key(&mut fk(
                        "fk_training_session_programme",
                        (TrainingSession::Table, TrainingSession::ProgrammeId),
                        (Programme::Table, Programme::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_training_session_programme")
                    .table(TrainingSession::Table)
                    .col(TrainingSession::ProgrammeId)
                    .col(TrainingSession::StartsAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(SessionInstructor::Table)
                    .col(uuid(SessionInstructor::SessionId))
                    .col(uuid(SessionInstructor::UserId))
                    .primary_key(
                        Index::create()
                            .name("pk_session_instructor")
                            .col(SessionInstructor::SessionId)
                            .col(SessionInstructor::UserId),
                    )
                    .foreign_key(&mut fk(
                        "fk_session_instructor_session",
                        (SessionInstructor::Table, SessionInstructor::SessionId),
                        (TrainingSession::Table, TrainingSession::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_session_instructor_user",
                        (SessionInstructor::Table, SessionInstructor::UserId),
                        (UserAccount::Table, UserAccount::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Enrolment::Table)
                    .col(uuid(Enrolment::Id).primary_key())
                    .col(uuid(Enrolment::SessionId))
                    .col(uuid(Enrolment::UserId))
                    .col(string_len(Enrolment::Status, 16))
                    .col(timestamp_with_time_zone(Enrolment::RequestedAt))
                    .col(big_integer(Enrolment::Seq))
                    .col(timestamp_with_time_zone_null(Enrolment::ConfirmedAt))
                    .col(timestamp_with_time_zone_null(Enrolment::CancelledAt))
                    .col(boolean_null(Enrolment::Attended))
                    .col(timestamp_with_time_zone_null(Enrolment::CompletedAt))
                    .foreign_key(&mut fk(
                        "fk_enrolment_session",
                        (Enrolment::Table, Enrolment::SessionId),
                        (TrainingSession::Table, TrainingSession::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_enrolment_user",
                        (Enrolment::Table, Enrolment::UserId),
                        (UserAccount::Table, UserAccount::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_enrolment_session_user")
                    .table(Enrolment::Table)
                    .col(Enrolment::SessionId)
                    .col(Enrolment::UserId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_enrolment_session_seq")
                    .table(Enrolment::Table)
                    .col(Enrolment::SessionId)
                    .col(Enrolment::Seq)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_enrolment_user")
                    .table(Enrolment::Table)
                    .col(Enrolment::UserId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Certificate::Table)
                    .col(uuid(Certificate::Id).primary_key())
                    .col(uuid(Certificate::ProgrammeId))
                    .col(uuid(Certificate::UserId))
                    .col(uuid_null(Certificate::SessionId))
                    .col(string_len(Certificate::Code, 64))
                    .col(uuid(Certificate::IssuedBy))
                    .col(timestamp_with_time_zone(Certificate::IssuedAt))
                    .col(timestamp_with_time_zone_null(Certificate::ExpiresAt))
                    .col(timestamp_with_time_zone_null(Certificate::RevokedAt))
                    .col(text_null(Certificate::RevokedReason))
                    .foreign_key(&mut fk(
                        "fk_certificate_programme",
                        (Certificate::Table, Certificate::ProgrammeId),
                        (Programme::Table, Programme::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_certificate_user",
                        (Certificate::Table, Certificate::UserId),
                        (UserAccount::Table, UserAccount::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_certificate_issued_by",
                        (Certificate::Table, Certificate::IssuedBy),
                        (UserAccount::Table, UserAccount::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_certificate_code")
                    .table(Certificate::Table)
                    .col(Certificate::Code)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_certificate_user_programme")
                    .table(Certificate::Table)
                    .col(Certificate::UserId)
                    .col(Certificate::ProgrammeId)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Workspace::Table)
                    .add_column(uuid_null(Workspace::RequiredProgrammeId))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Notification::Table)
                    .add_column(uuid_null(Notification::ProgrammeId))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Notification::Table)
                    .add_column(uuid_null(Notification::SessionId))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (table, column) in [
            (
                Notification::Table.into_iden(),
                Notification::SessionId.into_iden(),
            ),
            (
                Notification::Table.into_iden(),
                Notification::ProgrammeId.into_iden(),
            ),
            (
                Workspace::Table.into_iden(),
                Workspace::RequiredProgrammeId.into_iden(),
            ),
        ] {
            manager
                .alter_table(Table::alter().table(table).drop_column(column).to_owned())
                .await?;
        }
        for table in [
            Certificate::Table.into_iden(),
            Enrolment::Table.into_iden(),
            SessionInstructor::Table.into_iden(),
            TrainingSession::Table.into_iden(),
            ModuleCompletion::Table.into_iden(),
            ProgrammeModule::Table.into_iden(),
            ProgrammePrerequisite::Table.into_iden(),
            Programme::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
