// A Node.js CommonJS consumer.
const { pmt, npv, init } = require("repayment-plan");

init().then(() => {
  console.log(JSON.stringify({
    payment: pmt({ rate: 0, nper: 12, pv: 1200 }),
    npv: npv({ rate: "0.1", values: [-10000, 3000, 4200, 6800] }),
    sameAsEsm: typeof require("repayment-plan/package.json").version === "string",
  }));
});
