import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import type { MockProvider, MockRoute } from "./internal-types.js";
import { FALLBACK_MOCK_PROVIDER, MOCK_PROVIDERS } from "./mock-providers.js";
import { sendJson } from "./send-json.js";
import { sleep } from "./sleep.js";
import type { MockLLMServer, MockLLMServerOptions, MockScript, RecordedRequest } from "./types.js";

const MAX_RECORDED_REQUESTS = 1000;
const MAX_BODY_BYTES = 32 * 1024 * 1024;

/**
 * Starts a mock LLM server on 127.0.0.1 speaking the OpenAI (chat completions, Responses, embeddings),
 * Anthropic Messages and Gemini wire formats (SSE streaming too), with scripted answers and fault injection.
 *
 * @example
 * ```ts
 * const server = await startMockLLMServer();
 * const client = new OpenAI({ apiKey: "test", baseURL: server.openaiBaseURL, maxRetries: 0 });
 * server.enqueue({ text: "Hi" }, { status: 429 });
 * await client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: "Hey" }] });
 * await server.close();
 * ```
 */
export async function startMockLLMServer(options: MockLLMServerOptions = {}): Promise<MockLLMServer> {
  const queue: MockScript[] = [];
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const closing = new AbortController();
  let sequence = 0;

  const server = createServer((request, response) => {
    handleRequest(request, response).catch((error: unknown) => {
      if (!response.headersSent) {
        const message = `Mock server error: ${error instanceof Error ? error.message : String(error)}`;
        sendJson({
          response,
          status: 500,
          body: FALLBACK_MOCK_PROVIDER.createErrorBody({ status: 500, message }),
        });
      } else {
        response.destroy();
      }
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });

  async function handleRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const [path = "/", search = ""] = (request.url ?? "/").split("?", 2);
    const method = request.method ?? "GET";
    const recorded: RecordedRequest = {
      method,
      path,
      query: Object.fromEntries(new URLSearchParams(search)),
      headers: flattenHeaders(request),
      body: parseBody(await readBody(request)),
    };
    requests.push(recorded);
    if (requests.length > MAX_RECORDED_REQUESTS) requests.splice(0, requests.length - MAX_RECORDED_REQUESTS);

    const match = findRoute({ method, path });
    if (!match) {
      const provider = MOCK_PROVIDERS.find((candidate) => candidate.ownsPath(path)) ?? FALLBACK_MOCK_PROVIDER;
      const message = `Unknown request URL: ${method} ${path}. The Sightline mock does not serve it.`;
      sendJson({ response, status: 404, body: provider.createErrorBody({ status: 404, message }) });
      return;
    }
    // A behaviour change applies to default replies only, so faults enqueued by a test still win.
    const changed = options.behaviourChange && sequence >= options.behaviourChange.afterCalls;
    const script =
      queue.shift() ??
      options.respond?.(recorded) ??
      (changed ? (options.behaviourChange?.script ?? {}) : {});
    sequence += 1;
    // One controller per request, aborted by the client leaving or the server closing. (Not
    // AbortSignal.any: on Node 20 it can keep every derived signal alive on the long-lived closing signal.)
    const requestController = new AbortController();
    const abortRequest = () => requestController.abort();
    closing.signal.addEventListener("abort", abortRequest, { once: true });
    response.once("close", () => {
      closing.signal.removeEventListener("abort", abortRequest);
      abortRequest();
    });
    const signal = requestController.signal;
    await sleep(script.delayMs ?? 0, signal);
    if (signal.aborted) return;
    if (script.status !== undefined && script.status >= 400) {
      const message = `Mock ${match.provider.name} error with status ${script.status}.`;
      sendJson({
        response,
        status: script.status,
        body: script.errorBody ?? match.provider.createErrorBody({ status: script.status, message }),
        headers: {
          "x-request-id": `req_mock_${sequence}`,
          ...(script.status === 429 ? { "retry-after": "0" } : {}),
        },
      });
      return;
    }
    await match.route.handle({ request: recorded, script, response, sequence, signal });
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    openaiBaseURL: `${url}/v1`,
    requests,
    enqueue: (...scripts) => {
      queue.push(...scripts);
    },
    reset: () => {
      queue.length = 0;
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        closing.abort();
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}

function findRoute(options: {
  method: string;
  path: string;
}): { provider: MockProvider; route: MockRoute } | undefined {
  for (const provider of MOCK_PROVIDERS) {
    for (const route of provider.routes) {
      if (route.method === options.method && route.matches(options.path)) return { provider, route };
    }
  }
  return undefined;
}

function flattenHeaders(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return headers;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new Error(`request body over ${MAX_BODY_BYTES} bytes`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function parseBody(text: string): unknown {
  if (text === "") return "";
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
