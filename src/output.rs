//! Writing the site to disk so that nothing is ever half-written: the pages
//! go into a staging folder in the work folder beside the output
//! (`.caspian/public.staging`), which then takes the output's place in one
//! step. A build that fails or is interrupted leaves the previous site whole.
//!
//! The staging folder is kept after the swap (it then holds the previous
//! site), so the next build rewrites only the files that changed: making
//! thousands of files anew is what costs most on a disk. The work folder
//! ignores itself in git, so the copy is never committed by mistake.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::error::{Error, Result};
use crate::layout::{aside_dir, old_staging_dir, parent_of, staging_dir, work_dir};
use crate::render::Page;
use crate::route;

/// The most GitHub Pages publishes: "Published GitHub Pages sites may be no
/// larger than 1 GB". A build above it is told where else to publish.
pub const PAGES_LIMIT: u64 = 1_000_000_000;

/// What to tell of a site of `bytes` written to `out`, when it is more than
/// `limit` (normally [`PAGES_LIMIT`]) and GitHub Pages would not publish it.
pub fn pages_warning(out: &Path, bytes: u64, limit: u64) -> Option<String> {
    (bytes > limit).then(|| {
        format!(
            "{}: warning: the site is {}, more than the {} GitHub Pages publishes; publish it on \
             a host that takes a folder of any size (a web server, or a bucket such as Amazon \
             S3 or Cloudflare R2), as \"When the site outgrows GitHub Pages\" in caspian's \
             README says",
            out.display(),
            size(bytes),
            size(limit)
        )
    })
}

/// `1.9 GB`, `0.4 MB`: a size in the units hosts state their limits in.
fn size(bytes: u64) -> String {
    if bytes >= 1_000_000_000 {
        format!("{:.1} GB", bytes as f64 / 1e9)
    } else {
        format!("{:.1} MB", bytes as f64 / 1e6)
    }
}

/// Writes `pages` as the new content of `out`. On an error, `out` is as
/// the last complete build left it, and the error says so.
pub fn write_site(out: &Path, pages: &[Page]) -> Result<()> {
    let staging = Staging::open(out)?;
    if let Err(e) = pages.par_iter().try_for_each(|page| staging.put(page)) {
        return Err(staging.fail(e));
    }
    staging.commit(pages.iter().map(|p| p.path.as_str()))
}

/// The next site, being written page by page beside the output; it takes
/// the output's place only on [`Staging::commit`]. Pages may be put from
/// several threads at once. While it lives, no other build writes beside
/// the same output.
pub struct Staging {
    dir: PathBuf,
    out: PathBuf,
    parent: PathBuf,
    existed: bool,
    /// Whether the staging folder was empty when the build began, so that
    /// no page needs comparing with an old one and nothing needs pruning.
    fresh: bool,
    _lock: Option<std::fs::File>,
}

impl Staging {
    /// Makes ready to write the site that will replace `out`.
    pub fn open(out: &Path) -> Result<Staging> {
        let out = resolve(out)?;
        let parent = parent_of(&out);
        std::fs::create_dir_all(&parent).map_err(|e| Error::write(&parent, e))?;
        // Two builds writing beside one another would mix their pages. Where
        // the system cannot lock (some network disks), go on without.
        let lock = std::fs::File::open(&parent).ok();
        if let Some(folder) = &lock {
            let _ = folder.lock();
        }
        let mut staging = Staging {
            dir: staging_dir(&out),
            existed: out.exists(),
            fresh: false,
            out,
            parent,
            _lock: lock,
        };
        match staging.prepare() {
            Ok(fresh) => {
                staging.fresh = fresh;
                Ok(staging)
            }
            Err(e) => Err(staging.fail(e)),
        }
    }

