export { anthropicNativeTelemetrySwitch } from "./anthropic-native-telemetry-switch.js";
export { detectAnthropicTarget } from "./detect-anthropic-target.js";
export {
  type AnthropicClientLike,
  getAnthropicNativeTelemetryState,
  observeAnthropic,
} from "./observe-anthropic.js";
export type { ObserveAnthropicOptions } from "./types.js";
