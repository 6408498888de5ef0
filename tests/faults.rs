//! Faults: a build or an ingest killed at any moment, an output disk that is
//! read-only or full. After each, the site folder holds either the last
//! complete result or the next one, never a mix, and the error says what
//! happened and what to do.
//!
//! The kill tests run at a small size; `CASPIAN_FAULT_ARTICLES=10000
//! CASPIAN_FAULT_KILLS=40 cargo test --release --test faults -- --nocapture`
//! runs them at full size and prints where each kill landed.

mod common;

use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::*;

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(default)
}

/// A small deterministic generator (xorshift64*), so that every run kills
/// at the same points of the build's duration.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in `0.0..1.0`.
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Every file of a tree: relative path → hash of its bytes; `None` for no tree.
type Tree = Option<BTreeMap<String, u64>>;

/// The tree under `dir`.
fn digest(dir: &Path) -> Tree {
    if !dir.exists() {
        return None;
    }
    let mut files = BTreeMap::new();
    for entry in walkdir::WalkDir::new(dir) {
        let entry = entry.unwrap();
        if entry.file_type().is_dir() {
            continue;
        }
        let bytes = std::fs::read(entry.path()).unwrap();
        let mut hasher = std::hash::DefaultHasher::new();
        bytes.hash(&mut hasher);
        let rel = entry.path().strip_prefix(dir).unwrap();
        files.insert(rel.to_string_lossy().into_owned(), hasher.finish());
    }
    Some(files)
}

/// The committed content, copied `n` times with its own title and date each.
fn articles(n: usize) -> Vec<(String, String)> {
    let sources: Vec<String> = caspian::fs::list_files(&project().join("content"), "md")
        .unwrap()
        .iter()
        .map(|f| std::fs::read_to_string(f).unwrap())
        .collect();
    (0..n)
        .map(|i| {
            let text = &sources[i % sources.len()];
            let (year, month, day) = (1995 + i % 30, 1 + i % 12, 1 + i % 28);
            let mut out = String::new();
            for line in text.lines() {
                if line.starts_with("date: ") {
                    out.push_str(&format!("date: {year}-{month:02}-{day:02}\n"));
                } else if let Some(title) = line.strip_prefix("title: ") {
                    out.push_str(&format!("title: \"{} ({i})\"\n", title.trim_matches('"')));
                } else if !line.starts_with("  seed: ") && !line.starts_with("  fingerprint: ") {
                    out.push_str(line);
                    out.push('\n');
                }
            }
            (format!("content/a{i:05}.md"), out)
        })
        .collect()
}

/// Puts version `v` (0, 1 or 2) of a generated site in place: the versions
/// differ in some titles, and each lacks articles the others have, so that a
/// build from one to another rewrites, adds and removes files.
fn set_version(root: &Path, all: &[(String, String)], v: usize) {
    for (i, (path, text)) in all.iter().enumerate() {
        if i % 23 == 5 + 6 * v {
            let _ = std::fs::remove_file(root.join(path));
            continue;
        }
        let text = if i % 9 == 0 {
            text.replacen("title: \"", &format!("title: \"Version {v}: "), 1)
        } else {
            text.clone()
        };
        if std::fs::read_to_string(root.join(path)).ok().as_deref() != Some(text.as_str()) {
            write(root, path, text);
        }
    }
}

fn build_ok(root: &Path, args: &[&str]) {
    let mut all = vec!["build"];
    all.extend(args);
    let out = caspian(root, &all);
    assert!(
        out.status.success(),
        "build failed:\n{}{}",
        stdout(&out),
        stderr(&out)
    );
}

/// The complete site of the content as it is, built into a folder of its own.
fn reference(root: &Path) -> Tree {
    let out = root.join("reference");
    build_ok(root, &["--out", out.to_str().unwrap()]);
    let tree = digest(&out);
    std::fs::remove_dir_all(&out).unwrap();
    std::fs::remove_dir_all(root.join(".caspian/reference.staging")).ok();
    tree
}

