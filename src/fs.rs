//! File system helpers: every error names its path.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

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
    let tmp = dir.join(format!(".{name}.tmp{}", std::process::id()));
    std::fs::write(&tmp, bytes).map_err(|e| Error::write(&tmp, e))?;
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        Error::write(path, e)
    })
}
