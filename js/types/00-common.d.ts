/**
 * A decimal number: a string in plain notation (`"1234.56"`, `"0.049"`, `"-12"`) or a finite JS
 * number (read through its shortest decimal form, so `0.1` is exactly 0.1). Exponents, spaces,
 * separators, a leading `+` or `.`, NaN and Infinity are rejected.
 */
export type DecimalInput = string | number;
/** Money in yuan: a {@link DecimalInput} with at most 2 decimals. */
export type MoneyInput = DecimalInput;
/** A rate as a fraction: `"0.049"` is 4.9%. */
export type RateInput = DecimalInput;
/** A whole number (a JS number or a decimal string without fraction). */
export type CountInput = number | string;
/** A calendar date written `YYYY-MM-DD`. */
export type DateString = string;
/** Money in the output: a string with exactly 2 decimals, e.g. `"5307.27"`. */
export type Money = string;
/** A rate in the output: a fraction string with 6 decimals, e.g. `"0.128040"`. */
export type Rate = string;
/** An unrounded decimal result: a string with 10 decimals, e.g. `"-1037.0320893296"`. */
export type Decimal = string;

/** Every error code a function can throw. */
export type ErrorCode =
  | "INVALID_INPUT"
  | "INVALID_TYPE"
  | "INVALID_NUMBER"
  | "OUT_OF_RANGE"
  | "MISSING_FIELD"
  | "UNKNOWN_FIELD"
  | "INVALID_DATE"
  | "INVALID_OPTION"
  | "CONFLICTING_FIELDS"
  | "NO_SOLUTION"
  | "NOT_INITIALIZED";

/** What every function throws: a JS `Error` with `name === "RepaymentPlanError"`. */
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

/** A warning, flag or piece of advice: a stable code plus text in both languages. */
export interface Notice {
  code: string;
  message: string;
  messageZh: string;
}

/** Rounding to the fen: the mode, and which period absorbs the residue of a split. */
export interface RoundingInput {
  mode?: "halfUp" | "halfEven" | "down";
  residue?: "first" | "last";
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
