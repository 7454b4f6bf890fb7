//! Threads and posts: TLP markings and RED recipients, pinning, locking, ordering by activity,
//! posts with replies, edits, removal and reactions, sanitised HTML, mentions and other
//! notifications, and search.

use std::collections::HashSet;

use serde_json::{Value, json};
use tests::{Answer, TestApp, spawn_app};

use super::{
    collaboration::{CREATE_POST, CREATE_THREAD, INVITE, id, join, user_id},
    workspaces::{assert_code, create_workspace, field, nodes, unknown_id},
};

const UPDATE_THREAD: &str = "mutation($id: ID!, $i: UpdateThreadInput!) { updateThread(id: $id, input: $i) { id title tlp recipients { edges { node { email } } } } }";
const THREAD: &str = "query($id: ID!) { thread(id: $id) { id title tlp pinned locked viewerCanPost viewerCanModerate lastActivityAt author { email } recipients { edges { node { email } } } posts(first: 100) { edges { node { id body removed } } } } }";
const THREADS: &str = "query($id: ID!, $first: Int, $after: String) { workspace(id: $id) { threads(first: $first, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id title } } } } }";
const PIN: &str =
    "mutation($id: ID!, $on: Boolean!) { pinThread(id: $id, pinned: $on) { pinned } }";
const LOCK: &str = "mutation($id: ID!, $on: Boolean!) { lockThread(id: $id, locked: $on) { locked viewerCanPost } }";
const POST_FIELDS: &str = "id body bodyHtml version editedAt removed removedAt removedBy { email } viewerCanEdit author { email } replyTo { id } reactions { reaction count viewerReacted } versions(first: 100) { edges { node { version body createdAt } } }";
const EDIT: &str = "mutation($id: ID!, $body: String!) { editPost(id: $id, body: $body) { id body version editedAt } }";
const REMOVE: &str = "mutation($id: ID!) { removePost(id: $id, reason: \"spam\") { id removed } }";
const REACT: &str = "mutation($id: ID!, $r: Reaction!) { react(postId: $id, reaction: $r) { reactions { reaction count viewerReacted } } }";
const UNREACT: &str = "mutation($id: ID!, $r: Reaction!) { unreact(postId: $id, reaction: $r) { reactions { reaction count viewerReacted } } }";
const NOTIFICATIONS: &str = "query($unread: Boolean!) { unreadNotificationCount notifications(unreadOnly: $unread, first: 100) { edges { node { id kind read readAt actor { email } workspace { id } thread { id title } post { id body } invitationId } } } }";
const MARK_READ: &str = "mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }";
const SEARCH: &str = "query($q: String!, $w: ID, $first: Int, $after: String) { search(query: $q, workspaceId: $w, first: $first, after: $after) { pageInfo { hasNextPage endCursor } edges { node { kind rank snippetHtml thread { id title } post { id body } } } } }";

/// A workspace with one member per role, and an outsider.
struct Team {
    app: TestApp,
    workspace: String,
    owner: String,
    moderator: String,
    contributor: String,
    observer: String,
    outsider: String,
}

async fn team(default_tlp: &str) -> Team {
    let app = spawn_app().await;
    let owner = app.login("analyst@police.example").await;
    let moderator = app.login("investigator@police2.example").await;
    let contributor = app.login("researcher@vendor.example").await;
    let observer = app.login("professor@university.example").await;
    let outsider = app.login("handler@cert.example").await;
    let workspace = create_workspace(
        &app,
        &owner,
        json!({ "name": "Operation Nightjar", "defaultTlp": default_tlp }),
    )
    .await;
    join(&app, &owner, &workspace, &moderator, "MODERATOR").await;
    join(&app, &owner, &workspace, &contributor, "CONTRIBUTOR").await;
    join(&app, &owner, &workspace, &observer, "OBSERVER").await;
    Team {
        app,
        workspace,
        owner,
        moderator,
        contributor,
        observer,
        outsider,
    }
}

impl Team {
    /// Starts a thread as `token` with these extra input fields; returns the answer.
    async fn try_thread(&self, token: &str, title: &str, extra: Value) -> Answer {
        let mut input = json!({ "workspaceId": self.workspace, "title": title });
        if let (Some(input), Some(extra)) = (input.as_object_mut(), extra.as_object()) {
            input.extend(extra.clone());
        }
        self.app
            .gql(Some(token), CREATE_THREAD, json!({ "i": input }))
            .await
    }

    async fn thread(&self, token: &str, title: &str, extra: Value) -> String {
        id(&self.try_thread(token, title, extra).await.ok()["createThread"])
    }

    async fn try_post(
        &self,
        token: &str,
        thread: &str,
        body: &str,
        reply_to: Option<&str>,
    ) -> Answer {
        self.app
            .gql(
                Some(token),
                CREATE_POST,
                json!({ "i": { "threadId": thread, "body": body, "replyTo": reply_to } }),
            )
            .await
    }

    async fn post(&self, token: &str, thread: &str, body: &str) -> String {
        id(&self.try_post(token, thread, body, None).await.ok()["createPost"])
    }

    async fn reply(&self, token: &str, thread: &str, body: &str, parent: &str) -> String {
        id(&self.try_post(token, thread, body, Some(parent)).await.ok()["createPost"])
    }

    /// A post with every field, as `token` sees it.
    async fn read_post(&self, token: &str, post: &str) -> Value {
        let query =
            format!("query($id: ID!) {{ node(id: $id) {{ ... on Post {{ {POST_FIELDS} }} }} }}");
        self.app
            .gql(Some(token), &query, json!({ "id": post }))
            .await
            .ok()["node"]
            .clone()
    }

    /// Titles of the workspace's threads as `token` sees them, in the API's order.
    async fn thread_titles(&self, token: &str) -> Vec<String> {
        let answer = self
            .app
            .gql(
                Some(token),
                THREADS,
                json!({ "id": self.workspace, "first": 100 }),
            )
            .await;
        nodes(&answer.ok()["workspace"]["threads"])
            .iter()
            .map(|t| t["title"].as_str().unwrap().to_owned())
            .collect()
    }

    /// The viewer's notifications about posts (the invitation that brought a member in
    /// left out).
    async fn notifications(&self, token: &str) -> Vec<Value> {
        notifications(&self.app, token, false)
            .await
            .into_iter()
            .filter(|n| n["kind"] != "INVITATION")
            .collect()
    }

    async fn search(&self, token: &str, query: &str) -> Vec<Value> {
        search(&self.app, token, query).await
    }
}

async fn notifications(app: &TestApp, token: &str, unread_only: bool) -> Vec<Value> {
    let answer = app
        .gql(Some(token), NOTIFICATIONS, json!({ "unread": unread_only }))
        .await;
    nodes(&answer.ok()["notifications"])
}

async fn unread_count(app: &TestApp, token: &str) -> i64 {
    let answer = app
        .gql(Some(token), "{ unreadNotificationCount }", json!({}))
        .await;
    answer.ok()["unreadNotificationCount"].as_i64().unwrap()
}

async fn search(app: &TestApp, token: &str, query: &str) -> Vec<Value> {
    let answer = app
        .gql(Some(token), SEARCH, json!({ "q": query, "first": 100 }))
        .await;
    nodes(&answer.ok()["search"])
}

