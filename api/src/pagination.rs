//! Cursor connections for every list: `first` (1..=100, default 20) and `after`. Rows are
//! ordered by their UUIDv7 id (time-ordered), so a cursor is the last id seen.

use async_graphql::{
    OutputType,
    connection::{Connection, Edge},
};
use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Select};
use uuid::Uuid;

use crate::error::{AppError, AppResult};

pub const DEFAULT_PAGE_SIZE: i32 = 20;
pub const MAX_PAGE_SIZE: i32 = 100;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Page {
    pub first: u64,
    pub after: Option<Uuid>,
}

impl Page {
    pub fn parse(first: Option<i32>, after: Option<String>) -> AppResult<Self> {
        let first = first.unwrap_or(DEFAULT_PAGE_SIZE);
        if !(1..=MAX_PAGE_SIZE).contains(&first) {
            return Err(AppError::bad_input(
                "first",
                format!("must be between 1 and {MAX_PAGE_SIZE}"),
            ));
        }
        let after = after.map(|cursor| decode_cursor(&cursor)).transpose()?;
        Ok(Self {
            first: first as u64,
            after,
        })
    }

    /// How many rows to fetch: one more than the page, to know whether there is a next page.
    pub fn limit(&self) -> u64 {
        self.first + 1
    }
}

/// Which end of the id order a list starts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    Oldest,
    Newest,
}

impl Page {
    /// Restricts a query to this page: rows past the cursor, in id order, one more than the
    /// page (see [`Page::limit`]).
    pub fn apply<E: EntityTrait, C: ColumnTrait>(
        &self,
        select: Select<E>,
        id: C,
        order: Order,
    ) -> Select<E> {
        let select = match (self.after, order) {
            (Some(after), Order::Oldest) => select.filter(id.gt(after)),
            (Some(after), Order::Newest) => select.filter(id.lt(after)),
            (None, _) => select,
        };
        let select = match order {
            Order::Oldest => select.order_by_asc(id),
            Order::Newest => select.order_by_desc(id),
        };
        select.limit(self.limit())
    }
}

/// Complexity of a connection field: its page size times the cost of one node.
pub fn cost(first: Option<i32>, child_complexity: usize) -> usize {
    let first = first.unwrap_or(DEFAULT_PAGE_SIZE).clamp(1, MAX_PAGE_SIZE) as usize;
    first.saturating_mul(child_complexity.max(1))
}

pub fn encode_cursor(id: Uuid) -> String {
    URL_SAFE_NO_PAD.encode(id.as_bytes())
}

fn decode_cursor(cursor: &str) -> AppResult<Uuid> {
    URL_SAFE_NO_PAD
        .decode(cursor.as_bytes())
        .ok()
        .and_then(|bytes| Uuid::from_slice(&bytes).ok())
        .ok_or_else(|| AppError::bad_input("after", "not a valid cursor"))
}

/// Builds a connection from rows fetched with [`Page::limit`].
pub fn connection<T: OutputType, R>(
    page: Page,
    mut rows: Vec<R>,
    id_of: impl Fn(&R) -> Uuid,
    to_node: impl Fn(R) -> T,
) -> Connection<String, T> {
    let has_next = rows.len() as u64 > page.first;
    rows.truncate(page.first as usize);
    let mut connection = Connection::new(page.after.is_some(), has_next);
    connection.edges.extend(
        rows.into_iter()
            .map(|row| Edge::new(encode_cursor(id_of(&row)), to_node(row))),
    );
    connection
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_sizes_are_bounded() {
        assert!(Page::parse(Some(0), None).is_err());
        assert!(Page::parse(Some(101), None).is_err());
        assert_eq!(Page::parse(None, None).unwrap().first, 20);
        assert!(Page::parse(Some(5), Some("garbage!".into())).is_err());
        let id = Uuid::now_v7();
        assert_eq!(
            Page::parse(Some(5), Some(encode_cursor(id))).unwrap().after,
            Some(id)
        );
    }
}

/// A page of a list ordered by activity time, newest first (threads by last activity). The
/// cursor is the time and id of the last row seen.
#[derive(Debug, Clone, Copy)]
pub struct ActivityPage {
    pub first: u64,
    pub after: Option<(chrono::DateTime<chrono::Utc>, Uuid)>,
}

impl ActivityPage {
    pub fn parse(first: Option<i32>, after: Option<String>) -> AppResult<Self> {
        let page = Page::parse(first, None)?;
        let after = after
            .map(|cursor| decode_activity_cursor(&cursor))
            .transpose()?;
        Ok(Self {
            first: page.first,
            after,
        })
    }

    pub fn limit(&self) -> u64 {
        self.first + 1
    }
}

pub fn encode_activity_cursor(at: chrono::DateTime<chrono::Utc>, id: Uuid) -> String {
    let mut bytes = at.timestamp_micros().to_be_bytes().to_vec();
    bytes.extend_from_slice(id.as_bytes());
    URL_SAFE_NO_PAD.encode(bytes)
}

