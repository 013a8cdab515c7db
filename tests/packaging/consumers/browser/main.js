import init, { pmt, npv } from "repayment-plan";

const out = document.getElementById("out");
let early = "none";
try {
  pmt({ rate: 0, nper: 1, pv: 1 });
} catch (error) {
  early = error.code; // NOT_INITIALIZED: a clear error before init()
}
await Promise.all([init(), init()]);
await init();
out.textContent = JSON.stringify({
  early,
  payment: pmt({ rate: "0.004083333333333333333333333", nper: 360, pv: 1000000 }),
  npv: npv({ rate: "0.1", values: [-10000, 3000, 4200, 6800] }),
});
