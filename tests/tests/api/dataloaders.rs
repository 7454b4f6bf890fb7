//! Nested fields are batched: the query workspace → threads → posts → author → organization
//! runs a fixed, small number of SQL statements whatever the page sizes. Counted with the
//! server's own `database_statements_total` metric.

use serde_json::json;
use tests::{TestApp, spawn_app};

use super::collaboration::{CREATE_POST, CREATE_THREAD, CREATE_WORKSPACE, id, join};

pub const NESTED: &str = "query($id: ID!, $threads: Int!, $posts: Int!) { workspace(id: $id) { name threads(first: $threads) { edges { node { title tlp posts(first: $posts) { edges { node { body author { displayName organization { name } } } } } } } } } }";

async fn statements(app: &TestApp) -> u64 {
    let body = app
        .client
        .get(format!("{}/metrics", app.address))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    body.lines()
        .find_map(|line| line.strip_prefix("database_statements_total "))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no database_statements_total in {body}"))
}

/// Statements one run of the nested query costs (after a first run, so the signed-in
/// account is cached as it is in steady state).
async fn cost(app: &TestApp, token: &str, workspace: &str, threads: i32, posts: i32) -> u64 {
    let variables = json!({ "id": workspace, "threads": threads, "posts": posts });
    app.gql(Some(token), NESTED, variables.clone()).await.ok();
    let before = statements(app).await;
    let answer = app.gql(Some(token), NESTED, variables).await;
    let after = statements(app).await;
    let edges = answer.ok()["workspace"]["threads"]["edges"]
        .as_array()
        .unwrap()
        .clone();
    assert_eq!(edges.len(), threads as usize);
    for edge in &edges {
        assert_eq!(
            edge["node"]["posts"]["edges"].as_array().unwrap().len(),
            posts as usize
        );
    }
    after - before
}

#[tokio::test]
async fn nested_threads_posts_and_authors_take_a_fixed_number_of_statements() {
    // Arrange: 20 threads of 5 posts by members of three organisations.
    let app = spawn_app().await;
    let owner = app.login("analyst@police.example").await;
    let researcher = app.login("researcher@vendor.example").await;
    let professor = app.login("professor@university.example").await;
    let workspace = app
        .gql(
            Some(&owner),
            CREATE_WORKSPACE,
            json!({ "i": { "name": "Batching", "defaultTlp": "GREEN" } }),
        )
        .await;
    let workspace = id(&workspace.ok()["createWorkspace"]);
    join(&app, &owner, &workspace, &researcher, "CONTRIBUTOR").await;
    join(&app, &owner, &workspace, &professor, "CONTRIBUTOR").await;
    let authors = [&owner, &researcher, &professor];
    for t in 0..20 {
        let thread = app
            .gql(
                Some(authors[t % 3]),
                CREATE_THREAD,
                json!({ "i": { "workspaceId": workspace, "title": format!("Thread {t}"), "body": "opening post" } }),
            )
            .await;
        let thread = id(&thread.ok()["createThread"]);
        for p in 0..4 {
            app.gql(
                Some(authors[(t + p + 1) % 3]),
                CREATE_POST,
                json!({ "i": { "threadId": thread, "body": format!("reply {p}") } }),
            )
            .await
            .ok();
        }
    }

    // Act
    let small = cost(&app, &professor, &workspace, 2, 1).await;
    let large = cost(&app, &professor, &workspace, 20, 5).await;

    // Assert
    eprintln!("nested query: {small} statements (2×1), {large} statements (20×5)");
    assert!(large <= 10, "the nested query ran {large} statements");
    assert_eq!(
        small, large,
        "the statement count must not grow with page sizes"
    );
}
