import { BaseCallbackHandler } from "@langchain/core/callbacks/base";
import { context } from "@opentelemetry/api";
import { createInstrumentation, reportTelemetryError, startToolSpan } from "@sightline/core/provider";
import {
  ATTR_GEN_AI_REQUEST_STREAM,
  ATTR_SIGHTLINE_LANGCHAIN_RUN_ID,
  GEN_AI_OPERATION_CHAT,
  GEN_AI_OPERATION_TEXT_COMPLETION,
} from "@sightline/core/semconv";
import { createRunRegistry } from "./create-run-registry.js";
import type { HandlerState, Serialized } from "./internal-types.js";
import type { LangChainMessageLike } from "./map-langchain-messages.js";
import { readClassName } from "./map-langchain-request.js";
import { type LangChainResult, mapLangChainResult } from "./map-langchain-result.js";
import { startChainRun } from "./start-chain-run.js";
import { startModelRun } from "./start-model-run.js";
import type { SightlineLangChainOptions } from "./types.js";
import { PACKAGE_NAME, PACKAGE_VERSION } from "./version.js";

/** LangGraph's control-flow signals, raised through chain runs: not failures. */
const CONTROL_FLOW_ERRORS = new Set(["GraphInterrupt", "NodeInterrupt", "ParentCommand", "GraphBubbleUp"]);

/**
 * A LangChain callback handler that records every chat model and LLM run as a GenAI CLIENT span
 * (`chat` / `text_completion`: request parameters, tokens with cache reads and reasoning, finish
 * reasons, response model, time to first chunk, cost, drift, budgets and policies, metrics),
 * tool runs as `execute_tool` spans, compiled LangGraph graphs (`createReactAgent`, `createAgent`)
 * as `invoke_agent` spans with `sightline.cost.total`, and chains and graph nodes as INTERNAL
 * `chain <name>` / `graph_node <name>` spans, nested by LangChain's parent run id, the outermost run
 * under the app's active span. With `governance` in enforce mode a refused model call throws
 * `BudgetExceededError` / `PolicyViolationError` from the start callback, so LangChain never sends it.
 * Use one handler for the whole app.
 * @example
 * const sightline = new SightlineCallbackHandler();
 * await agent.invoke({ messages }, { callbacks: [sightline] });
 */
export class SightlineCallbackHandler extends BaseCallbackHandler {
  /** The handler's name in LangChain's callback manager. */
  name = "SightlineCallbackHandler";
  readonly #state: HandlerState;

