//! Warnings and next steps for an overdue debt, as stable codes with English and Chinese text.
//!
//! The page chooses what to show by `code`; the texts are a readable default. Codes never change
//! meaning once released. What the advice reflects: contact the lender early, ask for a plan
//! (个性化分期 for cards, up to 60 months), keep evidence of collection contacts, complain and use
//! legal options against abusive collection, credit-report (征信) risk without any claimed day
//! count, and fake "court" messages that ask for money.

use super::Product;
use crate::exact;
use crate::money::percent_text;
use crate::notice::Notice;
use rust_decimal::Decimal;

/// Warning: the charges, as a yearly rate, exceed 4 × the 1-year LPR (the private-lending cap).
pub const CHARGES_ABOVE_4X_LPR: &str = "CHARGES_ABOVE_4X_LPR";
/// Warning: the charges exceed 24% a year (the old 2015 red line).
pub const CHARGES_ABOVE_24_PERCENT: &str = "CHARGES_ABOVE_24_PERCENT";
/// Warning: the charges exceed 36% a year (the old 2015 upper red line).
pub const CHARGES_ABOVE_36_PERCENT: &str = "CHARGES_ABOVE_36_PERCENT";
/// Warning: something is within its grace days; after them charges count from the due date.
pub const GRACE_ENDING: &str = "GRACE_ENDING";
/// Warning (cards): the statement was not paid in full, so interest runs on the whole statement
/// from each posting date, including the part that was paid.
pub const FULL_STATEMENT_INTEREST: &str = "FULL_STATEMENT_INTEREST";
/// Warning (cards): less than the minimum payment was paid in time: a 违约金 and an overdue record.
pub const MINIMUM_NOT_PAID: &str = "MINIMUM_NOT_PAID";

/// Next step: nothing is past due; pay by the due date.
pub const PAY_BY_DUE_DATE: &str = "PAY_BY_DUE_DATE";
/// Next step: pay before the grace days end and nothing is charged.
pub const PAY_WITHIN_GRACE: &str = "PAY_WITHIN_GRACE";
/// Next step (cards): pay the rest of the statement; interest runs until it is paid.
pub const PAY_IN_FULL_TO_STOP_INTEREST: &str = "PAY_IN_FULL_TO_STOP_INTEREST";
/// Next step: contact the lender now.
pub const CONTACT_LENDER_NOW: &str = "CONTACT_LENDER_NOW";
/// Next step (loans): ask for a repayment plan, instalments or an extension (展期).
pub const ASK_FOR_REPAYMENT_PLAN: &str = "ASK_FOR_REPAYMENT_PLAN";
/// Next step (cards): ask for 个性化分期, up to 60 months.
pub const ASK_PERSONALISED_INSTALMENT: &str = "ASK_PERSONALISED_INSTALMENT";
/// Next step: budget income and spending to find what you can repay.
pub const MAKE_A_BUDGET: &str = "MAKE_A_BUDGET";
/// Next step: negative credit-report (征信) records are possible; no fixed day count is claimed.
pub const CREDIT_REPORT_RISK: &str = "CREDIT_REPORT_RISK";
/// Next step: keep records of every collection call, SMS and visit.
pub const KEEP_COLLECTION_RECORDS: &str = "KEEP_COLLECTION_RECORDS";
/// Next step: verify any "court" or "lawyer" message through official channels; never pay by SMS link.
pub const BEWARE_FAKE_COURT_SMS: &str = "BEWARE_FAKE_COURT_SMS";
/// Next step (31+ days): complaints and legal options against abusive collection.
pub const COMPLAIN_ABUSIVE_COLLECTION: &str = "COMPLAIN_ABUSIVE_COLLECTION";
/// Next step (91+ days): the lender may sue; answer real court papers, get legal advice.
pub const LEGAL_ACTION_POSSIBLE: &str = "LEGAL_ACTION_POSSIBLE";

