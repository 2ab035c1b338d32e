import type { ServerResponse } from "node:http";

/** Answers an OTLP request with a JSON body: `{}` on success, `{ error }` otherwise. */
export function answerJson(options: { response: ServerResponse; status: number; message?: string }): void {
  const { response } = options;
  if (response.headersSent) return;
  const body = JSON.stringify(options.message === undefined ? {} : { error: options.message });
  response.writeHead(options.status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(body),
    ...(options.status === 413 ? { connection: "close" } : {}),
  });
  response.end(body);
}
