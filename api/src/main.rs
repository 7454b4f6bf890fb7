//! `alliance-hub`: telemetry → config → build → run. `alliance-hub migrate` only migrates;
//! `alliance-hub seed-volume` fills the database for benchmarks.

use std::process::ExitCode;

use api::{
    Application,
    config::{self, CliOutcome, Command, Config},
    telemetry,
};

/// mimalloc: a GraphQL answer is built from many small allocations on several threads, where
/// glibc's malloc spends its time in arena locks and consolidation.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> ExitCode {
    let cli = match config::from_process() {
        Ok(cli) => cli,
        Err(CliOutcome::Print(text)) => {
            print!("{text}");
            return ExitCode::SUCCESS;
        }
        Err(CliOutcome::Invalid(line)) => {
            eprintln!("{line}");
            return ExitCode::from(2);
        }
    };
    telemetry::init(cli.settings.log_format);
    let config = match Config::from_settings(cli.settings) {
        Ok(config) => config,
        Err(err) => {
            eprintln!("{err}");
            return ExitCode::from(2);
        }
    };
    match run(cli.command.unwrap_or(Command::Serve), config).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("alliance-hub: {err:#}");
            ExitCode::FAILURE
        }
    }
}

async fn run(command: Command, config: Config) -> anyhow::Result<()> {
    match command {
        Command::Migrate => {
            let db = api::db::connect(&config).await?;
            api::db::migrate(&db).await?;
            tracing::info!("migrations applied");
            Ok(())
        }
        Command::SeedVolume(args) => {
            let db = api::db::connect(&config).await?;
            api::db::migrate(&db).await?;
            let passwords = api::auth::password::PasswordHasher::new(
                config.settings.argon2_memory_kib,
                config.settings.argon2_iterations,
            )?;
            api::demo::volume::seed(&db, &passwords, args).await
        }
        Command::Serve => {
            let app = Application::build(config).await?;
            // Signal handlers first: once we say we listen, SIGTERM means a graceful stop.
            let stop = api::app::shutdown_signal();
            if let Some(addr) = app.local_addr() {
                tracing::info!(%addr, "Alliance Hub listening; GraphQL at /graphql");
            }
            app.run_until(stop).await
        }
    }
}
