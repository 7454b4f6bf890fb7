//! Joint advisories: co-authoring across organisations, revisions without lost updates,
//! review comments, sign-off, publication with a reference, withdrawal, indicators, and the
//! public outputs (CSAF, STIX, Atom).

use serde_json::{Value, json};
use tests::{TestApp, spawn_app};

use super::{
    collaboration::{id, join, user_id},
    workspaces::create_workspace,
};

pub const ADVISORY_FIELDS: &str = "id reference status title tlp severity revision audience publishedAt withdrawnAt withdrawnReason viewerCanEdit viewerCanSignOff viewerCanPublish viewerCanManageAuthors organizationNames csafUrl signOffs { edges { node { signed revision organization { name } } } } authors { edges { node { lead user { email } organization { name } } } } current { number title summary body bodyHtml severity cvssVector cvssScore tlp cves affectedProducts { vendor product versions } indicators(first: 100) { edges { node { kind value } } } references credits }";

pub fn create_advisory_query() -> String {
    format!(
        "mutation($i: CreateAdvisoryInput!) {{ createAdvisory(input: $i) {{ {ADVISORY_FIELDS} }} }}"
    )
}
pub fn save_query() -> String {
    format!(
        "mutation($id: ID!, $rev: Int!, $c: AdvisoryChangesInput!) {{ saveAdvisory(id: $id, expectedRevision: $rev, changes: $c) {{ {ADVISORY_FIELDS} }} }}"
    )
}
pub const ADD_CO_AUTHOR: &str =
    "mutation($a: ID!, $u: ID!) { addCoAuthor(advisoryId: $a, userId: $u) { id status } }";
pub const SUBMIT: &str = "mutation($id: ID!) { submitForReview(id: $id) { id status } }";
pub const SIGN_OFF: &str =
    "mutation($id: ID!, $rev: Int!) { signOff(id: $id, revision: $rev) { id status } }";
pub const PUBLISH: &str = "mutation($id: ID!, $a: Audience!) { publishAdvisory(id: $id, audience: $a) { id status reference audience publishedAt csafUrl } }";
pub const WITHDRAW: &str = "mutation($id: ID!, $r: String!) { withdrawAdvisory(id: $id, reason: $r) { id status withdrawnReason } }";

/// A police analyst (lead, owner of the workspace) and a vendor researcher (co-author),
/// in a workspace; and the advisory they write.
pub struct Authors {
    pub app: TestApp,
    pub workspace: String,
    pub lead: String,
    pub vendor: String,
    pub advisory: String,
}

pub async fn authors(tlp: &str) -> Authors {
    let app = spawn_app().await;
    let lead = app.login("analyst@police.example").await;
    let vendor = app.login("researcher@vendor.example").await;
    let workspace = create_workspace(
        &app,
        &lead,
        json!({ "name": "Operation Ember", "defaultTlp": "GREEN" }),
    )
    .await;
    join(&app, &lead, &workspace, &vendor, "CONTRIBUTOR").await;
    let created = app
        .gql(
            Some(&lead),
            &create_advisory_query(),
            json!({ "i": { "workspaceId": workspace, "title": "Ember loader", "tlp": tlp, "severity": "HIGH" } }),
        )
        .await;
    let advisory = id(&created.ok()["createAdvisory"]);
    let vendor_id = user_id(&app, &vendor).await;
    app.gql(
        Some(&lead),
        ADD_CO_AUTHOR,
        json!({ "a": advisory, "u": vendor_id }),
    )
    .await
    .ok();
    Authors {
        app,
        workspace,
        lead,
        vendor,
        advisory,
    }
}

impl Authors {
    pub async fn save(&self, token: &str, rev: i64, changes: Value) -> tests::Answer {
        self.app
            .gql(
                Some(token),
                &save_query(),
                json!({ "id": self.advisory, "rev": rev, "c": changes }),
            )
            .await
    }

    /// Submits, signs off as both organisations and returns the revision signed.
    pub async fn approve(&self) -> i64 {
        self.app
            .gql(Some(&self.lead), SUBMIT, json!({ "id": self.advisory }))
            .await
            .ok();
        let rev = self.revision().await;
        for token in [&self.lead, &self.vendor] {
            self.app
                .gql(
                    Some(token),
                    SIGN_OFF,
                    json!({ "id": self.advisory, "rev": rev }),
                )
                .await
                .ok();
        }
        rev
    }

    /// Another advisory in the same workspace, by the same lead with the vendor as
    /// co-author; returns its id.
    pub async fn another(&self, title: &str, tlp: &str) -> String {
        let created = self
            .app
            .gql(
                Some(&self.lead),
                &create_advisory_query(),
                json!({ "i": { "workspaceId": self.workspace, "title": title, "tlp": tlp, "severity": "HIGH" } }),
            )
            .await;
        let advisory = id(&created.ok()["createAdvisory"]);
        let vendor_id = user_id(&self.app, &self.vendor).await;
        self.app
            .gql(
                Some(&self.lead),
                ADD_CO_AUTHOR,
                json!({ "a": advisory, "u": vendor_id }),
            )
            .await
            .ok();
        advisory
    }

