import type { CommandContext } from "./command-context.js";
import { runEvalCommand } from "./eval/run-eval-command.js";
import { runAlertsCommand } from "./run-alerts-command.js";
import { runCostCommand } from "./run-cost-command.js";
import { runDevCommand } from "./run-dev-command.js";

/** Options of {@link runCli}. */
export interface RunCliOptions {
  /** Arguments after the program name, e.g. `["dev", "--port", "4318"]`. */
  argv: string[];
  /** Standard output. Default: `process.stdout.write`. */
  write?: (text: string) => void;
  /** Standard error. Default: `process.stderr.write`. */
  writeError?: (text: string) => void;
  /** Stops `sightline dev` when aborted. Default: stop on `SIGINT` / `SIGTERM`. */
  signal?: AbortSignal;
  /** Environment to read `NO_COLOR`, `SIGHTLINE_DEV_PORT`, `SIGHTLINE_DEV_HOST` from. Default: `process.env`. */
  env?: Record<string, string | undefined>;
  /** Use colors. Default: when standard output is a terminal and `NO_COLOR` is unset. */
  color?: boolean;
  /** Directory relative paths are resolved against. Default: `process.cwd()`. */
  cwd?: string;
  /** Draw progress bars on standard error. Default: when standard error is a terminal and `writeError` is not given. */
  terminal?: boolean;
}

const HELP = `sightline — see what your LLM calls do

Usage:
  sightline dev [options]        OTLP/HTTP receiver that prints GenAI traces as they arrive
  sightline cost <model> ...     what a call costs, from the bundled price catalog
  sightline alerts <command>     alert rules as code: init, check, render, test
  sightline eval [options]       run a dataset against model configurations, gate CI on regressions

Run sightline <command> --help for a command's options.
`;

/**
 * Runs the `sightline` command line and resolves with the exit code: 0 on success, 1 when the
 * command failed, 2 for bad usage. `sightline dev` runs until `signal` aborts (or Ctrl-C).
 * @example
 * process.exitCode = await runCli({ argv: process.argv.slice(2) });
 */
export async function runCli(options: RunCliOptions): Promise<number> {
  const context: CommandContext = {
    write: options.write ?? ((text: string) => void process.stdout.write(text)),
    writeError: options.writeError ?? ((text: string) => void process.stderr.write(text)),
    env: options.env ?? process.env,
    signal: options.signal,
    color: options.color,
    cwd: options.cwd ?? process.cwd(),
    terminal: options.terminal ?? (options.writeError === undefined && process.stderr.isTTY === true),
  };
  const [command, ...args] = options.argv;
  switch (command) {
    case "dev":
      return runDevCommand({ ...context, args });
    case "cost":
      return runCostCommand({ ...context, args });
    case "alerts":
      return runAlertsCommand({ ...context, args });
    case "eval":
      return runEvalCommand({ ...context, args });
    case undefined:
      context.write(HELP);
      return 2;
    case "-h":
    case "--help":
    case "help":
      context.write(HELP);
      return 0;
    default:
      context.writeError(`sightline: unknown command "${command}"\n\n${HELP}`);
      return 2;
  }
}
