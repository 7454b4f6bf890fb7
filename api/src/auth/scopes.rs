//! API token scopes: `read` and `write` for every area, or `<area>:read` / `<area>:write`
//! for one. Write implies read in the same area. A token never does more than its account.

use std::{collections::BTreeSet, fmt};

use crate::error::AppError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Area {
    Directory,
    Workspaces,
    Advisories,
    Alerts,
    Training,
    Notifications,
}

impl Area {
    pub const ALL: [Area; 6] = [
        Area::Directory,
        Area::Workspaces,
        Area::Advisories,
        Area::Alerts,
        Area::Training,
        Area::Notifications,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Area::Directory => "directory",
            Area::Workspaces => "workspaces",
            Area::Advisories => "advisories",
            Area::Alerts => "alerts",
            Area::Training => "training",
            Area::Notifications => "notifications",
        }
    }

    fn parse(s: &str) -> Option<Area> {
        Area::ALL.into_iter().find(|a| a.as_str() == s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Access {
    Read,
    Write,
}

impl Access {
    fn as_str(self) -> &'static str {
        match self {
            Access::Read => "read",
            Access::Write => "write",
        }
    }
    fn parse(s: &str) -> Option<Access> {
        match s {
            "read" => Some(Access::Read),
            "write" => Some(Access::Write),
            _ => None,
        }
    }
}

/// One granted scope: an access level on one area, or on all of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Scope {
    pub area: Option<Area>,
    pub access: Access,
}

impl fmt::Display for Scope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.area {
            None => f.write_str(self.access.as_str()),
            Some(area) => write!(f, "{}:{}", area.as_str(), self.access.as_str()),
        }
    }
}

impl std::str::FromStr for Scope {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        let unknown = || format!("unknown scope '{s}'");
        match s.split_once(':') {
            None => Access::parse(s)
                .map(|access| Scope { area: None, access })
                .ok_or_else(unknown),
            Some((area, access)) => Ok(Scope {
                area: Some(Area::parse(area).ok_or_else(unknown)?),
                access: Access::parse(access).ok_or_else(unknown)?,
            }),
        }
    }
}

/// The set of scopes of a token.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scopes(BTreeSet<Scope>);

impl Scopes {
    /// Parses user input (a list of scope strings); at least one, all known.
    pub fn parse_list<S: AsRef<str>>(items: &[S]) -> Result<Self, AppError> {
        let mut set = BTreeSet::new();
        for item in items {
            let scope = item
                .as_ref()
                .parse::<Scope>()
                .map_err(|message| AppError::bad_input("scopes", message))?;
            set.insert(scope);
        }
        if set.is_empty() {
            return Err(AppError::bad_input(
                "scopes",
                "at least one scope is required",
            ));
        }
        Ok(Scopes(set))
    }

    /// Parses the stored, space-separated form; unknown entries are ignored (never widen).
    pub fn from_stored(stored: &str) -> Self {
        Scopes(
            stored
                .split_whitespace()
                .filter_map(|s| s.parse().ok())
                .collect(),
        )
    }

    pub fn to_stored(&self) -> String {
        self.iter_strings().collect::<Vec<_>>().join(" ")
    }

    pub fn iter_strings(&self) -> impl Iterator<Item = String> + '_ {
        self.0.iter().map(ToString::to_string)
    }

    /// Whether these scopes allow `access` on `area`. Write implies read.
    pub fn allows(&self, area: Area, access: Access) -> bool {
        self.0.iter().any(|scope| {
            scope.area.is_none_or(|a| a == area)
                && (scope.access == access || scope.access == Access::Write)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scopes_allow_what_they_name_and_nothing_more() {
        let cases: &[(&[&str], Area, Access, bool)] = &[
            (&["read"], Area::Directory, Access::Read, true),
            (&["read"], Area::Workspaces, Access::Write, false),
            (&["write"], Area::Alerts, Access::Read, true),
            (&["alerts:read"], Area::Alerts, Access::Read, true),
            (&["alerts:read"], Area::Directory, Access::Read, false),
            (&["alerts:read"], Area::Alerts, Access::Write, false),
            (&["workspaces:write"], Area::Workspaces, Access::Read, true),
            (&["workspaces:write"], Area::Advisories, Access::Read, false),
        ];
        for (given, area, access, expected) in cases {
            let scopes = Scopes::parse_list(given).unwrap();
            assert_eq!(
                scopes.allows(*area, *access),
                *expected,
                "{given:?} {area:?} {access:?}"
            );
        }
    }

    #[test]
    fn unknown_or_empty_scopes_are_bad_input() {
        assert!(Scopes::parse_list(&["admin"]).is_err());
        assert!(Scopes::parse_list(&["alerts:delete"]).is_err());
        assert!(Scopes::parse_list::<&str>(&[]).is_err());
    }

    #[test]
    fn stored_form_round_trips() {
        let scopes = Scopes::parse_list(&["read", "alerts:write"]).unwrap();
        assert_eq!(Scopes::from_stored(&scopes.to_stored()), scopes);
    }
}
