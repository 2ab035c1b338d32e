// Cost of redaction per KB of captured content, with every built-in detector on, in one process,
// as the best of several rounds (the minimum is the figure least disturbed by a shared machine).
// Run after `pnpm exec tsup`: node bench/redaction.bench.mjs
import { createRedactor } from "../dist/index.js";

const ROUNDS = 7;
const redactor = createRedactor();
const prose =
  "Thanks for reaching out about your order. The package left our warehouse on Tuesday and should " +
  "arrive within three to five working days; you can follow it on the tracking page. If anything is " +
  "missing, reply to this message with a photo of the label and we will sort it out quickly. ";
const withFindings =
  "Please contact jane.doe@example.com or +44 20 7946 0958. Card 4111 1111 1111 1111, IBAN " +
  "DE89 3704 0044 0532 0130 00, server 10.0.0.12, key sk-proj-abcdefghijklmnopqrstuvwxyz0123456789. ";

function textOf(kilobytes, sample) {
  let text = "";
  while (text.length < kilobytes * 1024) text += sample;
  return text.slice(0, kilobytes * 1024);
}
function best(run) {
  let fastest = Number.POSITIVE_INFINITY;
  for (let round = 0; round < ROUNDS; round++) fastest = Math.min(fastest, run());
  return fastest;
}
function perKilobyte(text) {
  const iterations = Math.max(20, Math.round(2_000 / (text.length / 1024)));
  const ms = best(() => {
    const started = performance.now();
    for (let index = 0; index < iterations; index++) redactor.redact(text);
    return performance.now() - started;
  });
  return (ms * 1000) / iterations / (text.length / 1024);
}

console.log(`\nRedaction cost, all built-in detectors (best of ${ROUNDS} rounds, Node ${process.version})\n`);
console.log("| content | µs per KB |");
console.log("| --- | --- |");
for (const [label, text] of [
  ["1 KB prose, nothing to redact", textOf(1, prose)],
  ["16 KB prose, nothing to redact", textOf(16, prose)],
  ["1 KB with ~6 findings per 300 chars", textOf(1, prose.slice(0, 100) + withFindings)],
  ["16 KB with findings throughout", textOf(16, prose.slice(0, 100) + withFindings)],
]) {
  console.log(`| ${label} | ${perKilobyte(text).toFixed(1)} |`);
}
