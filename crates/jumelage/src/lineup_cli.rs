//! `jumelage lineup --input PROBLEM.json [--output SOLUTION.json]`: the line-up builder's solver,
//! on a problem of the contracts' form. Malformed problems fail with the entry at fault; an
//! infeasible one is a result (exit 0). Output files are written whole or not at all.

use std::path::Path;

use anyhow::{anyhow, Context};

pub fn run(input: &Path, output: Option<&Path>) -> anyhow::Result<()> {
    let text =
        std::fs::read_to_string(input).with_context(|| format!("--input {}", input.display()))?;
    let problem: lineup::Problem = serde_json::from_str(&text)
        .map_err(|e| anyhow!("--input {}: not a line-up problem: {e}", input.display()))?;
    let solution =
        lineup::solve(&problem).map_err(|e| anyhow!("--input {}: {e}", input.display()))?;
    let json = serde_json::to_string_pretty(&solution)? + "\n";
    match output {
        None => print!("{json}"),
        Some(path) => {
            // Written next to the target, then renamed: never a half-written file.
            let tmp = path.with_extension("json.partial");
            std::fs::write(&tmp, &json).with_context(|| format!("--output {}", path.display()))?;
            std::fs::rename(&tmp, path).with_context(|| format!("--output {}", path.display()))?;
        }
    }
    Ok(())
}
