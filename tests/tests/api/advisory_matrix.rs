//! The tenant matrix of advisories and alerts: every query and mutation of the area, replayed
//! as each kind of caller, asserting exactly what PRODUCT.md ("Access policy") allows —
//! through `node(id)`, `Workspace.advisories`, the exports and the `viewerCan…` fields too.
//! What a caller may not see is `NOT_FOUND`; what they may see but not do is `FORBIDDEN`; what
//! the advisory's state refuses is `CONFLICT`; a revoked token is `UNAUTHENTICATED` (HTTP 401)
//! whatever it asks. Every refusal is shown to write nothing: the advisory, its comments,
//! authors and sign-offs, the workspace's advisories, the alerts and the audit log are the
//! same after it as before.
//!
//! Anonymous callers follow the rest of the suite (`tenant_matrix.rs`): a mutation on an
//! object they cannot see is `NOT_FOUND` (it does not exist for them), one on an object they
//! can see (a `PUBLIC` advisory) is `UNAUTHENTICATED`, and so is one that names no object
//! (`issueAlert`).
//!
//! Each test builds its own [`World`]: a `GREEN` workspace owned by the police analyst (the
//! lead author), with the vendor researcher (co-author), the grid operator's SOC (a
//! contributor who is no author), the professor (observer) and a service account of the
//! Federal Cybercrime Directorate (a contributor and co-author, acting through its tokens);
//! outside it the CERT handler, the member of an unverified organisation, the coordinator and
//! the platform admin; and anonymous callers.

use std::collections::BTreeSet;

use reqwest::StatusCode;
use serde_json::{Value, json};
use tests::{Answer, TestApp, spawn_app};

