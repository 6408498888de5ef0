//! `caspian serve`: builds the site in memory, serves it on localhost under
//! the base path it will have, and rebuilds when content, templates, static
//! files or the configuration change; the open page then reloads itself.
//! A change that breaks the site is shown in the terminal and over the page,
//! and the last good site goes on being served.
//!
//! Nothing is written to disk and nothing is read from it by URL: a request
//! can only reach a page the site renders, so `/../` leads nowhere. Pages
//! render when they are asked for, so a rebuild costs only the reading and
//! assembling of what changed.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock, RwLock};
use std::time::{Duration, Instant};

use axum::Router;
use notify_debouncer_full::notify::RecursiveMode;
use notify_debouncer_full::notify::event::{EventKind, ModifyKind};
use tokio::sync::broadcast;

mod respond;

use crate::config::Config;
use crate::error::{Error, Result};
use crate::layout;
use crate::pipeline::{self, Ready};
use crate::render::Job;

/// One good build, ready to render any page.
struct Snapshot {
    ready: Ready,
    paths: HashMap<String, Job>,
    /// The search index's files, made the first time one is asked for.
    search: OnceLock<HashMap<String, Vec<u8>>>,
}

struct Shared {
    /// The last good build; `None` until there is one.
    snapshot: RwLock<Option<Arc<Snapshot>>>,
    /// What is wrong with the files now, if anything.
    error: RwLock<Option<String>>,
    events: broadcast::Sender<(&'static str, String)>,
    base_path: String,
}

/// Serves the site under `root` on `bind:port` (port 0 picks a free one)
/// until interrupted.
pub fn serve(root: &Path, bind: &str, port: u16) -> Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| Error::Other(format!("cannot start the server: {e}")))?;
    runtime.block_on(run(root.to_path_buf(), bind.to_string(), port))
}

async fn run(root: PathBuf, bind: String, port: u16) -> Result<()> {
    let listener = tokio::net::TcpListener::bind((bind.as_str(), port))
        .await
        .map_err(|e| {
            Error::Other(format!(
                "cannot listen on {bind}:{port}: {e}; try another --port"
            ))
        })?;
    let address: SocketAddr = listener
        .local_addr()
        .map_err(|e| Error::Other(e.to_string()))?;
    let config = Config::load(&root)?;
    let host = if address.ip().is_ipv6() {
        format!("[{}]", address.ip())
    } else {
        address.ip().to_string()
    };
    let base_url = format!("http://{host}:{}{}", address.port(), config.base_path());
    let (events, _) = broadcast::channel(16);
    let shared = Arc::new(Shared {
        snapshot: RwLock::new(None),
        error: RwLock::new(None),
        events,
        base_path: config.base_path().to_string(),
    });
    let builder = Arc::new(Mutex::new(Builder {
        root: root.clone(),
        base_url: base_url.clone(),
        cache: None,
    }));
    // Watch before the first build, so that no change in between is missed.
    let watcher = watch(&root, builder.clone(), shared.clone())?;
    rebuild(&builder, &shared, "start", None);
    println!("serving {base_url} (press Ctrl+C to stop)");

    let app = Router::new().fallback(respond::handle).with_state(shared);
    let server = axum::serve(listener, app).with_graceful_shutdown(async {
        let _ = tokio::signal::ctrl_c().await;
    });
    let result = server
        .await
        .map_err(|e| Error::Other(format!("the server stopped: {e}")));
    drop(watcher);
    result
}

/// What a rebuild needs from one to the next.
struct Builder {
    root: PathBuf,
    base_url: String,
    /// Articles read so far, for the configuration they were read with.
    cache: Option<(Vec<u8>, pipeline::Cache)>,
}

/// Builds the site again and tells the open pages. On errors the last good
/// build stays. `changed`: the files (relative to the root) changed since
/// the last build, when the watcher knows them all.
fn rebuild(builder: &Mutex<Builder>, shared: &Shared, why: &str, changed: Option<Vec<PathBuf>>) {
    let started = Instant::now();
    let mut builder = builder.lock().unwrap_or_else(|e| e.into_inner());
    // A bug met while building must not end the watching: say so, start
    // afresh next time, and go on serving the last good site.
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| builder.build(changed)))
        .unwrap_or_else(|panic| {
            builder.cache = None;
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            Err(vec![format!(
                "caspian failed while building ({what}); this is a bug in caspian, please report it"
            )])
        });
    let elapsed = started.elapsed().as_millis();
    match outcome {
        Ok((Some(snapshot), warnings)) => {
            let articles = snapshot.ready.site.entries.len();
            // The last site goes only once the pages are told: dropping
            // thousands of articles' pages takes a while.
            let last = shared
                .snapshot
                .write()
                .unwrap_or_else(|e| e.into_inner())
                .replace(Arc::new(snapshot));
            let was_broken = shared
                .error
                .write()
                .unwrap_or_else(|e| e.into_inner())
                .take()
                .is_some();
            for w in &warnings {
                eprintln!("{w}");
            }
            println!("built {articles} articles in {elapsed} ms ({why})");
            // An event without data is never delivered to the page, so say why.
            let _ = shared
                .events
                .send((if was_broken { "fixed" } else { "reload" }, why.to_string()));
            drop(last);
        }
        Ok((None, errors)) | Err(errors) => {
            let text = errors.join("\n");
            eprintln!(
                "{text}\nthe site does not build ({why}); still serving the last good version"
            );
            *shared.error.write().unwrap_or_else(|e| e.into_inner()) = Some(text.clone());
            let _ = shared.events.send(("error", text));
        }
    }
}

/// A rebuild's outcome: the new site if it builds, and its warnings; or
/// what stops it.
type Rebuilt = std::result::Result<(Option<Snapshot>, Vec<String>), Vec<String>>;

