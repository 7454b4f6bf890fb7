//! The tenant matrix of training and certificates: every query and mutation of the area,
//! replayed as each kind of caller, asserting the code `auth/policy/training.rs` gives —
//! and, for every refusal, that nothing was written (the programme concerned, its modules,
//! sessions, participants and certificates as a coordinator sees them, and the head of the
//! audit log, are the same after the refusal as before).
//!
//! What the policy does, as the matrix documents it:
//! - a programme (or its module, session, enrolment, certificate) the caller may not see is
//!   `NOT_FOUND` — for anonymous callers too, whatever they ask of it;
//! - what the caller may see but not do is `FORBIDDEN`; an API token lacking
//!   `training:write` is `FORBIDDEN` for anything but reading, one lacking `training:read`
//!   is `NOT_FOUND` for objects and `FORBIDDEN` for the viewer's own lists;
//! - operations naming no object (`createProgramme`, `myEnrolments`, `myCertificates`,
//!   `programmes`) need an account: anonymous callers get `UNAUTHENTICATED`;
//! - `revokeCertificate` and the enrolment operations of managers (`removeParticipant`,
//!   `recordAttendance`, `completeEnrolment`) hide what the caller may not manage:
//!   `NOT_FOUND`, except for the learner whose own enrolment it is (`FORBIDDEN`);
//! - a revoked token is `UNAUTHENTICATED` (HTTP 401) whatever it asks;
//! - `verifyCertificate` answers anyone.
//!
//! Instructors must be members of the provider organisation, and every member of a verified
//! provider manages its programmes: so the instructor column is always the manager's. It is
//! kept to show that naming someone instructor takes nothing away.
//!
//! Each test builds its own [`World`]: programmes of the vendor (Sentinel Threat Research),
//! most of them for `LAW_ENFORCEMENT` only, so the CERT handler is a learner of a kind the
//! audience does not admit and the police analyst one it admits.

use reqwest::StatusCode;
use serde_json::{Map, Value, json};
use tests::{Answer, TestApp, spawn_app};

use super::collaboration::{id, user_id};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Who {
    /// The police analyst: a learner of a kind the audience admits (enrolled and confirmed
    /// in the programme's session).
    Learner,
    /// The CERT handler: verified, of a kind a `LAW_ENFORCEMENT`-only audience does not admit.
    OtherKind,
    /// The professor: a member of another provider organisation (ACADEMIA).
    OtherProvider,
    /// A member of an unverified organisation.
    Unverified,
    Anonymous,
    /// A `training:read` token of a service account of the vendor.
    ReadToken,
    /// A `workspaces:read` token of the same account: no training scope.
    NoScopeToken,
    /// A `training:write` token of the same account, revoked.
    Revoked,
    /// The coordinator (organisation of kind INTERNATIONAL_BODY).
    Coordinator,
    /// A `training:write` token of the vendor's service account.
    WriteToken,
    /// A second vendor member, instructor of the sessions.
    Instructor,
    /// The vendor researcher: a member of the provider, manager.
    Manager,
}

use Who::*;

const CAST: [Who; 12] = [
    Learner,
    OtherKind,
    OtherProvider,
    Unverified,
    Anonymous,
    ReadToken,
    NoScopeToken,
    Revoked,
    Coordinator,
    WriteToken,
    Instructor,
    Manager,
];

const OK: &str = "ok";
const NF: &str = "NOT_FOUND";
const FB: &str = "FORBIDDEN";
const UA: &str = "UNAUTHENTICATED";

/// Managing a visible (open) `LAW_ENFORCEMENT`-only programme.
const MANAGE: [&str; 12] = [FB, NF, NF, NF, NF, FB, NF, UA, OK, OK, OK, OK];
/// Managing a draft: the learner does not see it.
const MANAGE_DRAFT: [&str; 12] = [NF, NF, NF, NF, NF, FB, NF, UA, OK, OK, OK, OK];
/// Learning in a `LAW_ENFORCEMENT`-only programme: only the admitted learner; managers of
/// other kinds see it but may not take it.
const LEARN_LE: [&str; 12] = [OK, NF, NF, NF, NF, FB, NF, UA, FB, FB, FB, FB];
/// Managing someone's enrolment: hidden from all who may not instruct, but its learner.
const ON_ENROLMENT: [&str; 12] = [FB, NF, NF, NF, NF, NF, NF, UA, OK, OK, OK, OK];
/// The viewer's own lists.
const MINE: [&str; 12] = [OK, OK, OK, OK, UA, OK, FB, UA, OK, OK, OK, OK];

