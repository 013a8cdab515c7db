// The built package, as Node's ESM entry (tests run after scripts/build.sh).
export * from "../../pkg/node.mjs";
export { default } from "../../pkg/node.mjs";
