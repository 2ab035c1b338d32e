import { trace } from "@opentelemetry/api";
import { init } from "@sightline/node";
import { observeOpenAI } from "@sightline/openai";
import { type MockLLMServer, type MockScript, startMockLLMServer } from "@sightline/testing";
import OpenAI from "openai";
import { type DevServer, startDevServer } from "sightline";
import { runScenes } from "./run-scenes.js";

/** Options of {@link runDemo}. */
export interface RunDemoOptions {
  /** Where the demo's text goes. */
  write: (text: string) => void;
  /** Environment: `OPENAI_API_KEY` switches to the real provider, `OTEL_EXPORTER_OTLP_ENDPOINT` to your backend. */
  env: Record<string, string | undefined>;
  /** ANSI colors in the trace view. */
  color: boolean;
}

/**
 * The offline demo: starts `sightline dev` and the mock LLM server in this process, sets up export with
 * `@sightline/node`, and runs an app whose wrapped `openai` client makes real SDK calls. Ends by itself
 * and resolves with everything it printed.
 */
export async function runDemo(options: RunDemoOptions): Promise<string> {
  const printed: string[] = [];
  const write = (text: string) => {
    printed.push(text);
    options.write(text);
  };
  const apiKey = options.env.OPENAI_API_KEY;
  const exportsElsewhere =
    options.env.OTEL_EXPORTER_OTLP_ENDPOINT !== undefined ||
    options.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT !== undefined;

  const mock: MockLLMServer | undefined = apiKey ? undefined : await startMockLLMServer();
  const dev: DevServer | undefined = exportsElsewhere
    ? undefined
    : await startDevServer({ port: 0, write, color: options.color, settleMs: 500 });
  const telemetry = init({
    serviceName: options.env.OTEL_SERVICE_NAME ?? "sightline-demo",
    exporter: "otlp",
    ...(dev ? { endpoint: dev.url } : {}),
    flushOnExit: false,
    env: options.env,
  });

  write("Sightline demo: an app makes real openai SDK calls; sightline dev shows what they did.\n");
  write(
    `  LLM        ${mock ? `local mock server ${mock.url} (set OPENAI_API_KEY to call OpenAI)` : "OpenAI (OPENAI_API_KEY is set)"}\n`,
  );
  write(
    `  telemetry  ${telemetry.description.join(", ")}${dev ? " = sightline dev, in this process" : ""}\n`,
  );

  const openai = observeOpenAI(
    new OpenAI({ apiKey: apiKey ?? "demo", ...(mock ? { baseURL: mock.openaiBaseURL } : {}), maxRetries: 0 }),
    // The mock stands in for api.openai.com; on its loopback address the provider would be `openai_compatible`.
    mock ? { providerName: "openai" } : {},
  );
  const script = (...scripts: MockScript[]) => mock?.enqueue(...scripts);
  try {
    await runScenes({
      openai,
      script,
      tracer: trace.getTracer("sightline-demo"),
      announce: async (title) => {
        // Export what the previous scene produced first, so the view stays in the order of the story.
        await telemetry.flush();
        write(`\n▸ ${title}\n`);
      },
      write,
      offline: mock !== undefined,
    });
  } finally {
    await telemetry.shutdown();
    await dev?.close();
    await mock?.close();
  }
  if (dev) {
    const stats = dev.stats();
    write(`\nsummary per model (what sightline dev prints when you stop it)\n${dev.summary()}\n`);
    write(
      `received ${stats.spans} spans and ${stats.metricPoints} metric points in ${stats.accepted} OTLP requests\n`,
    );
  } else {
    write(`\nexported to ${telemetry.description.join(", ")}\n`);
  }
  return printed.join("");
}