    /// Makes the staging folder; says whether it is empty.
    fn prepare(&self) -> Result<bool> {
        recover(&self.out, &self.dir)?;
        move_old_staging(&self.out, &self.dir)?;
        check_replaceable(&self.out, &self.parent)?;
        make_work_dir(&work_dir(&self.out))?;
        match std::fs::symlink_metadata(&self.dir) {
            Ok(m) if m.is_dir() => {}
            Ok(_) => std::fs::remove_file(&self.dir).map_err(|e| Error::write(&self.dir, e))?,
            Err(_) => {}
        }
        std::fs::create_dir_all(&self.dir).map_err(|e| Error::write(&self.dir, e))?;
        let mut entries = std::fs::read_dir(&self.dir).map_err(|e| Error::read(&self.dir, e))?;
        Ok(entries.next().is_none())
    }

    /// Writes one page, unless the staging folder already holds it as it is.
    pub fn put(&self, page: &Page) -> Result<()> {
        let path = self.dir.join(&page.path);
        if self.fresh {
            // Nothing stands in the way: make the folder, then the file,
            // with no lookups that are bound to fail.
            if let Some(folder) = path.parent() {
                std::fs::create_dir_all(folder).map_err(|e| Error::write(folder, e))?;
            }
            return std::fs::write(&path, &page.bytes).map_err(|e| Error::write(&path, e));
        }
        if std::fs::read(&path).is_ok_and(|old| old == page.bytes) {
            return Ok(());
        }
        if std::fs::write(&path, &page.bytes).is_ok() {
            return Ok(());
        }
        // A missing folder, or a file or folder in the way: clear it and retry.
        clear_way(&self.dir, &path)?;
        std::fs::write(&path, &page.bytes).map_err(|e| Error::write(&path, e))
    }

    /// Removes what is not among `paths` (the pages of this site, all put),
    /// then puts the site in the output's place.
    pub fn commit<'a>(self, paths: impl IntoIterator<Item = &'a str>) -> Result<()> {
        match self.swap_in(paths) {
            Ok(()) => Ok(()),
            Err(e) => Err(self.fail(e)),
        }
    }

    fn swap_in<'a>(&self, paths: impl IntoIterator<Item = &'a str>) -> Result<()> {
        if !self.fresh {
            prune(&self.dir, paths)?;
        }
        if self.out.exists() {
            // Afterwards the staging folder holds the previous site, ready for next time.
            swap(&self.dir, &self.out)?;
        } else {
            std::fs::rename(&self.dir, &self.out).map_err(|e| Error::write(&self.out, e))?;
        }
        // The new site is in place now, whatever this says.
        let _ = std::fs::File::open(&self.parent).and_then(|dir| dir.sync_all());
        Ok(())
    }

    /// `e`, which stopped the build, with what it means for the output.
    pub fn fail(&self, e: Error) -> Error {
        // Only a failing disk leaves a question about the output.
        if !matches!(e, Error::Read { .. } | Error::Write { .. }) {
            return e;
        }
        // The half-written pages only take room that a full disk needs back.
        let freed = is_full(&e) && std::fs::remove_dir_all(&self.dir).is_ok();
        if freed {
            remove_idle_work_dir(&work_dir(&self.out));
        }
        let state = if self.existed {
            format!(
                "{} is unchanged: it still holds the previous build",
                self.out.display()
            )
        } else {
            format!("{} was not made", self.out.display())
        };
        let freed = if freed {
            format!(
                " (the unfinished build in {} was removed to free the space)",
                self.dir.display()
            )
        } else {
            String::new()
        };
        Error::Other(format!("{e}\n{state}{freed}"))
    }
}

/// `out`, or the folder it links to: a link is left in place and the
/// folder it names is replaced.
fn resolve(out: &Path) -> Result<PathBuf> {
    match std::fs::symlink_metadata(out) {
        Ok(m) if m.file_type().is_symlink() => {
            std::fs::canonicalize(out).map_err(|e| Error::read(out, e))
        }
        _ => Ok(out.to_path_buf()),
    }
}

