//! Writes the package's TypeScript declarations (generated from the Rust types) to the file
//! named by the first argument, or to standard output: `cargo run --example typescript -- pkg/index.d.ts`.

fn main() -> std::io::Result<()> {
    let declarations = repayment_plan::api::ts::declarations();
    match std::env::args().nth(1) {
        Some(path) => std::fs::write(path, declarations),
        None => {
            print!("{declarations}");
            Ok(())
        }
    }
}
