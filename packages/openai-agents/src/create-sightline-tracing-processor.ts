import {
  getCurrentSpan,
  type Span as SdkSpan,
  type Trace as SdkTrace,
  type SpanData,
  type TracingProcessor,
} from "@openai/agents-core";
import { type Context, context, SpanKind, trace } from "@opentelemetry/api";
import {
  createInstrumentation,
  type Instrumentation,
  registerCallContextBridge,
  reportTelemetryError,
  startAgentSpan,
  startToolSpan,
} from "@sightline/core/provider";
import {
  ATTR_GEN_AI_OPERATION_NAME,
  ATTR_GEN_AI_WORKFLOW_NAME,
  ATTR_SIGHTLINE_AGENTS_GUARDRAIL_NAME,
  ATTR_SIGHTLINE_AGENTS_GUARDRAIL_TRIGGERED,
  ATTR_SIGHTLINE_AGENTS_HANDOFF_FROM,
  ATTR_SIGHTLINE_AGENTS_HANDOFF_TO,
  ATTR_SIGHTLINE_AGENTS_SPAN_TYPE,
  EVENT_SIGHTLINE_AGENTS_GUARDRAIL,
  EVENT_SIGHTLINE_AGENTS_HANDOFF,
  GEN_AI_OPERATION_INVOKE_WORKFLOW,
} from "@sightline/core/semconv";
import { createSpanRegistry, type OpenSpan, type SpanHandle } from "./create-span-registry.js";
import { mapModelSpan } from "./map-model-span.js";
import { parseToolArguments } from "./parse-tool-arguments.js";
import { toSdkError } from "./to-sdk-error.js";
import type { SightlineAgentsOptions } from "./types.js";
import { PACKAGE_NAME, PACKAGE_VERSION } from "./version.js";

type AnySdkSpan = SdkSpan<SpanData>;

/** SDK span types that group others and get no span of their own (their children go to their parent). */
const PASSTHROUGH_TYPES = new Set(["task", "turn"]);
/** SDK span types that are one model call. */
const MODEL_TYPES = new Set(["response", "generation"]);
/** Model spans a wrapper recorded before the processor heard of them, remembered at most. */
const MAX_EARLY_WRAPPED = 1_000;

/** The OpenAI Agents SDK tracing processor `createSightlineTracingProcessor()` returns. */
export type SightlineTracingProcessor = TracingProcessor;

/**
 * A tracing processor for the OpenAI Agents SDK: each SDK trace becomes one OTel trace (an
 * `invoke_workflow` span under the span active when the run started), agent spans become
 * `invoke_agent` spans with `sightline.cost.total`, model calls (`response`/`generation` spans)
 * become GenAI `chat` spans with tokens, finish reasons, cost, metrics and drift, function spans
 * become `execute_tool` spans, handoffs and guardrails are events on the agent span, and other SDK
 * spans are INTERNAL spans. Model calls a Sightline-wrapped client records (see
 * `setDefaultOpenAIClient(observeOpenAI(...))`) are left to it, nested under the agent span: one span
 * per call. The processor cannot refuse a call; the wrapped client can.
 * @example
 * import { addTraceProcessor } from "@openai/agents";
 * addTraceProcessor(createSightlineTracingProcessor());
 */
