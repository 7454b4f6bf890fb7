//! Operation limits, checked before anything executes: document size and token count (before
//! parsing), aliases and directives (after parsing), depth and complexity (after validation).
//! Each failure has its own stable code. The extension also tags parse and validation errors
//! with their codes and records whether execution started, which the HTTP layer needs to
//! choose the status code.

use std::sync::{
    Arc,
    atomic::{AtomicBool, Ordering},
};

use async_graphql::{
    Response, ServerError, ServerResult, ValidationResult, Variables,
    extensions::{
        Extension, ExtensionContext, ExtensionFactory, NextExecute, NextParseQuery, NextValidation,
    },
    parser::types::{DocumentOperations, ExecutableDocument, Selection, SelectionSet},
};

use crate::{config::Settings, error::code};

#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub max_query_bytes: usize,
    pub max_tokens: usize,
    pub max_depth: usize,
    pub max_complexity: usize,
    pub max_aliases: usize,
    pub max_directives: usize,
}

impl Limits {
    pub fn from_settings(s: &Settings) -> Self {
        let n = |v: u64| usize::try_from(v).unwrap_or(usize::MAX);
        Self {
            max_query_bytes: n(s.max_query_bytes),
            max_tokens: n(s.max_query_tokens),
            max_depth: n(s.max_query_depth),
            max_complexity: n(s.max_query_complexity),
            max_aliases: n(s.max_query_aliases),
            max_directives: n(s.max_query_directives),
        }
    }
}

/// Set when execution of the operation started (so the response has `data`).
#[derive(Clone, Default)]
pub struct ExecutionStarted(Arc<AtomicBool>);

impl ExecutionStarted {
    pub fn get(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
}

pub fn error_with_code(message: impl Into<String>, code: &str) -> ServerError {
    let mut err = ServerError::new(message, None);
    let mut ext = async_graphql::ErrorExtensionValues::default();
    ext.set("code", code);
    err.extensions = Some(ext);
    err
}

pub fn has_code(err: &ServerError) -> bool {
    err.extensions
        .as_ref()
        .is_some_and(|e| e.get("code").is_some())
}

pub fn tag(err: &mut ServerError, code: &str) {
    if !has_code(err) {
        err.extensions
            .get_or_insert_with(Default::default)
            .set("code", code);
    }
}

impl ExtensionFactory for Limits {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(*self)
    }
}

#[async_trait::async_trait]
impl Extension for Limits {
    async fn parse_query(
        &self,
        ctx: &ExtensionContext<'_>,
        query: &str,
        variables: &Variables,
        next: NextParseQuery<'_>,
    ) -> ServerResult<ExecutableDocument> {
        if query.len() > self.max_query_bytes {
            return Err(error_with_code(
                format!("the document is larger than {} bytes", self.max_query_bytes),
                code::QUERY_TOO_LARGE,
            ));
        }
        if count_tokens(query, self.max_tokens) > self.max_tokens {
            return Err(error_with_code(
                format!("the document has more than {} tokens", self.max_tokens),
                code::QUERY_TOO_MANY_TOKENS,
            ));
        }
        let doc = next.run(ctx, query, variables).await.map_err(|mut err| {
            tag(&mut err, code::GRAPHQL_PARSE_FAILED);
            err
        })?;
        let counts = count_aliases_and_directives(&doc);
        if counts.aliases > self.max_aliases {
            return Err(error_with_code(
                format!("the document has more than {} aliases", self.max_aliases),
                code::QUERY_TOO_MANY_ALIASES,
            ));
        }
        if counts.directives > self.max_directives {
            return Err(error_with_code(
                format!(
                    "the document has more than {} directives",
                    self.max_directives
                ),
                code::QUERY_TOO_MANY_DIRECTIVES,
            ));
        }
        Ok(doc)
    }

    async fn validation(
        &self,
        ctx: &ExtensionContext<'_>,
        next: NextValidation<'_>,
    ) -> Result<ValidationResult, Vec<ServerError>> {
        let result = next.run(ctx).await.map_err(|mut errors| {
            for err in &mut errors {
                tag(err, code::GRAPHQL_VALIDATION_FAILED);
            }
            errors
        })?;
        if result.depth > self.max_depth {
            return Err(vec![error_with_code(
                format!("the query is nested deeper than {} levels", self.max_depth),
                code::QUERY_TOO_DEEP,
            )]);
        }
        if result.complexity > self.max_complexity {
            return Err(vec![error_with_code(
                format!(
                    "the query is too complex ({} > {})",
                    result.complexity, self.max_complexity
                ),
                code::QUERY_TOO_COMPLEX,
            )]);
        }
        Ok(result)
    }