const SESSION_FIELDS: &str = "id startsAt endsAt timeZone place onlineLink capacity status seatsTaken waitingListLength participants(first: 20) { nodes { id status attended completedAt } }";
const CREATE: &str = "mutation($i: CreateProgrammeInput!) { createProgramme(input: $i) { id } }";
const OPEN: &str = "mutation($id: ID!) { openProgramme(id: $id) { id status } }";
const CLOSE: &str = "mutation($id: ID!) { closeProgramme(id: $id) { id status } }";
const UPDATE: &str = "mutation($id: ID!, $t: String!) { updateProgramme(id: $id, input: { title: $t }) { id title } }";
const READ: &str = "query($id: ID!) { programme(id: $id) { id title status } }";
const ADD_MODULE: &str = "mutation($id: ID!, $t: String!) { addModule(programmeId: $id, title: $t, content: \"Read this.\") { id position } }";
const UPDATE_MODULE: &str =
    "mutation($id: ID!, $t: String!) { updateModule(id: $id, title: $t) { id title } }";
const REMOVE_MODULE: &str = "mutation($id: ID!) { removeModule(id: $id) { id } }";
const COMPLETE_MODULE: &str =
    "mutation($id: ID!) { completeModule(id: $id) { id viewerProgress { completedModules } } }";
const UNCOMPLETE_MODULE: &str = "mutation($id: ID!) { uncompleteModule(id: $id) { id } }";
const CREATE_SESSION: &str =
    "mutation($id: ID!, $i: SessionInput!) { createSession(programmeId: $id, input: $i) { id } }";
const UPDATE_SESSION: &str =
    "mutation($id: ID!, $p: String!) { updateSession(id: $id, input: { place: $p }) { id place } }";
const CANCEL_SESSION: &str = "mutation($id: ID!) { cancelSession(id: $id) { id status } }";
const ENROL: &str = "mutation($id: ID!) { enrol(sessionId: $id) { id status } }";
const CANCEL_ENROLMENT: &str =
    "mutation($id: ID!) { cancelEnrolment(sessionId: $id) { id status } }";
const REMOVE_PARTICIPANT: &str =
    "mutation($id: ID!) { removeParticipant(enrolmentId: $id) { id status } }";
const ATTENDANCE: &str =
    "mutation($id: ID!) { recordAttendance(enrolmentId: $id, attended: true) { id attended } }";
const COMPLETE_ENROLMENT: &str =
    "mutation($id: ID!) { completeEnrolment(enrolmentId: $id) { id completedAt } }";
const ISSUE: &str =
    "mutation($id: ID!, $u: ID!) { issueCertificate(programmeId: $id, userId: $u) { id code } }";
const REVOKE: &str =
    "mutation($id: ID!, $r: String!) { revokeCertificate(id: $id, reason: $r) { id status } }";
const PROGRAMME_CERTIFICATES: &str =
    "query($id: ID!) { programmeCertificates(programmeId: $id, first: 50) { nodes { id } } }";
const MY_CERTIFICATES: &str = "{ myCertificates(first: 50) { nodes { id } } }";
const MY_ENROLMENTS: &str = "{ myEnrolments(first: 50) { nodes { id status } } }";
const VERIFY: &str = "query($c: String!) { verifyCertificate(code: $c) { status programmeTitle } }";

/// Replaced, in a case's variables, by a text naming the cell (so each save changes).
const CELL: &str = "<cell>";

/// What a cell needs made afresh before it acts (by the manager), so that every cell meets
/// the same state whatever the cells before it did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fresh {
    /// Nothing: the world's objects.
    Nothing,
    /// `<id>`: a new `LAW_ENFORCEMENT`-only classroom draft.
    Draft,
    /// `<id>`: a new open `LAW_ENFORCEMENT`-only classroom programme.
    Open,
    /// `<id>`: a new module of the e-learning programme.
    Module,
    /// `<id>`: a new session of the classroom programme.
    Session,
    /// `<id>`: a new session of the programme open to every kind.
    AllKindsSession,
    /// `<id>`: a new session of the classroom programme in which the learner holds a seat;
    /// `<enrolment>`: that enrolment.
    Enrolled,
    /// `<id>`: a new certificate of the certification programme held by the learner.
    Certificate,
}

