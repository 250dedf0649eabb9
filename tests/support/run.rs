//! Running lajur as a user does, from a terminal opened in the handbook
//! folder (no `--root` a user would not type).

use std::path::Path;
use std::process::{Command, Output};

/// Runs lajur in `dir`: its exit status and everything it printed.
pub fn lajur_in(dir: &Path, args: &[&str]) -> (i32, String) {
    let out = lajur_output(dir, args);
    (out.status.code().unwrap_or(-1), printed(&out))
}

/// Runs lajur in `dir`, for a test that reads its standard output and
/// standard error apart (JSON on stdout, messages on stderr).
pub fn lajur_output(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lajur"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the lajur binary runs")
}

/// A run's exit status, stdout and stderr, for a failed assertion to show.
pub fn said(out: &Output) -> String {
    format!(
        "status {:?}\nstdout:\n{}\nstderr:\n{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// Runs the binary in `dir`; a run that has not ended after a minute is
/// killed and fails the test (a FIFO read would wait for ever).
pub fn lajur_in_finite(dir: &Path, args: &[&str]) -> (i32, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_lajur"))
        .args(args)
        .current_dir(dir)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run lajur");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while child.try_wait().expect("wait").is_none() {
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            panic!("lajur {args:?} hangs");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let out = child.wait_with_output().expect("output");
    (out.status.code().unwrap_or(-1), printed(&out))
}

/// Everything a run printed: its standard output, then its standard error.
fn printed(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}
