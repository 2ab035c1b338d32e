import type { SightlineOptions } from "@sightline/core";

/** Options of `observeOpenAI`. */
export interface ObserveOpenAIOptions extends SightlineOptions {
  /**
   * `gen_ai.provider.name` for this client. Default: detected from the client (`AzureOpenAI`) and its
   * base URL (see docs/openai.md, "OpenAI-compatible hosts"); `openai_compatible` for an unknown host.
   */
  providerName?: string;
  /**
   * `"inject"` asks for `stream_options.include_usage` on streamed chat completions when the
   * caller did not, and hides the extra usage chunk from the caller, so streamed calls get token
   * counts with no visible change. `"off"` leaves requests untouched. Default: `"off"`.
   */
  streamUsage?: "inject" | "off";
  /**
   * Azure OpenAI deployment name → the model it serves (e.g. `{ "my-gpt4o": "gpt-4o-2024-11-20" }`), used
   * for pricing: a mapped deployment is priced as its model; any other call is priced by the response
   * model. Only read for `azure.ai.openai` clients. Default: none.
   */
  azureDeployments?: Readonly<Record<string, string>>;
}
