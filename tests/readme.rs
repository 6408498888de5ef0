//! The README's walkthroughs, run as written, so that they cannot drift
//! from the program: "Start your own archive" in an empty folder, and "For
//! editors" in a copy of this site, each with `caspian` on the path. In them:
//! - a ```sh block is commands, each run in the folder the commands before
//!   it `cd` into; a command marked `# fails` must fail, one marked `# runs
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

/// The steps of the README's section `## HEADING`.
fn steps(readme: &str, heading: &str) -> Vec<Step> {
    let section = readme
        .split(&format!("\n## {heading}\n"))
        .nth(1)
        .unwrap_or_else(|| panic!("a {heading} section"));
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

/// Runs `steps` from the folder `start`, with `caspian` on the path and
/// each `(from, to)` of `replace` made in the commands (an address that
/// only the reader has, such as their GitHub repository's).
fn run(steps: &[Step], start: &Path, replace: &[(&str, &str)]) {
    let bin = Path::new(env!("CARGO_BIN_EXE_caspian")).parent().unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut here = start.to_path_buf();
    let mut last_output = String::new();
    for step in steps {
        match step {
            Step::Run { command, .. } if command.starts_with("cd ") => {
                here = here.join(command[3..].trim());
                assert!(here.is_dir(), "`{command}`: no folder {}", here.display());
                last_output.clear();
            }
            Step::Run { command, fails } => {
                let mut command = command.clone();
                for (from, to) in replace {
                    command = command.replace(from, to);
                }
                let out = Command::new("sh")
                    .arg("-c")
                    .arg(&command)
                    .current_dir(&here)
                    .env("PATH", &path)
                    .envs([
                        ("GIT_AUTHOR_NAME", "Editor"),
                        ("GIT_AUTHOR_EMAIL", "editor@example.org"),
                        ("GIT_COMMITTER_NAME", "Editor"),
                        ("GIT_COMMITTER_EMAIL", "editor@example.org"),
                    ])
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
                let full = here.join(path);
                let text = if *append {
                    format!("{}\n{text}", std::fs::read_to_string(&full).unwrap())
                } else {
                    text.clone()
                };
                std::fs::write(full, text).unwrap();
            }
        }
    }
}

/// The files of the last commit of `branch` in the repository `dir`.
fn committed(dir: &Path, branch: &str) -> (String, String) {
    let git = |args: &[&str]| {
        let out = Command::new("git")
            .args(args)
            .current_dir(dir)
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    (
        git(&["log", "--oneline", branch]),
        git(&["ls-tree", "-r", "--name-only", branch]),
    )
}

#[test]
fn starting_an_archive_in_the_readme_works_as_written() {
    let readme = std::fs::read_to_string(project().join("README.md")).unwrap();
    let steps = steps(&readme, "Start your own archive");
    assert!(steps.len() >= 14, "{steps:?}");
    let dir = tempfile::tempdir().unwrap();
    // The reader's GitHub repository, here a repository on disk.
    let remote = tempfile::tempdir().unwrap();
    git(remote.path(), &["init", "--bare", "--quiet"]);
    let github = "https://github.com/USER/kazakh-press.git";
    assert!(readme.contains(github));
    run(
        &steps,
        dir.path(),
        &[(github, remote.path().to_str().unwrap())],
    );

    let archive = dir.path().join("kazakh-press");
    assert!(
        archive
            .join("public/articles/parliament-passes-the-budget-for-2026/index.html")
            .is_file()
    );
    let (log, files) = committed(remote.path(), "main");
    assert!(log.contains("A new archive"), "{log}");
    let files: Vec<&str> = files.lines().collect();
    assert_eq!(
        files,
        [
            ".github/workflows/pages.yml",
            ".gitignore",
            "content/parliament-passes-the-budget-for-2026.md",
            "entities.toml",
            "seeds/.gitkeep",
            "site.toml",
        ],
        "what was pushed: the site's sources, never public/ nor .caspian/"
    );
}

#[test]
fn the_editors_walkthrough_in_the_readme_works_as_written() {
    let readme = std::fs::read_to_string(project().join("README.md")).unwrap();
    let steps = steps(&readme, "For editors");
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

    run(&steps, site.path(), &[]);
    // The push reached the remote.
    let (log, _) = committed(remote.path(), "main");
    assert!(log.contains("New article: Aktau ferry terminal"));
}