use super::{
    advisories::{ADD_CO_AUTHOR, PUBLISH, SIGN_OFF, SUBMIT, WITHDRAW},
    collaboration::{id, join, user_id},
    workspaces::create_workspace,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Who {
    /// The vendor researcher: co-author from another organisation, a contributor.
    CoAuthor,
    /// The grid operator's SOC: a contributor of the workspace, not an author.
    Contributor,
    /// The professor: an observer of the workspace.
    Observer,
    /// The CERT handler: a member of a verified organisation, not of the workspace.
    Outsider,
    /// A member of an unverified organisation.
    Unverified,
    /// The coordinator, not a member of the workspace.
    Coordinator,
    /// The platform admin, not a member of the workspace.
    Admin,
    Anonymous,
    /// An `advisories:write` token of the service account (a contributor and co-author).
    Token,
    /// An `advisories:read` token of the same account.
    ReadToken,
    /// A `workspaces:read` token of the same account: no advisory scope.
    NoScopeToken,
    /// An `advisories:write` token of the same account, revoked.
    Revoked,
    /// The police analyst: lead author and owner of the workspace. Acts last in every row,
    /// so each refusal meets the state that the lead's success then changes.
    Lead,
}

use Who::*;

/// Everyone, in the order of the columns of the tables below.
const CAST: [Who; 13] = [
    CoAuthor,
    Contributor,
    Observer,
    Outsider,
    Unverified,
    Coordinator,
    Admin,
    Anonymous,
    Token,
    ReadToken,
    NoScopeToken,
    Revoked,
    Lead,
];

const OK: &str = "ok";
const NF: &str = "NOT_FOUND";
const FB: &str = "FORBIDDEN";
const UA: &str = "UNAUTHENTICATED";
const CF: &str = "CONFLICT";
const BI: &str = "BAD_USER_INPUT";

/// Replaced, in a case's variables, by the advisory's current revision.
const CURRENT: &str = "<current revision>";
/// Replaced, in a case's variables, by a text naming the cell (so each save changes).
const CELL: &str = "<cell>";

// Reads.
const ADVISORY: &str =
    "query($id: ID!) { advisory(id: $id) { id title status revision current { number summary } } }";
const NODE: &str = "query($id: ID!) { node(id: $id) { id \
    ... on Advisory { title status current { summary } } \
    ... on Alert { title audience } } }";
const DIFF: &str = "query($id: ID!) { advisoryDiff(id: $id, from: 1, to: 2) { from to fields { field before after } } }";
const CSAF: &str = "query($id: ID!) { advisoryCsaf(id: $id) }";
const STIX: &str = "query($id: ID!) { advisoryStix(id: $id) }";
const WORKSPACE_ADVISORIES: &str =
    "query($w: ID!) { workspace(id: $w) { advisories(first: 50) { nodes { id } } } }";
const PUBLISHED: &str = "{ publishedAdvisories(first: 50) { nodes { id } } }";
const ALERTS: &str = "{ alerts(first: 50, includeExpired: true) { nodes { id audience } } }";
const PUBLIC_ALERTS: &str =
    "{ publicAlerts(first: 50, includeExpired: true) { nodes { id audience } } }";
const PERMISSIONS: &str = "query($id: ID!) { advisory(id: $id) { viewerCanEdit viewerCanManageAuthors viewerCanComment viewerCanSignOff viewerCanPublish viewerCanWithdraw workspace { id } } }";

// Mutations.
const CREATE: &str = "mutation($i: CreateAdvisoryInput!) { createAdvisory(input: $i) { id } }";
const SAVE: &str = "mutation($id: ID!, $rev: Int!, $s: String!) { saveAdvisory(id: $id, expectedRevision: $rev, changes: { summary: $s }) { id revision } }";
const ADD_INDICATORS: &str = "mutation($id: ID!, $rev: Int!) { addIndicators(id: $id, expectedRevision: $rev, text: \"198.51.100.7\\nember[.]example\") { accepted advisory { revision } } }";
const COMMENT: &str = "mutation($id: ID!, $s: String!) { addReviewComment(advisoryId: $id, revision: 1, field: \"summary\", body: $s) { comment { id } } }";
const RESOLVE: &str = "mutation($id: ID!, $r: Boolean!) { resolveReviewComment(id: $id, resolved: $r) { comment { id resolved } } }";
const REMOVE_CO_AUTHOR: &str =
    "mutation($a: ID!, $u: ID!) { removeCoAuthor(advisoryId: $a, userId: $u) { id } }";
const ISSUE_ALERT: &str = "mutation($i: IssueAlertInput!) { issueAlert(input: $i) { id } }";
const REVOKE_TOKEN: &str = "mutation($id: ID!) { revokeApiToken(id: $id) { active } }";

/// What the lead and the admin see of everything a mutation could change.
const SNAPSHOT: &str = "query($id: ID!, $w: ID!) { \
    advisory(id: $id) { revision status audience reference withdrawnReason title \
      current { summary indicatorCount } \
      authors(first: 50) { nodes { lead user { id } } } \
      signOffs(first: 50) { nodes { signed revision organization { id } } } \
      comments(first: 100, includeResolved: true) { nodes { id resolved body } } } \
    workspace(id: $w) { advisories(first: 100) { nodes { id } } } \
    alerts(first: 100, includeExpired: true) { nodes { id } } }";
const AUDIT_HEAD: &str = "{ auditEvents(first: 1) { nodes { id action } } }";

/// The shared situation every test starts from (see the module comment).
struct World {
    app: TestApp,
    // Credentials.
    lead: String,
    co_author: String,
    contributor: String,
    observer: String,
    outsider: String,
    unverified: String,
    coordinator: String,
    admin: String,
    token: String,
    read_token: String,
    no_scope_token: String,
    revoked: String,
    // Accounts.
    co_author_id: String,
    contributor_id: String,
    observer_id: String,
    service_id: String,
    // Content.
    workspace: String,
    /// `GREEN`, in `DRAFT` at revision 2; authors: the lead, the co-author and the service
    /// account.
    advisory: String,
}

async fn ok(app: &TestApp, token: &str, query: &str, variables: Value) -> Value {
    app.gql(Some(token), query, variables).await.ok().clone()
}

/// A token with `scopes` for the service account `account` (made by the admin); returns
/// (token id, secret).
async fn token_for(app: &TestApp, admin: &str, account: &str, scopes: &[&str]) -> (String, String) {
    let created = ok(
        app,
        admin,
        "mutation($a: ID!, $s: [String!]!) { createApiToken(input: { serviceAccountId: $a, name: \"matrix\", scopes: $s }) { token apiToken { id } } }",
        json!({ "a": account, "s": scopes }),
    )
    .await;
    let created = &created["createApiToken"];
    (
        id(&created["apiToken"]),
        created["token"].as_str().unwrap().to_owned(),
    )
}

/// Creates an advisory as `token`; returns its id.
async fn create(app: &TestApp, token: &str, workspace: &str, title: &str, tlp: &str) -> String {
    let created = ok(
        app,
        token,
        CREATE,
        json!({ "i": { "workspaceId": workspace, "title": title, "tlp": tlp, "severity": "HIGH", "summary": "First summary" } }),
    )
    .await;
    id(&created["createAdvisory"])
}

/// Saves a new summary as `token`, against the current revision.
async fn save_summary(app: &TestApp, token: &str, advisory: &str, summary: &str) {
    let current = ok(app, token, ADVISORY, json!({ "id": advisory })).await;
    let rev = current["advisory"]["revision"].as_i64().unwrap();
    ok(
        app,
        token,
        SAVE,
        json!({ "id": advisory, "rev": rev, "s": summary }),
    )
    .await;
}

impl World {
    async fn build() -> World {
        let app = spawn_app().await;
        let admin = app.login("admin@hub.example").await;
        let lead = app.login("analyst@police.example").await;
        let co_author = app.login("researcher@vendor.example").await;
        let contributor = app.login("soc@grid.example").await;
        let observer = app.login("professor@university.example").await;
        let outsider = app.login("handler@cert.example").await;
        let unverified = app.login("pending@unverified.example").await;
        let coordinator = app.login("coordinator@hub.example").await;

        // The service account of another law-enforcement organisation, and its tokens.
        let organizations = ok(
            &app,
            &admin,
            "{ organizations(first: 100) { nodes { id name } } }",
            json!({}),
        )
        .await;
        let directorate = organizations["organizations"]["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o["name"] == "Federal Cybercrime Directorate")
            .map(id)
            .unwrap();
        let account = ok(
            &app,
            &admin,
            "mutation($o: ID!) { createServiceAccount(input: { organizationId: $o, displayName: \"Case system\" }) { id } }",
            json!({ "o": directorate }),
        )
        .await;
        let service_id = id(&account["createServiceAccount"]);
        let (_, joiner) = token_for(&app, &admin, &service_id, &["workspaces:write"]).await;
        let (_, token) = token_for(&app, &admin, &service_id, &["advisories:write"]).await;
        let (_, read_token) = token_for(&app, &admin, &service_id, &["advisories:read"]).await;
        let (_, no_scope_token) = token_for(&app, &admin, &service_id, &["workspaces:read"]).await;
        let (revoked_id, revoked) =
            token_for(&app, &admin, &service_id, &["advisories:write"]).await;

        let workspace = create_workspace(
            &app,
            &lead,
            json!({ "name": "Operation Ember", "defaultTlp": "GREEN" }),
        )
        .await;
        join(&app, &lead, &workspace, &co_author, "CONTRIBUTOR").await;
        join(&app, &lead, &workspace, &contributor, "CONTRIBUTOR").await;
        join(&app, &lead, &workspace, &observer, "OBSERVER").await;
        join(&app, &lead, &workspace, &joiner, "CONTRIBUTOR").await;

        let advisory = create(&app, &lead, &workspace, "Ember loader", "GREEN").await;
        let co_author_id = user_id(&app, &co_author).await;
        for user in [&co_author_id, &service_id] {
            ok(
                &app,
                &lead,
                ADD_CO_AUTHOR,
                json!({ "a": advisory, "u": user }),
            )
            .await;
        }
        save_summary(&app, &lead, &advisory, "Second summary").await;
        ok(&app, &admin, REVOKE_TOKEN, json!({ "id": revoked_id })).await;

        World {
            contributor_id: user_id(&app, &contributor).await,
            observer_id: user_id(&app, &observer).await,
            co_author_id,
            service_id,
            app,
            lead,
            co_author,
            contributor,
            observer,
            outsider,
            unverified,
            coordinator,
            admin,
            token,
            read_token,
            no_scope_token,
            revoked,
            workspace,
            advisory,
        }
    }

    fn token(&self, who: Who) -> Option<&str> {
        Some(match who {
            CoAuthor => &self.co_author,
            Contributor => &self.contributor,
            Observer => &self.observer,
            Outsider => &self.outsider,
            Unverified => &self.unverified,
            Coordinator => &self.coordinator,
            Admin => &self.admin,
            Anonymous => return None,
            Token => &self.token,
            ReadToken => &self.read_token,
            NoScopeToken => &self.no_scope_token,
            Revoked => &self.revoked,
            Lead => &self.lead,
        })
    }

    async fn as_(&self, who: Who, query: &str, variables: Value) -> Answer {
        self.app.gql(self.token(who), query, variables).await
    }

    /// Everything a mutation could have changed, as the lead and the admin see it.
    async fn snapshot(&self) -> Value {
        let seen = ok(
            &self.app,
            &self.lead,
            SNAPSHOT,
            json!({ "id": self.advisory, "w": self.workspace }),
        )
        .await;
        let audit = ok(&self.app, &self.admin, AUDIT_HEAD, json!({})).await;
        json!({ "seen": seen, "audit": audit })
    }

    /// Makes the advisory `APPROVED`: submitted, signed off by the three organisations.
    async fn approve(&self) {
        ok(
            &self.app,
            &self.lead,
            SUBMIT,
            json!({ "id": self.advisory }),
        )
        .await;
        let rev = self.revision().await;
        for token in [&self.co_author, &self.token, &self.lead] {
            ok(
                &self.app,
                token,
                SIGN_OFF,
                json!({ "id": self.advisory, "rev": rev }),
            )
            .await;
        }
    }

    async fn revision(&self) -> i64 {
        ok(
            &self.app,
            &self.lead,
            ADVISORY,
            json!({ "id": self.advisory }),
        )
        .await["advisory"]["revision"]
            .as_i64()
            .unwrap()
    }

    /// An alert issued by the coordinator; returns its id.
    async fn alert(&self, audience: &str, title: &str) -> String {
        let issued = ok(
            &self.app,
            &self.coordinator,
            ISSUE_ALERT,
            json!({ "i": { "title": title, "summary": "Act now.", "severity": "HIGH", "audience": audience } }),
        )
        .await;
        id(&issued["issueAlert"])
    }
}

/// One row of a matrix: an operation and what each of the [`CAST`] must get, in its order.
struct Case {
    name: &'static str,
    query: &'static str,
    variables: Value,
    expected: [&'static str; 13],
}

fn case(
    name: &'static str,
    query: &'static str,
    variables: Value,
    expected: [&'static str; 13],
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

/// The variables with [`CURRENT`] and [`CELL`] filled in.
fn fill(variables: &Value, revision: i64, cell: &str) -> Value {
    let mut filled = variables.clone();
    if let Some(fields) = filled.as_object_mut() {
        for value in fields.values_mut() {
            if value == CURRENT {
                *value = json!(revision);
            } else if value == CELL {
                *value = json!(cell);
            }
        }
    }
    filled
}

/// Replays every case as every member of the cast, in order (a success changes the world
/// for what follows), and fails listing every cell that differs. A refused cell must leave
/// [`World::snapshot`] as it was.
async fn replay(world: &World, cases: &[Case]) {
    let mut wrong = Vec::new();
    for case in cases {
        for (who, expected) in CAST.into_iter().zip(case.expected) {
            let cell = format!("{} as {who:?}", case.name);
            let before = world.snapshot().await;
            let revision = before["seen"]["advisory"]["revision"].as_i64().unwrap();
            let variables = fill(&case.variables, revision, &cell);
            let answer = world.as_(who, case.query, variables).await;
            let got = outcome(&answer);
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
            if expected != OK {
                if fields.iter().any(|v| !v.is_null()) {
                    wrong.push(format!(
                        "{cell}: refused but data came back: {}",
                        answer.body
                    ));
                }
                let after = world.snapshot().await;
                if after != before {
                    wrong.push(format!(
                        "{cell}: refused but something changed:\n  before {before}\n  after  {after}"
                    ));
                }
            }
            if who == Revoked && answer.status != StatusCode::UNAUTHORIZED {
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
async fn each_caller_reads_unpublished_advisories_their_exports_and_alerts_as_the_policy_says() {
    // Arrange: besides the `GREEN` draft, a `RED` one of the lead and the co-author, an
    // `AMBER_STRICT` one of all three authoring organisations, and one alert per audience.
    let w = World::build().await;
    let red = create(&w.app, &w.lead, &w.workspace, "Ember sources", "RED").await;
    let strict = create(
        &w.app,
        &w.lead,
        &w.workspace,
        "Ember victims",
        "AMBER_STRICT",
    )
    .await;
    for (advisory, co_authors) in [
        (&red, vec![&w.co_author_id]),
        (&strict, vec![&w.co_author_id, &w.service_id]),
    ] {
        for user in co_authors {
            ok(
                &w.app,
                &w.lead,
                ADD_CO_AUTHOR,
                json!({ "a": advisory, "u": user }),
            )
            .await;
        }
        save_summary(&w.app, &w.lead, advisory, "Second summary").await;
    }
    let le_alert = w.alert("LAW_ENFORCEMENT", "Ember takedown tonight").await;
    let public_alert = w.alert("PUBLIC", "Fake invoices carry Ember").await;
    let green = || json!({ "id": w.advisory });
    let on = |id: &str| json!({ "id": id });
    #[rustfmt::skip]
    let cases = [
        //                                                           CoAu Contr Obs Outsdr Unver Coord Admin Anon Token RdTok NoScp Revkd Lead
        case("advisory(green)", ADVISORY, green(),                   [OK, OK, OK, NF, NF, NF, NF, NF, OK, OK, NF, UA, OK]),
        case("node(green)", NODE, green(),                           [OK, OK, OK, NF, NF, NF, NF, NF, OK, OK, NF, UA, OK]),
        case("advisoryDiff(green)", DIFF, green(),                   [OK, OK, OK, NF, NF, NF, NF, NF, OK, OK, NF, UA, OK]),
        case("advisoryCsaf(green)", CSAF, green(),                   [OK, OK, OK, NF, NF, NF, NF, NF, OK, OK, NF, UA, OK]),
        case("advisoryStix(green)", STIX, green(),                   [OK, OK, OK, NF, NF, NF, NF, NF, OK, OK, NF, UA, OK]),
        case("advisory(red)", ADVISORY, on(&red),                    [OK, NF, NF, NF, NF, NF, NF, NF, NF, NF, NF, UA, OK]),
        case("node(red)", NODE, on(&red),                            [OK, NF, NF, NF, NF, NF, NF, NF, NF, NF, NF, UA, OK]),
        case("advisoryDiff(red)", DIFF, on(&red),                    [OK, NF, NF, NF, NF, NF, NF, NF, NF, NF, NF, UA, OK]),
        case("advisoryCsaf(red)", CSAF, on(&red),                    [OK, NF, NF, NF, NF, NF, NF, NF, NF, NF, NF, UA, OK]),
        case("advisoryStix(red)", STIX, on(&red),                    [OK, NF, NF, NF, NF, NF, NF, NF, NF, NF, NF, UA, OK]),
        case("advisory(amber+strict)", ADVISORY, on(&strict),        [OK, OK, OK, NF, NF, NF, NF, NF, OK, OK, NF, UA, OK]),
        case("node(amber+strict)", NODE, on(&strict),                [OK, OK, OK, NF, NF, NF, NF, NF, OK, OK, NF, UA, OK]),
        case("advisoryDiff(amber+strict)", DIFF, on(&strict),        [OK, OK, OK, NF, NF, NF, NF, NF, OK, OK, NF, UA, OK]),
        case("advisoryCsaf(amber+strict)", CSAF, on(&strict),        [OK, FB, FB, NF, NF, NF, NF, NF, OK, OK, NF, UA, OK]),
        case("advisoryStix(amber+strict)", STIX, on(&strict),        [OK, FB, FB, NF, NF, NF, NF, NF, OK, OK, NF, UA, OK]),
        case("publishedAdvisories", PUBLISHED, json!({}),            [OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, UA, OK]),
        case("alerts", ALERTS, json!({}),                            [OK, OK, OK, OK, OK, OK, OK, UA, FB, FB, FB, UA, OK]),
        case("publicAlerts", PUBLIC_ALERTS, json!({}),               [OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, UA, OK]),
        case("node(law-enforcement alert)", NODE, on(&le_alert),     [NF, NF, NF, NF, NF, OK, OK, NF, NF, NF, NF, UA, OK]),
        case("node(public alert)", NODE, on(&public_alert),          [OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, UA, OK]),
    ];

    // Act + Assert
    replay(&w, &cases).await;
}

#[tokio::test]
async fn every_advisory_and_alert_mutation_answers_each_caller_as_the_policy_says() {
    // Arrange: two open review comments on revision 1, by the contributor and the co-author.
    let w = World::build().await;
    let mut comments = Vec::new();
    for token in [&w.contributor, &w.co_author] {
        let added = ok(
            &w.app,
            token,
            COMMENT,
            json!({ "id": w.advisory, "s": "Name the loader's family" }),
        )
        .await;
        comments.push(id(&added["addReviewComment"]["comment"]));
    }
    let (contributors_comment, co_authors_comment) = (&comments[0], &comments[1]);
    let a = || w.advisory.clone();
    let save = || json!({ "id": a(), "rev": CURRENT, "s": CELL });
    let le_alert = json!({ "i": { "title": "Ember takedown", "summary": "Coordinate before acting.", "severity": "HIGH", "audience": "LAW_ENFORCEMENT" } });
    let from_advisory = json!({ "i": { "advisoryId": a(), "audience": "LAW_ENFORCEMENT" } });
    // Rows run top to bottom, each left to right, the lead last.
    #[rustfmt::skip]
    let cases = [
        //                                                                                                 CoAu Contr Obs Outsdr Unver Coord Admin Anon Token RdTok NoScp Revkd Lead
        case("createAdvisory", CREATE, json!({ "i": { "workspaceId": w.workspace, "title": "Side note" } }), [OK, OK, FB, NF, NF, NF, NF, NF, OK, FB, NF, UA, OK]),
        case("saveAdvisory(draft)", SAVE, save(),                                                            [OK, FB, FB, NF, NF, NF, NF, NF, OK, FB, NF, UA, OK]),
        case("addIndicators", ADD_INDICATORS, json!({ "id": a(), "rev": CURRENT }),                          [OK, FB, FB, NF, NF, NF, NF, NF, OK, FB, NF, UA, OK]),
        case("addReviewComment", COMMENT, json!({ "id": a(), "s": CELL }),                                   [OK, OK, FB, NF, NF, NF, NF, NF, OK, FB, NF, UA, OK]),
        case("resolveReviewComment(co-author's)", RESOLVE, json!({ "id": co_authors_comment, "r": true }),   [OK, FB, FB, NF, NF, NF, NF, NF, OK, FB, NF, UA, OK]),
        case("resolveReviewComment(contributor's)", RESOLVE, json!({ "id": contributors_comment, "r": true }), [OK, OK, FB, NF, NF, NF, NF, NF, OK, FB, NF, UA, OK]),
        case("reopenReviewComment(contributor's)", RESOLVE, json!({ "id": contributors_comment, "r": false }), [OK, OK, FB, NF, NF, NF, NF, NF, OK, FB, NF, UA, OK]),
        case("addCoAuthor(contributor)", ADD_CO_AUTHOR, json!({ "a": a(), "u": w.contributor_id }),          [FB, FB, FB, NF, NF, NF, NF, NF, FB, FB, NF, UA, OK]),
        case("removeCoAuthor(contributor)", REMOVE_CO_AUTHOR, json!({ "a": a(), "u": w.contributor_id }),    [FB, FB, FB, NF, NF, NF, NF, NF, FB, FB, NF, UA, OK]),
        case("addCoAuthor(observer)", ADD_CO_AUTHOR, json!({ "a": a(), "u": w.observer_id }),                [FB, FB, FB, NF, NF, NF, NF, NF, FB, FB, NF, UA, BI]),
        case("submitForReview", SUBMIT, json!({ "id": a() }),                                                [OK, FB, FB, NF, NF, NF, NF, NF, CF, FB, NF, UA, CF]),
        case("signOff", SIGN_OFF, json!({ "id": a(), "rev": CURRENT }),                                      [OK, FB, FB, NF, NF, NF, NF, NF, OK, FB, NF, UA, OK]),
        case("publishAdvisory(approved)", PUBLISH, json!({ "id": a(), "a": "MEMBERS" }),                     [FB, FB, FB, NF, NF, NF, NF, NF, FB, FB, NF, UA, OK]),
        // Published to MEMBERS: every verified organisation reads it now, and none may edit it.
        case("advisory(published)", ADVISORY, json!({ "id": a() }),                                          [OK, OK, OK, OK, NF, OK, OK, NF, OK, OK, NF, UA, OK]),
        case("saveAdvisory(published)", SAVE, save(),                                                        [CF, FB, FB, FB, NF, FB, FB, NF, CF, FB, NF, UA, CF]),
        case("addReviewComment(published)", COMMENT, json!({ "id": a(), "s": CELL }),                        [OK, OK, FB, FB, NF, FB, FB, NF, OK, FB, NF, UA, OK]),
        case("issueAlert(standalone)", ISSUE_ALERT, le_alert,                                                [FB, FB, FB, FB, FB, OK, FB, UA, FB, FB, FB, UA, FB]),
        case("issueAlert(from the advisory)", ISSUE_ALERT, from_advisory,                                    [FB, FB, FB, FB, FB, OK, FB, UA, FB, FB, FB, UA, FB]),
        // A coordinator withdraws a published advisory without being a member (so the lead
        // finds it withdrawn already).
        case("withdrawAdvisory", WITHDRAW, json!({ "id": a(), "r": CELL }),                                  [FB, FB, FB, FB, NF, OK, FB, NF, FB, FB, NF, UA, CF]),
        case("publishAdvisory(withdrawn)", PUBLISH, json!({ "id": a(), "a": "MEMBERS" }),                    [FB, FB, FB, FB, NF, FB, FB, NF, FB, FB, NF, UA, CF]),
        case("withdrawAdvisory(withdrawn)", WITHDRAW, json!({ "id": a(), "r": CELL }),                       [FB, FB, FB, FB, NF, FB, FB, NF, FB, FB, NF, UA, CF]),
        case("advisory(withdrawn)", ADVISORY, json!({ "id": a() }),                                          [OK, OK, OK, OK, NF, OK, OK, NF, OK, OK, NF, UA, OK]),
    ];

    // Act + Assert
    replay(&w, &cases).await;
}

#[tokio::test]
async fn a_coordinator_who_is_a_member_may_publish_and_withdraw_and_one_who_is_not_may_not() {
    // Arrange
    let w = World::build().await;
    w.approve().await;
    let publish = json!({ "id": w.advisory, "a": "MEMBERS" });
    let outside = w
        .app
        .gql(Some(&w.coordinator), PUBLISH, publish.clone())
        .await;
    assert_eq!(outside.code(), Some(NF), "{}", outside.body);
    join(&w.app, &w.lead, &w.workspace, &w.coordinator, "OBSERVER").await;

    // Act
    let published = w.app.gql(Some(&w.coordinator), PUBLISH, publish).await;
    let withdrawn = w
        .app
        .gql(
            Some(&w.coordinator),
            WITHDRAW,
            json!({ "id": w.advisory, "r": "Published too early" }),
        )
        .await;

    // Assert
    assert_eq!(published.ok()["publishAdvisory"]["status"], "PUBLISHED");
    assert_eq!(withdrawn.ok()["withdrawAdvisory"]["status"], "WITHDRAWN");
    // Being a coordinator gives no right to edit.
    let saved = w
        .app
        .gql(
            Some(&w.coordinator),
            SAVE,
            json!({ "id": w.advisory, "rev": w.revision().await, "s": "Edited" }),
        )
        .await;
    assert_eq!(saved.code(), Some(FB), "{}", saved.body);
}

/// `(viewerCanEdit, viewerCanManageAuthors, viewerCanComment, viewerCanSignOff,
/// viewerCanPublish, viewerCanWithdraw, workspace shown)` as `who` sees the advisory.
async fn permissions(w: &World, who: Who) -> [bool; 7] {
    let answer = w.as_(who, PERMISSIONS, json!({ "id": w.advisory })).await;
    let a = &answer.ok()["advisory"];
    let flag = |name: &str| {
        a[name]
            .as_bool()
            .unwrap_or_else(|| panic!("{name} as {who:?}: {a}"))
    };
    [
        flag("viewerCanEdit"),
        flag("viewerCanManageAuthors"),
        flag("viewerCanComment"),
        flag("viewerCanSignOff"),
        flag("viewerCanPublish"),
        flag("viewerCanWithdraw"),
        !a["workspace"].is_null(),
    ]
}

async fn assert_permissions(w: &World, state: &str, table: &[(Who, [bool; 7])]) {
    let mut wrong = Vec::new();
    for (who, expected) in table {
        let got = permissions(w, *who).await;
        if got != *expected {
            wrong.push(format!(
                "{state}, as {who:?}: expected {expected:?}, got {got:?}"
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "(edit, manageAuthors, comment, signOff, publish, withdraw, workspace):\n{}",
        wrong.join("\n")
    );
}

#[tokio::test]
async fn the_viewer_can_fields_tell_each_caller_exactly_what_the_mutations_allow() {
    // Arrange: in review, signed off by the co-author's organisation only.
    let w = World::build().await;
    ok(&w.app, &w.lead, SUBMIT, json!({ "id": w.advisory })).await;
    let rev = w.revision().await;
    ok(
        &w.app,
        &w.co_author,
        SIGN_OFF,
        json!({ "id": w.advisory, "rev": rev }),
    )
    .await;
    const T: bool = true;
    const F: bool = false;

    // Act + Assert
    #[rustfmt::skip]
    assert_permissions(&w, "in review", &[
        //                  edit manage comment signOff publish withdraw workspace
        (Lead,        [T, T, T, T, F, T, T]),
        (CoAuthor,    [T, F, T, F, F, F, T]),
        (Contributor, [F, F, T, F, F, F, T]),
        (Observer,    [F, F, F, F, F, F, T]),
        // The tokens carry no `workspaces` scope: the workspace is not theirs to see.
        (Token,       [T, F, T, T, F, F, F]),
        (ReadToken,   [F, F, F, F, F, F, F]),
    ]).await;

    for token in [&w.token, &w.lead] {
        ok(
            &w.app,
            token,
            SIGN_OFF,
            json!({ "id": w.advisory, "rev": rev }),
        )
        .await;
    }
    join(&w.app, &w.lead, &w.workspace, &w.coordinator, "OBSERVER").await;
    #[rustfmt::skip]
    assert_permissions(&w, "approved", &[
        (Lead,        [T, T, T, F, T, T, T]),
        (CoAuthor,    [T, F, T, F, F, F, T]),
        (Contributor, [F, F, T, F, F, F, T]),
        (Observer,    [F, F, F, F, F, F, T]),
        (Coordinator, [F, F, F, F, T, T, T]),
        (Token,       [T, F, T, F, F, F, F]),
        (ReadToken,   [F, F, F, F, F, F, F]),
    ]).await;

    ok(
        &w.app,
        &w.lead,
        PUBLISH,
        json!({ "id": w.advisory, "a": "MEMBERS" }),
    )
    .await;
    #[rustfmt::skip]
    assert_permissions(&w, "published", &[
        (Lead,        [F, F, T, F, F, T, T]),
        (CoAuthor,    [F, F, T, F, F, F, T]),
        (Contributor, [F, F, T, F, F, F, T]),
        (Observer,    [F, F, F, F, F, F, T]),
        (Coordinator, [F, F, F, F, F, T, T]),
        // Reading as the audience: nothing to do, and no workspace.
        (Outsider,    [F, F, F, F, F, F, F]),
        (Admin,       [F, F, F, F, F, F, F]),
    ]).await;
}

/// The ids of a connection's nodes.
fn ids_of(connection: &Value) -> BTreeSet<String> {
    connection["nodes"]
        .as_array()
        .unwrap_or_else(|| panic!("not a connection: {connection}"))
        .iter()
        .map(id)
        .collect()
}

#[tokio::test]
async fn workspace_advisories_list_exactly_what_each_member_may_read_and_red_only_for_its_authors()
{
    // Arrange
    let w = World::build().await;
    let red = create(&w.app, &w.lead, &w.workspace, "Ember sources", "RED").await;
    ok(
        &w.app,
        &w.lead,
        ADD_CO_AUTHOR,
        json!({ "a": red, "u": w.co_author_id }),
    )
    .await;
    let strict = create(
        &w.app,
        &w.co_author,
        &w.workspace,
        "Ember victims",
        "AMBER_STRICT",
    )
    .await;
    // The service account reads the workspace and its advisories with `read`.
    let (_, reader) = token_for(&w.app, &w.admin, &w.service_id, &["read"]).await;
    let all: BTreeSet<String> = [&w.advisory, &red, &strict].into_iter().cloned().collect();
    let without_red: BTreeSet<String> = [&w.advisory, &strict].into_iter().cloned().collect();
    let cases = [
        (Lead, all.clone()),
        (CoAuthor, all),
        (Contributor, without_red.clone()),
        (Observer, without_red.clone()),
        // The workspace is readable with `workspaces:read`; its advisories need their scope.
        (NoScopeToken, BTreeSet::new()),
    ];

    for (who, expected) in cases {
        // Act
        let listed = w
            .as_(who, WORKSPACE_ADVISORIES, json!({ "w": w.workspace }))
            .await;

        // Assert
        assert_eq!(
            ids_of(&listed.ok()["workspace"]["advisories"]),
            expected,
            "as {who:?}: {}",
            listed.body
        );
    }
    let listed = w
        .app
        .gql(
            Some(&reader),
            WORKSPACE_ADVISORIES,
            json!({ "w": w.workspace }),
        )
        .await;
    assert_eq!(
        ids_of(&listed.ok()["workspace"]["advisories"]),
        without_red,
        "as the read token: {}",
        listed.body
    );
    // A status filter is a filter, not a way around the policy.
    let drafts = w
        .as_(
            Contributor,
            "query($w: ID!) { workspace(id: $w) { advisories(first: 50, status: DRAFT) { nodes { id } } } }",
            json!({ "w": w.workspace }),
        )
        .await;
    assert!(
        !ids_of(&drafts.ok()["workspace"]["advisories"]).contains(&red),
        "{}",
        drafts.body
    );
    // Without `workspaces:read` a token does not see the workspace at all.
    for who in [Outsider, Unverified, Coordinator, Admin, Anonymous, Token] {
        let listed = w
            .as_(who, WORKSPACE_ADVISORIES, json!({ "w": w.workspace }))
            .await;
        assert_eq!(listed.code(), Some(NF), "as {who:?}: {}", listed.body);
    }
}

/// Readers of the published advisories, none of them a member of the workspace but the
/// coordinator (a co-author of the law-enforcement advisory).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reader {
    Lead,
    /// investigator@police2.example: another law-enforcement organisation.
    Police2,
    /// coordinator@hub.example: an international body; co-author of the `LAW_ENFORCEMENT`
    /// advisory, so a member of the workspace.
    Coordinator,
    /// researcher@vendor.example.
    Vendor,
    /// pending@unverified.example.
    Unverified,
    Anonymous,
    /// A vendor service account's `advisories:read` token.
    VendorToken,
    /// A vendor service account's `workspaces:read` token.
    VendorNoScope,
}

#[tokio::test]
async fn published_advisories_reach_exactly_their_audience_and_stay_readable_once_withdrawn() {
    // Arrange: the police analyst publishes, alone, a `CLEAR` advisory to `PUBLIC` and two
    // `GREEN` ones to `MEMBERS` (one then withdrawn); with the coordinator as co-author, a
    // `GREEN` one to `LAW_ENFORCEMENT`; and keeps a draft.
    let app = spawn_app().await;
    let lead = app.login("analyst@police.example").await;
    let coordinator = app.login("coordinator@hub.example").await;
    let workspace = create_workspace(
        &app,
        &lead,
        json!({ "name": "Operation Reach", "defaultTlp": "GREEN" }),
    )
    .await;
    join(&app, &lead, &workspace, &coordinator, "CONTRIBUTOR").await;
    let coordinator_id = user_id(&app, &coordinator).await;
    let publish = |title: &'static str, tlp: &'static str, audience: &'static str, co: bool| {
        let (app, lead, coordinator) = (&app, &lead, &coordinator);
        let (workspace, coordinator_id) = (&workspace, &coordinator_id);
        async move {
            let advisory = create(app, lead, workspace, title, tlp).await;
            let mut signers = vec![lead];
            if co {
                ok(
                    app,
                    lead,
                    ADD_CO_AUTHOR,
                    json!({ "a": advisory, "u": coordinator_id }),
                )
                .await;
                signers.push(coordinator);
            }
            ok(app, lead, SUBMIT, json!({ "id": advisory })).await;
            for signer in signers {
                ok(app, signer, SIGN_OFF, json!({ "id": advisory, "rev": 1 })).await;
            }
            ok(app, lead, PUBLISH, json!({ "id": advisory, "a": audience })).await;
            advisory
        }
    };
    let public = publish("Fake invoice wave", "CLEAR", "PUBLIC", false).await;
    let members = publish("Ember loader for members", "GREEN", "MEMBERS", false).await;
    let withdrawn = publish("Ember loader, first take", "GREEN", "MEMBERS", false).await;
    ok(
        &app,
        &lead,
        WITHDRAW,
        json!({ "id": withdrawn, "r": "Superseded by the members' advisory" }),
    )
    .await;
    let police = publish("Ember operators", "GREEN", "LAW_ENFORCEMENT", true).await;
    let draft = create(&app, &lead, &workspace, "Ember, next steps", "GREEN").await;

    let police2 = app.login("investigator@police2.example").await;
    let vendor = app.login("researcher@vendor.example").await;
    let unverified = app.login("pending@unverified.example").await;
    let admin = app.login("admin@hub.example").await;
    let organizations = ok(
        &app,
        &admin,
        "{ organizations(first: 100) { nodes { id name } } }",
        json!({}),
    )
    .await;
    let sentinel = organizations["organizations"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["name"] == "Sentinel Threat Research")
        .map(id)
        .unwrap();
    let account = ok(
        &app,
        &admin,
        "mutation($o: ID!) { createServiceAccount(input: { organizationId: $o, displayName: \"TIP\" }) { id } }",
        json!({ "o": sentinel }),
    )
    .await;
    let account = id(&account["createServiceAccount"]);
    let (_, vendor_token) = token_for(&app, &admin, &account, &["advisories:read"]).await;
    let (_, vendor_no_scope) = token_for(&app, &admin, &account, &["workspaces:read"]).await;
    let token = |reader: Reader| -> Option<&str> {
        Some(match reader {
            Reader::Lead => &lead,
            Reader::Police2 => &police2,
            Reader::Coordinator => &coordinator,
            Reader::Vendor => &vendor,
            Reader::Unverified => &unverified,
            Reader::Anonymous => return None,
            Reader::VendorToken => &vendor_token,
            Reader::VendorNoScope => &vendor_no_scope,
        })
    };
    let set = |ids: &[&String]| -> BTreeSet<String> { ids.iter().map(|s| (*s).clone()).collect() };
    let everything = set(&[&public, &members, &withdrawn, &police]);
    let for_members = set(&[&public, &members, &withdrawn]);
    let for_anyone = set(&[&public]);
    let expected = [
        (Reader::Lead, everything.clone()),
        (Reader::Police2, everything.clone()),
        (Reader::Coordinator, everything),
        (Reader::Vendor, for_members.clone()),
        (Reader::Unverified, for_anyone.clone()),
        (Reader::Anonymous, for_anyone.clone()),
        (Reader::VendorToken, for_members),
        (Reader::VendorNoScope, for_anyone),
    ];

    let mut wrong = Vec::new();
    for (reader, readable) in expected {
        // Act
        let listed = app.gql(token(reader), PUBLISHED, json!({})).await;
        let mut read = BTreeSet::new();
        for advisory in [&public, &members, &withdrawn, &police, &draft] {
            for query in [ADVISORY, NODE] {
                let answer = app
                    .gql(token(reader), query, json!({ "id": advisory }))
                    .await;
                match outcome(&answer).as_str() {
                    OK => {
                        read.insert(advisory.clone());
                    }
                    NF => {}
                    other => wrong.push(format!("{reader:?}: {other}: {}", answer.body)),
                }
            }
        }

        // Assert
        let listed = ids_of(&listed.ok()["publishedAdvisories"]);
        if listed != readable {
            wrong.push(format!(
                "{reader:?} lists {listed:?}, expected {readable:?}"
            ));
        }
        // Members of the workspace also read its draft.
        let mut readable = readable;
        if matches!(reader, Reader::Lead | Reader::Coordinator) {
            readable.insert(draft.clone());
        }
        if read != readable {
            wrong.push(format!("{reader:?} reads {read:?}, expected {readable:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));

    // The withdrawn one reads as withdrawn, with its reason, to its audience.
    let seen = app
        .gql(
            Some(&vendor),
            "query($id: ID!) { advisory(id: $id) { status withdrawnReason withdrawnAt reference workspace { id } } }",
            json!({ "id": withdrawn }),
        )
        .await;
    let seen = &seen.ok()["advisory"];
    assert_eq!(seen["status"], "WITHDRAWN");
    assert_eq!(
        seen["withdrawnReason"],
        "Superseded by the members' advisory"
    );
    assert!(seen["withdrawnAt"].is_string() && seen["reference"].is_string());
    assert_eq!(seen["workspace"], Value::Null);
}

#[tokio::test]
async fn a_public_reader_gets_the_published_revision_and_not_the_amber_drafts_or_the_review_before_it()
 {
    // Arrange: drafted as `AMBER` with a detail only the workspace may know, discussed in
    // review, then lowered to `CLEAR` (an edit like any other) and published to `PUBLIC`.
    const SECRET: &str = "victim-bank-of-eldoria";
    let app = spawn_app().await;
    let lead = app.login("analyst@police.example").await;
    let workspace = create_workspace(
        &app,
        &lead,
        json!({ "name": "Operation Quiet", "defaultTlp": "AMBER" }),
    )
    .await;
    let advisory = ok(
        &app,
        &lead,
        CREATE,
        json!({ "i": { "workspaceId": workspace, "title": "Quiet loader", "tlp": "AMBER", "body": format!("Seen at {SECRET}.") } }),
    )
    .await;
    let advisory = id(&advisory["createAdvisory"]);
    ok(
        &app,
        &lead,
        COMMENT,
        json!({ "id": advisory, "s": format!("Keep {SECRET} out of the public version") }),
    )
    .await;
    ok(
        &app,
        &lead,
        "mutation($id: ID!) { saveAdvisory(id: $id, expectedRevision: 1, changes: { tlp: CLEAR, body: \"Seen at a bank.\" }) { revision } }",
        json!({ "id": advisory }),
    )
    .await;
    ok(&app, &lead, SUBMIT, json!({ "id": advisory })).await;
    ok(&app, &lead, SIGN_OFF, json!({ "id": advisory, "rev": 2 })).await;
    ok(
        &app,
        &lead,
        PUBLISH,
        json!({ "id": advisory, "a": "PUBLIC" }),
    )
    .await;

    // Act: everything an anonymous reader may ask about it.
    let read = app
        .gql(
            None,
            "query($id: ID!) { advisory(id: $id) { current { body } \
               first: revisionAt(number: 1) { body tlp } \
               revisions(first: 10) { nodes { number body tlp } } \
               comments(first: 10, includeResolved: true) { nodes { body } } } }",
            json!({ "id": advisory }),
        )
        .await;
    let diff = app
        .gql(
            None,
            "query($id: ID!) { advisoryDiff(id: $id, from: 1, to: 2) { fields { field before after } body { change text } } }",
            json!({ "id": advisory }),
        )
        .await;

    // Assert
    assert_eq!(
        read.body["data"]["advisory"]["current"]["body"], "Seen at a bank.",
        "{}",
        read.body
    );
    let leaks: Vec<String> = [("advisory", &read), ("advisoryDiff", &diff)]
        .into_iter()
        .filter(|(_, answer)| answer.body.to_string().contains(SECRET))
        .map(|(what, answer)| format!("{what}: {}", answer.body))
        .collect();
    assert!(
        leaks.is_empty(),
        "shown to the public, though only the workspace may read it:\n{}",
        leaks.join("\n")
    );
}

#[tokio::test]
async fn an_anonymous_reader_of_a_public_advisory_must_sign_in_to_change_it_and_changes_nothing() {
    // Arrange: lowered to CLEAR, approved and published to PUBLIC.
    let w = World::build().await;
    ok(
        &w.app,
        &w.lead,
        "mutation($id: ID!) { saveAdvisory(id: $id, expectedRevision: 2, changes: { tlp: CLEAR }) { revision } }",
        json!({ "id": w.advisory }),
    )
    .await;
    w.approve().await;
    ok(
        &w.app,
        &w.lead,
        PUBLISH,
        json!({ "id": w.advisory, "a": "PUBLIC" }),
    )
    .await;
    let a = || w.advisory.clone();
    let cases = [
        (
            "saveAdvisory",
            SAVE,
            json!({ "id": a(), "rev": 3, "s": "Anonymous edit" }),
        ),
        (
            "addIndicators",
            ADD_INDICATORS,
            json!({ "id": a(), "rev": 3 }),
        ),
        (
            "addReviewComment",
            COMMENT,
            json!({ "id": a(), "s": "Anonymous remark" }),
        ),
        (
            "addCoAuthor",
            ADD_CO_AUTHOR,
            json!({ "a": a(), "u": w.contributor_id }),
        ),
        ("signOff", SIGN_OFF, json!({ "id": a(), "rev": 3 })),
        (
            "withdrawAdvisory",
            WITHDRAW,
            json!({ "id": a(), "r": "Anonymous" }),
        ),
    ];
    let before = w.snapshot().await;

    for (name, query, variables) in cases {
        // Act
        let answer = w.as_(Anonymous, query, variables).await;

        // Assert
        assert_eq!(answer.code(), Some(UA), "{name}: {}", answer.body);
        assert_eq!(w.snapshot().await, before, "{name} changed something");
    }
    let read = w
        .as_(Anonymous, ADVISORY, json!({ "id": w.advisory }))
        .await;
    assert_eq!(read.ok()["advisory"]["status"], "PUBLISHED");
}
