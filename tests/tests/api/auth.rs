use reqwest::StatusCode;
use serde_json::{Value, json};
use tests::{Answer, DEMO_PASSWORD, Options, TestApp, spawn_app, spawn_app_with};

#[tokio::test]
async fn a_member_signs_in_and_sees_themself_with_their_organisation() {
    // Arrange
    let app = spawn_app().await;

    // Act
    let token = app.login("Analyst@Police.example").await;
    let answer = app
        .gql(
            Some(&token),
            "{ viewer { email role organization { kind verified } } }",
            json!({}),
        )
        .await;

    // Assert
    let viewer = &answer.ok()["viewer"];
    assert_eq!(viewer["email"], "analyst@police.example");
    assert_eq!(viewer["role"], "MEMBER");
    assert_eq!(viewer["organization"]["kind"], "LAW_ENFORCEMENT");
}

const LOGIN: &str = "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken refreshToken user { id email } } }";
const REFRESH: &str =
    "mutation($r: String!) { refreshSession(refreshToken: $r) { accessToken refreshToken } }";
const VIEWER: &str = "{ viewer { email } }";

async fn login_with(app: &TestApp, email: &str, password: &str) -> Answer {
    app.gql(None, LOGIN, json!({ "e": email, "p": password }))
        .await
}

async fn refresh(app: &TestApp, refresh_token: &str) -> Answer {
    app.gql(None, REFRESH, json!({ "r": refresh_token })).await
}

fn str_at<'a>(value: &'a Value, field: &str) -> &'a str {
    value[field]
        .as_str()
        .unwrap_or_else(|| panic!("no {field} in {value}"))
}

/// Asserts that a bearer token is refused outright: HTTP 401, `UNAUTHENTICATED`.
async fn assert_token_refused(app: &TestApp, token: &str) {
    let answer = app.gql(Some(token), VIEWER, json!({})).await;
    assert_eq!(answer.status, StatusCode::UNAUTHORIZED, "{}", answer.body);
    assert_eq!(answer.code(), Some("UNAUTHENTICATED"));
}

/// Asserts that a bearer token signs the request in as `email`.
async fn assert_token_works(app: &TestApp, token: &str, email: &str) {
    let answer = app.gql(Some(token), VIEWER, json!({})).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.ok()["viewer"]["email"], email);
}

#[tokio::test]
async fn login_with_the_right_password_returns_tokens_that_work() {
    // Arrange
    let app = spawn_app().await;

    // Act
    let answer = login_with(&app, "coordinator@hub.example", DEMO_PASSWORD).await;

    // Assert
    assert_eq!(answer.status, StatusCode::OK);
    let login = &answer.ok()["login"];
    assert_eq!(login["user"]["email"], "coordinator@hub.example");
    assert!(str_at(login, "refreshToken").starts_with("ahr_"));
    assert_token_works(
        &app,
        str_at(login, "accessToken"),
        "coordinator@hub.example",
    )
    .await;
}

#[tokio::test]
async fn a_wrong_password_and_an_unknown_email_get_the_identical_answer() {
    // Arrange
    let app = spawn_app().await;

    // Act
    let wrong_password = login_with(&app, "analyst@police.example", "not-the-password").await;
    let unknown_email = login_with(&app, "nobody@police.example", "not-the-password").await;

    // Assert
    assert_eq!(wrong_password.code(), Some("UNAUTHENTICATED"));
    assert_eq!(wrong_password.status, unknown_email.status);
    assert_eq!(wrong_password.body, unknown_email.body);
    assert_eq!(
        wrong_password.body["errors"][0]["message"],
        unknown_email.body["errors"][0]["message"]
    );
}

#[tokio::test]
async fn login_ignores_the_case_of_the_email() {
    // Arrange
    let app = spawn_app().await;

    // Act
    let answer = login_with(&app, "  COORDINATOR@Hub.Example ", DEMO_PASSWORD).await;

    // Assert
    assert_eq!(
        answer.ok()["login"]["user"]["email"],
        "coordinator@hub.example"
    );
}

#[tokio::test]
async fn after_five_failed_logins_an_account_is_rate_limited_even_with_the_right_password() {
    // Arrange
    let app = spawn_app().await;
    // The account is the normalised email, whatever case the attempts use.
    for (attempt, email) in [
        "analyst@police.example",
        "ANALYST@police.example",
        "Analyst@Police.Example",
        "analyst@police.example ",
        "analyst@POLICE.example",
    ]
    .into_iter()
    .enumerate()
    {
        let answer = login_with(&app, email, "wrong-password").await;
        assert_eq!(answer.code(), Some("UNAUTHENTICATED"), "attempt {attempt}");
    }

    // Act
    let answer = login_with(&app, "analyst@police.example", DEMO_PASSWORD).await;

    // Assert
    assert_eq!(answer.code(), Some("RATE_LIMITED"), "{}", answer.body);
    assert!(answer.body["errors"][0]["extensions"]["retryAfter"].as_u64() > Some(0));
    assert!(answer.data().is_null());
    // Other accounts are not affected by this account's failures.
    app.login("investigator@police2.example").await;
}

