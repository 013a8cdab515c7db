export default { logLevel: "warn", build: { outDir: "dist", target: "es2022" } };