/// Every warning code, for documentation and tests.
pub const WARNING_CODES: [&str; 6] = [
    CHARGES_ABOVE_4X_LPR,
    CHARGES_ABOVE_24_PERCENT,
    CHARGES_ABOVE_36_PERCENT,
    GRACE_ENDING,
    FULL_STATEMENT_INTEREST,
    MINIMUM_NOT_PAID,
];
/// Every next-step code, for documentation and tests.
pub const NEXT_STEP_CODES: [&str; 12] = [
    PAY_BY_DUE_DATE,
    PAY_WITHIN_GRACE,
    PAY_IN_FULL_TO_STOP_INTEREST,
    CONTACT_LENDER_NOW,
    ASK_FOR_REPAYMENT_PLAN,
    ASK_PERSONALISED_INSTALMENT,
    MAKE_A_BUDGET,
    CREDIT_REPORT_RISK,
    KEEP_COLLECTION_RECORDS,
    BEWARE_FAKE_COURT_SMS,
    COMPLAIN_ABUSIVE_COLLECTION,
    LEGAL_ACTION_POSSIBLE,
];

/// Where the debt stands, for choosing the next steps.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Situation {
    /// Nothing is owed any more: no advice.
    PaidOff,
    /// Nothing is past its due date (or a card statement was paid in full).
    NothingPastDue,
    /// Past a due date, but within the grace days.
    InGrace,
    /// A card statement with at least the minimum paid in time, but not the whole of it.
    MinimumPaid,
    /// Past the grace days by this many days past due.
    Overdue(i64),
}

/// `12.00%`.
fn percent(rate: Decimal) -> String {
    percent_text(rate, 2)
}

/// The warnings about the level of the charges: `annualised` (charges as a yearly rate) above
/// 4 × `lpr`, above 24% and above 36%; each that applies is listed.
///
/// ```
/// use repayment_plan::overdue::advice::{charge_warnings, CHARGES_ABOVE_4X_LPR};
/// use rust_decimal::Decimal;
/// let w = charge_warnings(Decimal::new(1825, 4), Decimal::new(3, 2)); // 18.25% vs LPR 3%
/// assert_eq!(w.iter().map(|n| n.code).collect::<Vec<_>>(), [CHARGES_ABOVE_4X_LPR]);
/// ```
pub fn charge_warnings(annualised: Decimal, lpr: Decimal) -> Vec<Notice> {
    let mut out = Vec::new();
    // 4 × LPR; an LPR too large to multiply has no cap worth warning about.
    let cap = exact::mul(lpr, Decimal::from(4)).unwrap_or(Decimal::MAX);
    let rate = percent(annualised);
    if annualised > cap {
        let cap = percent(cap);
        out.push(Notice::new(
            CHARGES_ABOVE_4X_LPR,
            format!(
                "The charges run at {rate} a year, above 4 × LPR ({cap}). For private lending, overdue interest, 违约金 and fees together above this are not protected by courts. Licensed lenders (banks, consumer-finance and small-loan companies) are outside that rule, but courts may still reduce excessive charges: keep this figure."
            ),
            format!(
                "逾期费用折合年化 {rate}，超过 4 倍 LPR（{cap}）。民间借贷中，逾期利息、违约金和其他费用合计超过该上限的部分不受法院保护；持牌机构（银行、消费金融公司、小额贷款公司）不适用该规定，但法院仍可能调减过高的费用，请保留此数据。"
            ),
        ));
    }
    for (threshold, code, en, zh) in [
        (Decimal::new(24, 2), CHARGES_ABOVE_24_PERCENT, "24%", "24%"),
        (Decimal::new(36, 2), CHARGES_ABOVE_36_PERCENT, "36%", "36%"),
    ] {
        if annualised > threshold {
            out.push(Notice::new(
                code,
                format!("The charges run at {rate} a year, above {en}, a level regulators and the media treat as a warning line. Check the contract and ask the lender to explain every charge."),
                format!("逾期费用折合年化 {rate}，超过监管和媒体常用的 {zh} 警戒线。请核对合同，要求贷款方逐项说明费用。"),
            ));
        }
    }
    out
}

