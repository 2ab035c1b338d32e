import { type Context, context, type Span, SpanKind, trace } from "@opentelemetry/api";
import { ATTR_GEN_AI_OPERATION_NAME } from "@sightline/core/semconv";

/** The call's context, with the active span kept when it is another tool's GenAI CLIENT span for this call. */
export function resolveModelCallContext(callContext: Context | undefined): Context {
  const active = context.active();
  if (!callContext) return active;
  const span = trace.getSpan(active) as
    | (Span & { kind?: unknown; attributes?: Record<string, unknown> })
    | undefined;
  const operation = span?.attributes?.[ATTR_GEN_AI_OPERATION_NAME];
  const isModelCall =
    operation === "chat" || operation === "text_completion" || operation === "generate_content";
  return span?.kind === SpanKind.CLIENT && isModelCall ? trace.setSpan(callContext, span) : callContext;
}
