//! `serve`'s answers over HTTP: a page of the last good build, rendered
//! when asked for, with the live-reload script put in; the reload events;
//! what is wrong while the site does not build.

use std::convert::Infallible;
use std::sync::Arc;

use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderValue, Method, StatusCode, Uri, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use futures_util::stream::Stream;
use tokio::sync::broadcast;

use super::{Shared, Snapshot};
use crate::error::Result;
use crate::render;
use crate::route;

/// Where the live-reload script listens, outside any site's base path.
const EVENTS: &str = "/__caspian/events";
const STATUS: &str = "/__caspian/status";

/// The script `serve` puts into every HTML page it sends (never into `build`
/// output): it reloads the page after a rebuild and shows build errors.
const LIVE_RELOAD: &str = concat!("<script>", include_str!("live-reload.js"), "</script>");

pub(super) async fn handle(
    State(shared): State<Arc<Shared>>,
    method: Method,
    uri: Uri,
) -> Response {
    if method != Method::GET && method != Method::HEAD {
        return (StatusCode::METHOD_NOT_ALLOWED, "only GET and HEAD").into_response();
    }
    match uri.path() {
        EVENTS => return events(shared).into_response(),
        STATUS => return status(&shared),
        _ => {}
    }
    let snapshot = shared
        .snapshot
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .clone();
    let Some(path) = site_path(&shared.base_path, uri.path()) else {
        if uri.path() == "/" {
            return redirect(&shared.base_path);
        }
        return not_found(snapshot).await;
    };
    let Some(snapshot) = snapshot else {
        return not_built(&shared);
    };
    let found = tokio::task::spawn_blocking({
        let snapshot = snapshot.clone();
        let path = path.clone();
        move || file(&snapshot, &path)
    })
    .await
    .ok()
    .flatten();
    match found {
        Some(Ok(bytes)) => respond(StatusCode::OK, &path, bytes),
        Some(Err(e)) => (StatusCode::INTERNAL_SERVER_ERROR, format!("{e}")).into_response(),
        None if !path.ends_with('/')
            && !path.contains('.')
            && snapshot
                .paths
                .contains_key(&route::file(&format!("{path}/"))) =>
        {
            redirect(&format!("{}{path}/", shared.base_path))
        }
        None => not_found(Some(snapshot)).await,
    }
}

/// What is wrong with the site now, if anything, as JSON.
fn status(shared: &Shared) -> Response {
    let error = shared
        .error
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .clone();
    let body = serde_json::json!({ "error": error }).to_string();
    let headers = [
        (header::CONTENT_TYPE, "application/json"),
        (header::CACHE_CONTROL, "no-store"),
    ];
    (headers, body).into_response()
}

/// The page for every address while no build has worked yet: what is
/// wrong, and the script that reloads once it is fixed.
fn not_built(shared: &Shared) -> Response {
    let error = shared
        .error
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .clone()
        .unwrap_or_default();
    let page = format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <title>caspian</title></head><body><h1>The site does not build yet</h1>\
         <pre>{}</pre>{LIVE_RELOAD}</body></html>",
        crate::text::escape_html(&error)
    );
    (
        StatusCode::SERVICE_UNAVAILABLE,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        page,
    )
        .into_response()
}

/// The path under the base path, decoded; `None` for anything outside the
/// site or trying to climb out of it.
pub fn site_path(base_path: &str, raw: &str) -> Option<String> {
    let rest = raw.strip_prefix(base_path)?;
    let decoded = percent_encoding::percent_decode_str(rest)
        .decode_utf8()
        .ok()?;
    let bad = decoded.starts_with('/')
        || decoded.contains('\\')
        || decoded.contains('\0')
        || decoded
            .split('/')
            .any(|segment| segment == ".." || segment == ".");
    (!bad).then(|| decoded.into_owned())
}

/// The bytes of one file of the site; `None` when the site has no such file.
fn file(snapshot: &Snapshot, path: &str) -> Option<Result<Vec<u8>>> {
    let key = route::file(path);
    if let Some(bytes) = snapshot.ready.assets.get(&key) {
        return Some(Ok(bytes.clone()));
    }
    let ready = &snapshot.ready;
    if key.starts_with(route::SEARCH) && key.ends_with(".json") {
        let index = snapshot.search.get_or_init(|| {
            render::search::render_index(&ready.site)
                .into_iter()
                .map(|p| (p.path, p.bytes))
                .collect()
        });
        return index.get(&key).cloned().map(Ok);
    }
    let job = *snapshot.paths.get(&key)?;
    let pages = render::render_job(&ready.site, &ready.renderer, &ready.plan, &key, job);
    Some(pages.map(|pages| {
        pages
            .into_iter()
            .find(|p| p.path == key)
            .map(|p| p.bytes)
            .unwrap_or_default()
    }))
}

