import type { SightlineOptions } from "@sightline/core";

/** Options of `observeOpenAI`. */
export interface ObserveOpenAIOptions extends SightlineOptions {
  /**
   * `"inject"` asks for `stream_options.include_usage` on streamed chat completions when the
   * caller did not, and hides the extra usage chunk from the caller, so streamed calls get token
   * counts with no visible change. `"off"` leaves requests untouched. Default: `"off"`.
   */
  streamUsage?: "inject" | "off";
}