/// The count of one reaction in a `reactions` list (absent means none).
fn count_of(reactions: &Value, reaction: &str) -> (i64, bool) {
    reactions
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["reaction"] == reaction)
        .map_or((0, false), |r| {
            (
                r["count"].as_i64().unwrap(),
                r["viewerReacted"].as_bool().unwrap(),
            )
        })
}

fn assert_bad_input(answer: &Answer, expected_field: &str, case: &str) {
    assert_code(answer, "BAD_USER_INPUT", case);
    assert_eq!(
        field(answer),
        Some(expected_field),
        "{case}: {}",
        answer.body
    );
}

// --- threads ---------------------------------------------------------------------------

#[tokio::test]
async fn a_thread_is_never_marked_less_strictly_than_its_workspace() {
    // Arrange
    let team = team("AMBER").await;
    let cases = [
        ("no marking", json!(null), Some("AMBER")),
        ("CLEAR", json!("CLEAR"), None),
        ("GREEN", json!("GREEN"), None),
        ("AMBER", json!("AMBER"), Some("AMBER")),
        ("AMBER_STRICT", json!("AMBER_STRICT"), Some("AMBER_STRICT")),
    ];

    for (case, tlp, expected) in cases {
        // Act
        let answer = team
            .try_thread(&team.contributor, case, json!({ "tlp": tlp }))
            .await;

        // Assert
        match expected {
            Some(tlp) => assert_eq!(answer.ok()["createThread"]["tlp"], tlp, "{case}"),
            None => assert_bad_input(&answer, "tlp", case),
        }
    }
    let amber = team
        .thread(&team.contributor, "To be lowered", json!({}))
        .await;
    let lowered = team
        .app
        .gql(
            Some(&team.contributor),
            UPDATE_THREAD,
            json!({ "id": amber, "i": { "tlp": "GREEN" } }),
        )
        .await;
    assert_bad_input(&lowered, "tlp", "lowered below the workspace");
    let mut titles = team.thread_titles(&team.owner).await;
    titles.sort();
    assert_eq!(
        titles,
        ["AMBER", "AMBER_STRICT", "To be lowered", "no marking"]
    );
}

#[tokio::test]
async fn a_red_thread_is_read_only_by_named_recipients_who_must_be_members() {
    // Arrange
    let team = team("GREEN").await;
    let contributor_id = user_id(&team.app, &team.contributor).await;
    let outsider_id = user_id(&team.app, &team.outsider).await;
    let refused = [
        ("no recipients", json!({ "tlp": "RED" })),
        ("an empty list", json!({ "tlp": "RED", "recipientIds": [] })),
        (
            "an outsider",
            json!({ "tlp": "RED", "recipientIds": [contributor_id, outsider_id], "body": "source names" }),
        ),
        (
            "an unknown account",
            json!({ "tlp": "RED", "recipientIds": [unknown_id("User")] }),
        ),
        (
            "a malformed id",
            json!({ "tlp": "RED", "recipientIds": ["nope"] }),
        ),
        (
            "recipients on an AMBER thread",
            json!({ "tlp": "AMBER", "recipientIds": [contributor_id] }),
        ),
    ];

    // Act
    let answers = {
        let mut answers = Vec::new();
        for (case, extra) in refused {
            answers.push((case, team.try_thread(&team.owner, "Refused", extra).await));
        }
        answers
    };
    let red = team
        .thread(
            &team.owner,
            "Source handling",
            json!({ "tlp": "RED", "recipientIds": [contributor_id], "body": "the source is ..." }),
        )
        .await;

    // Assert
    for (case, answer) in &answers {
        assert_bad_input(answer, "recipientIds", case);
    }
    assert_eq!(
        team.thread_titles(&team.owner).await,
        ["Source handling"],
        "nothing refused was written"
    );
    let as_recipient = team
        .app
        .gql(Some(&team.contributor), THREAD, json!({ "id": red }))
        .await;
    let as_recipient = as_recipient.ok()["thread"].clone();
    let mut recipients: Vec<String> = nodes(&as_recipient["recipients"])
        .iter()
        .map(|u| u["email"].as_str().unwrap().to_owned())
        .collect();
    recipients.sort();
    assert_eq!(
        recipients,
        ["analyst@police.example", "researcher@vendor.example"]
    );
    for (who, token) in [
        ("moderator", &team.moderator),
        ("observer", &team.observer),
        ("outsider", &team.outsider),
    ] {
        let read = team
            .app
            .gql(Some(token), THREAD, json!({ "id": red }))
            .await;
        assert_code(&read, "NOT_FOUND", who);
    }
    assert!(team.thread_titles(&team.moderator).await.is_empty());
    let post = team
        .try_post(&team.moderator, &red, "let me in", None)
        .await;
    assert_code(&post, "NOT_FOUND", "a member who is not named posts");
}

#[tokio::test]
async fn the_author_or_a_moderator_updates_a_thread() {
    // Arrange
    let team = team("GREEN").await;
    let contributor_id = user_id(&team.app, &team.contributor).await;
    let thread = team
        .thread(&team.contributor, "Draft title", json!({}))
        .await;
    let update = |token: &str, input: Value| {
        let (app, thread, token) = (&team.app, thread.clone(), token.to_owned());
        async move {
            app.gql(
                Some(&token),
                UPDATE_THREAD,
                json!({ "id": thread, "i": input }),
            )
            .await
        }
    };

    // Act
    let renamed = update(&team.contributor, json!({ "title": "  Final title " })).await;
    let raised = update(&team.moderator, json!({ "tlp": "AMBER_STRICT" })).await;
    let by_observer = update(&team.observer, json!({ "title": "Observer's title" })).await;
    let empty = update(&team.contributor, json!({ "title": "" })).await;
    let too_long = update(&team.contributor, json!({ "title": "t".repeat(201) })).await;
    let red = update(
        &team.owner,
        json!({ "tlp": "RED", "recipientIds": [contributor_id] }),
    )
    .await;
    let moderator_reads_red = team
        .app
        .gql(Some(&team.moderator), THREAD, json!({ "id": thread }))
        .await;
    let back = update(&team.contributor, json!({ "tlp": "AMBER" })).await;

    // Assert
    assert_eq!(renamed.ok()["updateThread"]["title"], "Final title");
    assert_eq!(raised.ok()["updateThread"]["tlp"], "AMBER_STRICT");
    assert_code(&by_observer, "FORBIDDEN", "an observer renames");
    assert_bad_input(&empty, "title", "empty title");
    assert_bad_input(&too_long, "title", "title too long");
    let red = red.ok()["updateThread"].clone();
    assert_eq!(red["tlp"], "RED");
    let mut named: Vec<String> = nodes(&red["recipients"])
        .iter()
        .map(|u| u["email"].as_str().unwrap().to_owned())
        .collect();
    named.sort();
    // The thread's author is always a recipient.
    assert_eq!(named, ["researcher@vendor.example"]);
    assert_code(
        &moderator_reads_red,
        "NOT_FOUND",
        "not named on the RED thread",
    );
    let back = back.ok()["updateThread"].clone();
    assert_eq!(back["tlp"], "AMBER");
    assert!(nodes(&back["recipients"]).is_empty());
    let read = team
        .app
        .gql(Some(&team.moderator), THREAD, json!({ "id": thread }))
        .await;
    assert_eq!(read.ok()["thread"]["title"], "Final title");
}

