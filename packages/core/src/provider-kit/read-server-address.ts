/**
 * `server.address` and `server.port` from a client's base URL, with the scheme's default port when
 * the URL names none (as the OTel JS OpenAI instrumentation does). Also returns the lower-cased host
 * for provider detection. Anything that is not a valid URL gives nothing rather than an error.
 */
export function readServerAddress(baseURL: unknown): {
  serverAddress?: string;
  serverPort?: number;
  host?: string;
} {
  let url: URL;
  try {
    if (typeof baseURL !== "string" && !(baseURL instanceof URL)) return {};
    url = new URL(baseURL);
  } catch {
    return {};
  }
  const serverAddress = url.hostname || undefined;
  return {
    serverAddress,
    serverPort: url.port ? Number(url.port) : url.protocol === "http:" ? 80 : 443,
    host: serverAddress?.toLowerCase(),
  };
}
