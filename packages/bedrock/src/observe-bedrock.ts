import {
  asFields,
  asString,
  checkClient,
  createInstrumentation,
  type GenAIRequest,
  type GenAIResponse,
  type GenAITarget,
  type Instrumentation,
  type Operation,
  observePromise,
  reportTelemetryError,
  wrapMethod,
} from "@sightline/core/provider";
import { createConverseStreamAccumulator } from "./converse/create-converse-stream-accumulator.js";
import { mapConverseRequest } from "./converse/map-converse-request.js";
import { mapConverseResponse } from "./converse/map-converse-response.js";
import { detectBedrockTarget } from "./detect-bedrock-target.js";
import { followNestedStream } from "./follow-event-stream.js";
import { traceApplyGuardrail } from "./guardrail/trace-apply-guardrail.js";
import { createInvokeStreamAccumulator } from "./invoke/create-invoke-stream-accumulator.js";
import { mapInvokeRequest } from "./invoke/map-invoke-request.js";
import { mapInvokeResponse } from "./invoke/map-invoke-response.js";
import { mapBedrockError } from "./map-bedrock-error.js";
import { addTokenHeaderMiddleware, readTokenHeaders } from "./token-headers.js";
import type { ObserveBedrockOptions } from "./types.js";
import { PACKAGE_NAME, PACKAGE_VERSION } from "./version.js";

/** The shape of a Bedrock runtime client that Sightline relies on: `send(command, options?)`. */
export interface BedrockClientLike {
  send: (...args: never[]) => unknown;
}

/** What one observed command is: its request mapping and how its result is followed. */
interface CommandHandler {
  mapRequest: (input: unknown) => GenAIRequest;
  observe: (call: {
    instrumentation: Instrumentation;
    result: unknown;
    operation: Operation;
    signal: AbortSignal | undefined;
  }) => void;
}

const followPromise =
  (mapResponse: (output: unknown) => GenAIResponse): CommandHandler["observe"] =>
  ({ result, operation }) =>
    observePromise(result as PromiseLike<unknown>, {
      operation,
      onValue: (output) => operation.succeed(mapResponse(output)),
    });

const requestIdOf = (output: Record<string, unknown>) => asString(asFields(output.$metadata).requestId);

/** A guardrail check, traced as an `apply_guardrail` span rather than a model call. */
const APPLY_GUARDRAIL = "ApplyGuardrailCommand";

/** The model calls observed, by class name; every other command but ApplyGuardrail passes through untraced. */
const COMMANDS: Record<string, CommandHandler> = {
  ConverseCommand: {
    mapRequest: (input) => mapConverseRequest(input, false),
    observe: followPromise(mapConverseResponse),
  },
  ConverseStreamCommand: {
    mapRequest: (input) => mapConverseRequest(input, true),
    observe: ({ instrumentation, result, operation, signal }) =>
      followNestedStream({
        instrumentation,
        result,
        operation,
        signal,
        field: "stream",
        createAccumulator: (settings, output) =>
          createConverseStreamAccumulator(settings, requestIdOf(output)),
      }),
  },
  InvokeModelCommand: {
    mapRequest: (input) => mapInvokeRequest(input, false),
    observe: followPromise((output) => mapInvokeResponse(output, readTokenHeaders(output))),
  },
  InvokeModelWithResponseStreamCommand: {
    mapRequest: (input) => mapInvokeRequest(input, true),
    observe: ({ instrumentation, result, operation, signal }) =>
      followNestedStream({
        instrumentation,
        result,
        operation,
        signal,
        field: "body",
        createAccumulator: (settings, output) => createInvokeStreamAccumulator(settings, requestIdOf(output)),
      }),
  },
};

/**
 * The name of a command's class (`ConverseCommand`, …) when it is one Sightline traces, or, where a bundler
 * renamed the class, the operation name in the command's schema (`[kind, "com.amazonaws.bedrockruntime",
 * "Converse", …]` in SDK versions with schemas) plus `Command`; undefined for any other command.
 */