#[tokio::test]
async fn moderators_pin_and_lock_threads_and_a_locked_thread_takes_no_posts() {
    // Arrange
    let team = team("GREEN").await;
    let thread = team
        .thread(&team.contributor, "Heated", json!({ "body": "opening" }))
        .await;

    // Act
    let pin_by_contributor = team
        .app
        .gql(
            Some(&team.contributor),
            PIN,
            json!({ "id": thread, "on": true }),
        )
        .await;
    let lock_by_contributor = team
        .app
        .gql(
            Some(&team.contributor),
            LOCK,
            json!({ "id": thread, "on": true }),
        )
        .await;
    let pinned = team
        .app
        .gql(
            Some(&team.moderator),
            PIN,
            json!({ "id": thread, "on": true }),
        )
        .await;
    let locked = team
        .app
        .gql(
            Some(&team.moderator),
            LOCK,
            json!({ "id": thread, "on": true }),
        )
        .await;
    let post_while_locked = team
        .try_post(&team.contributor, &thread, "one more", None)
        .await;
    let moderator_posts_while_locked = team
        .try_post(&team.moderator, &thread, "closing", None)
        .await;
    let seen_locked = team
        .app
        .gql(Some(&team.contributor), THREAD, json!({ "id": thread }))
        .await;
    let unlocked = team
        .app
        .gql(
            Some(&team.moderator),
            LOCK,
            json!({ "id": thread, "on": false }),
        )
        .await;
    let post_after_unlock = team
        .try_post(&team.contributor, &thread, "calmer now", None)
        .await;
    let unpinned = team
        .app
        .gql(Some(&team.owner), PIN, json!({ "id": thread, "on": false }))
        .await;

    // Assert
    assert_code(&pin_by_contributor, "FORBIDDEN", "a contributor pins");
    assert_code(&lock_by_contributor, "FORBIDDEN", "a contributor locks");
    assert_eq!(pinned.ok()["pinThread"]["pinned"], true);
    assert_eq!(locked.ok()["lockThread"]["locked"], true);
    assert_code(&post_while_locked, "CONFLICT", "posting to a locked thread");
    assert_code(
        &moderator_posts_while_locked,
        "CONFLICT",
        "a moderator posts to a locked thread",
    );
    let seen_locked = seen_locked.ok()["thread"].clone();
    assert_eq!(seen_locked["locked"], true);
    assert_eq!(seen_locked["pinned"], true);
    assert_eq!(seen_locked["viewerCanPost"], false);
    assert_eq!(seen_locked["viewerCanModerate"], false);
    assert_eq!(unlocked.ok()["lockThread"]["viewerCanPost"], true);
    assert_eq!(post_after_unlock.ok()["createPost"]["body"], "calmer now");
    assert_eq!(unpinned.ok()["pinThread"]["pinned"], false);
    let read = team
        .app
        .gql(Some(&team.contributor), THREAD, json!({ "id": thread }))
        .await;
    let bodies: Vec<Value> = nodes(&read.ok()["thread"]["posts"])
        .iter()
        .map(|p| p["body"].clone())
        .collect();
    assert_eq!(bodies, [json!("opening"), json!("calmer now")]);
}

#[tokio::test]
async fn threads_are_listed_by_last_activity_and_page_with_cursors() {
    // Arrange: five threads, then a post to the second oldest.
    let team = team("GREEN").await;
    let mut ids = Vec::new();
    for title in ["one", "two", "three", "four", "five"] {
        ids.push(team.thread(&team.contributor, title, json!({})).await);
    }
    let before = team.thread_titles(&team.observer).await;
    team.post(&team.contributor, &ids[1], "bump").await;

    // Act
    let after = team.thread_titles(&team.observer).await;
    let mut walked = Vec::new();
    let mut cursor: Option<String> = None;
    let mut pages = 0;
    loop {
        let answer = team
            .app
            .gql(
                Some(&team.observer),
                THREADS,
                json!({ "id": team.workspace, "first": 2, "after": cursor }),
            )
            .await;
        let connection = answer.ok()["workspace"]["threads"].clone();
        walked.extend(
            nodes(&connection)
                .iter()
                .map(|t| t["title"].as_str().unwrap().to_owned()),
        );
        pages += 1;
        if connection["pageInfo"]["hasNextPage"] != true {
            break;
        }
        cursor = connection["pageInfo"]["endCursor"]
            .as_str()
            .map(str::to_owned);
    }
    let too_many = team
        .app
        .gql(
            Some(&team.observer),
            THREADS,
            json!({ "id": team.workspace, "first": 101 }),
        )
        .await;
    let none = team
        .app
        .gql(
            Some(&team.observer),
            THREADS,
            json!({ "id": team.workspace, "first": 0 }),
        )
        .await;
    let bad_cursor = team
        .app
        .gql(
            Some(&team.observer),
            THREADS,
            json!({ "id": team.workspace, "after": "bogus" }),
        )
        .await;

    // Assert
    assert_eq!(before, ["five", "four", "three", "two", "one"]);
    assert_eq!(after, ["two", "five", "four", "three", "one"]);
    assert_eq!(walked, after);
    assert_eq!(pages, 3);
    assert_bad_input(&too_many, "first", "first: 101");
    assert_bad_input(&none, "first", "first: 0");
    assert_bad_input(&bad_cursor, "after", "a bogus cursor");
}

// --- posts -----------------------------------------------------------------------------

#[tokio::test]
async fn post_bodies_and_thread_titles_are_validated() {
    // Arrange
    let team = team("GREEN").await;
    let thread = team.thread(&team.contributor, "Valid", json!({})).await;
    let post = team.post(&team.contributor, &thread, "valid").await;
    let longest = "b".repeat(20_000);
    let too_long = "b".repeat(20_001);

    // Act + Assert: post bodies.
    for (case, body, ok) in [
        ("empty body", "", false),
        ("blank body", " \n\t ", false),
        ("body over 20,000 characters", too_long.as_str(), false),
        ("body of 20,000 characters", longest.as_str(), true),
    ] {
        let created = team.try_post(&team.contributor, &thread, body, None).await;
        let edited = team
            .app
            .gql(
                Some(&team.contributor),
                EDIT,
                json!({ "id": post, "body": body }),
            )
            .await;
        if ok {
            created.ok();
            edited.ok();
        } else {
            assert_bad_input(&created, "body", case);
            assert_bad_input(&edited, "body", case);
        }
    }
    // Thread titles and a thread's first post.
    for (case, title, extra, expected_field) in [
        ("empty title", String::new(), json!({}), Some("title")),
        ("blank title", "   ".to_owned(), json!({}), Some("title")),
        (
            "title over 200 characters",
            "t".repeat(201),
            json!({}),
            Some("title"),
        ),
        (
            "empty first post",
            "ok".to_owned(),
            json!({ "body": "" }),
            Some("body"),
        ),
        (
            "first post too long",
            "ok".to_owned(),
            json!({ "body": too_long }),
            Some("body"),
        ),
        ("title of 200 characters", "t".repeat(200), json!({}), None),
    ] {
        let answer = team.try_thread(&team.contributor, &title, extra).await;
        match expected_field {
            Some(expected) => assert_bad_input(&answer, expected, case),
            None => assert_eq!(answer.ok()["createThread"]["title"], title.as_str()),
        }
    }
    assert_eq!(team.thread_titles(&team.owner).await.len(), 2);
    let read = team
        .app
        .gql(Some(&team.owner), THREAD, json!({ "id": thread }))
        .await;
    assert_eq!(nodes(&read.ok()["thread"]["posts"]).len(), 2);
}

