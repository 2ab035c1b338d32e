import { FORWARDED_HOST_HEADER } from "./resolve-mock-host.js";

/**
 * A `fetch` for an SDK client whose base URL names a real host (`https://api.deepseek.com`): every request
 * goes to the mock instead, with the host it meant to reach in `x-forwarded-host`, so the client (and
 * anything that reads its base URL) sees the real host while nothing leaves the machine. Path and query
 * are kept. Requests already aimed at the mock pass through unchanged.
 *
 * @example
 * const client = new OpenAI({ apiKey: "test", baseURL: "https://api.deepseek.com", fetch: createHostRoutingFetch(server.url) });
 */
export function createHostRoutingFetch(mockUrl: string): typeof fetch {
  const mock = new URL(mockUrl);
  return (input, init) => {
    const original = new URL(input instanceof Request ? input.url : String(input));
    if (original.origin === mock.origin) return fetch(input, init);
    const routed = new URL(`${original.pathname}${original.search}`, mock);
    const headers = new Headers(input instanceof Request ? input.headers : undefined);
    for (const [name, value] of new Headers(init?.headers)) headers.set(name, value);
    headers.set(FORWARDED_HOST_HEADER, original.host);
    if (input instanceof Request) return fetch(new Request(routed, input), { ...init, headers });
    return fetch(routed, { ...init, headers });
  };
}
