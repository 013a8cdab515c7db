//! Data-driven tests: every case in `tests/fixtures/*.json` goes through `api::call`, exactly as
//! the Node tests push the same files through the built package. See tests/fixtures/README.md.

use repayment_plan::api;
use serde_json::Value;
use std::path::Path;

/// `expected` is a subset of `actual`: see tests/fixtures/README.md.
fn subset(expected: &Value, actual: &Value, path: &str, problems: &mut Vec<String>) {
    match (expected, actual) {
        (Value::Object(want), Value::Object(have)) => {
            for (key, want_value) in want {
                match have.get(key) {
                    Some(have_value) => {
                        subset(want_value, have_value, &format!("{path}.{key}"), problems)
                    }
                    None => problems.push(format!("{path}.{key}: missing")),
                }
            }
        }
        (Value::Array(want), Value::Array(have)) => {
            if want.len() > have.len() {
                problems.push(format!(
                    "{path}: expected at least {} items, got {}",
                    want.len(),
                    have.len()
                ));
            }
            for (i, (w, h)) in want.iter().zip(have).enumerate() {
                subset(w, h, &format!("{path}[{i}]"), problems);
            }
        }
        (w, h) if w == h => {}
        (w, h) => problems.push(format!("{path}: expected {w}, got {h}")),
    }
}

fn text(value: Option<&Value>) -> String {
    value
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string()
}

#[test]
fn reference_fixtures() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.retain(|p| p.extension().is_some_and(|e| e == "json"));
    files.sort();
    let (mut count, mut failures) = (0, Vec::new());
    for file in files {
        let cases: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        let Value::Array(cases) = cases else {
            panic!("{} is not an array", file.display())
        };
        for case in &cases {
            count += 1;
            let name = format!(
                "{}: {}",
                file.file_name().unwrap().to_string_lossy(),
                text(case.get("name"))
            );
            let function = text(case.get("function"));
            let input = case.get("input").expect("input").to_string();
            let result = api::call(&function, &input);
            let mut problems = Vec::new();
            match (case.get("expect"), case.get("error"), result) {
                (Some(expect), None, Ok(out)) => subset(
                    expect,
                    &serde_json::from_str(&out).unwrap(),
                    "",
                    &mut problems,
                ),
                (None, Some(error), Err(e)) => {
                    if text(error.get("code")) != e.code() {
                        problems.push(format!("expected {}, got {e}", text(error.get("code"))));
                    }
                    if let Some(f) = error.get("field") {
                        if text(Some(f)) != e.field() {
                            problems.push(format!("expected field {:?}, got {e}", text(Some(f))));
                        }
                    }
                }
                (Some(_), None, Err(e)) => problems.push(format!("unexpected error {e}")),
                (None, Some(_), Ok(out)) => problems.push(format!("expected an error, got {out}")),
                _ => problems.push("a case needs exactly one of expect and error".into()),
            }
            if !problems.is_empty() {
                failures.push(format!("{name}\n    {}", problems.join("\n    ")));
            }
        }
    }
    assert!(count > 0, "no fixtures found");
    assert!(
        failures.is_empty(),
        "{} of {count} fixtures failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    println!("{count} fixtures passed");
}
