// Drift benchmark: detection delay and false alarms of each detector and threshold mode on seeded streams,
// plus cost per observation and bytes per stream. Runs on the built dist: `pnpm bench` (builds first).
// Usage: node --expose-gc bench/drift.bench.mjs [--quick] [--only=detection|statistics|identity|refusal|cost]
import { createDriftMonitor, createSeededRandom } from "../dist/index.js";
import { runIdentityTables } from "./identity-scenarios.mjs";

const quick = process.argv.includes("--quick");
// `--only=<group>` runs one group of tables (all of them take minutes on a shared machine).
const only = process.argv.find((argument) => argument.startsWith("--only="))?.slice("--only=".length);
const stationarySeeds = quick ? 10 : 100;
const stationaryLength = 20_000;
const changeSeeds = quick ? 40 : 200;
const horizon = 3000;
const key = { provider: "openai", model: "gpt-4o", operation: "chat" };

// Base signal: mean 1000, σ 100 (so a kσ step adds 100·k). Log-normal: median e^5.5 ≈ 245 tokens, log-σ 0.9.
const gaussian = (random) => 1000 + 100 * random.normal();
const logNormal = (random) => Math.round(Math.exp(5.5 + 0.9 * random.normal()));
const mixBefore = { stop: 0.9, length: 0.07, tool_calls: 0.03 };
const mixAfter = { stop: 0.8, length: 0.12, tool_calls: 0.03, content_filter: 0.05 };

const scalarScenarios = [
  { name: "step 2σ", generate: (random, since) => gaussian(random) + (since >= 0 ? 200 : 0) },
  { name: "step 1σ", generate: (random, since) => gaussian(random) + (since >= 0 ? 100 : 0) },
  { name: "step 0.5σ", generate: (random, since) => gaussian(random) + (since >= 0 ? 50 : 0) },
  {
    name: "ramp 1σ/500",
    generate: (random, since) => gaussian(random) + (since >= 0 ? (100 * since) / 500 : 0),
  },
  { name: "σ ×2", generate: (random, since) => 1000 + (since >= 0 ? 200 : 100) * random.normal() },
  { name: "log-normal ×1.5", generate: (random, since) => logNormal(random) * (since >= 0 ? 1.5 : 1) },
];
const categoricalScenarios = [
  { name: "new finish mix", generate: (random, since) => random.pick(since >= 0 ? mixAfter : mixBefore) },
  {
    name: "refusal 2%→8%",
    generate: (random, since) => (random.next() < (since >= 0 ? 0.08 : 0.02) ? "true" : "false"),
  },
];

// Every row measures the detector on its own (`rearm: "reset"` keeps the reference, so a false alarm does not
// blind the detector for a re-baseline and the rate is the detector's own).
const scalarRows = [
  { name: "CUSUM, calibrated (default)", options: { meanDetector: "cusum", scalarDistance: "none" } },
  { name: "Page-Hinkley, calibrated", options: { meanDetector: "page_hinkley", scalarDistance: "none" } },
  { name: "PSI, calibrated, window 250 (default)", options: { meanDetector: "none" } },
  { name: "CUSUM + PSI, calibrated (defaults)", options: {} },
  {
    name: "CUSUM + PSI, calibrated, no log transform",
    options: { transform: "none" },
  },
  {
    name: "CUSUM, conventional (k=0.5, h=5)",
    options: { meanDetector: "cusum", scalarDistance: "none", thresholds: "conventional" },
  },
  {
    name: "Page-Hinkley, conventional (δ=0.005σ, λ=50σ)",
    options: { meanDetector: "page_hinkley", scalarDistance: "none", thresholds: "conventional" },
  },
  {
    name: "PSI > 0.1, window 250",
    options: { meanDetector: "none", thresholds: "conventional" },
  },
  {
    name: "baseline: PSI > 0.1, ref 1000, window 100",
    options: { meanDetector: "none", thresholds: "conventional", referenceSize: 1000, windowSize: 100 },
  },
  {
    name: "baseline: PSI > 0.1, ref 1000, window 500",
    options: { meanDetector: "none", thresholds: "conventional", referenceSize: 1000, windowSize: 500 },
  },
];
const categoricalRows = [
  { name: "Jensen-Shannon, calibrated, window 250 (default)", options: {} },
  { name: "Jensen-Shannon, calibrated, window 100", options: { windowSize: 100 } },
  { name: "Jensen-Shannon > 0.1, window 250", options: { thresholds: "conventional" } },
  { name: "Jensen-Shannon > 0.1, window 100", options: { thresholds: "conventional", windowSize: 100 } },
];