impl Builder {
    fn build(&mut self, changed: Option<Vec<PathBuf>>) -> Rebuilt {
        let config = Config::load(&self.root)
            .and_then(|c| c.with_base_url(&self.base_url))
            .map_err(|e| vec![e.to_string()])?;
        // A new configuration may change what every article means.
        let key = config_files(&self.root, &config);
        if self.cache.as_ref().is_none_or(|(k, _)| *k != key) {
            self.cache = Some((key, pipeline::Cache::default()));
        }
        let (_, cache) = self.cache.as_mut().expect("a cache");
        if let Some(changed) = changed {
            cache.changed(changed);
        }
        let (ready, diagnostics) =
            pipeline::ready(&self.root, config, cache).map_err(|e| vec![e.to_string()])?;
        let lines: Vec<String> = diagnostics
            .sorted()
            .iter()
            .map(ToString::to_string)
            .collect();
        match ready {
            Some(ready) => {
                let paths = ready.plan.iter().map(|(p, j)| (p.clone(), *j)).collect();
                Ok((
                    Some(Snapshot {
                        ready,
                        paths,
                        search: OnceLock::new(),
                    }),
                    lines,
                ))
            }
            None => Ok((None, lines)),
        }
    }
}

/// The configuration files' bytes, to notice when they change.
fn config_files(root: &Path, config: &Config) -> Vec<u8> {
    let mut bytes = std::fs::read(root.join(layout::SITE_FILE)).unwrap_or_default();
    if let Some(entities) = &config.entities_file {
        bytes.extend(std::fs::read(root.join(entities)).unwrap_or_default());
    }
    bytes
}

/// Watches what the site is made of and rebuilds on a change.
fn watch(root: &Path, builder: Arc<Mutex<Builder>>, shared: Arc<Shared>) -> Result<impl Drop> {
    // The watcher reports full paths; a root given as `.` or `site` would
    // match none of them.
    let root = std::fs::canonicalize(root).map_err(|e| Error::read(root, e))?;
    let handler_root = root.clone();
    // An editor's save is over within a few milliseconds; waiting 25 ms for
    // quiet gathers it into one rebuild and leaves most of the 200 ms in
    // which an edit should be on screen.
    let mut debouncer = notify_debouncer_full::new_debouncer(
        Duration::from_millis(25),
        None,
        move |result: notify_debouncer_full::DebounceEventResult| {
            let Ok(events) = result else {
                // The watcher lost track: look at every file.
                rebuild(&builder, &shared, "the file watcher stumbled", None);
                return;
            };
            // Events that say something changed without saying what (an
            // overflowing queue) send the build through every file.
            let rescan = events
                .iter()
                .any(|e| e.need_rescan() || matches!(e.kind, EventKind::Any | EventKind::Other));
            // Reading the files (as the build does) is no change.
            let mut changed: Vec<String> = events
                .iter()
                .filter(|e| {
                    matches!(
                        e.kind,
                        EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_)
                    ) && !matches!(e.kind, EventKind::Modify(ModifyKind::Metadata(_)))
                })
                .flat_map(|e| e.paths.iter())
                .filter(|p| relevant(&handler_root, p))
                .map(|p| {
                    p.strip_prefix(&handler_root)
                        .unwrap_or(p)
                        .display()
                        .to_string()
                })
                .collect();
            changed.sort();
            changed.dedup();
            if rescan {
                rebuild(&builder, &shared, "files changed", None);
            } else if !changed.is_empty() {
                let paths = changed.iter().map(PathBuf::from).collect();
                rebuild(
                    &builder,
                    &shared,
                    &format!("{} changed", changed.join(", ")),
                    Some(paths),
                );
            }
        },
    )
    .map_err(|e| Error::Other(format!("cannot watch {}: {e}", root.display())))?;
    debouncer
        .watch(&root, RecursiveMode::NonRecursive)
        .map_err(|e| Error::Other(format!("cannot watch {}: {e}", root.display())))?;
    for dir in [
        layout::CONTENT_DIR,
        layout::TEMPLATES_DIR,
        layout::STATIC_DIR,
        layout::I18N_DIR,
    ] {
        let path = root.join(dir);
        if path.is_dir() {
            debouncer
                .watch(&path, RecursiveMode::Recursive)
                .map_err(|e| Error::Other(format!("cannot watch {}: {e}", path.display())))?;
        }
    }
    Ok(debouncer)
}

/// Whether a changed path is part of the site: content, templates, static
/// files, the interface's words, or a configuration file at the root.
fn relevant(root: &Path, path: &Path) -> bool {
    let Ok(rel) = path.strip_prefix(root) else {
        return false;
    };
    let name = rel
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if name.starts_with('.')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.contains(".tmp")
    {
        return false;
    }
    let first = rel
        .components()
        .next()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .unwrap_or_default();
    [
        layout::CONTENT_DIR,
        layout::TEMPLATES_DIR,
        layout::STATIC_DIR,
        layout::I18N_DIR,
    ]
    .contains(&first.as_str())
        || (rel.components().count() == 1 && name.ends_with(".toml"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_site_files_trigger_a_rebuild() {
        let root = Path::new("/site");
        assert!(relevant(root, Path::new("/site/content/a.md")));
        assert!(relevant(root, Path::new("/site/templates/base.html")));
        assert!(relevant(root, Path::new("/site/i18n/ru.toml")));
        assert!(relevant(root, Path::new("/site/site.toml")));
        assert!(!relevant(root, Path::new("/site/content/.a.md.swp")));
        assert!(!relevant(root, Path::new("/site/public/index.html")));
        assert!(!relevant(root, Path::new("/site/README.md")));
    }
}
