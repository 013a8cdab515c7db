// Hand-written peers for the benchmark: the plain float way and the exact-decimal JS way.
import { createRequire } from "node:module";

const Decimal = createRequire(import.meta.url)("decimal.js");

/** 等额本息 in floats, rounded to the fen per row as a careful JS developer would. */
export function floatAnnuity(principal, periods, annualRate) {
  const r = annualRate / 12;
  const payment = Math.round(((principal * r) / (1 - Math.pow(1 + r, -periods))) * 100) / 100;
  const rows = [];
  let balance = principal;
  for (let k = 1; k <= periods; k++) {
    const interest = Math.round(balance * r * 100) / 100;
    const principalPart = k === periods ? balance : payment - interest;
    balance = Math.round((balance - principalPart) * 100) / 100;
    rows.push({ period: k, payment: principalPart + interest, principal: principalPart, interest, closing: balance });
  }
  return rows;
}

/** 等额本金 in floats. */
export function floatEqualPrincipal(principal, periods, annualRate) {
  const r = annualRate / 12;
  const part = Math.round((principal / periods) * 100) / 100;
  const rows = [];
  let balance = principal;
  for (let k = 1; k <= periods; k++) {
    const interest = Math.round(balance * r * 100) / 100;
    const principalPart = k === periods ? balance : part;
    balance = Math.round((balance - principalPart) * 100) / 100;
    rows.push({ period: k, payment: principalPart + interest, principal: principalPart, interest, closing: balance });
  }
  return rows;
}

/** 等额本息 with decimal.js: exact, with string outputs like ours. */
export function decimalAnnuity(principal, periods, annualRate) {
  const r = new Decimal(annualRate).div(12);
  const p = new Decimal(principal);
  const g = r.plus(1).pow(periods);
  const payment = p.mul(r).mul(g).div(g.minus(1)).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  const rows = [];
  let balance = p;
  for (let k = 1; k <= periods; k++) {
    const interest = balance.mul(r).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
    const principalPart = k === periods ? balance : payment.minus(interest);
    const opening = balance;
    balance = balance.minus(principalPart);
    rows.push({
      period: k,
      opening: opening.toFixed(2),
      payment: principalPart.plus(interest).toFixed(2),
      principal: principalPart.toFixed(2),
      interest: interest.toFixed(2),
      closing: balance.toFixed(2),
    });
  }
  return rows;
}

/** The same payoff algorithm (unbury.us: minimums, extra in strategy order, then interest) in floats. */
export function floatPayoff(debts, budget) {
  const state = debts.map((d) => ({ balance: Number(d.balance), rate: Number(d.annualRate) / 12, min: Number(d.minimumPayment) }));
  const order = [...state].sort((a, b) => b.rate - a.rate);
  let month = 0;
  const timeline = [];
  while (state.some((d) => d.balance > 0) && month < 1200) {
    month++;
    let extra = budget;
    const rows = [];
    for (const d of state) {
      const pay = Math.min(d.min, d.balance);
      d.balance -= pay;
      extra -= pay;
    }
    for (const d of order) {
      if (extra <= 0) break;
      const pay = Math.min(extra, d.balance);
      d.balance -= pay;
      extra -= pay;
    }
    for (const d of state) {
      const interest = Math.round(d.balance * d.rate * 100) / 100;
      d.balance += interest;
      rows.push({ payment: 0, interest, balance: d.balance });
    }
    timeline.push({ month, rows });
  }
  return month;
}