function observeOne(monitor, kind, value) {
  return kind === "scalar"
    ? monitor.observe({ key, scalars: { signal: value } })
    : monitor.observe({ key, categories: { signal: value } });
}

function countFalseAlarms({ options, kind, generate, seeds }) {
  const referenceSize = options.referenceSize ?? 500;
  let alarms = 0;
  let observations = 0;
  for (let seed = 1; seed <= seeds; seed += 1) {
    const random = createSeededRandom(100_000 + seed);
    const monitor = createDriftMonitor({ rearm: "reset", ...options });
    for (let index = 0; index < referenceSize + stationaryLength; index += 1) {
      alarms += observeOne(monitor, kind, generate(random, -1)).length;
    }
    observations += stationaryLength;
  }
  return (alarms / observations) * 10_000;
}

function measureDelays({ options, kind, generate }) {
  const referenceSize = options.referenceSize ?? 500;
  const delays = [];
  let misses = 0;
  for (let seed = 1; seed <= changeSeeds; seed += 1) {
    const random = createSeededRandom(seed);
    // The change lands at a random phase of the window, 1,000–1,499 observations after the reference.
    const changeAt = referenceSize + 1000 + Math.floor(random.next() * 500);
    const monitor = createDriftMonitor({ rearm: "reset", ...options });
    let delay;
    for (let index = 0; index < changeAt + horizon; index += 1) {
      const since = index - changeAt;
      const verdicts = observeOne(monitor, kind, generate(random, since));
      if (since >= 0 && verdicts.length > 0) {
        delay = since;
        break;
      }
    }
    if (delay === undefined) misses += 1;
    else delays.push(delay);
  }
  delays.sort((left, right) => left - right);
  const at = (share) => delays[Math.min(delays.length - 1, Math.floor(share * delays.length))];
  if (delays.length === 0) return "missed";
  const text = `${at(0.5)} / ${at(0.9)}`;
  return misses > 0 ? `${text} (${misses} missed)` : text;
}

function formatRate(rate) {
  return rate === 0 ? "0" : rate < 0.1 ? rate.toFixed(3) : rate < 10 ? rate.toFixed(2) : rate.toFixed(0);
}

function printTable({ title, columns, rows }) {
  console.log(`\n### ${title}\n`);
  console.log(`| detector | ${columns.join(" | ")} |`);
  console.log(`| --- | ${columns.map(() => "---").join(" | ")} |`);
  for (const row of rows) console.log(`| ${row.join(" | ")} |`);
}

function runDetectionTables() {
  const scalarTable = [];
  for (const row of scalarRows) {
    const cells = [row.name];
    cells.push(
      formatRate(
        countFalseAlarms({
          options: row.options,
          kind: "scalar",
          generate: gaussian,
          seeds: stationarySeeds,
        }),
      ),
    );
    cells.push(
      formatRate(
        countFalseAlarms({
          options: row.options,
          kind: "scalar",
          generate: logNormal,
          seeds: stationarySeeds / 2,
        }),
      ),
    );
    for (const scenario of scalarScenarios) {
      cells.push(measureDelays({ options: row.options, kind: "scalar", generate: scenario.generate }));
    }
    scalarTable.push(cells);
    process.stderr.write(`done: ${row.name}\n`);
  }
  printTable({
    title: `Scalar signals: false alarms per 10,000 stationary observations; delay median / p90 (observations after the change, ${changeSeeds} seeds, missed = none within ${horizon})`,
    columns: ["FA Gaussian", "FA log-normal", ...scalarScenarios.map((scenario) => scenario.name)],
    rows: scalarTable,
  });
  const categoricalTable = [];
  for (const row of categoricalRows) {
    const cells = [row.name];
    cells.push(
      formatRate(
        countFalseAlarms({
          options: row.options,
          kind: "categorical",
          generate: (random) => random.pick(mixBefore),
          seeds: stationarySeeds / 2,
        }),
      ),
    );
    for (const scenario of categoricalScenarios) {
      cells.push(measureDelays({ options: row.options, kind: "categorical", generate: scenario.generate }));
    }
    categoricalTable.push(cells);
    process.stderr.write(`done: ${row.name}\n`);
  }
  printTable({
    title: "Categorical signals (same units)",
    columns: ["FA stationary mix", ...categoricalScenarios.map((scenario) => scenario.name)],
    rows: categoricalTable,
  });
}

