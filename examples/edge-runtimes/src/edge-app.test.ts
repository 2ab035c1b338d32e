import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { startOtlpCaptureReceiver } from "@sightline/otlp";
import { type MockLLMServer, startMockLLMServer } from "@sightline/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

type OtlpCaptureReceiver = Awaited<ReturnType<typeof startOtlpCaptureReceiver>>;

const appDir = fileURLToPath(new URL("..", import.meta.url));
const binary = (name: string) => fileURLToPath(new URL(`../node_modules/.bin/${name}`, import.meta.url));

let mock: MockLLMServer;
let receiver: OtlpCaptureReceiver;
beforeAll(async () => {
  mock = await startMockLLMServer();
  receiver = await startOtlpCaptureReceiver();
});
afterAll(async () => {
  await mock?.close();
  await receiver?.close();
});

/** Runs the app under a runtime binary; resolves to its exit code and output. */
function runApp(command: string, args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: appDir,
      env: {
        ...process.env,
        OPENAI_BASE_URL: mock.openaiBaseURL,
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
        // Offline: no upgrade check; Deno resolves npm packages from node_modules beside package.json.
        DENO_NO_UPDATE_CHECK: "1",
      },
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, output }));
  });
}

describe.each([
  { runtime: "bun", command: binary("bun"), args: ["src/edge-app.ts"] },
  { runtime: "deno", command: binary("deno"), args: ["run", "-A", "src/edge-app.ts"] },
])("@sightline/edge on $runtime", ({ runtime, command, args }) => {
  it("exports the GenAI span before the process ends, with withContext kept across await", async () => {
    const { code, output } = await runApp(command, args);
    expect(code, output).toBe(0);
    const line = output.split("\n").find((candidate) => candidate.startsWith("{"));
    expect(JSON.parse(line ?? "{}")).toMatchObject({
      runtime,
      contextPropagation: "async-local-storage",
      contextAfterAwait: { feature: "edge-runtimes", tenantId: runtime },
    });
    // flush() resolved before the app printed, so the span is already here: no waiting.
    const spans = receiver
      .spans()
      .filter((span) => span.resource["service.name"] === `edge-runtimes-${runtime}`);
    expect(spans).toHaveLength(1);
    expect(spans[0]?.name).toBe("chat gpt-4o-mini");
    expect(spans[0]?.attributes["gen_ai.request.model"]).toBe("gpt-4o-mini");
    expect(spans[0]?.attributes["sightline.tenant.id"]).toBe(runtime);
  });
});
