// Cost of signing and verifying one answer with Ed25519 through WebCrypto, in one process, as the
// best of several rounds (the minimum is the figure least disturbed by the rest of the machine).
import { createKeyRing, generateSigningKey, sign, verify } from "../dist/index.js";

const ROUNDS = 5;
const CALLS = 2_000;
const key = await generateSigningKey({ keyId: "bench" });
const ring = createKeyRing([{ keyId: "bench", publicKey: key.publicKey }]);
const content = "x".repeat(2_048);

async function best(run) {
  let fastest = Number.POSITIVE_INFINITY;
  for (let round = 0; round < ROUNDS; round++) fastest = Math.min(fastest, await run());
  return fastest;
}
const record = await sign({ content, model: "gpt-4o", provider: "openai", key });
const signMs = await best(async () => {
  const started = performance.now();
  for (let index = 0; index < CALLS; index++)
    await sign({ content, model: "gpt-4o", provider: "openai", key });
  return performance.now() - started;
});
const verifyMs = await best(async () => {
  const started = performance.now();
  for (let index = 0; index < CALLS; index++) await verify({ record, content, keys: ring });
  return performance.now() - started;
});
console.log(`\n@sightline/provenance (best of ${ROUNDS} rounds, Node ${process.version}, 2 KB answer)\n`);
console.log("| step | µs per answer |");
console.log("| --- | --- |");
console.log(`| sign | ${((signMs * 1000) / CALLS).toFixed(1)} |`);
console.log(`| verify | ${((verifyMs * 1000) / CALLS).toFixed(1)} |`);
