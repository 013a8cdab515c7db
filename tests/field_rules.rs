//! The field rules of the input types (`FIELD_RULES`: which optional fields go together) against
//! the readers: every combination of the fields a rule names, under every value of the option it
//! depends on, is run through the function, and the reader must accept exactly the inputs the
//! rules admit — rejecting the others with `CONFLICTING_FIELDS` or `MISSING_FIELD`. The same
//! rules are written into the generated TypeScript, so this is what keeps `tsc` and the reader
//! in agreement.

use repayment_plan::api::check::FieldRule;
use repayment_plan::api::de::Choice;
use repayment_plan::api::{self, overdue, plan, restructure, schedule, ts};
use serde_json::{json, Map, Value};

/// One input type's rules and how to try them.
struct Subject {
    function: &'static str,
    rules: &'static [FieldRule],
    /// A valid input without any of `fields` (and without `option`'s key).
    base: Value,
    /// Each field the rules name, with a value that is valid on its own.
    fields: Vec<(&'static str, Value)>,
    /// The option the rules depend on, with all of its values (or none).
    option: Option<(&'static str, &'static [&'static str])>,
    /// Puts the object under test where the function reads it (a debt in `debts`, an offer in
    /// the list).
    place: fn(Value) -> Value,
}

fn as_is(object: Value) -> Value {
    object
}

fn subjects() -> Vec<Subject> {
    let schedule_fields = vec![
        ("annualRate", json!("0.05")),
        ("monthlyRate", json!("0.004")),
        ("dailyRate", json!("0.0003")),
        ("feeRate", json!("0.006")),
        ("totalFeeRate", json!("0.05")),
        ("issuer", json!("bank")),
        ("dayCount", json!("actual/365")),
        (
            "prepayments",
            json!([{ "afterPeriod": 1, "amount": "100", "strategy": "shortenTerm" }]),
        ),
        (
            "rateChanges",
            json!([{ "fromPeriod": 2, "annualRate": "0.04" }]),
        ),
    ];
    let loan = json!({ "principal": "1000", "periods": 3, "startDate": "2026-01-15" });
    vec![
        Subject {
            function: "schedule",
            rules: schedule::ScheduleInput::FIELD_RULES,
            base: loan.clone(),
            fields: schedule_fields.clone(),
            option: Some(("method", schedule::RepaymentMethod::NAMES)),
            place: as_is,
        },
        Subject {
            function: "compareOffers",
            rules: schedule::ScheduleInput::FIELD_RULES,
            base: json!({ "principal": "1000", "periods": 3, "startDate": "2026-01-15", "name": "A" }),
            fields: schedule_fields,
            option: Some(("method", schedule::RepaymentMethod::NAMES)),
            place: |offer| json!([offer]),
        },
        Subject {
            function: "restructure",
            rules: restructure::RestructureInput::FIELD_RULES,
            base: json!({ "principal": "1000", "startDate": "2026-01-15" }),
            fields: vec![
                ("periods", json!(3)),
                ("targetPayment", json!("400")),
                ("feeRate", json!("0.006")),
                ("annualRate", json!("0.05")),
            ],
            option: None,
            place: as_is,
        },
        Subject {
            function: "payoff",
            rules: plan::PayoffDebt::FIELD_RULES,
            base: json!({ "name": "card", "balance": "1000", "minimumPayment": "100" }),
            fields: vec![
                ("annualRate", json!("0.18")),
                ("monthlyRate", json!("0.015")),
                ("dailyRate", json!("0.0005")),
            ],
            option: None,
            place: |debt| json!({ "debts": [debt], "monthlyBudget": "300", "strategy": "avalanche", "startDate": "2026-01-15" }),
        },
        Subject {
            function: "overdue",
            rules: overdue::OverdueInput::FIELD_RULES,
            base: json!({ "asOfDate": "2025-03-02", "items": [{ "dueDate": "2025-01-31", "principal": "1000" }] }),
            fields: vec![
                ("contractAnnualRate", json!("0.049")),
                ("contractDailyRate", json!("0.0002")),
                ("penaltyDailyRate", json!("0.0005")),
                ("penaltyMultiplier", json!("1.5")),
            ],
            option: Some(("product", overdue::OverdueProduct::NAMES)),
            place: as_is,
        },
        Subject {
            function: "cardInterest",
            rules: overdue::CardInterestInput::FIELD_RULES,
            base: json!({
                "statementDate": "2025-04-18", "dueDate": "2025-05-07", "nextStatementDate": "2025-05-18",
                "transactions": [{ "postingDate": "2025-03-30", "amount": "1000" }], "interestMode": "full"
            }),
            fields: vec![
                ("minimumRate", json!("0.1")),
                ("minimumPayment", json!("100")),
            ],
            option: None,
            place: as_is,
        },
    ]
}

/// Whether the function accepts the input; panics on a rejection that is not about which
/// fields go together (the samples would be wrong, not the rules).
fn accepts(function: &str, input: &Value) -> bool {
    match api::call(function, &input.to_string()) {
        Ok(_) => true,
        Err(e) if matches!(e.code(), "CONFLICTING_FIELDS" | "MISSING_FIELD") => false,
        Err(e) => panic!(
            "{function} {input}: {} {} {}",
            e.code(),
            e.field(),
            e.message()
        ),
    }
}

#[test]
fn the_readers_accept_exactly_what_the_rules_admit() {
    for subject in subjects() {
        let values: Vec<Option<&str>> = match subject.option {
            Some((_, values)) => values.iter().copied().map(Some).collect(),
            None => vec![None],
        };
        let mut mismatches = Vec::new();
        let mut tried = 0;
        for value in values {
            for mask in 0..1u32 << subject.fields.len() {
                let mut object: Map<String, Value> =
                    subject.base.as_object().cloned().unwrap_or_default();
                if let (Some((key, _)), Some(value)) = (subject.option, value) {
                    object.insert(key.into(), json!(value));
                }
                for (i, (key, sample)) in subject.fields.iter().enumerate() {
                    if mask & (1 << i) != 0 {
                        object.insert((*key).into(), sample.clone());
                    }
                }
                let present = |key: &str| object.contains_key(key);
                let option = |key: &str| object.get(key).and_then(Value::as_str).map(String::from);
                let admitted = subject
                    .rules
                    .iter()
                    .all(|rule| rule.admits(&present, &option));
                let input = (subject.place)(Value::Object(object.clone()));
                tried += 1;
                if accepts(subject.function, &input) != admitted {
                    mismatches.push(format!("admitted {admitted}: {input}"));
                }
            }
        }
        assert!(
            mismatches.is_empty(),
            "{}: {} of {tried} combinations disagree with the rules, e.g.\n{}",
            subject.function,
            mismatches.len(),
            mismatches
                .iter()
                .take(8)
                .cloned()
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
}

#[test]
fn option_cases_cover_every_value_once() {
    let rules = [
        (
            schedule::ScheduleInput::FIELD_RULES,
            "method",
            schedule::RepaymentMethod::NAMES,
        ),
        (
            overdue::OverdueInput::FIELD_RULES,
            "product",
            overdue::OverdueProduct::NAMES,
        ),
    ];
    for (rules, option, names) in rules {
        let mut found = false;
        for rule in rules {
            if let FieldRule::Cases { key, cases } = rule {
                assert_eq!(*key, option);
                let mut listed: Vec<&str> = cases
                    .iter()
                    .flat_map(|(values, _)| values.iter().copied())
                    .collect();
                listed.sort_unstable();
                let mut all = names.to_vec();
                all.sort_unstable();
                assert_eq!(listed, all, "{option}");
                found = true;
            }
        }
        assert!(found, "{option}");
    }
}

#[test]
fn the_typescript_types_carry_the_rules() {
    let dts = ts::declarations();
    for (name, rules) in [
        ("ScheduleInput", schedule::ScheduleInput::FIELD_RULES),
        ("OfferInput", schedule::ScheduleInput::FIELD_RULES),
        (
            "RestructureInput",
            restructure::RestructureInput::FIELD_RULES,
        ),
        ("PayoffDebt", plan::PayoffDebt::FIELD_RULES),
        ("OverdueInput", overdue::OverdueInput::FIELD_RULES),
        ("CardInterestInput", overdue::CardInterestInput::FIELD_RULES),
    ] {
        let start = dts
            .find(&format!("export type {name} = "))
            .unwrap_or_else(|| panic!("no {name}"));
        let declaration = &dts[start..start + dts[start..].find("\n\n").unwrap_or(0)];
        for rule in rules {
            assert!(
                declaration.contains(&rule.typescript()),
                "{name} lacks {}",
                rule.typescript()
            );
        }
    }
}
