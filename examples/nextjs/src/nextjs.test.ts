import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { startOtlpCaptureReceiver } from "@sightline/otlp";
import { type MockLLMServer, startMockLLMServer } from "@sightline/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

type OtlpCaptureReceiver = Awaited<ReturnType<typeof startOtlpCaptureReceiver>>;

const appDir = fileURLToPath(new URL("..", import.meta.url));
const nextBin = fileURLToPath(new URL("../node_modules/next/dist/bin/next", import.meta.url));
// Offline and quiet: no usage telemetry to Vercel, no prompts.
const baseEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CI: "1" };

let mock: MockLLMServer;
let receiver: OtlpCaptureReceiver;
let server: ChildProcess | undefined;
let baseUrl: string;
const serverOutput: string[] = [];

/** Runs `next <args>` in the app folder; resolves when it exits, rejects with its output on failure. */
async function runNext(args: string[]): Promise<void> {
  const child = spawn(process.execPath, [nextBin, ...args], { cwd: appDir, env: baseEnv, stdio: "pipe" });
  const output: string[] = [];
  child.stdout.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  const [code] = await once(child, "exit");
  if (code !== 0) throw new Error(`next ${args.join(" ")} exited with ${code}:\n${output.join("")}`);
}

async function freePort(): Promise<number> {
  const probe = createServer().listen(0, "127.0.0.1");
  await once(probe, "listening");
  const address = probe.address();
  probe.close();
  return typeof address === "object" && address ? address.port : 0;
}

beforeAll(async () => {
  mock = await startMockLLMServer();
  receiver = await startOtlpCaptureReceiver();
  // A production build every run, so the test never serves a stale one (about 20 s on 2 cores).
  await runNext(["build"]);
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: appDir,
    env: { ...baseEnv, OPENAI_BASE_URL: mock.openaiBaseURL, OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url },
    stdio: "pipe",
  });
  server.stdout?.on("data", (chunk: Buffer) => serverOutput.push(chunk.toString()));
  server.stderr?.on("data", (chunk: Buffer) => serverOutput.push(chunk.toString()));
  await waitUntilServing(`${baseUrl}/`, 30_000);
}, 240_000);

/** Resolves once `url` answers 200; throws with the server's output after `timeoutMs`. */
async function waitUntilServing(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const status = await fetch(url).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`next start did not answer within ${timeoutMs} ms:\n${serverOutput.join("")}`);
}

afterAll(async () => {
  if (server && server.exitCode === null) {
    server.kill("SIGTERM");
    await once(server, "exit");
  }
  await mock?.close();
  await receiver?.close();
});

async function callRoute(path: string, tenant: string) {
  const response = await fetch(`${baseUrl}${path}?q=hello&tenant=${tenant}`);
  expect(response.status, serverOutput.join("")).toBe(200);
  return (await response.json()) as { answer: string; context: Record<string, string> };
}

describe.each([
  { route: "/api/chat", runtime: "nodejs", serviceName: "nextjs-example" },
  { route: "/api/edge-chat", runtime: "edge", serviceName: "nextjs-example-edge" },
])("next start, $runtime route $route", ({ route, serviceName }) => {
  it("exports one GenAI span per call, under the route's span, with the withContext values", async () => {
    const tenants = [`${serviceName}-a`, `${serviceName}-b`];
    for (const tenant of tenants) {
      const body = await callRoute(route, tenant);
      expect(body.answer.length).toBeGreaterThan(0);
      expect(body.context).toEqual({ feature: "nextjs-chat", tenantId: tenant });
    }
    const chatSpans = () =>
      receiver
        .spans()
        .filter(
          (span) =>
            span.name === "chat gpt-4o-mini" &&
            tenants.includes(String(span.attributes["sightline.tenant.id"])),
        );
    await expect.poll(() => chatSpans().length, { timeout: 15_000 }).toBe(tenants.length);
    for (const span of chatSpans()) {
      expect(span.resource["service.name"]).toBe(serviceName);
      expect(span.attributes["gen_ai.operation.name"]).toBe("chat");
      expect(span.attributes["gen_ai.request.model"]).toBe("gpt-4o-mini");
      expect(span.attributes["gen_ai.usage.input_tokens"]).toEqual(expect.any(Number));
      // Next.js's own route span is the parent: context crossed the route's awaits.
      const parent = receiver.spans().find((candidate) => candidate.spanId === span.parentSpanId);
      expect(parent?.name).toMatch(/api route|GET/);
      expect(parent?.traceId).toBe(span.traceId);
    }
  });
});