/// When to kill a build.
#[derive(Clone, Copy, Debug)]
enum Kill {
    /// This long after it started.
    After(Duration),
    /// This long after its first write to disk.
    IntoWriting(Duration),
    /// Never: it runs to its end.
    Never,
}

/// What a build that was killed (or not) did, in time from its start.
struct Run {
    first_write: Option<Duration>,
    killed_at: Option<Duration>,
    ended: Option<Duration>,
}

/// Write calls the process has made so far, from `/proc/PID/io`. Rendering
/// writes nothing, so the first one marks the start of writing the site.
fn write_calls(pid: u32) -> Option<u64> {
    let io = std::fs::read_to_string(format!("/proc/{pid}/io")).ok()?;
    io.lines()
        .find_map(|l| l.strip_prefix("syscw: "))
        .and_then(|n| n.trim().parse().ok())
}

/// Runs `caspian build` and kills it with SIGKILL (no handler runs, nothing
/// is cleaned up) as `kill` says.
fn build_killed(root: &Path, kill: Kill) -> Run {
    killed(root, "build", kill)
}

/// Runs `caspian COMMAND` and kills it as `kill` says.
fn killed(root: &Path, command: &str, kill: Kill) -> Run {
    let started = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_caspian"))
        .arg("--root")
        .arg(root)
        .arg(command)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut run = Run {
        first_write: None,
        killed_at: None,
        ended: None,
    };
    loop {
        if child.try_wait().unwrap().is_some() {
            run.ended = Some(started.elapsed());
            return run;
        }
        if run.first_write.is_none() && write_calls(child.id()).is_some_and(|n| n > 0) {
            run.first_write = Some(started.elapsed());
        }
        let due = match kill {
            Kill::After(d) => started.elapsed() >= d,
            Kill::IntoWriting(d) => run.first_write.is_some_and(|w| started.elapsed() >= w + d),
            Kill::Never => false,
        };
        if due {
            let _ = child.kill();
            run.killed_at = Some(started.elapsed());
            child.wait().unwrap();
            return run;
        }
        std::thread::sleep(Duration::from_micros(200));
    }
}

/// Entries of the site folder other than its inputs: the output and what
/// the build keeps beside it.
fn beside(root: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(root)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !["content", "site.toml", "entities.toml"].contains(&n.as_str()))
        .collect();
    names.sort();
    names
}

fn ms(d: Duration) -> String {
    format!("{} ms", d.as_millis())
}

