// Drift benchmark, identity and key-bound scenarios: fingerprint pools, a cross-family reroute and more keys
// than the monitor's bound. Imported by drift.bench.mjs; `--only=identity` runs these tables alone.
import { createDriftMonitor, createSeededRandom } from "../dist/index.js";

const key = { provider: "openai", model: "gpt-4o", operation: "chat" };
const logNormal = (random) => Math.round(Math.exp(5.5 + 0.9 * random.normal()));

function percentiles(delays) {
  delays.sort((left, right) => left - right);
  const at = (share) => delays[Math.min(delays.length - 1, Math.floor(share * delays.length))];
  return delays.length === 0 ? "–" : `${at(0.5)} / ${at(0.9)}`;
}

function pool(name, size) {
  return Array.from({ length: size }, (_, index) => `fp_${name}${index}`);
}

function draw(values, { order, random, index }) {
  return order === "round-robin"
    ? values[index % values.length]
    : values[Math.floor(random.next() * values.length)];
}

// One pool row: false alarms per 10,000 steady calls (every verdict of the fingerprint: new-pool model changes
// and mix drift), then a switch to a new pool of the same size: calls until the model change, misses.
function measurePool({ size, order, seeds, restartEvery }) {
  let alarms = 0;
  let calls = 0;
  const steady = 10_000;
  for (let seed = 1; seed <= seeds; seed += 1) {
    const random = createSeededRandom(500 + seed);
    const values = pool(`s${seed}_`, size);
    let monitor = createDriftMonitor();
    for (let index = 0; index < steady; index += 1) {
      if (restartEvery !== undefined && index % restartEvery === 0) monitor = createDriftMonitor();
      const systemFingerprint = draw(values, { order, random, index });
      alarms += monitor.observe({ key, identity: { systemFingerprint } }).length;
    }
    calls += steady;
  }
  const delays = [];
  let misses = 0;
  const changeSeeds = restartEvery === undefined ? 200 : 0;
  for (let seed = 1; seed <= changeSeeds; seed += 1) {
    const random = createSeededRandom(seed);
    const before = pool("a", size);
    const after = pool("b", size);
    const monitor = createDriftMonitor();
    const changeAt = 1000 + Math.floor(random.next() * 500);
    let delay;
    for (let index = 0; index < changeAt + 1000 && delay === undefined; index += 1) {
      const since = index - changeAt;
      const systemFingerprint = draw(since >= 0 ? after : before, { order, random, index });
      const verdicts = monitor.observe({ key, identity: { systemFingerprint } });
      if (since >= 0 && verdicts.some((verdict) => verdict.kind === "model_change")) delay = since;
    }
    if (delay === undefined) misses += 1;
    else delays.push(delay);
  }
  return { falseAlarms: (alarms / calls) * 10_000, delays: percentiles(delays), misses, changeSeeds };
}

// The same pool of 9, but one backend goes from a ninth of the traffic to 40%: no new pool, a new mix.
function measureMixShift() {
  const delays = [];
  let misses = 0;
  const values = pool("a", 9);
  for (let seed = 1; seed <= 200; seed += 1) {
    const random = createSeededRandom(seed);
    const monitor = createDriftMonitor();
    const changeAt = 1000 + Math.floor(random.next() * 500);
    let delay;
    for (let index = 0; index < changeAt + 3000 && delay === undefined; index += 1) {
      const since = index - changeAt;
      const skewed = since >= 0 && random.next() < 0.325;
      const systemFingerprint = skewed ? values[0] : draw(values, { order: "random", random, index });
      const verdicts = monitor.observe({ key, identity: { systemFingerprint } });
      if (since >= 0 && verdicts.length > 0) delay = since;
    }
    if (delay === undefined) misses += 1;
    else delays.push(delay);
  }
  return {
    falseAlarms: Number.NaN,
    delays: percentiles(delays),
    misses,
    changeSeeds: 200,
    note: "drift of system_fingerprint (Jensen-Shannon)",
  };
}

// A gateway serves gpt-4o-mini for gpt-4o requests: new response model and fingerprint pool, answers 40% shorter.
function rerouteObservation(random, { rerouted }) {
  return {
    key,
    scalars: { output_tokens: Math.round(logNormal(random) * (rerouted ? 0.6 : 1)) },
    categories: { finish_reason: random.next() < 0.95 ? "stop" : "length" },
    identity: {
      responseModel: rerouted ? "gpt-4o-mini-2024-07-18" : "gpt-4o-2024-08-06",
      systemFingerprint: rerouted
        ? `fp_mini${Math.floor(random.next() * 3)}`
        : `fp_4o${Math.floor(random.next() * 3)}`,
    },
  };
}

