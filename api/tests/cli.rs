//! The `alliance-hub` binary's command line: `--help` documents every setting, and a bad
//! setting stops it with one line on stderr that names the environment variable — never a
//! panic or a backtrace.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::process::{Command, Output};

use tempfile::TempDir;

/// Runs the binary with only these environment variables (and `PATH`), in an empty
/// directory, with `DATA_DIR` there too.
fn run(args: &[&str], env: &[(&str, &str)]) -> (Output, TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let mut command = Command::new(env!("CARGO_BIN_EXE_alliance-hub"));
    command
        .args(args)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("DATA_DIR", dir.path().join("data"))
        .current_dir(dir.path());
    for (name, value) in env {
        command.env(name, value);
    }
    // A configuration that is wrongly accepted would start a server: never wait forever.
    let mut child = command
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while child.try_wait().unwrap().is_none() {
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            panic!("alliance-hub {args:?} did not exit: it started instead of refusing");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    (child.wait_with_output().unwrap(), dir)
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Exited with a failure and said exactly one line on stderr naming `setting`.
fn assert_refused_naming(output: &Output, setting: &str) {
    let stderr = stderr(output);
    assert!(!output.status.success(), "exited successfully: {stderr}");
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr:?}");
    assert!(stderr.contains(setting), "names {setting}: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(!stderr.to_lowercase().contains("backtrace"), "{stderr}");
}

#[test]
fn help_lists_every_setting_and_exits_successfully() {
    // Act
    let (output, _dir) = run(&["--help"], &[]);

    // Assert
    assert!(output.status.success(), "{}", stderr(&output));
    let help = String::from_utf8_lossy(&output.stdout);
    for setting in [
        "LISTEN_ADDR",
        "DATA_DIR",
        "DATABASE_URL",
        "REDIS_URL",
        "REDIS_PREFIX",
        "JWT_SECRET",
        "PUBLIC_URL",
        "LOG_FORMAT",
        "DEMO",
        "ACCESS_TOKEN_TTL",
        "SESSION_TTL",
        "ARGON2_MEMORY_KIB",
        "ARGON2_ITERATIONS",
        "LOGIN_MAX_FAILURES_PER_ACCOUNT",
        "LOGIN_MAX_ATTEMPTS_PER_ADDRESS",
        "LOGIN_WINDOW",
        "TRUST_FORWARDED_FOR",
        "REQUEST_TIMEOUT",
        "MAX_BODY_BYTES",
        "MAX_QUERY_BYTES",
        "MAX_QUERY_TOKENS",
        "MAX_QUERY_DEPTH",
        "MAX_QUERY_COMPLEXITY",
        "MAX_QUERY_ALIASES",
        "MAX_QUERY_DIRECTIVES",
        "ANONYMOUS_INTROSPECTION",
        "DATABASE_MAX_CONNECTIONS",
    ] {
        assert!(help.contains(setting), "--help lacks {setting}:\n{help}");
    }
    assert!(help.contains("migrate"), "{help}");
}

#[test]
fn help_never_shows_the_jwt_secret() {
    // Act
    let (output, _dir) = run(
        &["--help"],
        &[("JWT_SECRET", "do-not-print-me-do-not-print-me-0123")],
    );

    // Assert
    assert!(output.status.success());
    let help = String::from_utf8_lossy(&output.stdout);
    assert!(help.contains("JWT_SECRET"), "{help}");
    assert!(!help.contains("do-not-print-me"), "{help}");
}

#[test]
fn version_prints_and_exits_successfully() {
    // Act
    let (output, _dir) = run(&["--version"], &[]);

    // Assert
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(String::from_utf8_lossy(&output.stdout).contains("alliance-hub"));
}

#[test]
fn a_bad_listen_address_in_the_environment_names_listen_addr() {
    // Act
    let (output, _dir) = run(&[], &[("LISTEN_ADDR", "nonsense")]);

    // Assert
    assert_refused_naming(&output, "LISTEN_ADDR");
}

#[test]
fn a_bad_listen_address_flag_names_listen_addr() {
    // Act
    let (output, _dir) = run(&["--listen-addr", "nonsense"], &[]);

    // Assert
    assert_refused_naming(&output, "LISTEN_ADDR");
}

#[test]
fn postgres_without_a_jwt_secret_names_jwt_secret() {
    // Act
    let (output, _dir) = run(&[], &[("DATABASE_URL", "postgres://x/y")]);

    // Assert
    assert_refused_naming(&output, "JWT_SECRET");
}

#[test]
fn an_unsupported_database_names_database_url() {
    // Act
    let (output, _dir) = run(&[], &[("DATABASE_URL", "mysql://x")]);

    // Assert
    assert_refused_naming(&output, "DATABASE_URL");
}

#[test]
fn a_short_jwt_secret_names_jwt_secret_without_showing_it() {
    // Act
    let (output, _dir) = run(&[], &[("JWT_SECRET", "short")]);

    // Assert
    assert_refused_naming(&output, "JWT_SECRET");
    assert!(!stderr(&output).contains("short"), "{}", stderr(&output));
}

#[test]
fn a_non_numeric_argon2_memory_names_argon2_memory_kib() {
    // Act
    let (from_env, _env_dir) = run(&[], &[("ARGON2_MEMORY_KIB", "abc")]);
    let (from_flag, _flag_dir) = run(&["--argon2-memory-kib", "abc"], &[]);

    // Assert
    assert_refused_naming(&from_env, "ARGON2_MEMORY_KIB");
    assert_refused_naming(&from_flag, "ARGON2_MEMORY_KIB");
}

#[test]
fn other_bad_values_name_their_setting() {
    let cases = [
        ("DEMO", "maybe"),
        ("LOG_FORMAT", "xml"),
        ("PUBLIC_URL", "ftp://hub.example"),
        ("ACCESS_TOKEN_TTL", "0"),
        ("MAX_QUERY_DEPTH", "1"),
        ("REDIS_URL", "http://localhost"),
        ("DATABASE_MAX_CONNECTIONS", "0"),
    ];
    for (setting, value) in cases {
        // Act
        let (output, _dir) = run(&[], &[(setting, value)]);

        // Assert
        assert_refused_naming(&output, setting);
    }
}

#[test]
fn an_unknown_flag_is_one_line() {
    // Act
    let (output, _dir) = run(&["--no-such-flag"], &[]);

    // Assert
    assert_refused_naming(&output, "--no-such-flag");
}

#[test]
fn a_bad_setting_creates_no_data_directory() {
    // Act
    let (output, dir) = run(&[], &[("DATABASE_URL", "mysql://x")]);

    // Assert
    assert!(!output.status.success());
    assert!(!dir.path().join("data").exists());
}

#[test]
fn a_listen_address_in_use_is_one_line_naming_listen_addr() {
    // Arrange
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = taken.local_addr().unwrap().to_string();

    // Act
    let (output, _dir) = run(&[], &[("LISTEN_ADDR", &address)]);

    // Assert
    let stderr = stderr(&output);
    assert!(!output.status.success(), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr:?}");
    assert!(stderr.contains("LISTEN_ADDR"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn migrate_creates_the_embedded_database_and_exits() {
    // Act
    let (output, dir) = run(&["migrate"], &[]);

    // Assert
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(dir.path().join("data").join("alliance-hub.db").exists());
}

#[test]
fn seed_volume_fills_an_empty_database_once() {
    // Arrange
    let args = [
        "seed-volume",
        "--workspaces",
        "2",
        "--threads",
        "10",
        "--posts",
        "30",
    ];
    let fast = [("ARGON2_MEMORY_KIB", "1024"), ("ARGON2_ITERATIONS", "1")];

    // Act
    let (first, dir) = run(&args, &fast);
    let database = format!(
        "sqlite://{}?mode=rw",
        dir.path().join("data").join("alliance-hub.db").display()
    );
    let mut again_env = fast.to_vec();
    again_env.push(("DATABASE_URL", &database));
    let (again, _) = run(&args, &again_env);

    // Assert
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(!again.status.success(), "a second seeding must be refused");
    assert!(
        stderr(&again).contains("already seeded"),
        "{}",
        stderr(&again)
    );
}

#[test]
fn sigterm_stops_the_server_cleanly() {
    use std::io::{BufRead, BufReader};

    // Arrange: a server on a free port, logging JSON so its address can be read.
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_alliance-hub"))
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("DATA_DIR", dir.path().join("data"))
        .env("LISTEN_ADDR", "127.0.0.1:0")
        .env("LOG_FORMAT", "json")
        .env("ARGON2_MEMORY_KIB", "1024")
        .env("ARGON2_ITERATIONS", "1")
        .current_dir(dir.path())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let listening = BufReader::new(stdout)
        .lines()
        .map_while(Result::ok)
        .find(|line| line.contains("listening"));
    assert!(
        listening.is_some(),
        "the server never said it was listening"
    );

    // Act
    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            panic!("the server did not stop within 10 s of SIGTERM");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };

    // Assert
    assert!(status.success(), "exit status {status:?}");
}