#[tokio::test]
async fn a_reply_must_be_to_a_post_in_the_same_thread() {
    // Arrange
    let team = team("GREEN").await;
    let thread = team.thread(&team.contributor, "Here", json!({})).await;
    let elsewhere = team.thread(&team.contributor, "Elsewhere", json!({})).await;
    let parent = team.post(&team.contributor, &thread, "parent").await;
    let foreign = team
        .post(&team.contributor, &elsewhere, "in another thread")
        .await;

    // Act
    let reply = team
        .try_post(&team.moderator, &thread, "a reply", Some(&parent))
        .await;
    let cases = [
        ("a post of another thread", foreign.clone()),
        ("an unknown post", unknown_id("Post")),
        ("a thread's id", elsewhere.clone()),
        ("a malformed id", "%%%".to_owned()),
    ];

    // Assert
    assert_eq!(reply.ok()["createPost"]["replyTo"]["id"], parent.as_str());
    for (case, reply_to) in cases {
        let answer = team
            .try_post(&team.moderator, &thread, "misplaced", Some(&reply_to))
            .await;
        assert_bad_input(&answer, "replyTo", case);
    }
    let read = team
        .app
        .gql(Some(&team.owner), THREAD, json!({ "id": thread }))
        .await;
    assert_eq!(nodes(&read.ok()["thread"]["posts"]).len(), 2);
}

