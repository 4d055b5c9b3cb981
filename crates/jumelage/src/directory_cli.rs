//! `jumelage import` and `jumelage export`: the register's files from the command line, with the
//! same checks as the web import (all or nothing, errors by row and column) and a progress bar
//! on large files.

use std::io::Write;
use std::path::Path;

use anyhow::{anyhow, Context};
use app::directory_io::{self, Collection, Format};
use storage::Db;

fn collection(name: &str) -> anyhow::Result<Collection> {
    Collection::parse(name)
        .ok_or_else(|| anyhow!("unknown collection {name} (organisations or partnerships)"))
}

pub async fn export(
    db: &Db,
    name: &str,
    format: &str,
    output: Option<&Path>,
) -> anyhow::Result<()> {
    let collection = collection(name)?;
    let format =
        Format::parse(format).ok_or_else(|| anyhow!("--format {format}: csv, xlsx or json"))?;
    let table = directory_io::table(db, collection)
        .await
        .map_err(|e| anyhow!(e))?;
    let bytes = directory_io::render(&table, format).map_err(|e| anyhow!(e))?;
    match output {
        None => std::io::stdout().write_all(&bytes)?,
        Some(path) => {
            // Written beside the target, then renamed: never a half-written file.
            let tmp = path.with_extension(format!("{}.partial", format.extension()));
            std::fs::write(&tmp, &bytes).with_context(|| format!("--output {}", path.display()))?;
            std::fs::rename(&tmp, path).with_context(|| format!("--output {}", path.display()))?;
            eprintln!(
                "{} {} written to {}",
                table.rows.len(),
                collection.name(),
                path.display()
            );
        }
    }
    Ok(())
}

pub async fn import(db: &Db, name: &str, file: &Path, dry_run: bool) -> anyhow::Result<()> {
    let collection = collection(name)?;
    let format = Format::of_file(&file.display().to_string()).ok_or_else(|| {
        anyhow!(
            "{}: the extension must be .csv, .xlsx or .json",
            file.display()
        )
    })?;
    let bytes = std::fs::read(file).with_context(|| format!("{}", file.display()))?;
    let bar = indicatif::ProgressBar::new(0);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{msg} [{bar:40}] {pos}/{len} rows")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    bar.set_message(if dry_run { "checking" } else { "importing" });
    let progress = |done: usize, total: usize| {
        bar.set_length(total as u64);
        bar.set_position(done as u64);
    };
    let report = directory_io::import(
        db,
        directory_io::Who {
            user: None,
            client: "command line",
        },
        collection,
        &bytes,
        format,
        dry_run,
        &progress,
    )
    .await
    .map_err(|e| anyhow!(e))?;
    bar.finish_and_clear();
    if !report.errors.is_empty() {
        for e in &report.errors {
            let message = e.message(i18n::Lang::En);
            match &e.column {
                Some(c) => eprintln!("row {}, column {c}: {message}", e.row),
                None => eprintln!("row {}: {message}", e.row),
            }
        }
        return Err(anyhow!(
            "{}: {} problem(s); nothing was imported",
            file.display(),
            report.errors.len()
        ));
    }
    if dry_run {
        eprintln!(
            "{}: {} rows are right; nothing stored (--dry-run)",
            file.display(),
            report.rows
        );
    } else {
        eprintln!(
            "{}: {} {} imported",
            file.display(),
            report.created,
            collection.name()
        );
    }
    Ok(())
}
