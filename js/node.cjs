// Node.js CommonJS entry: the wasm-bindgen nodejs glue loads the module synchronously with fs,
// so every function works right after require(). init() exists so code can be shared with browsers.
"use strict";
const glue = require("./node/repayment_plan.js");

const ready = Promise.resolve();
function init() {
  return ready;
}
function initSync() {}

module.exports = { ...glue, init, initSync, default: init };