/// Whether the site may take the place of `out`: it must be a folder that
/// a build made (or an empty one), on the same disk as the folder around
/// it. Anything else is someone's files, and replacing them would lose them.
fn check_replaceable(out: &Path, parent: &Path) -> Result<()> {
    let Ok(meta) = std::fs::metadata(out) else {
        return Ok(());
    };
    if !meta.is_dir() {
        return Err(Error::Other(format!(
            "{} is a file, not a folder, so the site cannot be written there; move the file away \
             or build into another folder with --out",
            out.display()
        )));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let Ok(around) = std::fs::metadata(parent)
            && around.dev() != meta.dev()
        {
            return Err(Error::Other(format!(
                "{} is a mount point, so it cannot be replaced in one step; build into a folder \
                 inside it (--out {})",
                out.display(),
                out.join("site").display()
            )));
        }
    }
    let built = out.join(route::NOJEKYLL).is_file() && out.join(route::file(route::HOME)).is_file();
    let empty = std::fs::read_dir(out)
        .map_err(|e| Error::read(out, e))?
        .next()
        .is_none();
    if built || empty {
        return Ok(());
    }
    Err(Error::Other(format!(
        "{} holds files that are not a site caspian built (it has no .nojekyll and index.html), \
         and a build replaces the whole folder; move those files away, or build into another \
         folder with --out",
        out.display()
    )))
}

/// What the work folder holds besides staging folders: the files that say
/// what it is to git (ignore all of it) and to backup tools (a cache).
const WORK_FILES: [(&str, &str); 2] = [
    (
        ".gitignore",
        "# caspian's work folder: the previous build, kept so that the next one\n\
         # rewrites only the files that changed. Never committed; safe to delete.\n*\n",
    ),
    (
        "CACHEDIR.TAG",
        "Signature: 8a477f597d28d172789f06886806bc55\n\
         # This file is a cache directory tag created by caspian.\n",
    ),
];

/// Makes the work folder, with the files that keep it out of git and backups.
fn make_work_dir(dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(|e| Error::write(dir, e))?;
    for (name, text) in WORK_FILES {
        let path = dir.join(name);
        if !path.is_file() {
            std::fs::write(&path, text).map_err(|e| Error::write(&path, e))?;
        }
    }
    Ok(())
}

/// Removes the work folder if it holds nothing but its own files.
fn remove_idle_work_dir(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let idle = entries
        .filter_map(|e| e.ok())
        .all(|e| WORK_FILES.iter().any(|(name, _)| e.file_name() == *name));
    if idle {
        let _ = std::fs::remove_dir_all(dir);
    }
}

/// Moves the staging folder that earlier builds kept beside the output
/// (`.public.staging`, where `git add .` took it) into the work folder, and
/// puts right an exchange by renames they left cut short.
fn move_old_staging(out: &Path, staging: &Path) -> Result<()> {
    let old = old_staging_dir(out);
    let mut old_aside = old.clone().into_os_string();
    old_aside.push(".old");
    let old_aside = PathBuf::from(old_aside);
    if old_aside.is_dir() {
        if out.exists() {
            std::fs::remove_dir_all(&old_aside).map_err(|e| Error::write(&old_aside, e))?;
        } else {
            std::fs::rename(&old_aside, out).map_err(|e| Error::write(out, e))?;
        }
    }
    if old.is_dir() {
        if staging.exists() {
            std::fs::remove_dir_all(&old).map_err(|e| Error::write(&old, e))?;
        } else {
            make_work_dir(&work_dir(out))?;
            std::fs::rename(&old, staging).map_err(|e| Error::write(staging, e))?;
        }
    }
    Ok(())
}

/// Puts right what an exchange by renames ([`swap`]) left when it was
/// interrupted: the previous site set aside with no site in its place.
fn recover(out: &Path, staging: &Path) -> Result<()> {
    let aside = aside_dir(out);
    if !aside.is_dir() {
        return Ok(());
    }
    if !out.exists() {
        std::fs::rename(&aside, out).map_err(|e| Error::write(out, e))
    } else if !staging.exists() {
        std::fs::rename(&aside, staging).map_err(|e| Error::write(staging, e))
    } else {
        std::fs::remove_dir_all(&aside).map_err(|e| Error::write(&aside, e))
    }
}

fn is_full(e: &Error) -> bool {
    use std::io::ErrorKind::{QuotaExceeded, StorageFull};
    match e {
        Error::Write { source, .. } => matches!(source.kind(), StorageFull | QuotaExceeded),
        _ => false,
    }
}

