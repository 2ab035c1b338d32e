import { context } from "@opentelemetry/api";
import { startAgentSpan, startToolSpan } from "./start-agent-span.js";
import type { AgentSpanOptions, GenAISpanHandle, ToolSpanHandle, ToolSpanOptions } from "./types.js";

/**
 * Runs `fn` as an agent: a semconv `invoke_agent {name}` span that is the active context while
 * `fn` runs (sync or async), so every model call inside nests under it, and whose
 * `sightline.cost.total` is the sum of those calls' costs. Returns what `fn` returns (the same
 * promise for async functions); an error is re-thrown unchanged, the span marked.
 * @example
 * const answer = await traceAgent("support-agent", async () => {
 *   const plan = await openai.chat.completions.create({ ... });
 *   return traceTool("search_docs", () => searchDocs(plan));
 * });
 */
export function traceAgent<T>(name: string, fn: () => T, options?: AgentSpanOptions): T {
  return runInSpan(startAgentSpan(name, options), fn);
}

/**
 * Runs `fn` as a tool call: a semconv `execute_tool {name}` span, active while `fn` runs (sync or
 * async). With content capture on, `options.arguments` and the returned value are recorded.
 * Returns what `fn` returns; an error is re-thrown unchanged, the span marked.
 * @example
 * const weather = await traceTool("get_weather", () => getWeather(city), { arguments: { city } });
 */
export function traceTool<T>(name: string, fn: () => T, options?: ToolSpanOptions): T {
  const handle = startToolSpan(name, options);
  return runInSpan(handle, fn, handle);
}

function runInSpan<T>(handle: GenAISpanHandle, fn: () => T, tool?: ToolSpanHandle): T {
  let result: T;
  try {
    result = context.with(handle.context, fn);
  } catch (error) {
    handle.end(error);
    throw error;
  }
  if (isPromiseLike(result)) {
    // Observed from the side: the caller gets `fn`'s own promise, and its rejection stays theirs.
    result.then(
      (value) => {
        tool?.setResult(value);
        handle.end();
      },
      (error: unknown) => handle.end(error),
    );
    return result;
  }
  tool?.setResult(result);
  handle.end();
  return result;
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === "object" || typeof value === "function") &&
    value !== null &&
    typeof (value as { then?: unknown }).then === "function"
  );
}