    async fn execute(
        &self,
        ctx: &ExtensionContext<'_>,
        operation_name: Option<&str>,
        next: NextExecute<'_>,
    ) -> Response {
        if let Some(started) = ctx.data_opt::<ExecutionStarted>() {
            started.0.store(true, Ordering::Relaxed);
        }
        next.run(ctx, operation_name).await
    }
}

#[derive(Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub aliases: usize,
    pub directives: usize,
}

fn count_selection_set(set: &SelectionSet, counts: &mut Counts) {
    for item in &set.items {
        match &item.node {
            Selection::Field(field) => {
                if field.node.alias.is_some() {
                    counts.aliases += 1;
                }
                counts.directives += field.node.directives.len();
                count_selection_set(&field.node.selection_set.node, counts);
            }
            Selection::FragmentSpread(spread) => {
                counts.directives += spread.node.directives.len();
            }
            Selection::InlineFragment(fragment) => {
                counts.directives += fragment.node.directives.len();
                count_selection_set(&fragment.node.selection_set.node, counts);
            }
        }
    }
}

/// Aliases and directives written in the document (each fragment definition counted once).
pub fn count_aliases_and_directives(doc: &ExecutableDocument) -> Counts {
    let mut counts = Counts::default();
    let operations: Vec<_> = match &doc.operations {
        DocumentOperations::Single(op) => vec![op],
        DocumentOperations::Multiple(map) => map.values().collect(),
    };
    for op in operations {
        counts.directives += op.node.directives.len();
        count_selection_set(&op.node.selection_set.node, &mut counts);
    }
    for fragment in doc.fragments.values() {
        counts.directives += fragment.node.directives.len();
        count_selection_set(&fragment.node.selection_set.node, &mut counts);
    }
    counts
}

/// Counts GraphQL lexical tokens, stopping once past `stop_after`. Whitespace, commas and
/// comments are ignored, as the spec's lexer does.
pub fn count_tokens(source: &str, stop_after: usize) -> usize {
    let bytes = source.as_bytes();
    let mut i = 0;
    let mut count = 0;
    while i < bytes.len() && count <= stop_after {
        let b = bytes[i];
        match b {
            b' ' | b'\t' | b'\n' | b'\r' | b',' => i += 1,
            b'#' => {
                while i < bytes.len() && bytes[i] != b'\n' && bytes[i] != b'\r' {
                    i += 1;
                }
            }
            b'"' => {
                count += 1;
                if bytes[i..].starts_with(b"\"\"\"") {
                    i += 3;
                    while i < bytes.len() && !bytes[i..].starts_with(b"\"\"\"") {
                        i += if bytes[i] == b'\\' { 2 } else { 1 };
                    }
                    i += 3;
                } else {
                    i += 1;
                    while i < bytes.len() && bytes[i] != b'"' && bytes[i] != b'\n' {
                        i += if bytes[i] == b'\\' { 2 } else { 1 };
                    }
                    i += 1;
                }
            }
            b'.' if bytes[i..].starts_with(b"...") => {
                count += 1;
                i += 3;
            }
            b'_' | b'a'..=b'z' | b'A'..=b'Z' => {
                count += 1;
                while i < bytes.len() && (bytes[i] == b'_' || bytes[i].is_ascii_alphanumeric()) {
                    i += 1;
                }
            }
            b'-' | b'0'..=b'9' => {
                count += 1;
                i += 1;
                while i < bytes.len()
                    && (bytes[i].is_ascii_alphanumeric() || matches!(bytes[i], b'.' | b'+' | b'-'))
                {
                    i += 1;
                }
            }
            _ => {
                count += 1;
                i += 1;
            }
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_counted_like_the_lexer() {
        let cases = [
            ("{ a }", 3),
            ("query Q($x: Int = -1.5e3) { a(x: $x) }", 19),
            ("# comment\n{ a, b }", 4),
            ("{ a(s: \"x y \\\" z\") }", 8),
            ("{ ...F } fragment F on Q { a }", 11),
            ("{ a(s: \"\"\"block \" text\"\"\") }", 8),
        ];
        for (source, expected) in cases {
            assert_eq!(count_tokens(source, 1000), expected, "{source}");
        }
    }

    #[test]
    fn counting_stops_past_the_limit() {
        let long = "{ a }".repeat(1000);
        assert!(count_tokens(&long, 10) <= 11);
    }

    #[test]
    fn aliases_and_directives_are_counted_across_fragments() {
        let doc = async_graphql::parser::parse_query(
            "query @d { x: a @skip(if: true) ...F ... on Q @include(if: true) { y: b } } fragment F on Q { z: c }",
        )
        .unwrap();
        assert_eq!(
            count_aliases_and_directives(&doc),
            Counts {
                aliases: 3,
                directives: 3
            }
        );
    }
}
