//! Several replicas share PostgreSQL and Redis: a change made through one is seen by the
//! others at once — within the Redis pub/sub hop, bounded here at one second — although each
//! caches authenticated accounts.

use serde_json::json;
use tests::{scaled, spawn_app};

#[tokio::test]
async fn a_user_suspended_through_one_replica_is_refused_by_another_at_once() {
    if !scaled() {
        // Embedded mode is one process by design; this needs PostgreSQL and Redis.
        return;
    }
    // Arrange: the analyst's token is cached on replica B.
    let a = spawn_app().await;
    let b = a.spawn_replica().await;
    let analyst = a.login("analyst@police.example").await;
    let query = "{ viewer { email } }";
    assert_eq!(
        b.gql(Some(&analyst), query, json!({})).await.ok()["viewer"]["email"],
        "analyst@police.example"
    );
    wait_until_b_caches(&b, &analyst).await;

    // Act: an admin suspends the analyst through replica A.
    let admin = a.login("admin@hub.example").await;
    let id = a
        .gql(Some(&analyst), "{ viewer { id } }", json!({}))
        .await
        .ok()["viewer"]["id"]
        .clone();
    a.gql(
        Some(&admin),
        "mutation($id: ID!) { suspendUser(id: $id) { status } }",
        json!({ "id": id }),
    )
    .await
    .ok();

    // Assert: replica B refuses the token as soon as the invalidation arrives.
    let answer = refused_within_a_second(&b, &analyst).await;
    assert_eq!(answer.code(), Some("UNAUTHENTICATED"));
    drop(b);
}

#[tokio::test]
async fn a_session_ended_through_one_replica_ends_on_every_replica() {
    if !scaled() {
        return;
    }
    // Arrange
    let a = spawn_app().await;
    let b = a.spawn_replica().await;
    let token = a.login("researcher@vendor.example").await;
    wait_until_b_caches(&b, &token).await;

    // Act
    a.gql(Some(&token), "mutation { logout }", json!({}))
        .await
        .ok();

    // Assert
    let answer = refused_within_a_second(&b, &token).await;
    assert_eq!(answer.code(), Some("UNAUTHENTICATED"));
    drop(b);
}

/// Polls the replica until it answers 401; fails after one second.
async fn refused_within_a_second(b: &tests::TestApp, token: &str) -> tests::Answer {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(1);
    loop {
        let answer = b.gql(Some(token), "{ viewer { id } }", json!({})).await;
        if answer.status == 401 || std::time::Instant::now() > deadline {
            assert_eq!(
                answer.status, 401,
                "still accepted after a second: {}",
                answer.body
            );
            return answer;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
}

/// The replica's cache is on only once it is subscribed to invalidations: wait until a
/// request is served from it (its metrics count a hit), so the test shows invalidation and
/// not merely a cache that was off.
async fn wait_until_b_caches(b: &tests::TestApp, token: &str) {
    for _ in 0..100 {
        b.gql(Some(token), "{ viewer { id } }", json!({}))
            .await
            .ok();
        let hits = b
            .metric("auth_cache_lookups_total{result=\"hit\"}")
            .await
            .unwrap_or(0.0);
        if hits > 0.0 {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("replica never served an account from its cache");
}
