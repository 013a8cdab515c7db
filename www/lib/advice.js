// The advice tab: what usually happens when a debt is late, and what helps — in our own words,
// following the guidance in docs (domain notes §4–5). Each result links here from its codes.

export const SECTIONS = [
  {
    id: "escalation",
    title: { zh: "逾期后通常会发生什么", en: "What usually happens after a missed payment" },
    body: {
      zh: [
        "一般是逐步升级的：先是 App 和短信提醒，然后是电话催收；逾期时间变长后，部分平台会把案件交给第三方催收机构；再往后可能上报征信，最后可能起诉。",
        "花呗、借呗这类平台自己的政策通常是不上门催收，但委托的第三方机构在高风险案件中有时会上门。无论谁来催收，都不能威胁、辱骂、骚扰你的家人和通讯录里的人。",
        "逾期越久，罚息越多，分类也越差（关注 → 次级 → 可疑 → 损失）。越早处理，可选的办法越多。",
      ],
      en: [
        "It usually escalates step by step: app and SMS reminders first, then phone calls; as the debt stays unpaid, some platforms hand it to a third-party collection agency; later it may be reported to the credit bureau, and finally the lender may sue.",
        "Platforms such as Huabei and Jiebei say they do not make home visits themselves, but agencies they hire sometimes do in high-risk cases. Whoever collects must not threaten or insult you or harass your family and contacts.",
        "The longer it lasts, the more penalty interest accrues and the worse the loan's classification (special mention → substandard → doubtful → loss). The earlier you act, the more options you have.",
      ],
    },
  },
  {
    id: "talk",
    title: { zh: "尽早主动联系贷款方", en: "Talk to the lender early" },
    body: {
      zh: [
        "不要躲。通过官方 App、客服电话或官方网站主动说明情况：为什么还不上、每月能还多少、希望怎么安排。",
        "把沟通内容记下来（时间、对方工号、承诺的内容），重要的约定尽量要书面或 App 内确认。",
      ],
      en: [
        "Do not hide. Contact the lender through the official app, hotline or website: say why you cannot pay, how much you can pay each month and what you propose.",
        "Note every contact (time, agent ID, what was promised) and get important agreements in writing or confirmed in the app.",
      ],
    },
  },
  {
    id: "instalment",
    title: { zh: "申请分期或延期还款", en: "Ask for instalments or an extension" },
    body: {
      zh: [
        "信用卡可以申请“个性化分期”（俗称停息挂账），最长可分 60 期（5 年）。协议应写明欠款构成（本金、利息、费用、违约金）、每期金额和日期、以及是否继续计息收费；签订后催收应停止。",
        "网贷和消费贷也可以协商延期、展期或减免部分罚息。用“预算与还款”里的分期试算，先算出你每月真正能还多少，再去谈。",
      ],
      en: [
        "For credit cards you can ask for a personalised instalment plan (个性化分期, often called 停息挂账) of up to 60 months (5 years). The agreement should state the debt's parts (principal, interest, fees, late fees), each instalment's amount and date, and whether interest and fees continue; collection should stop once it is signed.",
        "Online and consumer loans can also be extended or have penalty interest reduced by agreement. Use the instalment what-if in “Budget & payoff” to know what you can really pay each month before you negotiate.",
      ],
    },
  },
  {
    id: "spending",
    title: { zh: "先砍开支，别再借新还旧", en: "Cut spending; do not borrow to repay" },
    body: {
      zh: [
        "暂停非必要消费，关闭自动扣款的会员和订阅。不要用新的网贷去还旧债：利息只会越滚越多。",
        "把弹性开支降下来，差额全部用来还利率最高的那笔债。",
      ],
      en: [
        "Pause non-essential spending and cancel auto-renewing memberships and subscriptions. Do not take a new online loan to repay an old one: the interest only snowballs.",
        "Lower flexible spending and put the difference on the debt with the highest rate.",
      ],
    },
  },
  {
    id: "budget",
    title: { zh: "做一份每月预算", en: "Make a monthly budget" },
    body: {
      zh: [
        "列出税后收入、必要开支（房租、吃饭、交通、最低还款）、弹性开支和储蓄。常见的参考比例是 50/30/20：必要 50%，弹性 30%，储蓄和额外还款 20%。",
        "每月还款占收入的比例越高越危险；超过一半时，通常需要和贷款方协商。",
        "还款顺序：先保证每笔的最低还款，多出来的钱按“雪崩法”（利率最高的先还，利息最少）或“雪球法”（余额最小的先还，更快看到成果）集中还。",
      ],
      en: [
        "List income after tax, essential spending (rent, food, transport, minimum payments), flexible spending and savings. The common guide is 50/30/20: needs 50%, wants 30%, savings and extra repayment 20%.",
        "The larger the share of income going to repayments, the riskier; above half you usually need to negotiate with lenders.",
        "Order: pay every minimum, then put the rest on one debt — avalanche (highest rate first, least interest) or snowball (smallest balance first, quicker wins).",
      ],
    },
  },
  {
    id: "evidence",
    title: { zh: "保留暴力催收的证据", en: "Keep evidence of abusive collection" },
    body: {
      zh: [
        "遇到威胁、辱骂、冒充公检法、深夜反复打电话、骚扰家人同事或通讯录联系人时，录音、截图、保存短信和通话记录，记下号码和时间。",
        "这些证据是投诉和报警的依据。人身受到威胁时直接拨打 110。",
      ],
      en: [
        "If a collector threatens or insults you, pretends to be police or a court, calls repeatedly at night, or contacts your family, colleagues or phone contacts: record calls, take screenshots, keep SMS and call logs, note numbers and times.",
        "This evidence is what complaints and police reports rest on. If you are threatened with harm, call 110.",
      ],
    },
  },
  {
    id: "complain",
    title: { zh: "投诉渠道", en: "Where to complain" },
    body: {
      zh: [
        "先向平台或银行的官方客服投诉，要求处理并留下工单号。",
        "对银行、消费金融公司等持牌机构，可以拨打国家金融监督管理总局的消费者投诉热线 12378；涉及征信、支付的问题可以找中国人民银行（12363）。",
        "催收涉及违法行为时可以报警；也可以向当地的金融监管部门或消费者协会反映。",
      ],
      en: [
        "Complain first to the platform's or bank's official customer service and keep the ticket number.",
        "For banks, consumer-finance companies and other licensed lenders, the National Financial Regulatory Administration's consumer hotline is 12378; for credit-report and payment matters, the People's Bank of China (12363).",
        "Unlawful collection can be reported to the police; local financial regulators and consumer associations also take complaints.",
      ],
    },
  },
  {
    id: "legal",
    title: { zh: "法律途径", en: "Legal options" },
    body: {
      zh: [
        "民间借贷的利率超过合同成立时一年期 LPR 的 4 倍，超出部分不受法律保护；逾期利息、违约金和其他费用合计也有同样的上限。银行、消费金融公司等持牌机构不适用这条规定，但信用卡的过高利息、复利、违约金和费用，法院可以调减。",
        "被起诉时不要回避：按时应诉，核对欠款构成，对不合理的费用提出异议。可以拨打 12348 法律服务热线或申请法律援助，也可以咨询律师。",
      ],
      en: [
        "In private lending, interest above 4 times the one-year LPR at the contract date is not protected by law, and overdue interest, late fees and other charges combined are capped the same way. Licensed lenders (banks, consumer-finance companies) are outside that rule, but courts may reduce excessive credit-card interest, compound interest, late fees and charges.",
        "If you are sued, do not ignore it: respond on time, check how the claimed amount is made up and dispute unreasonable charges. The 12348 legal-service hotline and legal aid can help, or consult a lawyer.",
      ],
    },
  },
  {
    id: "fakeSms",
    title: { zh: "识别假冒“法院”短信", en: "Recognise fake “court” messages" },
    body: {
      zh: [
        "“即将立案”“明天上门执行”“已冻结财产”之类的短信，常常是催收施压甚至诈骗。法院不会通过短信要求你向个人账户转账。",
        "核实时不要用短信里的号码或链接：通过法院官方网站上的电话、12368 诉讼服务热线或中国执行信息公开网查询是否真有案件。",
      ],
      en: [
        "Messages such as “a case will be filed”, “enforcement officers will visit tomorrow” or “your assets are frozen” are often pressure from collectors or outright scams. Courts do not ask you by SMS to transfer money to a personal account.",
        "Never verify through the number or link in the message: use the phone number on the court's official website, the 12368 litigation-service hotline, or the national enforcement-information website.",
      ],
    },
  },
  {
    id: "credit",
    title: { zh: "征信会受什么影响", en: "What happens to your credit report" },
    body: {
      zh: [
        "贷款方上报不良信息前应当通知你。不良记录在欠款还清后保留 5 年。",
        "多少天后上报，各家不同，没有统一的天数；不要相信“逾期几天内一定不上征信”的说法，尽快还上或协商才是稳妥的。",
      ],
      en: [
        "A lender must notify you before reporting negative information. It stays on the report for 5 years after the debt is settled.",
        "How many days late before it is reported differs by lender; there is no fixed number. Do not rely on claims that a few days late is never reported — pay or negotiate as soon as you can.",
      ],
    },
  },
];

