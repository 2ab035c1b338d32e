import type { GenAIRequest, GenAIResponse, StreamAccumulator } from "@sightline/core/provider";

/** One wrapped method: how to map its request, its response and (if it streams) its chunks. */
export interface MethodMapping {
  owner: object | undefined;
  /** The method's name. Default `create`. */
  name?: string;
  mapRequest: (params: unknown) => GenAIRequest;
  /** Maps the parsed body; `params` are the caller's (for endpoints billed by what was sent, e.g. speech). */
  mapResponse: (body: unknown, params: unknown) => GenAIResponse;
  /** `keepContent`: whether this call's accumulator keeps the answer's text (content capture, or sampled for evaluation). */
  createAccumulator?: (
    injectedUsage: boolean,
    params: unknown,
    keepContent: boolean,
  ) => StreamAccumulator<unknown>;
  prepareParams?: (params: unknown) => { params: unknown; injectedUsage: boolean };
}
