//! Running commands with their command line shown, and failures that say what
//! was being done.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use anyhow::{bail, Context, Result};

fn describe(command: &Command) -> String {
    let mut line = command.get_program().to_string_lossy().into_owned();
    for arg in command.get_args() {
        line.push(' ');
        line.push_str(&arg.to_string_lossy());
    }
    line
}

/// Runs `command`, streaming its output; fails unless it exits with success.
pub fn run(command: &mut Command) -> Result<()> {
    let line = describe(command);
    println!("$ {line}");
    let status = command
        .status()
        .with_context(|| format!("could not start `{line}`"))?;
    if !status.success() {
        bail!("`{line}` failed ({status})");
    }
    Ok(())
}

/// Runs `command` quietly and returns its standard output, or `None` when it
/// cannot start or fails (used to probe for installed tools).
pub fn output(command: &mut Command) -> Option<String> {
    let out = command.stderr(Stdio::null()).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Pass and fail counts read from test runners' summary lines.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TestCounts {
    pub passed: u64,
    pub failed: u64,
}

impl TestCounts {
    pub fn add(&mut self, other: TestCounts) {
        self.passed += other.passed;
        self.failed += other.failed;
    }

    /// Reads a libtest or wasm-bindgen-test summary:
    /// `test result: ok. 7 passed; 0 failed; 1 ignored; ...`.
    pub fn parse_summary(line: &str) -> Option<TestCounts> {
        let rest = line.trim().strip_prefix("test result: ")?;
        let mut counts = TestCounts::default();
        for part in rest.split(';') {
            let mut words = part.split_whitespace().rev();
            let (Some(label), Some(number)) = (words.next(), words.next()) else {
                continue;
            };
            let Ok(number) = number.parse::<u64>() else {
                continue;
            };
            match label {
                "passed" => counts.passed = number,
                "failed" => counts.failed = number,
                _ => {}
            }
        }
        Some(counts)
    }
}

/// Runs a test command, echoing its output, and sums the summary lines it prints.
/// Fails when the command fails, even if no summary line said so.
pub fn run_tests(command: &mut Command) -> Result<TestCounts> {
    let line = describe(command);
    println!("$ {line}");
    let mut child = command
        .stdout(Stdio::piped())
        .spawn()
        .with_context(|| format!("could not start `{line}`"))?;
    let mut counts = TestCounts::default();
    if let Some(stdout) = child.stdout.take() {
        for output_line in BufReader::new(stdout).lines() {
            let output_line = output_line?;
            println!("{output_line}");
            if let Some(found) = TestCounts::parse_summary(&output_line) {
                counts.add(found);
            }
        }
    }
    let status = child.wait()?;
    if !status.success() {
        bail!("`{line}` failed ({status})");
    }
    Ok(counts)
}

#[cfg(test)]
mod tests {
    use super::TestCounts;

    #[test]
    fn reads_libtest_summaries() {
        let line = "test result: ok. 10 passed; 2 failed; 1 ignored; 0 filtered out; finished in 0.53s";
        assert_eq!(
            TestCounts::parse_summary(line),
            Some(TestCounts {
                passed: 10,
                failed: 2
            })
        );
        assert_eq!(TestCounts::parse_summary("running 10 tests"), None);
    }
}
