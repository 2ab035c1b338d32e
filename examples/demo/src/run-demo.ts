import { trace } from "@opentelemetry/api";
import { createDriftMonitor } from "@sightline/core";
import { init } from "@sightline/node";
import { observeOpenAI } from "@sightline/openai";
import { type MockLLMServer, type MockScript, startMockLLMServer } from "@sightline/testing";
import OpenAI from "openai";
import { type DevServer, startDevServer } from "sightline";
import { createDemoGovernance } from "./create-demo-governance.js";
import { describeLaterLook } from "./describe-later-look.js";
import { describeWebUi } from "./describe-web-ui.js";
import { runScenes } from "./run-scenes.js";
import { waitForStop } from "./wait-for-stop.js";

/** Options of {@link runDemo}. */
export interface RunDemoOptions {
  /** Where the demo's text goes. */
  write: (text: string) => void;
  /**
   * Environment: `OPENAI_API_KEY` switches to the real provider, `OTEL_EXPORTER_OTLP_ENDPOINT` to your backend,
   * `SIGHTLINE_DEV_STORE` picks the store file (default: sightline dev's), `SIGHTLINE_DEMO_STAY=1` keeps the web
   * UI served after the story until Ctrl-C.
   */
  env: Record<string, string | undefined>;
  /** ANSI colors in the trace view. */
  color: boolean;
  /** With `SIGHTLINE_DEMO_STAY=1`: stops serving when aborted. Default: on `SIGINT` / `SIGTERM` (Ctrl-C). */
  signal?: AbortSignal;
}

/**
 * The offline demo: starts `sightline dev` and the mock LLM server in this process, sets up export with
 * `@sightline/node`, and runs an app whose wrapped `openai` client makes real SDK calls. What it received is
 * kept in sightline dev's store for the web UI. Ends by itself (or, with `SIGHTLINE_DEMO_STAY=1`, on Ctrl-C)
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
    : await startDevServer({
        port: 0,
        write,
        color: options.color,
        settleMs: 500,
        ui: true,
        // Unset: sightline dev's own default file, so `sightline dev --open` shows the demo's traces later.
        ...(options.env.SIGHTLINE_DEV_STORE ? { store: options.env.SIGHTLINE_DEV_STORE } : {}),
      });
  const stay = dev !== undefined && options.env.SIGHTLINE_DEMO_STAY === "1";
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
  if (dev) write(`  web UI     ${describeWebUi({ dev, nodeVersion: process.versions.node })}\n`);
  if (dev?.storePath !== undefined) write(`  store      ${dev.storePath}\n`);

  const governance = createDemoGovernance();
  const openai = observeOpenAI(
    new OpenAI({ apiKey: apiKey ?? "demo", ...(mock ? { baseURL: mock.openaiBaseURL } : {}), maxRetries: 0 }),
    {
      // The mock stands in for api.openai.com; on its loopback address the provider would be `openai_compatible`.
      ...(mock ? { providerName: "openai" } : {}),
      // The web UI shows conversations; redaction (on by default) keeps the e-mail address of scene 7 out.
      captureContent: true,
      governance,
      // The process-wide monitor wants 500 calls per reference; this one forms it from 20, the least the
      // detectors take, so scene 8's drift is flagged within a short run.
      drift: { monitor: createDriftMonitor({ referenceSize: 20, windowSize: 10, minimumWindowCount: 10 }) },
    },
  );
  let storyDone = false;
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
      governance,
    });
    storyDone = true;
  } finally {
    await telemetry.shutdown();
    await mock?.close();
    // Only after a whole story: a failed one ends at once, so its error is not held back until Ctrl-C.
    if (stay && storyDone && dev) {
      write(
        dev.uiUrl === undefined
          ? `\nthe story is over; sightline dev keeps receiving at ${dev.url} until Ctrl-C (no web UI here: see the web UI line at the top)\n`
          : `\nthe story is over; the web UI stays at ${dev.uiUrl} until Ctrl-C\n`,
      );
      await waitForStop(options.signal);
    }
    await dev?.close();
  }
  if (dev) {
    const stats = dev.stats();
    write(`\nsummary per model (what sightline dev prints when you stop it)\n${dev.summary()}\n`);
    write(
      `received ${stats.spans} spans and ${stats.metricPoints} metric points in ${stats.accepted} OTLP requests\n`,
    );
    write(
      describeLaterLook({
        storePath: dev.storePath,
        storeChosen: Boolean(options.env.SIGHTLINE_DEV_STORE),
        ...(options.env.SIGHTLINE_DEMO_NODE ? { node: options.env.SIGHTLINE_DEMO_NODE } : {}),
      }),
    );
  } else {
    write(`\nexported to ${telemetry.description.join(", ")}\n`);
  }
  return printed.join("");
}
