#!/usr/bin/env node
// Writes the skeleton of a provider package (scripts/new-package.sh --provider NAME): the package with
// its observe function over core's provider kit, mapper stubs, the conformance suite wired, a mock
// module in the test kit, and a docs page. Every stub throws a message that names the guide's step,
// so the conformance suite runs and fails until the provider is mapped.
// Walkthrough: docs/contributing/add-a-provider.md.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const name = process.argv[2] ?? "";
if (!/^[a-z][a-z0-9-]*$/.test(name)) {
  console.error(`usage: scripts/new-package.sh --provider NAME (lower case, e.g. "mistral"); got "${name}"`);
  process.exit(2);
}
const pascal = name
  .split("-")
  .map((part) => part[0].toUpperCase() + part.slice(1))
  .join("");
const camel = pascal[0].toLowerCase() + pascal.slice(1);
const packageDir = join(root, "packages", name);
if (existsSync(packageDir)) {
  console.error(`packages/${name} exists already; pick another name or remove it first`);
  process.exit(2);
}
const version = JSON.parse(readFileSync(join(root, "packages", "core", "package.json"), "utf8")).version;
const guide = "docs/contributing/add-a-provider.md";
const written = [];

function write(path, text) {
  const full = join(root, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, text);
  written.push(path);
}

/** Inserts `line` before the marker comment of `path` (the lines the scaffold adds to). */
function insertBefore(path, marker, line) {
  const full = join(root, path);
  const text = readFileSync(full, "utf8");
  const at = text.indexOf(marker);
  if (at === -1) throw new Error(`${path} has no "${marker}" line to add to`);
  const lineStart = text.lastIndexOf("\n", at) + 1;
  writeFileSync(full, `${text.slice(0, lineStart)}${line}\n${text.slice(lineStart)}`);
  written.push(`${path} (edited)`);
}

const stub = (step, what) =>
  `throw new Error("@sightline/${name}: ${what} is not written yet (${guide}, step ${step})");`;