function selectCommand(command: unknown): string | undefined {
  if (typeof command !== "object" || command === null) return undefined;
  const name = (command as { constructor?: { name?: unknown } }).constructor?.name;
  if (typeof name === "string" && isTraced(name)) return name;
  const schema = (command as { schema?: unknown }).schema;
  const operation = Array.isArray(schema)
    ? schema[1] === "com.amazonaws.bedrockruntime"
      ? schema[2]
      : undefined
    : asFields(schema).name;
  const fallback = typeof operation === "string" ? `${operation}Command` : undefined;
  return fallback && isTraced(fallback) ? fallback : undefined;
}

const isTraced = (name: string) => name === APPLY_GUARDRAIL || Object.hasOwn(COMMANDS, name);

/**
 * Makes every model call a `BedrockRuntimeClient` sends (`ConverseCommand`, `ConverseStreamCommand`,
 * `InvokeModelCommand`, `InvokeModelWithResponseStreamCommand`) a GenAI span with metrics, cost and drift, by
 * wrapping this instance's `send`: the client keeps its types, its middleware stack and its results (a stream is
 * followed in place). `ApplyGuardrailCommand` becomes an INTERNAL `apply_guardrail {id}` span, never counted as
 * a model call. Other commands, and calls in the callback style, pass through untraced. Returns the same client; wrapping twice is harmless.
 * @example
 * const client = observeBedrock(new BedrockRuntimeClient({ region: "us-east-1" }));
 */
export function observeBedrock<Client extends BedrockClientLike>(
  client: Client,
  options: ObserveBedrockOptions = {},
): Client {
  if (
    !checkClient({
      client,
      wrapper: "observeBedrock",
      expected: "a Bedrock runtime client (new BedrockRuntimeClient())",
      methods: ["send"],
    })
  ) {
    return client;
  }
  const instrumentation = createInstrumentation({
    scopeName: PACKAGE_NAME,
    scopeVersion: PACKAGE_VERSION,
    options,
    mapError: mapBedrockError,
  });
  // The AWS SDK keeps region and endpoint behind async providers: calls made before they resolve wait for
  // them (one microtask turn, once per client), later calls are traced at once.
  let target: GenAITarget | undefined;
  const targetReady = detectBedrockTarget({ client, providerName: options.providerName }).then((value) => {
    target = value;
    return value;
  });
  const wrapped = wrapMethod({
    owner: client as object,
    name: "send",
    wrap: (original) =>
      function observedSend(this: unknown, ...args: unknown[]) {
        const name = selectCommand(args[0]);
        // The callback style (`send(command, callback)`) returns nothing to follow: it goes through untraced.
        if (!name || typeof args[1] === "function" || typeof args[2] === "function") {
          return original.apply(this, args);
        }
        if (name === APPLY_GUARDRAIL) {
          return traceApplyGuardrail({
            instrumentation,
            input: asFields(args[0]).input,
            invoke: () => original.apply(this, args),
          });
        }
        const handler = COMMANDS[name] as CommandHandler;
        let request: GenAIRequest;
        try {
          request = handler.mapRequest(asFields(args[0]).input);
        } catch (error) {
          reportTelemetryError("mapping a request", error);
          return original.apply(this, args);
        }
        const abortSignal = asFields(args[1]).abortSignal;
        const signal = abortSignal instanceof AbortSignal ? abortSignal : undefined;
        const trace = (resolved: GenAITarget) =>
          instrumentation.traceOperation({
            request,
            target: resolved,
            invoke: () => original.apply(this, args),
            observe: (result, operation) => handler.observe({ instrumentation, result, operation, signal }),
          });
        return target ? trace(target) : targetReady.then(trace);
      },
  });
  if (wrapped) addTokenHeaderMiddleware(client);
  return client;
}
