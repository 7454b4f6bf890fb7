//! The committed `schema.graphql` is the server's schema. Regenerate it with `make schema`.

#[test]
fn the_committed_schema_matches_the_server() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../schema.graphql");
    let actual = api::schema::sdl();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &actual).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == actual,
        "schema.graphql differs from the server's schema; run `make schema` and commit the result"
    );
}
