//! TypeScript declarations of the API, generated from the input and result types.
//!
//! The types derive [`ts_rs::TS`] next to serde's derives, so the `.d.ts` says what the
//! deserializer accepts and what the serializer writes, with each field's doc comment as TSDoc
//! (an editor shows the unit, bounds and default on hover). Where the JSON form differs from the
//! Rust type (a decimal read from a number or a string, money written as a string), a field says
//! so with `#[ts(as = "ts::…")]`, naming one of the marker types below.
//!
//! [`declarations`] writes the whole `index.d.ts` of the package: the marker types, every type
//! reachable from a function's input or result, one `export function` per API function (the
//! list is [`crate::for_each_function`]), the error type and the entry points.

use super::check::FieldRule;
use super::{overdue, plan, restructure, schedule};
use crate::error::ErrorKind;
use std::collections::BTreeMap;
use ts_rs::{Config, TypeVisitor, TS};

/// A decimal number: a string in plain notation (`"1234.56"`, `"0.049"`, `"-12"`) or a finite JS
/// number (read through its shortest decimal form, so `0.1` is exactly 0.1). Exponents, spaces,
/// separators, a leading `+` or `.`, NaN and Infinity are rejected.
#[derive(TS)]
#[ts(type = "string | number")]
pub struct DecimalInput;

/// Money in yuan: a {@link DecimalInput} with at most 2 decimals.
#[derive(TS)]
#[ts(type = "DecimalInput")]
pub struct MoneyInput;

/// A rate as a fraction: `"0.049"` is 4.9%.
#[derive(TS)]
#[ts(type = "DecimalInput")]
pub struct RateInput;

/// A whole number: a JS number or a decimal string without a fraction.
#[derive(TS)]
#[ts(type = "number | string")]
pub struct CountInput;

/// A calendar date written `YYYY-MM-DD`.
#[derive(TS)]
#[ts(type = "string")]
pub struct DateString;

/// Money in a result: a string with exactly 2 decimals, e.g. `"5307.27"`.
impl TS for crate::money::Money {
    type WithoutGenerics = Self;
    type OptionInnerType = Self;
    fn docs() -> Option<String> {
        Some("/**\n * Money in a result: a string with exactly 2 decimals, e.g. `\"5307.27\"`.\n */\n".into())
    }
    fn name(_: &Config) -> String {
        "Money".into()
    }
    fn inline(_: &Config) -> String {
        "string".into()
    }
    fn decl(cfg: &Config) -> String {
        format!("type {} = {};", Self::name(cfg), Self::inline(cfg))
    }
    fn decl_concrete(cfg: &Config) -> String {
        Self::decl(cfg)
    }
    fn output_path() -> Option<std::path::PathBuf> {
        Some("Money.ts".into())
    }
}

/// A decimal in a result: a string with the places its field documents, e.g. `"0.128040"`.
#[derive(TS)]
#[ts(type = "string")]
pub struct DecimalText;

/// Collects the declarations of a type and everything it refers to, once each, by name.
struct Collect<'a> {
    cfg: &'a Config,
    declarations: BTreeMap<String, String>,
}

impl TypeVisitor for Collect<'_> {
    fn visit<T: TS + 'static + ?Sized>(&mut self) {
        // Only named, declarable types have an output path (primitives and wrappers do not).
        if T::output_path().is_none() {
            T::visit_dependencies(self);
            T::visit_generics(self);
            return;
        }
        let name = T::ident(self.cfg);
        if self.declarations.contains_key(&name) {
            return;
        }
        let docs = T::docs().unwrap_or_default();
        self.declarations
            .insert(name, format!("{docs}export {}", T::decl(self.cfg)));
        T::visit_dependencies(self);
    }
}

