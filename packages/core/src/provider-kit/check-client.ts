import { diag } from "@opentelemetry/api";

/** What {@link checkClient} needs to know about one wrapper. */
export interface CheckClientOptions {
  /** What was passed to the wrapper. */
  client: unknown;
  /** The wrapper's name, e.g. `observeOpenAI`. */
  wrapper: string;
  /** What it wraps, for the message, e.g. `an OpenAI client (new OpenAI())`. */
  expected: string;
  /** Paths of the methods the wrapper observes, e.g. `chat.completions.create`; one must be a function. */
  methods: readonly string[];
}

const warned = new Set<string>();

/**
 * Tells whether a wrapper was given its client. When not (`null`, a plain object, a Vercel AI SDK
 * provider, another vendor's client), it warns once per wrapper and kind of value through `diag`, saying
 * what to use instead, and returns false: the wrapper then returns the value unchanged. It never throws,
 * so a wrong value at start-up cannot take the app down; the app's own first call shows the real problem.
 */
export function checkClient(options: CheckClientOptions): boolean {
  const { client } = options;
  if ((typeof client === "object" && client !== null) || typeof client === "function") {
    if (options.methods.some((path) => typeof readPath(client, path) === "function")) return true;
  }
  const kind = describeValue(client);
  const key = `${options.wrapper}:${kind}`;
  if (!warned.has(key) && warned.size < 100) {
    warned.add(key);
    diag.warn(
      `sightline: ${options.wrapper}() needs ${options.expected}, got ${kind}; it was returned unchanged and its calls are not traced. ${advice(client)}`,
    );
  }
  return false;
}

function readPath(root: unknown, path: string): unknown {
  let value: unknown = root;
  for (const key of path.split(".")) {
    if ((typeof value !== "object" || value === null) && typeof value !== "function") return undefined;
    try {
      value = (value as Record<string, unknown>)[key];
    } catch {
      return undefined;
    }
  }
  return value;
}

function isAiSdkProvider(value: unknown): boolean {
  return (
    typeof value === "function" && typeof (value as { languageModel?: unknown }).languageModel === "function"
  );
}

function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  if (isAiSdkProvider(value)) return "a Vercel AI SDK provider";
  if (typeof value === "object" || typeof value === "function") {
    const name = (value as { constructor?: { name?: string } }).constructor?.name;
    return name && name !== "Object" && name !== "Function" ? `a ${name}` : `an object without those methods`;
  }
  return `a ${typeof value}`;
}

function advice(value: unknown): string {
  if (isAiSdkProvider(value)) {
    return "For the Vercel AI SDK, register @sightline/ai-sdk's telemetry integration instead.";
  }
  return "Pass the SDK client instance your code calls.";
}
