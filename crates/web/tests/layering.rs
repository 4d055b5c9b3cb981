//! The web crate's layers point one way: the shared modules below, then the operations
//! (`ops`, the application layer), then the pages and the API side by side, then the middleware
//! and the crate root that assemble them. Read from the source itself: every `crate::x` path
//! (and the root's re-exports) is an edge between top-level modules; the graph must have no
//! loop, and no edge may point up.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The rank of a top-level module: an edge may only go to a lower or equal rank, never back.
fn rank(module: &str) -> u8 {
    match module {
        "api" | "pages" => 2,
        "ops" => 1,
        "middleware" => 3,
        _ => 0,
    }
}

/// What the crate root re-exports, by the module that defines it.
fn root_export(name: &str) -> Option<&'static str> {
    match name {
        "AppError" => Some("error"),
        "AppState" | "WebConfig" => Some("state"),
        "TrustedProxies" => Some("client"),
        "Ctx" => Some("ctx"),
        _ => None,
    }
}

fn sources(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    let modules: BTreeSet<String> = std::fs::read_dir(&src)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter_map(|p| {
            p.file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .filter(|s| s != "lib")
        })
        .collect();
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in files {
        let rel = file.strip_prefix(&src).unwrap();
        let top = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy()
            .trim_end_matches(".rs")
            .to_string();
        if top == "lib" {
            continue; // the root assembles everything
        }
        let text = std::fs::read_to_string(&file).unwrap();
        for (at, _) in text.match_indices("crate::") {
            let rest = &text[at + "crate::".len()..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            let target = if modules.contains(&name) {
                Some(name.as_str())
            } else {
                root_export(&name)
            };
            if let Some(t) = target {
                if t != top {
                    edges.entry(top.clone()).or_default().insert(t.to_string());
                }
            }
        }
        // `use crate::{AppError, AppState}` and the like.
        for (at, _) in text.match_indices("crate::{") {
            let list = &text[at + "crate::{".len()..];
            let list = &list[..list.find('}').unwrap_or(0)];
            for name in list.split(',').map(|n| n.trim()) {
                let target = if modules.contains(name) {
                    Some(name)
                } else {
                    root_export(name)
                };
                if let Some(t) = target {
                    if t != top {
                        edges.entry(top.clone()).or_default().insert(t.to_string());
                    }
                }
            }
        }
    }
    edges
}

#[test]
fn layers_point_down_and_never_loop() {
    let edges = graph();
    let mut wrong = Vec::new();
    for (from, tos) in &edges {
        for to in tos {
            if rank(to) > rank(from) || (rank(from) == 2 && rank(to) == 2) {
                wrong.push(format!("{from} → {to}"));
            }
        }
    }
    assert!(wrong.is_empty(), "edges that point up or across: {wrong:?}");
    // No loop: a topological order exists.
    let mut done: BTreeSet<String> = BTreeSet::new();
    let all: BTreeSet<String> = edges
        .iter()
        .flat_map(|(f, t)| std::iter::once(f.clone()).chain(t.iter().cloned()))
        .collect();
    loop {
        let next: Vec<String> = all
            .iter()
            .filter(|m| !done.contains(*m))
            .filter(|m| {
                edges
                    .get(*m)
                    .is_none_or(|tos| tos.iter().all(|t| done.contains(t)))
            })
            .cloned()
            .collect();
        if next.is_empty() {
            break;
        }
        done.extend(next);
    }
    let left: Vec<&String> = all.iter().filter(|m| !done.contains(*m)).collect();
    assert!(
        left.is_empty(),
        "modules in a loop: {left:?}; edges: {edges:?}"
    );
}

#[test]
fn the_check_sees_the_edges() {
    let edges = graph();
    assert!(edges["pages"].contains("ops"), "{edges:?}");
    assert!(edges["api"].contains("ops"));
    assert!(edges["ops"].contains("state"), "through crate::AppState");
}
