import { type Context, context } from "@opentelemetry/api";
import { getSightlineContext, type SightlineContext, withContext } from "@sightline/core";

const CONTEXT_KEYS = [
  "feature",
  "conversationId",
  "userId",
  "tenantId",
  "promptId",
  "promptVersion",
] as const;

/**
 * The context a call's spans start in: the active one, plus Sightline context from the AI SDK's
 * per-call telemetry. `functionId` becomes `feature` (unless `withContext` already set one), and
 * `runtimeContext` keys named like Sightline's context fields (`conversationId`, `userId`,
 * `tenantId`, `feature`, `promptId`, `promptVersion`) with string values are used as such.
 */
export function resolveCallContext(event: { functionId?: string; runtimeContext?: unknown }): Context {
  const values: SightlineContext = {};
  if (typeof event.functionId === "string" && event.functionId && !getSightlineContext().feature) {
    values.feature = event.functionId;
  }
  const runtime = event.runtimeContext;
  if (typeof runtime === "object" && runtime !== null) {
    for (const key of CONTEXT_KEYS) {
      const value = (runtime as Record<string, unknown>)[key];
      if (typeof value === "string" && value) values[key] = value;
    }
  }
  if (Object.keys(values).length === 0) return context.active();
  return withContext(values, () => context.active());
}
