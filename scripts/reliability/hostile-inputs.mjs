// Hostile inputs to what a user touches: init() and its environment, the wrappers, the `sightline` CLI
// (cost, alerts), `sightline dev` (its host, the Host header it answers, what senders put on the
// terminal) and provenance verification. Each case runs the installed packages in a child process and
// is judged on the exact message the user gets: it must say what is wrong, and never be a stack trace.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";

const STACK_TRACE = /\n\s+at .+:\d+:\d+/;

/** Runs `node args` in the app folder; resolves with the exit code and everything printed. */
function runNode(app, args, { env = {}, timeoutMs = 20_000, onOutput } = {}) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, {
      cwd: app,
      env: { ...process.env, OTEL_SDK_DISABLED: "", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    const take = (data) => {
      output += data;
      onOutput?.(output, child);
    };
    child.stdout.on("data", take);
    child.stderr.on("data", take);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? signal, output });
    });
  });
}

/** Runs an ES module snippet inside the app (so it imports the installed packages). */
const runSnippet = (app, source, options) => runNode(app, ["--input-type=module", "-e", source], options);
const cli = (app, args, options) => runNode(app, ["node_modules/sightline/dist/cli.js", ...args], options);

/** Prints `name: message` of whatever `body` throws, or its return value. */
const catching = (body) =>
  `try { const value = await (async () => { ${body} })(); console.log(String(value)); } catch (error) { console.log(\`\${error.name}: \${error.message}\`); }`;

/** A scratch folder for files the cases feed the CLI. */
function scratch() {
  return mkdtempSync(join(tmpdir(), "sightline-hostile-"));
}

/**
 * Starts `sightline dev` on a free port, runs `probe(url)` against it, stops it, and resolves with
 * the probe's value and what the CLI printed.
 */
async function withDevServer(app, args, probe) {
  let url;
  let ready;
  const started = new Promise((resolve) => {
    ready = resolve;
  });
  const run = cli(app, ["dev", "--port", "0", ...args], {
    // Its default store is in the user's data folder: the hostile spans go to a scratch one instead.
    env: { XDG_DATA_HOME: scratch() },
    onOutput: (output, child) => {
      const match = /receiver on (http:\/\/\S+)/.exec(output);
      if (match && !url) {
        url = match[1];
        ready(child);
      }
    },
  });
  const child = await Promise.race([started, run.then(() => undefined)]);
  let probed;
  if (child) {
    try {
      probed = await probe(url);
    } finally {
      child.kill("SIGINT");
    }
  }
  const { code, output } = await run;
  return { code, output, probed };
}

/** POSTs `body` as JSON to `url` with extra headers; resolves with the status and body. */
function post(url, { path = "/v1/traces", body = "{}", headers = {} }) {
  return new Promise((resolve, reject) => {
    const target = new URL(path, url);
    const outgoing = request(
      target,
      { method: "POST", headers: { "content-type": "application/json", ...headers } },
      (response) => {
        let text = "";
        response.on("data", (data) => {
          text += data;
        });
        response.on("end", () => resolve({ status: response.statusCode, body: text }));
      },
    );
    outgoing.on("error", reject);
    outgoing.end(body);
  });
}

/** An OTLP/JSON export of one GenAI span whose name and attributes carry terminal escape sequences. */
function forgedExport() {
  const hostile =
    "\u001b]0;pwned\u0007\u001b[2J\u001b]8;;http://evil.test\u0007click\u001b]8;;\u0007\r✓ all good\u009b31m";
  const now = BigInt(Date.now()) * 1_000_000n;
  return JSON.stringify({
    resourceSpans: [
      {
        resource: { attributes: [{ key: "service.name", value: { stringValue: `svc${hostile}` } }] },
        scopeSpans: [
          {
            scope: { name: "@sightline/openai" },
            spans: [
              {
                traceId: "0af7651916cd43dd8448eb211c80319c",
                spanId: "b7ad6b7169203331",
                name: `chat ${hostile}`,
                kind: 3,
                startTimeUnixNano: String(now),
                endTimeUnixNano: String(now + 5_000_000n),
                attributes: [
                  { key: "gen_ai.operation.name", value: { stringValue: "chat" } },
                  { key: "gen_ai.request.model", value: { stringValue: `gpt-4o${hostile}` } },
                  { key: "gen_ai.provider.name", value: { stringValue: "openai" } },
                ],
                status: { code: 2, message: `failed ${hostile}` },
              },
            ],
          },
        ],
      },
    ],
  });
}

