import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { SimpleSpanProcessor, TracerProvider } from "@opentelemetry/sdk-trace";
import { expect, it } from "vitest";
import { runCli } from "./run-cli.js";

function capture() {
  const out: string[] = [];
  const error: string[] = [];
  return {
    out,
    error,
    write: (text: string) => void out.push(text),
    writeError: (text: string) => void error.push(text),
  };
}

it("sightline dev listens, shows calls, and prints the per-model summary when stopped", async () => {
  const io = capture();
  const controller = new AbortController();
  const running = runCli({
    argv: ["dev", "--port", "0"],
    ...io,
    signal: controller.signal,
    env: {},
    color: false,
  });
  await expect
    .poll(() => io.out.join(""), { timeout: 5000 })
    .toContain("OTLP/HTTP receiver on http://127.0.0.1:");
  const url = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(io.out.join(""))?.[1];
  const provider = new TracerProvider({
    spanProcessors: [
      new SimpleSpanProcessor({ exporter: new OTLPTraceExporter({ url: `${url}/v1/traces` }) }),
    ],
  });
  provider
    .getTracer("t")
    .startSpan("embeddings text-embedding-3-small", {
      attributes: {
        "gen_ai.operation.name": "embeddings",
        "gen_ai.request.model": "text-embedding-3-small",
        "gen_ai.usage.input_tokens": 6,
      },
    })
    .end();
  await provider.shutdown();
  controller.abort();
  expect(await running).toBe(0);
  const text = io.out.join("");
  expect(text).toContain(`export OTEL_EXPORTER_OTLP_ENDPOINT=${url}`);
  expect(text).toMatch(/└─ embeddings text-embedding-3-small {2}\d+\.\d ms {2}tokens 6 in\n/);
  expect(text).toMatch(/summary per model\nmodel\s+calls.*\ntext-embedding-3-small\s+1\s+0\s/);
  expect(text).toContain("received 1 spans and 0 metric points in 1 requests; rejected 0 too large");
});

it("--json keeps stdout for span lines: the banner and summary go to stderr", async () => {
  const io = capture();
  const controller = new AbortController();
  controller.abort();
  expect(
    await runCli({ argv: ["dev", "--port", "0", "--json"], ...io, signal: controller.signal, env: {} }),
  ).toBe(0);
  expect(io.out.join("")).toBe("");
  expect(io.error.join("")).toContain("no GenAI calls received");
});

it("warns that a non-loopback --host is reachable from the network without authentication", async () => {
  // 203.0.113.1 (TEST-NET-3) is no address of this machine: the warning is shown and nothing is ever bound.
  const io = capture();
  expect(await runCli({ argv: ["dev", "--host", "203.0.113.1", "--port", "0"], ...io, env: {} })).toBe(1);
  expect(io.error.join("")).toBe(
    "sightline dev: warning: --host 203.0.113.1 is not a loopback address: anyone who can reach this machine over the network can send telemetry to this receiver, which has no authentication, and have it printed here. Use it only on a network you trust; the default 127.0.0.1 keeps it to this machine.\n" +
      "sightline dev: host: 203.0.113.1 is not an address of this machine; use 127.0.0.1 (the default), 0.0.0.0 for every interface, or one of this machine's addresses.\n",
  );
  const fromEnv = capture();
  await runCli({ argv: ["dev", "--port", "0"], ...fromEnv, env: { SIGHTLINE_DEV_HOST: "203.0.113.1" } });
  expect(fromEnv.error.join("")).toContain(
    "sightline dev: warning: SIGHTLINE_DEV_HOST=203.0.113.1 is not a loopback address: anyone who can reach",
  );
  const loopback = capture();
  const controller = new AbortController();
  controller.abort();
  const argv = ["dev", "--host", "localhost", "--port", "0"];
  expect(await runCli({ argv, ...loopback, signal: controller.signal, env: {} })).toBe(0);
  expect(loopback.error.join("")).not.toContain("warning");
});

it("bad usage exits 2 with a message that names the fix", async () => {
  const io = capture();
  expect(await runCli({ argv: ["dev", "--port", "http"], ...io, env: {} })).toBe(2);
  expect(io.error.join("")).toContain("--port http is not a valid number; e.g. --port 4318");
  expect(await runCli({ argv: ["dev", "--verbose"], ...io, env: {} })).toBe(2);
  expect(io.error.join("")).toContain("see sightline dev --help");
  expect(await runCli({ argv: ["serve"], ...io, env: {} })).toBe(2);
  expect(io.error.join("")).toContain('unknown command "serve"');
  expect(await runCli({ argv: ["--help"], ...io, env: {} })).toBe(0);
  expect(io.out.join("")).toContain("sightline dev [options]");
});
