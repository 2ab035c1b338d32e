import { beforeAll, describe } from "vitest";
import { registerContentCases } from "./register-content-cases.js";
import { registerCostAndDriftCases } from "./register-cost-and-drift-cases.js";
import { registerErrorCases } from "./register-error-cases.js";
import { registerMetricCases } from "./register-metric-cases.js";
import { registerSemconvCases } from "./register-semconv-cases.js";
import { registerSpanTreeCases } from "./register-span-tree-cases.js";
import { registerStreamCases } from "./register-stream-cases.js";
import { registerTransparencyCases } from "./register-transparency-cases.js";
import type { ProviderConformanceAdapter } from "./types.js";
import { type ConformanceAdapter, useConformanceContext } from "./use-conformance-context.js";

/**
 * Registers the provider conformance suite (vitest `describe`/`it`) for one provider client: transparency of the
 * SDK's objects, streams, aborts, errors, double wrapping, span parenting, concurrency, content capture and
 * redaction, cost, drift, metrics and semantic conventions (v1.41.1, see `checkSpanSemconv`), all with the real SDK client over HTTP against the mock LLM server.
 * Cases for optional SDK helpers (`tee()`, `toReadableStream()`, `withResponse()`, …) are registered only when
 * the adapter supplies them; cases listed in `knownFailures` run as `it.fails`.
 * @example
 * // packages/openai/src/conformance.test.ts
 * runProviderConformance({
 *   name: "openai chat.completions", providerName: "openai", operationName: "chat", scopeName: "@sightline/openai",
 *   pricedModel: "gpt-4o-mini", core: { withContext, createPriceRegistry, createDriftMonitor }, extraChunks: 2,
 *   createClient: (server) => new OpenAI({ apiKey: "test", baseURL: server.openaiBaseURL, maxRetries: 0 }),
 *   wrap: (client, options) => observeOpenAI(client, options),
 *   call: (client, { model, prompt, signal }) => client.chat.completions.create({ model, messages: [{ role: "user", content: prompt }] }, { signal }),
 *   // …stream, resultText, responseId, chunkText
 * });
 */
export function runProviderConformance<
  Client extends object,
  Result,
  Stream extends AsyncIterable<Chunk>,
  Chunk,
>(adapter: ProviderConformanceAdapter<Client, Result, Stream, Chunk>): void {
  describe(`${adapter.name} conformance`, () => {
    // The cases only pass the adapter's values back to it, so its type parameters can be erased here.
    const ctx = useConformanceContext(adapter as unknown as ConformanceAdapter);
    describe("transparency", () => registerTransparencyCases(ctx));
    describe("spans", () => registerSpanTreeCases(ctx));
    describe("streams", () => registerStreamCases(ctx));
    describe("errors", () => registerErrorCases(ctx));
    describe("content capture", () => registerContentCases(ctx));
    describe("cost and drift", () => registerCostAndDriftCases(ctx));
    describe("metrics", () => registerMetricCases(ctx));
    describe("semantic conventions", () => registerSemconvCases(ctx));
    // Nested describe blocks are collected after this callback returns, so the check waits for the run.
    beforeAll(() => {
      const titles = Object.keys(adapter.knownFailures ?? {});
      const unknown = titles.filter((title) => !ctx.registeredTitles.has(title));
      if (unknown.length > 0)
        throw new Error(`knownFailures names no conformance case: ${unknown.join("; ")}`);
    });
  });
}
