//! The folders and files of a site, by name: every stage that touches the
//! disk finds its folder here, so a name is written in one place. Also what
//! is said of a symbolic link found in one of them.

use std::path::{Path, PathBuf};

/// The site's configuration, at the root.
pub const SITE_FILE: &str = "site.toml";
/// Raw articles, as copied from news sites; `ingest` reads them.
pub const SEEDS_DIR: &str = "seeds";
/// In `seeds/`: the seeds that ingest did not make into articles because
/// an article has the same text, each with its own source.
pub const DUPLICATES_FILE: &str = "duplicates.toml";
/// The articles as Markdown with front matter; `build` reads them.
pub const CONTENT_DIR: &str = "content";
/// The site's own templates, each over the built-in one of its name.
pub const TEMPLATES_DIR: &str = "templates";
/// The site's own static files, each over the built-in one of its name.
pub const STATIC_DIR: &str = "static";
/// The site's own interface words, `<language>.toml`, each over the
/// built-in file of its language key by key.
pub const I18N_DIR: &str = "i18n";
/// Where `build` writes the site unless told `--out`.
pub const PUBLIC_DIR: &str = "public";

/// caspian's own folder beside the output, for what a build keeps from one
/// run to the next. It holds a `.gitignore` that ignores the whole folder,
/// so `git add .` never commits it, whatever the site's `.gitignore` says.
pub const WORK_DIR: &str = ".caspian";

/// The work folder beside the output `out`.
pub fn work_dir(out: &Path) -> PathBuf {
    parent_of(out).join(WORK_DIR)
}

/// The staging folder of the output `out`: `.caspian/public.staging` for
/// `public`. It holds the next site while it is written, and the previous
/// one after the swap.
pub fn staging_dir(out: &Path) -> PathBuf {
    work_dir(out).join(format!("{}.staging", output_name(out)))
}

/// Where the previous site is set aside when the output and the staging
/// folder cannot be exchanged in one step: `.caspian/public.staging.old`.
pub fn aside_dir(out: &Path) -> PathBuf {
    let mut name = staging_dir(out).into_os_string();
    name.push(".old");
    PathBuf::from(name)
}

/// Where builds kept the staging folder before the work folder:
/// `.public.staging` beside `public`, where `git add .` took it.
pub fn old_staging_dir(out: &Path) -> PathBuf {
    parent_of(out).join(format!(".{}.staging", output_name(out)))
}

fn output_name(out: &Path) -> String {
    out.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| PUBLIC_DIR.into())
}

/// The folder that holds the output `out`.
pub fn parent_of(out: &Path) -> PathBuf {
    match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Why a symbolic link in the site's folder `dir` is not followed, after
/// the link's name: "is a symbolic link; caspian reads only real files in
/// content/ (...)". `reader` says who does what with the real files there,
/// e.g. "caspian reads only real files in".
pub fn link_refused(reader: &str, dir: &str) -> String {
    format!(
        "is a symbolic link; {reader} {dir}/ (a link can lead outside the site, or in a \
         circle): put the file itself here"
    )
}
