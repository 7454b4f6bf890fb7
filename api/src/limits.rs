//! Operation limits, checked before anything executes: document size and token count (before
//! parsing), aliases and directives (after parsing), depth and complexity (after validation).
//! Each failure has its own stable code. The extension also tags parse and validation errors
//! with their codes, refuses introspection where it is off, refuses required variables that
//! are missing or null (async-graphql would run the operation and fail, or not fail, per
//! field), and records whether execution started, which the HTTP layer needs to choose the
//! status code.

use std::sync::{
    Arc, Mutex,
    atomic::{AtomicBool, Ordering},
};

use async_graphql::{
    Request, Response, ServerError, ServerResult, ValidationResult, Value, Variables,
    extensions::{
        Extension, ExtensionContext, ExtensionFactory, NextExecute, NextParseQuery,
        NextPrepareRequest, NextValidation,
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
    /// Whether `__schema` and `__type` may be asked for.
    pub introspection: bool,
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
            introspection: true,
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
        Arc::new(LimitsExtension {
            limits: *self,
            operation_name: Mutex::new(None),
        })
    }
}

/// The extension of one request: the limits and the operation name the request asked for.
struct LimitsExtension {
    limits: Limits,
    operation_name: Mutex<Option<String>>,
}

#[async_trait::async_trait]
impl Extension for LimitsExtension {
    async fn prepare_request(
        &self,
        ctx: &ExtensionContext<'_>,
        request: Request,
        next: NextPrepareRequest<'_>,
    ) -> ServerResult<Request> {
        *self
            .operation_name
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = request.operation_name.clone();
        next.run(ctx, request).await
    }

