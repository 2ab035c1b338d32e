import type { Span } from "@opentelemetry/api";
import type { ResolvedConfig } from "../config/internal-types.js";
import { recordContentAttribute } from "../content/record-content-attribute.js";
import { reportTelemetryError } from "../errors/report-telemetry-error.js";
import {
  ATTR_GEN_AI_INPUT_MESSAGES,
  ATTR_GEN_AI_SYSTEM_INSTRUCTIONS,
  ATTR_GEN_AI_TOOL_DEFINITIONS,
} from "../semconv.js";
import type { GenAIRequest } from "./operation-shapes.js";

/**
 * Records a request's captured content (system instructions, input messages, tool definitions) on its
 * span, within the content bounds and through redaction, counting what was redacted into
 * `redactionCounts`. Called only when content capture is on; a failure is reported, never thrown.
 */
export function recordRequestContent(options: {
  span: Span;
  config: ResolvedConfig;
  request: GenAIRequest;
  redactionCounts: Record<string, number>;
}): void {
  try {
    const content = options.request.content?.();
    if (!content) return;
    const entries: [string, unknown][] = [
      [ATTR_GEN_AI_SYSTEM_INSTRUCTIONS, content.systemInstructions],
      [ATTR_GEN_AI_INPUT_MESSAGES, content.inputMessages],
      [ATTR_GEN_AI_TOOL_DEFINITIONS, content.toolDefinitions],
    ];
    for (const [attribute, value] of entries) {
      if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
      recordContentAttribute({
        span: options.span,
        config: options.config,
        attribute,
        build: () => value,
        redactionCounts: options.redactionCounts,
      });
    }
  } catch (error) {
    reportTelemetryError("capturing request content", error);
  }
}