function measureReroute({ seeds }) {
  let alarms = 0;
  let calls = 0;
  for (let seed = 1; seed <= seeds; seed += 1) {
    const random = createSeededRandom(900 + seed);
    const monitor = createDriftMonitor({ rearm: "reset" });
    for (let index = 0; index < 10_500; index += 1) {
      const verdicts = monitor.observe(rerouteObservation(random, { rerouted: false }));
      if (index >= 500) alarms += verdicts.length;
    }
    calls += 10_000;
  }
  const delays = [];
  let misses = 0;
  for (let seed = 1; seed <= 200; seed += 1) {
    const random = createSeededRandom(seed);
    const monitor = createDriftMonitor();
    const changeAt = 1000 + Math.floor(random.next() * 500);
    let delay;
    for (let index = 0; index < changeAt + 1000 && delay === undefined; index += 1) {
      const since = index - changeAt;
      const verdicts = monitor.observe(rerouteObservation(random, { rerouted: since >= 0 }));
      if (since >= 0 && verdicts.some((verdict) => verdict.kind === "model_change")) delay = since;
    }
    if (delay === undefined) misses += 1;
    else delays.push(delay);
  }
  return { falseAlarms: (alarms / calls) * 10_000, delays: percentiles(delays), misses, changeSeeds: 200 };
}

// 500 features share traffic round-robin under the default bound of 256 keys. Steady: 1,000 calls per key
// after the references; then every key's answers get 1σ longer (Gaussian, so σ is the key's own noise).
// Delay: the key's own calls after the change until a verdict on its stream (own or parent).
function measureManyKeys({ keys, seeds }) {
  const referenceCalls = 500;
  const steadyCalls = 1000;
  const horizon = 1000;
  let alarms = 0;
  let calls = 0;
  const delays = [];
  let misses = 0;
  let monitoredKeys = 0;
  let rolledUpShare = 0;
  for (let seed = 1; seed <= seeds; seed += 1) {
    const random = createSeededRandom(1_300 + seed);
    const monitor = createDriftMonitor({ rearm: "reset" });
    const firstVerdict = new Map();
    const changeRound = referenceCalls + steadyCalls;
    for (let round = 0; round < changeRound + horizon; round += 1) {
      for (let index = 0; index < keys; index += 1) {
        const shift = round >= changeRound ? 100 : 0;
        const verdicts = monitor.observe({
          key: { ...key, feature: `feature-${index}` },
          scalars: { output_tokens: 1000 + shift + 100 * random.normal() },
        });
        if (round >= referenceCalls && round < changeRound) {
          alarms += verdicts.length;
          calls += 1;
        }
        if (round >= changeRound && verdicts.length > 0) {
          const stream = verdicts[0].key.feature ?? "(parent)";
          if (!firstVerdict.has(stream)) firstVerdict.set(stream, round - changeRound);
        }
      }
    }
    const streams = monitor.snapshot().streams.map((stream) => stream.key.feature ?? "(parent)");
    monitoredKeys += streams.length;
    const stats = monitor.stats();
    rolledUpShare += stats.rolledUpCalls / ((changeRound + horizon) * keys);
    for (const stream of streams) {
      const delay = firstVerdict.get(stream);
      if (delay === undefined) misses += 1;
      else delays.push(delay);
    }
  }
  return {
    falseAlarms: (alarms / calls) * 10_000,
    delays: percentiles(delays),
    misses,
    changeSeeds: monitoredKeys,
    note: `${(monitoredKeys / seeds).toFixed(0)} streams, ${((100 * rolledUpShare) / seeds).toFixed(0)}% of calls rolled into the parent`,
  };
}

/** Prints the identity and key-bound tables with the shared table helpers of drift.bench.mjs. */
export function runIdentityTables({ quick, printTable, formatRate }) {
  const seeds = quick ? 5 : 20;
  const rows = [];
  const add = (name, result) => {
    rows.push([
      name,
      Number.isNaN(result.falseAlarms) ? "(as above)" : formatRate(result.falseAlarms),
      result.delays,
      result.changeSeeds === 0 ? "–" : `${result.misses} of ${result.changeSeeds}`,
      result.note ?? "",
    ]);
    process.stderr.write(`done: ${name}\n`);
  };
  add("fingerprint pool of 1", measurePool({ size: 1, order: "random", seeds }));
  add("fingerprint pool of 9, round-robin", measurePool({ size: 9, order: "round-robin", seeds }));
  add("fingerprint pool of 9, random", measurePool({ size: 9, order: "random", seeds }));
  add("fingerprint pool of 30, round-robin", measurePool({ size: 30, order: "round-robin", seeds }));
  add("fingerprint pool of 30, random", measurePool({ size: 30, order: "random", seeds }));
  add("fingerprint pool of 9, one member 11% → 40% of calls", measureMixShift());
  add(
    "fingerprint pool of 9, fresh process every 1,000 calls (no snapshot)",
    measurePool({ size: 9, order: "random", seeds, restartEvery: 1000 }),
  );
  add("reroute gpt-4o → gpt-4o-mini (all signals)", measureReroute({ seeds }));
  add("500 keys round-robin, step 1σ on every key", measureManyKeys({ keys: 500, seeds: quick ? 1 : 3 }));
  printTable({
    title:
      "Identity and many keys: false alarms per 10,000 steady calls; delay median / p90 (calls after the change until the first model change, or for many keys the key's own calls until a verdict on its stream); misses",
    columns: ["FA per 10k", "delay", "missed", "note"],
    rows,
  });
}