#[test]
fn a_build_killed_at_any_moment_leaves_the_last_complete_site() {
    let n = env_number("CASPIAN_FAULT_ARTICLES", 200);
    let kills = env_number("CASPIAN_FAULT_KILLS", 24).max(3);
    let site = site(false, false);
    let root = site.path();
    let public = root.join("public");
    let staging = root.join(".caspian/public.staging");
    let all = articles(n);

    // Three versions, built cyclically: the site in `public`, the one before
    // it (which the staging folder holds), and the next one, which differs
    // from both, so that each build rewrites files.
    let versions: Vec<Tree> = (0..3)
        .map(|v| {
            set_version(root, &all, v);
            reference(root)
        })
        .collect();
    assert!(versions[0] != versions[1] && versions[1] != versions[2] && versions[0] != versions[2]);
    for v in [1, 2] {
        set_version(root, &all, v);
        build_ok(root, &[]);
    }
    assert_eq!(digest(&public), versions[2]);

    // How long a build takes, and how long it writes, to aim the kills.
    set_version(root, &all, 0);
    let calibration = build_killed(root, Kill::Never);
    let total = calibration.ended.unwrap();
    let writing = total - calibration.first_write.expect("the build wrote files");
    assert_eq!(digest(&public), versions[0]);
    eprintln!(
        "{n} articles: a build takes {}, of which writing {}",
        ms(total),
        ms(writing)
    );

    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut current = 0;
    let mut hit_writing = 0;
    let mut lines = Vec::new();
    for k in 0..kills {
        let next = (current + 1) % 3;
        let before = (current + 2) % 3;
        set_version(root, &all, next);
        let kill = match k {
            0 => Kill::After(Duration::ZERO),
            _ if k == kills - 1 => Kill::Never,
            _ if k % 3 == 1 => Kill::After(total.mul_f64(rng.unit() * 1.1)),
            _ => Kill::IntoWriting(writing.mul_f64(rng.unit() * 1.1)),
        };
        let run = build_killed(root, kill);

        let now = digest(&public);
        let Some(state) = [current, next].into_iter().find(|&v| now == versions[v]) else {
            panic!(
                "after a kill at {:?} (writing since {:?}) public/ is neither the previous site nor the new one:\n{}",
                run.killed_at,
                run.first_write,
                describe(&now, &versions[current], &versions[next])
            );
        };
        let left = beside(root);
        assert!(
            left.iter().all(|n| n == "public" || n == ".caspian"),
            "after a kill the site folder holds {left:?}"
        );
        // Where the kill landed, told by what the staging folder holds.
        let staged = digest(&staging);
        let landed = if state == next {
            "after the exchange: the new site"
        } else if staged == versions[next] {
            "written, before the exchange: the previous site"
        } else if staged == versions[before] || run.first_write.is_none() {
            "before writing: the previous site"
        } else {
            hit_writing += 1;
            "while writing: the previous site"
        };
        let at = match (run.killed_at, run.ended) {
            (Some(t), _) => format!("killed at {}", ms(t)),
            (None, Some(t)) => format!("ended at {}", ms(t)),
            (None, None) => unreachable!(),
        };
        let writing_since = run
            .first_write
            .map(|w| format!(", writing from {}", ms(w)))
            .unwrap_or_default();
        lines.push(format!(
            "{:>2}. {kill:?}: {at}{writing_since}; {landed}",
            k + 1
        ));
        current = state;
    }
    eprintln!("{kills} kills:\n{}", lines.join("\n"));
    assert!(
        hit_writing > 0,
        "no kill landed while the build was writing, so the test proved nothing"
    );

    // A normal build afterwards makes the site of the content as it now is.
    let last = (current + 1) % 3;
    set_version(root, &all, last);
    build_ok(root, &[]);
    assert_eq!(digest(&public), versions[last]);
}

/// Which files of a tree come from which build, for a failure message.
fn describe(tree: &Tree, previous: &Tree, new: &Tree) -> String {
    let (Some(tree), Some(previous), Some(new)) = (tree, previous, new) else {
        return format!("it has {:?} files", tree.as_ref().map(BTreeMap::len));
    };
    let mut lines = Vec::new();
    for (path, hash) in tree {
        let from = match (
            previous.get(path) == Some(hash),
            new.get(path) == Some(hash),
        ) {
            (true, true) => continue,
            (true, false) => "previous",
            (false, true) => "new",
            (false, false) => "neither",
        };
        lines.push(format!("{path}: {from}"));
    }
    for path in previous.keys().chain(new.keys()) {
        if !tree.contains_key(path) {
            lines.push(format!("{path}: missing"));
        }
    }
    lines.sort();
    lines.dedup();
    lines.join("\n")
}

