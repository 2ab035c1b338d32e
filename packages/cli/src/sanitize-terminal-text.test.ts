import { request as httpRequest } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { escapeJsonForTerminal, sanitizeTerminalText } from "./sanitize-terminal-text.js";
import { startDevServer } from "./start-dev-server.js";
import type { DevServer } from "./types.js";

/** Every byte a terminal acts on: ESC, BEL, other C0 but newline, DEL, C1, line separators, bidi controls. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these tests look for exactly those characters.
const TERMINAL_CONTROL = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
/** The only escape sequences `sightline dev` itself prints: its paint colours. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: our colours start with ESC.
const OWN_PAINT = /\x1b\[(?:0|1|2|31|32|33|36)m/g;

/** What the forged exports carry: retitle, clear, hyperlink, a fake line over the real one, bidi, C1 CSI. */
const TITLE = "\x1b]0;pwned\x07";
const CLEAR = "\x1b[2J\x1b[H";
const LINK = "\x1b]8;;https://evil.example/\x1b\\click me\x1b]8;;\x1b\\";
const FAKE_LINE = "\r\x1b[2K\x1b[1A✓ all good";
const HOSTILE = `${TITLE}${CLEAR}${LINK}${FAKE_LINE}\n✓ all good\u202e\u2028\x9b2J\x7f`;

describe("sanitizeTerminalText", () => {
  it("removes escape sequences whole and shows other controls as escapes", () => {
    expect(sanitizeTerminalText(`chat${TITLE}`)).toBe("chat");
    expect(sanitizeTerminalText(`a${CLEAR}b`)).toBe("ab");
    expect(sanitizeTerminalText(LINK)).toBe("click me");
    expect(sanitizeTerminalText(`chat${FAKE_LINE}`)).toBe("chat\\r✓ all good");
    expect(sanitizeTerminalText("a\nb\tc\x00d\x7fe\x85f")).toBe("a\\nb\\tc\\x00d\\x7fe\\x85f");
    // 8-bit C1 forms of CSI and OSC, an unterminated OSC, a lone ESC at the end.
    expect(sanitizeTerminalText("a\x9b2Jb\x9d0;t\x9cc")).toBe("abc");
    expect(sanitizeTerminalText("ok\x1b]0;title without end")).toBe("ok");
    expect(sanitizeTerminalText("ok\x1b")).toBe("ok\\x1b");
    expect(sanitizeTerminalText("gpt\u202e4o\u2066x\u2028y")).toBe("gpt\\u202e4o\\u2066x\\u2028y");
  });

  it("keeps printable Unicode and emoji", () => {
    const text = "chat gpt-4o → résumé 東京 🚀👩‍💻 ✓ · └─";
    expect(sanitizeTerminalText(text)).toBe(text);
  });

  it("escapes for JSON only what JSON leaves raw, so the line parses to the same value", () => {
    const json = escapeJsonForTerminal(JSON.stringify({ name: HOSTILE }));
    expect(json).not.toMatch(TERMINAL_CONTROL);
    expect(JSON.parse(json)).toEqual({ name: HOSTILE });
  });
});

let dev: DevServer | undefined;
let output: string[] = [];
afterEach(async () => {
  await dev?.close();
  dev = undefined;
  output = [];
});

async function startDev(options: { json?: boolean } = {}): Promise<DevServer> {
  dev = await startDevServer({
    port: 0,
    settleMs: 60_000,
    color: true,
    write: (text) => output.push(text),
    ...options,
  });
  return dev;
}

const traceId = "5b8efff798038103d269b633813fc60c";
const string = (value: string) => ({ stringValue: value });

