// Sightline's per-call overhead against the raw openai client. Every measurement runs in a fresh
// process with one client, as an app has; raw and wrapped processes alternate, so drifting machine
// load lands on both alike; the figures are medians over the processes of each variant. Two
// transports: loopback HTTP to the mock server, and an in-process fetch replaying the same bytes
// without a socket (the only way to see microseconds on a noisy 2-core machine). The wrapped
// client has every feature on: spans, metrics, cost and drift.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const quick = process.argv.includes("--quick");
const processes = quick ? 2 : 7;
const runner = fileURLToPath(new URL("./run-case.mjs", import.meta.url));
const STREAM_EVENTS = 53; // 50 content chunks + role, finish and usage chunks
const plan = [
  { caseName: "chat", calls: quick ? 600 : 3000, unit: "call", perCall: 1 },
  { caseName: "embeddings", calls: quick ? 600 : 3000, unit: "call", perCall: 1 },
  { caseName: "stream", calls: quick ? 200 : 1000, unit: "chunk", perCall: STREAM_EVENTS },
];
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const rows = [];
for (const transport of ["in-process", "http"]) {
  for (const { caseName, calls, unit, perCall } of plan) {
    const runs = { raw: [], wrapped: [] };
    for (let round = 0; round < processes; round++) {
      for (const variant of round % 2 ? ["wrapped", "raw"] : ["raw", "wrapped"]) {
        const output = execFileSync(process.execPath, [runner, variant, caseName, transport, String(calls)], {
          encoding: "utf8",
        });
        runs[variant].push(JSON.parse(output.trim()));
      }
    }
    const figure = (variant, field) => median(runs[variant].map((run) => run[field]));
    const raw = figure("raw", "wall");
    const wrapped = figure("wrapped", "wall");
    rows.push({
      transport,
      caseName,
      raw,
      wrapped,
      extraWall: wrapped - raw,
      extraCpu: figure("wrapped", "cpu") - figure("raw", "cpu"),
      extraRss: figure("wrapped", "peakRssMegabytes") - figure("raw", "peakRssMegabytes"),
      perCall,
      unit,
    });
  }
}

const format = (value, digits = 1) => value.toFixed(digits);
console.log(`\nSightline overhead vs the raw openai client (medians of ${processes} fresh processes per variant, alternating; Node ${process.version})\n`);
console.log("| transport | case | raw µs/call | wrapped µs/call | ratio | extra wall µs/call | extra CPU µs/call | extra per unit (wall) | extra peak RSS |");
console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
for (const row of rows) {
  console.log(
    `| ${row.transport} | ${row.caseName} | ${format(row.raw)} | ${format(row.wrapped)} | ${format(row.wrapped / row.raw, 3)} | ${format(row.extraWall)} | ${format(row.extraCpu)} | ${format(row.extraWall / row.perCall, 2)} µs/${row.unit} | ${format(row.extraRss)} MB |`,
  );
}
console.log("\nTargets (in-process, everything on): ≤ +25 µs per plain call and per embeddings call, ≤ +1 µs per stream chunk, ≤ +10 MB peak memory.");
console.log("CPU includes V8's parallel GC threads, so it can exceed wall time.");