#[test]
fn a_first_build_killed_at_any_moment_leaves_no_site_or_a_whole_one() {
    let n = env_number("CASPIAN_FAULT_ARTICLES", 200) / 4;
    let kills = env_number("CASPIAN_FAULT_KILLS", 24) / 2;
    let site = site(false, false);
    let root = site.path();
    let public = root.join("public");
    let staging = root.join(".caspian/public.staging");
    set_version(root, &articles(n), 0);
    let whole = reference(root);
    let calibration = build_killed(root, Kill::Never);
    let total = calibration.ended.unwrap();
    let writing = total - calibration.first_write.expect("the build wrote files");
    std::fs::remove_dir_all(&public).unwrap();

    let mut rng = Rng(7);
    let mut seen = [0, 0];
    for k in 0..kills {
        // A kill may leave a half-filled staging folder; the next build must
        // cope with that as well as with none.
        if k % 3 == 0 {
            std::fs::remove_dir_all(&staging).ok();
        }
        let kill = if k % 2 == 0 {
            Kill::After(total.mul_f64(rng.unit() * 1.2))
        } else {
            Kill::IntoWriting(writing.mul_f64(rng.unit() * 1.2))
        };
        let run = build_killed(root, kill);
        let now = digest(&public);
        assert!(
            now.is_none() || now == whole,
            "a killed first build left a partial site:\n{}",
            describe(&now, &None, &whole)
        );
        assert!(
            run.ended.is_none() || now.is_some(),
            "a build that ended left no site"
        );
        if now.is_some() {
            seen[1] += 1;
            std::fs::remove_dir_all(&public).unwrap();
        } else {
            seen[0] += 1;
        }
    }
    eprintln!(
        "{kills} kills of a first build: {} left no site, {} a whole one",
        seen[0], seen[1]
    );
    build_ok(root, &[]);
    assert_eq!(digest(&public), whole);
}

/// A tmpfs mounted for one test: a disk of a given size that can be made
/// read-only. Mounting needs root, as CI runs; without it the test fails
/// and says so rather than passing without testing anything.
struct Disk {
    dir: tempfile::TempDir,
}

impl Disk {
    fn new(size: &str) -> Disk {
        let dir = tempfile::tempdir().unwrap();
        let out = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir.path())
            .output()
            .expect("the mount command runs");
        assert!(
            out.status.success(),
            "cannot mount a {size} tmpfs at {} ({}): the disk-fault tests need to mount one, so run them as root (as CI does)",
            dir.path().display(),
            String::from_utf8_lossy(&out.stderr).trim()
        );
        Disk { dir }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn remount(&self, mode: &str) {
        let out = Command::new("mount")
            .args(["-o", &format!("remount,{mode}")])
            .arg(self.path())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "cannot remount {} {mode}: {}",
            self.path().display(),
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

impl Drop for Disk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.path()).status();
    }
}

/// `caspian build --out OUT`, expected to fail: its error output.
fn build_fails(root: &Path, out: &Path) -> String {
    let run = caspian(root, &["build", "--out", out.to_str().unwrap()]);
    let err = stderr(&run);
    assert!(
        !run.status.success(),
        "the build should have failed:\n{}{err}",
        stdout(&run)
    );
    err
}

#[test]
fn a_full_disk_fails_the_build_with_a_clear_error_and_keeps_the_old_site() {
    // Room for the committed site, its staging copy and the build it
    // replaces, not for 150 more articles.
    let disk = Disk::new("4m");
    let out = disk.path().join("public");
    let site = site(false, true);
    let root = site.path();
    build_ok(root, &["--out", out.to_str().unwrap()]);
    let old = digest(&out);

    // Far more than the disk holds.
    let more = articles(150);
    for (path, text) in &more {
        write(root, path, text);
    }
    let err = build_fails(root, &out);
    assert!(
        err.contains(&format!("cannot write {}/", disk.path().display()))
            && err.contains("No space left on device")
            && err.contains("the disk is full: free some space on it and try again"),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "{} is unchanged: it still holds the previous build",
            out.display()
        )),
        "{err}"
    );
    assert_eq!(digest(&out), old, "the old site is whole");
    assert!(
        !disk.path().join(".caspian/public.staging").exists(),
        "the unfinished build is removed to give the space back"
    );

    // With the articles gone again, the site fits and builds.
    for (path, _) in &more {
        std::fs::remove_file(root.join(path)).unwrap();
    }
    let gone = "presidents-of-kazakhstan-and-azerbaijan-made-a-joint-statement";
    std::fs::remove_file(root.join(format!("content/{gone}.md"))).unwrap();
    build_ok(root, &["--out", out.to_str().unwrap()]);
    let now = digest(&out).unwrap();
    assert_ne!(Some(&now), old.as_ref());
    assert!(!now.contains_key(&format!("articles/{gone}/index.html")));
}

