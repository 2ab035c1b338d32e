import type { Readable } from "node:stream";
import { startOtlpCaptureReceiver } from "@sightline/otlp";
import { type MockLLMServer, startMockLLMServer } from "@sightline/testing";
import { Miniflare } from "miniflare";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs build script without types
import { bundleWorker } from "../scripts/bundle-worker.mjs";

type OtlpCaptureReceiver = Awaited<ReturnType<typeof startOtlpCaptureReceiver>>;

let mock: MockLLMServer;
let receiver: OtlpCaptureReceiver;
let workerPath: string;

beforeAll(async () => {
  mock = await startMockLLMServer();
  receiver = await startOtlpCaptureReceiver();
  const bundle = (await bundleWorker()) as { outfile: string; bytes: number; nodeImports: string[] };
  workerPath = bundle.outfile;
  // The bundle must load without Node modules (the runtime without nodejs_compat has none).
  expect(bundle.nodeImports).toEqual([]);
});
afterAll(async () => {
  await mock?.close();
  await receiver?.close();
});

/** Runs the bundled Worker in workerd (miniflare 4) with the given compatibility flags; collects its stderr. */
async function startWorker(compatibilityFlags: string[]) {
  const stderrLines: string[] = [];
  const worker = new Miniflare({
    modules: true,
    scriptPath: workerPath,
    compatibilityDate: "2026-07-01",
    compatibilityFlags,
    // Miniflare's default outbound lets the Worker's fetch reach loopback, so the mock server and the
    // OTLP receiver on 127.0.0.1 are reached directly from inside workerd; nothing goes to the internet.
    bindings: { OPENAI_BASE_URL: mock.openaiBaseURL, OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url },
    handleRuntimeStdio(stdout: Readable, stderr: Readable) {
      stdout.resume();
      stderr.on("data", (chunk: Buffer) =>
        stderrLines.push(...chunk.toString("utf8").split("\n").filter(Boolean)),
      );
    },
  });
  await worker.ready;
  return { worker, stderrLines };
}

async function askWorker(worker: Miniflare, tenant: string) {
  const response = await worker.dispatchFetch(`http://worker.test/?q=hello&tenant=${tenant}`);
  expect(response.status).toBe(200);
  return (await response.json()) as {
    answer: string;
    contextAfterAwait: Record<string, string>;
    contextPropagation: string;
  };
}

describe.each([
  { name: "with nodejs_compat", flags: ["nodejs_compat"], compat: true },
  { name: "without nodejs_compat", flags: [], compat: false },
])("the Worker in workerd $name", ({ flags, compat }) => {
  it("exports one GenAI span per OpenAI call to the OTLP receiver, and keeps withContext only with AsyncLocalStorage", async () => {
    receiver.reset();
    const { worker, stderrLines } = await startWorker(flags);
    try {
      const tenants = ["acme", "globex", "initech"];
      const bodies = [];
      for (const tenant of tenants) bodies.push(await askWorker(worker, tenant));
      expect(bodies.every((body) => body.answer.length > 0)).toBe(true);

      const spans = (await receiver.waitForSpans(tenants.length, 10_000)).filter((span) =>
        span.name.startsWith("chat "),
      );
      expect(spans).toHaveLength(tenants.length);
      for (const span of spans) {
        expect(span.attributes["gen_ai.operation.name"]).toBe("chat");
        expect(span.attributes["gen_ai.request.model"]).toBe("gpt-4o-mini");
        expect(span.attributes["gen_ai.usage.input_tokens"]).toEqual(expect.any(Number));
        expect(span.attributes["gen_ai.usage.output_tokens"]).toEqual(expect.any(Number));
        expect(span.resource["service.name"]).toBe("cloudflare-worker-example");
      }
      expect(receiver.requests.every((request) => request.contentType === "application/json")).toBe(true);

      if (compat) {
        expect(bodies.map((body) => body.contextPropagation)).toEqual(
          tenants.map(() => "async-local-storage"),
        );
        expect(bodies.map((body) => body.contextAfterAwait.tenantId)).toEqual(tenants);
        expect(spans.map((span) => span.attributes["sightline.tenant.id"]).sort()).toEqual(
          [...tenants].sort(),
        );
        expect(stderrLines.join("\n")).not.toMatch(/no OpenTelemetry context manager/);
      } else {
        expect(bodies.map((body) => body.contextPropagation)).toEqual(tenants.map(() => "none"));
        expect(bodies.map((body) => body.contextAfterAwait)).toEqual(tenants.map(() => ({})));
        // Said once by core (through diag) and once by init (through log), not once per request.
        await expect
          .poll(() => stderrLines.join("\n"))
          .toMatch(/no OpenTelemetry context manager registered/);
        expect(stderrLines.filter((line) => line.includes("no OpenTelemetry context manager"))).toHaveLength(
          1,
        );
        expect(stderrLines.filter((line) => line.includes("no AsyncLocalStorage"))).toHaveLength(1);
      }
    } finally {
      await worker.dispose();
    }
  });
});