function fullObservation(random, keyIndex) {
  return {
    key: { ...key, feature: `feature-${keyIndex}` },
    scalars: {
      output_tokens: logNormal(random),
      input_tokens: Math.round(Math.exp(7 + 0.5 * random.normal())),
      duration: 1.5 * Math.exp(0.4 * random.normal()),
      time_to_first_chunk: 0.4 * Math.exp(0.3 * random.normal()),
      cache_hit_ratio: random.next() < 0.6 ? 0 : random.next(),
    },
    categories: {
      finish_reason: random.pick(mixBefore),
      refusal: random.next() < 0.02 ? "true" : "false",
      error_type: random.pick({ none: 0.97, timeout: 0.02, rate_limit: 0.01 }),
    },
    identity: {
      responseModel: "gpt-4o-2024-08-06",
      systemFingerprint: random.next() < 0.5 ? "fp_a" : "fp_b",
    },
  };
}

function measureHeap(build) {
  globalThis.gc?.();
  const before = process.memoryUsage().heapUsed;
  const kept = build();
  globalThis.gc?.();
  const after = process.memoryUsage().heapUsed;
  return { kept, bytes: after - before };
}

function runCostTable() {
  const random = createSeededRandom(7);
  const observations = Array.from({ length: 20_000 }, () => fullObservation(random, 0));
  const monitor = createDriftMonitor();
  for (let index = 0; index < 1000; index += 1) monitor.observe(observations[index]);
  const rounds = quick ? 5 : 25;
  const start = process.hrtime.bigint();
  for (let round = 0; round < rounds; round += 1)
    for (const observation of observations) monitor.observe(observation);
  const perObservation = Number(process.hrtime.bigint() - start) / (rounds * observations.length);
  const streams = 200;
  const warm = measureHeap(() => {
    const many = createDriftMonitor({ maxKeys: streams });
    const source = createSeededRandom(9);
    for (let index = 0; index < streams * 600; index += 1)
      many.observe(fullObservation(source, index % streams));
    return many;
  });
  const warming = measureHeap(() => {
    const many = createDriftMonitor({ maxKeys: streams });
    const source = createSeededRandom(9);
    for (let index = 0; index < streams * 499; index += 1)
      many.observe(fullObservation(source, index % streams));
    return many;
  });
  const monitoringJson = JSON.stringify(warm.kept.snapshot()).length / streams;
  const warmingJson = JSON.stringify(warming.kept.snapshot()).length / streams;
  printTable({
    title:
      "Cost (one stream key with 5 scalar + 3 categorical signals + identity, defaults, Node " +
      process.version +
      ")",
    columns: ["value"],
    rows: [
      ["ns per observation (all 8 signals)", perObservation.toFixed(0)],
      ["ns per signal", (perObservation / 8).toFixed(0)],
      ["JSON snapshot bytes per stream, monitoring", monitoringJson.toFixed(0)],
      ["JSON snapshot bytes per stream, warm-up buffer full (499 of 500)", warmingJson.toFixed(0)],
      [
        `heap bytes per stream, monitoring (${streams} streams${globalThis.gc ? "" : ", run with --expose-gc for accuracy"})`,
        (warm.bytes / streams).toFixed(0),
      ],
      [`heap bytes per stream, warm-up buffer full`, (warming.bytes / streams).toFixed(0)],
    ],
  });
}