fn decode_activity_cursor(cursor: &str) -> AppResult<(chrono::DateTime<chrono::Utc>, Uuid)> {
    let bad = || AppError::bad_input("after", "not a valid cursor");
    let bytes = URL_SAFE_NO_PAD
        .decode(cursor.as_bytes())
        .map_err(|_| bad())?;
    if bytes.len() != 24 {
        return Err(bad());
    }
    let (micros, id) = bytes.split_at(8);
    let micros = i64::from_be_bytes(micros.try_into().map_err(|_| bad())?);
    let at = chrono::DateTime::from_timestamp_micros(micros).ok_or_else(bad)?;
    let id = Uuid::from_slice(id).map_err(|_| bad())?;
    Ok((at, id))
}

/// Builds a connection from rows fetched with [`ActivityPage::limit`].
pub fn activity_connection<T: OutputType, R>(
    page: ActivityPage,
    mut rows: Vec<R>,
    key_of: impl Fn(&R) -> (chrono::DateTime<chrono::Utc>, Uuid),
    to_node: impl Fn(R) -> T,
) -> Connection<String, T> {
    let has_next = rows.len() as u64 > page.first;
    rows.truncate(page.first as usize);
    let mut connection = Connection::new(page.after.is_some(), has_next);
    connection.edges.extend(rows.into_iter().map(|row| {
        let (at, id) = key_of(&row);
        Edge::new(encode_activity_cursor(at, id), to_node(row))
    }));
    connection
}

/// A page of ranked results (search): the cursor is an offset, bounded so that a deep page
/// cannot cost more than [`MAX_OFFSET`] skipped rows.
#[derive(Debug, Clone, Copy)]
pub struct OffsetPage {
    pub first: u64,
    pub offset: u64,
}

pub const MAX_OFFSET: u64 = 1_000;

impl OffsetPage {
    pub fn parse(first: Option<i32>, after: Option<String>) -> AppResult<Self> {
        let page = Page::parse(first, None)?;
        let offset = match after {
            None => 0,
            Some(cursor) => {
                let bad = || AppError::bad_input("after", "not a valid cursor");
                let bytes = URL_SAFE_NO_PAD
                    .decode(cursor.as_bytes())
                    .map_err(|_| bad())?;
                let text = String::from_utf8(bytes).map_err(|_| bad())?;
                let n: u64 = text
                    .strip_prefix("offset:")
                    .and_then(|n| n.parse().ok())
                    .ok_or_else(bad)?;
                n + 1
            }
        };
        if offset > MAX_OFFSET {
            return Err(AppError::bad_input(
                "after",
                format!(
                    "results beyond the first {MAX_OFFSET} are not available; refine the query"
                ),
            ));
        }
        Ok(Self {
            first: page.first,
            offset,
        })
    }

    pub fn limit(&self) -> u64 {
        self.first + 1
    }

    pub fn connection<T: OutputType>(&self, mut rows: Vec<T>) -> Connection<String, T> {
        let has_next = rows.len() as u64 > self.first;
        rows.truncate(self.first as usize);
        let mut connection = Connection::new(self.offset > 0, has_next);
        connection
            .edges
            .extend(rows.into_iter().enumerate().map(|(i, row)| {
                let position = self.offset + i as u64;
                Edge::new(URL_SAFE_NO_PAD.encode(format!("offset:{position}")), row)
            }));
        connection
    }
}

/// A page of an ordered in-memory list (an advisory's indicators): the cursor is a
/// position in the list, so every element is reachable whatever the list's length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IndexPage {
    pub first: usize,
    pub after: Option<usize>,
}

impl IndexPage {
    pub fn parse(first: Option<i32>, after: Option<String>) -> AppResult<Self> {
        let page = Page::parse(first, None)?;
        let after = after
            .map(|cursor| {
                URL_SAFE_NO_PAD
                    .decode(cursor.as_bytes())
                    .ok()
                    .and_then(|bytes| String::from_utf8(bytes).ok())
                    .and_then(|s| s.strip_prefix("index:").and_then(|n| n.parse().ok()))
                    .ok_or_else(|| AppError::bad_input("after", "not a valid cursor"))
            })
            .transpose()?;
        Ok(Self {
            first: page.first as usize,
            after,
        })
    }

    /// The position of the page's first element.
    pub fn start(&self) -> usize {
        self.after.map_or(0, |a| a.saturating_add(1))
    }

    /// One more than the page, to know whether there is a next one.
    pub fn limit(&self) -> usize {
        self.first + 1
    }

    /// A connection from `(position, node)` rows fetched with [`IndexPage::limit`].
    pub fn connection<T: OutputType>(&self, mut rows: Vec<(usize, T)>) -> Connection<String, T> {
        let has_next = rows.len() > self.first;
        rows.truncate(self.first);
        let mut connection = Connection::new(self.after.is_some(), has_next);
        connection.edges.extend(
            rows.into_iter()
                .map(|(i, node)| Edge::new(URL_SAFE_NO_PAD.encode(format!("index:{i}")), node)),
        );
        connection
    }
}

#[cfg(test)]
mod index_tests {
    use super::*;

    #[test]
    fn index_pages_reach_every_position() {
        let first = IndexPage::parse(Some(2), None).unwrap();
        assert_eq!(first.start(), 0);
        let cursor = URL_SAFE_NO_PAD.encode("index:4999");
        let later = IndexPage::parse(Some(2), Some(cursor)).unwrap();
        assert_eq!(later.start(), 5000);
        assert!(IndexPage::parse(Some(2), Some("nope".into())).is_err());
        assert!(IndexPage::parse(Some(0), None).is_err());
    }
}
