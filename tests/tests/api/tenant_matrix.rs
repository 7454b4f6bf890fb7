//! The tenant matrix: every query and mutation of the collaboration area, replayed as each
//! kind of viewer, asserting exactly what PRODUCT.md ("Access policy") allows — through
//! `node(id)`, nested edges and search too. What a viewer may not see is `NOT_FOUND`; what
//! they may see but not do is `FORBIDDEN`; what the object's state refuses is `CONFLICT`.
//!
//! Each test builds its own [`World`]: a `GREEN` workspace owned by the police analyst, with a
//! contributor, an observer, a second contributor who is not named on its `RED` thread (the
//! bystander), a member who is then suspended, and a service account that reads through a
//! `read` token; an outsider of another organisation and a platform admin, neither of them a
//! member; and anonymous callers.

use std::collections::BTreeSet;

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use reqwest::StatusCode;
use serde_json::{Value, json};
use tests::{Answer, TestApp, spawn_app};

use super::collaboration::{ACCEPT, CREATE_THREAD, CREATE_WORKSPACE, INVITE, id, join, user_id};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Who {
    Owner,
    Contributor,
    Observer,
    /// A contributor who is not a recipient of the `RED` thread.
    Bystander,
    /// A member of another organisation, not of the workspace.
    Outsider,
    /// A platform admin, not a member of the workspace.
    Admin,
    /// A contributor suspended by the admin, calling with the access token they had.
    Suspended,
    Anonymous,
    /// A `read` token of a service account that is a contributor and a `RED` recipient.
    ReadToken,
}

use Who::*;

/// Everyone, in the order of the columns of the tables below.
const CAST: [Who; 9] = [
    Owner,
    Contributor,
    Observer,
    Bystander,
    Outsider,
    Admin,
    Suspended,
    Anonymous,
    ReadToken,
];

const OK: &str = "ok";
const NF: &str = "NOT_FOUND";
const FB: &str = "FORBIDDEN";
const UA: &str = "UNAUTHENTICATED";
const CF: &str = "CONFLICT";

const SEARCH_TERM: &str = "lighthouse";
const GREEN_TITLE: &str = "Lighthouse beacon";
const RED_TITLE: &str = "Lighthouse source";
const FIRST_BODY: &str = "First lighthouse findings";

// Setup.
const THREAD_WITH_POST: &str = "mutation($i: CreateThreadInput!) { createThread(input: $i) { id posts(first: 1) { nodes { id } } } }";
const POST: &str =
    "mutation($t: ID!, $b: String!) { createPost(input: { threadId: $t, body: $b }) { id } }";
const SUSPEND: &str = "mutation($id: ID!) { suspendUser(id: $id) { status } }";

// Reads.
const WORKSPACE: &str = "query($id: ID!) { workspace(id: $id) { id name viewerRole } }";
const WORKSPACE_INVITATIONS: &str =
    "query($id: ID!) { workspace(id: $id) { invitations(first: 10) { nodes { id } } } }";
const THREAD: &str = "query($id: ID!) { thread(id: $id) { id title posts(first: 10) { nodes { id body } } recipients(first: 10) { nodes { id } } } }";
const NODE: &str = "query($id: ID!) { node(id: $id) { id \
    ... on Workspace { name } \
    ... on Thread { title posts(first: 10) { nodes { id } } recipients(first: 10) { nodes { id } } } \
    ... on Post { body thread { title } versions(first: 5) { nodes { body } } reactions { reaction count } } \
    ... on Invitation { workspaceName } \
    ... on Notification { kind } } }";
const AUDIT: &str = "query($w: ID!) { auditEvents(workspaceId: $w, first: 100) { nodes { id action targetType targetId details } } }";
const PLATFORM_AUDIT: &str =
    "{ auditEvents(first: 100) { nodes { id action targetType targetId details } } }";
const WORKSPACES: &str = "{ workspaces(first: 50) { nodes { id } } }";
const INVITATIONS: &str = "{ invitations(first: 50) { nodes { id } } }";
const NOTIFICATIONS: &str = "{ notifications(first: 50) { nodes { id kind } } }";
const UNREAD: &str = "{ unreadNotificationCount }";
const SEARCH: &str = "query($q: String!) { search(query: $q, first: 50) { nodes { kind thread { id } post { id } } } }";
/// Everything a viewer lists, in one request.
const LISTS: &str = "query($w: ID!, $q: String!) { \
    workspaces(first: 50) { nodes { id } } \
    invitations(first: 50) { nodes { id } } \
    notifications(first: 50) { nodes { id kind } } \
    unreadNotificationCount \
    everywhere: search(query: $q, first: 50) { nodes { kind thread { id } post { id } } } \
    inWorkspace: search(query: $q, workspaceId: $w, first: 50) { nodes { kind thread { id } post { id } } } }";
/// A workspace with its members, threads, recipients, posts, versions and reactions.
const NESTED: &str = "query($w: ID!) { workspace(id: $w) { \
    members(first: 20) { nodes { role user { id } } } \
    threads(first: 10) { nodes { id \
      recipients(first: 10) { nodes { id } } \
      posts(first: 10) { nodes { id versions(first: 5) { nodes { version body } } reactions { reaction count viewerReacted } } } } } } }";
