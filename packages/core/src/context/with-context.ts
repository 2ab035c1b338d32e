import { type Attributes, type Context, context, createContextKey } from "@opentelemetry/api";
import {
  ATTR_GEN_AI_CONVERSATION_ID,
  ATTR_SIGHTLINE_FEATURE,
  ATTR_SIGHTLINE_PROMPT_ID,
  ATTR_SIGHTLINE_PROMPT_VERSION,
  ATTR_SIGHTLINE_TENANT_ID,
  ATTR_USER_ID,
} from "../semconv.js";
import type { SightlineContext } from "./types.js";
import { warnMissingContextManager } from "./warn-missing-context-manager.js";

const SIGHTLINE_CONTEXT_KEY = createContextKey("sightline.context");

/** The context as attributes, computed once per `withContext` so operations only read it. */
export interface ResolvedSightlineContext {
  /** The merged values, frozen: operations share this object rather than copying it. */
  values: Readonly<SightlineContext>;
  spanAttributes: Attributes;
  metricAttributes: Attributes;
}

/**
 * Runs `fn` with `values` attached to every GenAI span started inside it (including across
 * `await`, given a context manager, which every Node OTel SDK setup registers). Nested calls merge,
 * inner values winning. Returns what `fn` returns. Without a context manager the values cannot be
 * kept; the first such call says so once through `diag.warn`.
 * @example
 * await withContext({ feature: "support-reply", conversationId: ticket.id }, () => openai.chat.completions.create(...));
 */
export function withContext<T>(values: SightlineContext, fn: () => T): T {
  const merged = Object.freeze({ ...getSightlineContext(), ...dropUndefined(values) });
  const resolved = resolveContext(merged);
  const entered = context.active().setValue(SIGHTLINE_CONTEXT_KEY, { values: merged, resolved });
  return context.with(entered, () => {
    warnMissingContextManager(entered);
    return fn();
  });
}

/** The Sightline context active here (empty outside `withContext`). */
export function getSightlineContext(): SightlineContext {
  const stored = context.active().getValue(SIGHTLINE_CONTEXT_KEY) as { values: SightlineContext } | undefined;
  return stored ? { ...stored.values } : {};
}

/** The active context's attributes, or undefined outside `withContext`. */
export function getResolvedContext(): ResolvedSightlineContext | undefined {
  const stored = context.active().getValue(SIGHTLINE_CONTEXT_KEY) as
    | { resolved: ResolvedSightlineContext }
    | undefined;
  return stored?.resolved;
}

function resolveContext(values: Readonly<SightlineContext>): ResolvedSightlineContext {
  const metricAttributes: Attributes = {};
  if (values.feature !== undefined) metricAttributes[ATTR_SIGHTLINE_FEATURE] = values.feature;
  if (values.promptId !== undefined) metricAttributes[ATTR_SIGHTLINE_PROMPT_ID] = values.promptId;
  if (values.promptVersion !== undefined)
    metricAttributes[ATTR_SIGHTLINE_PROMPT_VERSION] = values.promptVersion;
  const spanAttributes: Attributes = { ...metricAttributes };
  if (values.conversationId !== undefined)
    spanAttributes[ATTR_GEN_AI_CONVERSATION_ID] = values.conversationId;
  if (values.userId !== undefined) spanAttributes[ATTR_USER_ID] = values.userId;
  if (values.tenantId !== undefined) spanAttributes[ATTR_SIGHTLINE_TENANT_ID] = values.tenantId;
  return { values, spanAttributes, metricAttributes };
}

function dropUndefined(values: SightlineContext): SightlineContext {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    if (typeof value === "string") result[key] = value;
  }
  return result;
}

/**
 * `to` with the `withContext` values active in `from` (when `from` has any): a call moved into another
 * context by a call-context bridge keeps the tenant, conversation and feature set around it.
 */
export function carrySightlineContext(from: Context, to: Context): Context {
  const stored = from.getValue(SIGHTLINE_CONTEXT_KEY);
  return stored === undefined || to.getValue(SIGHTLINE_CONTEXT_KEY) === stored
    ? to
    : to.setValue(SIGHTLINE_CONTEXT_KEY, stored);
}