struct World {
    app: TestApp,
    learner: String,
    other_kind: String,
    other_provider: String,
    unverified: String,
    coordinator: String,
    admin: String,
    read_token: String,
    no_scope_token: String,
    revoked: String,
    write_token: String,
    instructor: String,
    manager: String,
    learner_id: String,
    instructor_id: String,
    /// Open, CLASSROOM, `LAW_ENFORCEMENT` only.
    classroom: String,
    /// Its session: the learner holds a seat, the instructor instructs.
    session: String,
    /// A draft, `LAW_ENFORCEMENT` only.
    draft: String,
    /// Open, WORKSHOP, every kind.
    all_kinds: String,
    all_kinds_session: String,
    /// Open, E_LEARNING, `LAW_ENFORCEMENT` only, with one module.
    elearning: String,
    module: String,
    /// Open, CERTIFICATION, `LAW_ENFORCEMENT` only; the learner holds one certificate.
    certification: String,
    certificate_code: String,
    /// The professor's draft (another provider).
    professor_draft: String,
}

async fn ok(app: &TestApp, token: &str, query: &str, variables: Value) -> Value {
    app.gql(Some(token), query, variables).await.ok().clone()
}

async fn token_for(app: &TestApp, admin: &str, account: &str, scopes: &[&str]) -> (String, String) {
    let created = ok(
        app,
        admin,
        "mutation($a: ID!, $s: [String!]!) { createApiToken(input: { serviceAccountId: $a, name: \"lms\", scopes: $s }) { token apiToken { id } } }",
        json!({ "a": account, "s": scopes }),
    )
    .await;
    let created = &created["createApiToken"];
    (
        id(&created["apiToken"]),
        created["token"].as_str().unwrap().to_owned(),
    )
}

/// A programme of the viewer's organisation; opened unless `draft`. Returns its id.
async fn programme(
    app: &TestApp,
    token: &str,
    title: &str,
    format: &str,
    audience: Option<Vec<&str>>,
    draft: bool,
) -> String {
    let created = ok(
        app,
        token,
        CREATE,
        json!({ "i": { "title": title, "format": format, "language": "en", "audienceKinds": audience } }),
    )
    .await;
    let programme = id(&created["createProgramme"]);
    if !draft {
        ok(app, token, OPEN, json!({ "id": programme })).await;
    }
    programme
}

fn session_input(instructor: &str) -> Value {
    json!({
        "startsAt": "2099-03-01T09:00:00Z", "endsAt": "2099-03-01T17:00:00Z",
        "timeZone": "Europe/Amsterdam", "place": "The Hague", "onlineLink": "https://meet.example/le",
        "capacity": 20, "instructorIds": [instructor],
    })
}

async fn session(app: &TestApp, token: &str, programme: &str, instructor: &str) -> String {
    let created = ok(
        app,
        token,
        CREATE_SESSION,
        json!({ "id": programme, "i": session_input(instructor) }),
    )
    .await;
    id(&created["createSession"])
}

/// A member of the vendor made by the admin; returns their access token.
async fn vendor_member(app: &TestApp, admin: &str, email: &str) -> String {
    let org = app.organization_id("Sentinel Threat Research").await;
    ok(
        app,
        admin,
        "mutation($e: String!, $o: ID!) { createUser(input: { email: $e, displayName: \"Ines Instructor\", password: \"correct horse battery\", organizationId: $o }) { id } }",
        json!({ "e": email, "o": org }),
    )
    .await;
    let login = app
        .gql(
            None,
            "mutation($e: String!) { login(email: $e, password: \"correct horse battery\") { accessToken } }",
            json!({ "e": email }),
        )
        .await;
    login.ok()["login"]["accessToken"]
        .as_str()
        .unwrap()
        .to_owned()
}