/// Removes every file under `dir` but `paths`, and the folders left empty.
fn prune<'a>(dir: &Path, paths: impl IntoIterator<Item = &'a str>) -> Result<()> {
    let wanted: HashSet<PathBuf> = paths.into_iter().map(|p| dir.join(p)).collect();
    let mut folders = Vec::new();
    for entry in walkdir::WalkDir::new(dir).min_depth(1).contents_first(true) {
        let entry = entry.map_err(|e| {
            Error::read(
                dir,
                e.into_io_error()
                    .unwrap_or_else(|| std::io::Error::other("walk")),
            )
        })?;
        let path = entry.path();
        if entry.file_type().is_dir() {
            folders.push(path.to_path_buf());
        } else if !wanted.contains(path) {
            std::fs::remove_file(path).map_err(|e| Error::write(path, e))?;
        }
    }
    for folder in folders {
        // Only empty folders go; the error for a full one is expected.
        let _ = std::fs::remove_dir(&folder);
    }
    Ok(())
}

/// Makes room for a file at `path`: its folders exist, and neither a file
/// stands where a folder must be nor a folder where the file goes.
fn clear_way(root: &Path, path: &Path) -> Result<()> {
    if path.is_dir() {
        std::fs::remove_dir_all(path).map_err(|e| Error::write(path, e))?;
    }
    let Some(folder) = path.parent() else {
        return Ok(());
    };
    let mut at = folder;
    while at != root {
        if at.is_file() {
            std::fs::remove_file(at).map_err(|e| Error::write(at, e))?;
        }
        match at.parent() {
            Some(p) => at = p,
            None => break,
        }
    }
    std::fs::create_dir_all(folder).map_err(|e| Error::write(folder, e))
}

/// Exchanges two folders in one step where the system can (Linux, on most
/// file systems), else by two renames with the old site set aside until the
/// new one is in place; [`recover`] puts right an interrupted one.
fn swap(fresh: &Path, out: &Path) -> Result<()> {
    #[cfg(target_os = "linux")]
    {
        use std::ffi::CString;
        use std::os::unix::ffi::OsStrExt;
        let a =
            CString::new(fresh.as_os_str().as_bytes()).map_err(|e| Error::Other(e.to_string()))?;
        let b =
            CString::new(out.as_os_str().as_bytes()).map_err(|e| Error::Other(e.to_string()))?;
        // SAFETY: both are valid NUL-terminated paths; renameat2 only reads them.
        let rc = unsafe {
            libc::renameat2(
                libc::AT_FDCWD,
                a.as_ptr(),
                libc::AT_FDCWD,
                b.as_ptr(),
                libc::RENAME_EXCHANGE,
            )
        };
        if rc == 0 {
            return Ok(());
        }
        let e = std::io::Error::last_os_error();
        // Only a file system that cannot exchange is worth the renames.
        if !matches!(
            e.raw_os_error(),
            Some(libc::EINVAL | libc::ENOSYS | libc::EOPNOTSUPP)
        ) {
            return Err(Error::write(out, e));
        }
    }
    swap_by_renames(fresh, out)
}

