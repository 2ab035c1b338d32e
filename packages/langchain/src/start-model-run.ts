import { type Context, context } from "@opentelemetry/api";
import { type Operation, reportTelemetryError } from "@sightline/core/provider";
import { ATTR_SIGHTLINE_LANGCHAIN_RUN_ID } from "@sightline/core/semconv";
import type { HandlerState } from "./internal-types.js";
import { type LangChainModelStart, mapLangChainRequest } from "./map-langchain-request.js";

/**
 * Starts a chat model or LLM run's operation through core's engine, under its parent run's span (or
 * the app's active span). Mapping failures are reported and the run goes untraced; the one thing that
 * throws is an enforce-mode refusal from the guards, which must reach LangChain to stop the call.
 */
export function startModelRun(
  state: HandlerState,
  run: { runId: string; parentRunId: string | undefined; start: LangChainModelStart },
): void {
  const { runId, parentRunId, start } = run;
  let described: ReturnType<typeof mapLangChainRequest>;
  let parent: Context;
  try {
    described = mapLangChainRequest(start);
    described.request.attributes = { [ATTR_SIGHTLINE_LANGCHAIN_RUN_ID]: runId };
    parent = state.runs.get(parentRunId)?.context ?? context.active();
  } catch (error) {
    reportTelemetryError("reading a LangChain model run", error);
    return;
  }
  let started: Operation | undefined;
  // Guards run inside traceOperation: an enforce-mode refusal throws here, out of the start
  // callback (raiseError), and LangChain rejects the call before sending it.
  context.with(parent, () =>
    state.instrumentation.traceOperation({
      request: described.request,
      target: described.target,
      invoke: () => undefined,
      observe: (_result, operation) => {
        started = operation;
      },
    }),
  );
  if (started) state.runs.add(runId, { context: parent, operation: started });
}
