#!/usr/bin/env bash
# Writes a seed corpus for the api_json target from the shared reference fixtures.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p corpus/api_json
node -e '
const fs = require("fs");
let n = 0;
for (const f of fs.readdirSync("../tests/fixtures").filter((f) => f.endsWith(".json"))) {
  for (const c of JSON.parse(fs.readFileSync("../tests/fixtures/" + f, "utf8"))) {
    fs.writeFileSync(`corpus/api_json/${f}-${n++}`, `${c.function}\n${JSON.stringify(c.input)}`);
  }
}
console.log(`${n} seeds`);
'
