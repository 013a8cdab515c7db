//! Every API function, fed random JSON built from its own vocabulary, returns a result or a
//! documented error — never a panic (which would be a trap in wasm) — and the same input always
//! gives the same output. Covers functions added later automatically (it walks `api::FUNCTION_NAMES`).

use proptest::prelude::*;
use repayment_plan::api;

/// Keys any function might read, plus misspellings.
const KEYS: &[&str] = &[
    "rate",
    "nper",
    "pv",
    "fv",
    "pmt",
    "type",
    "per",
    "values",
    "dates",
    "guess",
    "startPeriod",
    "endPeriod",
    "nominalRate",
    "effectRate",
    "npery",
    "dayCount",
    "principal",
    "method",
    "periods",
    "startDate",
    "annualRate",
    "monthlyRate",
    "dailyRate",
    "feeRate",
    "totalFeeRate",
    "upfrontFee",
    "firstDueDate",
    "rounding",
    "mode",
    "residue",
    "prepayments",
    "afterPeriod",
    "amount",
    "strategy",
    "fee",
    "rateChanges",
    "fromPeriod",
    "lpr",
    "product",
    "asOfDate",
    "items",
    "dueDate",
    "interest",
    "penaltyDailyRate",
    "contractAnnualRate",
    "contractDailyRate",
    "penaltyMultiplier",
    "compoundOverdueInterest",
    "graceDays",
    "timeline",
    "creditReportDays",
    "collectionAgencyDays",
    "legalActionDays",
    "statementDate",
    "nextStatementDate",
    "transactions",
    "postingDate",
    "payments",
    "date",
    "interestMode",
    "minimumRate",
    "lateFeeRate",
    "lateFeeMin",
    "monthlyIncome",
    "expenses",
    "name",
    "kind",
    "debts",
    "minimumPayment",
    "balance",
    "monthlyBudget",
    "order",
    "extraPayments",
    "month",
    "fees",
    "penalties",
    "waive",
    "targetPayment",
    "downPayment",
    "offers",
    "anualRate",
];

/// Scalars that are valid somewhere and invalid elsewhere.
const SCALARS: &[&str] = &[
    "0",
    "1",
    "12",
    "360",
    "601",
    "-1",
    "0.5",
    "1e2",
    "\"0.049\"",
    "\"0.0005\"",
    "\"1000000\"",
    "\"1111.11\"",
    "\"-5\"",
    "\"1e2\"",
    "\"\"",
    "\"2024-01-31\"",
    "\"2025-02-30\"",
    "\"2026-11-28\"",
    "\"annuity\"",
    "\"equalPrincipal\"",
    "\"feeInstalment\"",
    "\"huabei\"",
    "\"avalanche\"",
    "\"full\"",
    "\"essential\"",
    "\"actual/365\"",
    "\"halfUp\"",
    "\"first\"",
    "\"interest\"",
    "true",
    "false",
    "null",
    "[]",
    "{}",
    "99999999999999999999999999999",
    "\"100000000000\"",
];

fn json_value(depth: u32) -> BoxedStrategy<String> {
    let scalar = prop::sample::select(SCALARS).prop_map(str::to_string);
    if depth == 0 {
        return scalar.boxed();
    }
    prop_oneof![
        4 => scalar,
        1 => prop::collection::vec(json_value(depth - 1), 0..4).prop_map(|items| format!("[{}]", items.join(","))),
        2 => json_object(depth - 1),
    ]
    .boxed()
}

fn json_object(depth: u32) -> BoxedStrategy<String> {
    prop::collection::btree_map(prop::sample::select(KEYS), json_value(depth), 0..8)
        .prop_map(|fields| {
            let entries: Vec<String> = fields
                .into_iter()
                .map(|(k, v)| format!("{}:{v}", serde_json::Value::from(k)))
                .collect();
            format!("{{{}}}", entries.join(","))
        })
        .boxed()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: ProptestConfig::default().cases * 4, ..ProptestConfig::default() })]

    #[test]
    fn random_inputs_never_panic(input in json_object(3), which in any::<prop::sample::Index>()) {
        let name = api::FUNCTION_NAMES[which.index(api::FUNCTION_NAMES.len())];
        let first = api::call(name, &input);
        match &first {
            Ok(out) => prop_assert!(serde_json::from_str::<serde_json::Value>(out).is_ok(), "{name} wrote invalid JSON"),
            Err(e) => prop_assert!(!e.message().is_empty() && !e.message_zh().is_empty()),
        }
        prop_assert_eq!(first, api::call(name, &input), "{} is not deterministic", name);
    }
}