/** An OTLP/JSON trace export of one root GenAI span with hostile text in every field the view prints. */
function forgedTraceExport(options: { spanId: string; parentSpanId?: string; start?: string }): string {
  return JSON.stringify({
    resourceSpans: [
      {
        resource: { attributes: [{ key: "service.name", value: string(`svc${HOSTILE}`) }] },
        scopeSpans: [
          {
            scope: { name: `scope${HOSTILE}` },
            spans: [
              {
                traceId,
                spanId: options.spanId,
                ...(options.parentSpanId ? { parentSpanId: options.parentSpanId } : {}),
                name: `chat gpt-4o${HOSTILE}`,
                startTimeUnixNano: options.start ?? "1700000000000000000",
                endTimeUnixNano: "1700000000100000000",
                status: { code: 2, message: `boom${HOSTILE}` },
                attributes: [
                  { key: "gen_ai.operation.name", value: string("chat") },
                  { key: "gen_ai.request.model", value: string("gpt-4o") },
                  { key: "gen_ai.response.model", value: string(`gpt-4o${HOSTILE}`) },
                  { key: "gen_ai.usage.input_tokens", value: string(`12${HOSTILE}`) },
                  { key: "gen_ai.usage.output_tokens", value: { intValue: "3" } },
                  { key: "sightline.cost.match", value: string(`none${HOSTILE}`) },
                  { key: "sightline.stream.outcome", value: string(`cut${HOSTILE}`) },
                  { key: "error.type", value: string(`Err${HOSTILE}`) },
                  {
                    key: "gen_ai.response.finish_reasons",
                    value: { arrayValue: { values: [string(`stop${HOSTILE}`)] } },
                  },
                ],
                events: [
                  {
                    name: `sightline.drift${HOSTILE}`,
                    attributes: [
                      { key: "sightline.drift.signal", value: string(`tokens${HOSTILE}`) },
                      { key: `key${HOSTILE}`, value: string(`value${HOSTILE}`) },
                    ],
                  },
                ],
              },
            ],
          },
        ],
      },
    ],
  });
}

function forgedDriftScoreExport(): string {
  return JSON.stringify({
    resourceMetrics: [
      {
        scopeMetrics: [
          {
            metrics: [
              {
                name: "sightline.gen_ai.drift.score",
                gauge: {
                  dataPoints: [
                    { asDouble: 0.5, attributes: [{ key: `model${HOSTILE}`, value: string(`m${HOSTILE}`) }] },
                  ],
                },
              },
            ],
          },
        ],
      },
    ],
  });
}

function postJson(url: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      url,
      { method: "POST", headers: { "content-type": "application/json" } },
      (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

describe("sightline dev prints no control sequence a sender put in its telemetry", () => {
  it("tree, late span, drift score and summary: only its own colours, and the fake line shown escaped", async () => {
    const server = await startDev();
    expect(await postJson(`${server.url}/v1/traces`, forgedTraceExport({ spanId: "0000000000000001" }))).toBe(
      200,
    );
    expect(
      await postJson(
        `${server.url}/v1/traces`,
        forgedTraceExport({ spanId: "0000000000000002", parentSpanId: "0000000000000001" }),
      ),
    ).toBe(200);
    expect(await postJson(`${server.url}/v1/metrics`, forgedDriftScoreExport())).toBe(200);
    await server.close();
    const printed = `${output.join("")}${server.summary()}`;

    expect(printed).toContain("late span");
    expect(printed).toContain("⚑ drift score 0.500");
    expect(printed.match(OWN_PAINT)?.length).toBeGreaterThan(5);
    const withoutOwnPaint = printed.replace(OWN_PAINT, "");
    expect(withoutOwnPaint).not.toMatch(TERMINAL_CONTROL);
    expect(withoutOwnPaint).not.toContain("pwned");
    expect(withoutOwnPaint).not.toContain("evil.example");
    // Each printed line is one of ours: the forged "✓ all good" never starts a line of its own.
    for (const line of withoutOwnPaint.split("\n")) expect(line).not.toMatch(/^\s*✓/);
    expect(withoutOwnPaint).toContain("chat gpt-4oclick me\\r✓ all good\\n✓ all good\\u202e\\u2028\\x7f");
    expect(server.summary()).toContain("gpt-4oclick me\\r✓ all good");
  });

  it("--json: each line parses back to the sender's exact text, with no raw control character", async () => {
    const server = await startDev({ json: true });
    await postJson(`${server.url}/v1/traces`, forgedTraceExport({ spanId: "0000000000000001" }));
    const lines = output.join("").trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toMatch(TERMINAL_CONTROL);
    const span = JSON.parse(lines[0] ?? "") as { name: string; service: string };
    expect(span.name).toBe(`chat gpt-4o${HOSTILE}`);
    expect(span.service).toBe(`svc${HOSTILE}`);
  });

  it("a timestamp that is not a number neither crashes the view nor echoes its text", async () => {
    const server = await startDev();
    await postJson(
      `${server.url}/v1/traces`,
      forgedTraceExport({ spanId: "0000000000000001", start: `1e18${TITLE}` }),
    );
    await server.close();
    const printed = output.join("").replace(OWN_PAINT, "");
    expect(printed).not.toContain("could not show");
    expect(printed).toContain("chat gpt-4o");
    expect(printed).not.toMatch(TERMINAL_CONTROL);
  });
});
