/** The mock serves Cohere under `/cohere` (the client's `baseUrl` is `${server.url}/cohere`). */
export const COHERE_PREFIX = "/cohere";

/** The Cohere API path of a mock path (`/cohere/v2/chat` → `/v2/chat`), or `undefined`. */
export function stripCoherePrefix(path: string): string | undefined {
  return path.startsWith(`${COHERE_PREFIX}/`) ? path.slice(COHERE_PREFIX.length) : undefined;
}
