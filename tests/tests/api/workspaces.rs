//! Workspaces: creation and settings, archiving, organisation-kind restrictions, roles and
//! membership, invitations (to an account or a whole organisation, answered, revoked,
//! expired), and the workspace's audit log.

use std::time::Duration;

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use serde_json::{Value, json};
use tests::{Answer, DEMO_PASSWORD, TestApp, spawn_app};
use uuid::Uuid;

use super::collaboration::{
    ACCEPT, CREATE_POST, CREATE_THREAD, CREATE_WORKSPACE, INVITE, id, join, user_id,
};

const WORKSPACE: &str = "query($id: ID!) { workspace(id: $id) { id name description defaultTlp restrictedToKinds archived archivedAt viewerRole } }";
const MEMBERS: &str = "query($id: ID!) { workspace(id: $id) { members(first: 100) { edges { node { role user { email } } } } } }";
const THREAD_TLPS: &str = "query($id: ID!) { workspace(id: $id) { threads(first: 100) { edges { node { title tlp } } } } }";
const WORKSPACES: &str = "query($first: Int, $after: String) { workspaces(first: $first, after: $after) { pageInfo { hasNextPage endCursor } edges { node { name viewerRole } } } }";
const UPDATE_WORKSPACE: &str = "mutation($id: ID!, $i: UpdateWorkspaceInput!) { updateWorkspace(id: $id, input: $i) { id name description defaultTlp restrictedToKinds } }";
const ARCHIVE: &str = "mutation($id: ID!) { archiveWorkspace(id: $id) { id archived archivedAt } }";
const CHANGE_ROLE: &str = "mutation($w: ID!, $u: ID!, $r: WorkspaceRole!) { changeMemberRole(workspaceId: $w, userId: $u, role: $r) { role user { email } } }";
const REMOVE_MEMBER: &str =
    "mutation($w: ID!, $u: ID!) { removeMember(workspaceId: $w, userId: $u) { id viewerRole } }";
const LEAVE: &str = "mutation($id: ID!) { leaveWorkspace(id: $id) }";
const DECLINE: &str = "mutation($id: ID!) { declineInvitation(id: $id) { id status } }";
const REVOKE: &str = "mutation($id: ID!) { revokeInvitation(id: $id) { id status } }";
const MY_INVITATIONS: &str = "{ invitations(first: 100) { edges { node { id role status expired workspaceName invitedUser { email } invitedOrganization { name } invitedBy { email } } } } }";
const WORKSPACE_INVITATIONS: &str = "query($id: ID!) { workspace(id: $id) { invitations(first: 100) { edges { node { id status role invitedUser { email } invitedOrganization { name } } } } } }";
const CREATE_USER: &str = "mutation($i: CreateUserInput!) { createUser(input: $i) { id email } }";
const AUDIT: &str = "query($w: ID) { auditEvents(workspaceId: $w, first: 100) { edges { node { action targetType targetId requestId workspaceId details actor { email } } } } }";

/// `extensions.field` of the first error.
pub fn field(answer: &Answer) -> Option<&str> {
    answer.body["errors"][0]["extensions"]["field"].as_str()
}

/// A well-formed global id of `kind` that names nothing.
pub fn unknown_id(kind: &str) -> String {
    URL_SAFE_NO_PAD.encode(format!("{kind}:{}", Uuid::now_v7()))
}

/// The raw UUID inside a global id (audit events name their targets by raw id).
pub fn raw_id(global_id: &str) -> String {
    let decoded = URL_SAFE_NO_PAD.decode(global_id).unwrap();
    let decoded = String::from_utf8(decoded).unwrap();
    decoded.split_once(':').unwrap().1.to_owned()
}

/// The edges' nodes of a connection.
pub fn nodes(connection: &Value) -> Vec<Value> {
    connection["edges"]
        .as_array()
        .unwrap_or_else(|| panic!("not a connection: {connection}"))
        .iter()
        .map(|e| e["node"].clone())
        .collect()
}

/// Creates a workspace as `token` and returns its id.
pub async fn create_workspace(app: &TestApp, token: &str, input: Value) -> String {
    let answer = app
        .gql(Some(token), CREATE_WORKSPACE, json!({ "i": input }))
        .await;
    id(&answer.ok()["createWorkspace"])
}

/// Invites `invitee` (an account id) as `role`; returns the invitation id.
async fn invite_user(
    app: &TestApp,
    owner: &str,
    workspace: &str,
    invitee: &str,
    role: &str,
) -> String {
    let answer = app
        .gql(
            Some(owner),
            INVITE,
            json!({ "i": { "workspaceId": workspace, "userId": invitee, "role": role } }),
        )
        .await;
    id(&answer.ok()["inviteToWorkspace"])
}