/// The warning that some item is within its grace days.
///
/// ```
/// use repayment_plan::overdue::advice::{grace_warning, GRACE_ENDING};
/// let w = grace_warning(3);
/// assert_eq!(w.code, GRACE_ENDING);
/// assert!(w.message.contains("3 grace days") && w.message_zh.contains("3 天"));
/// ```
pub fn grace_warning(grace_days: i64) -> Notice {
    Notice::new(
        GRACE_ENDING,
        format!("You are within the {grace_days} grace days: paying now costs nothing extra. After the grace days, charges count from the original due date, not from the end of the grace."),
        format!("目前仍在 {grace_days} 天宽限期（容时）内：现在还款不产生额外费用。宽限期过后，费用将从原到期日起计算，而不是从宽限期结束时起算。"),
    )
}

/// The next steps for `product` in `situation`, most urgent first.
///
/// * paid off → nothing; nothing past due → [`PAY_BY_DUE_DATE`]; within grace → [`PAY_WITHIN_GRACE`], [`CONTACT_LENDER_NOW`];
///   card with the minimum paid → [`PAY_IN_FULL_TO_STOP_INTEREST`];
/// * overdue: [`CONTACT_LENDER_NOW`], a plan ([`ASK_PERSONALISED_INSTALMENT`] for cards,
///   [`ASK_FOR_REPAYMENT_PLAN`] otherwise), [`MAKE_A_BUDGET`], [`CREDIT_REPORT_RISK`],
///   [`KEEP_COLLECTION_RECORDS`], [`BEWARE_FAKE_COURT_SMS`]; from 31 days (M2, when third-party
///   agencies may be involved) also [`COMPLAIN_ABUSIVE_COLLECTION`]; from 91 days (substandard)
///   also [`LEGAL_ACTION_POSSIBLE`].
///
/// ```
/// use repayment_plan::overdue::advice::{next_steps, Situation, ASK_PERSONALISED_INSTALMENT};
/// use repayment_plan::overdue::Product;
/// let steps = next_steps(Product::CreditCard, Situation::Overdue(5));
/// assert!(steps.iter().any(|n| n.code == ASK_PERSONALISED_INSTALMENT));
/// ```
pub fn next_steps(product: Product, situation: Situation) -> Vec<Notice> {
    let mut out = Vec::new();
    match situation {
        Situation::PaidOff => {}
        Situation::NothingPastDue => out.push(pay_by_due_date()),
        Situation::InGrace => {
            out.push(pay_within_grace());
            out.push(contact_lender(product));
        }
        Situation::MinimumPaid => out.push(pay_in_full()),
        Situation::Overdue(days) => {
            out.push(contact_lender(product));
            out.push(if product == Product::CreditCard {
                personalised_instalment()
            } else {
                repayment_plan(product)
            });
            out.push(budget());
            out.push(credit_report());
            out.push(keep_records());
            out.push(fake_court_sms());
            if days > 30 {
                out.push(complain(product));
            }
            if days > 90 {
                out.push(legal_action());
            }
        }
    }
    out
}

fn pay_by_due_date() -> Notice {
    Notice::new(
        PAY_BY_DUE_DATE,
        "Nothing is past due yet. Pay by the due date and nothing extra is charged.",
        "目前没有逾期。在到期日前还款，不会产生任何额外费用。",
    )
}

pub(super) fn pay_within_grace() -> Notice {
    Notice::new(
        PAY_WITHIN_GRACE,
        "Pay before the grace days end: a payment within the grace is treated as on time, with no charges and no overdue record.",
        "请在宽限期结束前还款：宽限期内还款视为按时还款，不产生费用，也不记为逾期。",
    )
}

fn pay_in_full() -> Notice {
    Notice::new(
        PAY_IN_FULL_TO_STOP_INTEREST,
        "The minimum payment is covered, but the statement was not paid in full in time: interest runs every day on what is left until it is paid. Pay the rest (the new balance) as soon as you can.",
        "最低还款额已还，但账单未在期限内全额还清：剩余部分每天计息，直到还清为止。请尽快还清剩余部分（新余额）。",
    )
}

