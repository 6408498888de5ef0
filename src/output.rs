//! Writing the site to disk so that nothing is ever half-written: the pages
//! go into a staging folder beside the output, which then takes the
//! output's place in one step. A build that fails or is interrupted leaves
//! the previous site whole.
//!
//! The staging folder is kept after the swap (it then holds the previous
//! site), so the next build rewrites only the files that changed: making
//! thousands of files anew is what costs most on a disk.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::error::{Error, Result};
use crate::render::Page;

/// The staging folder beside `out`: `.public.staging` for `public`.
pub fn staging_dir(out: &Path) -> PathBuf {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".into());
    parent_of(out).join(format!(".{name}.staging"))
}

fn parent_of(out: &Path) -> PathBuf {
    match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Writes `pages` as the new content of `out`.
pub fn write_site(out: &Path, pages: &[Page]) -> Result<()> {
    let staging = Staging::open(out)?;
    pages.par_iter().try_for_each(|page| staging.put(page))?;
    staging.commit(pages.iter().map(|p| p.path.as_str()))
}

/// The next site, being written page by page beside the output; it takes
/// the output's place only on [`Staging::commit`]. Pages may be put from
/// several threads at once.
pub struct Staging {
    dir: PathBuf,
    out: PathBuf,
}

impl Staging {
    /// Makes ready to write the site that will replace `out`.
    pub fn open(out: &Path) -> Result<Staging> {
        let parent = parent_of(out);
        std::fs::create_dir_all(&parent).map_err(|e| Error::write(&parent, e))?;
        let dir = staging_dir(out);
        if dir.exists() && !dir.is_dir() {
            std::fs::remove_file(&dir).map_err(|e| Error::write(&dir, e))?;
        }
        std::fs::create_dir_all(&dir).map_err(|e| Error::write(&dir, e))?;
        Ok(Staging {
            dir,
            out: out.to_path_buf(),
        })
    }

    /// Writes one page, unless the staging folder already holds it as it is.
    pub fn put(&self, page: &Page) -> Result<()> {
        let path = self.dir.join(&page.path);
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
        prune(&self.dir, paths)?;
        if self.out.exists() {
            // Afterwards the staging folder holds the previous site, ready for next time.
            swap(&self.dir, &self.out)
        } else {
            std::fs::rename(&self.dir, &self.out).map_err(|e| Error::write(&self.out, e))
        }
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

/// Exchanges two folders in one step where the system can (Linux), else by
/// two renames with the old site kept aside until the new one is in place.
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
    }
    let aside = fresh.with_extension("old");
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

    #[test]
    fn replaces_the_previous_site_whole() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write_site(
            &out,
            &[page("index.html", "one"), page("old/index.html", "old")],
        )
        .unwrap();
        write_site(&out, &[page("index.html", "two"), page("a/b/c.txt", "c")]).unwrap();
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
        assert_eq!(
            names,
            [".public.staging", "public"],
            "the previous site is kept for the next build"
        );
        assert_eq!(
            std::fs::read_to_string(staging_dir(&out).join("index.html")).unwrap(),
            "one"
        );
    }

    #[test]
    fn a_half_written_staging_folder_is_put_right() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write_site(&out, &[page("index.html", "one")]).unwrap();
        // An interrupted build left junk in the staging folder, and a file where a folder goes.
        let staging = staging_dir(&out);
        std::fs::create_dir_all(staging.join("junk/deep")).unwrap();
        std::fs::write(staging.join("junk/deep/x.html"), "junk").unwrap();
        std::fs::write(staging.join("a"), "a file in the way").unwrap();
        write_site(&out, &[page("index.html", "two"), page("a/b.html", "b")]).unwrap();
        assert_eq!(
            tree(&out),
            [
                ("a/b.html".to_string(), "b".to_string()),
                ("index.html".to_string(), "two".to_string())
            ]
        );
        write_site(&out, &[page("index.html", "three")]).unwrap();
        assert_eq!(
            tree(&out),
            [("index.html".to_string(), "three".to_string())]
        );
    }

    fn tree(dir: &Path) -> Vec<(String, String)> {
        let mut files: Vec<(String, String)> = walkdir::WalkDir::new(dir)
            .into_iter()
            .map(Result::unwrap)
            .filter(|e| e.file_type().is_file())
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