#[tokio::test]
async fn a_client_address_is_rate_limited_after_its_allowed_attempts() {
    // Arrange
    let app = spawn_app_with(Options {
        extra_args: vec!["--login-max-attempts-per-address".into(), "3".into()],
        ..Default::default()
    })
    .await;
    // Three attempts, on three different accounts, all succeed.
    for email in [
        "analyst@police.example",
        "investigator@police2.example",
        "researcher@vendor.example",
    ] {
        login_with(&app, email, DEMO_PASSWORD).await.ok();
    }

    // Act
    let answer = login_with(&app, "soc@grid.example", DEMO_PASSWORD).await;

    // Assert
    assert_eq!(answer.code(), Some("RATE_LIMITED"), "{}", answer.body);
    assert!(answer.data().is_null());
}

#[tokio::test]
async fn refresh_session_rotates_the_refresh_token_and_issues_a_working_access_token() {
    // Arrange
    let app = spawn_app().await;
    let login = app.login_payload("analyst@police.example").await;
    let first_refresh = str_at(&login, "refreshToken");

    // Act
    let rotated = refresh(&app, first_refresh).await;

    // Assert
    let rotated = rotated.ok()["refreshSession"].clone();
    let second_refresh = str_at(&rotated, "refreshToken");
    assert_ne!(second_refresh, first_refresh);
    assert_token_works(
        &app,
        str_at(&rotated, "accessToken"),
        "analyst@police.example",
    )
    .await;
    let again = refresh(&app, second_refresh).await;
    let again = &again.ok()["refreshSession"];
    assert_ne!(str_at(again, "refreshToken"), second_refresh);
    assert_token_works(&app, str_at(again, "accessToken"), "analyst@police.example").await;
}

#[tokio::test]
async fn reusing_a_refresh_token_revokes_the_whole_session() {
    // Arrange
    let app = spawn_app().await;
    let login = app.login_payload("analyst@police.example").await;
    let first_refresh = str_at(&login, "refreshToken");
    let rotated = refresh(&app, first_refresh).await;
    let rotated = rotated.ok()["refreshSession"].clone();
    let newest_refresh = str_at(&rotated, "refreshToken");
    let newest_access = str_at(&rotated, "accessToken");
    assert_token_works(&app, newest_access, "analyst@police.example").await;

    // Act
    let reuse = refresh(&app, first_refresh).await;

    // Assert
    assert_eq!(reuse.code(), Some("UNAUTHENTICATED"), "{}", reuse.body);
    assert!(reuse.data().is_null());
    let newest = refresh(&app, newest_refresh).await;
    assert_eq!(newest.code(), Some("UNAUTHENTICATED"), "{}", newest.body);
    assert_token_refused(&app, newest_access).await;
    assert_token_refused(&app, str_at(&login, "accessToken")).await;
    // Another session of the same account is not affected.
    let other = app.login("analyst@police.example").await;
    assert_token_works(&app, &other, "analyst@police.example").await;
}

#[tokio::test]
async fn logout_ends_the_session() {
    // Arrange
    let app = spawn_app().await;
    let login = app.login_payload("analyst@police.example").await;
    let access = str_at(&login, "accessToken");

    // Act
    let answer = app
        .gql(Some(access), "mutation { logout }", json!({}))
        .await;

    // Assert
    assert_eq!(answer.ok()["logout"], true);
    assert_token_refused(&app, access).await;
    let refreshed = refresh(&app, str_at(&login, "refreshToken")).await;
    assert_eq!(refreshed.code(), Some("UNAUTHENTICATED"));
}

#[tokio::test]
async fn a_suspended_user_is_shut_out_at_once_and_cannot_sign_in() {
    // Arrange
    let app = spawn_app().await;
    let admin = app.login("admin@hub.example").await;
    let member = app.login_payload("analyst@police.example").await;
    let member_token = str_at(&member, "accessToken");
    assert_token_works(&app, member_token, "analyst@police.example").await;

    // Act
    let suspended = app
        .gql(
            Some(&admin),
            "mutation($id: ID!) { suspendUser(id: $id) { status } }",
            json!({ "id": member["user"]["id"] }),
        )
        .await;

    // Assert
    assert_eq!(suspended.ok()["suspendUser"]["status"], "SUSPENDED");
    assert_token_refused(&app, member_token).await;
    let refreshed = refresh(&app, str_at(&member, "refreshToken")).await;
    assert_eq!(refreshed.code(), Some("UNAUTHENTICATED"));
    let login = login_with(&app, "analyst@police.example", DEMO_PASSWORD).await;
    assert_eq!(login.code(), Some("UNAUTHENTICATED"), "{}", login.body);
    assert!(login.data().is_null());
}

