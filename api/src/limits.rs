//! Operation limits, checked before anything executes: document size and token count (before
//! parsing); aliases, directives, introspection, the operation, its required variables and
//! depth (on the parsed document, by [`check`]); complexity (by async-graphql's validation,
//! with the schema's per-field costs). Each failure has its own stable code and is a request
//! error: nothing runs.

use std::{
    collections::HashMap,
    sync::{Arc, Mutex},
};

use async_graphql::{
    Positioned, ServerError, Value, Variables,
    parser::types::{
        DocumentOperations, ExecutableDocument, OperationDefinition, OperationType, Selection,
        SelectionSet,
    },
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

/// The operation a request runs, as the GraphQL spec's GetOperation chooses it; `None` when
/// it cannot be chosen.
pub fn select_operation<'d>(
    doc: &'d ExecutableDocument,
    operation_name: Option<&str>,
) -> Option<&'d Positioned<OperationDefinition>> {
    match (&doc.operations, operation_name) {
        (DocumentOperations::Single(op), None) => Some(op),
        (DocumentOperations::Multiple(ops), Some(name)) => ops.get(name),
        (DocumentOperations::Multiple(ops), None) if ops.len() == 1 => ops.values().next(),
        _ => None,
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

/// Most documents kept by a [`Checker`]; past that the cache starts afresh. With documents of
/// at most `MAX_QUERY_BYTES` and `MAX_QUERY_TOKENS`, this bounds the cache to a few tens of
/// megabytes even when callers send nothing but new documents.
const MAX_CACHED_DOCUMENTS: usize = 256;

/// The limits of one audience with a cache of documents that passed the document-level
/// checks, keyed by their text: clients send the same few documents over and over, and
/// parsing is a large share of a small request. A cached document is cloned for each request
/// (cheap: names are shared) and its request-level checks run every time.
pub struct Checker {
    pub limits: Limits,
    documents: Mutex<HashMap<Arc<str>, Arc<ExecutableDocument>>>,
}

impl Checker {
    pub fn new(limits: Limits) -> Self {
        Self {
            limits,
            documents: Mutex::new(HashMap::new()),
        }
    }

    fn documents(&self) -> std::sync::MutexGuard<'_, HashMap<Arc<str>, Arc<ExecutableDocument>>> {
        self.documents
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Checks a request before it is executed, in the order that keeps the work bounded: size
    /// and tokens before parsing; aliases, directives, introspection, depth and inlined fields
    /// on the parsed document (remembered for documents that passed); then the operation and
    /// its required variables. The parsed document is handed to the executor, so it is parsed
    /// once. Complexity needs the schema's per-field costs and is checked by async-graphql's
    /// validation (see [`tag_pre_execution`]).
    ///
    /// This runs outside async-graphql on purpose: any registered extension makes
    /// async-graphql wrap every field resolution, which costs a quarter of a small query's
    /// throughput.
    pub fn check(
        &self,
        query: &str,
        operation_name: Option<&str>,
        variables: &Variables,
    ) -> Result<Checked, ServerError> {
        let cached = self.documents().get(query).cloned();
        let document = match cached {
            Some(document) => document,
            None => {
                let document = Arc::new(parse_checked(&self.limits, query)?);
                let mut documents = self.documents();
                if documents.len() >= MAX_CACHED_DOCUMENTS {
                    documents.clear();
                }
                documents.insert(Arc::from(query), document.clone());
                document
            }
        };
        check_operation((*document).clone(), operation_name, variables)
    }
}

/// What the checks learned about a request that may run.
pub struct Checked {
    pub document: ExecutableDocument,
    /// Query, mutation or subscription: what the operation that runs is.
    pub operation_type: OperationType,
    /// The name of the operation that runs, also when the request did not give it.
    pub operation_name: Option<String>,
}

fn refuse(message: String, code: &str) -> ServerError {
    error_with_code(message, code)
}

/// The checks that depend on the document alone: size, tokens, parsing, aliases, directives,
/// introspection, depth and inlined fields (of every operation and fragment).
fn parse_checked(limits: &Limits, query: &str) -> Result<ExecutableDocument, ServerError> {
    if query.len() > limits.max_query_bytes {
        return Err(refuse(
            format!(
                "the document is larger than {} bytes",
                limits.max_query_bytes
            ),
            code::QUERY_TOO_LARGE,
        ));
    }
    if count_tokens(query, limits.max_tokens) > limits.max_tokens {
        return Err(refuse(
            format!("the document has more than {} tokens", limits.max_tokens),
            code::QUERY_TOO_MANY_TOKENS,
        ));
    }
    let document = async_graphql::parser::parse_query(query).map_err(|err| {
        let mut err = ServerError::from(err);
        tag(&mut err, code::GRAPHQL_PARSE_FAILED);
        err
    })?;
    let counts = count_aliases_and_directives(&document);
    if counts.aliases > limits.max_aliases {
        return Err(refuse(
            format!("the document has more than {} aliases", limits.max_aliases),
            code::QUERY_TOO_MANY_ALIASES,
        ));
    }
    if counts.directives > limits.max_directives {
        return Err(refuse(
            format!(
                "the document has more than {} directives",
                limits.max_directives
            ),
            code::QUERY_TOO_MANY_DIRECTIVES,
        ));
    }
    if !limits.introspection && asks_for_introspection(&document) {
        return Err(refuse(
            "introspection is not allowed for anonymous callers".to_owned(),
            code::GRAPHQL_VALIDATION_FAILED,
        ));
    }
    // async-graphql's validation walks every operation and fragment of the document, inlining
    // spreads without memory, and cannot be interrupted: measure them all, not only the one
    // that runs. Every field costs at least 1, so more fields (fragments inlined) than the
    // complexity limit is too complex.
    let (depth, fields) = measure_document(&document);
    if depth > limits.max_depth {
        return Err(refuse(
            format!(
                "the query is nested deeper than {} levels",
                limits.max_depth
            ),
            code::QUERY_TOO_DEEP,
        ));
    }
    if fields > limits.max_complexity {
        return Err(refuse(
            "the query is too complex".to_owned(),
            code::QUERY_TOO_COMPLEX,
        ));
    }
    Ok(document)
}

/// The checks that depend on the request: the operation and its variables.
fn check_operation(
    document: ExecutableDocument,
    operation_name: Option<&str>,
    variables: &Variables,
) -> Result<Checked, ServerError> {
    let Some(operation) = select_operation(&document, operation_name) else {
        return Err(refuse(
            match operation_name {
                Some(name) => format!("the document has no operation named \"{name}\""),
                None => "the document has several operations: name one in operationName".to_owned(),
            },
            code::BAD_REQUEST,
        ));
    };
    if let Some(err) = missing_required_variable(&document, operation_name, variables) {
        return Err(err);
    }
    let operation_type = operation.node.ty;
    let operation_name = match (&document.operations, operation_name) {
        (_, Some(name)) => Some(name.to_owned()),
        (DocumentOperations::Multiple(ops), None) => ops.keys().next().map(ToString::to_string),
        (DocumentOperations::Single(_), None) => None,
    };
    Ok(Checked {
        document,
        operation_type,
        operation_name,
    })
}

/// The message async-graphql gives when its complexity limit refuses an operation. It offers
/// no structured signal, and asking for one through an extension would cost every field
/// resolution; a test pins this message so an upgrade that changes it fails loudly.
const COMPLEXITY_MESSAGE: &str = "Query is too complex.";

/// Codes for errors async-graphql reports before execution (the document was already parsed
/// and checked here): complexity is `QUERY_TOO_COMPLEX`, the rest validation failures.
pub fn tag_pre_execution(err: &mut ServerError) {
    if err.message == COMPLEXITY_MESSAGE {
        err.message = "the query is too complex".to_owned();
        tag(err, code::QUERY_TOO_COMPLEX);
    } else {
        tag(err, code::GRAPHQL_VALIDATION_FAILED);
    }
}

/// The greatest depth and the greatest number of fields (fragments inlined) over every
/// operation and fragment definition of a document.
fn measure_document(document: &ExecutableDocument) -> (usize, usize) {
    let mut sets: Vec<&SelectionSet> = match &document.operations {
        DocumentOperations::Single(op) => vec![&op.node.selection_set.node],
        DocumentOperations::Multiple(ops) => {
            ops.values().map(|op| &op.node.selection_set.node).collect()
        }
    };
    sets.extend(
        document
            .fragments
            .values()
            .map(|f| &f.node.selection_set.node),
    );
    let (mut depths, mut counts) = (HashMap::new(), HashMap::new());
    sets.into_iter().fold((0, 0), |(depth, fields), set| {
        (
            depth.max(measure(set, document, usize::max, &mut depths)),
            fields.max(measure(set, document, usize::saturating_add, &mut counts)),
        )
    })
}

/// Measures a selection set with fragments inlined: every field is `1 + its selection`, and
/// the items of a set are combined with `combine` (`max` gives the depth as async-graphql
/// counts it, `+` the number of fields). Each fragment is measured once (`memo`), so nested
/// spreads cannot blow up; a fragment that spreads itself (invalid, refused by validation)
/// counts as 0 inside itself.
fn measure<'d>(
    set: &'d SelectionSet,
    document: &'d ExecutableDocument,
    combine: fn(usize, usize) -> usize,
    memo: &mut HashMap<&'d str, Option<usize>>,
) -> usize {
    set.items.iter().fold(0, |total, item| {
        let here = match &item.node {
            Selection::Field(field) => 1usize.saturating_add(measure(
                &field.node.selection_set.node,
                document,
                combine,
                memo,
            )),
            Selection::InlineFragment(fragment) => {
                measure(&fragment.node.selection_set.node, document, combine, memo)
            }
            Selection::FragmentSpread(spread) => {
                let name = spread.node.fragment_name.node.as_str();
                match (memo.get(name), document.fragments.get(name)) {
                    (Some(known), _) => known.unwrap_or(0),
                    (None, Some(fragment)) => {
                        memo.insert(name, None);
                        let value =
                            measure(&fragment.node.selection_set.node, document, combine, memo);
                        memo.insert(name, Some(value));
                        value
                    }
                    (None, None) => 0,
                }
            }
        };
        combine(total, here)
    })
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
    let operation = select_operation(doc, operation_name)?;
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

    fn limits() -> Limits {
        Limits {
            max_query_bytes: 100_000,
            max_tokens: 100_000,
            max_depth: 3,
            max_complexity: 1000,
            max_aliases: 30,
            max_directives: 20,
            introspection: false,
        }
    }

    fn check(
        limits: &Limits,
        query: &str,
        operation_name: Option<&str>,
        variables: &Variables,
    ) -> Result<Checked, ServerError> {
        Checker::new(*limits).check(query, operation_name, variables)
    }

    fn code_of(result: Result<Checked, ServerError>) -> Option<String> {
        result.err().and_then(|e| {
            e.extensions.and_then(|x| {
                x.get("code")
                    .map(|c| c.to_string().trim_matches('"').to_owned())
            })
        })
    }

    #[test]
    fn depth_counts_fields_through_fragments() {
        let vars = Variables::default();
        assert!(check(&limits(), "{ a { b { c } } }", None, &vars).is_ok());
        assert_eq!(
            code_of(check(&limits(), "{ a { b { c { d } } } }", None, &vars)).as_deref(),
            Some(code::QUERY_TOO_DEEP)
        );
        assert_eq!(
            code_of(check(
                &limits(),
                "{ a { ...F } } fragment F on T { b { c { d } } }",
                None,
                &vars
            ))
            .as_deref(),
            Some(code::QUERY_TOO_DEEP)
        );
    }

    #[test]
    fn nested_fragment_spreads_are_measured_once_each() {
        // Each fragment spreads the next one twice: 2^40 fields once inlined.
        let mut query = String::from("{ ...F0 } ");
        for i in 0..40 {
            query.push_str(&format!(
                "fragment F{i} on T {{ a: x {{ ...F{n} }} b: x {{ ...F{n} }} }} ",
                n = i + 1
            ));
        }
        query.push_str("fragment F40 on T { y }");
        let deep = Limits {
            max_depth: 100,
            max_aliases: 1000,
            ..limits()
        };
        // Measured in microseconds, and far too many fields once inlined.
        assert_eq!(
            code_of(check(&deep, &query, None, &Variables::default())).as_deref(),
            Some(code::QUERY_TOO_COMPLEX)
        );
    }

    #[test]
    fn an_operation_that_cannot_be_chosen_is_a_bad_request() {
        let vars = Variables::default();
        assert_eq!(
            code_of(check(&limits(), "query A { a } query B { b }", None, &vars)).as_deref(),
            Some(code::BAD_REQUEST)
        );
        assert_eq!(
            code_of(check(&limits(), "query A { a }", Some("B"), &vars)).as_deref(),
            Some(code::BAD_REQUEST)
        );
        assert!(
            check(
                &limits(),
                "query A { a } mutation B { b }",
                Some("B"),
                &vars
            )
            .is_ok_and(|c| c.operation_type == OperationType::Mutation)
        );
    }

    #[test]
    fn introspection_is_refused_where_it_is_off() {
        assert_eq!(
            code_of(check(
                &limits(),
                "{ __schema { types { name } } }",
                None,
                &Variables::default()
            ))
            .as_deref(),
            Some(code::GRAPHQL_VALIDATION_FAILED)
        );
    }

    #[test]
    fn operations_and_fragments_that_do_not_run_are_measured_too() {
        let mut bomb = String::new();
        for i in 0..30 {
            bomb.push_str(&format!(
                "fragment F{i} on T {{ ...F{n} ...F{n} }} ",
                n = i + 1
            ));
        }
        bomb.push_str("fragment F30 on T { y } ");
        let vars = Variables::default();
        let other_operation = format!("query A {{ a }} query B {{ ...F0 }} {bomb}");
        assert_eq!(
            code_of(check(&limits(), &other_operation, Some("A"), &vars)).as_deref(),
            Some(code::QUERY_TOO_COMPLEX)
        );
        let unused_fragment = format!("query A {{ a }} fragment G on T {{ ...F0 }} {bomb}");
        assert_eq!(
            code_of(check(&limits(), &unused_fragment, Some("A"), &vars)).as_deref(),
            Some(code::QUERY_TOO_COMPLEX)
        );
    }
}