const NOTIFICATION_TARGETS: &str = "query($id: ID!) { node(id: $id) { ... on Notification { kind workspace { id } thread { id } post { id } } } }";

// Mutations.
const UPDATE_WORKSPACE: &str = "mutation($id: ID!) { updateWorkspace(id: $id, input: { description: \"Beacons and keepers\" }) { id } }";
const ARCHIVE_WORKSPACE: &str = "mutation($id: ID!) { archiveWorkspace(id: $id) { archived } }";
const CHANGE_ROLE: &str = "mutation($w: ID!, $u: ID!) { changeMemberRole(workspaceId: $w, userId: $u, role: CONTRIBUTOR) { role } }";
const REMOVE_MEMBER: &str =
    "mutation($w: ID!, $u: ID!) { removeMember(workspaceId: $w, userId: $u) { id } }";
const LEAVE: &str = "mutation($id: ID!) { leaveWorkspace(id: $id) }";
const DECLINE: &str = "mutation($id: ID!) { declineInvitation(id: $id) { status } }";
const REVOKE: &str = "mutation($id: ID!) { revokeInvitation(id: $id) { status } }";
const UPDATE_THREAD: &str =
    "mutation($id: ID!, $t: String!) { updateThread(id: $id, input: { title: $t }) { id } }";
const PIN: &str = "mutation($id: ID!) { pinThread(id: $id) { pinned } }";
const LOCK: &str = "mutation($id: ID!) { lockThread(id: $id) { locked } }";
const CREATE_POST: &str = "mutation($t: ID!) { createPost(input: { threadId: $t, body: \"One more observation\" }) { id } }";
const EDIT_POST: &str =
    "mutation($id: ID!) { editPost(id: $id, body: \"Findings, edited once more\") { version } }";
const REMOVE_POST: &str = "mutation($id: ID!) { removePost(id: $id) { removed } }";
const REACT: &str = "mutation($id: ID!) { react(postId: $id, reaction: EYES) { id } }";
const UNREACT: &str = "mutation($id: ID!) { unreact(postId: $id, reaction: EYES) { id } }";
const MARK_READ: &str = "mutation { markNotificationsRead }";

/// The shared situation every test starts from (see the module comment).
struct World {
    app: TestApp,
    // Credentials.
    owner: String,
    contributor: String,
    observer: String,
    bystander: String,
    outsider: String,
    admin: String,
    suspended: String,
    read_token: String,
    /// The addressee of the pending invitation; not in the cast.
    coordinator: String,
    // Accounts.
    owner_id: String,
    contributor_id: String,
    observer_id: String,
    bystander_id: String,
    suspended_id: String,
    service_id: String,
    admin_id: String,
    outsider_id: String,
    // Content.
    workspace: String,
    /// `GREEN`, started by the contributor, with `green_post` (edited once, a heart from the
    /// owner), `mention_post` (the owner mentions the contributor) and `stray_post` (by the
    /// bystander).
    green: String,
    green_post: String,
    mention_post: String,
    stray_post: String,
    /// `RED`, started by the contributor for the observer and the service account; its first
    /// post mentions the observer and the owner (who is not a recipient).
    red: String,
    red_post: String,
    /// `GREEN`, started and locked by the owner.
    locked: String,
    /// Pending, to the coordinator.
    invitation: String,
    /// The contributor's `MENTION` (from `mention_post`).
    contributor_mention: String,
    /// The observer's `MENTION` (from `red_post`).
    observer_mention: String,
}

async fn ok(app: &TestApp, token: &str, query: &str, variables: Value) -> Value {
    app.gql(Some(token), query, variables).await.ok().clone()
}

