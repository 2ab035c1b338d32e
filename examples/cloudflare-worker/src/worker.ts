import { DiagLogLevel, diag } from "@opentelemetry/api";
import { getSightlineContext, withContext } from "@sightline/core";
import { init } from "@sightline/edge";
import { observeOpenAI } from "@sightline/openai";
import OpenAI from "openai";

/** The Worker's bindings (wrangler.toml `[vars]` and secrets). */
export interface Env {
  OPENAI_API_KEY?: string;
  /** Where the OpenAI client sends requests; the tests point it at the mock LLM server. */
  OPENAI_BASE_URL?: string;
  /** OTLP/HTTP base URL of the collector, read by `init()`. */
  OTEL_EXPORTER_OTLP_ENDPOINT?: string;
  OTEL_SERVICE_NAME?: string;
}

/** The part of Cloudflare's `ExecutionContext` this Worker uses. */
export interface ExecutionContext {
  waitUntil(promise: Promise<unknown>): void;
}

// Sightline reports setup problems (e.g. no context manager) through diag; print warnings and errors.
diag.setLogger(
  {
    error: (message) => console.error(`[diag] ${message}`),
    warn: (message) => console.warn(`[diag] ${message}`),
    info: () => {},
    debug: () => {},
    verbose: () => {},
  },
  DiagLogLevel.WARN,
);

/**
 * Answers `GET /?q=…&tenant=…` with one chat completion. Telemetry starts on the first request (a Worker
 * sees its `env` only there) and is exported after the response through `ctx.waitUntil`.
 */
export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
    const telemetry = init({ serviceName: env.OTEL_SERVICE_NAME ?? "cloudflare-worker-example", env });
    try {
      const url = new URL(request.url);
      const openai = observeOpenAI(
        new OpenAI({
          apiKey: env.OPENAI_API_KEY ?? "not-needed-for-the-mock",
          baseURL: env.OPENAI_BASE_URL,
          maxRetries: 0,
        }),
      );
      const tenantId = url.searchParams.get("tenant") ?? "unknown";
      const result = await withContext({ feature: "worker-chat", tenantId }, async () => {
        const completion = await openai.chat.completions.create({
          model: "gpt-4o-mini",
          messages: [{ role: "user", content: url.searchParams.get("q") ?? "Say hello" }],
        });
        // Read after the await: with nodejs_compat the values are still here; without it they are gone.
        return {
          answer: completion.choices[0]?.message.content ?? "",
          contextAfterAwait: getSightlineContext(),
        };
      });
      return Response.json({ ...result, contextPropagation: telemetry.contextPropagation });
    } finally {
      ctx.waitUntil(telemetry.flush());
    }
  },
};