#[test]
fn a_first_build_on_a_full_disk_makes_no_site_and_says_so() {
    let disk = Disk::new("200k");
    let out = disk.path().join("public");
    let site = fixture("site");
    let err = build_fails(site.path(), &out);
    assert!(
        err.contains("No space left on device") && err.contains("the disk is full"),
        "{err}"
    );
    assert!(
        err.contains(&format!("{} was not made", out.display())),
        "{err}"
    );
    assert!(!out.exists());
    assert_eq!(
        std::fs::read_dir(disk.path()).unwrap().count(),
        0,
        "nothing is left on the disk"
    );
}

#[test]
fn a_read_only_disk_fails_the_build_with_a_clear_error_and_keeps_the_old_site() {
    let disk = Disk::new("4m");
    let out = disk.path().join("public");
    let site = fixture("site");
    let root = site.path();
    build_ok(root, &["--out", out.to_str().unwrap()]);
    let old = digest(&out);
    std::fs::remove_file(root.join("content/undated.md")).unwrap();

    disk.remount("ro");
    let err = build_fails(root, &out);
    assert!(
        err.contains(&format!(
            "cannot write {}: Read-only file system",
            disk.path().join(".caspian/public.staging").display()
        )) && err.contains("the disk is read-only: make it writable, or write somewhere else"),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "{} is unchanged: it still holds the previous build",
            out.display()
        )),
        "{err}"
    );
    assert_eq!(digest(&out), old);

    // Once a build has left its staging folder there, the failure comes at
    // the exchange instead; the old site stays all the same.
    disk.remount("rw");
    build_ok(root, &["--out", out.to_str().unwrap()]);
    let new = digest(&out);
    write(
        root,
        "content/undated.md",
        read(&project().join("tests/fixtures/site"), "content/undated.md"),
    );
    disk.remount("ro");
    let err = build_fails(root, &out);
    assert!(
        err.contains("Read-only file system") && err.contains("the disk is read-only"),
        "{err}"
    );
    assert_eq!(digest(&out), new);

    disk.remount("rw");
    build_ok(root, &["--out", out.to_str().unwrap()]);
    assert_eq!(digest(&out), old);
}

#[test]
fn a_mount_point_is_not_replaced_and_the_error_says_where_to_build() {
    let disk = Disk::new("4m");
    let site = fixture("site");
    let err = build_fails(site.path(), disk.path());
    assert!(
        err.contains(&format!(
            "{} is a mount point, so it cannot be replaced in one step; build into a folder inside it (--out {})",
            disk.path().display(),
            disk.path().join("site").display()
        )),
        "{err}"
    );
    assert_eq!(std::fs::read_dir(disk.path()).unwrap().count(), 0);
}

/// `n` raw articles: the seeds and the ingest fixtures, each copy with its
/// own headline, and after the first round a word of its own after every
/// third word, so that no copy repeats another (ingest would not write it).
fn seeds(n: usize) -> Vec<(String, String)> {
    let mut sources: Vec<String> = Vec::new();
    for dir in ["seeds", "tests/fixtures/ingest"] {
        for file in caspian::fs::list_files(&project().join(dir), "txt").unwrap() {
            sources.push(std::fs::read_to_string(file).unwrap());
        }
    }
    (0..n)
        .map(|i| {
            let text = &sources[i % sources.len()];
            let round = i / sources.len();
            let text: String = if round == 0 {
                text.clone()
            } else {
                text.lines()
                    .map(|line| {
                        let words: Vec<&str> = line.split(' ').collect();
                        let own = format!("x{i}");
                        let mut out = Vec::new();
                        for (k, w) in words.iter().enumerate() {
                            out.push(*w);
                            if k % 3 == 2 {
                                out.push(own.as_str());
                            }
                        }
                        format!("{}\n", out.join(" "))
                    })
                    .collect()
            };
            (
                format!("seeds/{i:05}.txt"),
                format!("Nachricht {i}\n\n{text}"),
            )
        })
        .collect()
}

