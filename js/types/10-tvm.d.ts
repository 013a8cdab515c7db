// Time-value functions: Excel's names, arguments and sign convention (money received positive,
// money paid negative). Each returns an unrounded decimal string with 10 decimals.

/** `type`: 0 = payments at the end of each period (default), 1 = at the beginning. */
export type PaymentType = 0 | 1 | "0" | "1";

/** Periodic payment (Excel PMT). */
export function pmt(input: { rate: RateInput; nper: DecimalInput; pv: DecimalInput; fv?: DecimalInput; type?: PaymentType }): Decimal;
/** Interest part of payment `per` (Excel IPMT). */
export function ipmt(input: { rate: RateInput; per: CountInput; nper: DecimalInput; pv: DecimalInput; fv?: DecimalInput; type?: PaymentType }): Decimal;
/** Principal part of payment `per` (Excel PPMT). */
export function ppmt(input: { rate: RateInput; per: CountInput; nper: DecimalInput; pv: DecimalInput; fv?: DecimalInput; type?: PaymentType }): Decimal;
/** Present value (Excel PV). */
export function pv(input: { rate: RateInput; nper: DecimalInput; pmt: DecimalInput; fv?: DecimalInput; type?: PaymentType }): Decimal;
/** Future value (Excel FV). */
export function fv(input: { rate: RateInput; nper: DecimalInput; pmt: DecimalInput; pv?: DecimalInput; type?: PaymentType }): Decimal;
/** Number of periods (Excel NPER). Throws NO_SOLUTION when the payment never repays. */
export function nper(input: { rate: RateInput; pmt: DecimalInput; pv: DecimalInput; fv?: DecimalInput; type?: PaymentType }): Decimal;
/** Rate per period (Excel RATE), solved with a proved bracket. */
export function rate(input: { nper: DecimalInput; pmt: DecimalInput; pv: DecimalInput; fv?: DecimalInput; type?: PaymentType; guess?: RateInput }): Decimal;
/** Net present value (Excel NPV): the first value is discounted one period. */
export function npv(input: { rate: RateInput; values: DecimalInput[] }): Decimal;
/** Internal rate of return per period (Excel IRR). */
export function irr(input: { values: DecimalInput[]; guess?: RateInput }): Decimal;
/** Annualised return of dated cash flows (Excel XIRR); Actual/365 unless `dayCount: "actual/360"`. */
export function xirr(input: { values: DecimalInput[]; dates: DateString[]; guess?: RateInput; dayCount?: "actual/365" | "actual/360" }): Decimal;
/** Effective annual rate (Excel EFFECT). */
export function effect(input: { nominalRate: RateInput; npery: CountInput }): Decimal;
/** Nominal annual rate (Excel NOMINAL). */
export function nominal(input: { effectRate: RateInput; npery: CountInput }): Decimal;
/** Cumulative interest between two periods (Excel CUMIPMT). */
export function cumipmt(input: { rate: RateInput; nper: CountInput; pv: DecimalInput; startPeriod: CountInput; endPeriod: CountInput; type?: PaymentType }): Decimal;
/** Cumulative principal between two periods (Excel CUMPRINC). */
export function cumprinc(input: { rate: RateInput; nper: CountInput; pv: DecimalInput; startPeriod: CountInput; endPeriod: CountInput; type?: PaymentType }): Decimal;
