import { diag } from "@opentelemetry/api";
import { reportTelemetryError } from "../errors/report-telemetry-error.js";

/**
 * What a wrapper does about spans that the wrapped SDK emits by itself (e.g. `@anthropic-ai/sdk`
 * 1.x): `"off"` switches them off for the wrapped client instance only, so each call has exactly
 * one GenAI span (Sightline's); `"nested"` leaves them on, and they become children of Sightline's
 * span, which then carries the same usage twice for span-based aggregations (metrics still count
 * once: SDKs that trace record no metrics).
 */
export type NativeSpansMode = "off" | "nested";

/** What {@link silenceNativeTelemetry} found and did: recorded once per wrapped client. */
export type NativeTelemetryState =
  /** The client emits no spans of its own (an older SDK, or switched off by its owner). */
  | "absent"
  /** The client emitted spans of its own and no longer does. */
  | "silenced"
  /** The client still emits spans of its own, nested under Sightline's. */
  | "nested";

/** How to read and turn off one SDK's own tracing on one client instance. */
export interface NativeTelemetrySwitch<Client> {
  /** The SDK's package name, for diagnostics. */
  sdkName: string;
  /** Whether this client instance emits spans of its own right now. */
  isOn(client: Client): boolean;
  /** Turns this instance's own spans off. Must leave other instances and process-wide state alone. */
  turnOff(client: Client): void;
}

/** Options of {@link silenceNativeTelemetry}. */
export interface SilenceNativeTelemetryOptions<Client> {
  /** The client being wrapped. */
  client: Client;
  /** The SDK's switch. */
  nativeSwitch: NativeTelemetrySwitch<Client>;
  /** The user's choice. Default: `"off"`. */
  mode?: NativeSpansMode;
}

/**
 * The one place where Sightline settles the "SDK-native spans" question: a wrapped call must give
 * one GenAI span and count its tokens once. Of the three ways (enrich the SDK's span, nest under
 * it, or switch it off), switching off for the wrapped instance is the only one that keeps every
 * call's span, attributes, cost, drift and metrics in core's single lifecycle, works the same for
 * SDKs that never trace, and leaves the user's other clients as they were. Never throws: if the
 * switch fails, the SDK's spans stay on (nested) and a warning says so.
 */
export function silenceNativeTelemetry<Client>(
  options: SilenceNativeTelemetryOptions<Client>,
): NativeTelemetryState {
  const { client, nativeSwitch } = options;
  try {
    if (!nativeSwitch.isOn(client)) return "absent";
    if (options.mode === "nested") return "nested";
    nativeSwitch.turnOff(client);
    if (!nativeSwitch.isOn(client)) return "silenced";
    diag.warn(
      `sightline: could not switch off ${nativeSwitch.sdkName}'s own spans; they will nest under Sightline's`,
    );
    return "nested";
  } catch (error) {
    reportTelemetryError(`switching off ${nativeSwitch.sdkName}'s own spans`, error);
    return "nested";
  }
}

/**
 * A {@link NativeTelemetrySwitch} for SDKs that keep their tracer in a property of the client
 * instance and read it on every request: turning off shadows that property with `undefined` on
 * this instance only.
 */
export function createPropertyTelemetrySwitch<Client extends object>(options: {
  sdkName: string;
  property: string;
}): NativeTelemetrySwitch<Client> {
  const { property } = options;
  return {
    sdkName: options.sdkName,
    isOn: (client) => Boolean((client as Record<string, unknown>)[property]),
    turnOff: (client) => {
      // Writable, so an SDK that re-settles its own field later is not broken by a read-only one.
      Object.defineProperty(client, property, { value: undefined, writable: true, configurable: true });
    },
  };
}