export function createSightlineTracingProcessor(
  options: SightlineAgentsOptions = {},
): SightlineTracingProcessor {
  // Nothing thrown here could stop a call (the SDK reports the span after the fact), so the engine
  // counts spend against budgets but runs no refusing guards: the wrapped client does that.
  const instrumentation: Instrumentation = createInstrumentation({
    scopeName: PACKAGE_NAME,
    scopeVersion: PACKAGE_VERSION,
    options: options.governance?.beforeCall
      ? { ...options, governance: { onFinish: options.governance.onFinish } }
      : options,
  });
  const modelSpans = options.modelSpans !== false;
  const registry = createSpanRegistry(options.maxOpenSpans);
  const wrappedEarly = new Set<string>();
  let recordingOwnCall = false;

  const parentOf = (span: AnySdkSpan): OpenSpan | undefined =>
    registry.get(span.parentId) ?? registry.get(span.traceId);

  // A Sightline wrapper called inside an SDK span (the model's client, a client in a tool) records
  // its call in that span's context: under the agent or tool span, into the agent's cost tally.
  const removeBridge = registerCallContextBridge(() => {
    if (recordingOwnCall) return undefined;
    const current = getCurrentSpan() as AnySdkSpan | null;
    if (!current) return undefined;
    const state = registry.get(current.spanId);
    if (state) {
      if (state.kind === "model") state.recordedByWrapper = true;
      return state.context;
    }
    if (MODEL_TYPES.has(current.spanData?.type)) {
      wrappedEarly.add(current.spanId);
      if (wrappedEarly.size > MAX_EARLY_WRAPPED)
        wrappedEarly.delete(wrappedEarly.values().next().value as string);
    }
    return parentOf(current)?.context;
  });

  const guarded =
    <Args extends unknown[]>(what: string, fn: (...args: Args) => void) =>
    async (...args: Args): Promise<void> => {
      try {
        fn(...args);
      } catch (error) {
        reportTelemetryError(what, error);
      }
    };

  const startSpan = (span: AnySdkSpan): void => {
    const data = span.spanData as Record<string, unknown> & { type: string };
    const parent = parentOf(span);
    const parentContext = parent?.context ?? context.active();
    const agent = parent?.agent;
    if (PASSTHROUGH_TYPES.has(data.type)) {
      registry.add(span.spanId, { kind: "passthrough", context: parentContext, handle: undefined, agent });
      return;
    }
    switch (data.type) {
      case "agent": {
        const handle = startAgentSpan(String(data.name ?? ""), { instrumentation, context: parentContext });
        const state: OpenSpan = {
          kind: "agent",
          context: handle.context,
          handle,
          agent: undefined,
          pendingCalls: [],
        };
        state.agent = state;
        registry.add(span.spanId, state);
        return;
      }
      case "response":
      case "generation": {
        const recordedByWrapper = wrappedEarly.delete(span.spanId);
        registry.add(span.spanId, {
          kind: "model",
          context: parentContext,
          handle: undefined,
          agent,
          startedAt: performance.now(),
          recordedByWrapper,
        });
        return;
      }
      case "function": {
        const name = String(data.name ?? "");
        const pending = agent?.pendingCalls;
        const index = pending ? pending.findIndex((call) => call.name === name) : -1;
        const call = index >= 0 && pending ? pending.splice(index, 1)[0] : undefined;
        const handle = startToolSpan(name, {
          instrumentation,
          context: parentContext,
          callId: call?.callId,
          type: "function",
          arguments: parseToolArguments(call?.arguments),
        });
        registry.add(span.spanId, { kind: "tool", context: handle.context, handle, agent });
        return;
      }
      case "handoff":
      case "guardrail":
        registry.add(span.spanId, { kind: "internal", context: parentContext, handle: undefined, agent });
        return;
      default: {
        const name = typeof data.name === "string" && data.name ? data.name : data.type;
        const otelSpan = instrumentation.config.tracer.startSpan(
          name,
          { kind: SpanKind.INTERNAL, attributes: { [ATTR_SIGHTLINE_AGENTS_SPAN_TYPE]: data.type } },
          parentContext,
        );
        registry.add(span.spanId, {
          kind: "internal",
          context: trace.setSpan(parentContext, otelSpan),
          handle: createPlainHandle({
            span: otelSpan,
            context: trace.setSpan(parentContext, otelSpan),
            instrumentation,
          }),
          agent,
        });
      }
    }
  };

  const endSpan = (span: AnySdkSpan): void => {
    const state = registry.take(span.spanId);
    if (!state) return;
    const data = span.spanData as Record<string, unknown> & { type: string };
    const error = span.error ? toSdkError(span.error) : undefined;
    switch (state.kind) {
      case "model":
        endModelSpan(span, state, error);
        return;
      case "tool":
        if (error === undefined && data.output !== undefined && data.output !== "")
          state.handle?.setResult?.(data.output);
        state.handle?.end(error);
        return;
      case "internal":
        if (data.type === "handoff") {
          const target = state.agent?.handle?.span;
          target?.addEvent(EVENT_SIGHTLINE_AGENTS_HANDOFF, {
            ...(typeof data.from_agent === "string"
              ? { [ATTR_SIGHTLINE_AGENTS_HANDOFF_FROM]: data.from_agent }
              : {}),
            ...(typeof data.to_agent === "string"
              ? { [ATTR_SIGHTLINE_AGENTS_HANDOFF_TO]: data.to_agent }
              : {}),
          });
          return;
        }
        if (data.type === "guardrail") {
          const target = state.agent?.handle?.span ?? trace.getSpan(state.context);
          target?.addEvent(EVENT_SIGHTLINE_AGENTS_GUARDRAIL, {
            [ATTR_SIGHTLINE_AGENTS_GUARDRAIL_NAME]: String(data.name ?? ""),
            [ATTR_SIGHTLINE_AGENTS_GUARDRAIL_TRIGGERED]: data.triggered === true,
          });
          return;
        }
        state.handle?.end(error);
        return;
      default:
        state.handle?.end(error);
    }
  };

  const endModelSpan = (span: AnySdkSpan, state: OpenSpan, error: Error | undefined): void => {
    const mapped = mapModelSpan(span.spanData);
    // The tool spans that follow take their call ids and arguments from the model's function calls.
    if (state.agent?.pendingCalls) {
      state.agent.pendingCalls = [...state.agent.pendingCalls, ...mapped.functionCalls].slice(-100);
    }
    if (!modelSpans || state.recordedByWrapper) return;
    recordingOwnCall = true;
    try {
      context.with(state.context, () =>
        instrumentation.traceOperation({
          request: mapped.request,
          target: mapped.target,
          startedAt: state.startedAt,
          invoke: () => undefined,
          observe: (_result, operation) => {
            if (error) operation.fail(error);
            else operation.succeed(mapped.response);
          },
        }),
      );
    } finally {
      recordingOwnCall = false;
    }
  };

  return {
    onTraceStart: guarded("starting an OpenAI Agents trace", (sdkTrace: SdkTrace) => {
      const base = context.active();
      const name = sdkTrace.name || "Agent workflow";
      const otelSpan = instrumentation.config.tracer.startSpan(
        `${GEN_AI_OPERATION_INVOKE_WORKFLOW} ${name}`,
        {
          kind: SpanKind.INTERNAL,
          attributes: {
            [ATTR_GEN_AI_OPERATION_NAME]: GEN_AI_OPERATION_INVOKE_WORKFLOW,
            [ATTR_GEN_AI_WORKFLOW_NAME]: name,
          },
        },
        base,
      );
      const spanContext = trace.setSpan(base, otelSpan);
      registry.add(sdkTrace.traceId, {
        kind: "workflow",
        context: spanContext,
        handle: createPlainHandle({ span: otelSpan, context: spanContext, instrumentation }),
        agent: undefined,
      });
    }),
    onTraceEnd: guarded("ending an OpenAI Agents trace", (sdkTrace: SdkTrace) => {
      registry.take(sdkTrace.traceId)?.handle?.end();
    }),
    onSpanStart: guarded("starting an OpenAI Agents span", startSpan),
    onSpanEnd: guarded("ending an OpenAI Agents span", endSpan),
    async shutdown() {
      removeBridge();
      registry.clear();
      wrappedEarly.clear();
    },
    async forceFlush() {},
  };
}

/**
 * A handle over a plain OTel span, ended once. A failure is recorded by core as on every other span
 * (not `span.recordException`, whose `exception.type` prefers an error's `code` to its class).
 */
function createPlainHandle(options: {
  span: SpanHandle["span"];
  context: Context;
  instrumentation: Instrumentation;
}): SpanHandle {
  const { span, instrumentation } = options;
  let ended = false;
  return {
    span,
    context: options.context,
    end(error?: unknown) {
      if (ended) return;
      ended = true;
      if (error instanceof Error) instrumentation.recordError(span, error);
      span.end();
    },
  };
}
