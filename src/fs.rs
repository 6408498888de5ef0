//! File system helpers: every error names its path.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::layout;

/// `path` under `root` as an editor writes it: `content/a.md`, with `/`
/// on every system.
pub fn relative(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

/// Files with extension `ext` under `dir`, sorted; hidden files and folders
/// skipped; a missing folder is an empty list.
pub fn list_files(dir: &Path, ext: &str) -> Result<Vec<PathBuf>> {
    Ok(list(dir, ext)?.files)
}

/// What a folder holds, sorted, hidden files and folders skipped.
#[derive(Debug, Default)]
pub struct Listing {
    /// Regular files with the extension asked for.
    pub files: Vec<PathBuf>,
    /// Symbolic links, which are not followed: one can lead outside the
    /// site or in a circle.
    pub links: Vec<PathBuf>,
    /// Regular files with another extension.
    pub others: Vec<PathBuf>,
}

impl Listing {
    /// An error naming the first symbolic link, for a folder whose files
    /// are needed whole (templates, static files): `reader` and `dir` as
    /// [`layout::link_refused`] takes them.
    pub fn refuse_links(&self, root: &Path, reader: &str, dir: &str) -> Result<()> {
        match self.links.first() {
            Some(link) => Err(Error::Other(format!(
                "{}: this {}",
                relative(root, link),
                layout::link_refused(reader, dir)
            ))),
            None => Ok(()),
        }
    }
}

/// Everything under `dir` (a missing folder is empty), by kind.
pub fn list(dir: &Path, ext: &str) -> Result<Listing> {
    let mut listing = Listing::default();
    if !dir.exists() {
        return Ok(listing);
    }
    let walker = walkdir::WalkDir::new(dir)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter();
    for entry in
        walker.filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'))
    {
        let entry = entry.map_err(|e| {
            let path = e.path().unwrap_or(dir).to_path_buf();
            Error::read(
                &path,
                e.into_io_error()
                    .unwrap_or_else(|| std::io::Error::other("cannot walk the folder")),
            )
        })?;
        let kind = entry.file_type();
        if kind.is_symlink() && entry.depth() > 0 {
            listing.links.push(entry.into_path());
        } else if kind.is_file() {
            if entry.path().extension().is_some_and(|e| e == ext) {
                listing.files.push(entry.into_path());
            } else {
                listing.others.push(entry.into_path());
            }
        }
    }
    Ok(listing)
}

/// Writes a file through a temporary file beside it and a rename, so that a
/// reader never sees half of it.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| Error::write(dir, e))?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}{TEMP}{}", std::process::id()));
    std::fs::write(&tmp, bytes).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        Error::write(&tmp, e)
    })?;
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        Error::write(path, e)
    })
}

/// Writes a new file as [`write_atomic`] does, but never over one that
/// exists: then the error's source is `ErrorKind::AlreadyExists`.
pub fn create_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}{TEMP}{}", std::process::id()));
    std::fs::write(&tmp, bytes).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        Error::write(&tmp, e)
    })?;
    // A link, unlike a rename, fails when the name is taken. Where the file
    // system has no links, a rename after a look is nearly as good.
    let placed = match std::fs::hard_link(&tmp, path) {
        Err(e) if e.kind() != std::io::ErrorKind::AlreadyExists && !path.exists() => {
            std::fs::rename(&tmp, path)
        }
        other => other,
    };
    let _ = std::fs::remove_file(&tmp);
    placed.map_err(|e| Error::write(path, e))
}

/// What a temporary file's name has between the file's name and the
/// writer's process id: `.<name>.tmp<pid>`.
const TEMP: &str = ".tmp";

/// Removes the temporary files in `dir` that a writer killed before its
/// rename left behind (those of a process still running are its own).
/// They are hidden, so nothing reads them; this only tidies up.
pub fn remove_stale_temps(dir: &Path) -> Result<()> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(());
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(pid) = name
            .strip_prefix('.')
            .and_then(|n| n.rsplit_once(TEMP))
            .and_then(|(_, pid)| pid.parse::<u32>().ok())
        else {
            continue;
        };
        if !is_running(pid) && entry.file_type().is_ok_and(|t| t.is_file()) {
            let path = entry.path();
            std::fs::remove_file(&path).map_err(|e| Error::write(&path, e))?;
        }
    }
    Ok(())
}

fn is_running(pid: u32) -> bool {
    if pid == std::process::id() {
        return true;
    }
    #[cfg(unix)]
    {
        let Ok(pid) = libc::pid_t::try_from(pid) else {
            return false;
        };
        // SAFETY: signal 0 only asks whether the process exists.
        let rc = unsafe { libc::kill(pid, 0) };
        rc == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
    }
    #[cfg(not(unix))]
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_file_never_replaces_one_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        create_atomic(&path, b"one").unwrap();
        let err = create_atomic(&path, b"two").unwrap_err();
        assert!(
            matches!(&err, Error::Write { source, .. } if source.kind() == std::io::ErrorKind::AlreadyExists),
            "{err}"
        );
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "one");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["a.md"]);
    }

    #[test]
    fn only_the_temporary_files_of_ended_writers_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let mut ended = std::process::Command::new("true").spawn().unwrap();
        ended.wait().unwrap();
        let stale = format!(".a.md.tmp{}", ended.id());
        let live = format!(".b.md.tmp{}", std::process::id());
        for name in [
            stale.as_str(),
            live.as_str(),
            ".c.md.tmpx",
            "d.md",
            ".hidden",
        ] {
            std::fs::write(dir.path().join(name), "---\ntitle: half").unwrap();
        }
        remove_stale_temps(dir.path()).unwrap();
        let mut names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(
            names,
            [
                ".b.md.tmp".to_string() + &std::process::id().to_string(),
                ".c.md.tmpx".into(),
                ".hidden".into(),
                "d.md".into()
            ]
        );
    }
}