/// (email, role) of every member, in the order the API gives.
async fn members(app: &TestApp, token: &str, workspace: &str) -> Vec<(String, String)> {
    let answer = app
        .gql(Some(token), MEMBERS, json!({ "id": workspace }))
        .await;
    nodes(&answer.ok()["workspace"]["members"])
        .iter()
        .map(|m| {
            (
                m["user"]["email"].as_str().unwrap().to_owned(),
                m["role"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

/// The viewer's pending invitations.
async fn my_invitations(app: &TestApp, token: &str) -> Vec<Value> {
    nodes(&app.gql(Some(token), MY_INVITATIONS, json!({})).await.ok()["invitations"])
}

/// The workspace's audit events, newest first, as `token` sees them.
pub async fn workspace_audit(app: &TestApp, token: &str, workspace: &str) -> Vec<Value> {
    let answer = app.gql(Some(token), AUDIT, json!({ "w": workspace })).await;
    nodes(&answer.ok()["auditEvents"])
}

/// POSTs a GraphQL request with our own `X-Request-Id`.
async fn gql_with_request_id(
    app: &TestApp,
    token: &str,
    request_id: &str,
    query: &str,
    variables: Value,
) -> Answer {
    let request = app
        .client
        .post(app.graphql_url())
        .header("accept", tests::GRAPHQL_RESPONSE)
        .header("x-request-id", request_id)
        .bearer_auth(token)
        .json(&json!({ "query": query, "variables": variables }));
    TestApp::answer(request.send().await.unwrap()).await
}

pub fn assert_code(answer: &Answer, code: &str, case: &str) {
    assert_eq!(answer.code(), Some(code), "{case}: {}", answer.body);
}

/// A second account in the analyst's organisation (made by the admin); returns the
/// organisation's id and the two accounts' access tokens.
async fn two_police_members(app: &TestApp) -> (String, String, String) {
    let admin = app.login("admin@hub.example").await;
    let police = app.organization_id("National Police Cybercrime Unit").await;
    app.gql(
        Some(&admin),
        CREATE_USER,
        json!({ "i": { "email": "second@police.example", "displayName": "Sven Second", "password": DEMO_PASSWORD, "organizationId": police } }),
    )
    .await
    .ok();
    let analyst = app.login("analyst@police.example").await;
    let second = app.login("second@police.example").await;
    (police, analyst, second)
}

// --- creating and changing a workspace -------------------------------------------------

#[tokio::test]
async fn the_creator_of_a_workspace_becomes_its_owner() {
    // Arrange
    let app = spawn_app().await;
    let analyst = app.login("analyst@police.example").await;

    // Act
    let created = app
        .gql(
            Some(&analyst),
            CREATE_WORKSPACE,
            json!({ "i": { "name": "  Operation Lighthouse  " } }),
        )
        .await;

    // Assert: trimmed name, GREEN by default, no restriction, the creator is the only owner.
    let workspace = created.ok()["createWorkspace"].clone();
    assert_eq!(workspace["name"], "Operation Lighthouse");
    assert_eq!(workspace["defaultTlp"], "GREEN");
    assert_eq!(workspace["viewerRole"], "OWNER");
    assert_eq!(workspace["restrictedToKinds"], Value::Null);
    let read = app
        .gql(Some(&analyst), WORKSPACE, json!({ "id": workspace["id"] }))
        .await;
    assert_eq!(read.ok()["workspace"]["archived"], false);
    assert_eq!(read.ok()["workspace"]["description"], "");
    assert_eq!(
        members(&app, &analyst, workspace["id"].as_str().unwrap()).await,
        [("analyst@police.example".to_owned(), "OWNER".to_owned())]
    );
}

#[tokio::test]
async fn members_of_an_unverified_organisation_cannot_create_a_workspace() {
    // Arrange
    let app = spawn_app().await;
    let pending = app.login("pending@unverified.example").await;

    // Act
    let refused = app
        .gql(
            Some(&pending),
            CREATE_WORKSPACE,
            json!({ "i": { "name": "Shadow" } }),
        )
        .await;
    let anonymous = app
        .gql(None, CREATE_WORKSPACE, json!({ "i": { "name": "Shadow" } }))
        .await;

    // Assert
    assert_code(&refused, "FORBIDDEN", "unverified organisation");
    assert_code(&anonymous, "UNAUTHENTICATED", "anonymous");
    let listed = app.gql(Some(&pending), WORKSPACES, json!({})).await;
    assert_eq!(nodes(&listed.ok()["workspaces"]), Vec::<Value>::new());
}

#[tokio::test]
async fn bad_workspace_settings_are_refused_and_nothing_is_created() {
    // Arrange
    let app = spawn_app().await;
    let analyst = app.login("analyst@police.example").await;
    let cases = [
        ("empty name", json!({ "name": "   " }), "name"),
        ("name too long", json!({ "name": "n".repeat(201) }), "name"),
        (
            "description too long",
            json!({ "name": "ok", "description": "d".repeat(5001) }),
            "description",
        ),
        (
            "RED as default",
            json!({ "name": "ok", "defaultTlp": "RED" }),
            "defaultTlp",
        ),
        (
            "restricted to kinds without the creator's",
            json!({ "name": "ok", "restrictedToKinds": ["VENDOR", "CERT"] }),
            "restrictedToKinds",
        ),
    ];

    for (case, input, expected_field) in cases {
        // Act
        let answer = app
            .gql(Some(&analyst), CREATE_WORKSPACE, json!({ "i": input }))
            .await;

        // Assert
        assert_code(&answer, "BAD_USER_INPUT", case);
        assert_eq!(field(&answer), Some(expected_field), "{case}");
    }
    let listed = app.gql(Some(&analyst), WORKSPACES, json!({})).await;
    assert_eq!(nodes(&listed.ok()["workspaces"]), Vec::<Value>::new());
}

#[tokio::test]
async fn an_owner_changes_the_settings_and_raising_the_default_tlp_raises_weaker_threads() {
    // Arrange: a CLEAR workspace with threads of every marking.
    let app = spawn_app().await;
    let owner = app.login("analyst@police.example").await;
    let me = user_id(&app, &owner).await;
    let workspace = create_workspace(
        &app,
        &owner,
        json!({ "name": "Botnet takedown", "defaultTlp": "CLEAR" }),
    )
    .await;
    for tlp in ["CLEAR", "GREEN", "AMBER", "AMBER_STRICT", "RED"] {
        let recipients = if tlp == "RED" {
            json!([me])
        } else {
            json!(null)
        };
        app.gql(
            Some(&owner),
            CREATE_THREAD,
            json!({ "i": { "workspaceId": workspace, "title": tlp, "tlp": tlp, "recipientIds": recipients } }),
        )
        .await
        .ok();
    }

    // Act
    let updated = app
        .gql(
            Some(&owner),
            UPDATE_WORKSPACE,
            json!({ "id": workspace, "i": { "name": "Botnet takedown 2", "description": "Phase two", "defaultTlp": "AMBER" } }),
        )
        .await;
    let red_default = app
        .gql(
            Some(&owner),
            UPDATE_WORKSPACE,
            json!({ "id": workspace, "i": { "defaultTlp": "RED" } }),
        )
        .await;
    let empty_name = app
        .gql(
            Some(&owner),
            UPDATE_WORKSPACE,
            json!({ "id": workspace, "i": { "name": "" } }),
        )
        .await;

    // Assert
    let updated = updated.ok()["updateWorkspace"].clone();
    assert_eq!(updated["name"], "Botnet takedown 2");
    assert_eq!(updated["description"], "Phase two");
    assert_eq!(updated["defaultTlp"], "AMBER");
    assert_code(&red_default, "BAD_USER_INPUT", "RED default");
    assert_eq!(field(&red_default), Some("defaultTlp"));
    assert_code(&empty_name, "BAD_USER_INPUT", "empty name");
    let threads = app
        .gql(Some(&owner), THREAD_TLPS, json!({ "id": workspace }))
        .await;
    let mut marked: Vec<(String, String)> = nodes(&threads.ok()["workspace"]["threads"])
        .iter()
        .map(|t| {
            (
                t["title"].as_str().unwrap().to_owned(),
                t["tlp"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    marked.sort();
    let expected = [
        ("AMBER", "AMBER"),
        ("AMBER_STRICT", "AMBER_STRICT"),
        ("CLEAR", "AMBER"),
        ("GREEN", "AMBER"),
        ("RED", "RED"),
    ]
    .map(|(a, b)| (a.to_owned(), b.to_owned()));
    assert_eq!(marked, expected);
    let read = app
        .gql(Some(&owner), WORKSPACE, json!({ "id": workspace }))
        .await;
    assert_eq!(read.ok()["workspace"]["defaultTlp"], "AMBER");
}

#[tokio::test]
async fn only_owners_change_a_workspace() {
    // Arrange
    let app = spawn_app().await;
    let owner = app.login("analyst@police.example").await;
    let moderator = app.login("researcher@vendor.example").await;
    let workspace = create_workspace(&app, &owner, json!({ "name": "Owned" })).await;
    join(&app, &owner, &workspace, &moderator, "MODERATOR").await;

    // Act
    let update = app
        .gql(
            Some(&moderator),
            UPDATE_WORKSPACE,
            json!({ "id": workspace, "i": { "name": "Taken over" } }),
        )
        .await;
    let archive = app
        .gql(Some(&moderator), ARCHIVE, json!({ "id": workspace }))
        .await;

    // Assert
    assert_code(&update, "FORBIDDEN", "moderator updates");
    assert_code(&archive, "FORBIDDEN", "moderator archives");
    let read = app
        .gql(Some(&owner), WORKSPACE, json!({ "id": workspace }))
        .await;
    assert_eq!(read.ok()["workspace"]["name"], "Owned");
    assert_eq!(read.ok()["workspace"]["archived"], false);
}

#[tokio::test]
async fn an_archived_workspace_stays_readable_and_takes_no_more_changes() {
    // Arrange: a thread with a post, a contributor, and a pending invitation.
    let app = spawn_app().await;
    let owner = app.login("analyst@police.example").await;
    let contributor = app.login("researcher@vendor.example").await;
    let invitee = app.login("professor@university.example").await;
    let invitee_id = user_id(&app, &invitee).await;
    let workspace = create_workspace(&app, &owner, json!({ "name": "Closed case" })).await;
    join(&app, &owner, &workspace, &contributor, "CONTRIBUTOR").await;
    let thread = app
        .gql(
            Some(&contributor),
            CREATE_THREAD,
            json!({ "i": { "workspaceId": workspace, "title": "Findings" } }),
        )
        .await;
    let thread = id(&thread.ok()["createThread"]);
    let post = app
        .gql(
            Some(&contributor),
            CREATE_POST,
            json!({ "i": { "threadId": thread, "body": "final report" } }),
        )
        .await;
    let post = id(&post.ok()["createPost"]);
    let invitation = invite_user(&app, &owner, &workspace, &invitee_id, "OBSERVER").await;

    // Act
    let archived = app
        .gql(Some(&owner), ARCHIVE, json!({ "id": workspace }))
        .await;
    let again = app
        .gql(Some(&owner), ARCHIVE, json!({ "id": workspace }))
        .await;

    // Assert: archived once, readable, and every change is a CONFLICT.
    let archived = archived.ok()["archiveWorkspace"].clone();
    assert_eq!(archived["archived"], true);
    assert!(archived["archivedAt"].is_string());
    assert_eq!(
        again.ok()["archiveWorkspace"]["archivedAt"],
        archived["archivedAt"]
    );
    let read = app
        .gql(
            Some(&contributor),
            "query($id: ID!) { workspace(id: $id) { archived threads { edges { node { title viewerCanPost posts { edges { node { body } } } } } } } }",
            json!({ "id": workspace }),
        )
        .await;
    let read = read.ok()["workspace"].clone();
    assert_eq!(read["archived"], true);
    let threads = nodes(&read["threads"]);
    assert_eq!(threads[0]["title"], "Findings");
    assert_eq!(threads[0]["viewerCanPost"], false);
    assert_eq!(nodes(&threads[0]["posts"])[0]["body"], "final report");
    let refused = [
        (
            "update",
            &owner,
            UPDATE_WORKSPACE,
            json!({ "id": workspace, "i": { "name": "Reopened" } }),
        ),
        (
            "invite",
            &owner,
            INVITE,
            json!({ "i": { "workspaceId": workspace, "organizationId": app.organization_id("National CERT").await } }),
        ),
        ("accept", &invitee, ACCEPT, json!({ "id": invitation })),
        (
            "new thread",
            &contributor,
            CREATE_THREAD,
            json!({ "i": { "workspaceId": workspace, "title": "More" } }),
        ),
        (
            "new post",
            &contributor,
            CREATE_POST,
            json!({ "i": { "threadId": thread, "body": "one more thing" } }),
        ),
        (
            "edit",
            &contributor,
            "mutation($id: ID!) { editPost(id: $id, body: \"changed\") { id } }",
            json!({ "id": post }),
        ),
        (
            "react",
            &contributor,
            "mutation($id: ID!) { react(postId: $id, reaction: HEART) { id } }",
            json!({ "id": post }),
        ),
        (
            "lock",
            &owner,
            "mutation($id: ID!) { lockThread(id: $id) { id } }",
            json!({ "id": thread }),
        ),
        (
            "remove post",
            &owner,
            "mutation($id: ID!) { removePost(id: $id) { id } }",
            json!({ "id": post }),
        ),
    ];
    for (case, token, query, variables) in refused {
        let answer = app.gql(Some(token), query, variables).await;
        assert_code(&answer, "CONFLICT", case);
    }
    let posts = app
        .gql(
            Some(&contributor),
            "query($id: ID!) { thread(id: $id) { locked posts { edges { node { body removed } } } } }",
            json!({ "id": thread }),
        )
        .await;
    let posts = posts.ok()["thread"].clone();
    assert_eq!(posts["locked"], false);
    assert_eq!(
        nodes(&posts["posts"]),
        [json!({ "body": "final report", "removed": false })]
    );
}

#[tokio::test]
async fn a_workspace_restricted_to_kinds_admits_only_members_of_those_kinds() {
    // Arrange: a law-enforcement-only workspace.
    let app = spawn_app().await;
    let owner = app.login("analyst@police.example").await;
    let police2 = app.login("investigator@police2.example").await;
    let vendor = app.login("researcher@vendor.example").await;
    let vendor_id = user_id(&app, &vendor).await;
    let vendor_org = app.organization_id("Sentinel Threat Research").await;
    let police2_org = app.organization_id("Federal Cybercrime Directorate").await;
    let created = app
        .gql(
            Some(&owner),
            CREATE_WORKSPACE,
            json!({ "i": { "name": "LE only", "restrictedToKinds": ["LAW_ENFORCEMENT", "LAW_ENFORCEMENT"] } }),
        )
        .await;
    let created = created.ok()["createWorkspace"].clone();
    let workspace = id(&created);

    // Act
    let user_of_other_kind = app
        .gql(
            Some(&owner),
            INVITE,
            json!({ "i": { "workspaceId": workspace, "userId": vendor_id } }),
        )
        .await;
    let organization_of_other_kind = app
        .gql(
            Some(&owner),
            INVITE,
            json!({ "i": { "workspaceId": workspace, "organizationId": vendor_org } }),
        )
        .await;
    let organization_of_the_kind = app
        .gql(
            Some(&owner),
            INVITE,
            json!({ "i": { "workspaceId": workspace, "organizationId": police2_org } }),
        )
        .await;
    let widened_to_exclude_members = app
        .gql(
            Some(&owner),
            UPDATE_WORKSPACE,
            json!({ "id": workspace, "i": { "restrictedToKinds": ["VENDOR"] } }),
        )
        .await;

    // Assert
    assert_eq!(created["restrictedToKinds"], json!(["LAW_ENFORCEMENT"]));
    assert_code(&user_of_other_kind, "BAD_USER_INPUT", "vendor account");
    assert_eq!(field(&user_of_other_kind), Some("userId"));
    assert_code(
        &organization_of_other_kind,
        "BAD_USER_INPUT",
        "vendor organisation",
    );
    assert_eq!(field(&organization_of_other_kind), Some("organizationId"));
    let invitation = id(&organization_of_the_kind.ok()["inviteToWorkspace"]);
    app.gql(Some(&police2), ACCEPT, json!({ "id": invitation }))
        .await
        .ok();
    assert_code(
        &widened_to_exclude_members,
        "CONFLICT",
        "members of other kinds inside",
    );
    assert!(my_invitations(&app, &vendor).await.is_empty());

    // Lifting the restriction (an empty list) lets the vendor in.
    let lifted = app
        .gql(
            Some(&owner),
            UPDATE_WORKSPACE,
            json!({ "id": workspace, "i": { "restrictedToKinds": [] } }),
        )
        .await;
    assert_eq!(
        lifted.ok()["updateWorkspace"]["restrictedToKinds"],
        Value::Null
    );
    join(&app, &owner, &workspace, &vendor, "CONTRIBUTOR").await;
    let emails: Vec<String> = members(&app, &owner, &workspace)
        .await
        .into_iter()
        .map(|(email, _)| email)
        .collect();
    assert_eq!(emails.len(), 3);
    assert!(emails.contains(&"investigator@police2.example".to_owned()));
}

#[tokio::test]
async fn an_invitation_of_another_kind_cannot_be_accepted_once_the_workspace_is_restricted() {
    // Arrange: the vendor is invited while everyone may join, then the owner restricts.
    let app = spawn_app().await;
    let owner = app.login("analyst@police.example").await;
    let vendor = app.login("researcher@vendor.example").await;
    let vendor_id = user_id(&app, &vendor).await;
    let workspace = create_workspace(&app, &owner, json!({ "name": "Tightened" })).await;
    let invitation = invite_user(&app, &owner, &workspace, &vendor_id, "CONTRIBUTOR").await;
    app.gql(
        Some(&owner),
        UPDATE_WORKSPACE,
        json!({ "id": workspace, "i": { "restrictedToKinds": ["LAW_ENFORCEMENT"] } }),
    )
    .await
    .ok();

    // Act
    let accepted = app
        .gql(Some(&vendor), ACCEPT, json!({ "id": invitation }))
        .await;

    // Assert
    assert!(accepted.code().is_some(), "{}", accepted.body);
    assert_eq!(members(&app, &owner, &workspace).await.len(), 1);
    let read = app
        .gql(Some(&vendor), WORKSPACE, json!({ "id": workspace }))
        .await;
    assert_code(&read, "NOT_FOUND", "the vendor is not a member");
}

// --- roles and membership --------------------------------------------------------------

#[tokio::test]
async fn each_workspace_role_does_what_it_is_for() {
    // Arrange: one member per role, and a thread with a post.
    let app = spawn_app().await;
    let owner = app.login("analyst@police.example").await;
    let moderator = app.login("investigator@police2.example").await;
    let contributor = app.login("researcher@vendor.example").await;
    let observer = app.login("professor@university.example").await;
    let cert = app.organization_id("National CERT").await;
    let workspace = create_workspace(&app, &owner, json!({ "name": "Roles" })).await;
    join(&app, &owner, &workspace, &moderator, "MODERATOR").await;
    join(&app, &owner, &workspace, &contributor, "CONTRIBUTOR").await;
    join(&app, &owner, &workspace, &observer, "OBSERVER").await;
    let thread = app
        .gql(
            Some(&owner),
            CREATE_THREAD,
            json!({ "i": { "workspaceId": workspace, "title": "Roles", "body": "first" } }),
        )
        .await;
    let thread = id(&thread.ok()["createThread"]);
    let post = json!({ "i": { "threadId": thread, "body": "hello" } });
    let pin = "mutation($id: ID!) { pinThread(id: $id) { pinned } }";
    let invite = json!({ "i": { "workspaceId": workspace, "organizationId": cert } });

    // Act + Assert: (who, may post, may pin, may invite)
    let cases = [
        ("observer", &observer, false, false, false),
        ("contributor", &contributor, true, false, false),
        ("moderator", &moderator, true, true, false),
        ("owner", &owner, true, true, true),
    ];
    for (who, token, may_post, may_pin, may_invite) in cases {
        let posted = app.gql(Some(token), CREATE_POST, post.clone()).await;
        let pinned = app.gql(Some(token), pin, json!({ "id": thread })).await;
        let invited = app.gql(Some(token), INVITE, invite.clone()).await;
        for (what, answer, allowed) in [
            ("post", &posted, may_post),
            ("pin", &pinned, may_pin),
            ("invite", &invited, may_invite),
        ] {
            if allowed {
                answer.ok();
            } else {
                assert_code(answer, "FORBIDDEN", &format!("{who} {what}"));
            }
        }
    }
}

#[tokio::test]
async fn an_owner_changes_a_members_role_and_the_new_role_takes_effect() {
    // Arrange
    let app = spawn_app().await;
    let owner = app.login("analyst@police.example").await;
    let observer = app.login("professor@university.example").await;
    let observer_id = user_id(&app, &observer).await;
    let outsider = app.login("handler@cert.example").await;
    let outsider_id = user_id(&app, &outsider).await;
    let workspace = create_workspace(&app, &owner, json!({ "name": "Promotions" })).await;
    join(&app, &owner, &workspace, &observer, "OBSERVER").await;
    let new_thread = json!({ "i": { "workspaceId": workspace, "title": "By the professor" } });
    let before = app
        .gql(Some(&observer), CREATE_THREAD, new_thread.clone())
        .await;

    // Act
    let promoted = app
        .gql(
            Some(&owner),
            CHANGE_ROLE,
            json!({ "w": workspace, "u": observer_id, "r": "CONTRIBUTOR" }),
        )
        .await;
    let not_a_member = app
        .gql(
            Some(&owner),
            CHANGE_ROLE,
            json!({ "w": workspace, "u": outsider_id, "r": "CONTRIBUTOR" }),
        )
        .await;
    let by_themselves = app
        .gql(
            Some(&observer),
            CHANGE_ROLE,
            json!({ "w": workspace, "u": observer_id, "r": "OWNER" }),
        )
        .await;

    // Assert
    assert_code(&before, "FORBIDDEN", "observer starts a thread");
    let promoted = promoted.ok()["changeMemberRole"].clone();
    assert_eq!(promoted["role"], "CONTRIBUTOR");
    assert_eq!(promoted["user"]["email"], "professor@university.example");
    assert_code(&not_a_member, "BAD_USER_INPUT", "not a member");
    assert_eq!(field(&not_a_member), Some("userId"));
    assert_code(
        &by_themselves,
        "FORBIDDEN",
        "contributor promotes themselves",
    );
    app.gql(Some(&observer), CREATE_THREAD, new_thread)
        .await
        .ok();
    let read = app
        .gql(Some(&observer), WORKSPACE, json!({ "id": workspace }))
        .await;
    assert_eq!(read.ok()["workspace"]["viewerRole"], "CONTRIBUTOR");
}

#[tokio::test]
async fn the_last_owner_cannot_leave_be_removed_or_step_down() {
    // Arrange
    let app = spawn_app().await;
    let owner = app.login("analyst@police.example").await;
    let owner_id = user_id(&app, &owner).await;
    let colleague = app.login("investigator@police2.example").await;
    let colleague_id = user_id(&app, &colleague).await;
    let workspace = create_workspace(&app, &owner, json!({ "name": "Succession" })).await;
    join(&app, &owner, &workspace, &colleague, "MODERATOR").await;

    // Act
    let leave = app
        .gql(Some(&owner), LEAVE, json!({ "id": workspace }))
        .await;
    let removed = app
        .gql(
            Some(&owner),
            REMOVE_MEMBER,
            json!({ "w": workspace, "u": owner_id }),
        )
        .await;
    let step_down = app
        .gql(
            Some(&owner),
            CHANGE_ROLE,
            json!({ "w": workspace, "u": owner_id, "r": "MODERATOR" }),
        )
        .await;

    // Assert
    for (case, answer) in [
        ("leave", &leave),
        ("remove", &removed),
        ("step down", &step_down),
    ] {
        assert_code(answer, "CONFLICT", case);
    }
    assert_eq!(
        members(&app, &owner, &workspace).await,
        [
            ("analyst@police.example".to_owned(), "OWNER".to_owned()),
            (
                "investigator@police2.example".to_owned(),
                "MODERATOR".to_owned()
            ),
        ]
    );

    // With a second owner, the first may step down and then leave.
    app.gql(
        Some(&owner),
        CHANGE_ROLE,
        json!({ "w": workspace, "u": colleague_id, "r": "OWNER" }),
    )
    .await
    .ok();
    // removeMember answers with the workspace: removing oneself is what leaveWorkspace is for.
    let removes_self = app
        .gql(
            Some(&owner),
            REMOVE_MEMBER,
            json!({ "w": workspace, "u": owner_id }),
        )
        .await;
    assert_code(
        &removes_self,
        "BAD_USER_INPUT",
        "an owner removes themselves",
    );
    assert_eq!(field(&removes_self), Some("userId"));
    let stepped_down = app
        .gql(
            Some(&owner),
            CHANGE_ROLE,
            json!({ "w": workspace, "u": owner_id, "r": "CONTRIBUTOR" }),
        )
        .await;
    assert_eq!(stepped_down.ok()["changeMemberRole"]["role"], "CONTRIBUTOR");
    let left = app
        .gql(Some(&owner), LEAVE, json!({ "id": workspace }))
        .await;
    assert_eq!(left.ok()["leaveWorkspace"], workspace.as_str());
    let last_leaves = app
        .gql(Some(&colleague), LEAVE, json!({ "id": workspace }))
        .await;
    assert_code(&last_leaves, "CONFLICT", "the new last owner leaves");
}

#[tokio::test]
async fn a_removed_member_or_one_who_left_no_longer_sees_the_workspace() {
    // Arrange
    let app = spawn_app().await;
    let owner = app.login("analyst@police.example").await;
    let removed = app.login("researcher@vendor.example").await;
    let removed_id = user_id(&app, &removed).await;
    let leaver = app.login("professor@university.example").await;
    let workspace = create_workspace(&app, &owner, json!({ "name": "Shrinking" })).await;
    join(&app, &owner, &workspace, &removed, "CONTRIBUTOR").await;
    join(&app, &owner, &workspace, &leaver, "OBSERVER").await;

    // Act
    let removal = app
        .gql(
            Some(&owner),
            REMOVE_MEMBER,
            json!({ "w": workspace, "u": removed_id }),
        )
        .await;
    let left = app
        .gql(Some(&leaver), LEAVE, json!({ "id": workspace }))
        .await;
    let removed_again = app
        .gql(
            Some(&owner),
            REMOVE_MEMBER,
            json!({ "w": workspace, "u": removed_id }),
        )
        .await;

    // Assert
    assert_eq!(removal.ok()["removeMember"]["viewerRole"], "OWNER");
    assert_eq!(left.ok()["leaveWorkspace"], workspace.as_str());
    assert_code(&removed_again, "BAD_USER_INPUT", "no longer a member");
    for (who, token) in [("removed", &removed), ("left", &leaver)] {
        let read = app
            .gql(Some(token), WORKSPACE, json!({ "id": workspace }))
            .await;
        assert_code(&read, "NOT_FOUND", who);
        let listed = app.gql(Some(token), WORKSPACES, json!({})).await;
        assert!(nodes(&listed.ok()["workspaces"]).is_empty(), "{who}");
        let leave_again = app
            .gql(Some(token), LEAVE, json!({ "id": workspace }))
            .await;
        assert_code(&leave_again, "NOT_FOUND", who);
    }
    assert_eq!(
        members(&app, &owner, &workspace).await,
        [("analyst@police.example".to_owned(), "OWNER".to_owned())]
    );
}

#[tokio::test]
async fn workspaces_lists_only_the_viewers_own_oldest_first_and_pages() {
    // Arrange: two owners, three workspaces; the researcher joins one of the analyst's.
    let app = spawn_app().await;
    let analyst = app.login("analyst@police.example").await;
    let researcher = app.login("researcher@vendor.example").await;
    let first = create_workspace(&app, &analyst, json!({ "name": "First" })).await;
    create_workspace(&app, &researcher, json!({ "name": "Vendor room" })).await;
    create_workspace(&app, &analyst, json!({ "name": "Second" })).await;
    join(&app, &analyst, &first, &researcher, "OBSERVER").await;

    // Act
    let analysts = app.gql(Some(&analyst), WORKSPACES, json!({})).await;
    let researchers = app.gql(Some(&researcher), WORKSPACES, json!({})).await;
    let page_one = app
        .gql(Some(&analyst), WORKSPACES, json!({ "first": 1 }))
        .await;
    let cursor = page_one.ok()["workspaces"]["pageInfo"]["endCursor"].clone();
    let page_two = app
        .gql(
            Some(&analyst),
            WORKSPACES,
            json!({ "first": 1, "after": cursor }),
        )
        .await;
    let too_many = app
        .gql(Some(&analyst), WORKSPACES, json!({ "first": 101 }))
        .await;

    // Assert
    let names = |answer: &Answer| -> Vec<(String, String)> {
        nodes(&answer.ok()["workspaces"])
            .iter()
            .map(|w| {
                (
                    w["name"].as_str().unwrap().to_owned(),
                    w["viewerRole"].as_str().unwrap().to_owned(),
                )
            })
            .collect()
    };
    assert_eq!(
        names(&analysts),
        [
            ("First".to_owned(), "OWNER".to_owned()),
            ("Second".to_owned(), "OWNER".to_owned())
        ]
    );
    assert_eq!(
        names(&researchers),
        [
            ("First".to_owned(), "OBSERVER".to_owned()),
            ("Vendor room".to_owned(), "OWNER".to_owned())
        ]
    );
    assert_eq!(names(&page_one), [("First".to_owned(), "OWNER".to_owned())]);
    assert_eq!(page_one.ok()["workspaces"]["pageInfo"]["hasNextPage"], true);
    assert_eq!(
        names(&page_two),
        [("Second".to_owned(), "OWNER".to_owned())]
    );
    assert_eq!(
        page_two.ok()["workspaces"]["pageInfo"]["hasNextPage"],
        false
    );
    assert_code(&too_many, "BAD_USER_INPUT", "first: 101");
    assert_eq!(field(&too_many), Some("first"));
}

// --- invitations -----------------------------------------------------------------------

#[tokio::test]
async fn each_verified_member_of_an_invited_organisation_joins_on_their_own() {
    // Arrange: a second account in the analyst's organisation; the researcher's workspace
    // invites the whole organisation as observers.
    let app = spawn_app().await;
    let (police, analyst, second) = two_police_members(&app).await;
    let owner = app.login("researcher@vendor.example").await;
    let workspace = create_workspace(&app, &owner, json!({ "name": "Joint analysis" })).await;
    let invited = app
        .gql(
            Some(&owner),
            INVITE,
            json!({ "i": { "workspaceId": workspace, "organizationId": police, "role": "OBSERVER" } }),
        )
        .await;
    let invitation = id(&invited.ok()["inviteToWorkspace"]);

    // Act
    let pending_for_both = (
        my_invitations(&app, &analyst).await,
        my_invitations(&app, &second).await,
    );
    let analyst_joins = app
        .gql(Some(&analyst), ACCEPT, json!({ "id": invitation }))
        .await;
    let after_analyst = my_invitations(&app, &second).await;
    let accepted_twice = app
        .gql(Some(&analyst), ACCEPT, json!({ "id": invitation }))
        .await;
    let second_joins = app
        .gql(Some(&second), ACCEPT, json!({ "id": invitation }))
        .await;

    // Assert
    for pending in [&pending_for_both.0, &pending_for_both.1] {
        assert_eq!(pending.len(), 1, "{pending:?}");
        assert_eq!(pending[0]["id"], invitation.as_str());
        assert_eq!(pending[0]["status"], "PENDING");
        assert_eq!(pending[0]["role"], "OBSERVER");
        assert_eq!(pending[0]["workspaceName"], "Joint analysis");
        assert_eq!(pending[0]["invitedUser"], Value::Null);
        assert_eq!(
            pending[0]["invitedOrganization"]["name"],
            "National Police Cybercrime Unit"
        );
        assert_eq!(
            pending[0]["invitedBy"]["email"],
            "researcher@vendor.example"
        );
    }
    assert_eq!(
        analyst_joins.ok()["acceptInvitation"]["viewerRole"],
        "OBSERVER"
    );
    assert!(my_invitations(&app, &analyst).await.is_empty());
    assert_eq!(after_analyst.len(), 1, "the colleague still has it");
    assert_code(&accepted_twice, "CONFLICT", "accepted twice");
    assert_eq!(
        second_joins.ok()["acceptInvitation"]["viewerRole"],
        "OBSERVER"
    );
    let mut joined = members(&app, &owner, &workspace).await;
    joined.sort();
    assert_eq!(
        joined,
        [
            ("analyst@police.example".to_owned(), "OBSERVER".to_owned()),
            ("researcher@vendor.example".to_owned(), "OWNER".to_owned()),
            ("second@police.example".to_owned(), "OBSERVER".to_owned()),
        ]
    );
}

#[tokio::test]
async fn a_member_of_an_invited_organisation_may_decline_while_a_colleague_joins() {
    // Arrange
    let app = spawn_app().await;
    let (police, analyst, second) = two_police_members(&app).await;
    let owner = app.login("researcher@vendor.example").await;
    let workspace = create_workspace(&app, &owner, json!({ "name": "Optional" })).await;
    let invited = app
        .gql(
            Some(&owner),
            INVITE,
            json!({ "i": { "workspaceId": workspace, "organizationId": police } }),
        )
        .await;
    let invitation = id(&invited.ok()["inviteToWorkspace"]);

    // Act
    let declined = app
        .gql(Some(&second), DECLINE, json!({ "id": invitation }))
        .await;
    let accept_after_declining = app
        .gql(Some(&second), ACCEPT, json!({ "id": invitation }))
        .await;
    let analyst_joins = app
        .gql(Some(&analyst), ACCEPT, json!({ "id": invitation }))
        .await;

    // Assert
    assert_eq!(declined.ok()["declineInvitation"]["status"], "DECLINED");
    assert_code(
        &accept_after_declining,
        "CONFLICT",
        "accept after declining",
    );
    assert_eq!(
        analyst_joins.ok()["acceptInvitation"]["viewerRole"],
        "CONTRIBUTOR"
    );
    assert!(my_invitations(&app, &second).await.is_empty());
    let read = app
        .gql(Some(&second), WORKSPACE, json!({ "id": workspace }))
        .await;
    assert_code(&read, "NOT_FOUND", "the colleague who declined");
    // For the owner, the organisation's invitation stays open for the others.
    let open = app
        .gql(
            Some(&owner),
            WORKSPACE_INVITATIONS,
            json!({ "id": workspace }),
        )
        .await;
    let open = nodes(&open.ok()["workspace"]["invitations"]);
    assert_eq!(open.len(), 1);
    assert_eq!(open[0]["status"], "PENDING");
}

#[tokio::test]
async fn an_invitee_declines_and_a_revoked_invitation_cannot_be_answered() {
    // Arrange
    let app = spawn_app().await;
    let owner = app.login("analyst@police.example").await;
    let researcher = app.login("researcher@vendor.example").await;
    let researcher_id = user_id(&app, &researcher).await;
    let professor = app.login("professor@university.example").await;
    let professor_id = user_id(&app, &professor).await;
    let workspace = create_workspace(&app, &owner, json!({ "name": "Answers" })).await;
    let to_researcher = invite_user(&app, &owner, &workspace, &researcher_id, "CONTRIBUTOR").await;
    let to_professor = invite_user(&app, &owner, &workspace, &professor_id, "OBSERVER").await;

    // Act
    let declined = app
        .gql(Some(&researcher), DECLINE, json!({ "id": to_researcher }))
        .await;
    let revoked = app
        .gql(Some(&owner), REVOKE, json!({ "id": to_professor }))
        .await;
    let revoked_again = app
        .gql(Some(&owner), REVOKE, json!({ "id": to_professor }))
        .await;
    let accept_revoked = app
        .gql(Some(&professor), ACCEPT, json!({ "id": to_professor }))
        .await;
    let decline_revoked = app
        .gql(Some(&professor), DECLINE, json!({ "id": to_professor }))
        .await;
    let accept_declined = app
        .gql(Some(&researcher), ACCEPT, json!({ "id": to_researcher }))
        .await;
    let revoke_declined = app
        .gql(Some(&owner), REVOKE, json!({ "id": to_researcher }))
        .await;
    let revoke_by_invitee = app
        .gql(Some(&researcher), REVOKE, json!({ "id": to_researcher }))
        .await;

    // Assert
    assert_eq!(declined.ok()["declineInvitation"]["status"], "DECLINED");
    assert_eq!(revoked.ok()["revokeInvitation"]["status"], "REVOKED");
    for (case, answer) in [
        ("revoked again", &revoked_again),
        ("accept revoked", &accept_revoked),
        ("decline revoked", &decline_revoked),
        ("accept declined", &accept_declined),
        ("revoke declined", &revoke_declined),
    ] {
        assert_code(answer, "CONFLICT", case);
    }
    assert_code(&revoke_by_invitee, "FORBIDDEN", "the invitee revokes");
    assert!(my_invitations(&app, &researcher).await.is_empty());
    assert!(my_invitations(&app, &professor).await.is_empty());
    assert_eq!(members(&app, &owner, &workspace).await.len(), 1);
    let open = app
        .gql(
            Some(&owner),
            WORKSPACE_INVITATIONS,
            json!({ "id": workspace }),
        )
        .await;
    assert!(nodes(&open.ok()["workspace"]["invitations"]).is_empty());

    // A declined invitation is no longer pending: the owner may invite again.
    let again = invite_user(&app, &owner, &workspace, &researcher_id, "CONTRIBUTOR").await;
    let accepted = app
        .gql(Some(&researcher), ACCEPT, json!({ "id": again }))
        .await;
    assert_eq!(
        accepted.ok()["acceptInvitation"]["viewerRole"],
        "CONTRIBUTOR"
    );
}

#[tokio::test]
async fn an_expired_invitation_cannot_be_accepted_and_is_no_longer_listed() {
    // Arrange: an invitation valid for two seconds.
    let app = spawn_app().await;
    let owner = app.login("analyst@police.example").await;
    let invitee = app.login("researcher@vendor.example").await;
    let invitee_id = user_id(&app, &invitee).await;
    let workspace = create_workspace(&app, &owner, json!({ "name": "Fleeting" })).await;
    let expires_at = (chrono::Utc::now() + chrono::Duration::seconds(2)).to_rfc3339();
    let invited = app
        .gql(
            Some(&owner),
            INVITE,
            json!({ "i": { "workspaceId": workspace, "userId": invitee_id, "expiresAt": expires_at } }),
        )
        .await;
    let invitation = id(&invited.ok()["inviteToWorkspace"]);
    let listed_before = my_invitations(&app, &invitee).await;

    // Act
    tokio::time::sleep(Duration::from_millis(2_500)).await;
    let listed_after = my_invitations(&app, &invitee).await;
    let accepted = app
        .gql(Some(&invitee), ACCEPT, json!({ "id": invitation }))
        .await;
    let seen = app
        .gql(
            Some(&invitee),
            "query($id: ID!) { node(id: $id) { ... on Invitation { expired status } } }",
            json!({ "id": invitation }),
        )
        .await;

    // Assert
    assert_eq!(listed_before.len(), 1);
    assert_eq!(listed_before[0]["expired"], false);
    assert!(listed_after.is_empty(), "{listed_after:?}");
    assert_code(&accepted, "CONFLICT", "accept expired");
    assert_eq!(seen.ok()["node"]["expired"], true);
    let read = app
        .gql(Some(&invitee), WORKSPACE, json!({ "id": workspace }))
        .await;
    assert_code(&read, "NOT_FOUND", "not a member");
    // An expired invitation does not block a new one.
    let again = invite_user(&app, &owner, &workspace, &invitee_id, "OBSERVER").await;
    let joined = app
        .gql(Some(&invitee), ACCEPT, json!({ "id": again }))
        .await;
    assert_eq!(joined.ok()["acceptInvitation"]["viewerRole"], "OBSERVER");
}

#[tokio::test]
async fn duplicate_pointless_and_malformed_invitations_are_refused() {
    // Arrange: a pending invitation to the researcher, one to the CERT, and a member.
    let app = spawn_app().await;
    let owner = app.login("analyst@police.example").await;
    let owner_id = user_id(&app, &owner).await;
    let researcher = app.login("researcher@vendor.example").await;
    let researcher_id = user_id(&app, &researcher).await;
    let member = app.login("professor@university.example").await;
    let pending = app.login("pending@unverified.example").await;
    let pending_id = user_id(&app, &pending).await;
    let cert = app.organization_id("National CERT").await;
    let unverified_org = app.organization_id("Newcomer Security Ltd").await;
    let workspace = create_workspace(&app, &owner, json!({ "name": "Guests" })).await;
    invite_user(&app, &owner, &workspace, &researcher_id, "CONTRIBUTOR").await;
    app.gql(
        Some(&owner),
        INVITE,
        json!({ "i": { "workspaceId": workspace, "organizationId": cert } }),
    )
    .await
    .ok();
    join(&app, &owner, &workspace, &member, "OBSERVER").await;
    let member_id = user_id(&app, &member).await;
    let in_a_day = (chrono::Utc::now() + chrono::Duration::days(1)).to_rfc3339();
    let an_hour_ago = (chrono::Utc::now() - chrono::Duration::hours(1)).to_rfc3339();
    let in_a_hundred_days = (chrono::Utc::now() + chrono::Duration::days(100)).to_rfc3339();
    let cases = [
        (
            "duplicate to an account",
            json!({ "userId": researcher_id }),
            "CONFLICT",
            None,
        ),
        (
            "duplicate to an organisation",
            json!({ "organizationId": cert }),
            "CONFLICT",
            None,
        ),
        (
            "an existing member",
            json!({ "userId": member_id }),
            "CONFLICT",
            None,
        ),
        (
            "the owner themselves",
            json!({ "userId": owner_id }),
            "CONFLICT",
            None,
        ),
        (
            "unknown account",
            json!({ "userId": unknown_id("User") }),
            "BAD_USER_INPUT",
            Some("userId"),
        ),
        (
            "malformed account id",
            json!({ "userId": "not-an-id" }),
            "BAD_USER_INPUT",
            Some("userId"),
        ),
        (
            "an organisation's id as account",
            json!({ "userId": cert }),
            "BAD_USER_INPUT",
            Some("userId"),
        ),
        (
            "account of an unverified organisation",
            json!({ "userId": pending_id }),
            "BAD_USER_INPUT",
            Some("userId"),
        ),
        (
            "duplicate to an account, by email",
            json!({ "email": "Researcher@Vendor.example" }),
            "CONFLICT",
            None,
        ),
        (
            "an existing member, by email",
            json!({ "email": "professor@university.example" }),
            "CONFLICT",
            None,
        ),
        (
            "unknown email",
            json!({ "email": "nobody@nowhere.example" }),
            "BAD_USER_INPUT",
            Some("email"),
        ),
        (
            "email of an unverified organisation's account",
            json!({ "email": "pending@unverified.example" }),
            "BAD_USER_INPUT",
            Some("email"),
        ),
        (
            "both email and account",
            json!({ "email": "handler@cert.example", "userId": member_id }),
            "BAD_USER_INPUT",
            Some("userId"),
        ),
        (
            "unknown organisation",
            json!({ "organizationId": unknown_id("Organization") }),
            "BAD_USER_INPUT",
            Some("organizationId"),
        ),
        (
            "unverified organisation",
            json!({ "organizationId": unverified_org }),
            "BAD_USER_INPUT",
            Some("organizationId"),
        ),
        (
            "neither account nor organisation",
            json!({}),
            "BAD_USER_INPUT",
            Some("userId"),
        ),
        (
            "both account and organisation",
            json!({ "userId": member_id, "organizationId": cert, "expiresAt": in_a_day }),
            "BAD_USER_INPUT",
            Some("userId"),
        ),
        (
            "expiry in the past",
            json!({ "organizationId": unverified_org, "expiresAt": an_hour_ago }),
            "BAD_USER_INPUT",
            Some("expiresAt"),
        ),
        (
            "expiry beyond 90 days",
            json!({ "organizationId": unverified_org, "expiresAt": in_a_hundred_days }),
            "BAD_USER_INPUT",
            Some("expiresAt"),
        ),
    ];
    let open_before = app
        .gql(
            Some(&owner),
            WORKSPACE_INVITATIONS,
            json!({ "id": workspace }),
        )
        .await;
    let open_before = nodes(&open_before.ok()["workspace"]["invitations"]);

    for (case, mut input, code, expected_field) in cases {
        input["workspaceId"] = json!(workspace);

        // Act
        let answer = app.gql(Some(&owner), INVITE, json!({ "i": input })).await;

        // Assert
        assert_code(&answer, code, case);
        if expected_field.is_some() {
            assert_eq!(field(&answer), expected_field, "{case}");
        }
    }
    let open_after = app
        .gql(
            Some(&owner),
            WORKSPACE_INVITATIONS,
            json!({ "id": workspace }),
        )
        .await;
    assert_eq!(
        nodes(&open_after.ok()["workspace"]["invitations"]),
        open_before
    );
    assert_eq!(open_before.len(), 2);

    // Answering an invitation that does not exist, or by a malformed id.
    for (case, invitation, code) in [
        ("unknown invitation", unknown_id("Invitation"), "NOT_FOUND"),
        (
            "malformed invitation id",
            "garbage".to_owned(),
            "BAD_USER_INPUT",
        ),
    ] {
        let accepted = app
            .gql(Some(&researcher), ACCEPT, json!({ "id": invitation }))
            .await;
        assert_code(&accepted, code, case);
        let revoked = app
            .gql(Some(&owner), REVOKE, json!({ "id": invitation }))
            .await;
        assert_code(&revoked, code, case);
    }
}

#[tokio::test]
async fn invitations_are_listed_for_the_invitee_and_the_workspaces_owners_only() {
    // Arrange
    let app = spawn_app().await;
    let owner = app.login("analyst@police.example").await;
    let contributor = app.login("investigator@police2.example").await;
    let invitee = app.login("researcher@vendor.example").await;
    let invitee_id = user_id(&app, &invitee).await;
    let bystander = app.login("soc@grid.example").await;
    let workspace = create_workspace(&app, &owner, json!({ "name": "Guest list" })).await;
    join(&app, &owner, &workspace, &contributor, "CONTRIBUTOR").await;
    let invitation = invite_user(&app, &owner, &workspace, &invitee_id, "MODERATOR").await;

    // Act
    let for_invitee = my_invitations(&app, &invitee).await;
    let for_bystander = my_invitations(&app, &bystander).await;
    let for_owner = app
        .gql(
            Some(&owner),
            WORKSPACE_INVITATIONS,
            json!({ "id": workspace }),
        )
        .await;
    let for_contributor = app
        .gql(
            Some(&contributor),
            WORKSPACE_INVITATIONS,
            json!({ "id": workspace }),
        )
        .await;
    let bystander_node = app
        .gql(
            Some(&bystander),
            "query($id: ID!) { node(id: $id) { id } }",
            json!({ "id": invitation }),
        )
        .await;

    // Assert
    assert_eq!(for_invitee.len(), 1);
    assert_eq!(for_invitee[0]["id"], invitation.as_str());
    assert_eq!(for_invitee[0]["role"], "MODERATOR");
    assert_eq!(
        for_invitee[0]["invitedUser"]["email"],
        "researcher@vendor.example"
    );
    assert!(for_bystander.is_empty());
    let listed = nodes(&for_owner.ok()["workspace"]["invitations"]);
    assert_eq!(listed.len(), 1);
    assert_eq!(
        listed[0]["invitedUser"]["email"],
        "researcher@vendor.example"
    );
    assert_code(
        &for_contributor,
        "FORBIDDEN",
        "a contributor lists invitations",
    );
    assert_code(&bystander_node, "NOT_FOUND", "someone else's invitation");
}

// --- the audit log of a workspace ------------------------------------------------------

#[tokio::test]
async fn every_change_in_a_workspace_is_in_its_audit_log_with_actor_and_request_id() {
    // Arrange
    let app = spawn_app().await;
    let owner = app.login("analyst@police.example").await;
    let researcher = app.login("researcher@vendor.example").await;
    let researcher_id = user_id(&app, &researcher).await;
    let admin = app.login("admin@hub.example").await;

    // Act: each change in its own request with its own request id.
    let workspace = gql_with_request_id(
        &app,
        &owner,
        "req-ws-create",
        CREATE_WORKSPACE,
        json!({ "i": { "name": "Audited" } }),
    )
    .await;
    let workspace = id(&workspace.ok()["createWorkspace"]);
    let invitation = gql_with_request_id(
        &app,
        &owner,
        "req-ws-invite",
        INVITE,
        json!({ "i": { "workspaceId": workspace, "userId": researcher_id } }),
    )
    .await;
    let invitation = id(&invitation.ok()["inviteToWorkspace"]);
    gql_with_request_id(
        &app,
        &researcher,
        "req-ws-join",
        ACCEPT,
        json!({ "id": invitation }),
    )
    .await
    .ok();
    let thread = gql_with_request_id(
        &app,
        &researcher,
        "req-thread-create",
        CREATE_THREAD,
        json!({ "i": { "workspaceId": workspace, "title": "Audited thread", "body": "opening post" } }),
    )
    .await;
    let thread = id(&thread.ok()["createThread"]);
    let post = gql_with_request_id(
        &app,
        &owner,
        "req-post-create",
        CREATE_POST,
        json!({ "i": { "threadId": thread, "body": "a reply" } }),
    )
    .await;
    let post = id(&post.ok()["createPost"]);
    gql_with_request_id(
        &app,
        &owner,
        "req-post-edit",
        "mutation($id: ID!) { editPost(id: $id, body: \"an edited reply\") { version } }",
        json!({ "id": post }),
    )
    .await
    .ok();
    gql_with_request_id(
        &app,
        &owner,
        "req-post-remove",
        "mutation($id: ID!) { removePost(id: $id, reason: \"off topic\") { removed } }",
        json!({ "id": post }),
    )
    .await
    .ok();
    gql_with_request_id(
        &app,
        &owner,
        "req-thread-lock",
        "mutation($id: ID!) { lockThread(id: $id) { locked } }",
        json!({ "id": thread }),
    )
    .await
    .ok();
    gql_with_request_id(
        &app,
        &owner,
        "req-member-role",
        CHANGE_ROLE,
        json!({ "w": workspace, "u": researcher_id, "r": "OBSERVER" }),
    )
    .await
    .ok();
    let as_owner = workspace_audit(&app, &owner, &workspace).await;
    let as_admin = workspace_audit(&app, &admin, &workspace).await;

    // Assert: newest first, one event per change (two for a thread with its first post).
    let seen: Vec<(&str, &str, &str)> = as_owner
        .iter()
        .map(|e| {
            (
                e["action"].as_str().unwrap(),
                e["requestId"].as_str().unwrap(),
                e["actor"]["email"].as_str().unwrap(),
            )
        })
        .collect();
    let analyst = "analyst@police.example";
    let vendor = "researcher@vendor.example";
    assert_eq!(
        seen,
        [
            ("workspace.member.role", "req-member-role", analyst),
            ("thread.lock", "req-thread-lock", analyst),
            ("post.remove", "req-post-remove", analyst),
            ("post.edit", "req-post-edit", analyst),
            ("post.create", "req-post-create", analyst),
            ("post.create", "req-thread-create", vendor),
            ("thread.create", "req-thread-create", vendor),
            ("workspace.join", "req-ws-join", vendor),
            ("workspace.invite", "req-ws-invite", analyst),
            ("workspace.create", "req-ws-create", analyst),
        ]
    );
    let workspace_raw = raw_id(&workspace);
    assert!(
        as_owner
            .iter()
            .all(|e| e["workspaceId"] == workspace_raw.as_str())
    );
    let created = &as_owner[9];
    assert_eq!(created["targetType"], "workspace");
    assert_eq!(created["targetId"], workspace_raw.as_str());
    assert_eq!(as_owner[6]["targetId"], raw_id(&thread).as_str());
    assert_eq!(as_owner[2]["targetId"], raw_id(&post).as_str());
    assert_eq!(as_owner[2]["details"]["reason"], "off topic");
    assert_eq!(
        as_owner[0]["details"],
        json!({ "from": "CONTRIBUTOR", "to": "OBSERVER" })
    );
    assert_eq!(as_admin, as_owner, "an admin reads the same log");
    // The workspace's events are in the platform log too.
    let platform = app.gql(Some(&admin), AUDIT, json!({ "w": null })).await;
    let platform = nodes(&platform.ok()["auditEvents"]);
    assert!(platform.iter().any(|e| e["requestId"] == "req-ws-create"));
}

#[tokio::test]
async fn every_kind_of_change_in_a_workspace_writes_its_own_audit_event() {
    // Arrange: members to remove and to leave, invitees to decline and to be revoked.
    let app = spawn_app().await;
    let owner = app.login("analyst@police.example").await;
    let removed = app.login("researcher@vendor.example").await;
    let removed_id = user_id(&app, &removed).await;
    let leaver = app.login("investigator@police2.example").await;
    let decliner = app.login("professor@university.example").await;
    let decliner_id = user_id(&app, &decliner).await;
    let revoked_id = user_id(&app, &app.login("soc@grid.example").await).await;
    let workspace = create_workspace(&app, &owner, json!({ "name": "Every change" })).await;
    join(&app, &owner, &workspace, &removed, "CONTRIBUTOR").await;
    join(&app, &owner, &workspace, &leaver, "OBSERVER").await;
    let thread = app
        .gql(
            Some(&owner),
            CREATE_THREAD,
            json!({ "i": { "workspaceId": workspace, "title": "Audited", "body": "first" } }),
        )
        .await;
    let thread = id(&thread.ok()["createThread"]);
    let post = app
        .gql(
            Some(&owner),
            CREATE_POST,
            json!({ "i": { "threadId": thread, "body": "second" } }),
        )
        .await;
    let post = id(&post.ok()["createPost"]);
    let before = workspace_audit(&app, &owner, &workspace).await.len();
    let to_decline = invite_user(&app, &owner, &workspace, &decliner_id, "OBSERVER").await;
    let to_revoke = invite_user(&app, &owner, &workspace, &revoked_id, "OBSERVER").await;
    let on_thread = json!({ "id": thread });
    let on_post = json!({ "id": post });
    // (expected action, who, mutation, variables)
    let changes = [
        (
            "workspace.update",
            &owner,
            UPDATE_WORKSPACE,
            json!({ "id": workspace, "i": { "description": "all of them" } }),
        ),
        (
            "workspace.invitation.decline",
            &decliner,
            DECLINE,
            json!({ "id": to_decline }),
        ),
        (
            "workspace.invitation.revoke",
            &owner,
            REVOKE,
            json!({ "id": to_revoke }),
        ),
        (
            "thread.update",
            &owner,
            "mutation($id: ID!) { updateThread(id: $id, input: { title: \"Audited!\" }) { id } }",
            on_thread.clone(),
        ),
        (
            "thread.pin",
            &owner,
            "mutation($id: ID!) { pinThread(id: $id) { id } }",
            on_thread.clone(),
        ),
        (
            "thread.unpin",
            &owner,
            "mutation($id: ID!) { pinThread(id: $id, pinned: false) { id } }",
            on_thread.clone(),
        ),
        (
            "thread.lock",
            &owner,
            "mutation($id: ID!) { lockThread(id: $id) { id } }",
            on_thread.clone(),
        ),
        (
            "thread.unlock",
            &owner,
            "mutation($id: ID!) { lockThread(id: $id, locked: false) { id } }",
            on_thread.clone(),
        ),
        (
            "post.react",
            &owner,
            "mutation($id: ID!) { react(postId: $id, reaction: CHECK) { id } }",
            on_post.clone(),
        ),
        (
            "post.unreact",
            &owner,
            "mutation($id: ID!) { unreact(postId: $id, reaction: CHECK) { id } }",
            on_post.clone(),
        ),
        (
            "workspace.member.remove",
            &owner,
            REMOVE_MEMBER,
            json!({ "w": workspace, "u": removed_id }),
        ),
        (
            "workspace.leave",
            &leaver,
            LEAVE,
            json!({ "id": workspace }),
        ),
        (
            "workspace.archive",
            &owner,
            ARCHIVE,
            json!({ "id": workspace }),
        ),
    ];

    // Act
    for (action, token, query, variables) in &changes {
        gql_with_request_id(&app, token, action, query, variables.clone())
            .await
            .ok();
    }

    // Assert: newest first, each change once, under its own request id.
    let events = workspace_audit(&app, &owner, &workspace).await;
    let recorded: Vec<(&str, &str)> = events[..changes.len()]
        .iter()
        .rev()
        .map(|e| {
            (
                e["action"].as_str().unwrap(),
                e["requestId"].as_str().unwrap(),
            )
        })
        .collect();
    let expected: Vec<(&str, &str)> = changes
        .iter()
        .map(|(action, ..)| (*action, *action))
        .collect();
    assert_eq!(recorded, expected);
    assert_eq!(
        events.len(),
        before + 2 + changes.len(),
        "two invitations and the changes"
    );
    let actor = |action: &str| {
        events.iter().find(|e| e["action"] == action).unwrap()["actor"]["email"].clone()
    };
    assert_eq!(
        actor("workspace.invitation.decline"),
        "professor@university.example"
    );
    assert_eq!(actor("workspace.leave"), "investigator@police2.example");
    assert_eq!(actor("workspace.archive"), "analyst@police.example");
}

#[tokio::test]
async fn only_owners_and_admins_read_a_workspaces_audit_log() {
    // Arrange
    let app = spawn_app().await;
    let owner = app.login("analyst@police.example").await;
    let moderator = app.login("investigator@police2.example").await;
    let outsider = app.login("handler@cert.example").await;
    let coordinator = app.login("coordinator@hub.example").await;
    let workspace = create_workspace(&app, &owner, json!({ "name": "Private log" })).await;
    join(&app, &owner, &workspace, &moderator, "MODERATOR").await;

    // Act + Assert
    for (who, token, code) in [
        ("a moderator", &moderator, "FORBIDDEN"),
        ("an outsider", &outsider, "NOT_FOUND"),
        ("a coordinator", &coordinator, "NOT_FOUND"),
    ] {
        let answer = app.gql(Some(token), AUDIT, json!({ "w": workspace })).await;
        assert_code(&answer, code, who);
    }
    assert_eq!(workspace_audit(&app, &owner, &workspace).await.len(), 3);
}

#[tokio::test]
async fn a_refused_change_writes_no_audit_event_and_changes_nothing() {
    // Arrange: a workspace with a contributor, a thread and a pending invitation.
    let app = spawn_app().await;
    let owner = app.login("analyst@police.example").await;
    let owner_id = user_id(&app, &owner).await;
    let contributor = app.login("researcher@vendor.example").await;
    let invitee = app.login("professor@university.example").await;
    let invitee_id = user_id(&app, &invitee).await;
    let outsider = app.login("handler@cert.example").await;
    let outsider_id = user_id(&app, &outsider).await;
    let workspace = create_workspace(
        &app,
        &owner,
        json!({ "name": "Careful", "defaultTlp": "AMBER" }),
    )
    .await;
    join(&app, &owner, &workspace, &contributor, "CONTRIBUTOR").await;
    invite_user(&app, &owner, &workspace, &invitee_id, "OBSERVER").await;
    let thread = app
        .gql(
            Some(&contributor),
            CREATE_THREAD,
            json!({ "i": { "workspaceId": workspace, "title": "Careful thread", "body": "first" } }),
        )
        .await;
    let thread = id(&thread.ok()["createThread"]);
    let before = workspace_audit(&app, &owner, &workspace).await;
    let threads_before = app
        .gql(Some(&owner), THREAD_TLPS, json!({ "id": workspace }))
        .await;
    let threads_before = threads_before.ok().clone();
    let refused = [
        (
            "RED default",
            &owner,
            UPDATE_WORKSPACE,
            json!({ "id": workspace, "i": { "name": "Renamed", "defaultTlp": "RED" } }),
            "BAD_USER_INPUT",
        ),
        (
            "duplicate invitation",
            &owner,
            INVITE,
            json!({ "i": { "workspaceId": workspace, "userId": invitee_id } }),
            "CONFLICT",
        ),
        (
            "last owner steps down",
            &owner,
            CHANGE_ROLE,
            json!({ "w": workspace, "u": owner_id, "r": "OBSERVER" }),
            "CONFLICT",
        ),
        (
            "last owner leaves",
            &owner,
            LEAVE,
            json!({ "id": workspace }),
            "CONFLICT",
        ),
        (
            "weaker thread",
            &contributor,
            CREATE_THREAD,
            json!({ "i": { "workspaceId": workspace, "title": "Leaky", "tlp": "GREEN", "body": "x" } }),
            "BAD_USER_INPUT",
        ),
        (
            "outsider as recipient",
            &contributor,
            CREATE_THREAD,
            json!({ "i": { "workspaceId": workspace, "title": "Secret", "tlp": "RED", "recipientIds": [outsider_id], "body": "x" } }),
            "BAD_USER_INPUT",
        ),
        (
            "empty post",
            &contributor,
            CREATE_POST,
            json!({ "i": { "threadId": thread, "body": " " } }),
            "BAD_USER_INPUT",
        ),
        (
            "contributor invites",
            &contributor,
            INVITE,
            json!({ "i": { "workspaceId": workspace, "userId": outsider_id } }),
            "FORBIDDEN",
        ),
    ];

    for (case, token, query, variables, code) in refused {
        // Act
        let answer = app.gql(Some(token), query, variables).await;

        // Assert
        assert_code(&answer, code, case);
    }
    assert_eq!(workspace_audit(&app, &owner, &workspace).await, before);
    let threads_after = app
        .gql(Some(&owner), THREAD_TLPS, json!({ "id": workspace }))
        .await;
    assert_eq!(threads_after.ok(), &threads_before);
    let read = app
        .gql(Some(&owner), WORKSPACE, json!({ "id": workspace }))
        .await;
    assert_eq!(read.ok()["workspace"]["name"], "Careful");
    assert_eq!(read.ok()["workspace"]["defaultTlp"], "AMBER");
}

#[tokio::test]
async fn an_owner_invites_a_partner_of_another_organisation_by_email() {
    // Arrange: the police analyst cannot list the vendor's accounts, but knows the address.
    let app = spawn_app().await;
    let owner = app.login("analyst@police.example").await;
    let researcher = app.login("researcher@vendor.example").await;
    let workspace = create_workspace(&app, &owner, json!({ "name": "Joint case" })).await;

    // Act
    let invited = app
        .gql(
            Some(&owner),
            INVITE,
            json!({ "i": { "workspaceId": workspace, "email": " Researcher@Vendor.example ", "role": "CONTRIBUTOR" } }),
        )
        .await;
    let invitation = id(&invited.ok()["inviteToWorkspace"]);
    let accepted = app
        .gql(Some(&researcher), ACCEPT, json!({ "id": invitation }))
        .await;

    // Assert
    assert_eq!(
        accepted.ok()["acceptInvitation"]["viewerRole"],
        "CONTRIBUTOR"
    );
    assert!(members(&app, &owner, &workspace).await.contains(&(
        "researcher@vendor.example".to_owned(),
        "CONTRIBUTOR".to_owned()
    )));
}

#[tokio::test]
async fn only_owners_invite_by_email_and_nobody_else_learns_whether_an_address_exists() {
    // Arrange: a contributor, an observer, another organisation's member and anonymous.
    let app = spawn_app().await;
    let owner = app.login("analyst@police.example").await;
    let contributor = app.login("researcher@vendor.example").await;
    let observer = app.login("professor@university.example").await;
    let outsider = app.login("handler@cert.example").await;
    let workspace = create_workspace(&app, &owner, json!({ "name": "Closed circle" })).await;
    join(&app, &owner, &workspace, &contributor, "CONTRIBUTOR").await;
    join(&app, &owner, &workspace, &observer, "OBSERVER").await;
    let input = json!({ "i": { "workspaceId": workspace, "email": "soc@grid.example" } });

    for (case, token, code) in [
        ("contributor", Some(contributor.as_str()), "FORBIDDEN"),
        ("observer", Some(observer.as_str()), "FORBIDDEN"),
        ("another organisation", Some(outsider.as_str()), "NOT_FOUND"),
        ("anonymous", None, "NOT_FOUND"),
    ] {
        // Act
        let answer = app.gql(token, INVITE, input.clone()).await;

        // Assert
        assert_code(&answer, code, case);
    }
    let open = app
        .gql(
            Some(&owner),
            WORKSPACE_INVITATIONS,
            json!({ "id": workspace }),
        )
        .await;
    assert!(nodes(&open.ok()["workspace"]["invitations"]).is_empty());
}