async fn not_found(snapshot: Option<Arc<Snapshot>>) -> Response {
    let page = match snapshot {
        Some(s) => tokio::task::spawn_blocking(move || file(&s, "404.html"))
            .await
            .ok()
            .flatten()
            .and_then(|r| r.ok()),
        None => None,
    };
    match page {
        Some(bytes) => respond(StatusCode::NOT_FOUND, "404.html", bytes),
        None => (StatusCode::NOT_FOUND, "not found").into_response(),
    }
}

fn redirect(to: &str) -> Response {
    let mut response = StatusCode::FOUND.into_response();
    if let Ok(location) = HeaderValue::from_str(to) {
        response.headers_mut().insert(header::LOCATION, location);
    }
    response
}

fn respond(status: StatusCode, path: &str, mut bytes: Vec<u8>) -> Response {
    let kind = content_type(path);
    if kind.starts_with("text/html") {
        bytes = inject(bytes);
    }
    let mut response = Response::new(Body::from(bytes));
    *response.status_mut() = status;
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// Puts the live-reload script before `</body>`.
fn inject(bytes: Vec<u8>) -> Vec<u8> {
    let html = String::from_utf8_lossy(&bytes);
    match html.rfind("</body>") {
        Some(at) => format!("{}{LIVE_RELOAD}{}", &html[..at], &html[at..]).into_bytes(),
        None => format!("{html}{LIVE_RELOAD}").into_bytes(),
    }
}

pub fn content_type(path: &str) -> &'static str {
    let ext = path.rsplit('.').next().unwrap_or("");
    match (path.ends_with('/') || path.is_empty(), ext) {
        (true, _) | (_, "html") => "text/html; charset=utf-8",
        (_, "css") => "text/css; charset=utf-8",
        (_, "js") => "text/javascript; charset=utf-8",
        (_, "json") => "application/json",
        (_, "xml") if path.ends_with(route::FEED) => "application/atom+xml",
        (_, "xml") => "application/xml",
        (_, "svg") => "image/svg+xml",
        (_, "png") => "image/png",
        (_, "jpg" | "jpeg") => "image/jpeg",
        (_, "webp") => "image/webp",
        (_, "gif") => "image/gif",
        (_, "ico") => "image/x-icon",
        (_, "woff2") => "font/woff2",
        (_, "txt") => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn events(shared: Arc<Shared>) -> Sse<impl Stream<Item = std::result::Result<Event, Infallible>>> {
    let receiver = shared.events.subscribe();
    let stream = futures_util::stream::unfold(receiver, |mut receiver| async move {
        loop {
            match receiver.recv().await {
                Ok((kind, data)) => {
                    return Some((Ok(Event::default().event(kind).data(data)), receiver));
                }
                Err(broadcast::error::RecvError::Lagged(_)) => continue,
                Err(broadcast::error::RecvError::Closed) => return None,
            }
        }
    });
    Sse::new(stream).keep_alive(KeepAlive::default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_outside_the_site_are_refused() {
        assert_eq!(
            site_path("/caspian/", "/caspian/articles/x/").as_deref(),
            Some("articles/x/")
        );
        assert_eq!(site_path("/caspian/", "/caspian/").as_deref(), Some(""));
        assert_eq!(
            site_path("/caspian/", "/caspian/caf%C3%A9/").as_deref(),
            Some("café/")
        );
        for bad in [
            "/caspian/../Cargo.toml",
            "/caspian/%2e%2e/site.toml",
            "/caspian/a/%2E%2E/%2E%2E/site.toml",
            "/caspian/..%2fsite.toml",
            "/caspian//etc/passwd",
            "/caspian/%2fetc%2fpasswd",
            "/caspian/a%5c..%5csite.toml",
            "/caspian/a%00",
            "/etc/passwd",
            "/caspia",
        ] {
            assert_eq!(site_path("/caspian/", bad), None, "{bad}");
        }
    }

    #[test]
    fn the_script_goes_before_the_end_of_the_body() {
        let html =
            String::from_utf8(inject(b"<html><body><p>x</p></body></html>".to_vec())).unwrap();
        assert!(html.ends_with(&format!("<p>x</p>{LIVE_RELOAD}</body></html>")));
    }
}
