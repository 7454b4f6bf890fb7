//! The audit log is append-only for real: the database itself refuses to change or delete an
//! event, whatever client connects to it (triggers on PostgreSQL and on SQLite).

use sea_orm::{ConnectionTrait, Database};
use serde_json::json;
use tests::spawn_app;

#[tokio::test]
async fn the_database_rejects_updates_and_deletes_of_audit_events() {
    // Arrange: a change through the API writes an event.
    let app = spawn_app().await;
    let owner = app.login("analyst@police.example").await;
    app.gql(
        Some(&owner),
        "mutation { createWorkspace(input: { name: \"Audited\" }) { id } }",
        json!({}),
    )
    .await
    .ok();
    let db = Database::connect(app.database_url()).await.unwrap();

    // Act
    let update = db
        .execute_unprepared("UPDATE audit_event SET action = 'forged'")
        .await;
    let delete = db.execute_unprepared("DELETE FROM audit_event").await;
    let events = db
        .query_one_raw(sea_orm::Statement::from_string(
            db.get_database_backend(),
            "SELECT COUNT(*) AS n FROM audit_event WHERE action = 'workspace.create'",
        ))
        .await
        .unwrap()
        .unwrap()
        .try_get::<i64>("", "n")
        .unwrap();

    // Assert
    let update = update.expect_err("UPDATE must be refused");
    let delete = delete.expect_err("DELETE must be refused");
    assert!(update.to_string().contains("append-only"), "{update}");
    assert!(delete.to_string().contains("append-only"), "{delete}");
    assert_eq!(events, 1);
    db.close().await.unwrap();
}
