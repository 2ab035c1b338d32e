import { createPropertyTelemetrySwitch, type NativeTelemetrySwitch } from "@sightline/core/provider";

/**
 * `@anthropic-ai/sdk` 1.x settles its `openTelemetry` option once, in the constructor, into the
 * instance field `_tracer` (`undefined` when its traces are disabled), and every traced path reads
 * that field per request: `messages.create` and `countTokens` start their span only
 * `if (this._client._tracer)`, `client.request()` takes the untraced path when it is unset, and the
 * stream helpers' `startMessagesStreamSpan` returns early. Shadowing it on the wrapped instance is
 * exactly what `openTelemetry: false` would have produced, for that instance alone: a
 * `withOptions()` copy and every other client keep their own setting. 0.x has no such field.
 */
export const anthropicNativeTelemetrySwitch: NativeTelemetrySwitch<object> = createPropertyTelemetrySwitch({
  sdkName: "@anthropic-ai/sdk",
  property: "_tracer",
});
