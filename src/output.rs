//! Writing the site to disk so that nothing is ever half-written: every
//! page goes into a fresh folder beside the output, which then takes the
//! output's place in one step. A build that fails or is interrupted leaves
//! the previous site whole.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::error::{Error, Result};
use crate::render::Page;

/// Writes `pages` as the new content of `out`.
pub fn write_site(out: &Path, pages: &[Page]) -> Result<()> {
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&parent).map_err(|e| Error::write(&parent, e))?;
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".into());
    remove_leftovers(&parent, &name);
    let pid = std::process::id();
    let fresh = parent.join(format!(".{name}.tmp-{pid}"));
    if fresh.exists() {
        std::fs::remove_dir_all(&fresh).map_err(|e| Error::write(&fresh, e))?;
    }
    std::fs::create_dir_all(&fresh).map_err(|e| Error::write(&fresh, e))?;
    let written: Result<()> = pages.par_iter().try_for_each(|page| {
        let path = fresh.join(&page.path);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| Error::write(dir, e))?;
        }
        std::fs::write(&path, &page.bytes).map_err(|e| Error::write(&path, e))
    });
    if let Err(e) = written {
        let _ = std::fs::remove_dir_all(&fresh);
        return Err(e);
    }
    if out.exists() {
        swap(&fresh, out)?;
        // `fresh` now holds the previous site.
        let _ = std::fs::remove_dir_all(&fresh);
    } else {
        std::fs::rename(&fresh, out).map_err(|e| Error::write(out, e))?;
    }
    Ok(())
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

/// Folders an interrupted build left beside the output.
fn remove_leftovers(parent: &Path, name: &str) {
    let prefix = format!(".{name}.tmp-");
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    for entry in entries.flatten() {
        if entry.file_name().to_string_lossy().starts_with(&prefix) {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
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
        let names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["public"]);
    }

    #[test]
    fn leftovers_of_an_interrupted_build_are_cleared() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join(".public.tmp-1/x")).unwrap();
        write_site(&dir.path().join("public"), &[page("index.html", "x")]).unwrap();
        assert!(!dir.path().join(".public.tmp-1").exists());
    }
}