#[tokio::test]
async fn only_the_author_edits_a_post_and_earlier_versions_are_kept() {
    // Arrange
    let team = team("GREEN").await;
    let thread = team.thread(&team.contributor, "Edits", json!({})).await;
    let post = team.post(&team.contributor, &thread, "first version").await;

    // Act
    let second = team
        .app
        .gql(
            Some(&team.contributor),
            EDIT,
            json!({ "id": post, "body": "second version" }),
        )
        .await;
    let third = team
        .app
        .gql(
            Some(&team.contributor),
            EDIT,
            json!({ "id": post, "body": "**third** version" }),
        )
        .await;
    let unchanged = team
        .app
        .gql(
            Some(&team.contributor),
            EDIT,
            json!({ "id": post, "body": "**third** version" }),
        )
        .await;
    let by_moderator = team
        .app
        .gql(
            Some(&team.moderator),
            EDIT,
            json!({ "id": post, "body": "moderated" }),
        )
        .await;
    let by_owner = team
        .app
        .gql(
            Some(&team.owner),
            EDIT,
            json!({ "id": post, "body": "owned" }),
        )
        .await;
    let by_outsider = team
        .app
        .gql(
            Some(&team.outsider),
            EDIT,
            json!({ "id": post, "body": "hijacked" }),
        )
        .await;

    // Assert
    assert_eq!(second.ok()["editPost"]["version"], 2);
    assert_eq!(third.ok()["editPost"]["version"], 3);
    assert_eq!(
        unchanged.ok()["editPost"]["version"],
        3,
        "the same body is no new version"
    );
    assert_code(&by_moderator, "FORBIDDEN", "a moderator edits");
    assert_code(&by_owner, "FORBIDDEN", "the owner edits");
    assert_code(&by_outsider, "NOT_FOUND", "an outsider edits");
    let as_author = team.read_post(&team.contributor, &post).await;
    assert_eq!(as_author["body"], "**third** version");
    assert!(
        as_author["bodyHtml"]
            .as_str()
            .unwrap()
            .contains("<strong>third</strong>")
    );
    assert_eq!(as_author["version"], 3);
    assert!(as_author["editedAt"].is_string());
    assert_eq!(as_author["viewerCanEdit"], true);
    let versions: Vec<(i64, String)> = nodes(&as_author["versions"])
        .iter()
        .map(|v| {
            (
                v["version"].as_i64().unwrap(),
                v["body"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        versions,
        [
            (2, "second version".to_owned()),
            (1, "first version".to_owned())
        ],
        "earlier versions, newest first"
    );
    let as_moderator = team.read_post(&team.moderator, &post).await;
    assert_eq!(as_moderator["viewerCanEdit"], false);
    assert_eq!(nodes(&as_moderator["versions"]).len(), 2);
}

#[tokio::test]
async fn a_moderator_removes_a_post_and_leaves_a_tombstone() {
    // Arrange: a post with a reply, an edit and a reaction.
    let team = team("GREEN").await;
    let thread = team.thread(&team.contributor, "Moderated", json!({})).await;
    let post = team
        .post(&team.contributor, &thread, "something regrettable")
        .await;
    team.app
        .gql(
            Some(&team.contributor),
            EDIT,
            json!({ "id": post, "body": "something worse" }),
        )
        .await
        .ok();
    team.app
        .gql(
            Some(&team.observer),
            REACT,
            json!({ "id": post, "r": "EYES" }),
        )
        .await;
    team.app
        .gql(Some(&team.owner), REACT, json!({ "id": post, "r": "EYES" }))
        .await
        .ok();
    let reply = team
        .reply(&team.moderator, &thread, "please don't", &post)
        .await;

    // Act
    let by_contributor = team
        .app
        .gql(Some(&team.contributor), REMOVE, json!({ "id": post }))
        .await;
    let removed = team
        .app
        .gql(Some(&team.moderator), REMOVE, json!({ "id": post }))
        .await;
    let removed_again = team
        .app
        .gql(Some(&team.owner), REMOVE, json!({ "id": post }))
        .await;
    let edit_removed = team
        .app
        .gql(
            Some(&team.contributor),
            EDIT,
            json!({ "id": post, "body": "undo" }),
        )
        .await;
    let react_removed = team
        .app
        .gql(
            Some(&team.owner),
            REACT,
            json!({ "id": post, "r": "HEART" }),
        )
        .await;

    // Assert
    assert_code(&by_contributor, "FORBIDDEN", "a contributor removes");
    assert_eq!(removed.ok()["removePost"]["removed"], true);
    assert_eq!(removed_again.ok()["removePost"]["removed"], true);
    assert_code(&edit_removed, "CONFLICT", "editing a removed post");
    assert_code(&react_removed, "CONFLICT", "reacting to a removed post");
    let tombstone = team.read_post(&team.contributor, &post).await;
    assert_eq!(tombstone["removed"], true);
    assert_eq!(
        tombstone["removedBy"]["email"],
        "investigator@police2.example"
    );
    assert!(tombstone["removedAt"].is_string());
    assert_eq!(tombstone["body"], Value::Null);
    assert_eq!(tombstone["bodyHtml"], Value::Null);
    assert_eq!(tombstone["author"]["email"], "researcher@vendor.example");
    assert_eq!(tombstone["viewerCanEdit"], false);
    assert!(
        nodes(&tombstone["versions"]).is_empty(),
        "earlier versions are gone"
    );
    assert_eq!(tombstone["reactions"], json!([]));
    // The tombstone keeps its place in the thread; the reply still points to it.
    let read = team
        .app
        .gql(Some(&team.observer), THREAD, json!({ "id": thread }))
        .await;
    let posts = nodes(&read.ok()["thread"]["posts"]);
    assert_eq!(posts.len(), 2);
    assert_eq!(
        posts[0],
        json!({ "id": post, "body": null, "removed": true })
    );
    let reply = team.read_post(&team.observer, &reply).await;
    assert_eq!(reply["replyTo"]["id"], post.as_str());
}

#[tokio::test]
async fn reactions_are_counted_per_viewer_and_taking_part_is_idempotent() {
    // Arrange
    let team = team("GREEN").await;
    let thread = team.thread(&team.contributor, "Reactions", json!({})).await;
    let post = team.post(&team.contributor, &thread, "react to me").await;
    let react = |token: &str, query: &'static str, reaction: &'static str| {
        let (app, post, token) = (&team.app, post.clone(), token.to_owned());
        async move {
            app.gql(Some(&token), query, json!({ "id": post, "r": reaction }))
                .await
        }
    };

    // Act
    let first = react(&team.contributor, REACT, "THUMBS_UP").await;
    let twice = react(&team.contributor, REACT, "THUMBS_UP").await;
    let other = react(&team.moderator, REACT, "THUMBS_UP").await;
    react(&team.moderator, REACT, "CHECK").await.ok();
    let by_observer = react(&team.observer, REACT, "HEART").await;
    let unknown = react(&team.contributor, REACT, "ROCKET").await;

    // Assert
    assert_eq!(
        count_of(&first.ok()["react"]["reactions"], "THUMBS_UP"),
        (1, true)
    );
    assert_eq!(
        count_of(&twice.ok()["react"]["reactions"], "THUMBS_UP"),
        (1, true)
    );
    assert_eq!(
        count_of(&other.ok()["react"]["reactions"], "THUMBS_UP"),
        (2, true)
    );
    assert_code(&by_observer, "FORBIDDEN", "an observer reacts");
    assert_eq!(
        unknown.code(),
        Some("GRAPHQL_VALIDATION_FAILED"),
        "{}",
        unknown.body
    );
    for (who, token, thumbs, check) in [
        ("the author", &team.contributor, (2, true), (1, false)),
        ("the moderator", &team.moderator, (2, true), (1, true)),
        ("the observer", &team.observer, (2, false), (1, false)),
    ] {
        let seen = team.read_post(token, &post).await;
        assert_eq!(count_of(&seen["reactions"], "THUMBS_UP"), thumbs, "{who}");
        assert_eq!(count_of(&seen["reactions"], "CHECK"), check, "{who}");
        assert_eq!(count_of(&seen["reactions"], "HEART"), (0, false), "{who}");
    }

    // Taking a reaction back, twice, and one never given.
    let taken_back = react(&team.contributor, UNREACT, "THUMBS_UP").await;
    let again = react(&team.contributor, UNREACT, "THUMBS_UP").await;
    let never_given = react(&team.contributor, UNREACT, "QUESTION").await;
    assert_eq!(
        count_of(&taken_back.ok()["unreact"]["reactions"], "THUMBS_UP"),
        (1, false)
    );
    assert_eq!(
        count_of(&again.ok()["unreact"]["reactions"], "THUMBS_UP"),
        (1, false)
    );
    assert_eq!(
        count_of(&never_given.ok()["unreact"]["reactions"], "QUESTION"),
        (0, false)
    );
}

#[tokio::test]
async fn rendered_html_keeps_markdown_and_drops_everything_dangerous() {
    // Arrange
    let team = team("GREEN").await;
    let thread = team.thread(&team.contributor, "Payloads", json!({})).await;
    // (payload, must appear in bodyHtml, must not appear in bodyHtml, lower-cased)
    let cases: &[(&str, &str, &[&str])] = &[
        ("**bold** and _em_", "<strong>bold</strong>", &[]),
        (
            "<script>alert('xss')</script>after",
            "after",
            &["<script", "alert("],
        ),
        (
            "<img src=x onerror=alert(1)>",
            "<img",
            &["onerror", "alert"],
        ),
        (
            "<IMG SRC=x OnError=\"alert(1)\">",
            "<img",
            &["onerror", "alert"],
        ),
        (
            "[click](javascript:alert(1))",
            "click",
            &["javascript:", "alert"],
        ),
        (
            "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
            "x",
            &["javascript", "alert"],
        ),
        (
            "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
            "x",
            &["ascript:", "alert"],
        ),
        (
            "<a href=\"data:text/html;base64,PHNjcmlwdD4=\">x</a>",
            "x",
            &["data:"],
        ),
        (
            "<iframe src=\"https://evil.example\"></iframe>",
            "",
            &["<iframe", "evil.example"],
        ),
        (
            "<div onclick=\"steal()\">x</div>",
            "x",
            &["onclick", "steal"],
        ),
        (
            "<svg onload=alert(1)><circle/></svg>",
            "",
            &["<svg", "onload"],
        ),
        (
            "<p style=\"background:url(javascript:alert(1))\">x</p>",
            "x",
            &["style", "javascript"],
        ),
        (
            "<object data=\"evil.swf\"></object><embed src=\"evil.swf\">",
            "",
            &["<object", "<embed", "evil.swf"],
        ),
        (
            "<style>body { display: none }</style>text",
            "text",
            &["<style", "display"],
        ),
        (
            "<form action=\"https://evil.example\"><input name=x></form>",
            "",
            &["<form", "<input"],
        ),
        (
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
            "",
            &["onerror", "alert"],
        ),
        (
            "[ok](https://cert.example)",
            "href=\"https://cert.example\"",
            &["javascript"],
        ),
    ];

    for (payload, present, absent) in cases {
        // Act
        let answer = team
            .try_post(&team.contributor, &thread, payload, None)
            .await;

        // Assert: the source is kept as written; the HTML is safe.
        let post = answer.ok()["createPost"].clone();
        assert_eq!(post["body"], payload.trim());
        let html = post["bodyHtml"].as_str().unwrap().to_lowercase();
        assert!(
            html.contains(&present.to_lowercase()),
            "{payload} -> {html}"
        );
        for bad in *absent {
            assert!(!html.contains(bad), "{payload} -> {html}");
        }
    }
    // Links get a safe rel; edits are sanitised the same way.
    let link = team
        .try_post(
            &team.contributor,
            &thread,
            "[ok](https://cert.example)",
            None,
        )
        .await;
    let link = link.ok()["createPost"].clone();
    assert!(link["bodyHtml"].as_str().unwrap().contains("noopener"));
    let edited = team
        .app
        .gql(
            Some(&team.contributor),
            "mutation($id: ID!, $body: String!) { editPost(id: $id, body: $body) { bodyHtml } }",
            json!({ "id": link["id"], "body": "<img src=x onerror=alert(1)>" }),
        )
        .await;
    assert!(
        !edited.ok()["editPost"]["bodyHtml"]
            .as_str()
            .unwrap()
            .contains("onerror")
    );
}

// --- notifications ---------------------------------------------------------------------

#[tokio::test]
async fn mentions_notify_only_those_who_may_read_the_thread() {
    // Arrange: a RED thread naming the contributor, and a GREEN thread.
    let team = team("GREEN").await;
    let contributor_id = user_id(&team.app, &team.contributor).await;
    let red = team
        .thread(
            &team.owner,
            "Undercover",
            json!({ "tlp": "RED", "recipientIds": [contributor_id] }),
        )
        .await;
    let green = team.thread(&team.owner, "Open", json!({})).await;

    // Act
    let everyone = "@researcher@vendor.example @professor@university.example \
                    @handler@cert.example @analyst@police.example @nobody@nowhere.example";
    let in_red = team
        .post(&team.owner, &red, &format!("RED: {everyone}"))
        .await;
    let in_green = team
        .post(&team.contributor, &green, "GREEN: @professor@university.example @handler@cert.example and `@investigator@police2.example`")
        .await;
    team.app
        .gql(
            Some(&team.contributor),
            EDIT,
            json!({ "id": in_green, "body": "GREEN: @professor@university.example @handler@cert.example and @INVESTIGATOR@police2.example" }),
        )
        .await
        .ok();

    // Assert: the named recipient hears of the RED post; the member who is not named and the
    // outsider hear nothing and still cannot read the thread.
    let contributor = team.notifications(&team.contributor).await;
    assert_eq!(contributor.len(), 1, "{contributor:?}");
    assert_eq!(contributor[0]["kind"], "MENTION");
    assert_eq!(contributor[0]["actor"]["email"], "analyst@police.example");
    assert_eq!(contributor[0]["thread"]["title"], "Undercover");
    assert_eq!(contributor[0]["post"]["id"], in_red.as_str());
    let observer = team.notifications(&team.observer).await;
    assert_eq!(observer.len(), 1, "only the GREEN mention: {observer:?}");
    assert_eq!(observer[0]["post"]["id"], in_green.as_str());
    assert!(team.notifications(&team.outsider).await.is_empty());
    assert!(
        team.notifications(&team.owner).await.is_empty(),
        "no notification for oneself"
    );
    // A mention added by an edit notifies; inline code mentions nobody.
    let moderator = team.notifications(&team.moderator).await;
    assert_eq!(moderator.len(), 1, "{moderator:?}");
    assert_eq!(
        moderator[0]["post"]["body"],
        "GREEN: @professor@university.example @handler@cert.example and @INVESTIGATOR@police2.example"
    );
    for (who, token, thread) in [
        ("observer", &team.observer, &red),
        ("outsider", &team.outsider, &red),
        ("outsider", &team.outsider, &green),
    ] {
        let read = team
            .app
            .gql(Some(token), THREAD, json!({ "id": thread }))
            .await;
        assert_code(&read, "NOT_FOUND", who);
    }
}

#[tokio::test]
async fn a_reply_notifies_the_author_of_the_parent_post_once() {
    // Arrange
    let team = team("GREEN").await;
    let thread = team.thread(&team.owner, "Questions", json!({})).await;
    let parent = team.post(&team.contributor, &thread, "any ideas?").await;

    // Act
    let reply = team
        .reply(&team.moderator, &thread, "yes, one", &parent)
        .await;
    team.reply(&team.contributor, &thread, "answering myself", &parent)
        .await;
    let mentioning = team
        .reply(
            &team.owner,
            &thread,
            "@researcher@vendor.example see above",
            &parent,
        )
        .await;

    // Assert
    let heard: Vec<(String, String, String)> = team
        .notifications(&team.contributor)
        .await
        .iter()
        .map(|n| {
            (
                n["kind"].as_str().unwrap().to_owned(),
                n["actor"]["email"].as_str().unwrap().to_owned(),
                n["post"]["id"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        heard,
        [
            (
                "MENTION".to_owned(),
                "analyst@police.example".to_owned(),
                mentioning
            ),
            (
                "REPLY".to_owned(),
                "investigator@police2.example".to_owned(),
                reply
            ),
        ],
        "newest first; a reply that mentions the author is one notification"
    );
}

#[tokio::test]
async fn an_invitation_notifies_the_invitee_and_every_member_of_an_invited_organisation() {
    // Arrange
    let team = team("GREEN").await;
    let outsider_id = user_id(&team.app, &team.outsider).await;
    let grid = team.app.organization_id("Continental Grid Operator").await;
    let soc = team.app.login("soc@grid.example").await;

    // Act
    let to_outsider = team
        .app
        .gql(
            Some(&team.owner),
            INVITE,
            json!({ "i": { "workspaceId": team.workspace, "userId": outsider_id } }),
        )
        .await;
    let to_grid = team
        .app
        .gql(
            Some(&team.owner),
            INVITE,
            json!({ "i": { "workspaceId": team.workspace, "organizationId": grid } }),
        )
        .await;

    // Assert
    for (who, token, invitation) in [
        ("invitee", &team.outsider, &to_outsider),
        ("organisation member", &soc, &to_grid),
    ] {
        let invitation = id(&invitation.ok()["inviteToWorkspace"]);
        let heard = notifications(&team.app, token, false).await;
        assert_eq!(heard.len(), 1, "{who}: {heard:?}");
        assert_eq!(heard[0]["kind"], "INVITATION", "{who}");
        assert_eq!(heard[0]["invitationId"], invitation.as_str(), "{who}");
        assert_eq!(
            heard[0]["actor"]["email"], "analyst@police.example",
            "{who}"
        );
        assert_eq!(
            heard[0]["workspace"],
            Value::Null,
            "{who} is not a member yet"
        );
        assert_eq!(heard[0]["thread"], Value::Null, "{who}");
    }
    let accepted = team
        .app
        .gql(
            Some(&team.outsider),
            "mutation($id: ID!) { acceptInvitation(id: $id) { id } }",
            json!({ "id": to_outsider.ok()["inviteToWorkspace"]["id"] }),
        )
        .await;
    accepted.ok();
    let heard = notifications(&team.app, &team.outsider, false).await;
    assert_eq!(heard[0]["workspace"]["id"], team.workspace.as_str());
    // Members already in the workspace are not notified of their organisation's invitation.
    let vendor = team.app.organization_id("Sentinel Threat Research").await;
    team.app
        .gql(
            Some(&team.owner),
            INVITE,
            json!({ "i": { "workspaceId": team.workspace, "organizationId": vendor } }),
        )
        .await
        .ok();
    let invitations = notifications(&team.app, &team.contributor, false).await;
    assert_eq!(invitations.len(), 1, "only the one that brought them in");
}

#[tokio::test]
async fn notifications_are_marked_read_by_id_or_all_at_once() {
    // Arrange: three mentions of the contributor, one of the observer.
    let team = team("GREEN").await;
    let thread = team.thread(&team.owner, "Pings", json!({})).await;
    for n in 1..=3 {
        team.post(
            &team.owner,
            &thread,
            &format!("ping {n} @researcher@vendor.example"),
        )
        .await;
    }
    team.post(&team.owner, &thread, "@professor@university.example")
        .await;
    // The invitations that brought them in are read already.
    for token in [&team.contributor, &team.observer] {
        let invitations = notifications(&team.app, token, false).await;
        let ids: Vec<&Value> = invitations
            .iter()
            .filter(|n| n["kind"] == "INVITATION")
            .map(|n| &n["id"])
            .collect();
        team.app
            .gql(Some(token), MARK_READ, json!({ "ids": ids }))
            .await
            .ok();
    }
    let all = notifications(&team.app, &team.contributor, true).await;
    let observers = notifications(&team.app, &team.observer, true).await;

    // Act + Assert
    assert_eq!(all.len(), 3);
    assert!(
        all.iter()
            .all(|n| n["read"] == false && n["readAt"].is_null())
    );
    assert_eq!(unread_count(&team.app, &team.contributor).await, 3);
    let one = team
        .app
        .gql(
            Some(&team.contributor),
            MARK_READ,
            json!({ "ids": [all[0]["id"]] }),
        )
        .await;
    assert_eq!(one.ok()["markNotificationsRead"], 1);
    assert_eq!(unread_count(&team.app, &team.contributor).await, 2);
    let unread = notifications(&team.app, &team.contributor, true).await;
    assert_eq!(unread.len(), 2);
    assert!(!unread.iter().any(|n| n["id"] == all[0]["id"]));
    let listed = notifications(&team.app, &team.contributor, false).await;
    assert_eq!(listed[0]["read"], true);
    assert!(listed[0]["readAt"].is_string());

    let again = team
        .app
        .gql(
            Some(&team.contributor),
            MARK_READ,
            json!({ "ids": [all[0]["id"]] }),
        )
        .await;
    assert_eq!(again.ok()["markNotificationsRead"], 0, "already read");
    let someone_elses = team
        .app
        .gql(
            Some(&team.contributor),
            MARK_READ,
            json!({ "ids": [observers[0]["id"]] }),
        )
        .await;
    assert_eq!(
        someone_elses.ok()["markNotificationsRead"],
        0,
        "another user's notification"
    );
    assert_eq!(unread_count(&team.app, &team.observer).await, 1);
    let malformed = team
        .app
        .gql(
            Some(&team.contributor),
            MARK_READ,
            json!({ "ids": ["nope"] }),
        )
        .await;
    assert_bad_input(&malformed, "ids", "a malformed id");
    let too_many: Vec<String> = (0..101).map(|_| unknown_id("Notification")).collect();
    let too_many = team
        .app
        .gql(
            Some(&team.contributor),
            MARK_READ,
            json!({ "ids": too_many }),
        )
        .await;
    assert_bad_input(&too_many, "ids", "more than 100 ids");
    assert_eq!(
        unread_count(&team.app, &team.contributor).await,
        2,
        "refused marks change nothing"
    );

    let rest = team
        .app
        .gql(Some(&team.contributor), MARK_READ, json!({ "ids": null }))
        .await;
    assert_eq!(rest.ok()["markNotificationsRead"], 2);
    assert_eq!(unread_count(&team.app, &team.contributor).await, 0);
    assert!(
        notifications(&team.app, &team.contributor, true)
            .await
            .is_empty()
    );
    let nothing_left = team
        .app
        .gql(Some(&team.contributor), MARK_READ, json!({}))
        .await;
    assert_eq!(nothing_left.ok()["markNotificationsRead"], 0);
    assert_eq!(unread_count(&team.app, &team.observer).await, 1);
}

#[tokio::test]
async fn a_notification_about_a_thread_one_can_no_longer_read_points_nowhere() {
    // Arrange: the contributor is mentioned, then removed from the workspace.
    let team = team("GREEN").await;
    let contributor_id = user_id(&team.app, &team.contributor).await;
    let thread = team
        .thread(&team.owner, "Before the split", json!({}))
        .await;
    team.post(
        &team.owner,
        &thread,
        "@researcher@vendor.example have a look",
    )
    .await;
    let before = team.notifications(&team.contributor).await;

    // Act
    team.app
        .gql(
            Some(&team.owner),
            "mutation($w: ID!, $u: ID!) { removeMember(workspaceId: $w, userId: $u) { id } }",
            json!({ "w": team.workspace, "u": contributor_id }),
        )
        .await
        .ok();
    let after = team.notifications(&team.contributor).await;

    // Assert
    assert_eq!(before[0]["thread"]["title"], "Before the split");
    assert!(before[0]["post"]["body"].is_string());
    assert_eq!(after.len(), 1);
    assert_eq!(after[0]["kind"], "MENTION");
    assert_eq!(after[0]["thread"], Value::Null);
    assert_eq!(after[0]["post"], Value::Null);
    assert_eq!(after[0]["workspace"], Value::Null);
    let node = team
        .app
        .gql(
            Some(&team.contributor),
            "query($id: ID!) { node(id: $id) { ... on Notification { kind thread { id } } } }",
            json!({ "id": after[0]["id"] }),
        )
        .await;
    assert_eq!(
        node.ok()["node"],
        json!({ "kind": "MENTION", "thread": null })
    );
}

// --- search ----------------------------------------------------------------------------

#[tokio::test]
async fn search_finds_titles_and_posts_best_first_with_marked_escaped_snippets() {
    // Arrange
    let team = team("GREEN").await;
    let titled = team
        .thread(&team.contributor, "Lockbit affiliate panel", json!({}))
        .await;
    let general = team.thread(&team.contributor, "General", json!({})).await;
    let escaped = team
        .post(&team.contributor, &general, "Seen the <b>lockbit</b> & \"co\" panel again, 3 < 5 times, with lots of other words around it to make this post longer than the next")
        .await;
    let dense = team
        .post(&team.contributor, &general, "lockbit lockbit lockbit")
        .await;
    team.post(&team.contributor, &general, "nothing relevant here")
        .await;

    // Act
    let hits = team.search(&team.observer, "LockBit").await;

    // Assert
    assert_eq!(hits.len(), 3, "{hits:?}");
    let ranks: Vec<f64> = hits.iter().map(|h| h["rank"].as_f64().unwrap()).collect();
    assert!(
        ranks.windows(2).all(|w| w[0] >= w[1]),
        "best first: {ranks:?}"
    );
    let position = |post: &str| hits.iter().position(|h| h["post"]["id"] == post).unwrap();
    assert!(position(&dense) < position(&escaped), "{hits:?}");
    let thread_hit = hits.iter().find(|h| h["kind"] == "THREAD").unwrap();
    assert_eq!(thread_hit["thread"]["id"], titled.as_str());
    assert_eq!(thread_hit["post"], Value::Null);
    assert!(
        thread_hit["snippetHtml"]
            .as_str()
            .unwrap()
            .contains("<mark>Lockbit</mark>"),
        "{thread_hit}"
    );
    let post_hit = &hits[position(&escaped)];
    assert_eq!(post_hit["kind"], "POST");
    assert_eq!(post_hit["thread"]["id"], general.as_str());
    let snippet = post_hit["snippetHtml"].as_str().unwrap();
    assert!(snippet.contains("<mark>lockbit</mark>"), "{snippet}");
    for escaped in ["&lt;", "&amp;", "&quot;co&quot;"] {
        assert!(snippet.contains(escaped), "{escaped} in {snippet}");
    }
    // The only markup is the highlighting (PostgreSQL leaves the source's tags out of the
    // snippet, SQLite escapes them).
    let text = snippet.replace("<mark>", "").replace("</mark>", "");
    assert!(!text.contains(['<', '>', '"']), "{snippet}");
    // Several words: every hit has all of them.
    let both = team.search(&team.observer, "lockbit panel").await;
    let mut found: Vec<String> = both
        .iter()
        .map(|h| h["kind"].as_str().unwrap().to_owned())
        .collect();
    found.sort();
    assert_eq!(found, ["POST", "THREAD"], "{both:?}");
}

#[tokio::test]
async fn search_never_finds_what_the_viewer_may_not_read() {
    // Arrange: a GREEN and a RED thread here; the outsider's own workspace elsewhere.
    let team = team("GREEN").await;
    let contributor_id = user_id(&team.app, &team.contributor).await;
    team.thread(&team.owner, "Zebra crossing", json!({})).await;
    let red = team
        .thread(
            &team.owner,
            "Zebra secret",
            json!({ "tlp": "RED", "recipientIds": [contributor_id] }),
        )
        .await;
    team.post(&team.owner, &red, "zebra details").await;
    let elsewhere =
        create_workspace(&team.app, &team.outsider, json!({ "name": "Elsewhere" })).await;
    let outside = team
        .app
        .gql(Some(&team.outsider), CREATE_THREAD, json!({ "i": { "workspaceId": elsewhere, "title": "Zebra outside", "body": "zebra outside post" } }))
        .await;
    outside.ok();
    let admin = team.app.login("admin@hub.example").await;
    let pending = team.app.login("pending@unverified.example").await;

    // Act + Assert
    for (who, token, expected) in [
        ("the owner, named on the RED thread", &team.owner, 3),
        ("the named contributor", &team.contributor, 3),
        ("the moderator, not named", &team.moderator, 1),
        ("the observer, not named", &team.observer, 1),
        (
            "the outsider, in their own workspace only",
            &team.outsider,
            2,
        ),
        ("an admin who is a member of nothing", &admin, 0),
        ("a member of an unverified organisation", &pending, 0),
    ] {
        let hits = search(&team.app, token, "zebra").await;
        assert_eq!(hits.len(), expected, "{who}: {hits:?}");
        if token != &team.outsider {
            assert!(
                hits.iter().all(|h| h["thread"]["title"] != "Zebra outside"),
                "{who}"
            );
        }
    }
    let in_other_workspace = team
        .app
        .gql(
            Some(&team.owner),
            SEARCH,
            json!({ "q": "zebra", "w": elsewhere }),
        )
        .await;
    assert!(nodes(&in_other_workspace.ok()["search"]).is_empty());
    let in_this_workspace = team
        .app
        .gql(
            Some(&team.outsider),
            SEARCH,
            json!({ "q": "zebra", "w": team.workspace }),
        )
        .await;
    assert!(nodes(&in_this_workspace.ok()["search"]).is_empty());
    let scoped = team
        .app
        .gql(
            Some(&team.owner),
            SEARCH,
            json!({ "q": "zebra", "w": team.workspace }),
        )
        .await;
    assert_eq!(nodes(&scoped.ok()["search"]).len(), 3);
}

#[tokio::test]
async fn search_finds_threads_and_posts_by_their_current_text_and_never_removed_posts() {
    // Arrange
    let team = team("GREEN").await;
    let thread = team.thread(&team.contributor, "Sightings", json!({})).await;
    let post = team
        .post(&team.contributor, &thread, "a quokka sighting")
        .await;
    let found_before = team.search(&team.observer, "quokka").await;

    // Act
    team.app
        .gql(
            Some(&team.contributor),
            EDIT,
            json!({ "id": post, "body": "a wombat sighting" }),
        )
        .await
        .ok();
    let old_word = team.search(&team.observer, "quokka").await;
    let new_word = team.search(&team.observer, "wombat").await;
    team.app
        .gql(Some(&team.moderator), REMOVE, json!({ "id": post }))
        .await
        .ok();
    let after_removal = team.search(&team.observer, "wombat").await;
    team.app
        .gql(
            Some(&team.contributor),
            UPDATE_THREAD,
            json!({ "id": thread, "i": { "title": "Marsupials" } }),
        )
        .await
        .ok();
    let old_title = team.search(&team.observer, "sightings").await;
    let new_title = team.search(&team.observer, "marsupials").await;

    // Assert
    assert_eq!(found_before.len(), 1);
    assert!(old_title.is_empty(), "{old_title:?}");
    assert_eq!(new_title.len(), 1);
    assert_eq!(new_title[0]["kind"], "THREAD");
    assert!(old_word.is_empty(), "{old_word:?}");
    assert_eq!(new_word.len(), 1);
    assert!(after_removal.is_empty(), "{after_removal:?}");
}

#[tokio::test]
async fn bad_search_queries_are_refused() {
    // Arrange
    let team = team("GREEN").await;
    let cases = [
        ("empty", json!({ "q": "" }), "query"),
        ("blank", json!({ "q": "   " }), "query"),
        (
            "only punctuation",
            json!({ "q": "!!! ??? \"*\" ()" }),
            "query",
        ),
        (
            "over 200 characters",
            json!({ "q": "a".repeat(201) }),
            "query",
        ),
        (
            "more than 100 results",
            json!({ "q": "zebra", "first": 101 }),
            "first",
        ),
        (
            "a bogus cursor",
            json!({ "q": "zebra", "after": "bogus" }),
            "after",
        ),
    ];

    for (case, variables, expected) in cases {
        // Act
        let answer = team.app.gql(Some(&team.observer), SEARCH, variables).await;

        // Assert
        assert_bad_input(&answer, expected, case);
    }
    let anonymous = team.app.gql(None, SEARCH, json!({ "q": "zebra" })).await;
    assert_code(&anonymous, "UNAUTHENTICATED", "anonymous");
}

#[tokio::test]
async fn search_results_page_with_after() {
    // Arrange: seven posts with the word.
    let team = team("GREEN").await;
    let thread = team.thread(&team.contributor, "Birds", json!({})).await;
    let mut posts = HashSet::new();
    for n in 0..7 {
        posts.insert(
            team.post(&team.contributor, &thread, &format!("kestrel number {n}"))
                .await,
        );
    }

    // Act
    let mut walked = Vec::new();
    let mut has_next = Vec::new();
    let mut after: Option<String> = None;
    loop {
        let answer = team
            .app
            .gql(
                Some(&team.observer),
                SEARCH,
                json!({ "q": "kestrel", "first": 3, "after": after }),
            )
            .await;
        let connection = answer.ok()["search"].clone();
        walked.extend(
            nodes(&connection)
                .iter()
                .map(|h| h["post"]["id"].as_str().unwrap().to_owned()),
        );
        has_next.push(connection["pageInfo"]["hasNextPage"] == true);
        if connection["pageInfo"]["hasNextPage"] != true {
            break;
        }
        after = connection["pageInfo"]["endCursor"]
            .as_str()
            .map(str::to_owned);
    }

    // Assert
    assert_eq!(has_next, [true, true, false]);
    assert_eq!(walked.len(), 7);
    assert_eq!(
        walked.iter().cloned().collect::<HashSet<_>>(),
        posts,
        "every post once"
    );
}

#[tokio::test]
async fn the_workspace_of_a_search_hit_is_the_viewers_own() {
    // Arrange
    let team = team("GREEN").await;
    team.thread(&team.contributor, "Heron watch", json!({}))
        .await;

    // Act
    let answer = team
        .app
        .gql(
            Some(&team.observer),
            "{ search(query: \"heron\") { edges { node { thread { workspace { id viewerRole } viewerCanPost } } } } }",
            json!({}),
        )
        .await;

    // Assert
    let hits = nodes(&answer.ok()["search"]);
    assert_eq!(hits.len(), 1);
    assert_eq!(
        hits[0]["thread"]["workspace"]["id"],
        team.workspace.as_str()
    );
    assert_eq!(hits[0]["thread"]["workspace"]["viewerRole"], "OBSERVER");
    assert_eq!(hits[0]["thread"]["viewerCanPost"], false);
}