pub(super) fn contact_lender(product: Product) -> Notice {
    let (en, zh) = match product {
        Product::Huabei | Product::Jiebei => (
            "Alipay (in the app's customer service)",
            "支付宝（App 内客服）",
        ),
        Product::CreditCard => (
            "the card issuer (the number on the back of the card)",
            "发卡银行（卡片背面的客服电话）",
        ),
        Product::BankLoan => (
            "the bank (its official customer-service number)",
            "贷款银行（官方客服电话）",
        ),
        Product::Custom => (
            "the lender (through its official channel)",
            "贷款机构（通过官方渠道）",
        ),
    };
    Notice::new(
        CONTACT_LENDER_NOW,
        format!("Contact {en} now, before they contact you: say why you are late, when you can pay, and ask for the exact amount owed today."),
        format!("请立即主动联系{zh}：说明逾期原因和可还款时间，并确认今天应还的准确金额。"),
    )
}

pub(super) fn repayment_plan(product: Product) -> Notice {
    let extra_en = if product == Product::BankLoan {
        " Before the loan matures you can also apply for an extension (展期, Civil Code art. 678)."
    } else {
        ""
    };
    let extra_zh = if product == Product::BankLoan {
        "贷款到期前，还可以申请展期（《民法典》第六百七十八条）。"
    } else {
        ""
    };
    Notice::new(
        ASK_FOR_REPAYMENT_PLAN,
        format!("Ask for a repayment plan you can keep: instalments, a lower monthly amount or more time (协商还款). Get any agreement in writing.{extra_en}"),
        format!("与贷款方协商还款：分期、降低月供或延长期限，并要求书面确认协议内容。{extra_zh}"),
    )
}

fn personalised_instalment() -> Notice {
    Notice::new(
        ASK_PERSONALISED_INSTALMENT,
        "Ask the bank for a personalised instalment plan (个性化分期): banks may agree to spread the debt over up to 60 months. The agreement states the principal, interest, fees and 违约金, every instalment and whether interest continues; collection stops once it is signed.",
        "向银行申请个性化分期：银行可与您协商最长 60 期的还款计划。协议会列明本金、利息、费用和违约金，每期金额和日期，以及是否继续计息；签订后停止催收。",
    )
}

pub(super) fn budget() -> Notice {
    Notice::new(
        MAKE_A_BUDGET,
        "List your income and essential spending, cut what you can, and work out what you can really repay each month before you agree to a plan.",
        "列出收入和必要支出，尽量削减开支，先算清每月实际能还多少，再与贷款方约定还款计划。",
    )
}

pub(super) fn credit_report() -> Notice {
    Notice::new(
        CREDIT_REPORT_RISK,
        "Overdue payments can be reported to the credit reference system (征信). The lender must tell you before it reports negative information, and when it does so varies by lender: do not rely on any fixed number of days. A negative record stays for 5 years after the debt is settled.",
        "逾期可能被报送征信。贷款方在报送不良信息前须告知您；何时报送因机构而异，不要相信任何固定的天数。不良记录自欠款还清之日起保留 5 年。",
    )
}

pub(super) fn keep_records() -> Notice {
    Notice::new(
        KEEP_COLLECTION_RECORDS,
        "Keep a record of every collection contact: date, time, caller, what was said; save SMS and recordings. If collection becomes abusive (threats, insults, calls to family, friends or your employer), these records are your evidence.",
        "记录每一次催收：日期、时间、来电方和内容，保存短信和录音。一旦出现暴力催收（威胁、辱骂、骚扰家人朋友或单位），这些记录就是证据。",
    )
}

pub(super) fn fake_court_sms() -> Notice {
    Notice::new(
        BEWARE_FAKE_COURT_SMS,
        "Beware of messages claiming to be from a court or lawyer that ask you to pay to a personal account or through a link: courts do not collect debts by SMS. Verify any such message through the court's official phone number (e.g. the 12368 hotline) and pay only through the lender's official channels.",
        "警惕自称法院或律师、要求向个人账户转账或点击链接付款的短信：法院不会通过短信催收。请通过法院官方电话（如 12368 热线）核实，只通过贷款方官方渠道还款。",
    )
}

