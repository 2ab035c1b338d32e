import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createExportReporter } from "./create-export-reporter.js";
import { resolveExportSettings } from "./resolve-export-settings.js";
import type { InitOptions } from "./types.js";

// The page users read when init() or an export fails. The blocks under a `<!-- quoted-messages -->`
// marker quote what the code says; this test fails when a quoted line is no longer produced.
const PAGE = "docs/export-otlp.md";
const page = readFileSync(new URL(`../../../${PAGE}`, import.meta.url), "utf8");
const ENDPOINT = "http://localhost:4318/v1/traces";

/** Every line of the fenced blocks right after a quoted-messages marker. */
function readQuotedLines(): string[] {
  const lines = page.split("\n");
  const quoted: string[] = [];
  for (let index = 0; index < lines.length; index++) {
    if (lines[index]?.trim() !== "<!-- quoted-messages -->") continue;
    let line = index + 1;
    while (lines[line]?.trim() === "") line++;
    if (!lines[line]?.startsWith("```"))
      throw new Error(`${PAGE}:${index + 1}: no fenced block after the marker`);
    for (line++; line < lines.length && !lines[line]?.startsWith("```"); line++) {
      const text = lines[line]?.trim() ?? "";
      if (text !== "") quoted.push(text);
    }
  }
  return quoted;
}

/** The message init() and createSightlineExport() throw for `options`. */
function errorFor(options: InitOptions): string {
  try {
    resolveExportSettings({ env: {}, ...options });
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`no error for ${JSON.stringify(options)}`);
}

/** What the default log prints for the page's export story: 3 spans refused, then delivered, then 12 refused. */
function exportLogLines(): string[] {
  const logged: string[] = [];
  const log = (message: string) => logged.push(`[sightline] ${message}`);
  const refused = Object.assign(new Error(""), { code: "ECONNREFUSED" });
  const story = createExportReporter({
    unit: ["span", "spans"],
    endpoint: ENDPOINT,
    secrets: [],
    timeoutMs: 2000,
    log,
  });
  story.recordExportStarted(3);
  story.recordExportFinished({ count: 3, failed: true, error: refused });
  story.recordExportStarted(1);
  story.recordExportFinished({ count: 1, failed: false });
  const atShutdown = createExportReporter({
    unit: ["span", "spans"],
    endpoint: ENDPOINT,
    secrets: [],
    timeoutMs: 2000,
    log,
  });
  atShutdown.close();
  atShutdown.recordExportStarted(12);
  atShutdown.recordExportFinished({ count: 12, failed: true, error: refused });
  atShutdown.report();
  return logged;
}

describe(`the messages ${PAGE} quotes`, () => {
  const produced = [
    errorFor({ exporter: "datadog" as InitOptions["exporter"] }),
    errorFor({ endpoint: "localhost:4318" }),
    errorFor({ env: { OTEL_EXPORTER_OTLP_ENDPOINT: "http://" } }),
    errorFor({ exporter: "honeycomb" }),
    ...exportLogLines(),
  ];
  const quoted = readQuotedLines();

  it("quotes some", () => {
    expect(quoted.length).toBeGreaterThanOrEqual(7);
  });

  // A line ending in "…" quotes the start of a longer message.
  it.each(quoted)("the code says: %s", (line) => {
    const start = line.endsWith(" …") ? line.slice(0, -2) : undefined;
    const match = produced.find((message) =>
      start === undefined ? message === line : message.startsWith(start),
    );
    expect(match, `not produced by the code; it says:\n${produced.join("\n")}`).toBeDefined();
  });
});
