import { request as httpRequest } from "node:http";
import { connect } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createHostCheck } from "./create-host-check.js";
import { getBindScope } from "./get-bind-scope.js";
import { startDevServer } from "./start-dev-server.js";
import type { DevServer } from "./types.js";

let dev: DevServer | undefined;
afterEach(async () => {
  await dev?.close();
  dev = undefined;
});

/** A real OTLP/JSON export request (an empty one) with whatever Host and Origin a page would send. */
function postExport(options: {
  url: string;
  host?: string;
  origin?: string;
}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      `${options.url}/v1/traces`,
      {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(options.host === undefined ? {} : { host: options.host }),
          ...(options.origin === undefined ? {} : { origin: options.origin }),
        },
      },
      (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
      },
    );
    request.on("error", reject);
    request.end('{"resourceSpans":[]}');
  });
}

describe("sightline dev checks who is asking", () => {
  it("bound to loopback, refuses a forged Host (DNS rebinding) with 403 and says why", async () => {
    dev = await startDevServer({ port: 0, write: () => {} });
    const { url } = dev;
    const port = new URL(url).port;
    for (const host of [
      `evil.example:${port}`,
      "evil.example",
      `127.0.0.1.evil.example:${port}`,
      `localhost.evil.example:${port}`,
      `localhost:${port}@evil.example`,
      `192.168.1.20:${port}`,
      `[::2]:${port}`,
    ]) {
      const response = await postExport({ url, host });
      expect(response.status, host).toBe(403);
      expect(JSON.parse(response.body).error).toBe(
        `Host ${JSON.stringify(host)}: sightline dev only answers to localhost, 127.0.0.1, [::1] (with any port), so that a web page cannot reach it through DNS rebinding; send to ${url}`,
      );
    }
    for (const host of [
      `localhost:${port}`,
      "localhost",
      `127.0.0.1:${port}`,
      "127.0.0.1",
      `[::1]:${port}`,
      "LOCALHOST",
    ]) {
      expect((await postExport({ url, host })).status, host).toBe(200);
    }
    expect(dev.stats()).toMatchObject({ forbidden: 7, accepted: 6 });
  });

  it("refuses an HTTP/1.0 request without a Host header", async () => {
    dev = await startDevServer({ port: 0, write: () => {} });
    const socket = connect(Number(new URL(dev.url).port), "127.0.0.1");
    socket.end("POST /v1/traces HTTP/1.0\r\ncontent-type: application/json\r\ncontent-length: 2\r\n\r\n{}");
    let reply = "";
    for await (const chunk of socket) reply += String(chunk);
    expect(reply).toMatch(/^HTTP\/1\.[01] 403 /);
    expect(reply).toContain('"error":"Host header missing: sightline dev only answers to localhost');
  });

  it("refuses a request from a web page on another site, and accepts one from a local page", async () => {
    dev = await startDevServer({ port: 0, write: () => {} });
    const { url } = dev;
    for (const origin of ["https://evil.example", "null", "http://127.0.0.1.evil.example:8080", "file://"]) {
      const response = await postExport({ url, origin });
      expect(response.status, origin).toBe(403);
      expect(JSON.parse(response.body).error).toBe(
        `Origin ${JSON.stringify(origin)}: sightline dev refuses requests from web pages on other sites; export from your application's process (which sends no Origin), or serve the page from localhost, 127.0.0.1, [::1]`,
      );
    }
    expect((await postExport({ url, origin: "http://localhost:3000" })).status).toBe(200);
    expect((await postExport({ url })).status).toBe(200);
  });

  it("bound to one other address, answers to that name too; bound to every interface, checks only Origin", () => {
    const specific = createHostCheck({ host: "192.0.2.7", url: "http://192.0.2.7:4318" });
    expect(specific({ host: "192.0.2.7:4318" })).toBeUndefined();
    expect(specific({ host: "127.0.0.1:4318" })).toBeUndefined();
    expect(specific({ host: "evil.example:4318" })).toMatch(
      /^Host "evil\.example:4318": sightline dev only answers to localhost, 127\.0\.0\.1, \[::1\], 192\.0\.2\.7 /,
    );
    expect(specific({ host: "192.0.2.7", origin: "http://192.0.2.7:3000" })).toBeUndefined();
    const v6 = createHostCheck({ host: "fd00::2", url: "http://[fd00::2]:4318" });
    expect(v6({ host: "[fd00::2]:4318" })).toBeUndefined();
    const everywhere = createHostCheck({ host: "0.0.0.0", url: "http://0.0.0.0:4318" });
    expect(everywhere({ host: "host.docker.internal:4318" })).toBeUndefined();
    expect(everywhere({ host: "devbox:4318", origin: "https://evil.example" })).toMatch(
      /^Origin "https:\/\/evil\.example"/,
    );
  });

  it("tells loopback from every interface from one address", () => {
    for (const host of [
      "127.0.0.1",
      "localhost",
      "LOCALHOST",
      "::1",
      "[::1]",
      "127.0.1.1",
      "::ffff:127.0.0.1",
    ]) {
      expect(getBindScope(host), host).toBe("loopback");
    }
    for (const host of ["0.0.0.0", "::", "[::]", ""]) expect(getBindScope(host), host).toBe("all-interfaces");
    for (const host of ["192.0.2.7", "fd00::2", "devbox.lan", "127.0.0.1.evil.example"]) {
      expect(getBindScope(host), host).toBe("specific");
    }
  });
});