// --- Issue 17: re-baselining, practical significance, seasonal traffic, slow ramps ---------------------------
// Each scenario uses the defaults a user gets (`rearm: "rebaseline"`) unless the row says otherwise.

function summarizeDelays(delays, misses) {
  if (delays.length === 0) return "missed";
  delays.sort((left, right) => left - right);
  const at = (share) => delays[Math.min(delays.length - 1, Math.floor(share * delays.length))];
  const text = `${at(0.5)} / ${at(0.9)}`;
  return misses > 0 ? `${text} (${misses} missed)` : `${text} (0 missed)`;
}

// A transient burst (25 calls at +2σ) raises a verdict; a lasting step follows 0–499 calls after the burst.
function measureBurstThenStep({ shift, options = {} }) {
  const delays = [];
  let misses = 0;
  for (let seed = 1; seed <= changeSeeds; seed += 1) {
    const random = createSeededRandom(seed);
    const monitor = createDriftMonitor(options);
    const burstAt = 500 + 1000;
    const stepAt = burstAt + 25 + Math.floor(random.next() * 500);
    let delay;
    for (let index = 0; index < stepAt + horizon; index += 1) {
      const burst = index >= burstAt && index < burstAt + 25 ? 200 : 0;
      const value = gaussian(random) + burst + (index >= stepAt ? 100 * shift : 0);
      const verdicts = monitor.observe({ key, scalars: { signal: value } });
      if (index >= stepAt && verdicts.length > 0) {
        delay = index - stepAt;
        break;
      }
    }
    if (delay === undefined) misses += 1;
    else delays.push(delay);
  }
  return summarizeDelays(delays, misses);
}

// A fast loopback: about 2 ms a call, the JIT still warming for a few hundred calls after the 10 skipped ones.
const loopbackDuration = (random, index) =>
  (0.002 + 0.0012 * Math.exp(-index / 300)) * Math.exp(0.2 * random.normal());

// Latency with a ±15% daily cycle: 4,000 calls a day (21.6 s apart), log-normal around 1.5 s.
const callsPerDay = 4000;
const dayMilliseconds = 86_400_000;
const cyclicDuration = (random, index, factor = 1) =>
  factor * 1.5 * Math.exp(0.4 * random.normal()) * (1 + 0.15 * Math.sin((2 * Math.PI * index) / callsPerDay));
const flatDuration = (random, _index, factor = 1) => factor * 1.5 * Math.exp(0.4 * random.normal());

function countScenarioAlarms({ options, seeds, length, generate }) {
  let alarms = 0;
  let observations = 0;
  for (let seed = 1; seed <= seeds; seed += 1) {
    const random = createSeededRandom(200_000 + seed);
    const monitor = createDriftMonitor(options);
    for (let index = 0; index < length; index += 1) {
      const timestamp = (index * dayMilliseconds) / callsPerDay;
      alarms += monitor.observe({ key, timestamp, scalars: { duration: generate(random, index) } }).length;
    }
    observations += length;
  }
  return (alarms / observations) * 10_000;
}

// A ×1.2 latency step (about 0.45σ of the log) landing 2–3 days in, once every row's detectors are armed.
function measureLatencyStep({ options, generate }) {
  const delays = [];
  let misses = 0;
  for (let seed = 1; seed <= changeSeeds; seed += 1) {
    const random = createSeededRandom(seed);
    const changeAt = 2 * callsPerDay + Math.floor(random.next() * callsPerDay);
    const monitor = createDriftMonitor(options);
    let delay;
    for (let index = 0; index < changeAt + horizon; index += 1) {
      const timestamp = (index * dayMilliseconds) / callsPerDay;
      const value = generate(random, index, index >= changeAt ? 1.2 : 1);
      const verdicts = monitor.observe({ key, timestamp, scalars: { duration: value } });
      if (index >= changeAt && verdicts.length > 0) {
        delay = index - changeAt;
        break;
      }
    }
    if (delay === undefined) misses += 1;
    else delays.push(delay);
  }
  return summarizeDelays(delays, misses);
}