impl World {
    async fn build() -> World {
        let app = spawn_app().await;
        let admin = app.login("admin@hub.example").await;
        let manager = app.login("researcher@vendor.example").await;
        let learner = app.login("analyst@police.example").await;
        let other_kind = app.login("handler@cert.example").await;
        let other_provider = app.login("professor@university.example").await;
        let unverified = app.login("pending@unverified.example").await;
        let coordinator = app.login("coordinator@hub.example").await;
        let instructor = vendor_member(&app, &admin, "instructor@vendor.example").await;

        let vendor = app.organization_id("Sentinel Threat Research").await;
        let account = ok(
            &app,
            &admin,
            "mutation($o: ID!) { createServiceAccount(input: { organizationId: $o, displayName: \"LMS\" }) { id } }",
            json!({ "o": vendor }),
        )
        .await;
        let account = id(&account["createServiceAccount"]);
        let (_, write_token) = token_for(&app, &admin, &account, &["training:write"]).await;
        let (_, read_token) = token_for(&app, &admin, &account, &["training:read"]).await;
        let (_, no_scope_token) = token_for(&app, &admin, &account, &["workspaces:read"]).await;
        let (revoked_id, revoked) = token_for(&app, &admin, &account, &["training:write"]).await;
        ok(
            &app,
            &admin,
            "mutation($id: ID!) { revokeApiToken(id: $id) { active } }",
            json!({ "id": revoked_id }),
        )
        .await;

        let le = || Some(vec!["LAW_ENFORCEMENT"]);
        let learner_id = user_id(&app, &learner).await;
        let instructor_id = user_id(&app, &instructor).await;
        let classroom =
            programme(&app, &manager, "Seizing servers", "CLASSROOM", le(), false).await;
        let session = session(&app, &manager, &classroom, &instructor_id).await;
        ok(&app, &learner, ENROL, json!({ "id": session })).await;
        let draft = programme(&app, &manager, "Draft course", "CLASSROOM", le(), true).await;
        let all_kinds = programme(&app, &manager, "Phishing basics", "WORKSHOP", None, false).await;
        let all_kinds_session = self::session(&app, &manager, &all_kinds, &instructor_id).await;
        let elearning = programme(
            &app,
            &manager,
            "Chain of custody",
            "E_LEARNING",
            le(),
            false,
        )
        .await;
        let module = ok(
            &app,
            &manager,
            ADD_MODULE,
            json!({ "id": elearning, "t": "Evidence bags" }),
        )
        .await;
        let module = id(&module["addModule"]);
        let certification = programme(
            &app,
            &manager,
            "Certified examiner",
            "CERTIFICATION",
            le(),
            false,
        )
        .await;
        let certificate = ok(
            &app,
            &manager,
            ISSUE,
            json!({ "id": certification, "u": learner_id }),
        )
        .await;
        let certificate_code = certificate["issueCertificate"]["code"]
            .as_str()
            .unwrap()
            .to_owned();
        let professor_draft = programme(
            &app,
            &other_provider,
            "Research ethics",
            "CLASSROOM",
            None,
            true,
        )
        .await;

        World {
            app,
            learner,
            other_kind,
            other_provider,
            unverified,
            coordinator,
            admin,
            read_token,
            no_scope_token,
            revoked,
            write_token,
            instructor,
            manager,
            learner_id,
            instructor_id,
            classroom,
            session,
            draft,
            all_kinds,
            all_kinds_session,
            elearning,
            module,
            certification,
            certificate_code,
            professor_draft,
        }
    }

    fn token(&self, who: Who) -> Option<&str> {
        Some(match who {
            Learner => &self.learner,
            OtherKind => &self.other_kind,
            OtherProvider => &self.other_provider,
            Unverified => &self.unverified,
            Anonymous => return None,
            ReadToken => &self.read_token,
            NoScopeToken => &self.no_scope_token,
            Revoked => &self.revoked,
            Coordinator => &self.coordinator,
            WriteToken => &self.write_token,
            Instructor => &self.instructor,
            Manager => &self.manager,
        })
    }

