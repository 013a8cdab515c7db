// A Node.js ES module consumer: no manual wasm loading.
import init, { pmt, irr, version } from "repayment-plan";

await init(); // optional in Node, idempotent
const payment = pmt({ rate: "0.004083333333333333333333333", nper: 360, pv: 1000000 });
let code = null;
try {
  irr({ values: [1, 2, 3] });
} catch (error) {
  code = `${error.name}:${error.code}`;
}
console.log(JSON.stringify({ payment, code, version: version() }));