  /** @param options Sightline options (tracer/meter providers, content capture, governance and the rest). */
  constructor(options: SightlineLangChainOptions = {}) {
    // Errors thrown from a callback reach the app only with raiseError, and only when LangChain
    // awaits the handler (raiseError implies it): that is how a governance refusal stops a call.
    // Every other step of this handler catches its own failures.
    super({ raiseError: true, _awaitHandler: true });
    // LangChain's `copy()` calls `new this.constructor(this)`: a copy shares the original's runs.
    const source = (options as { sightlineState?: () => HandlerState }).sightlineState?.();
    this.#state = source ?? {
      instrumentation: createInstrumentation({
        scopeName: PACKAGE_NAME,
        scopeVersion: PACKAGE_VERSION,
        options,
      }),
      runs: createRunRegistry(),
      agentSpans: options.agentSpans !== false,
      chainSpans: options.chainSpans !== false,
    };
  }

  /** @internal Shared with copies of this handler. */
  sightlineState(): HandlerState {
    return this.#state;
  }

  /** Number of runs this handler has open (bounded; for tests and diagnostics). */
  get openRuns(): number {
    return this.#state.runs.size;
  }

  override handleChatModelStart(
    llm: Serialized,
    messages: LangChainMessageLike[][],
    runId: string,
    parentRunId?: string,
    extraParams?: Record<string, unknown>,
    _tags?: string[],
    metadata?: Record<string, unknown>,
  ): void {
    startModelRun(this.#state, {
      runId,
      parentRunId,
      start: {
        operation: GEN_AI_OPERATION_CHAT,
        serialized: llm,
        extraParams,
        metadata,
        input: messages?.[0],
        captureContent: this.#state.instrumentation.config.keepContent,
      },
    });
  }

  override handleLLMStart(
    llm: Serialized,
    prompts: string[],
    runId: string,
    parentRunId?: string,
    extraParams?: Record<string, unknown>,
    _tags?: string[],
    metadata?: Record<string, unknown>,
  ): void {
    startModelRun(this.#state, {
      runId,
      parentRunId,
      start: {
        operation: GEN_AI_OPERATION_TEXT_COMPLETION,
        serialized: llm,
        extraParams,
        metadata,
        input: prompts?.[0],
        captureContent: this.#state.instrumentation.config.keepContent,
      },
    });
  }

  override handleLLMNewToken(
    token: string,
    _index: unknown,
    runId: string,
    _parentRunId?: string,
    _tags?: string[],
    fields?: unknown,
  ): void {
    try {
      const operation = this.#state.runs.get(runId)?.operation;
      if (!operation || operation.isEnded) return;
      const chunk = (fields as { chunk?: { message?: { tool_call_chunks?: unknown } } } | undefined)?.chunk;
      const toolChunks = chunk?.message?.tool_call_chunks;
      if (token === "" && !(Array.isArray(toolChunks) && toolChunks.length > 0)) return;
      const now = performance.now();
      if (operation.firstChunkTime === undefined) {
        operation.firstChunkTime = now;
        operation.span.setAttribute(ATTR_GEN_AI_REQUEST_STREAM, true);
      }
      operation.markOutputChunk(now);
      operation.lastActivity = now;
    } catch (error) {
      reportTelemetryError("recording a LangChain token", error);
    }
  }

  override handleLLMEnd(output: unknown, runId: string): void {
    try {
      const state = this.#state.runs.close(runId, {});
      state?.operation?.succeed(
        mapLangChainResult(output as LangChainResult, this.#state.instrumentation.config.keepContent),
      );
    } catch (error) {
      reportTelemetryError("ending a LangChain model run", error);
    }
  }

  override handleLLMError(error: unknown, runId: string): void {
    this.#close(runId, error);
  }

  override handleChainStart(
    chain: Serialized,
    _inputs: unknown,
    runId: string,
    fourth?: string,
    tags?: string[],
    metadata?: Record<string, unknown>,
    seventh?: string,
    eighth?: string,
  ): void {
    startChainRun(this.#state, {
      chain,
      runId,
      fourth,
      tags,
      metadata,
      seventh,
      eighth,
    });
  }

  override handleChainEnd(_outputs: unknown, runId: string): void {
    try {
      this.#state.runs.close(runId, {})?.span?.end();
    } catch (error) {
      reportTelemetryError("ending a LangChain chain run", error);
    }
  }

  override handleChainError(error: unknown, runId: string): void {
    const name = (error as { name?: unknown } | undefined)?.name;
    if (typeof name === "string" && CONTROL_FLOW_ERRORS.has(name)) {
      this.handleChainEnd(undefined, runId);
      return;
    }
    this.#close(runId, error);
  }

  override handleToolStart(
    tool: Serialized,
    input: string,
    runId: string,
    parentRunId?: string,
    _tags?: string[],
    _metadata?: Record<string, unknown>,
    runName?: string,
    toolCallId?: string,
  ): void {
    try {
      const state = this.#state;
      const parent = state.runs.get(parentRunId)?.context ?? context.active();
      const name = runName ?? tool?.name ?? readClassName(tool) ?? "tool";
      const handle = startToolSpan(name, {
        instrumentation: state.instrumentation,
        context: parent,
        callId: toolCallId,
        type: "function",
        arguments: state.instrumentation.config.captureContent ? parseInput(input) : undefined,
        attributes: { [ATTR_SIGHTLINE_LANGCHAIN_RUN_ID]: runId },
      });
      state.runs.add(runId, { context: handle.context, span: handle, tool: true });
    } catch (error) {
      reportTelemetryError("starting a LangChain tool run", error);
    }
  }

  override handleToolEnd(output: unknown, runId: string): void {
    try {
      const state = this.#state.runs.close(runId, {});
      const span = state?.span;
      if (!span) return;
      if (state.tool && "setResult" in span) {
        const content = (output as { content?: unknown } | undefined)?.content;
        span.setResult(content !== undefined ? content : output);
      }
      span.end();
    } catch (error) {
      reportTelemetryError("ending a LangChain tool run", error);
    }
  }

  override handleToolError(error: unknown, runId: string): void {
    this.#close(runId, error);
  }

  #close(runId: string, error: unknown): void {
    try {
      this.#state.runs.close(runId, { error: error ?? new Error("LangChain run failed") });
    } catch (telemetryError) {
      reportTelemetryError("ending a failed LangChain run", telemetryError);
    }
  }
}

/** A tool's input as LangChain passes it (a JSON string for structured tools), parsed when it is JSON. */
function parseInput(input: string): unknown {
  if (typeof input !== "string") return input;
  try {
    return JSON.parse(input);
  } catch {
    return input;
  }
}

/**
 * Creates a {@link SightlineCallbackHandler}. Pass it per call (`{ callbacks: [handler] }`), per
 * runnable (`.withConfig({ callbacks: [handler] })`), or on a model's constructor.
 * @example
 * const sightline = createSightlineCallbackHandler({ governance });
 * const agent = createReactAgent({ llm, tools }).withConfig({ callbacks: [sightline] });
 */
export function createSightlineCallbackHandler(
  options: SightlineLangChainOptions = {},
): SightlineCallbackHandler {
  return new SightlineCallbackHandler(options);
}
