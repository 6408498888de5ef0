//! The site's static files, written under `assets/`: those built into the
//! binary, with each file of the site's `static/` folder over the built-in
//! one of its name.

use std::collections::BTreeMap;
use std::path::Path;

use super::Page;
use crate::error::{Error, Result};
use crate::layout::STATIC_DIR;
use crate::route;

/// Static files built into the binary, written under `assets/`; a file of
/// the same name in the site's `static/` folder replaces one.
pub const ASSETS: &[(&str, &[u8])] = &[
    ("style.css", include_bytes!("../../static/style.css")),
    ("search.js", include_bytes!("../../static/search.js")),
    ("favicon.svg", include_bytes!("../../static/favicon.svg")),
];

/// The built-in assets, for the output's `assets/` folder.
pub fn builtin_assets() -> impl Iterator<Item = Page> {
    ASSETS
        .iter()
        .map(|(name, bytes)| Page::new(route::asset(name), bytes.to_vec()))
}

/// `assets/<name>` → bytes: the built-in assets, with the site's `static/`
/// files over them.
pub fn assets(root: &Path) -> Result<BTreeMap<String, Vec<u8>>> {
    let mut assets: BTreeMap<String, Vec<u8>> =
        builtin_assets().map(|p| (p.path, p.bytes)).collect();
    let dir = root.join(STATIC_DIR);
    // Hidden files and folders (.git, .DS_Store) are skipped by the listing.
    let listing = crate::fs::list(&dir, "")?;
    listing.refuse_links(root, "caspian copies only real files from", STATIC_DIR)?;
    for path in listing.files.iter().chain(&listing.others) {
        let name = crate::fs::relative(&dir, path);
        let bytes = std::fs::read(path).map_err(|e| Error::read(path, e))?;
        assets.insert(route::asset(&name), bytes);
    }
    Ok(assets)
}