    /// Makes what a cell needs; returns the placeholders and the programme concerned.
    async fn fresh(&self, fresh: Fresh) -> (Map<String, Value>, Option<String>) {
        let (app, m) = (&self.app, &self.manager);
        let le = || Some(vec!["LAW_ENFORCEMENT"]);
        let mut out = Map::new();
        let programme = match fresh {
            Fresh::Nothing => None,
            Fresh::Draft | Fresh::Open => {
                let p = programme(app, m, "Fresh", "CLASSROOM", le(), fresh == Fresh::Draft).await;
                out.insert("id".into(), json!(p));
                Some(p)
            }
            Fresh::Module => {
                let added = ok(
                    app,
                    m,
                    ADD_MODULE,
                    json!({ "id": self.elearning, "t": "Fresh" }),
                )
                .await;
                out.insert("id".into(), json!(id(&added["addModule"])));
                Some(self.elearning.clone())
            }
            Fresh::Session | Fresh::AllKindsSession | Fresh::Enrolled => {
                let p = if fresh == Fresh::AllKindsSession {
                    &self.all_kinds
                } else {
                    &self.classroom
                };
                let s = session(app, m, p, &self.instructor_id).await;
                out.insert("id".into(), json!(s));
                if fresh == Fresh::Enrolled {
                    let e = ok(app, &self.learner, ENROL, json!({ "id": s })).await;
                    out.insert("enrolment".into(), json!(id(&e["enrol"])));
                }
                Some(p.clone())
            }
            Fresh::Certificate => {
                let c = ok(
                    app,
                    m,
                    ISSUE,
                    json!({ "id": self.certification, "u": self.learner_id }),
                )
                .await;
                out.insert("id".into(), json!(id(&c["issueCertificate"])));
                Some(self.certification.clone())
            }
        };
        (out, programme)
    }

    /// Everything a training operation could change of `programme`, as the coordinator sees
    /// it, with the newest audit event (every training write records one).
    async fn snapshot(&self, programme: Option<&str>) -> Value {
        let audit = ok(
            &self.app,
            &self.admin,
            "{ auditEvents(first: 1) { nodes { id action } } }",
            json!({}),
        )
        .await;
        let Some(programme) = programme else {
            return json!({ "audit": audit });
        };
        let seen = ok(
            &self.app,
            &self.coordinator,
            &format!(
                "query($p: ID!) {{ programme(id: $p) {{ title status language audienceKinds \
                 modules(first: 20) {{ nodes {{ id title position }} }} \
                 sessions(first: 5, includePast: true) {{ nodes {{ {SESSION_FIELDS} }} }} }} \
                 programmeCertificates(programmeId: $p, first: 20) {{ nodes {{ id status revokedAt }} }} }}"
            ),
            json!({ "p": programme }),
        )
        .await;
        json!({ "audit": audit, "seen": seen })
    }
}

