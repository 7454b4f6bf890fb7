//! Collaboration end to end: a workspace across organisations, invitations, a RED thread,
//! posts, replies, mentions, reactions, edits, removal, notifications and search.

use serde_json::{Value, json};
use tests::{TestApp, spawn_app};

pub const CREATE_WORKSPACE: &str = "mutation($i: CreateWorkspaceInput!) { createWorkspace(input: $i) { id name defaultTlp viewerRole restrictedToKinds } }";
pub const INVITE: &str = "mutation($i: InviteToWorkspaceInput!) { inviteToWorkspace(input: $i) { id role status workspaceName } }";
pub const ACCEPT: &str = "mutation($id: ID!) { acceptInvitation(id: $id) { id viewerRole } }";
pub const CREATE_THREAD: &str =
    "mutation($i: CreateThreadInput!) { createThread(input: $i) { id title tlp } }";
pub const CREATE_POST: &str = "mutation($i: CreatePostInput!) { createPost(input: $i) { id body bodyHtml version author { email } replyTo { id } } }";

pub async fn user_id(app: &TestApp, token: &str) -> String {
    app.gql(Some(token), "{ viewer { id } }", json!({}))
        .await
        .ok()["viewer"]["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

pub fn id(value: &Value) -> String {
    value["id"].as_str().unwrap().to_owned()
}

/// Invites the account of `token` into the workspace as `role` and accepts.
pub async fn join(app: &TestApp, owner: &str, workspace: &str, token: &str, role: &str) {
    let user = user_id(app, token).await;
    let invitation = app
        .gql(
            Some(owner),
            INVITE,
            json!({ "i": { "workspaceId": workspace, "userId": user, "role": role } }),
        )
        .await;
    let invitation = id(&invitation.ok()["inviteToWorkspace"]);
    let accepted = app
        .gql(Some(token), ACCEPT, json!({ "id": invitation }))
        .await;
    assert_eq!(accepted.ok()["acceptInvitation"]["viewerRole"], role);
}

#[tokio::test]
async fn members_of_several_organisations_discuss_in_a_workspace() {
    let app = spawn_app().await;
    let owner = app.login("analyst@police.example").await;
    let researcher = app.login("researcher@vendor.example").await;
    let professor = app.login("professor@university.example").await;
    let outsider = app.login("handler@cert.example").await;

    let workspace = app
        .gql(
            Some(&owner),
            CREATE_WORKSPACE,
            json!({ "i": { "name": "Operation Lighthouse", "defaultTlp": "AMBER" } }),
        )
        .await;
    let workspace = id(&workspace.ok()["createWorkspace"]);
    join(&app, &owner, &workspace, &researcher, "CONTRIBUTOR").await;
    join(&app, &owner, &workspace, &professor, "OBSERVER").await;

    let thread = app
        .gql(
            Some(&researcher),
            CREATE_THREAD,
            json!({ "i": { "workspaceId": workspace, "title": "Lockbit affiliate infrastructure", "body": "First findings, @analyst@police.example please look" } }),
        )
        .await;
    let thread = id(&thread.ok()["createThread"]);
    let post = app
        .gql(
            Some(&owner),
            CREATE_POST,
            json!({ "i": { "threadId": thread, "body": "Thanks! <script>alert(1)</script> **confirmed**" } }),
        )
        .await;
    let post_data = post.ok()["createPost"].clone();
    assert!(!post_data["bodyHtml"].as_str().unwrap().contains("<script"));

    let researcher_id = user_id(&app, &researcher).await;
    let owner_id = user_id(&app, &owner).await;
    let red = app
        .gql(
            Some(&owner),
            CREATE_THREAD,
            json!({ "i": { "workspaceId": workspace, "title": "Source handling", "tlp": "RED", "recipientIds": [researcher_id, owner_id], "body": "lockbit source details" } }),
        )
        .await;
    red.ok();

    let nested = app
        .gql(
            Some(&professor),
            "query($id: ID!) { workspace(id: $id) { name threads(first: 20) { edges { node { title tlp posts(first: 5) { edges { node { body reactions { reaction count } author { displayName organization { name } } } } } } } } } }",
            json!({ "id": workspace }),
        )
        .await;
    let threads = nested.ok()["workspace"]["threads"]["edges"]
        .as_array()
        .unwrap()
        .clone();
    assert_eq!(threads.len(), 1, "{}", nested.body);

    let search = app
        .gql(
            Some(&researcher),
            "{ search(query: \"lockbit\") { edges { node { kind snippetHtml thread { title } } } } }",
            json!({}),
        )
        .await;
    assert_eq!(
        search.ok()["search"]["edges"].as_array().unwrap().len(),
        2,
        "{}",
        search.body
    );
    let search = app
        .gql(
            Some(&professor),
            "{ search(query: \"lockbit\") { edges { node { kind snippetHtml thread { title } } } } }",
            json!({}),
        )
        .await;
    assert_eq!(
        search.ok()["search"]["edges"].as_array().unwrap().len(),
        1,
        "{}",
        search.body
    );

    let notifications = app
        .gql(
            Some(&owner),
            "{ unreadNotificationCount notifications { edges { node { kind post { body } thread { title } actor { email } } } } }",
            json!({}),
        )
        .await;
    assert_eq!(
        notifications.ok()["unreadNotificationCount"],
        1,
        "{}",
        notifications.body
    );

    let denied = app
        .gql(
            Some(&outsider),
            "query($id: ID!) { node(id: $id) { id } }",
            json!({ "id": thread }),
        )
        .await;
    assert_eq!(denied.code(), Some("NOT_FOUND"));
}
