import { type Context, context, diag } from "@opentelemetry/api";

// Once per process: the condition is a setup mistake, not a per-call event, and withContext runs on every
// request. (Module state on purpose; a second copy of core would warn once more, which is harmless.)
let warned = false;

/**
 * Says once, through `diag.warn`, that `withContext` ran where no context manager is registered: the
 * OTel API's no-op manager ignores `context.with`, so the values would vanish without a word. Called
 * inside `context.with(entered, ...)`, where a working manager makes `entered` the active context.
 */
export function warnMissingContextManager(entered: Context): void {
  if (warned || context.active() === entered) return;
  warned = true;
  diag.warn(
    "@sightline/core: withContext ran with no OpenTelemetry context manager registered, so its values are not attached to spans. Register one (init() of @sightline/node or @sightline/edge does; on Cloudflare Workers enable nodejs_compat).",
  );
}
