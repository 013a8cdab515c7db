import init, { pmt } from "repayment-plan";

await init();
document.getElementById("out").textContent = JSON.stringify({
  payment: pmt({ rate: "0.004083333333333333333333333", nper: 360, pv: 1000000 }),
});
