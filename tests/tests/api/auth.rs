use serde_json::json;
use tests::spawn_app;

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