// Kolmogorov-Smirnov comparison: the reference's 500 values against tumbling windows of 250, p < 0.01.
function kolmogorovPValue(distance, referenceCount, windowCount) {
  const effective = (referenceCount * windowCount) / (referenceCount + windowCount);
  const lambda = (Math.sqrt(effective) + 0.12 + 0.11 / Math.sqrt(effective)) * distance;
  let sum = 0;
  for (let term = 1; term < 100; term += 1)
    sum += 2 * (-1) ** (term - 1) * Math.exp(-2 * term * term * lambda * lambda);
  return Math.max(0, Math.min(1, sum));
}

function kolmogorovDistance(sortedLeft, sortedRight) {
  let left = 0;
  let right = 0;
  let distance = 0;
  while (left < sortedLeft.length && right < sortedRight.length) {
    const value = Math.min(sortedLeft[left], sortedRight[right]);
    while (left < sortedLeft.length && sortedLeft[left] <= value) left += 1;
    while (right < sortedRight.length && sortedRight[right] <= value) right += 1;
    distance = Math.max(distance, Math.abs(left / sortedLeft.length - right / sortedRight.length));
  }
  return distance;
}

function createWindowedKolmogorov() {
  const reference = [];
  let window = [];
  return (value) => {
    if (reference.length < 500) {
      reference.push(value);
      if (reference.length === 500) reference.sort((left, right) => left - right);
      return false;
    }
    window.push(value);
    if (window.length < 250) return false;
    const sorted = window.sort((left, right) => left - right);
    window = [];
    return kolmogorovPValue(kolmogorovDistance(reference, sorted), 500, 250) < 0.01;
  };
}

// EWMA chart (λ = 0.01, limit 3.7 standard deviations of the statistic, reference-error included): the
// classic detector for small gradual shifts, measured as the candidate "trend detector" (not shipped).
function createExponentialAverage() {
  const reference = [];
  let mean = 0;
  let std = 1;
  let average = 0;
  const smoothing = 0.01;
  const limit = 3.7 * Math.sqrt(smoothing / (2 - smoothing) + 1 / 500);
  return (value) => {
    if (reference.length < 500) {
      reference.push(value);
      if (reference.length === 500) {
        mean = reference.reduce((sum, item) => sum + item, 0) / 500;
        std = Math.sqrt(reference.reduce((sum, item) => sum + (item - mean) ** 2, 0) / 499);
      }
      return false;
    }
    const standardized = Math.max(-4, Math.min(4, (value - mean) / std));
    average = (1 - smoothing) * average + smoothing * standardized;
    if (Math.abs(average) <= limit) return false;
    average = 0;
    return true;
  };
}

const rampTo1SigmaOver2000 = (random, since) =>
  gaussian(random) + (since >= 0 ? 100 * Math.min(1, since / 2000) : 0);

function measureDetectorFunction({ create, generate, seeds, length, changeAt }) {
  const delays = [];
  let misses = 0;
  let alarms = 0;
  for (let seed = 1; seed <= seeds; seed += 1) {
    const random = createSeededRandom(changeAt ? seed : 100_000 + seed);
    const detect = create();
    const change = changeAt ? 500 + 1000 + Math.floor(random.next() * 500) : Number.POSITIVE_INFINITY;
    let delay;
    for (let index = 0; index < (changeAt ? change + horizon : 500 + length); index += 1) {
      const since = index - change;
      const fired = detect(generate(random, since));
      if (fired && since < 0) alarms += 1;
      if (fired && since >= 0) {
        delay = since;
        break;
      }
    }
    if (delay === undefined) misses += 1;
    else delays.push(delay);
  }
  return changeAt ? summarizeDelays(delays, misses) : (alarms / (seeds * length)) * 10_000;
}

