// Sightline's per-call overhead against the raw @google/genai client. Every measurement runs in a fresh
// process that alternates batches through a raw and a wrapped client (same case, same transport),
// so machine noise lands on both alike; the figures are medians over batches, then over processes.
// Two transports: loopback HTTP to the mock server, and an in-process fetch replaying the same
// bytes without a socket (the only way to see microseconds on a noisy 2-core machine). The wrapped
// client has every feature on: spans through a batch processor, metrics, cost and drift.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const quick = process.argv.includes("--quick");
const processes = quick ? 2 : 5;
const runner = fileURLToPath(new URL("./run-case.mjs", import.meta.url));
const STREAM_EVENTS = 51; // 50 text chunks + the finishing chunk with usage
const plan = [
  { caseName: "generate", calls: quick ? 600 : 3000, unit: "call", perCall: 1 },
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
    const runs = Array.from({ length: processes }, () =>
      JSON.parse(
        execFileSync(process.execPath, [runner, caseName, transport, String(calls)], {
          encoding: "utf8",
        }).trim(),
      ),
    );
    const figure = (part, clock) => median(runs.map((run) => run[part][clock]));
    const raw = figure("raw", "wall");
    const extraWall = figure("extra", "wall");
    rows.push({
      transport,
      caseName,
      raw,
      wrapped: raw + extraWall,
      extraWall,
      extraCpu: figure("extra", "cpu"),
      perCall,
      unit,
      peakRssMegabytes: median(runs.map((run) => run.peakRssMegabytes)),
    });
  }
}

const format = (value, digits = 1) => value.toFixed(digits);
console.log(
  `\nSightline overhead vs the raw @google/genai client (medians; ${processes} fresh processes × 100 paired batches; Node ${process.version})\n`,
);
console.log(
  "| transport | case | raw µs/call | wrapped µs/call | ratio | extra wall µs/call | extra CPU µs/call | extra per unit (wall) |",
);
console.log("| --- | --- | --- | --- | --- | --- | --- | --- |");
for (const row of rows) {
  console.log(
    `| ${row.transport} | ${row.caseName} | ${format(row.raw)} | ${format(row.wrapped)} | ${format(row.wrapped / row.raw, 3)} | ${format(row.extraWall)} | ${format(row.extraCpu)} | ${format(row.extraWall / row.perCall, 2)} µs/${row.unit} |`,
  );
}
const peaks = rows.map((row) => row.peakRssMegabytes);
console.log(
  `\nPeak RSS of a measuring process (both clients, ${plan[0].calls} calls each): ${format(Math.min(...peaks))}–${format(Math.max(...peaks))} MB.`,
);
console.log(
  "Targets (in-process, everything on): ≤ +25 µs per generate call and per embeddings call, ≤ +1 µs per stream chunk.",
);