impl World {
    async fn build() -> World {
        let app = spawn_app().await;
        let admin = app.login("admin@hub.example").await;
        let owner = app.login("analyst@police.example").await;
        let contributor = app.login("researcher@vendor.example").await;
        let observer = app.login("professor@university.example").await;
        let bystander = app.login("soc@grid.example").await;
        let outsider = app.login("handler@cert.example").await;
        let suspended = app.login("investigator@police2.example").await;
        let coordinator = app.login("coordinator@hub.example").await;
        let (service_id, write_token, read_token) = service_account_tokens(&app, &admin).await;

        let workspace = ok(
            &app,
            &owner,
            CREATE_WORKSPACE,
            json!({ "i": { "name": "Operation Lighthouse", "defaultTlp": "GREEN" } }),
        )
        .await;
        let workspace = id(&workspace["createWorkspace"]);
        join(&app, &owner, &workspace, &contributor, "CONTRIBUTOR").await;
        join(&app, &owner, &workspace, &observer, "OBSERVER").await;
        join(&app, &owner, &workspace, &bystander, "CONTRIBUTOR").await;
        join(&app, &owner, &workspace, &suspended, "CONTRIBUTOR").await;
        join(&app, &owner, &workspace, &write_token, "CONTRIBUTOR").await;
        let coordinator_id = user_id(&app, &coordinator).await;
        let invitation = ok(
            &app,
            &owner,
            INVITE,
            json!({ "i": { "workspaceId": workspace, "userId": coordinator_id, "role": "OBSERVER" } }),
        )
        .await;
        let invitation = id(&invitation["inviteToWorkspace"]);

        let green = ok(
            &app,
            &contributor,
            THREAD_WITH_POST,
            json!({ "i": { "workspaceId": workspace, "title": GREEN_TITLE, "body": FIRST_BODY } }),
        )
        .await;
        let green_post = id(&green["createThread"]["posts"]["nodes"][0]);
        let green = id(&green["createThread"]);
        ok(
            &app,
            &contributor,
            "mutation($id: ID!, $b: String!) { editPost(id: $id, body: $b) { version } }",
            json!({ "id": green_post, "b": format!("{FIRST_BODY}, revised") }),
        )
        .await;
        ok(
            &app,
            &owner,
            "mutation($id: ID!) { react(postId: $id, reaction: HEART) { id } }",
            json!({ "id": green_post }),
        )
        .await;
        let mention_post = ok(
            &app,
            &owner,
            POST,
            json!({ "t": green, "b": "@researcher@vendor.example the lighthouse is confirmed" }),
        )
        .await;
        let mention_post = id(&mention_post["createPost"]);
        let stray_post = ok(
            &app,
            &bystander,
            POST,
            json!({ "t": green, "b": "An off-topic remark" }),
        )
        .await;
        let stray_post = id(&stray_post["createPost"]);

        let observer_id = user_id(&app, &observer).await;
        let red = ok(
            &app,
            &contributor,
            THREAD_WITH_POST,
            json!({ "i": {
                "workspaceId": workspace,
                "title": RED_TITLE,
                "tlp": "RED",
                "recipientIds": [observer_id, service_id],
                "body": "Lighthouse source identity, for @professor@university.example and not @analyst@police.example",
            } }),
        )
        .await;
        let red_post = id(&red["createThread"]["posts"]["nodes"][0]);
        let red = id(&red["createThread"]);

        let locked = ok(
            &app,
            &owner,
            CREATE_THREAD,
            json!({ "i": { "workspaceId": workspace, "title": "Closed matter" } }),
        )
        .await;
        let locked = id(&locked["createThread"]);
        ok(&app, &owner, LOCK, json!({ "id": locked })).await;

        let contributor_mention = mention_of(&app, &contributor).await;
        let observer_mention = mention_of(&app, &observer).await;

        // The investigator worked in the workspace; then the admin suspends them.
        ok(&app, &suspended, WORKSPACE, json!({ "id": workspace })).await;
        let suspended_id = user_id(&app, &suspended).await;
        ok(&app, &admin, SUSPEND, json!({ "id": suspended_id })).await;

        World {
            owner_id: user_id(&app, &owner).await,
            contributor_id: user_id(&app, &contributor).await,
            bystander_id: user_id(&app, &bystander).await,
            admin_id: user_id(&app, &admin).await,
            outsider_id: user_id(&app, &outsider).await,
            observer_id,
            suspended_id,
            service_id,
            app,
            owner,
            contributor,
            observer,
            bystander,
            outsider,
            admin,
            suspended,
            read_token,
            coordinator,
            workspace,
            green,
            green_post,
            mention_post,
            stray_post,
            red,
            red_post,
            locked,
            invitation,
            contributor_mention,
            observer_mention,
        }
    }

    fn token(&self, who: Who) -> Option<&str> {
        Some(match who {
            Owner => &self.owner,
            Contributor => &self.contributor,
            Observer => &self.observer,
            Bystander => &self.bystander,
            Outsider => &self.outsider,
            Admin => &self.admin,
            Suspended => &self.suspended,
            Anonymous => return None,
            ReadToken => &self.read_token,
        })
    }

    async fn as_(&self, who: Who, query: &str, variables: Value) -> Answer {
        self.app.gql(self.token(who), query, variables).await
    }
}

/// A service account of Sentinel Threat Research with a `write` and a `read` token; returns
/// (account id, write token, read token).
async fn service_account_tokens(app: &TestApp, admin: &str) -> (String, String, String) {
    let organizations = ok(
        app,
        admin,
        "{ organizations(first: 100) { nodes { id name } } }",
        json!({}),
    )
    .await;
    let organization = organizations["organizations"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["name"] == "Sentinel Threat Research")
        .map(id)
        .unwrap();
    let account = ok(
        app,
        admin,
        "mutation($o: ID!) { createServiceAccount(input: { organizationId: $o, displayName: \"Feed reader\" }) { id } }",
        json!({ "o": organization }),
    )
    .await;
    let account = id(&account["createServiceAccount"]);
    let mut secrets = Vec::new();
    for scope in ["write", "read"] {
        let token = ok(
            app,
            admin,
            "mutation($a: ID!, $s: [String!]!) { createApiToken(input: { serviceAccountId: $a, name: \"feed\", scopes: $s }) { token } }",
            json!({ "a": account, "s": [scope] }),
        )
        .await;
        secrets.push(
            token["createApiToken"]["token"]
                .as_str()
                .unwrap()
                .to_owned(),
        );
    }
    let read = secrets.pop().unwrap();
    let write = secrets.pop().unwrap();
    (account, write, read)
}