/// The input types with [`FieldRule`]s, and their rules: written into the type as an
/// intersection, `type ScheduleInput = { …fields… } & (…rules…);`.
fn field_rules(cfg: &Config) -> [(String, &'static [FieldRule]); 6] {
    [
        (
            schedule::ScheduleInput::ident(cfg),
            schedule::ScheduleInput::FIELD_RULES,
        ),
        (
            schedule::OfferInput::ident(cfg),
            schedule::ScheduleInput::FIELD_RULES,
        ),
        (
            restructure::RestructureInput::ident(cfg),
            restructure::RestructureInput::FIELD_RULES,
        ),
        (plan::PayoffDebt::ident(cfg), plan::PayoffDebt::FIELD_RULES),
        (
            overdue::OverdueInput::ident(cfg),
            overdue::OverdueInput::FIELD_RULES,
        ),
        (
            overdue::CardInterestInput::ident(cfg),
            overdue::CardInterestInput::FIELD_RULES,
        ),
    ]
}

/// The package's entry points and error type: what the JS wrappers in `js/` add around the
/// generated functions.
const ENTRY: &str = r#"/** What every function throws: a JS `Error` with `name === "RepaymentPlanError"`. */
export interface RepaymentPlanError extends Error {
  name: "RepaymentPlanError";
  code: ErrorCode;
  /** The input path at fault, e.g. `"debts[2].annualRate"`; `""` for the whole input. */
  field: string;
  /** English message. */
  message: string;
  /** Chinese message. */
  messageZh: string;
}

/** Source of the module for {@link init}: a URL, a fetch Response, bytes or a compiled module. */
export type InitInput = string | URL | Request | Response | BufferSource | WebAssembly.Module;

/**
 * Loads the WebAssembly module; in browsers call and await it once before any other function.
 * Idempotent: every call returns the same promise. In Node.js the module is ready on import and
 * `init()` resolves at once.
 */
export default function init(input?: InitInput | Promise<InitInput>): Promise<void>;
export function init(input?: InitInput | Promise<InitInput>): Promise<void>;
/** Instantiates synchronously from bytes or a compiled module (browsers); a no-op in Node.js. */
export function initSync(module?: BufferSource | WebAssembly.Module): void;
/** The package version, e.g. `"0.1.0"`. */
export function version(): string;
"#;

/// The whole `index.d.ts` of the package.
///
/// ```
/// let dts = repayment_plan::api::ts::declarations();
/// assert!(dts.contains("export function pmt(input: PmtInput): Unrounded;"));
/// assert!(dts.contains("export type PmtInput = {"));
/// // Integers cross as JS numbers: ts-rs's default for i64 and u64 would be a wrong `bigint`.
/// assert!(!dts.contains("bigint"));
/// ```
pub fn declarations() -> String {
    let cfg = Config::default();
    let mut collect = Collect {
        cfg: &cfg,
        declarations: BTreeMap::new(),
    };
    let mut functions = String::new();
    macro_rules! declare {
        ($($js:ident => $function:path, $input:ty, $output:ty;)*) => {$(
            collect.visit::<$input>();
            collect.visit::<$output>();
            functions.push_str(&format!(
                "{}export function {}(input: {}): {};\n",
                <$input as TS>::docs().unwrap_or_default().replace("Input of", "See"),
                stringify!($js),
                <$input as TS>::name(&cfg),
                <$output as TS>::name(&cfg),
            ));
        )*};
    }
    crate::for_each_function!(declare);
    for marker in [
        (
            DecimalInput::ident(&cfg),
            DecimalInput::docs(),
            DecimalInput::decl(&cfg),
        ),
        (
            MoneyInput::ident(&cfg),
            MoneyInput::docs(),
            MoneyInput::decl(&cfg),
        ),
        (
            RateInput::ident(&cfg),
            RateInput::docs(),
            RateInput::decl(&cfg),
        ),
        (
            CountInput::ident(&cfg),
            CountInput::docs(),
            CountInput::decl(&cfg),
        ),
        (
            DateString::ident(&cfg),
            DateString::docs(),
            DateString::decl(&cfg),
        ),
    ] {
        let (name, docs, decl) = marker;
        collect
            .declarations
            .entry(name)
            .or_insert_with(|| format!("{}export {decl}", docs.unwrap_or_default()));
    }
    for (name, rules) in field_rules(&cfg) {
        // Every type listed is an input of some function, so it has been collected.
        if let Some(declaration) = collect.declarations.get_mut(&name) {
            let fields = declaration.trim_end().trim_end_matches(';').to_string();
            let rules: Vec<String> = rules.iter().map(FieldRule::typescript).collect();
            *declaration = format!("{fields}\n  & {};", rules.join("\n  & "));
        }
    }
    let codes: Vec<String> = ErrorKind::ALL
        .iter()
        .map(|k| format!("\"{}\"", k.code()))
        .chain(["\"NOT_INITIALIZED\"".to_string()])
        .collect();
    let mut out = format!(
        "// Types of repayment-plan {}, generated from the Rust types by `cargo run --example typescript`.\n\n",
        env!("CARGO_PKG_VERSION")
    );
    out.push_str("/** Every error code a function can throw. */\n");
    out.push_str(&format!(
        "export type ErrorCode = {};\n\n",
        codes.join(" | ")
    ));
    out.push_str(ENTRY);
    out.push('\n');
    for declaration in collect.declarations.values() {
        out.push_str(declaration);
        out.push_str("\n\n");
    }
    out.push_str(&functions);
    out
}
