//! The README's editor walkthrough, run as written, so that it cannot drift
//! from the program. In its "For editors" section:
//! - a ```sh block is commands, run in a copy of this site with `caspian` on
//!   the path; a command marked `# fails` must fail, one marked `# runs
//!   until` (serve) is tested in tests/serve.rs instead;
//! - a ```text block is output the command before it must print;
//! - a ```markdown file=PATH block is a file the editor writes;
//! - a ```toml file=PATH append block is added to the end of that file.

mod common;

use std::path::Path;
use std::process::Command;

use common::*;

#[derive(Debug)]
enum Step {
    Run {
        command: String,
        fails: bool,
    },
    Output(String),
    Write {
        path: String,
        text: String,
        append: bool,
    },
}

fn steps(readme: &str) -> Vec<Step> {
    let section = readme
        .split("## For editors")
        .nth(1)
        .expect("a For editors section");
    let section = section.split("\n## ").next().unwrap();
    let mut steps = Vec::new();
    let mut lines = section.lines();
    while let Some(line) = lines.next() {
        let Some(info) = line.strip_prefix("```") else {
            continue;
        };
        let mut body = String::new();
        for l in lines.by_ref() {
            if l.starts_with("```") {
                break;
            }
            body.push_str(l);
            body.push('\n');
        }
        let words: Vec<&str> = info.split_whitespace().collect();
        let file = words
            .iter()
            .find_map(|w| w.strip_prefix("file="))
            .map(String::from);
        match (words.first().copied(), file) {
            (Some("sh"), _) => {
                for command in body.lines().filter(|l| !l.trim().is_empty()) {
                    if command.contains("# runs until") {
                        continue;
                    }
                    let fails = command.contains("# fails");
                    let command = command.split(" #").next().unwrap().trim().to_string();
                    steps.push(Step::Run { command, fails });
                }
            }
            (Some("text"), _) => steps.push(Step::Output(body)),
            (Some(_), Some(path)) => steps.push(Step::Write {
                path,
                text: body,
                append: words.contains(&"append"),
            }),
            _ => panic!("a README block I cannot run: ```{info}"),
        }
    }
    steps
}

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn the_editors_walkthrough_in_the_readme_works_as_written() {
    let readme = std::fs::read_to_string(project().join("README.md")).unwrap();
    let steps = steps(&readme);
    assert!(steps.len() >= 12, "{steps:?}");

    // A copy of this site in its own git repository, with a remote to push to.
    let site = site(true, true);
    for dir in ["templates", "static"] {
        copy_dir(&project().join(dir), &site.path().join(dir));
    }
    let remote = tempfile::tempdir().unwrap();
    git(remote.path(), &["init", "--bare", "--quiet"]);
    git(site.path(), &["init", "--quiet", "-b", "main"]);
    git(site.path(), &["config", "user.email", "editor@example.org"]);
    git(site.path(), &["config", "user.name", "Editor"]);
    git(site.path(), &["add", "."]);
    git(site.path(), &["commit", "--quiet", "-m", "site"]);
    git(
        site.path(),
        &["remote", "add", "origin", remote.path().to_str().unwrap()],
    );
    git(site.path(), &["push", "--quiet", "-u", "origin", "main"]);

    let bin = Path::new(env!("CARGO_BIN_EXE_caspian")).parent().unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut last_output = String::new();
    for step in &steps {
        match step {
            Step::Run { command, fails } => {
                let out = Command::new("sh")
                    .arg("-c")
                    .arg(command)
                    .current_dir(site.path())
                    .env("PATH", &path)
                    .output()
                    .unwrap();
                last_output = format!(
                    "{}{}",
                    String::from_utf8_lossy(&out.stdout),
                    String::from_utf8_lossy(&out.stderr)
                );
                assert_eq!(!out.status.success(), *fails, "`{command}`:\n{last_output}");
            }
            Step::Output(expected) => {
                for line in expected.lines() {
                    assert!(
                        last_output.contains(line),
                        "expected {line:?} in:\n{last_output}"
                    );
                }
            }
            Step::Write { path, text, append } => {
                let full = site.path().join(path);
                let text = if *append {
                    format!("{}\n{text}", std::fs::read_to_string(&full).unwrap())
                } else {
                    text.clone()
                };
                std::fs::write(full, text).unwrap();
            }
        }
    }
    // The push reached the remote.
    let log = Command::new("git")
        .args(["log", "--oneline", "main"])
        .current_dir(remote.path())
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&log.stdout).contains("New article: Aktau ferry terminal"));
}
