import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import {
  type AlertFileError,
  type AlertTarget,
  checkAlertFile,
  createDefaultAlertFile,
  generatePromtoolTests,
  type NamingMode,
  renderAlerts,
} from "@sightline/alerts";
import type { CommandContext } from "./command-context.js";
import { readAlertFile } from "./read-alert-file.js";
import { sanitizeTerminalText } from "./sanitize-terminal-text.js";

const ALERTS_HELP = `sightline alerts — alert rules as code for Sightline's metrics

Usage:
  sightline alerts init [--file <path>]                    write the default rule set
  sightline alerts check [--file <path>]                   validate only
  sightline alerts render --target <t> [--out <dir>] [--naming <n>] [--file <path>]
  sightline alerts test [--naming <n>] [--file <path>]     render Prometheus rules and run promtool tests

Options:
  --file <path>     the alert file (default sightline.alerts.yaml)
  --target <t>      prometheus | grafana | honeycomb | datadog
  --naming <n>      Prometheus metric names: otlp (OTLP ingestion, unit suffixes; default) or
                    prometheus-exporter (the OTel JS Prometheus exporter)
  --out <dir>       write files there instead of printing them
  -h, --help        this help
`;

const TARGETS: readonly AlertTarget[] = ["prometheus", "grafana", "honeycomb", "datadog"];
const NAMINGS: readonly NamingMode[] = ["otlp", "prometheus-exporter"];

/**
 * `sightline alerts init|check|render|test`. Resolves with the exit code (1: a file that is missing, unreadable
 * or invalid, a file that cannot be written, or a failed test; 2: usage). Prints one line per problem, never a
 * stack trace for something the user can fix.
 */
export function runAlertsCommand(options: CommandContext & { args: string[] }): number {
  try {
    return runAlertsSubcommand(options);
  } catch (error) {
    // Writing (init, render --out) into a missing folder, onto a file, or without permission.
    if (typeof (error as { code?: unknown }).code !== "string") throw error;
    options.writeError(
      `sightline alerts: ${sanitizeTerminalText((error as Error).message)}; check the path and its permissions\n`,
    );
    return 1;
  }
}

function runAlertsSubcommand(options: CommandContext & { args: string[] }): number {
  const { write, writeError } = options;
  let parsed: ReturnType<typeof parseAlertsArgs>;
  try {
    parsed = parseAlertsArgs(options.args);
  } catch (error) {
    writeError(`sightline alerts: ${(error as Error).message}; see sightline alerts --help\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [subcommand] = positionals;
  if (values.help || subcommand === undefined) {
    write(ALERTS_HELP);
    return subcommand === undefined && !values.help ? 2 : 0;
  }
  const filePath = resolve(options.cwd, values.file ?? "sightline.alerts.yaml");
  const naming = (values.naming ?? "otlp") as NamingMode;
  if (!NAMINGS.includes(naming)) {
    writeError(
      `sightline alerts: --naming ${values.naming} is not known; use one of ${NAMINGS.join(", ")}\n`,
    );
    return 2;
  }
  if (subcommand === "init") {
    if (existsSync(filePath)) {
      writeError(`sightline alerts init: ${filePath} exists; remove it or pass --file <other path>\n`);
      return 1;
    }
    writeFileSync(filePath, createDefaultAlertFile());
    write(`wrote ${filePath}\n`);
    return 0;
  }
  if (!["check", "render", "test"].includes(subcommand)) {
    writeError(`sightline alerts: unknown subcommand "${subcommand}"\n\n${ALERTS_HELP}`);
    return 2;
  }
  const read = readAlertFile(filePath);
  if ("error" in read) {
    writeError(`sightline alerts: ${sanitizeTerminalText(read.error)}\n`);
    return 1;
  }
  const { text } = read;
  const fileName = filePath;
  if (subcommand === "check") {
    const checked = checkAlertFile({ text, fileName });
    if (!checked.ok) return reportErrors(checked.errors, writeError);
    write(`${filePath}: ${checked.file.rules.length} rules, valid\n`);
    return 0;
  }
  if (subcommand === "render") {
    const target = values.target as AlertTarget | undefined;
    if (!target || !TARGETS.includes(target)) {
      writeError(`sightline alerts render: --target must be one of ${TARGETS.join(", ")}\n`);
      return 2;
    }
    const rendered =
      target === "prometheus" || target === "grafana"
        ? renderAlerts({ text, fileName, target, naming })
        : renderAlerts({ text, fileName, target });
    if (!rendered.ok) return reportErrors(rendered.errors, writeError);
    for (const warning of rendered.warnings) writeError(`warning: ${warning}\n`);
    const files = [...rendered.files];
    if (target === "prometheus") {
      const tests = generatePromtoolTests({ text, fileName, naming });
      if (tests.ok) files.push(...tests.files);
    }
    for (const file of files) {
      if (values.out) {
        const destination = join(resolve(options.cwd, values.out), file.path);
        mkdirSync(dirname(destination), { recursive: true });
        writeFileSync(destination, file.contents);
        write(`wrote ${destination}\n`);
      } else {
        write(`# ${file.path}\n${file.contents}\n`);
      }
    }
    return 0;
  }
  return runPromtoolTests({ text, fileName, naming, write, writeError });
}

function runPromtoolTests(options: {
  text: string;
  fileName: string;
  naming: NamingMode;
  write: (text: string) => void;
  writeError: (text: string) => void;
}): number {
  const rules = renderAlerts({
    text: options.text,
    fileName: options.fileName,
    target: "prometheus",
    naming: options.naming,
  });
  if (!rules.ok) return reportErrors(rules.errors, options.writeError);
  const tests = generatePromtoolTests({
    text: options.text,
    fileName: options.fileName,
    naming: options.naming,
  });
  if (!tests.ok) return reportErrors(tests.errors, options.writeError);
  const directory = mkdtempSync(join(tmpdir(), "sightline-alerts-"));
  try {
    // The generated test file names the rule file beside it, so both go into one folder.
    for (const file of [...rules.files, ...tests.files]) {
      writeFileSync(join(directory, file.path.split("/").pop() ?? file.path), file.contents);
    }
    const run = (args: string[]) =>
      execFileSync("promtool", args, { cwd: directory, encoding: "utf8", stdio: "pipe" });
    options.write(run(["check", "rules", "sightline.rules.yml"]));
    options.write(run(["test", "rules", "sightline.rules.test.yml"]));
    return 0;
  } catch (error) {
    const failure = error as { code?: string; stdout?: string; stderr?: string };
    if (failure.code === "ENOENT") {
      options.writeError(
        "sightline alerts test: promtool not found; install it (Debian: apt-get install prometheus)\n",
      );
    } else {
      options.writeError(`${failure.stdout ?? ""}${failure.stderr ?? String(error)}`);
    }
    return 1;
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/** Errors shown; a file of garbage would otherwise print one per line of it. */
const MAX_REPORTED_ERRORS = 20;

function reportErrors(errors: AlertFileError[], writeError: (text: string) => void): number {
  // Messages quote the file's own keys and values, which may hold escape sequences meant for the terminal.
  for (const error of errors.slice(0, MAX_REPORTED_ERRORS))
    writeError(`${sanitizeTerminalText(error.message)}\n`);
  const more = errors.length > MAX_REPORTED_ERRORS ? ` (the first ${MAX_REPORTED_ERRORS} shown)` : "";
  writeError(`${errors.length} error${errors.length === 1 ? "" : "s"}${more}; nothing rendered\n`);
  return 1;
}

function parseAlertsArgs(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      file: { type: "string" },
      target: { type: "string" },
      naming: { type: "string" },
      out: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
}