write(
  `packages/${name}/package.json`,
  `${JSON.stringify(
    {
      name: `@sightline/${name}`,
      version,
      description: `OpenTelemetry GenAI tracing for the ${pascal} client`,
      license: "Apache-2.0",
      type: "module",
      sideEffects: false,
      engines: { node: ">=20.19" },
      main: "./dist/index.cjs",
      module: "./dist/index.js",
      types: "./dist/index.d.ts",
      exports: {
        ".": {
          import: { types: "./dist/index.d.ts", default: "./dist/index.js" },
          require: { types: "./dist/index.d.cts", default: "./dist/index.cjs" },
        },
        "./package.json": "./package.json",
      },
      keywords: ["opentelemetry", "observability", "llm", "genai", name, "tracing"],
      files: ["dist", "README.md", "LICENSE"],
      scripts: {
        build: "tsup",
        test: "vitest run --reporter=default --reporter=json --outputFile.json=test-results.json",
        typecheck: "tsc --noEmit -p tsconfig.json",
        clean: "rm -rf dist .turbo test-results.json",
      },
      dependencies: { "@sightline/core": "workspace:*" },
      peerDependencies: { "@opentelemetry/api": ">=1.9.0 <2" },
      devDependencies: {
        "@opentelemetry/api": "1.10.0",
        "@opentelemetry/sdk-metrics": "3.1.0",
        "@opentelemetry/sdk-trace": "3.1.0",
        "@sightline/testing": "workspace:*",
      },
    },
    null,
    2,
  )}\n`,
);
write(
  `packages/${name}/tsconfig.json`,
  `{
  "extends": "../../tsconfig.base.json",
  "compilerOptions": { "types": ["node"] },
  "include": ["src", "*.config.ts"]
}
`,
);
write(
  `packages/${name}/tsup.config.ts`,
  `import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  dts: true,
  target: "node20",
  clean: true,
  sourcemap: true,
});
`,
);
write(
  `packages/${name}/vitest.config.ts`,
  `import { defineConfig } from "vitest/config";

export default defineConfig({
  test: { include: ["src/**/*.test.ts"], testTimeout: 20_000 },
});
`,
);
write(
  `packages/${name}/src/version.ts`,
  `/** Instrumentation scope name. */
export const PACKAGE_NAME = "@sightline/${name}";
/** Instrumentation scope version; checked against package.json by scripts/check-dependencies.mjs. */
export const PACKAGE_VERSION = "${version}";
`,
);
write(
  `packages/${name}/src/types.ts`,
  `import type { SightlineOptions } from "@sightline/core";

/** Options of \`observe${pascal}\`: every option the other wrappers take. */
export interface Observe${pascal}Options extends SightlineOptions {}
`,
);
write(
  `packages/${name}/src/detect-${name}-target.ts`,
  `import { type GenAITarget, readServerAddress } from "@sightline/core/provider";

/** \`gen_ai.provider.name\` of this provider: use the semconv value where one exists. */
export const ${camel.toUpperCase().replace(/-/g, "_")}_PROVIDER_NAME = "${name.replace(/-/g, "_")}";

/** Works out the provider and server of a client from its base URL; the user's \`providerName\` wins. */
export function detect${pascal}Target(options: { baseURL: unknown; providerName?: string }): GenAITarget {
  const { serverAddress, serverPort } = readServerAddress(options.baseURL);
  return { provider: options.providerName ?? ${camel.toUpperCase().replace(/-/g, "_")}_PROVIDER_NAME, serverAddress, serverPort };
}
`,
);
write(
  `packages/${name}/src/chat/map-chat-request.ts`,
  `import type { GenAIRequest } from "@sightline/core/provider";

/**
 * Maps the params of the client's chat call to a GenAI request: operation (\`chat\`), model, the
 * semconv request parameters, and content (read lazily, only when capture is on).
 */
export function mapChatRequest(_params: unknown): GenAIRequest {
  ${stub(3, "mapChatRequest")}
}
`,
);
write(
  `packages/${name}/src/chat/map-chat-response.ts`,
  `import type { GenAIResponse } from "@sightline/core/provider";

/** Maps the client's chat response: id, response model, finish reasons, usage, output content. */
export function mapChatResponse(_response: unknown): GenAIResponse {
  ${stub(3, "mapChatResponse")}
}
`,
);
write(
  `packages/${name}/src/chat/create-chat-stream-accumulator.ts`,
  `import type { AccumulatorSettings, StreamAccumulator } from "@sightline/core/provider";

/**
 * Folds the chunks of one streamed chat call into a response. Keeps only what the span needs
 * (id, model, finish reasons, usage) unless content is captured.
 */
export function createChatStreamAccumulator(_settings: AccumulatorSettings): StreamAccumulator<unknown> {
  ${stub(4, "createChatStreamAccumulator")}
}
`,
);
write(
  `packages/${name}/src/observe-${name}.ts`,
  `import { type ObservedMethodSpec, observeClient } from "@sightline/core/provider";
import { createChatStreamAccumulator } from "./chat/create-chat-stream-accumulator.js";
import { mapChatRequest } from "./chat/map-chat-request.js";
import { mapChatResponse } from "./chat/map-chat-response.js";
import { detect${pascal}Target } from "./detect-${name}-target.js";
import type { Observe${pascal}Options } from "./types.js";
import { PACKAGE_NAME, PACKAGE_VERSION } from "./version.js";

/** The shape of a ${pascal} client that Sightline relies on. */
export interface ${pascal}ClientLike {
  /** The client's base URL, for \`server.address\` / \`server.port\`. */
  baseURL?: string;
  /** The object whose methods are observed (step 2 of the guide: name the client's real paths). */
  chat?: object;
}

/** The methods observed and how each maps (step 2 of the guide). */
const METHODS: readonly ObservedMethodSpec[] = [
  { path: "chat.create", returns: "promise", mapRequest: mapChatRequest, mapResponse: mapChatResponse },
  {
    path: "chat.stream",
    returns: "promised-stream",
    mapRequest: mapChatRequest,
    createAccumulator: createChatStreamAccumulator,
  },
];

/**
 * Makes every chat call of a ${pascal} client a GenAI span with metrics, cost and drift. Returns the
 * same client, used exactly as before; wrapping twice is harmless.
 * @example
 * const client = observe${pascal}(new ${pascal}Client());
 */
export function observe${pascal}<Client extends ${pascal}ClientLike>(
  client: Client,
  options: Observe${pascal}Options = {},
): Client {
  return observeClient({
    client,
    wrapper: "observe${pascal}",
    expected: "a ${pascal} client",
    scopeName: PACKAGE_NAME,
    scopeVersion: PACKAGE_VERSION,
    options,
    target: (observed) => detect${pascal}Target({ baseURL: observed.baseURL, providerName: options.providerName }),
    methods: METHODS,
  });
}
`,
);
write(
  `packages/${name}/src/index.ts`,
  `export { detect${pascal}Target } from "./detect-${name}-target.js";
export { observe${pascal}, type ${pascal}ClientLike } from "./observe-${name}.js";
export type { Observe${pascal}Options } from "./types.js";
`,
);
write(
  `packages/${name}/src/conformance.test.ts`,
  `import { createDriftMonitor, createPriceRegistry, withContext } from "@sightline/core";
import type { MockLLMServer } from "@sightline/testing";
import { runProviderConformance } from "@sightline/testing/conformance";
import { observe${pascal} } from "./observe-${name}.js";
import type { Observe${pascal}Options } from "./types.js";

// Step 1 of the guide: install the provider's SDK as a dev dependency and replace these types and
// stubs with its client, its result, its stream and its chunk.
type Client = { baseURL?: string; chat?: object };
type Result = unknown;
type Chunk = unknown;
type Stream = AsyncIterable<Chunk>;

const notWired = (what: string): never => {
  throw new Error(\`@sightline/${name}: the conformance adapter's \${what} is not written yet (${guide}, step 1)\`);
};

// The shared provider suite, with the real SDK client against the mock LLM server (its ${name}
// routes: packages/testing/src/${name}/).
runProviderConformance<Client, Result, Stream, Chunk>({
  name: "@sightline/${name} chat",
  providerName: "${name.replace(/-/g, "_")}",
  operationName: "chat",
  // The finish reason the mock's default answer maps to (semconv "stop" unless the provider says otherwise).
  stopFinishReason: "stop",
  scopeName: "@sightline/${name}",
  pricedModel: "${name}-model",
  core: { withContext, createPriceRegistry, createDriftMonitor },
  createClient: (_server: MockLLMServer) => notWired("createClient"),
  wrap: (client, options) => observe${pascal}(client, options as Observe${pascal}Options),
  call: () => notWired("call"),
  stream: () => notWired("stream"),
  resultText: () => notWired("resultText"),
  responseId: () => notWired("responseId"),
  chunkText: () => notWired("chunkText"),
  extraChunks: 0,
});
`,
);
write(
  `packages/${name}/README.md`,
  `# @sightline/${name}

OpenTelemetry GenAI spans and metrics for the ${pascal} client, in one line, with the client left as it was.

## Install

\`\`\`sh
npm install @sightline/${name} @opentelemetry/api
\`\`\`

## Usage

\`\`\`ts
import { observe${pascal} } from "@sightline/${name}";

const client = observe${pascal}(new ${pascal}Client());
\`\`\`

Full guide: [docs/${name}.md](../../docs/${name}.md).

## Supported versions

Not mapped yet: see [the provider guide](../../${guide}).

## Semantic conventions

GenAI semantic conventions v1.41.1. See [docs/attributes-and-metrics.md](../../docs/attributes-and-metrics.md).
`,
);
write(
  `packages/testing/src/${name}/${name}-provider.ts`,
  `import type { MockProvider } from "../internal-types.js";
import { sendJson } from "../send-json.js";

/**
 * The ${pascal} wire format, as the mock LLM server speaks it (step 5 of ${guide}):
 * its routes answer scripted replies in the provider's own JSON and SSE shapes. Until they are written,
 * every ${name} path answers 501.
 */
export const ${camel}Provider: MockProvider = {
  name: "${name}",
  routes: [
    {
      method: "POST",
      matches: (path) => path.startsWith("/${name}/"),
      handle: ({ response }) =>
        sendJson({
          response,
          status: 501,
          body: { error: "the mock's ${name} routes are not written yet (${guide}, step 5)" },
        }),
    },
  ],
  ownsPath: (path) => path.startsWith("/${name}/"),
  createErrorBody: ({ status, message }) => ({ error: { code: status, message } }),
};
`,
);
insertBefore(
  "packages/testing/src/mock-providers.ts",
  "// scripts/new-package.sh --provider adds its import above this line.",
  `import { ${camel}Provider } from "./${name}/${name}-provider.js";`,
);
insertBefore(
  "packages/testing/src/mock-providers.ts",
  "// scripts/new-package.sh --provider adds its entry above this line.",
  `  ${camel}Provider,`,
);
write(
  `docs/${name}.md`,
  `# ${pascal}

\`@sightline/${name}\` makes every call of a ${pascal} client a GenAI span with metrics, cost and drift.

\`\`\`ts
import { observe${pascal} } from "@sightline/${name}";

const client = observe${pascal}(new ${pascal}Client());
\`\`\`

## What is recorded

Not mapped yet (${guide}).
`,
);

// Repository, homepage, bugs, LICENSE and absolute README links come from the root's one repository value.
execFileSync(process.execPath, [join(root, "scripts", "sync-package-metadata.mjs")], {
  cwd: root,
  stdio: "ignore",
});

// The templates above are written for reading here; the repository's formatter gives them its layout.
const formatted = [
  `packages/${name}`,
  `packages/testing/src/${name}`,
  "packages/testing/src/mock-providers.ts",
];
try {
  // The binary itself: \`pnpm exec\` would first try to install the new package, which CI's frozen lockfile refuses.
  execFileSync(join(root, "node_modules", ".bin", "biome"), ["check", "--write", ...formatted], {
    cwd: root,
    stdio: "ignore",
  });
} catch {
  console.warn("biome could not format the skeleton; run pnpm exec biome check --write on it");
}
console.log(`created the @sightline/${name} skeleton:\n  ${written.join("\n  ")}`);
console.log(
  `next: pnpm install, then pnpm --filter @sightline/${name} test (it fails until mapped); see ${guide}`,
);
