//! The `lajur` command line: arguments, printing and exit codes.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use lajur::{BuildError, Diagnostics, Options};

/// glibc's allocator spends a fifth of a large build in malloc and free and
/// keeps freed memory per thread; mimalloc is faster with many threads
/// allocating small strings, and gives memory back (docs/performance.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "lajur",
    version,
    about = "Static site generator for SOP AP handbooks"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into the output folder (public/ by default).
    Build {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Also publish SOPs marked `draft: true`.
        #[arg(long)]
        drafts: bool,
        #[arg(long)]
        base_url: Option<String>,
        /// Replace the output folder even when it holds files lajur did not
        /// write (they are deleted).
        #[arg(long)]
        force: bool,
    },
    /// Build, serve at http://ADDR:PORT/ and rebuild on every save.
    Serve {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        #[arg(long, default_value_t = 1111)]
        port: u16,
        #[arg(long, default_value = "127.0.0.1")]
        bind: String,
        #[arg(long)]
        drafts: bool,
        /// Look for changed files every half second instead of waiting for
        /// file events (for WSL, Docker and network folders).
        #[arg(long)]
        poll: bool,
        /// Open the site in the default browser once it is built.
        #[arg(long)]
        open: bool,
    },
    /// Check the handbook and report every problem, writing nothing.
    Check {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Write a new SOP with every field of the form, commented.
    New {
        path: PathBuf,
        #[arg(long)]
        nama: Option<String>,
    },
    /// Start a new handbook: handbook.yaml and content/ with one example.
    Init { dir: Option<PathBuf> },
    /// Turn existing SOPs (PDF, text copied out of the form) into YAML;
    /// `# periksa:` marks what could not be read.
    Import {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The unit folder to write into (default: one named from the
        /// form's unit line, under content/).
        #[arg(long)]
        into: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Read and report, write nothing (the YAML goes to standard output).
        #[arg(long)]
        dry_run: bool,
        /// Replace files that exist already.
        #[arg(long)]
        force: bool,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build {
            root,
            output,
            drafts,
            base_url,
            force,
        } => {
            let opts = Options {
                root: root.clone(),
                drafts,
                base_url,
            };
            let target = lajur::Target { dir: output, force };
            match lajur::build_to(&opts, &target) {
                Ok(report) => {
                    print_diagnostics(&root, report.warnings, Format::Text);
                    println!(
                        "Built {} SOP(s), {} page(s) into {}",
                        report.sops,
                        report.pages,
                        report.output_dir.display()
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => failed(&root, e, Format::Text, "Nothing was written."),
            }
        }
        Command::Serve {
            root,
            port,
            bind,
            drafts,
            poll,
            open,
        } => {
            let options = lajur::serve::ServeOptions {
                root,
                drafts,
                bind,
                port,
                poll,
                open,
            };
            match lajur::serve::serve(&options) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::from(2)
                }
            }
        }
        Command::Check { root, format } => {
            let opts = Options {
                root: root.clone(),
                ..Options::default()
            };
            // The same pipeline as `build`, so the same errors and exit status.
            match lajur::check_linked(&opts) {
                Ok(linked) => {
                    // JSON carries the kelengkapan findings beside the
                    // diagnostics, for tools (the page's, computed once).
                    let findings = linked.completeness.findings(&linked.handbook);
                    let extra = serde_json::to_value(&findings).ok();
                    print_report(&root, linked.warnings, format, extra);
                    ExitCode::SUCCESS
                }
                Err(e) => failed(&root, e, format, ""),
            }
        }
        Command::New { path, nama } => match lajur::scaffold::new_sop_at(&path, nama.as_deref()) {
            Ok(written) => {
                println!("Created {}", written.sop.display());
                if let Some(schema) = written.schema {
                    println!(
                        "Wrote {} (an editor with the YAML extension checks the SOP with it)",
                        schema.display()
                    );
                }
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::from(2)
            }
        },
        Command::Import {
            files,
            into,
            format,
            dry_run,
            force,
        } => {
            let opts = lajur::import::ImportOptions {
                into,
                dry_run,
                force,
            };
            let report = lajur::import::run(std::path::Path::new("."), &files, &opts);
            match format {
                Format::Text => {
                    let (out, err) = lajur::import::report_text(&report, dry_run);
                    print!("{out}");
                    eprint!("{err}");
                }
                Format::Json => println!(
                    "{}",
                    serde_json::to_string_pretty(&report).unwrap_or_default()
                ),
            }
            ExitCode::from(report.exit_code())
        }
        Command::Init { dir } => {
            let dir = dir.unwrap_or_else(|| PathBuf::from("."));
            match lajur::scaffold::init(&dir) {
                Ok(()) => {
                    println!("Created a new handbook in {}", dir.display());
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::from(2)
                }
            }
        }
    }
}

/// Reports why `build` or `check` stopped and gives its exit status (the
/// policy is `BuildError::exit_code`). `after` follows the handbook's errors.
fn failed(root: &std::path::Path, e: BuildError, format: Format, after: &str) -> ExitCode {
    let code = ExitCode::from(e.exit_code());
    match e {
        BuildError::Settings(d) => print_diagnostics(root, d, format),
        BuildError::Handbook(d) => {
            print_diagnostics(root, d, format);
            if !after.is_empty() {
                eprintln!("{after}");
            }
        }
        other => eprintln!("error: {other}"),
    }
    code
}

fn print_diagnostics(root: &std::path::Path, d: Diagnostics, format: Format) {
    print_report(root, d, format, None);
}

/// The diagnostics, and in JSON the kelengkapan findings of a check that
/// got that far.
fn print_report(
    root: &std::path::Path,
    mut d: Diagnostics,
    format: Format,
    kelengkapan: Option<serde_json::Value>,
) {
    d.sort();
    lajur::source::files::attach_lines(&mut d, root);
    match format {
        Format::Text => {
            if !d.is_empty() {
                eprint!("{}", d.to_text());
            }
        }
        Format::Json => {
            let mut json = serde_json::json!({
                "errors": d.errors(),
                "warnings": d.warnings(),
                "diagnostics": d,
            });
            if let Some(findings) = kelengkapan {
                json["kelengkapan"] = findings;
            }
            println!(
                "{}",
                serde_json::to_string_pretty(&json).unwrap_or_default()
            );
        }
    }
}
