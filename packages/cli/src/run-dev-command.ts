import { parseArgs } from "node:util";
import { SightlineError } from "@sightline/core";
import type { CommandContext } from "./command-context.js";
import { getBindScope } from "./get-bind-scope.js";
import { startDevServer } from "./start-dev-server.js";

const DEV_HELP = `sightline dev — OTLP/HTTP receiver that prints GenAI traces as they arrive

Usage:
  sightline dev [options]

Options:
  --port <n>          port to listen on (default 4318, env SIGHTLINE_DEV_PORT; 0 = any free port)
  --host <address>    interface to bind (default 127.0.0.1, env SIGHTLINE_DEV_HOST); anything else is
                      reachable from the network, without authentication
  --json              print one JSON line per span instead of trees
  --max-traces <n>    recent traces kept in memory (default 500)
  --max-body-mb <n>   largest accepted request body in MiB (default 16)
  --store <file>      the web UI's store (default sightline/dev.sqlite in your data folder, env
                      SIGHTLINE_DEV_STORE; :memory: keeps nothing)
  --no-ui             no web UI and no store: the terminal view only
  -h, --help          this help

Point your app at it with OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:4318 (or init({ exporter: "otlp" })
from @sightline/node). Ctrl-C prints a summary per model and exits.
`;

/**
 * `sightline dev`: runs the receiver until the context's signal aborts (or Ctrl-C), then prints the
 * summary per model. Resolves with the exit code: 0, 2 for bad usage, 1 when the receiver could not start.
 */
export async function runDevCommand(options: CommandContext & { args: string[] }): Promise<number> {
  const { write, writeError, env } = options;
  const rest = options.args;
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args: rest,
      options: {
        port: { type: "string" },
        host: { type: "string" },
        json: { type: "boolean" },
        "max-traces": { type: "string" },
        "max-body-mb": { type: "string" },
        store: { type: "string" },
        "no-ui": { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
    }).values;
  } catch (error) {
    writeError(`sightline dev: ${(error as Error).message}; see sightline dev --help\n`);
    return 2;
  }
  if (values.help) {
    write(DEV_HELP);
    return 0;
  }
  const port = parseWhole({
    value: (values.port as string | undefined) ?? env.SIGHTLINE_DEV_PORT,
    flag: "--port",
    fallback: 4318,
  });
  const maxTraces = parseWhole({
    value: values["max-traces"] as string | undefined,
    flag: "--max-traces",
    fallback: 500,
  });
  const maxBodyMb = parseWhole({
    value: values["max-body-mb"] as string | undefined,
    flag: "--max-body-mb",
    fallback: 16,
  });
  for (const parsed of [port, maxTraces, maxBodyMb]) {
    if (typeof parsed === "string") {
      writeError(`sightline dev: ${parsed}\n`);
      return 2;
    }
  }
  const color = options.color ?? (process.stdout.isTTY === true && env.NO_COLOR === undefined);
  const hostFlag = values.host as string | undefined;
  const host = hostFlag ?? env.SIGHTLINE_DEV_HOST ?? "127.0.0.1";
  const scope = getBindScope(host);
  if (scope !== "loopback") {
    // Always on stderr, even with --json: a person must see it, and stdout may be going to a pipe.
    const setting = hostFlag === undefined ? `SIGHTLINE_DEV_HOST=${host}` : `--host ${host}`;
    const reach =
      scope === "all-interfaces" ? "listens on every network interface" : "is not a loopback address";
    writeError(
      `sightline dev: warning: ${setting} ${reach}: anyone who can reach this machine over the network can send telemetry to this receiver, which has no authentication, and have it printed here. Use it only on a network you trust; the default 127.0.0.1 keeps it to this machine.\n`,
    );
  }
  const storePath = (values.store as string | undefined) ?? env.SIGHTLINE_DEV_STORE;
  let server: Awaited<ReturnType<typeof startDevServer>>;
  try {
    server = await startDevServer({
      port: port as number,
      host,
      json: values.json === true,
      maxTraces: maxTraces as number,
      maxBodyBytes: (maxBodyMb as number) * 1024 * 1024,
      color,
      write,
      writeNotice: values.json === true ? writeError : write,
      ui: values["no-ui"] !== true,
      ...(storePath !== undefined ? { store: storePath } : {}),
    });
  } catch (error) {
    writeError(`sightline dev: ${SightlineError.isInstance(error) ? error.message : String(error)}\n`);
    return 1;
  }
  // In --json mode stdout carries only span lines, so the banner and the summary go to stderr.
  const info = values.json === true ? writeError : write;
  info(`sightline dev: OTLP/HTTP receiver on ${server.url} (traces and metrics, protobuf or JSON)\n`);
  info(`  export OTEL_EXPORTER_OTLP_ENDPOINT=${server.url}\n`);
  if (server.uiUrl) info(`  web UI: ${server.uiUrl} (store: ${server.storePath})\n`);
  info("\n");

  await new Promise<void>((resolve) => {
    if (options.signal) {
      if (options.signal.aborted) resolve();
      else options.signal.addEventListener("abort", () => resolve(), { once: true });
      return;
    }
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
  await server.close();
  const stats = server.stats();
  const table = server.summary();
  info(`\n${table === "" ? "no GenAI calls received" : `summary per model\n${table}`}\n`);
  info(
    `received ${stats.spans} spans and ${stats.metricPoints} metric points in ${stats.accepted} requests; rejected ${stats.tooLarge} too large, ${stats.malformed} malformed, ${stats.unsupported} unsupported, ${stats.forbidden} forbidden; ${stats.dropped} dropped to bound memory\n`,
  );
  return 0;
}

function parseWhole(options: { value: string | undefined; flag: string; fallback: number }): number | string {
  if (options.value === undefined) return options.fallback;
  const number = Number(options.value);
  const tooLarge = options.flag === "--port" && number > 65_535;
  if (!Number.isInteger(number) || number < 0 || tooLarge || (options.flag !== "--port" && number === 0)) {
    return `${options.flag} ${options.value} is not a valid number; e.g. ${options.flag} ${options.fallback}`;
  }
  return number;
}