    async fn parse_query(
        &self,
        ctx: &ExtensionContext<'_>,
        query: &str,
        variables: &Variables,
        next: NextParseQuery<'_>,
    ) -> ServerResult<ExecutableDocument> {
        if query.len() > self.limits.max_query_bytes {
            return Err(error_with_code(
                format!(
                    "the document is larger than {} bytes",
                    self.limits.max_query_bytes
                ),
                code::QUERY_TOO_LARGE,
            ));
        }
        if count_tokens(query, self.limits.max_tokens) > self.limits.max_tokens {
            return Err(error_with_code(
                format!(
                    "the document has more than {} tokens",
                    self.limits.max_tokens
                ),
                code::QUERY_TOO_MANY_TOKENS,
            ));
        }
        let doc = next.run(ctx, query, variables).await.map_err(|mut err| {
            tag(&mut err, code::GRAPHQL_PARSE_FAILED);
            err
        })?;
        let counts = count_aliases_and_directives(&doc);
        if counts.aliases > self.limits.max_aliases {
            return Err(error_with_code(
                format!(
                    "the document has more than {} aliases",
                    self.limits.max_aliases
                ),
                code::QUERY_TOO_MANY_ALIASES,
            ));
        }
        if counts.directives > self.limits.max_directives {
            return Err(error_with_code(
                format!(
                    "the document has more than {} directives",
                    self.limits.max_directives
                ),
                code::QUERY_TOO_MANY_DIRECTIVES,
            ));
        }
        if !self.limits.introspection && asks_for_introspection(&doc) {
            return Err(error_with_code(
                "introspection is not allowed for anonymous callers",
                code::GRAPHQL_VALIDATION_FAILED,
            ));
        }
        let operation_name = self
            .operation_name
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone();
        if let Some(err) = missing_required_variable(&doc, operation_name.as_deref(), variables) {
            return Err(err);
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
        if result.depth > self.limits.max_depth {
            return Err(vec![error_with_code(
                format!(
                    "the query is nested deeper than {} levels",
                    self.limits.max_depth
                ),
                code::QUERY_TOO_DEEP,
            )]);
        }
        if result.complexity > self.limits.max_complexity {
            return Err(vec![error_with_code(
                format!(
                    "the query is too complex ({} > {})",
                    result.complexity, self.limits.max_complexity
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

/// Whether the document selects `__schema` or `__type` anywhere (they only exist on the query
/// root, so anywhere else the document is invalid anyway).
pub fn asks_for_introspection(doc: &ExecutableDocument) -> bool {
    fn selects(set: &SelectionSet) -> bool {
        set.items.iter().any(|item| match &item.node {
            Selection::Field(field) => {
                matches!(field.node.name.node.as_str(), "__schema" | "__type")
                    || selects(&field.node.selection_set.node)
            }
            Selection::FragmentSpread(_) => false,
            Selection::InlineFragment(fragment) => selects(&fragment.node.selection_set.node),
        })
    }
    let in_operations = match &doc.operations {
        DocumentOperations::Single(op) => selects(&op.node.selection_set.node),
        DocumentOperations::Multiple(map) => {
            map.values().any(|op| selects(&op.node.selection_set.node))
        }
    };
    in_operations
        || doc
            .fragments
            .values()
            .any(|fragment| selects(&fragment.node.selection_set.node))
}

/// A variable of the operation to run that is required (non-null without a default) but not
/// given, or that is non-null but given as null: the request cannot run (the spec's
/// CoerceVariableValues). An operation that cannot be chosen is left to async-graphql.
pub fn missing_required_variable(
    doc: &ExecutableDocument,
    operation_name: Option<&str>,
    variables: &Variables,
) -> Option<ServerError> {
    let operation = match (&doc.operations, operation_name) {
        (DocumentOperations::Single(op), None) => Some(op),
        (DocumentOperations::Multiple(ops), Some(name)) => ops.get(name),
        (DocumentOperations::Multiple(ops), None) if ops.len() == 1 => ops.values().next(),
        _ => None,
    }?;
    operation
        .node
        .variable_definitions
        .iter()
        .find_map(|definition| {
            let def = &definition.node;
            if def.var_type.node.nullable {
                return None;
            }
            let name = def.name.node.as_str();
            let ty = &def.var_type.node;
            let message = match variables.get(name) {
                None if def.default_value.is_none() => {
                    format!("variable \"${name}\" of required type \"{ty}\" was not provided")
                }
                Some(Value::Null) => {
                    format!("variable \"${name}\" of non-null type \"{ty}\" must not be null")
                }
                _ => return None,
            };
            let mut err = ServerError::new(message, Some(definition.pos));
            tag(&mut err, code::BAD_USER_INPUT);
            Some(err)
        })
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

    #[test]
    fn introspection_is_found_in_operations_and_fragments() {
        let asks =
            |q: &str| asks_for_introspection(&async_graphql::parser::parse_query(q).unwrap());
        assert!(asks("{ __schema { queryType { name } } }"));
        assert!(asks(
            "query A { a } query B { __type(name: \"X\") { name } }"
        ));
        assert!(asks("{ ... on Q { a { __schema { types { name } } } } }"));
        assert!(asks(
            "{ ...F } fragment F on Q { __schema { types { name } } }"
        ));
        assert!(!asks("{ __typename a { __typename } }"));
    }

    #[test]
    fn required_variables_of_the_chosen_operation_must_be_given_and_not_null() {
        let doc = async_graphql::parser::parse_query(
            "query A($a: Int!, $b: Int, $c: Int! = 1) { x } query B($d: String!) { y }",
        )
        .unwrap();
        let missing = |name: Option<&str>, vars: serde_json::Value| {
            missing_required_variable(&doc, name, &Variables::from_json(vars)).map(|e| e.message)
        };
        assert_eq!(missing(Some("A"), serde_json::json!({ "a": 1 })), None);
        assert_eq!(
            missing(Some("A"), serde_json::json!({ "a": 1, "b": null })),
            None
        );
        assert!(missing(Some("A"), serde_json::json!({})).is_some_and(|m| m.contains("$a")));
        assert!(
            missing(Some("A"), serde_json::json!({ "a": 1, "c": null }))
                .is_some_and(|m| m.contains("$c"))
        );
        assert!(
            missing(Some("B"), serde_json::json!({ "a": 1 })).is_some_and(|m| m.contains("$d"))
        );
        // No operation chosen among several: async-graphql reports that.
        assert_eq!(missing(None, serde_json::json!({})), None);
        assert_eq!(missing(Some("C"), serde_json::json!({})), None);
    }
}
