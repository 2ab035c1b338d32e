import { reportTelemetryError } from "@sightline/core/provider";
import type { Telemetry } from "ai";

/**
 * Wraps every `on…` callback of an integration so a failure in Sightline's own code is reported
 * through `diag` and never reaches the AI SDK (which would otherwise drop it silently). The
 * `execute…` wrappers are left as they are: they must pass the call's own result or error, and an
 * enforce-mode refusal is thrown from them on purpose.
 */
export function guardTelemetry(integration: Telemetry): Telemetry {
  const guarded: Record<string, unknown> = { ...integration };
  for (const [name, callback] of Object.entries(integration)) {
    if (!name.startsWith("on") || typeof callback !== "function") continue;
    guarded[name] = (event: unknown) => {
      try {
        callback(event);
      } catch (error) {
        reportTelemetryError(`the AI SDK ${name} hook`, error);
      }
    };
  }
  return guarded as Telemetry;
}
