//! Nested fields are batched: the query workspace → threads → posts → author → organization
//! runs a fixed, small number of SQL statements whatever the page sizes. Counted with the
//! server's own `database_statements_total` metric.

use serde_json::json;
use tests::{TestApp, spawn_app};

use super::collaboration::{CREATE_POST, CREATE_THREAD, CREATE_WORKSPACE, id, join};

pub const NESTED: &str = "query($id: ID!, $threads: Int!, $posts: Int!) { workspace(id: $id) { name threads(first: $threads) { edges { node { title tlp posts(first: $posts) { edges { node { body author { displayName organization { name } } } } } } } } } }";

async fn statements(app: &TestApp) -> u64 {
    app.metric("database_statements_total")
        .await
        .expect("database_statements_total in /metrics") as u64
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

/// A GREEN workspace of `owner`'s with `members` joined in the given roles.
async fn workspace_with<const N: usize>(
    app: &TestApp,
    owner: &str,
    name: &str,
    members: [(&String, &str); N],
) -> String {
    let workspace = app
        .gql(
            Some(owner),
            CREATE_WORKSPACE,
            json!({ "i": { "name": name, "defaultTlp": "GREEN" } }),
        )
        .await;
    let workspace = id(&workspace.ok()["createWorkspace"]);
    for (member, role) in members {
        join(app, owner, &workspace, member, role).await;
    }
    workspace
}

#[tokio::test]
async fn nested_threads_posts_and_authors_take_a_fixed_number_of_statements() {
    // Arrange: 20 threads of 5 posts by members of three organisations.
    let app = spawn_app().await;
    let owner = app.login("analyst@police.example").await;
    let researcher = app.login("researcher@vendor.example").await;
    let professor = app.login("professor@university.example").await;
    let workspace = workspace_with(
        &app,
        &owner,
        "Batching",
        [(&researcher, "CONTRIBUTOR"), (&professor, "CONTRIBUTOR")],
    )
    .await;
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

const VIEWER_NAME: &str = "{ viewer { displayName organization { name } } }";

/// Authors read with a page of posts (one join) are each post's own author, on first pages
/// and later ones, and a page asked for with and without authors in one request gets both
/// right.
#[tokio::test]
async fn authors_read_with_a_page_are_each_posts_own() {
    // Arrange: 4 threads whose posts alternate between authors of two organisations, read
    // by an observer of a third.
    let app = spawn_app().await;
    let owner = app.login("analyst@police.example").await;
    let researcher = app.login("researcher@vendor.example").await;
    let professor = app.login("professor@university.example").await;
    let workspace = workspace_with(
        &app,
        &owner,
        "Authors",
        [(&researcher, "CONTRIBUTOR"), (&professor, "OBSERVER")],
    )
    .await;
    let authors = [&owner, &researcher];
    let mut names = Vec::new();
    for token in authors {
        let me = app.gql(Some(token), VIEWER_NAME, json!({})).await;
        let me = &me.ok()["viewer"];
        names.push((
            me["displayName"].as_str().unwrap().to_owned(),
            me["organization"]["name"].as_str().unwrap().to_owned(),
        ));
    }
    for t in 0..4 {
        let thread = app
            .gql(
                Some(authors[t % 2]),
                CREATE_THREAD,
                json!({ "i": { "workspaceId": workspace, "title": format!("Thread {t}"), "body": "post 0" } }),
            )
            .await;
        let thread = id(&thread.ok()["createThread"]);
        for p in 1..4 {
            app.gql(
                Some(authors[(t + p) % 2]),
                CREATE_POST,
                json!({ "i": { "threadId": thread, "body": format!("post {p}") } }),
            )
            .await
            .ok();
        }
    }
    let expected = |title: &str, body: &str| {
        let t: usize = title.trim_start_matches("Thread ").parse().unwrap();
        let p: usize = body.trim_start_matches("post ").parse().unwrap();
        names[(t + p) % 2].clone()
    };
    let check = |posts: &serde_json::Value, title: &str, with_authors: bool| {
        for edge in posts["edges"].as_array().unwrap() {
            let node = &edge["node"];
            let body = node["body"].as_str().unwrap();
            if with_authors {
                let (name, org) = expected(title, body);
                assert_eq!(
                    node["author"]["displayName"],
                    name.as_str(),
                    "{title}/{body}"
                );
                assert_eq!(node["author"]["organization"]["name"], org.as_str());
            } else {
                assert!(node.get("author").is_none());
            }
        }
    };

    // Act: first pages with and without authors in one request, then the next page.
    let query = "query($id: ID!) { workspace(id: $id) { threads(first: 10) { edges { node { title
        withAuthors: posts(first: 2) { edges { cursor node { body ...by } } }
        bare: posts(first: 3) { edges { node { body } } } } } } } }
        fragment by on Post { author { displayName organization { name } } }";
    let answer = app
        .gql(Some(&professor), query, json!({ "id": workspace }))
        .await;
    let threads = answer.ok()["workspace"]["threads"]["edges"]
        .as_array()
        .unwrap()
        .clone();

    // Assert
    assert_eq!(threads.len(), 4);
    for edge in &threads {
        let node = &edge["node"];
        let title = node["title"].as_str().unwrap();
        assert_eq!(
            node["withAuthors"]["edges"].as_array().unwrap().len(),
            2,
            "{title}"
        );
        assert_eq!(node["bare"]["edges"].as_array().unwrap().len(), 3);
        check(&node["withAuthors"], title, true);
        check(&node["bare"], title, false);

        let cursor = node["withAuthors"]["edges"][1]["cursor"].as_str().unwrap();
        let thread = app
            .gql(
                Some(&professor),
                "query($id: ID!, $after: String) { workspace(id: $id) { threads(first: 10) { edges { node { title
                    posts(first: 5, after: $after) { edges { node { body author { displayName organization { name } } } } } } } } } }",
                json!({ "id": workspace, "after": cursor }),
            )
            .await;
        let same = thread.ok()["workspace"]["threads"]["edges"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["node"]["title"] == title)
            .unwrap()["node"]["posts"]
            .clone();
        let bodies: Vec<&str> = same["edges"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["node"]["body"].as_str().unwrap())
            .collect();
        assert_eq!(bodies, ["post 2", "post 3"], "{title}");
        check(&same, title, true);
    }
}
