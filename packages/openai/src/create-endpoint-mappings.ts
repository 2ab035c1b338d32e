import { createTranscriptionStreamAccumulator } from "./audio/create-transcription-stream-accumulator.js";
import { mapSpeechRequest } from "./audio/map-speech-request.js";
import { mapSpeechResponse } from "./audio/map-speech-response.js";
import { mapTranscriptionRequest } from "./audio/map-transcription-request.js";
import { mapTranscriptionResponse } from "./audio/map-transcription-response.js";
import { createCompletionsStreamAccumulator } from "./completions/create-completions-stream-accumulator.js";
import { mapCompletionsRequest } from "./completions/map-completions-request.js";
import { mapCompletionsResponse } from "./completions/map-completions-response.js";
import { createImagesStreamAccumulator } from "./images/create-images-stream-accumulator.js";
import { mapImagesRequest } from "./images/map-images-request.js";
import { mapImagesResponse } from "./images/map-images-response.js";
import type { MethodMapping } from "./method-mapping.js";
import { mapModerationsRequest } from "./moderations/map-moderations-request.js";
import { mapModerationsResponse } from "./moderations/map-moderations-response.js";

/** The parts of an `openai` client beyond chat, responses and embeddings that Sightline wraps. */
export interface OpenAIEndpointsLike {
  completions?: object;
  images?: object;
  audio?: { transcriptions?: object; translations?: object; speech?: object };
  moderations?: object;
}

/**
 * The mappings of the rest of the OpenAI API apps call: legacy completions, images (generate, edit), audio
 * (transcriptions, translations, speech) and moderations. Batches, files, fine-tuning and realtime are not wrapped.
 */
export function createEndpointMappings(options: {
  client: OpenAIEndpointsLike;
  maxContentLength: number;
  prepareStreamUsage: (params: unknown) => { params: unknown; injectedUsage: boolean };
}): MethodMapping[] {
  const { client, maxContentLength } = options;
  return [
    {
      owner: client.completions,
      mapRequest: mapCompletionsRequest,
      mapResponse: mapCompletionsResponse,
      prepareParams: options.prepareStreamUsage,
      createAccumulator: (injectedUsage, _, keepContent) =>
        createCompletionsStreamAccumulator({
          captureContent: keepContent,
          hideUsageChunk: injectedUsage,
          maxContentLength,
        }),
    },
    {
      owner: client.images,
      name: "generate",
      mapRequest: mapImagesRequest,
      mapResponse: mapImagesResponse,
      createAccumulator: (_, params) => createImagesStreamAccumulator(params),
    },
    {
      owner: client.images,
      name: "edit",
      mapRequest: mapImagesRequest,
      mapResponse: mapImagesResponse,
      createAccumulator: (_, params) => createImagesStreamAccumulator(params),
    },
    {
      owner: client.audio?.transcriptions,
      mapRequest: mapTranscriptionRequest("transcriptions"),
      mapResponse: mapTranscriptionResponse,
      createAccumulator: () => createTranscriptionStreamAccumulator(),
    },
    {
      owner: client.audio?.translations,
      mapRequest: mapTranscriptionRequest("translations"),
      mapResponse: mapTranscriptionResponse,
    },
    { owner: client.audio?.speech, mapRequest: mapSpeechRequest, mapResponse: mapSpeechResponse },
    { owner: client.moderations, mapRequest: mapModerationsRequest, mapResponse: mapModerationsResponse },
  ];
}
