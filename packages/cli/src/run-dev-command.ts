import { SightlineError } from "@sightline/core";
import type { CommandContext } from "./command-context.js";
import { explainMissingUi } from "./explain-missing-ui.js";
import { getBindScope } from "./get-bind-scope.js";
import { openInBrowser } from "./open-in-browser.js";
import { readDevOptions } from "./read-dev-options.js";
import { startDevServer } from "./start-dev-server.js";

const DEV_HELP = `sightline dev — OTLP/HTTP receiver that prints GenAI traces as they arrive, and shows them in a web UI

Usage:
  sightline dev [options]

Options:
  --port <n>             port to listen on (default 4318, env SIGHTLINE_DEV_PORT; 0 = any free port)
  --host <address>       interface to bind (default 127.0.0.1, env SIGHTLINE_DEV_HOST); anything else is
                         reachable from the network, without authentication
  --json                 print one JSON line per span instead of trees
  --max-traces <n>       recent traces kept in memory for the terminal view (default 500)
  --max-body-mb <n>      largest accepted request body in MiB (default 16)
  --no-ui                terminal only: no web UI, no store
  --open                 open the web UI in the default browser once listening
  --store <file>         where the web UI keeps traces (env SIGHTLINE_DEV_STORE; default
                         sightline/dev.sqlite in your user data folder; :memory: keeps nothing)
  --retention-hours <n>  delete stored traces older than this (default 168)
  --retention-mb <n>     delete the oldest stored traces past this size (default 256)
  -h, --help             this help

The web UI is served on the same port (http://127.0.0.1:4318/) and needs Node 22.13+ (node:sqlite); on
older Node the terminal view works alone. Point your app at it with
OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:4318 (or init({ exporter: "otlp" }) from @sightline/node).
Ctrl-C prints a summary per model and exits.
`;

/**
 * `sightline dev`: runs the receiver until the context's signal aborts (or Ctrl-C), then prints the
 * summary per model. Resolves with the exit code: 0, 2 for bad usage, 1 when the receiver could not start.
 */
export async function runDevCommand(options: CommandContext & { args: string[] }): Promise<number> {
  const { write, writeError, env } = options;
  const read = readDevOptions({ args: options.args, env, cwd: options.cwd });
  if (typeof read === "string") {
    writeError(`sightline dev: ${read}\n`);
    return 2;
  }
  if (read.help) {
    write(DEV_HELP);
    return 0;
  }
  const color = options.color ?? (process.stdout.isTTY === true && env.NO_COLOR === undefined);
  const host = read.server.host;
  const scope = getBindScope(host);
  if (scope !== "loopback") {
    // Always on stderr, even with --json: a person must see it, and stdout may be going to a pipe.
    const setting = read.hostFromFlag ? `--host ${host}` : `SIGHTLINE_DEV_HOST=${host}`;
    const reach =
      scope === "all-interfaces" ? "listens on every network interface" : "is not a loopback address";
    writeError(
      `sightline dev: warning: ${setting} ${reach}: anyone who can reach this machine over the network can send telemetry to this receiver, which has no authentication, and have it printed here. Use it only on a network you trust; the default 127.0.0.1 keeps it to this machine.\n`,
    );
  }
  let server: Awaited<ReturnType<typeof startDevServer>>;
  try {
    server = await startDevServer({
      ...read.server,
      color,
      write,
      writeNotice: read.server.json ? writeError : write,
    });
  } catch (error) {
    writeError(`sightline dev: ${SightlineError.isInstance(error) ? error.message : String(error)}\n`);
    return 1;
  }
  // In --json mode stdout carries only span lines, so the banner and the summary go to stderr.
  const info = read.server.json ? writeError : write;
  info(`sightline dev: OTLP/HTTP receiver on ${server.url} (traces and metrics, protobuf or JSON)\n`);
  info(`  export OTEL_EXPORTER_OTLP_ENDPOINT=${server.url}\n`);
  if (server.uiUrl !== undefined) info(`  web UI: ${server.uiUrl}\n`);
  if (server.storePath !== undefined) {
    info(`  store: ${server.storePath === ":memory:" ? ":memory: (kept until Ctrl-C)" : server.storePath}\n`);
  }
  info("\n");
  if (read.open) {
    if (server.uiUrl === undefined) {
      writeError(
        `sightline dev: --open: nothing to open: ${explainMissingUi({ ui: read.server.ui, nodeVersion: process.versions.node })}\n`,
      );
    } else {
      const onError = (message: string) => writeError(`sightline dev: --open: ${message}\n`);
      const openUrl = options.openUrl ?? ((url, report) => openInBrowser({ url, onError: report }));
      try {
        openUrl(server.uiUrl, onError);
      } catch (error) {
        // An opener that throws must not take the receiver down with it.
        onError(String(error));
      }
    }
  }

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