function runStatisticsScenarios() {
  const rows = [];
  for (const shift of [0.5, 1]) {
    rows.push([
      `false alarm (25-call +2σ burst) then a +${shift}σ step 0–499 calls later`,
      "defaults",
      "",
      measureBurstThenStep({ shift }),
    ]);
  }
  const stationaryOptions = quick ? 5 : 20;
  rows.push([
    "loopback warm-up (2 ms calls, JIT warming after the 10 skipped)",
    "defaults, warmupSize 10, minimum effect off",
    formatRate(
      countScenarioAlarms({
        options: { warmupSize: 10, minimumEffect: { duration: { relative: 0, absolute: 0 } } },
        seeds: stationaryOptions,
        length: 20_000,
        generate: loopbackDuration,
      }),
    ),
    "",
  ]);
  rows.push([
    "loopback warm-up (2 ms calls, JIT warming after the 10 skipped)",
    "defaults, warmupSize 10 (minimum effect 3% and 5 ms)",
    formatRate(
      countScenarioAlarms({
        options: { warmupSize: 10 },
        seeds: stationaryOptions,
        length: 20_000,
        generate: loopbackDuration,
      }),
    ),
    "",
  ]);
  const seasonal = { seasonalPeriodMilliseconds: dayMilliseconds };
  for (const [name, generate] of [
    ["±15% daily cycle", cyclicDuration],
    ["no cycle", flatDuration],
  ]) {
    for (const [label, options] of [
      ["defaults", {}],
      ["seasonal (1 day, 24 phases)", seasonal],
    ]) {
      rows.push([
        `latency, ${name}: FA over 10 days; ×1.2 step 2–3 days in`,
        label,
        formatRate(
          countScenarioAlarms({ options, seeds: stationaryOptions / 2, length: 10 * callsPerDay, generate }),
        ),
        measureLatencyStep({ options, generate }),
      ]);
    }
  }
  const rampRows = [
    [
      "CUSUM + PSI (defaults, rearm reset)",
      () => {
        const monitor = createDriftMonitor({ rearm: "reset" });
        return (value) => monitor.observe({ key, scalars: { signal: value } }).length > 0;
      },
    ],
    ["windowed Kolmogorov-Smirnov, 250, p < 0.01", createWindowedKolmogorov],
    ["EWMA λ=0.01, 3.7σ (measured, not shipped)", createExponentialAverage],
  ];
  for (const [label, create] of rampRows) {
    rows.push([
      "ramp to +1σ over 2,000 calls",
      label,
      formatRate(
        measureDetectorFunction({ create, generate: gaussian, seeds: stationarySeeds / 5, length: 50_000 }),
      ),
      measureDetectorFunction({ create, generate: rampTo1SigmaOver2000, seeds: changeSeeds, changeAt: true }),
    ]);
  }
  for (const [name, generate] of [
    ["Gaussian", gaussian],
    ["log-normal", logNormal],
  ]) {
    for (const [label, signal] of [
      ["unnamed signal (no minimum effect)", "signal"],
      ["output_tokens (minimum effect 3%, 5 tokens)", "output_tokens"],
    ]) {
      let alarms = 0;
      for (let seed = 1; seed <= stationarySeeds / 5; seed += 1) {
        const random = createSeededRandom(300_000 + seed);
        const monitor = createDriftMonitor();
        for (let index = 0; index < 500 + 50_000; index += 1)
          alarms += monitor.observe({ key, scalars: { [signal]: generate(random) } }).length;
      }
      rows.push([
        `stationary ${name}`,
        `defaults (rearm rebaseline), ${label}`,
        formatRate((alarms / ((stationarySeeds / 5) * 50_000)) * 10_000),
        "",
      ]);
    }
  }
  console.log("\n### Issue 17 scenarios\n");
  console.log("| scenario | settings | FA per 10k | delay median / p90 |");
  console.log("| --- | --- | --- | --- |");
  for (const row of rows) console.log(`| ${row.join(" | ")} |`);
}

