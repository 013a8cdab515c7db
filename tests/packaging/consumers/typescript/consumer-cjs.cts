// The CommonJS side of the types (resolved through the "require" condition).
import lib = require("repayment-plan");
const payment: string = lib.pmt({ rate: 0, nper: 12, pv: 1200 });
export = payment;
