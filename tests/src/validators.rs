//! The field's own validators, for the export tests: BSI's CSAF validator library
//! (`tests/validators/csaf-validate.mjs`, Node.js from `PATH`) and the OASIS STIX 2.1
//! validator (`tests/validators/stix-validate.py`, in `tests/validators/.venv`). Install
//! them with `make validators`; when they are missing every check fails, it never passes.

use std::{
    io::Write,
    path::{Path, PathBuf},
    process::Command,
};

use serde_json::Value;

const NOT_INSTALLED: &str = "run `make validators` first";

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("validators")
}

/// Validates a CSAF 2.0 document: the strict schema and every mandatory test must pass.
/// `Err` carries the validator's output.
pub fn csaf(doc: &Value) -> Result<(), String> {
    let dir = dir();
    if !dir
        .join("node_modules/@secvisogram/csaf-validator-lib/package.json")
        .is_file()
    {
        return Err(NOT_INSTALLED.into());
    }
    run(Command::new("node").arg(dir.join("csaf-validate.mjs")), doc)
}

/// Validates a STIX 2.1 bundle. `Err` carries the validator's output.
pub fn stix(bundle: &Value) -> Result<(), String> {
    let dir = dir();
    let python = dir.join(".venv/bin/python");
    if !python.is_file() || !dir.join(".venv/.installed").is_file() {
        return Err(NOT_INSTALLED.into());
    }
    run(
        Command::new(python).arg(dir.join("stix-validate.py")),
        bundle,
    )
}

/// Writes the JSON to a temporary file, runs the command with its path as the last argument,
/// and answers with the output unless the command exits 0.
fn run(command: &mut Command, json: &Value) -> Result<(), String> {
    let mut file = tempfile::Builder::new()
        .suffix(".json")
        .tempfile()
        .map_err(|e| format!("temporary file: {e}"))?;
    file.write_all(json.to_string().as_bytes())
        .and_then(|()| file.flush())
        .map_err(|e| format!("temporary file: {e}"))?;
    let output = command
        .arg(file.path())
        .output()
        .map_err(|e| format!("{command:?}: {e} ({NOT_INSTALLED}?)"))?;
    if output.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{command:?} exited with {}\n{}{}",
            output.status,
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        ))
    }
}