/// The files of `content/`: visible ones by name with their text, and the
/// names of hidden ones.
fn content_files(root: &Path) -> (BTreeMap<String, String>, Vec<String>) {
    let mut visible = BTreeMap::new();
    let mut hidden = Vec::new();
    let Ok(entries) = std::fs::read_dir(root.join("content")) else {
        return (visible, hidden);
    };
    for entry in entries {
        let entry = entry.unwrap();
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            hidden.push(name);
        } else {
            visible.insert(name, std::fs::read_to_string(entry.path()).unwrap());
        }
    }
    hidden.sort();
    (visible, hidden)
}

#[test]
fn an_ingest_killed_at_any_moment_leaves_only_whole_articles() {
    let n = env_number("CASPIAN_FAULT_ARTICLES", 200) / 2;
    let kills = env_number("CASPIAN_FAULT_KILLS", 24);
    let site = site(false, false);
    let root = site.path();
    for (path, text) in seeds(n) {
        write(root, &path, text);
    }
    // What a whole run writes.
    let calibration = killed(root, "ingest", Kill::Never);
    let total = calibration.ended.unwrap();
    let writing = total - calibration.first_write.expect("ingest wrote files");
    let (whole, hidden) = content_files(root);
    assert_eq!(whole.len(), n);
    assert!(hidden.is_empty(), "{hidden:?}");
    eprintln!(
        "{n} seeds: an ingest takes {}, of which writing {}",
        ms(total),
        ms(writing)
    );

    let mut rng = Rng(11);
    let mut lines = Vec::new();
    for k in 0..kills {
        // Now and then from nothing again, so that kills fall among the first files too.
        if k % 4 == 0 {
            std::fs::remove_dir_all(root.join("content")).ok();
        }
        let kill = if k % 2 == 0 {
            Kill::After(total.mul_f64(rng.unit() * 1.1))
        } else {
            Kill::IntoWriting(writing.mul_f64(rng.unit() * 1.1))
        };
        let run = killed(root, "ingest", kill);
        let (files, hidden) = content_files(root);
        for (name, text) in &files {
            assert_eq!(
                Some(text),
                whole.get(name),
                "after a kill at {:?}, content/{name} is not what a whole run writes",
                run.killed_at
            );
        }
        assert!(
            hidden
                .iter()
                .all(|h| h.ends_with(".md.tmp") || h.contains(".md.tmp")),
            "{hidden:?}"
        );
        lines.push(format!(
            "{:>2}. {kill:?}: {} whole articles, {} temporary files",
            k + 1,
            files.len(),
            hidden.len()
        ));
    }
    eprintln!("{kills} kills of ingest:\n{}", lines.join("\n"));
    assert!(
        lines
            .iter()
            .any(|l| !l.contains(&format!(" {n} whole")) && !l.contains(": 0 whole")),
        "no kill landed while ingest was writing, so the test proved nothing"
    );

    // A whole run afterwards leaves exactly what a run from nothing does.
    let out = caspian(root, &["ingest"]);
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
    assert_eq!(content_files(root), (whole, Vec::new()));
}

#[test]
fn a_temporary_file_a_killed_ingest_left_is_never_read_and_ingest_removes_it() {
    let site = site(true, true);
    let root = site.path();
    let mut ended = Command::new("true").spawn().unwrap();
    ended.wait().unwrap();
    let name = "kazakh-and-azerbaijani-presidents-strengthen-bilateral-relations-in-inaugural.md";
    let temp = format!("content/.{name}.tmp{}", ended.id());
    let half = read(root, &format!("content/{name}"));
    write(root, &temp, &half[..half.len() / 3]);

    let out = caspian(root, &["check", "--deny-warnings"]);
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
    assert!(!stderr(&out).contains(".tmp"), "{}", stderr(&out));
    build_ok(root, &[]);
    assert!(root.join(&temp).exists(), "build leaves content/ alone");

    let out = caspian(root, &["ingest"]);
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
    assert!(
        !root.join(&temp).exists(),
        "ingest removes what a killed run left"
    );
    assert_eq!(read(root, &format!("content/{name}")), half);
}
