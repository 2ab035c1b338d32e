import { mkdtempSync, rmSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startDevServer } from "../src/start-dev-server.js";
import type { DevServer } from "../src/types.js";
import { type LaunchedBrowser, launchBrowser } from "./launch-browser.js";

// The harness proven on a page of its own; the web UI's tests are the other files of this folder.
const PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><title>sightline browser smoke</title></head>
<body>
  <h1>sightline browser smoke</h1>
  <button id="count">clicked 0 times</button>
  <script>
    let clicks = 0;
    document.getElementById("count").addEventListener("click", (event) => {
      clicks += 1;
      event.target.textContent = "clicked " + clicks + " times";
    });
  </script>
</body></html>`;

let launched: LaunchedBrowser;
let page: Server;
let pageUrl: string;
let dev: DevServer;
const screenshots = mkdtempSync(join(tmpdir(), "sightline-browser-"));

beforeAll(async () => {
  launched = await launchBrowser();
  page = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(PAGE);
  });
  await new Promise<void>((resolve) => page.listen(0, "127.0.0.1", resolve));
  pageUrl = `http://127.0.0.1:${(page.address() as AddressInfo).port}/`;
  dev = await startDevServer({ port: 0, write: () => {}, store: ":memory:" });
});

afterAll(async () => {
  await launched?.close();
  await new Promise((resolve) => page?.close(resolve));
  await dev?.close();
  rmSync(screenshots, { recursive: true, force: true });
});

it("loads a local page, runs its script on a click, and takes a screenshot", async () => {
  await launched.page.goto(pageUrl);
  await launched.page.click("#count");
  await launched.page.click("#count");
  expect(await launched.page.textContent("#count")).toBe("clicked 2 times");
  const path = join(screenshots, "smoke.png");
  await launched.page.screenshot({ path, fullPage: true });
  expect(statSync(path).size).toBeGreaterThan(1000);
});

it("records dialogs and page errors so a test can assert that none happened", async () => {
  await launched.page.goto("data:text/html,<script>alert('injected');throw new Error('broken')</script>");
  await expect.poll(() => launched.pageErrors.length).toBe(1);
  expect(launched.dialogs).toEqual(["alert: injected"]);
  expect(launched.pageErrors[0]).toContain("broken");
  launched.dialogs.length = 0;
  launched.pageErrors.length = 0;
});

it("reaches sightline dev from the browser: its Host check lets a loopback page through", async () => {
  // What matters here is that the browser's own Host and Origin are not refused as a DNS-rebinding attempt (403).
  const response = await launched.page.goto(`${dev.url}/`);
  expect(response?.status()).not.toBe(403);
  expect(launched.dialogs).toEqual([]);
  expect(launched.pageErrors).toEqual([]);
});
