//! Event cursors: opaque to clients, they carry the event's `seq` and when it was written,
//! so an expired cursor is recognised without the events it followed.

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use chrono::{DateTime, Utc};

use crate::error::{AppError, AppResult};

/// Where a subscriber is in the stream of events.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cursor {
    pub seq: i64,
    pub at: DateTime<Utc>,
}

impl Cursor {
    pub fn encode(&self) -> String {
        URL_SAFE_NO_PAD.encode(format!("event:{}:{}", self.seq, self.at.timestamp_micros()))
    }

    /// Reads a cursor a client sent back; `retention` decides whether it is still usable.
    pub fn decode(cursor: &str, retention: std::time::Duration) -> AppResult<Cursor> {
        let bad = || AppError::bad_input("after", "not a cursor of this subscription");
        let raw = URL_SAFE_NO_PAD.decode(cursor).map_err(|_| bad())?;
        let raw = String::from_utf8(raw).map_err(|_| bad())?;
        let mut parts = raw.split(':');
        let (Some("event"), Some(seq), Some(micros), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(bad());
        };
        let seq: i64 = seq.parse().map_err(|_| bad())?;
        let micros: i64 = micros.parse().map_err(|_| bad())?;
        let at = DateTime::<Utc>::from_timestamp_micros(micros).ok_or_else(bad)?;
        if seq < 0 {
            return Err(bad());
        }
        let retention = chrono::Duration::from_std(retention).unwrap_or(chrono::Duration::MAX);
        if Utc::now().signed_duration_since(at) > retention {
            return Err(AppError::CursorExpired);
        }
        Ok(Cursor { seq, at })
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    const DAY: Duration = Duration::from_secs(86_400);

    #[test]
    fn a_cursor_reads_back_as_written() {
        let cursor = Cursor {
            seq: 42,
            at: crate::db::now(),
        };
        assert_eq!(Cursor::decode(&cursor.encode(), DAY).ok(), Some(cursor));
    }

    #[test]
    fn an_old_cursor_has_expired_and_garbage_is_bad_input() {
        let old = Cursor {
            seq: 1,
            at: Utc::now() - chrono::Duration::days(2),
        };
        assert!(matches!(
            Cursor::decode(&old.encode(), DAY),
            Err(AppError::CursorExpired)
        ));
        for garbage in [
            "",
            "abc",
            "ZXZlbnQ6eDox",
            &URL_SAFE_NO_PAD.encode("event:1:2:3"),
        ] {
            assert!(matches!(
                Cursor::decode(garbage, DAY),
                Err(AppError::BadUserInput { .. })
            ));
        }
    }
}
