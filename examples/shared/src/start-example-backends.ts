import { init, type SightlineTelemetry } from "@sightline/node";
import { type MockLLMServer, startMockLLMServer } from "@sightline/testing";
import { type DevServer, startDevServer } from "sightline";

/** Options of {@link startExampleBackends}. */
export interface StartExampleBackendsOptions {
  /** Where the example's text goes. */
  write: (text: string) => void;
  /** Environment: `OPENAI_API_KEY` switches to OpenAI, `OTEL_EXPORTER_OTLP_ENDPOINT` to your backend. */
  env: Record<string, string | undefined>;
  /** ANSI colors in the trace view. */
  color: boolean;
  /** `service.name` unless `OTEL_SERVICE_NAME` says otherwise. */
  serviceName: string;
}

/** What an example runs against, and how it ends. */
export interface ExampleBackends {
  /** The local mock LLM server, unless `OPENAI_API_KEY` is set. */
  mock: MockLLMServer | undefined;
  /** `sightline dev` in this process, unless the environment names another OTLP endpoint. */
  dev: DevServer | undefined;
  /** Sightline's export, set up by `init()`. */
  telemetry: SightlineTelemetry;
  /** Writes text and keeps it for {@link ExampleBackends.close}'s result. */
  write: (text: string) => void;
  /** Flushes and shuts everything down, prints the per-model summary, and returns all that was written. */
  close: () => Promise<string>;
}

/**
 * Starts what every runnable example needs offline, the way an app would wire it: the mock LLM server
 * (skipped when `OPENAI_API_KEY` is set), `sightline dev` in this process (skipped when an OTLP endpoint
 * is set) and `init()` exporting to it. The examples differ only in the app code they run in between.
 */
export async function startExampleBackends(options: StartExampleBackendsOptions): Promise<ExampleBackends> {
  const printed: string[] = [];
  const write = (text: string) => {
    printed.push(text);
    options.write(text);
  };
  const exportsElsewhere =
    options.env.OTEL_EXPORTER_OTLP_ENDPOINT !== undefined ||
    options.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT !== undefined;
  const mock = options.env.OPENAI_API_KEY ? undefined : await startMockLLMServer();
  const dev = exportsElsewhere
    ? undefined
    : await startDevServer({ port: 0, write, color: options.color, settleMs: 500 });
  const telemetry = init({
    serviceName: options.env.OTEL_SERVICE_NAME ?? options.serviceName,
    exporter: "otlp",
    ...(dev ? { endpoint: dev.url } : {}),
    flushOnExit: false,
    env: options.env,
  });
  return {
    mock,
    dev,
    telemetry,
    write,
    async close() {
      await telemetry.shutdown();
      await dev?.close();
      await mock?.close();
      if (dev) write(`\nsummary per model\n${dev.summary()}\n`);
      return printed.join("");
    },
  };
}