fn swap_by_renames(fresh: &Path, out: &Path) -> Result<()> {
    let aside = aside_dir(out);
    std::fs::rename(out, &aside).map_err(|e| Error::write(out, e))?;
    if let Err(e) = std::fs::rename(fresh, out) {
        let _ = std::fs::rename(&aside, out);
        return Err(Error::write(out, e));
    }
    std::fs::rename(&aside, fresh).map_err(|e| Error::write(fresh, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(path: &str, text: &str) -> Page {
        Page {
            path: path.into(),
            bytes: text.as_bytes().to_vec(),
        }
    }

    /// Writes a site: `pages` and the `.nojekyll` every build has.
    fn build(out: &Path, pages: &[Page]) -> Result<()> {
        let mut pages = pages.to_vec();
        pages.push(page(".nojekyll", ""));
        write_site(out, &pages)
    }

    #[test]
    fn replaces_the_previous_site_whole() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        build(
            &out,
            &[page("index.html", "one"), page("old/index.html", "old")],
        )
        .unwrap();
        build(&out, &[page("index.html", "two"), page("a/b/c.txt", "c")]).unwrap();
        assert_eq!(
            std::fs::read_to_string(out.join("index.html")).unwrap(),
            "two"
        );
        assert_eq!(std::fs::read_to_string(out.join("a/b/c.txt")).unwrap(), "c");
        assert!(!out.join("old").exists());
        let mut names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names, [".caspian", "public"]);
        assert_eq!(
            std::fs::read_to_string(staging_dir(&out).join("index.html")).unwrap(),
            "one",
            "the previous site is kept for the next build"
        );
        let mut kept: Vec<String> = std::fs::read_dir(work_dir(&out))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        kept.sort();
        assert_eq!(kept, [".gitignore", "CACHEDIR.TAG", "public.staging"]);
        let ignore = std::fs::read_to_string(work_dir(&out).join(".gitignore")).unwrap();
        assert_eq!(ignore.lines().last(), Some("*"), "git ignores it all");
    }

    #[test]
    fn a_staging_folder_beside_the_output_moves_into_the_work_folder() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        build(&out, &[page("index.html", "one")]).unwrap();
        // What a build before the work folder left: the previous site beside the output.
        std::fs::remove_dir_all(work_dir(&out)).unwrap();
        std::fs::create_dir_all(old_staging_dir(&out)).unwrap();
        std::fs::write(old_staging_dir(&out).join("index.html"), "zero").unwrap();
        build(&out, &[page("index.html", "two")]).unwrap();
        assert_eq!(tree(&out), [("index.html".to_string(), "two".to_string())]);
        assert!(!old_staging_dir(&out).exists());
        assert_eq!(
            std::fs::read_to_string(staging_dir(&out).join("index.html")).unwrap(),
            "one"
        );
        // And one cut short in its exchange by renames: the site set aside, none in place.
        std::fs::rename(&out, dir.path().join(".public.staging.old")).unwrap();
        build(&out, &[page("index.html", "three")]).unwrap();
        assert_eq!(
            tree(&out),
            [("index.html".to_string(), "three".to_string())]
        );
        let mut names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names, [".caspian", "public"]);
    }

    #[test]
    fn a_site_over_the_pages_limit_is_told_where_else_to_go() {
        let out = Path::new("public");
        assert_eq!(pages_warning(out, PAGES_LIMIT, PAGES_LIMIT), None);
        let warning = pages_warning(out, 1_900_000_000, PAGES_LIMIT).unwrap();
        assert!(
            warning.starts_with(
                "public: warning: the site is 1.9 GB, more than the 1.0 GB GitHub Pages publishes; publish it on a host that takes a folder of any size"
            ),
            "{warning}"
        );
        assert!(
            pages_warning(out, 400_000, 100_000)
                .unwrap()
                .contains("0.4 MB, more than the 0.1 MB")
        );
    }

    #[test]
    fn a_half_written_staging_folder_is_put_right() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        build(&out, &[page("index.html", "one")]).unwrap();
        // An interrupted build left junk in the staging folder, and a file where a folder goes.
        let staging = staging_dir(&out);
        std::fs::create_dir_all(staging.join("junk/deep")).unwrap();
        std::fs::write(staging.join("junk/deep/x.html"), "junk").unwrap();
        std::fs::write(staging.join("a"), "a file in the way").unwrap();
        build(&out, &[page("index.html", "two"), page("a/b.html", "b")]).unwrap();
        assert_eq!(
            tree(&out),
            [
                ("a/b.html".to_string(), "b".to_string()),
                ("index.html".to_string(), "two".to_string())
            ]
        );
        build(&out, &[page("index.html", "three")]).unwrap();
        assert_eq!(
            tree(&out),
            [("index.html".to_string(), "three".to_string())]
        );
    }

    #[test]
    fn a_folder_of_someone_elses_files_is_never_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("docs");
        std::fs::create_dir_all(&out).unwrap();
        std::fs::write(out.join("notes.txt"), "mine").unwrap();
        let err = build(&out, &[page("index.html", "one")]).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!(
                "{} holds files that are not a site caspian built (it has no .nojekyll and index.html), and a build replaces the whole folder; move those files away, or build into another folder with --out",
                out.display()
            )
        );
        assert_eq!(tree(&out), [("notes.txt".to_string(), "mine".to_string())]);
        assert!(!work_dir(&out).exists(), "nothing was written");

        std::fs::write(dir.path().join("file"), "mine").unwrap();
        let err = build(&dir.path().join("file"), &[page("index.html", "one")]).unwrap_err();
        assert!(err.to_string().contains("is a file, not a folder"), "{err}");
        assert_eq!(
            std::fs::read_to_string(dir.path().join("file")).unwrap(),
            "mine"
        );
    }

    #[test]
    fn an_empty_folder_takes_the_site() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        std::fs::create_dir_all(&out).unwrap();
        build(&out, &[page("index.html", "one")]).unwrap();
        build(&out, &[page("index.html", "two")]).unwrap();
        assert_eq!(tree(&out), [("index.html".to_string(), "two".to_string())]);
    }

    #[cfg(unix)]
    #[test]
    fn a_link_to_the_output_stays_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("www/site");
        std::fs::create_dir_all(&target).unwrap();
        let link = dir.path().join("public");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        build(&link, &[page("index.html", "one")]).unwrap();
        build(&link, &[page("index.html", "two")]).unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(
            tree(&target),
            [("index.html".to_string(), "two".to_string())]
        );
        assert!(dir.path().join("www/.caspian/site.staging").is_dir());
        assert!(!dir.path().join(".caspian").exists());
    }

    #[test]
    fn an_exchange_by_renames_that_was_cut_short_is_put_right() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        build(&out, &[page("index.html", "one")]).unwrap();
        build(&out, &[page("index.html", "two")]).unwrap();
        let staging = staging_dir(&out);
        // Cut short after the first rename: the site set aside, none in place.
        std::fs::rename(&out, aside_dir(&out)).unwrap();
        build(&out, &[page("index.html", "three")]).unwrap();
        assert_eq!(
            tree(&out),
            [("index.html".to_string(), "three".to_string())]
        );
        assert!(!aside_dir(&out).exists());
        // Cut short after the second: the new site in place, the old one aside.
        std::fs::rename(&staging, aside_dir(&out)).unwrap();
        build(&out, &[page("index.html", "four")]).unwrap();
        assert_eq!(tree(&out), [("index.html".to_string(), "four".to_string())]);
        assert!(!aside_dir(&out).exists());
        // And the renames themselves leave the two sites exchanged.
        swap_by_renames(&staging, &out).unwrap();
        assert_eq!(
            tree(&out),
            [("index.html".to_string(), "three".to_string())]
        );
        assert_eq!(
            tree(&staging),
            [("index.html".to_string(), "four".to_string())]
        );
        assert!(!aside_dir(&out).exists());
    }

    #[test]
    fn a_build_waits_while_another_writes_beside_it() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let other = std::fs::File::open(dir.path()).unwrap();
        other.lock().unwrap();
        std::thread::scope(|scope| {
            let build = scope.spawn(|| build(&out, &[page("index.html", "one")]));
            std::thread::sleep(std::time::Duration::from_millis(300));
            assert!(!build.is_finished() && !out.exists(), "it waits");
            other.unlock().unwrap();
            build.join().unwrap().unwrap();
        });
        assert_eq!(tree(&out), [("index.html".to_string(), "one".to_string())]);
    }

    fn tree(dir: &Path) -> Vec<(String, String)> {
        let mut files: Vec<(String, String)> = walkdir::WalkDir::new(dir)
            .into_iter()
            .map(Result::unwrap)
            .filter(|e| e.file_type().is_file() && e.file_name() != ".nojekyll")
            .map(|e| {
                let rel = e
                    .path()
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                (rel, std::fs::read_to_string(e.path()).unwrap())
            })
            .collect();
        files.sort();
        files
    }
}
