//! What reaches a site's repository and its host: a build leaves nothing
//! beside the site that `git add .` would take, and says when the site is
//! more than GitHub Pages publishes.

mod common;

use std::path::Path;
use std::process::Command;

use common::*;

fn git(dir: &Path, args: &[&str]) -> String {
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
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn what_a_build_keeps_is_never_committed_even_without_a_gitignore() {
    let site = fixture("site");
    let root = site.path();
    assert!(!root.join(".gitignore").exists());
    git(root, &["init", "--quiet"]);
    // Twice: the second build keeps the first site for the next.
    build(root, "https://example.org/");
    build(root, "https://example.org/");
    assert!(root.join(".caspian/public.staging/index.html").is_file());
    git(root, &["add", "."]);
    let staged = git(root, &["ls-files"]);
    assert!(staged.contains("public/index.html"), "{staged}");
    assert!(staged.contains("site.toml"), "{staged}");
    assert!(
        !staged.contains(".caspian") && !staged.contains("staging"),
        "{staged}"
    );
}

#[test]
fn a_site_over_the_pages_limit_builds_and_says_where_else_to_publish() {
    let site = fixture("site");
    let out = caspian(site.path(), &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stderr(&out).contains("GitHub Pages"), "{}", stderr(&out));

    // A limit the small site passes, as a gigabyte would be for a large one.
    let out = Command::new(env!("CARGO_BIN_EXE_caspian"))
        .args(["--root", site.path().to_str().unwrap(), "build"])
        .env("CASPIAN_PAGES_LIMIT", "100000")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let public = site.path().join("public");
    let said = stderr(&out);
    let warning = said
        .lines()
        .find(|l| l.starts_with(&format!("{}: warning: the site is ", public.display())))
        .unwrap_or_else(|| panic!("no warning about the size in:\n{said}"));
    assert!(
        warning.ends_with(" MB, more than the 0.1 MB GitHub Pages publishes; publish it on a host that takes a folder of any size (a web server, or a bucket such as Amazon S3 or Cloudflare R2), as \"When the site outgrows GitHub Pages\" in caspian's README says"),
        "{warning}"
    );
    assert!(
        public.join("index.html").is_file(),
        "the site is built all the same"
    );
    let readme = read(&project(), "README.md");
    assert!(readme.contains("\n## When the site outgrows GitHub Pages\n"));
}
