//! Database migrations. They run on SQLite and PostgreSQL alike; what only one backend has
//! sits behind a check of the connection's backend. A merged migration is never edited:
//! add a new one.

pub use sea_orm_migration::prelude::*;

mod m20261128_000001_foundation;
mod m20261128_000002_collaboration;
mod m20261128_000003_realtime;
mod m20261129_000004_advisories;
mod m20261129_000005_training;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261128_000001_foundation::Migration),
            Box::new(m20261128_000002_collaboration::Migration),
            Box::new(m20261128_000003_realtime::Migration),
            Box::new(m20261129_000004_advisories::Migration),
            Box::new(m20261129_000005_training::Migration),
        ]
    }
}