struct Case {
    name: &'static str,
    query: &'static str,
    /// Strings `<cell>` and `<key>` are filled in (see [`Fresh`]).
    variables: Value,
    fresh: Fresh,
    /// The programme to compare on refusal when nothing fresh is made.
    programme: Option<String>,
    expected: [&'static str; 12],
}

fn case(
    name: &'static str,
    query: &'static str,
    variables: Value,
    fresh: Fresh,
    programme: Option<&str>,
    expected: [&'static str; 12],
) -> Case {
    Case {
        name,
        query,
        variables,
        fresh,
        programme: programme.map(str::to_owned),
        expected,
    }
}

fn outcome(answer: &Answer) -> String {
    if answer.body.get("errors").is_none() {
        return OK.to_owned();
    }
    answer
        .code()
        .unwrap_or("(an error without a code)")
        .to_owned()
}

fn top_level(answer: &Answer) -> Vec<&Value> {
    answer
        .data()
        .as_object()
        .map(|fields| fields.values().collect())
        .unwrap_or_default()
}

fn fill(variables: &Value, fresh: &Map<String, Value>, cell: &str) -> Value {
    match variables {
        Value::String(s) if s == CELL => json!(cell),
        Value::String(s) if s.starts_with('<') && s.ends_with('>') => fresh
            .get(&s[1..s.len() - 1])
            .cloned()
            .unwrap_or_else(|| panic!("no fresh {s}")),
        Value::Object(fields) => Value::Object(
            fields
                .iter()
                .map(|(k, v)| (k.clone(), fill(v, fresh, cell)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(|v| fill(v, fresh, cell)).collect()),
        other => other.clone(),
    }
}

/// Replays every case as every member of the cast and fails listing every cell that
/// differs. A refused cell must leave [`World::snapshot`] as it was.
async fn replay(world: &World, cases: &[Case]) {
    let mut wrong = Vec::new();
    for case in cases {
        for (who, expected) in CAST.into_iter().zip(case.expected) {
            let cell = format!("{} as {who:?}", case.name);
            let (fresh, fresh_programme) = world.fresh(case.fresh).await;
            let programme = fresh_programme.or_else(|| case.programme.clone());
            let before = world.snapshot(programme.as_deref()).await;
            let variables = fill(&case.variables, &fresh, &cell);
            let answer = world.app.gql(world.token(who), case.query, variables).await;
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
                let after = world.snapshot(programme.as_deref()).await;
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
async fn training_matrix_programmes_are_created_read_changed_opened_and_closed_as_the_policy_says()
{
    let w = World::build().await;
    let vendor = w.app.organization_id("Sentinel Threat Research").await;
    let p = Some(w.classroom.as_str());
    #[rustfmt::skip]
    let cases = [
        case("createProgramme for their own organisation", CREATE,
            json!({ "i": { "title": CELL, "format": "WORKSHOP", "language": "en" } }), Fresh::Nothing, None,
            //Learner OtherKind OtherProv Unverif Anon ReadTok NoScope Revoked Coord WriteTok Instr Manager
            [OK,     OK,       OK,       FB,     UA,  FB,     FB,     UA,     OK,   OK,      OK,   OK]),
        case("createProgramme for the vendor", CREATE,
            json!({ "i": { "title": CELL, "format": "WORKSHOP", "language": "en", "providerOrganizationId": vendor } }),
            Fresh::Nothing, None,
            [FB,     FB,       FB,       FB,     UA,  FB,     FB,     UA,     OK,   OK,      OK,   OK]),
        case("updateProgramme (open)", UPDATE, json!({ "id": w.classroom, "t": CELL }), Fresh::Nothing, p, MANAGE),
        case("updateProgramme (draft)", UPDATE, json!({ "id": w.draft, "t": CELL }), Fresh::Nothing,
            Some(&w.draft), MANAGE_DRAFT),
        case("openProgramme", OPEN, json!({ "id": "<id>" }), Fresh::Draft, None, MANAGE_DRAFT),
        case("closeProgramme", CLOSE, json!({ "id": "<id>" }), Fresh::Open, None, MANAGE),
        case("programme(id) of a draft", READ, json!({ "id": w.draft }), Fresh::Nothing, Some(&w.draft),
            [NF,     NF,       NF,       NF,     NF,  OK,     NF,     UA,     OK,   OK,      OK,   OK]),
        case("programme(id) of an open LAW_ENFORCEMENT-only one", READ, json!({ "id": w.classroom }),
            Fresh::Nothing, p,
            [OK,     NF,       NF,       NF,     NF,  OK,     NF,     UA,     OK,   OK,      OK,   OK]),
        case("programme(id) of an open one for every kind", READ, json!({ "id": w.all_kinds }),
            Fresh::Nothing, Some(&w.all_kinds),
            [OK,     OK,       OK,       NF,     NF,  OK,     NF,     UA,     OK,   OK,      OK,   OK]),
        case("programme(id) of another provider's draft", READ, json!({ "id": w.professor_draft }),
            Fresh::Nothing, Some(&w.professor_draft),
            [NF,     NF,       OK,       NF,     NF,  NF,     NF,     UA,     OK,   NF,      NF,   NF]),
    ];
    replay(&w, &cases).await;
}

#[tokio::test]
async fn training_matrix_modules_are_managed_by_the_provider_and_completed_by_admitted_learners() {
    let w = World::build().await;
    let e = Some(w.elearning.as_str());
    #[rustfmt::skip]
    let cases = [
        case("addModule", ADD_MODULE, json!({ "id": w.elearning, "t": CELL }), Fresh::Nothing, e, MANAGE),
        case("updateModule", UPDATE_MODULE, json!({ "id": w.module, "t": CELL }), Fresh::Nothing, e, MANAGE),
        case("removeModule", REMOVE_MODULE, json!({ "id": "<id>" }), Fresh::Module, None, MANAGE),
        case("completeModule", COMPLETE_MODULE, json!({ "id": w.module }), Fresh::Nothing, e, LEARN_LE),
        case("uncompleteModule", UNCOMPLETE_MODULE, json!({ "id": w.module }), Fresh::Nothing, e, LEARN_LE),
    ];
    replay(&w, &cases).await;
}

#[tokio::test]
async fn training_matrix_sessions_and_enrolments_follow_the_policy() {
    let w = World::build().await;
    let p = Some(w.classroom.as_str());
    #[rustfmt::skip]
    let cases = [
        case("createSession", CREATE_SESSION, json!({ "id": w.classroom, "i": session_input(&w.instructor_id) }),
            Fresh::Nothing, p, MANAGE),
        case("updateSession", UPDATE_SESSION, json!({ "id": w.session, "p": CELL }), Fresh::Nothing, p, MANAGE),
        case("cancelSession", CANCEL_SESSION, json!({ "id": "<id>" }), Fresh::Session, None, MANAGE),
        case("enrol (LAW_ENFORCEMENT only)", ENROL, json!({ "id": "<id>" }), Fresh::Session, None, LEARN_LE),
        // A service account takes no training, whatever its token's scope.
        case("enrol (every kind)", ENROL, json!({ "id": "<id>" }), Fresh::AllKindsSession, None,
            //Learner OtherKind OtherProv Unverif Anon ReadTok NoScope Revoked Coord WriteTok Instr Manager
            [OK,     OK,       OK,       NF,     NF,  FB,     NF,     UA,     OK,   FB,      OK,   OK]),
        case("cancelEnrolment (the learner's)", CANCEL_ENROLMENT, json!({ "id": "<id>" }), Fresh::Enrolled, None,
            LEARN_LE),
        case("removeParticipant", REMOVE_PARTICIPANT, json!({ "id": "<enrolment>" }), Fresh::Enrolled, None,
            ON_ENROLMENT),
        case("recordAttendance", ATTENDANCE, json!({ "id": "<enrolment>" }), Fresh::Enrolled, None, ON_ENROLMENT),
        case("completeEnrolment", COMPLETE_ENROLMENT, json!({ "id": "<enrolment>" }), Fresh::Enrolled, None,
            ON_ENROLMENT),
        case("myEnrolments", MY_ENROLMENTS, json!({}), Fresh::Nothing, p, MINE),
    ];
    replay(&w, &cases).await;
}

#[tokio::test]
async fn training_matrix_certificates_are_issued_and_revoked_by_managers_and_verified_by_anyone() {
    let w = World::build().await;
    let c = Some(w.certification.as_str());
    #[rustfmt::skip]
    let cases = [
        case("issueCertificate", ISSUE, json!({ "id": w.certification, "u": w.learner_id }), Fresh::Nothing, c,
            MANAGE),
        case("revokeCertificate", REVOKE, json!({ "id": "<id>", "r": CELL }), Fresh::Certificate, None,
            //Learner OtherKind OtherProv Unverif Anon ReadTok NoScope Revoked Coord WriteTok Instr Manager
            [NF,     NF,       NF,       NF,     NF,  NF,     NF,     UA,     OK,   OK,      OK,   OK]),
        // Listing a programme's certificates is managing it: a training:read token may not.
        case("programmeCertificates", PROGRAMME_CERTIFICATES, json!({ "id": w.certification }), Fresh::Nothing, c,
            MANAGE),
        case("myCertificates", MY_CERTIFICATES, json!({}), Fresh::Nothing, c, MINE),
        case("verifyCertificate", VERIFY, json!({ "c": w.certificate_code }), Fresh::Nothing, c,
            [OK,     OK,       OK,       OK,     OK,  OK,     OK,     UA,     OK,   OK,      OK,   OK]),
    ];
    replay(&w, &cases).await;
}

/// What a caller sees: content, or the code of the refusal.
type Seen<T> = Result<T, String>;

fn err<T>(code: &str) -> Result<T, String> {
    Err(code.to_owned())
}

/// What each caller gets of a query whose answer is content, not just a code.
async fn seen_by(w: &World, who: Who, query: &str, variables: Value) -> Result<Value, String> {
    let answer = w.app.gql(w.token(who), query, variables).await;
    match outcome(&answer) {
        got if got == OK => Ok(answer.data().clone()),
        code => Err(code),
    }
}

#[tokio::test]
async fn training_matrix_each_caller_sees_their_part_of_the_catalogue_participants_and_links() {
    // Arrange
    let w = World::build().await;
    let names = [
        (w.classroom.as_str(), "classroom"),
        (w.draft.as_str(), "draft"),
        (w.all_kinds.as_str(), "all kinds"),
        (w.elearning.as_str(), "e-learning"),
        (w.certification.as_str(), "certification"),
        (w.professor_draft.as_str(), "professor's draft"),
    ];
    let vendor_sees = vec![
        "all kinds",
        "certification",
        "classroom",
        "draft",
        "e-learning",
    ];
    let learner_sees = vec!["all kinds", "certification", "classroom", "e-learning"];
    let catalogue: [(Who, Seen<Vec<&str>>); 12] = [
        (Learner, Ok(learner_sees)),
        (OtherKind, Ok(vec!["all kinds"])),
        (OtherProvider, Ok(vec!["all kinds", "professor's draft"])),
        (Unverified, Ok(vec![])),
        (Anonymous, err(UA)),
        (ReadToken, Ok(vendor_sees.clone())),
        (NoScopeToken, err(FB)),
        (Revoked, err(UA)),
        (
            Coordinator,
            Ok(vec![
                "all kinds",
                "certification",
                "classroom",
                "draft",
                "e-learning",
                "professor's draft",
            ]),
        ),
        (WriteToken, Ok(vendor_sees.clone())),
        (Instructor, Ok(vendor_sees.clone())),
        (Manager, Ok(vendor_sees)),
    ];
    // (online link shown, participants listed) of the session where the learner holds a seat.
    let session: [(Who, Seen<(bool, usize)>); 12] = [
        (Learner, Ok((true, 0))),
        (OtherKind, err(NF)),
        (OtherProvider, err(NF)),
        (Unverified, err(NF)),
        (Anonymous, err(NF)),
        // Participants and the link are for those who instruct, which needs training:write.
        (ReadToken, Ok((false, 0))),
        (NoScopeToken, err(NF)),
        (Revoked, err(UA)),
        (Coordinator, Ok((true, 1))),
        (WriteToken, Ok((true, 1))),
        (Instructor, Ok((true, 1))),
        (Manager, Ok((true, 1))),
    ];

    // Act + Assert
    let mut wrong = Vec::new();
    for (who, expected) in catalogue {
        let got = seen_by(
            &w,
            who,
            "{ programmes(first: 100) { nodes { id } } }",
            json!({}),
        )
        .await
        .map(|data| {
            let mut seen: Vec<&str> = data["programmes"]["nodes"]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(|p| names.iter().find(|(i, _)| p["id"] == *i).map(|(_, n)| *n))
                .collect();
            seen.sort();
            seen
        });
        if got != expected {
            wrong.push(format!(
                "catalogue as {who:?}: expected {expected:?}, got {got:?}"
            ));
        }
    }
    for (who, expected) in session {
        let got = seen_by(
            &w,
            who,
            "query($p: ID!) { programme(id: $p) { sessions(first: 10) { nodes { id onlineLink participants(first: 50) { nodes { id } } } } } }",
            json!({ "p": w.classroom }),
        )
        .await
        .map(|data| {
            let sessions = data["programme"]["sessions"]["nodes"].as_array().unwrap().clone();
            let s = sessions.iter().find(|s| s["id"] == w.session).unwrap();
            (
                s["onlineLink"] == "https://meet.example/le",
                s["participants"]["nodes"].as_array().unwrap().len(),
            )
        });
        if got != expected {
            wrong.push(format!(
                "session (link, participants) as {who:?}: expected {expected:?}, got {got:?}"
            ));
        }
    }
    // The session of the programme for every kind: nobody enrolled, so only staff see the link.
    for who in [OtherKind, OtherProvider, Learner] {
        let got = seen_by(
            &w,
            who,
            "query($p: ID!) { programme(id: $p) { sessions(first: 10) { nodes { id onlineLink } } } }",
            json!({ "p": w.all_kinds }),
        )
        .await;
        let link = got.map(|d| d["programme"]["sessions"]["nodes"][0]["onlineLink"].clone());
        if link != Ok(Value::Null) {
            wrong.push(format!(
                "link of {} as {who:?}: {link:?}",
                w.all_kinds_session
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
