import { type Attributes, SpanKind } from "@opentelemetry/api";
import {
  ATTR_GEN_AI_AGENT_DESCRIPTION,
  ATTR_GEN_AI_AGENT_ID,
  ATTR_GEN_AI_AGENT_NAME,
  ATTR_GEN_AI_AGENT_VERSION,
  ATTR_GEN_AI_OPERATION_NAME,
  ATTR_GEN_AI_PROVIDER_NAME,
  ATTR_GEN_AI_TOOL_CALL_ARGUMENTS,
  ATTR_GEN_AI_TOOL_CALL_ID,
  ATTR_GEN_AI_TOOL_CALL_RESULT,
  ATTR_GEN_AI_TOOL_DESCRIPTION,
  ATTR_GEN_AI_TOOL_NAME,
  ATTR_GEN_AI_TOOL_TYPE,
  GEN_AI_OPERATION_EXECUTE_TOOL,
  GEN_AI_OPERATION_INVOKE_AGENT,
} from "../semconv.js";
import { startGenAISpan } from "./start-genai-span.js";
import type { AgentSpanOptions, GenAISpanHandle, ToolSpanHandle, ToolSpanOptions } from "./types.js";

/**
 * Starts a semconv `invoke_agent {name}` span (INTERNAL, or CLIENT with `remote`) whose end comes
 * from another callback. Run the agent's work in `handle.context` so model calls nest under it and
 * their costs add up to `sightline.cost.total`; call `handle.end(error?)` once. `traceAgent` is
 * built on it.
 * @example
 * const agent = startAgentSpan("planner");
 * await context.with(agent.context, () => run());
 * agent.end();
 */
export function startAgentSpan(name: string, options: AgentSpanOptions = {}): GenAISpanHandle {
  const attributes: Attributes = { [ATTR_GEN_AI_OPERATION_NAME]: GEN_AI_OPERATION_INVOKE_AGENT };
  if (name) attributes[ATTR_GEN_AI_AGENT_NAME] = name;
  setString(attributes, ATTR_GEN_AI_AGENT_ID, options.id);
  setString(attributes, ATTR_GEN_AI_AGENT_DESCRIPTION, options.description);
  setString(attributes, ATTR_GEN_AI_AGENT_VERSION, options.version);
  setString(attributes, ATTR_GEN_AI_PROVIDER_NAME, options.providerName);
  return startGenAISpan({
    name: name ? `${GEN_AI_OPERATION_INVOKE_AGENT} ${name}` : GEN_AI_OPERATION_INVOKE_AGENT,
    kind: options.remote ? SpanKind.CLIENT : SpanKind.INTERNAL,
    attributes,
    spanOptions: options,
    tallyCost: true,
  });
}

/**
 * Starts a semconv `execute_tool {name}` span (INTERNAL) whose end comes from another callback.
 * Arguments (`options.arguments`) and the result (`handle.setResult`) are recorded only with
 * content capture on, redacted and bounded. `traceTool` is built on it.
 * @example
 * const tool = startToolSpan("get_weather", { callId: call.id, arguments: call.args });
 * tool.setResult(result);
 * tool.end();
 */
export function startToolSpan(name: string, options: ToolSpanOptions = {}): ToolSpanHandle {
  const attributes: Attributes = {
    [ATTR_GEN_AI_OPERATION_NAME]: GEN_AI_OPERATION_EXECUTE_TOOL,
    [ATTR_GEN_AI_TOOL_NAME]: name,
    [ATTR_GEN_AI_TOOL_TYPE]: options.type ?? "function",
  };
  setString(attributes, ATTR_GEN_AI_TOOL_CALL_ID, options.callId);
  setString(attributes, ATTR_GEN_AI_TOOL_DESCRIPTION, options.description);
  return startGenAISpan({
    name: `${GEN_AI_OPERATION_EXECUTE_TOOL} ${name}`,
    kind: SpanKind.INTERNAL,
    attributes,
    spanOptions: options,
    tallyCost: false,
    startContent: { attribute: ATTR_GEN_AI_TOOL_CALL_ARGUMENTS, value: options.arguments },
    resultAttribute: ATTR_GEN_AI_TOOL_CALL_RESULT,
  });
}

function setString(attributes: Attributes, key: string, value: unknown): void {
  if (typeof value === "string" && value !== "") attributes[key] = value;
}