// Refusal rate from provider fields (issue 17): each call carries the provider's own refusal outcome (content
// capture off), fed as core's drift finisher feeds it (`refusal: "yes" | "no"`), to a monitor with core's default
// options (plus `rearm: "reset"`, as in every false-alarm count here, so a false alarm is never absorbed). The
// Jensen-Shannon rows watch the signal under another name, so the rate detector stays out of them; the rate
// detector row counts only its own verdicts; the last row is core's default monitor on `refusal` (both).
// The rate detector's threshold comes from its design (falseAlarmRate, the reference's size), not these streams.
const refusalBefore = 0.02;
const refusalAfter = 0.06;
const refusalSmallAfter = 0.04;
const refusalRows = [
  {
    name: "Jensen-Shannon, window 250 (core's default monitor before the rate detector)",
    options: { warmupSize: 10 },
    signal: "refusal_flag",
  },
  {
    name: "Jensen-Shannon, window 100",
    options: { warmupSize: 10, windowSize: 100 },
    signal: "refusal_flag",
  },
  {
    name: "Jensen-Shannon, window 500",
    options: { warmupSize: 10, windowSize: 500 },
    signal: "refusal_flag",
  },
  {
    name: "Bernoulli CUSUM ×3 (`bernoulli_cusum` verdicts only)",
    options: { warmupSize: 10 },
    signal: "refusal",
    detector: "bernoulli_cusum",
  },
  {
    name: "core's default monitor on `refusal` (both detectors)",
    options: { warmupSize: 10 },
    signal: "refusal",
  },
];

function observeRefusal(monitor, row, flag) {
  const verdicts = monitor.observe({ key, categories: { [row.signal]: flag } });
  return row.detector === undefined
    ? verdicts
    : verdicts.filter((verdict) => verdict.detector === row.detector);
}

function countRefusalAlarms({ row, rate }) {
  const referenceSize = row.options.referenceSize ?? 500;
  let alarms = 0;
  let observations = 0;
  for (let seed = 1; seed <= stationarySeeds; seed += 1) {
    const random = createSeededRandom(100_000 + seed);
    const monitor = createDriftMonitor({ rearm: "reset", ...row.options });
    for (let index = 0; index < referenceSize + stationaryLength; index += 1) {
      alarms += observeRefusal(monitor, row, random.next() < rate ? "yes" : "no").length;
    }
    observations += stationaryLength;
  }
  return (alarms / observations) * 10_000;
}

function measureRefusalDelays({ row, after }) {
  const referenceSize = row.options.referenceSize ?? 500;
  const delays = [];
  let misses = 0;
  for (let seed = 1; seed <= changeSeeds; seed += 1) {
    const random = createSeededRandom(seed);
    const changeAt = referenceSize + 1000 + Math.floor(random.next() * 500);
    const monitor = createDriftMonitor({ rearm: "reset", ...row.options });
    let delay;
    for (let index = 0; index < changeAt + horizon; index += 1) {
      const since = index - changeAt;
      const flag = random.next() < (since >= 0 ? after : refusalBefore) ? "yes" : "no";
      if (observeRefusal(monitor, row, flag).length > 0 && since >= 0) {
        delay = since;
        break;
      }
    }
    if (delay === undefined) misses += 1;
    else delays.push(delay);
  }
  return summarizeDelays(delays, misses);
}

function runRefusalTable() {
  const rows = [];
  for (const row of refusalRows) {
    rows.push([
      row.name,
      ...[0.005, refusalBefore, 0.1].map((rate) => formatRate(countRefusalAlarms({ row, rate }))),
      measureRefusalDelays({ row, after: refusalAfter }),
      measureRefusalDelays({ row, after: refusalSmallAfter }),
    ]);
    process.stderr.write(`done: ${row.name}\n`);
  }
  printTable({
    title: `Refusal rate from provider fields (every call labelled, content capture off; FA per 10k over ${stationarySeeds} × ${stationaryLength} calls, delays median / p90 over ${changeSeeds} seeds, horizon ${horizon})`,
    columns: [
      "FA stationary 0.5%",
      "FA stationary 2%",
      "FA stationary 10%",
      `refusal 2%→${refusalAfter * 100}%`,
      `refusal 2%→${refusalSmallAfter * 100}%`,
    ],
    rows,
  });
}

const started = Date.now();
console.log(`## Sightline drift benchmark${quick ? " (quick)" : ""}`);
if (only === undefined || only === "detection") runDetectionTables();
if (only === undefined || only === "statistics") runStatisticsScenarios();
if (only === undefined || only === "identity") runIdentityTables({ quick, printTable, formatRate });
if (only === undefined || only === "refusal") runRefusalTable();
if (only === undefined || only === "cost") runCostTable();
console.log(
  `\n_${((Date.now() - started) / 1000).toFixed(0)} s; seeded, so every run prints the same detection numbers._`,
);