pub(super) fn complain(product: Product) -> Notice {
    let (en, zh) = match product {
        Product::Huabei | Product::Jiebei => ("in the Alipay app", "在支付宝 App 内"),
        _ => ("to the lender's customer service", "向贷款方客服"),
    };
    Notice::new(
        COMPLAIN_ABUSIVE_COLLECTION,
        format!("If collection is abusive, complain first {en}, then to the financial regulator (hotline 12378); credit-report disputes go to the People's Bank of China (12363). Report threats or violence to the police (110), and a lawyer or legal aid (12348) can advise on further legal options."),
        format!("如遭遇暴力催收，先{zh}投诉，再向金融监管部门投诉（12378 热线）；征信异议可向中国人民银行反映（12363）。遇到威胁或暴力请报警（110），也可咨询律师或法律援助（12348）了解其他法律途径。"),
    )
}

pub(super) fn legal_action() -> Notice {
    Notice::new(
        LEGAL_ACTION_POSSIBLE,
        "After a long delay the lender may sue. Real court papers come through official service; answer them and attend, since courts can reduce excessive interest, 复利, 违约金 and fees. Get advice from a lawyer or legal aid (12348).",
        "长期逾期后，贷款方可能起诉。真正的法院文书通过正式送达；请按时应诉出庭，法院可以调减过高的利息、复利、违约金和费用。可咨询律师或法律援助（12348）。",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(list: &[Notice]) -> Vec<&'static str> {
        list.iter().map(|n| n.code).collect()
    }

    #[test]
    fn warnings_by_level() {
        let lpr = Decimal::new(3, 2);
        assert!(
            charge_warnings(Decimal::new(12, 2), lpr).is_empty(),
            "exactly 4 × LPR is not above"
        );
        assert_eq!(
            codes(&charge_warnings(Decimal::new(25, 2), lpr)),
            [CHARGES_ABOVE_4X_LPR, CHARGES_ABOVE_24_PERCENT]
        );
        assert_eq!(codes(&charge_warnings(Decimal::new(37, 2), lpr)).len(), 3);
        assert!(charge_warnings(Decimal::new(37, 2), lpr)[0]
            .message
            .contains("37.00%"));
    }

    #[test]
    fn steps_follow_stage_and_product() {
        assert_eq!(
            codes(&next_steps(Product::Huabei, Situation::NothingPastDue)),
            [PAY_BY_DUE_DATE]
        );
        assert_eq!(
            codes(&next_steps(Product::Jiebei, Situation::InGrace)),
            [PAY_WITHIN_GRACE, CONTACT_LENDER_NOW]
        );
        let m1 = codes(&next_steps(Product::BankLoan, Situation::Overdue(30)));
        assert!(m1.contains(&ASK_FOR_REPAYMENT_PLAN) && !m1.contains(&COMPLAIN_ABUSIVE_COLLECTION));
        let m2 = codes(&next_steps(Product::BankLoan, Situation::Overdue(31)));
        assert!(m2.contains(&COMPLAIN_ABUSIVE_COLLECTION) && !m2.contains(&LEGAL_ACTION_POSSIBLE));
        let m4 = codes(&next_steps(Product::CreditCard, Situation::Overdue(91)));
        assert!(m4.contains(&LEGAL_ACTION_POSSIBLE) && m4.contains(&ASK_PERSONALISED_INSTALMENT));
        assert!(!m4.contains(&ASK_FOR_REPAYMENT_PLAN));
        for product in [
            Product::Huabei,
            Product::Jiebei,
            Product::BankLoan,
            Product::Custom,
            Product::CreditCard,
        ] {
            for notice in next_steps(product, Situation::Overdue(400)) {
                assert!(NEXT_STEP_CODES.contains(&notice.code));
                assert!(
                    !notice.message.is_empty()
                        && notice.message_zh.chars().any(|c| c as u32 > 0x2E80)
                );
            }
        }
    }

    #[test]
    fn credit_report_advice_claims_no_day_count() {
        let text = credit_report();
        assert!(
            !text.message.chars().any(|c| c.is_ascii_digit() && c != '5'),
            "{}",
            text.message
        );
    }
}
