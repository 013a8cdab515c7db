//! Times the parts of a `schedule` call natively (release profile): reading, building, the
//! compact row table, serde_json. `cargo run --release --example rowbench`.
use repayment_plan::api::{de, schedule, ser};
use std::time::Instant;

fn time(label: &str, n: u32, mut f: impl FnMut()) {
    let t = Instant::now();
    for _ in 0..n {
        f();
    }
    println!(
        "{label:8} {:.1} µs",
        t.elapsed().as_secs_f64() * 1e6 / f64::from(n)
    );
}

fn main() {
    let text = r#"{"principal":"1000000","method":"annuity","periods":360,"annualRate":"0.049","startDate":"2026-01-15"}"#;
    let input: schedule::ScheduleInput = de::from_json(text).unwrap();
    let n = 2000;
    time("read", n, || {
        drop(de::from_json::<schedule::ScheduleInput>(text).unwrap())
    });
    time("build", n, || drop(schedule::schedule(&input).unwrap()));
    let r = schedule::schedule(&input).unwrap();
    time("table", n, || {
        ser::detach_tables(true);
        drop(serde_json::to_value(&r).unwrap());
        assert_eq!(ser::detach_tables(false).len(), 1);
    });
    time("json", n, || drop(serde_json::to_string(&r).unwrap()));
}
