import type { ToolDefinition } from "@sightline/core/provider";
import type { JsonSchema } from "../json-schema/types.js";
import { validateJsonSchema } from "../json-schema/validate-json-schema.js";
import type { Evaluator } from "../types.js";
import { createVerdict } from "./create-verdict.js";

/** Options of {@link validToolCalls}. */
export interface ValidToolCallsOptions {
  /** The tools calls may name. Default: the tools the request declared (`input.toolDefinitions`). */
  tools?: readonly ToolDefinition[];
  /** Fail an answer that calls no tool. Default: `false` (no call is valid). */
  requireCall?: boolean;
  /** The evaluation's name. Default: `"valid_tool_calls"`. */
  name?: string;
}

/**
 * Passes when every tool call in the answer names a declared tool and its arguments are a JSON object that
 * conforms to that tool's `parameters` schema (checked with the same JSON Schema subset as
 * `matchesJsonSchema`). The score is the share of valid calls.
 * @example
 * validToolCalls({ requireCall: true });
 */
export function validToolCalls(options: ValidToolCallsOptions = {}): Evaluator {
  const name = options.name ?? "valid_tool_calls";
  return {
    name,
    kind: "deterministic",
    evaluate(input) {
      const tools = new Map((options.tools ?? input.toolDefinitions ?? []).map((tool) => [tool.name, tool]));
      const calls = input.output.flatMap((message) =>
        message.parts.filter((part) => part.type === "tool_call"),
      ) as { name?: unknown; arguments?: unknown }[];
      if (calls.length === 0)
        return createVerdict({
          name,
          passed: !options.requireCall,
          label: options.requireCall ? "no_tool_call" : "pass",
          explanation: options.requireCall
            ? "The answer calls no tool."
            : "The answer calls no tool, so none is invalid.",
        });
      const problems = calls.map((call) => checkCall(call, tools)).filter((problem) => problem !== undefined);
      const passed = problems.length === 0;
      return createVerdict({
        name,
        passed,
        score: (calls.length - problems.length) / calls.length,
        label: passed ? "pass" : "invalid_tool_call",
        explanation: passed
          ? `All ${calls.length} tool call(s) name a declared tool with valid arguments.`
          : `${problems.length} of ${calls.length} tool call(s) are invalid; first: ${problems[0]}.`,
      });
    },
  };
}

function checkCall(
  call: { name?: unknown; arguments?: unknown },
  tools: Map<string, ToolDefinition>,
): string | undefined {
  const toolName = typeof call.name === "string" ? call.name : "";
  const tool = tools.get(toolName);
  if (!tool) return `"${toolName}" is not a declared tool`;
  let args = call.arguments ?? {};
  if (typeof args === "string") {
    try {
      args = args.trim() === "" ? {} : JSON.parse(args);
    } catch {
      return `the arguments of "${toolName}" are not valid JSON`;
    }
  }
  if (typeof args !== "object" || args === null || Array.isArray(args))
    return `the arguments of "${toolName}" are not a JSON object`;
  if (tool.parameters === undefined || tool.parameters === null) return undefined;
  const violations = validateJsonSchema(args, tool.parameters as JsonSchema);
  const first = violations[0];
  return first ? `"${toolName}" at "${first.path || "/"}": ${first.message}` : undefined;
}