    /// Submits `advisory` and signs off its current revision as both organisations;
    /// returns the revision signed.
    pub async fn approve_advisory(&self, advisory: &str) -> i64 {
        self.app
            .gql(Some(&self.lead), SUBMIT, json!({ "id": advisory }))
            .await
            .ok();
        let rev = self.revision_of(advisory).await;
        for token in [&self.lead, &self.vendor] {
            self.app
                .gql(Some(token), SIGN_OFF, json!({ "id": advisory, "rev": rev }))
                .await
                .ok();
        }
        rev
    }

    /// The current revision of `advisory`, as the lead sees it.
    pub async fn revision_of(&self, advisory: &str) -> i64 {
        self.app
            .gql(
                Some(&self.lead),
                "query($id: ID!) { advisory(id: $id) { revision } }",
                json!({ "id": advisory }),
            )
            .await
            .ok()["advisory"]["revision"]
            .as_i64()
            .unwrap()
    }

    /// Approves the advisory and publishes it to `audience` as the lead; returns its
    /// reference.
    pub async fn publish(&self, audience: &str) -> String {
        self.approve().await;
        let published = self
            .app
            .gql(
                Some(&self.lead),
                PUBLISH,
                json!({ "id": self.advisory, "a": audience }),
            )
            .await;
        published.ok()["publishAdvisory"]["reference"]
            .as_str()
            .unwrap()
            .to_owned()
    }

    pub async fn revision(&self) -> i64 {
        self.app
            .gql(
                Some(&self.lead),
                "query($id: ID!) { advisory(id: $id) { revision } }",
                json!({ "id": self.advisory }),
            )
            .await
            .ok()["advisory"]["revision"]
            .as_i64()
            .unwrap()
    }
}

#[tokio::test]
async fn authors_of_two_organisations_write_sign_off_and_publish_an_advisory() {
    let a = authors("CLEAR").await;
    let saved = a
        .save(
            &a.vendor,
            1,
            json!({
                "summary": "A loader spreading through fake invoices.",
                "body": "# Ember\n\nIt loads **things**.",
                "cvssVector": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
                "cves": ["cve-2026-12345"],
                "affectedProducts": [{ "vendor": "Acme", "product": "Gateway", "versions": "< 2.4.1" }],
                "references": ["https://example.org/ember"],
                "credits": ["Vendor research team"],
            }),
        )
        .await;
    let saved = &saved.ok()["saveAdvisory"];
    assert_eq!(saved["revision"], 2);
    assert_eq!(saved["current"]["cves"], json!(["CVE-2026-12345"]));
    assert_eq!(saved["current"]["cvssScore"], 9.8);
    let added = a
        .app
        .gql(
            Some(&a.lead),
            "mutation($id: ID!, $rev: Int!, $t: String!) { addIndicators(id: $id, expectedRevision: $rev, text: $t) { accepted duplicates rejected lines { line outcome reason indicator { kind value } } advisory { revision } } }",
            json!({ "id": a.advisory, "rev": 2, "t": "198.51.100.7\nevil[.]example\nnot an indicator\n198.51.100.7\n" }),
        )
        .await;
    let added = &added.ok()["addIndicators"];
    assert_eq!(added["accepted"], 2);
    assert_eq!(added["duplicates"], 1);
    assert_eq!(added["rejected"], 1);
    assert_eq!(added["advisory"]["revision"], 3);

    let rev = a.approve().await;
    assert_eq!(rev, 3);
    let published = a
        .app
        .gql(
            Some(&a.lead),
            PUBLISH,
            json!({ "id": a.advisory, "a": "PUBLIC" }),
        )
        .await;
    let published = &published.ok()["publishAdvisory"];
    assert_eq!(published["status"], "PUBLISHED");
    let reference = published["reference"].as_str().unwrap();
    assert!(
        reference.starts_with("AH-20") && reference.len() == 12,
        "{reference}"
    );

    // Anyone reads it, without signing in.
    let public = a
        .app
        .gql(
            None,
            "query($id: ID!) { advisory(id: $id) { reference title lead: leadAuthor { email } organizationNames } publishedAdvisories { edges { node { reference } } } }",
            json!({ "id": a.advisory }),
        )
        .await;
    let public = public.ok();
    assert_eq!(public["advisory"]["reference"], reference);
    assert_eq!(public["advisory"]["lead"], Value::Null);
    assert_eq!(
        public["publishedAdvisories"]["edges"][0]["node"]["reference"],
        reference
    );
}
