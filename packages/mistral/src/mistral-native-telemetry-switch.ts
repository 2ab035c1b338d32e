import type { NativeTelemetrySwitch } from "@sightline/core/provider";

/** The marker `@mistralai/mistralai` 2.x puts on its tracing hook instance. */
const TRACING_HOOK_MARKER = "_mistralTracingHook";
const SILENCED = Symbol.for("sightline.mistral.silencedTracingHook");

type HookLike = Record<string | symbol, unknown> & { beforeRequest?: unknown };

/**
 * The tracing hook of one client: `@mistralai/mistralai` 2.x registers a `TracingHook` per client
 * instance (`client._options.hooks.beforeRequestHooks`, shared by the client's sub-SDKs such as `chat`
 * and `fim`). Its `beforeRequest` decides, per request, whether to start the SDK's own span (when a
 * tracer provider was registered through `registerTracerProvider`, or telemetry configured).
 */
function findTracingHook(client: object): HookLike | undefined {
  const options = (client as { _options?: { hooks?: { beforeRequestHooks?: unknown } } })._options;
  const hooks = options?.hooks?.beforeRequestHooks;
  if (!Array.isArray(hooks)) return undefined;
  return hooks.find(
    (hook): hook is HookLike => typeof hook === "object" && hook !== null && TRACING_HOOK_MARKER in hook,
  );
}

/**
 * Switches off the SDK's own spans for one client: its tracing hook's `beforeRequest` is shadowed, on
 * that hook instance only, by one that leaves the request untraced (so `afterSuccess` / `afterError`
 * find no span and pass the response through). Other clients, and the process-wide
 * `registerTracerProvider`, are untouched. "On" means the client has a tracing hook that can start a
 * span: whether it does depends on tracing being configured at request time, which can change after
 * wrapping, so it is switched off whenever present.
 */
export const mistralNativeTelemetrySwitch: NativeTelemetrySwitch<object> = {
  sdkName: "@mistralai/mistralai",
  isOn: (client) => {
    const hook = findTracingHook(client);
    return hook !== undefined && hook[SILENCED] !== true;
  },
  turnOff: (client) => {
    const hook = findTracingHook(client);
    if (!hook) return;
    Object.defineProperty(hook, "beforeRequest", {
      value: async (_context: unknown, request: Request) => request,
      writable: true,
      configurable: true,
    });
    Object.defineProperty(hook, SILENCED, { value: true, configurable: true });
  },
};