/// The id of the one `MENTION` notification of the account of `token`.
async fn mention_of(app: &TestApp, token: &str) -> String {
    let listed = ok(app, token, NOTIFICATIONS, json!({})).await;
    let mentions: Vec<String> = listed["notifications"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["kind"] == "MENTION")
        .map(id)
        .collect();
    assert_eq!(mentions.len(), 1, "{listed}");
    mentions[0].clone()
}

/// The raw uuid inside a global id (as audit events show targets).
fn raw_id(global: &str) -> String {
    let decoded = String::from_utf8(URL_SAFE_NO_PAD.decode(global).unwrap()).unwrap();
    decoded.split_once(':').unwrap().1.to_owned()
}

/// One row of a matrix: an operation and what each of the [`CAST`] must get, in its order.
struct Case {
    name: &'static str,
    query: &'static str,
    variables: Value,
    expected: [&'static str; 9],
}

fn case(
    name: &'static str,
    query: &'static str,
    variables: Value,
    expected: [&'static str; 9],
) -> Case {
    Case {
        name,
        query,
        variables,
        expected,
    }
}

/// `ok`, or the code of the first error.
fn outcome(answer: &Answer) -> String {
    if answer.body.get("errors").is_none() {
        return OK.to_owned();
    }
    answer
        .code()
        .unwrap_or("(an error without a code)")
        .to_owned()
}

/// The top-level fields of the answer's data (none when `data` is null).
fn top_level(answer: &Answer) -> Vec<&Value> {
    answer
        .data()
        .as_object()
        .map(|fields| fields.values().collect())
        .unwrap_or_default()
}

/// Replays every case as every member of the cast, in order (so a mutation that succeeds
/// for an earlier column has happened for the later ones), and fails listing every cell
/// that differs.
async fn replay(world: &World, cases: &[Case]) {
    let mut wrong = Vec::new();
    for case in cases {
        for (who, expected) in CAST.into_iter().zip(case.expected) {
            let answer = world.as_(who, case.query, case.variables.clone()).await;
            let got = outcome(&answer);
            let cell = format!("{} as {who:?}", case.name);
            if got != expected {
                wrong.push(format!(
                    "{cell}: expected {expected}, got {got}: {}",
                    answer.body
                ));
                continue;
            }
            let fields = top_level(&answer);
            if expected == OK && (fields.is_empty() || fields.iter().any(|v| v.is_null())) {
                wrong.push(format!("{cell}: allowed but no data: {}", answer.body));
            }
            if expected != OK && fields.iter().any(|v| !v.is_null()) {
                wrong.push(format!(
                    "{cell}: denied but data came back: {}",
                    answer.body
                ));
            }
            if who == Suspended && answer.status != StatusCode::UNAUTHORIZED {
                wrong.push(format!("{cell}: HTTP {} instead of 401", answer.status));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "{} cell(s) of the matrix differ (columns: {CAST:?}):\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

#[tokio::test]
async fn each_viewer_finds_exactly_the_workspace_content_the_policy_lets_them_read() {
    // Arrange
    let w = World::build().await;
    #[rustfmt::skip]
    let cases = [
        //                                                             Owner Contr Obs Bystdr Outsdr Admin Susp Anon ReadTok
        case("workspace(id)", WORKSPACE, json!({ "id": w.workspace }), [OK, OK, OK, OK, NF, NF, UA, NF, OK]),
        case("node(workspace)", NODE, json!({ "id": w.workspace }), [OK, OK, OK, OK, NF, NF, UA, NF, OK]),
        case("thread(green)", THREAD, json!({ "id": w.green }), [OK, OK, OK, OK, NF, NF, UA, NF, OK]),
        case("node(green thread)", NODE, json!({ "id": w.green }), [OK, OK, OK, OK, NF, NF, UA, NF, OK]),
        case("node(post in green)", NODE, json!({ "id": w.green_post }), [OK, OK, OK, OK, NF, NF, UA, NF, OK]),
        case("thread(red)", THREAD, json!({ "id": w.red }), [NF, OK, OK, NF, NF, NF, UA, NF, OK]),
        case("node(red thread)", NODE, json!({ "id": w.red }), [NF, OK, OK, NF, NF, NF, UA, NF, OK]),
        case("node(post in red)", NODE, json!({ "id": w.red_post }), [NF, OK, OK, NF, NF, NF, UA, NF, OK]),
        case("node(pending invitation)", NODE, json!({ "id": w.invitation }), [OK, NF, NF, NF, NF, NF, UA, NF, NF]),
        case("node(contributor's notification)", NODE, json!({ "id": w.contributor_mention }), [NF, OK, NF, NF, NF, NF, UA, NF, NF]),
        case("node(observer's notification)", NODE, json!({ "id": w.observer_mention }), [NF, NF, OK, NF, NF, NF, UA, NF, NF]),
        case("Workspace.invitations", WORKSPACE_INVITATIONS, json!({ "id": w.workspace }), [OK, FB, FB, FB, NF, NF, UA, NF, FB]),
        // The schema grants platform admins a workspace's audit log (see the tenant-matrix report).
        case("auditEvents(workspaceId)", AUDIT, json!({ "w": w.workspace }), [OK, FB, FB, FB, NF, OK, UA, NF, FB]),
        case("workspaces", WORKSPACES, json!({}), [OK, OK, OK, OK, OK, OK, UA, UA, OK]),
        case("invitations", INVITATIONS, json!({}), [OK, OK, OK, OK, OK, OK, UA, UA, OK]),
        case("notifications", NOTIFICATIONS, json!({}), [OK, OK, OK, OK, OK, OK, UA, UA, OK]),
        case("unreadNotificationCount", UNREAD, json!({}), [OK, OK, OK, OK, OK, OK, UA, UA, OK]),
        case("search", SEARCH, json!({ "q": SEARCH_TERM }), [OK, OK, OK, OK, OK, OK, UA, UA, OK]),
    ];

    // Act + Assert
    replay(&w, &cases).await;

    // The invitee sees the invitation (and it in their list), not yet the workspace.
    let seen = w
        .app
        .gql(Some(&w.coordinator), NODE, json!({ "id": w.invitation }))
        .await;
    assert_eq!(
        seen.ok()["node"]["workspaceName"],
        "Operation Lighthouse",
        "{}",
        seen.body
    );
    let listed = ok(&w.app, &w.coordinator, INVITATIONS, json!({})).await;
    assert_eq!(
        listed["invitations"]["nodes"],
        json!([{ "id": w.invitation }])
    );
    let workspace = w
        .app
        .gql(
            Some(&w.coordinator),
            WORKSPACE,
            json!({ "id": w.workspace }),
        )
        .await;
    assert_eq!(workspace.code(), Some(NF));
}

/// What one viewer should list; see [`expected_lists`].
#[derive(Debug, PartialEq, Eq)]
struct Lists {
    workspaces: BTreeSet<String>,
    invitations: BTreeSet<String>,
    notification_kinds: Vec<String>,
    unread: u64,
    search: BTreeSet<String>,
    search_in_workspace: BTreeSet<String>,
}

fn ids_of(nodes: &Value) -> BTreeSet<String> {
    nodes.as_array().unwrap().iter().map(id).collect()
}

fn hits(nodes: &Value) -> BTreeSet<String> {
    nodes
        .as_array()
        .unwrap()
        .iter()
        .map(|hit| match hit["kind"].as_str().unwrap() {
            "THREAD" => format!("thread {}", id(&hit["thread"])),
            _ => format!("post {} in {}", id(&hit["post"]), id(&hit["thread"])),
        })
        .collect()
}

fn lists_of(data: &Value) -> Lists {
    let mut notification_kinds: Vec<String> = data["notifications"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["kind"].as_str().unwrap().to_owned())
        .collect();
    notification_kinds.sort();
    Lists {
        workspaces: ids_of(&data["workspaces"]["nodes"]),
        invitations: ids_of(&data["invitations"]["nodes"]),
        notification_kinds,
        unread: data["unreadNotificationCount"].as_u64().unwrap(),
        search: hits(&data["everywhere"]["nodes"]),
        search_in_workspace: hits(&data["inWorkspace"]["nodes"]),
    }
}

fn member(who: Who) -> bool {
    !matches!(who, Outsider | Admin | Anonymous)
}

fn reads_red(who: Who) -> bool {
    matches!(who, Contributor | Observer | ReadToken)
}

fn expected_lists(w: &World, who: Who) -> Lists {
    let notification_kinds: &[&str] = match who {
        Contributor | Observer => &["INVITATION", "MENTION"],
        Bystander | ReadToken => &["INVITATION"],
        _ => &[],
    };
    let mut search = BTreeSet::new();
    if member(who) {
        search.insert(format!("thread {}", w.green));
        search.insert(format!("post {} in {}", w.green_post, w.green));
        search.insert(format!("post {} in {}", w.mention_post, w.green));
    }
    if reads_red(who) {
        search.insert(format!("thread {}", w.red));
        search.insert(format!("post {} in {}", w.red_post, w.red));
    }
    Lists {
        workspaces: member(who)
            .then(|| w.workspace.clone())
            .into_iter()
            .collect(),
        invitations: BTreeSet::new(),
        notification_kinds: notification_kinds.iter().map(|k| (*k).to_owned()).collect(),
        unread: notification_kinds.len() as u64,
        search_in_workspace: search.clone(),
        search,
    }
}

/// A workspace's members, threads, recipients, posts, versions and reactions, one line each.
fn nested_of(data: &Value) -> BTreeSet<String> {
    let workspace = &data["workspace"];
    let mut lines = BTreeSet::new();
    for m in workspace["members"]["nodes"].as_array().unwrap() {
        lines.insert(format!("member {} {}", id(&m["user"]), m["role"]));
    }
    for t in workspace["threads"]["nodes"].as_array().unwrap() {
        let recipients = ids_of(&t["recipients"]["nodes"]);
        let posts: Vec<String> = t["posts"]["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .map(id)
            .collect();
        lines.insert(format!(
            "thread {} recipients {recipients:?} posts {posts:?}",
            id(t)
        ));
        for p in t["posts"]["nodes"].as_array().unwrap() {
            let versions = &p["versions"]["nodes"];
            let reactions = &p["reactions"];
            if versions != &json!([]) || reactions != &json!([]) {
                lines.insert(format!(
                    "post {} versions {versions} reactions {reactions}",
                    id(p)
                ));
            }
        }
    }
    lines
}

fn expected_nested(w: &World, who: Who) -> BTreeSet<String> {
    let mut lines = BTreeSet::new();
    for (user, role) in [
        (&w.owner_id, "OWNER"),
        (&w.contributor_id, "CONTRIBUTOR"),
        (&w.observer_id, "OBSERVER"),
        (&w.bystander_id, "CONTRIBUTOR"),
        (&w.suspended_id, "CONTRIBUTOR"),
        (&w.service_id, "CONTRIBUTOR"),
    ] {
        lines.insert(format!("member {user} \"{role}\""));
    }
    let none = BTreeSet::<String>::new();
    let posts = vec![
        w.green_post.clone(),
        w.mention_post.clone(),
        w.stray_post.clone(),
    ];
    lines.insert(format!(
        "thread {} recipients {none:?} posts {posts:?}",
        w.green
    ));
    lines.insert(format!(
        "thread {} recipients {none:?} posts {:?}",
        w.locked,
        Vec::<String>::new()
    ));
    lines.insert(format!(
        "post {} versions {} reactions {}",
        w.green_post,
        json!([{ "version": 1, "body": FIRST_BODY }]),
        json!([{ "reaction": "HEART", "count": 1, "viewerReacted": who == Owner }]),
    ));
    if reads_red(who) {
        let recipients: BTreeSet<String> = [&w.contributor_id, &w.observer_id, &w.service_id]
            .into_iter()
            .cloned()
            .collect();
        lines.insert(format!(
            "thread {} recipients {recipients:?} posts {:?}",
            w.red,
            vec![w.red_post.clone()]
        ));
    }
    lines
}

#[tokio::test]
async fn lists_nested_edges_and_search_show_each_viewer_exactly_what_they_may_read() {
    // Arrange
    let w = World::build().await;
    let readers = [
        Owner,
        Contributor,
        Observer,
        Bystander,
        Outsider,
        Admin,
        ReadToken,
    ];

    for who in readers {
        // Act
        let lists = w
            .as_(who, LISTS, json!({ "w": w.workspace, "q": SEARCH_TERM }))
            .await;

        // Assert
        assert_eq!(
            lists_of(lists.ok()),
            expected_lists(&w, who),
            "lists as {who:?}: {}",
            lists.body
        );
        if member(who) {
            let nested = w.as_(who, NESTED, json!({ "w": w.workspace })).await;
            assert_eq!(
                nested_of(nested.ok()),
                expected_nested(&w, who),
                "nested edges as {who:?}: {}",
                nested.body
            );
        }
    }
}

#[tokio::test]
async fn every_mutation_answers_each_viewer_as_the_policy_says() {
    // Arrange
    let w = World::build().await;
    let ws = || json!({ "id": w.workspace });
    let on = |id: &str| json!({ "id": id });
    let post_to = |id: &str| json!({ "t": id });
    // Before the matrix changes the world: the invitee can see the invitation, so withdrawing
    // it is refused, not hidden.
    let revoked_by_invitee = w
        .app
        .gql(Some(&w.coordinator), REVOKE, on(&w.invitation))
        .await;
    assert_eq!(
        revoked_by_invitee.code(),
        Some(FB),
        "{}",
        revoked_by_invitee.body
    );
    // Another account's notification ids change nothing.
    let marked = w
        .as_(
            Owner,
            "mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }",
            json!({ "ids": [w.contributor_mention] }),
        )
        .await;
    assert_eq!(marked.ok()["markNotificationsRead"], 0);
    let unread = w.as_(Contributor, UNREAD, json!({})).await;
    assert_eq!(unread.ok()["unreadNotificationCount"], 2);
    // Rows run top to bottom, each left to right: a success changes the world for what follows
    // (the owner removes the suspended member, revokes the invitation, and cannot leave last).
    #[rustfmt::skip]
    let cases = [
        //                                                                        Owner Contr Obs Bystdr Outsdr Admin Susp Anon ReadTok
        case("createWorkspace", CREATE_WORKSPACE, json!({ "i": { "name": "Side project" } }), [OK, OK, OK, OK, OK, OK, UA, UA, FB]),
        case("updateWorkspace", UPDATE_WORKSPACE, ws(), [OK, FB, FB, FB, NF, NF, UA, NF, FB]),
        case("changeMemberRole", CHANGE_ROLE, json!({ "w": w.workspace, "u": w.bystander_id }), [OK, FB, FB, FB, NF, NF, UA, NF, FB]),
        case("inviteToWorkspace", INVITE, json!({ "i": { "workspaceId": w.workspace, "userId": w.admin_id, "role": "OBSERVER" } }), [OK, FB, FB, FB, NF, NF, UA, NF, FB]),
        case("removeMember", REMOVE_MEMBER, json!({ "w": w.workspace, "u": w.suspended_id }), [OK, FB, FB, FB, NF, NF, UA, NF, FB]),
        case("createThread", CREATE_THREAD, json!({ "i": { "workspaceId": w.workspace, "title": "Another angle" } }), [OK, OK, FB, OK, NF, NF, UA, NF, FB]),
        case("updateThread(green)", UPDATE_THREAD, json!({ "id": w.green, "t": GREEN_TITLE }), [OK, OK, FB, FB, NF, NF, UA, NF, FB]),
        case("updateThread(red)", UPDATE_THREAD, json!({ "id": w.red, "t": RED_TITLE }), [NF, OK, FB, NF, NF, NF, UA, NF, FB]),
        case("pinThread(green)", PIN, on(&w.green), [OK, FB, FB, FB, NF, NF, UA, NF, FB]),
        case("pinThread(red)", PIN, on(&w.red), [NF, FB, FB, NF, NF, NF, UA, NF, FB]),
        case("lockThread(locked)", LOCK, on(&w.locked), [OK, FB, FB, FB, NF, NF, UA, NF, FB]),
        case("createPost(green)", CREATE_POST, post_to(&w.green), [OK, OK, FB, OK, NF, NF, UA, NF, FB]),
        case("createPost(red)", CREATE_POST, post_to(&w.red), [NF, OK, FB, NF, NF, NF, UA, NF, FB]),
        case("createPost(locked)", CREATE_POST, post_to(&w.locked), [CF, CF, FB, CF, NF, NF, UA, NF, FB]),
        case("editPost(contributor's, green)", EDIT_POST, on(&w.green_post), [FB, OK, FB, FB, NF, NF, UA, NF, FB]),
        case("editPost(contributor's, red)", EDIT_POST, on(&w.red_post), [NF, OK, FB, NF, NF, NF, UA, NF, FB]),
        case("removePost(bystander's)", REMOVE_POST, on(&w.stray_post), [OK, FB, FB, FB, NF, NF, UA, NF, FB]),
        case("react(green)", REACT, on(&w.green_post), [OK, OK, FB, OK, NF, NF, UA, NF, FB]),
        case("unreact(green)", UNREACT, on(&w.green_post), [OK, OK, FB, OK, NF, NF, UA, NF, FB]),
        case("react(red)", REACT, on(&w.red_post), [NF, OK, FB, NF, NF, NF, UA, NF, FB]),
        case("unreact(red)", UNREACT, on(&w.red_post), [NF, OK, FB, NF, NF, NF, UA, NF, FB]),
        case("acceptInvitation(coordinator's)", ACCEPT, on(&w.invitation), [FB, NF, NF, NF, NF, NF, UA, UA, FB]),
        case("declineInvitation(coordinator's)", DECLINE, on(&w.invitation), [FB, NF, NF, NF, NF, NF, UA, UA, FB]),
        case("revokeInvitation(coordinator's)", REVOKE, on(&w.invitation), [OK, NF, NF, NF, NF, NF, UA, NF, NF]),
        case("markNotificationsRead", MARK_READ, json!({}), [OK, OK, OK, OK, OK, OK, UA, UA, FB]),
        case("leaveWorkspace", LEAVE, ws(), [CF, OK, OK, OK, NF, NF, UA, NF, FB]),
    ];

    // Act + Assert
    replay(&w, &cases).await;
}

#[tokio::test]
async fn an_archived_workspace_stays_readable_and_refuses_every_change() {
    // Arrange
    let w = World::build().await;
    let ws = || json!({ "id": w.workspace });
    let on = |id: &str| json!({ "id": id });
    let post_to = |id: &str| json!({ "t": id });
    #[rustfmt::skip]
    let cases = [
        //                                                                        Owner Contr Obs Bystdr Outsdr Admin Susp Anon ReadTok
        case("archiveWorkspace", ARCHIVE_WORKSPACE, ws(), [OK, FB, FB, FB, NF, NF, UA, NF, FB]),
        case("workspace(id)", WORKSPACE, ws(), [OK, OK, OK, OK, NF, NF, UA, NF, OK]),
        case("thread(red)", THREAD, on(&w.red), [NF, OK, OK, NF, NF, NF, UA, NF, OK]),
        case("updateWorkspace", UPDATE_WORKSPACE, ws(), [CF, FB, FB, FB, NF, NF, UA, NF, FB]),
        case("inviteToWorkspace", INVITE, json!({ "i": { "workspaceId": w.workspace, "userId": w.outsider_id } }), [CF, FB, FB, FB, NF, NF, UA, NF, FB]),
        case("createThread", CREATE_THREAD, json!({ "i": { "workspaceId": w.workspace, "title": "Too late" } }), [CF, CF, FB, CF, NF, NF, UA, NF, FB]),
        case("updateThread(green)", UPDATE_THREAD, json!({ "id": w.green, "t": "Renamed" }), [CF, CF, FB, FB, NF, NF, UA, NF, FB]),
        case("pinThread(green)", PIN, on(&w.green), [CF, FB, FB, FB, NF, NF, UA, NF, FB]),
        case("createPost(green)", CREATE_POST, post_to(&w.green), [CF, CF, FB, CF, NF, NF, UA, NF, FB]),
        case("createPost(red)", CREATE_POST, post_to(&w.red), [NF, CF, FB, NF, NF, NF, UA, NF, FB]),
        case("editPost(contributor's, green)", EDIT_POST, on(&w.green_post), [FB, CF, FB, FB, NF, NF, UA, NF, FB]),
        case("removePost(bystander's)", REMOVE_POST, on(&w.stray_post), [CF, FB, FB, FB, NF, NF, UA, NF, FB]),
        case("react(green)", REACT, on(&w.green_post), [CF, CF, FB, CF, NF, NF, UA, NF, FB]),
    ];

    // Act + Assert
    replay(&w, &cases).await;
    let accepted = w
        .app
        .gql(Some(&w.coordinator), ACCEPT, on(&w.invitation))
        .await;
    assert_eq!(accepted.code(), Some(CF), "{}", accepted.body);
}

#[tokio::test]
async fn a_recipient_taken_off_a_red_thread_loses_it_everywhere() {
    // Arrange
    let w = World::build().await;

    // Act: its author names only the service account now.
    ok(
        &w.app,
        &w.contributor,
        "mutation($id: ID!, $r: [ID!]) { updateThread(id: $id, input: { recipientIds: $r }) { id } }",
        json!({ "id": w.red, "r": [w.service_id] }),
    )
    .await;

    // Assert
    #[rustfmt::skip]
    let cases = [
        //                                                          Owner Contr Obs Bystdr Outsdr Admin Susp Anon ReadTok
        case("thread(red)", THREAD, json!({ "id": w.red }), [NF, OK, NF, NF, NF, NF, UA, NF, OK]),
        case("node(post in red)", NODE, json!({ "id": w.red_post }), [NF, OK, NF, NF, NF, NF, UA, NF, OK]),
        case("react(red)", REACT, json!({ "id": w.red_post }), [NF, OK, NF, NF, NF, NF, UA, NF, FB]),
    ];
    replay(&w, &cases).await;
    let lists = w
        .as_(
            Observer,
            LISTS,
            json!({ "w": w.workspace, "q": SEARCH_TERM }),
        )
        .await;
    let lists = lists_of(lists.ok());
    assert_eq!(lists.search, expected_lists(&w, Bystander).search);
    assert_eq!(
        lists.search_in_workspace,
        expected_lists(&w, Bystander).search
    );
    let nested = w.as_(Observer, NESTED, json!({ "w": w.workspace })).await;
    assert_eq!(
        nested_of(nested.ok()),
        expected_nested(&w, Bystander),
        "{}",
        nested.body
    );
    // The notification stays the observer's, but no longer leads to the thread or its post.
    let notification = w
        .as_(
            Observer,
            NOTIFICATION_TARGETS,
            json!({ "id": w.observer_mention }),
        )
        .await;
    assert_eq!(
        notification.ok()["node"],
        json!({ "kind": "MENTION", "workspace": { "id": w.workspace }, "thread": null, "post": null })
    );
    let listed = w.as_(Observer, NOTIFICATIONS, json!({})).await;
    assert!(
        listed.ok()["notifications"]["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n["id"] == w.observer_mention.as_str())
    );
}

#[tokio::test]
async fn the_audit_log_shows_no_trace_of_a_red_thread_to_those_it_does_not_name() {
    // Arrange
    let w = World::build().await;
    let red_traces = [raw_id(&w.red), raw_id(&w.red_post), RED_TITLE.to_owned()];
    let name_recipients = |recipients: Vec<&String>| {
        w.app.gql(
            Some(&w.contributor),
            "mutation($id: ID!, $r: [ID!]) { updateThread(id: $id, input: { recipientIds: $r }) { id } }",
            json!({ "id": w.red, "r": recipients }),
        )
    };

    // Act
    let owner_log = w.as_(Owner, AUDIT, json!({ "w": w.workspace })).await;
    let admin_log = w.as_(Admin, AUDIT, json!({ "w": w.workspace })).await;
    let platform_log = w.as_(Admin, PLATFORM_AUDIT, json!({})).await;

    // Assert: the owner and the admin see the workspace's history, without the RED thread.
    for (log, name) in [
        (&owner_log, "the owner's workspace log"),
        (&admin_log, "the admin's workspace log"),
        (&platform_log, "the platform log"),
    ] {
        let log = log.ok().to_string();
        assert!(log.contains(&raw_id(&w.green)), "{name}: {log}");
        for trace in &red_traces {
            assert!(!log.contains(trace.as_str()), "{trace} in {name}: {log}");
        }
    }

    // Named, the owner finds the thread's history; taken off again, not even one event by id.
    name_recipients(vec![&w.observer_id, &w.service_id, &w.owner_id])
        .await
        .ok();
    let named_log = w.as_(Owner, AUDIT, json!({ "w": w.workspace })).await;
    let created = named_log.ok()["auditEvents"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["action"] == "thread.create" && e["targetId"] == raw_id(&w.red).as_str())
        .map(id)
        .unwrap_or_else(|| panic!("no thread.create of the red thread: {}", named_log.body));
    name_recipients(vec![&w.observer_id, &w.service_id])
        .await
        .ok();
    for who in [Owner, Admin] {
        let event = w.as_(who, NODE, json!({ "id": created })).await;
        assert_eq!(event.code(), Some(NF), "as {who:?}: {}", event.body);
    }
}