/**
 * The cases: `run` returns `{ code, output }` (what the user saw) and `pass` judges it; `expect`
 * says in words what a good answer is, for the table.
 */
export const HOSTILE_CASES = [
  {
    name: "OTEL_EXPORTER_OTLP_ENDPOINT=http:// (no host)",
    expect: "SightlineError naming the variable",
    run: (app) =>
      runSnippet(
        app,
        `import { init } from "@sightline/node"; ${catching("return init().description.join('; ')")}`,
        {
          env: { OTEL_EXPORTER_OTLP_ENDPOINT: "http://" },
        },
      ),
    pass: ({ output }) => /^SightlineError: .*OTEL_EXPORTER_OTLP_ENDPOINT/m.test(output),
  },
  {
    name: "endpoint with a query string",
    expect: "/v1/traces before the query",
    run: (app) =>
      runSnippet(
        app,
        `import { init } from "@sightline/node"; ${catching("const t = init({ flushOnExit: false }); await t.shutdown(); return t.description.join('; ')")}`,
        { env: { OTEL_EXPORTER_OTLP_ENDPOINT: "http://127.0.0.1:9/base?tenant=a" } },
      ),
    pass: ({ output }) => output.includes("/base/v1/traces?tenant=a"),
  },
  {
    name: "endpoint with user:password",
    expect: "credentials never shown",
    run: (app) =>
      runSnippet(
        app,
        `import { init } from "@sightline/node"; ${catching("const t = init({ flushOnExit: false }); await t.shutdown(); return t.description.join('; ')")}`,
        { env: { OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector-user:hunter2-secret@127.0.0.1:9" } },
      ),
    pass: ({ output }) => output.includes("traces →") && !output.includes("hunter2-secret"),
  },
  {
    name: "shutdown timeout that is not a number",
    expect: "SightlineError naming the variable",
    run: (app) =>
      runSnippet(
        app,
        `import { init } from "@sightline/node"; ${catching("return init().description.join('; ')")}`,
        {
          env: { SIGHTLINE_SHUTDOWN_TIMEOUT_MS: "soon" },
        },
      ),
    pass: ({ output }) => /^SightlineError: .*SIGHTLINE_SHUTDOWN_TIMEOUT_MS/m.test(output),
  },
  {
    name: "observeOpenAI(null)",
    expect: "returned unchanged, one diag warning saying what it needs",
    run: (app) =>
      runSnippet(
        app,
        `import { DiagConsoleLogger, DiagLogLevel, diag } from "@opentelemetry/api";
import { observeOpenAI } from "@sightline/openai";
diag.setLogger(new DiagConsoleLogger(), DiagLogLevel.WARN);
${catching('return "returned " + observeOpenAI(null)')}`,
      ),
    pass: ({ output }) =>
      output.includes("returned null") && /observeOpenAI\(\) needs an OpenAI client/.test(output),
  },
  ...[
    ['sightline cost --input ""', ["--input", "", "--output", "1"]],
    ["sightline cost --input 0x10", ["--input", "0x10", "--output", "1"]],
    ["sightline cost --cached above --input", ["--input", "100", "--output", "1", "--cached", "200"]],
    ["sightline cost --tier unknown", ["--input", "100", "--output", "1", "--tier", "ludicrous"]],
  ].map(([name, args]) => ({
    name,
    expect: "exit 2, names the flag",
    run: (app) => cli(app, ["cost", "gpt-4o", ...args]),
    pass: ({ code, output }) => code === 2 && /--(input|cached|tier)/.test(output),
  })),
  {
    name: "sightline alerts check --file <a directory>",
    expect: "non-zero exit, names the file",
    run: (app) => {
      const folder = scratch();
      mkdirSync(join(folder, "rules.yaml"));
      return cli(app, ["alerts", "check", "--file", join(folder, "rules.yaml")]);
    },
    pass: ({ code, output }) => code !== 0 && output.includes("rules.yaml"),
  },
  {
    name: "sightline alerts check on a YAML alias bomb",
    expect: "non-zero exit within seconds, names the file",
    run: (app) => {
      const folder = scratch();
      const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
      for (const [index, letter] of [..."bcdefghi"].entries()) {
        const previous = "abcdefghi"[index];
        lines.push(`${letter}: &${letter} [${Array(9).fill(`*${previous}`).join(",")}]`);
      }
      writeFileSync(join(folder, "bomb.yaml"), `${lines.join("\n")}\n`);
      return cli(app, ["alerts", "check", "--file", join(folder, "bomb.yaml")]);
    },
    pass: ({ code, output }) => typeof code === "number" && code !== 0 && output.includes("bomb.yaml"),
  },
  {
    name: "sightline dev --host 0.0.0.0",
    expect: "warns: reachable from the network",
    run: (app) => withDevServer(app, ["--host", "0.0.0.0"], async () => undefined),
    pass: ({ output }) => /network/i.test(output),
  },
  {
    name: "sightline dev, POST with a forged Host header (DNS rebinding)",
    expect: "403",
    run: async (app) => {
      const result = await withDevServer(app, [], (url) =>
        post(url, { headers: { host: "evil.test:4318" } }),
      );
      return { ...result, output: `${result.probed?.status} ${result.probed?.body ?? ""}` };
    },
    pass: ({ output }) => output.startsWith("403"),
  },
  {
    name: "sightline dev, a span full of terminal escape sequences",
    expect: "no ESC, BEL or C1 byte printed",
    run: async (app) => {
      const result = await withDevServer(app, [], async (url) => {
        const answer = await post(url, { body: forgedExport() });
        await new Promise((resolve) => setTimeout(resolve, 2500));
        return answer;
      });
      const raw = [...result.output].some((character) => {
        const code = character.codePointAt(0);
        return code === 0x07 || code === 0x1b || (code >= 0x80 && code <= 0x9f);
      });
      return {
        ...result,
        output: `${result.probed?.status}; control bytes printed: ${raw ? "yes" : "none"}`,
      };
    },
    pass: ({ output }) => output === "200; control bytes printed: none",
  },
  {
    name: "provenance: unsigned field added to a signed record",
    expect: "not in the verified record",
    run: (app) =>
      runSnippet(
        app,
        `import { generateSigningKey, sign, verify } from "@sightline/provenance";
${catching(`const key = await generateSigningKey({ keyId: "k1" });
const record = await sign({ content: "answer", key, model: "gpt-4o", provider: "openai" });
const forged = { ...record, injected: "trust me" };
const result = await verify({ record: forged, content: "answer", keys: [{ keyId: "k1", publicKey: key.publicKey }] });
return \`valid=\${result.valid} injected=\${result.record?.injected === undefined ? "absent" : "present"}\`;`)}`,
      ),
    pass: ({ output }) => output.includes("injected=absent"),
  },
];

/** Runs one case; resolves with its row for the table. */
export async function runHostileCase(hostileCase, { app }) {
  const seen = await hostileCase.run(app);
  const firstLine = seen.output
    .split("\n")
    .map((line) => line.trim())
    .find((line) => line !== "" && !line.startsWith("sightline dev: OTLP/HTTP receiver"));
  const noStack = !STACK_TRACE.test(seen.output);
  return {
    name: hostileCase.name,
    code: seen.code,
    message: (firstLine ?? "").slice(0, 160),
    summary: `exit ${seen.code}: ${(firstLine ?? "").slice(0, 70)}`,
    pass: noStack && hostileCase.pass(seen),
  };
}