#[tokio::test]
async fn a_forged_forwarded_for_header_does_not_escape_the_address_limit() {
    // Arrange: the app does not trust X-Forwarded-For (the default).
    let app = spawn_app_with(Options {
        extra_args: vec!["--login-max-attempts-per-address".into(), "3".into()],
        ..Default::default()
    })
    .await;
    let attempt = |forwarded_for: &'static str| {
        let request = app
            .client
            .post(app.graphql_url())
            .header("accept", tests::GRAPHQL_RESPONSE)
            .header("x-forwarded-for", forwarded_for)
            .json(&json!({
                "query": LOGIN,
                "variables": { "e": "analyst@police.example", "p": DEMO_PASSWORD },
            }));
        async move { TestApp::answer(request.send().await.unwrap()).await }
    };
    for forwarded_for in ["203.0.113.1", "203.0.113.2", "203.0.113.3"] {
        attempt(forwarded_for).await.ok();
    }

    // Act
    let answer = attempt("203.0.113.4").await;

    // Assert
    assert_eq!(answer.code(), Some("RATE_LIMITED"), "{}", answer.body);
}

#[tokio::test]
async fn an_expired_access_token_is_refused_and_the_refresh_token_still_renews_the_session() {
    // Arrange: access tokens that live one second.
    let app = spawn_app_with(Options {
        extra_args: vec!["--access-token-ttl".into(), "1".into()],
        ..Default::default()
    })
    .await;
    let answer = app
        .gql(
            None,
            "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken accessTokenExpiresAt refreshToken } }",
            json!({ "e": "analyst@police.example", "p": DEMO_PASSWORD }),
        )
        .await;
    let login = answer.ok()["login"].clone();
    let access = str_at(&login, "accessToken");
    assert_token_works(&app, access, "analyst@police.example").await;

    // Act: let the expiry pass (claims count whole seconds, hence the extra second).
    let expires_at: chrono::DateTime<chrono::Utc> =
        str_at(&login, "accessTokenExpiresAt").parse().unwrap();
    let wait = (expires_at - chrono::Utc::now())
        .to_std()
        .unwrap_or_default();
    tokio::time::sleep(wait + std::time::Duration::from_millis(1100)).await;

    // Assert
    assert_token_refused(&app, access).await;
    let renewed = refresh(&app, str_at(&login, "refreshToken")).await;
    let renewed = &renewed.ok()["refreshSession"];
    assert_token_works(
        &app,
        str_at(renewed, "accessToken"),
        "analyst@police.example",
    )
    .await;
}

#[tokio::test]
async fn presenting_one_refresh_token_several_times_at_once_lets_one_win_and_revokes_the_session() {
    // Arrange
    let app = spawn_app().await;
    let login = app.login_payload("analyst@police.example").await;
    let refresh_token = str_at(&login, "refreshToken");

    // Act: three presentations racing each other.
    let (a, b, c) = tokio::join!(
        refresh(&app, refresh_token),
        refresh(&app, refresh_token),
        refresh(&app, refresh_token),
    );

    // Assert: one rotation succeeded; every other one is a reuse, which ends the session.
    let answers = [a, b, c];
    let winners: Vec<&Answer> = answers.iter().filter(|a| a.code().is_none()).collect();
    assert_eq!(winners.len(), 1, "{answers:?}");
    for answer in answers.iter().filter(|a| a.code().is_some()) {
        assert_eq!(answer.code(), Some("UNAUTHENTICATED"), "{}", answer.body);
    }
    let winner = &winners[0].ok()["refreshSession"];
    assert_token_refused(&app, str_at(winner, "accessToken")).await;
    assert_token_refused(&app, str_at(&login, "accessToken")).await;
    let renewed = refresh(&app, str_at(winner, "refreshToken")).await;
    assert_eq!(renewed.code(), Some("UNAUTHENTICATED"));
}

#[tokio::test]
async fn concurrent_guesses_cannot_slip_past_the_account_limit() {
    // Arrange
    let app = spawn_app().await;
    let guess = |n: usize| {
        let app = &app;
        async move {
            app.gql(
                None,
                "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }",
                json!({ "e": "analyst@police.example", "p": format!("wrong-guess-{n}") }),
            )
            .await
        }
    };

    // Act: twelve wrong passwords at once (within the per-address limit of 30).
    let answers: Vec<Answer> = futures::future::join_all((0..12).map(guess)).await;

    // Assert: at most five were checked; the rest were throttled.
    let checked = answers
        .iter()
        .filter(|a| a.code() == Some("UNAUTHENTICATED"))
        .count();
    let limited = answers
        .iter()
        .filter(|a| a.code() == Some("RATE_LIMITED"))
        .count();
    assert!(checked <= 5, "{checked} guesses were checked");
    assert_eq!(checked + limited, 12);
}

#[tokio::test]
async fn a_refresh_is_written_to_the_audit_log() {
    // Arrange
    let app = spawn_app().await;
    let session = app.login_payload("researcher@vendor.example").await;

    // Act
    app.gql(
        None,
        "mutation($r: String!) { refreshSession(refreshToken: $r) { accessToken } }",
        json!({ "r": session["refreshToken"] }),
    )
    .await
    .ok();

    // Assert
    let admin = app.login("admin@hub.example").await;
    let events = app
        .gql(
            Some(&admin),
            "{ auditEvents(first: 100) { edges { node { action actor { email } } } } }",
            json!({}),
        )
        .await;
    let refreshed = events.ok()["auditEvents"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["node"]["action"] == "session.refresh");
    assert!(refreshed, "{}", events.body);
}