const BY_ID = new Map(SECTIONS.map((sct) => [sct.id, sct]));

/** The advice section each result code of the package points to (codes are stable). */
const BY_CODE = {
  // schedule / restructure
  APR_ABOVE_36: "legal", APR_ABOVE_24: "legal", APR_ABOVE_4X_LPR: "legal",
  INTEREST_FROZEN: "instalment", CHARGES_CONTINUE: "instalment", ASK_TO_WAIVE_PENALTIES: "instalment", GET_IT_IN_WRITING: "instalment",
  // overdue / cardInterest
  CHARGES_ABOVE_4X_LPR: "legal", CHARGES_ABOVE_24_PERCENT: "legal", CHARGES_ABOVE_36_PERCENT: "legal",
  GRACE_ENDING: "escalation", PAY_BY_DUE_DATE: "escalation", PAY_WITHIN_GRACE: "escalation",
  FULL_STATEMENT_INTEREST: null, PAY_IN_FULL_TO_STOP_INTEREST: null, PREPAYMENT_AFTER_PAYOFF: null, PREPAYMENT_CAPPED: null,
  FLAT_RATE_TRUE_COST: null, FEE_RATE_IS_NOT_APR: null, BALLOON_PAYMENT: "budget", UPFRONT_FEE: null, ODD_FIRST_PERIOD: null, MINIMUM_NOT_PAID: "talk",
  CONTACT_LENDER_NOW: "talk", ASK_FOR_REPAYMENT_PLAN: "instalment", ASK_PERSONALISED_INSTALMENT: "instalment",
  MAKE_A_BUDGET: "budget", CREDIT_REPORT_RISK: "credit", KEEP_COLLECTION_RECORDS: "evidence",
  BEWARE_FAKE_COURT_SMS: "fakeSms", COMPLAIN_ABUSIVE_COLLECTION: "complain", LEGAL_ACTION_POSSIBLE: "legal",
  // budget / payoff
  NO_INCOME: "talk", CAPACITY_BELOW_MINIMUMS: "instalment", SHORTFALL: "instalment",
  DTI_ABOVE_CN_GUIDANCE: "spending", DTI_HIGH: "spending", NEEDS_OVER_50: "budget", WANTS_OVER_30: "spending",
  SAVINGS_UNDER_20: "budget", SURPLUS_FOR_DEBTS: "budget", BUDGET_BELOW_MINIMUMS: "instalment", NEVER_PAID_OFF: "instalment", MINIMUM_BELOW_INTEREST: "instalment",
};

/** For codes added later: a best guess from the code's words. */
const RULES = [
  [/COURT|SMS|SCAM|FRAUD|FAKE/, "fakeSms"],
  [/EVIDENCE|RECORD|ABUS|HARASS/, "evidence"],
  [/COMPLAIN|REGULATOR/, "complain"],
  [/CREDIT_REPORT/, "credit"],
  [/INSTAL|RESTRUCT|HARDSHIP|EXTENSION|SHORTFALL|BELOW_MINIMUM|NEVER_PAID/, "instalment"],
  [/CONTACT|LENDER/, "talk"],
  [/LPR|LEGAL|ABOVE_24|ABOVE_36/, "legal"],
  [/DTI|SPEND|WANTS/, "spending"],
  [/BUDGET|SAVINGS|NEEDS/, "budget"],
  [/COLLECT|OVERDUE/, "escalation"],
];

export function adviceFor(code) {
  if (typeof code !== "string") return null;
  if (code in BY_CODE) return BY_CODE[code] ? BY_ID.get(BY_CODE[code]) : null;
  const upper = code.toUpperCase();
  for (const [re, id] of RULES) if (re.test(upper)) return BY_ID.get(id);
  return null;
}

export const section = (id) => BY_ID.get(id);
