//! `restrictedToKinds`: stored as space-separated organisation kinds.

use entities::OrganizationKind;
use sea_orm::{ActiveEnum, Iterable};

/// The kinds a workspace admits, or `None` when it admits every kind.
pub fn parse_stored(stored: Option<&str>) -> Option<Vec<OrganizationKind>> {
    let stored = stored?;
    Some(
        stored
            .split_whitespace()
            .filter_map(|s| OrganizationKind::iter().find(|k| k.to_value() == s))
            .collect(),
    )
}

/// Stores a set of kinds; an empty or absent set means no restriction.
pub fn to_stored(kinds: Option<&[OrganizationKind]>) -> Option<String> {
    let kinds = kinds.filter(|k| !k.is_empty())?;
    let mut values: Vec<String> = kinds.iter().map(|k| k.to_value()).collect();
    values.sort();
    values.dedup();
    Some(values.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_round_trip() {
        let kinds = [OrganizationKind::LawEnforcement, OrganizationKind::Cert];
        let stored = to_stored(Some(&kinds));
        assert_eq!(stored.as_deref(), Some("CERT LAW_ENFORCEMENT"));
        let parsed = parse_stored(stored.as_deref()).unwrap();
        assert!(parsed.contains(&OrganizationKind::LawEnforcement));
        assert_eq!(to_stored(Some(&[])), None);
        assert_eq!(parse_stored(None), None);
    }
}
