import { mkdir, readFile, writeFile } from "node:fs/promises";
import { basename, dirname, isAbsolute, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import {
  compareRuns,
  type EvalComparison,
  type EvalRun,
  parseEvalDataset,
  renderHtmlReport,
  renderMarkdownReport,
  runEvalDataset,
} from "@sightline/evals";
import type { CommandContext } from "../command-context.js";
import { createPaint } from "../paint.js";
import { sanitizeTerminalText } from "../sanitize-terminal-text.js";
import { createProgressReporter } from "./create-progress-reporter.js";
import { formatComparisonSummary, formatRunSummary } from "./format-eval-summary.js";
import { EvalConfigError, loadEvalConfig } from "./load-eval-config.js";
import { type EvalTelemetry, MissingEvalSetupError, startEvalTelemetry } from "./start-eval-telemetry.js";

const EVAL_HELP = `sightline eval — run a dataset against model/prompt configurations and gate on regressions

Usage:
  sightline eval --dataset rows.jsonl [--config eval.config.mjs] [options]

Options:
  --dataset <file>          JSONL, one row per line: {"id", "input", "expected"?, "metadata"?}
  --config <file>           ESM file exporting targets and evaluators (default: eval.config.mjs)
  --baseline <name>         target to compare against (default: the config's baseline, or its first target)
  --candidate <name>        target under test (default: the config's candidate, or its second target)
  --concurrency <n>         rows in flight per target (default 4)
  --retries <n>             extra attempts on 429, 5xx and connection errors, with backoff (default 2)
  --alpha <p>               significance level of the paired tests (default 0.05)
  --max-pass-rate-drop <x>  pass-rate drop (0-1) that is a regression even when not significant (default 0.05)
  --fail-on-regression      exit 1 when the candidate regresses (for CI)
  --report <file>           write a Markdown report
  --html <file>             write a self-contained HTML report
  --json <file>             write the runs and the comparison as JSON
  --otlp-endpoint <url>     export the run's traces over OTLP/HTTP (default: OTEL_EXPORTER_OTLP_ENDPOINT, if set)
  -h, --help                this help

Exit codes: 0 done (no regression, or no --fail-on-regression), 1 regression with --fail-on-regression,
2 bad usage, dataset or config. Docs: docs/evals.md
`;

/** `sightline eval`: runs the dataset against the targets, compares them, writes reports, exits for CI. */
export async function runEvalCommand(options: CommandContext & { args: string[] }): Promise<number> {
  const { write, writeError, env } = options;
  const usage = (message: string) => {
    writeError(`sightline eval: ${sanitizeTerminalText(message)}\n`);
    return 2;
  };
  let values: ReturnType<typeof parseEvalArgs>["values"];
  try {
    const parsed = parseEvalArgs(options.args);
    values = parsed.values;
    if (parsed.positionals.length > 0) {
      return usage(`unexpected argument "${parsed.positionals[0]}"; see sightline eval --help`);
    }
  } catch (error) {
    return usage(`${(error as Error).message}; see sightline eval --help`);
  }
  if (values.help) {
    write(EVAL_HELP);
    return 0;
  }
  if (values.dataset === undefined) return usage("--dataset is required, e.g. --dataset rows.jsonl");
  const numbers: Record<string, number> = {};
  for (const [flag, value, check, hint] of [
    [
      "concurrency",
      values.concurrency,
      (n: number) => Number.isInteger(n) && n >= 1,
      "a whole number of at least 1",
    ],
    ["retries", values.retries, (n: number) => Number.isInteger(n) && n >= 0, "a whole number of at least 0"],
    ["alpha", values.alpha, (n: number) => n > 0 && n < 1, "a number between 0 and 1, e.g. 0.05"],
    [
      "max-pass-rate-drop",
      values["max-pass-rate-drop"],
      (n: number) => n >= 0 && n <= 1,
      "a number from 0 to 1, e.g. 0.05",
    ],
  ] as const) {
    if (value === undefined) continue;
    const number = Number(value);
    if (value.trim() === "" || !check(number)) return usage(`--${flag} ${value} is not valid; give ${hint}`);
    numbers[flag] = number;
  }
  if (values["otlp-endpoint"] !== undefined && !/^https?:\/\/[^\s]+$/.test(values["otlp-endpoint"])) {
    return usage(
      `--otlp-endpoint ${values["otlp-endpoint"]} is not an http(s) URL; e.g. --otlp-endpoint http://localhost:4318`,
    );
  }

  const datasetPath = resolve(options.cwd, values.dataset);
  let text: string;
  try {
    text = await readFile(datasetPath, "utf8");
  } catch (error) {
    return usage(
      `--dataset ${values.dataset}: cannot read it (${(error as NodeJS.ErrnoException).code ?? String(error)}); check the path`,
    );
  }
  const { rows, problems } = parseEvalDataset(text);
  if (problems.length > 0) {
    const shown = problems
      .slice(0, 10)
      .map((problem) => `  ${values.dataset}:${problem.line} ${problem.field}: ${problem.message}`);
    writeError(
      `sightline eval: --dataset ${sanitizeTerminalText(values.dataset)} has ${problems.length} problem(s):\n${sanitizeTerminalText(shown.join("\n"))}\n${problems.length > 10 ? `  … and ${problems.length - 10} more\n` : ""}`,
    );
    return 2;
  }
  if (rows.length === 0)
    return usage(`--dataset ${values.dataset} has no rows; write one JSON object per line`);

  // Ctrl-C stops the run (no new rows, calls in flight aborted) and still exports what ran.
  const interrupt = new AbortController();
  const onInterrupt = () => interrupt.abort(new Error("interrupted"));
  const signal = options.signal ?? interrupt.signal;
  if (!options.signal) process.once("SIGINT", onInterrupt);
  let telemetry: EvalTelemetry;
  try {
    telemetry = await startEvalTelemetry({
      endpoint: values["otlp-endpoint"],
      env,
      log: (message) => writeError(`sightline eval: ${message}\n`),
    });
  } catch (error) {
    if (!options.signal) process.removeListener("SIGINT", onInterrupt);
    if (error instanceof MissingEvalSetupError) return usage(error.message);
    throw error;
  }
  let teardown: unknown;
  try {
    const config = await loadEvalConfig(resolve(options.cwd, values.config ?? "eval.config.mjs"));
    const names = config.targets.map((target) => target.name);
    const pick = (flag: "baseline" | "candidate", fallback: string | undefined) => {
      const name = values[flag] ?? config[flag] ?? fallback;
      if (name !== undefined && !names.includes(name)) {
        throw new EvalConfigError(
          `--${flag} "${name}" names no target of the config; use one of ${names.join(", ")}`,
        );
      }
      return name;
    };
    const baselineName = pick("baseline", names[0]);
    const candidateName = pick(
      "candidate",
      names.length > 1 ? names.find((name) => name !== baselineName) : undefined,
    );
    if (baselineName === candidateName) {
      throw new EvalConfigError(
        `--baseline and --candidate both name "${baselineName}"; compare two different targets`,
      );
    }
    const chosen = [baselineName, candidateName].flatMap((name) =>
      name === undefined ? [] : config.targets.filter((target) => target.name === name),
    );
    if (!telemetry.started) {
      writeError(
        "sightline eval: another tracer provider is registered; rows get wall-clock latency and no cost\n",
      );
    }
    for (const line of telemetry.description) writeError(`sightline eval: exporting ${line}\n`);
    try {
      teardown = await config.setup?.();
    } catch (error) {
      throw new EvalConfigError(
        `the config's setup() failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    const terminal = options.terminal === true;
    const onProgress = createProgressReporter({ write: writeError, terminal });
    const dataset = basename(datasetPath);
    const runs: EvalRun[] = [];
    for (const target of chosen) {
      runs.push(
        await runEvalDataset({
          rows,
          target,
          evaluators: config.evaluators,
          dataset,
          ...(numbers.concurrency !== undefined ? { concurrency: numbers.concurrency } : {}),
          ...(numbers.retries !== undefined ? { retries: numbers.retries } : {}),
          signal,
          onProgress,
        }),
      );
    }
    const paint = createPaint(options.color ?? false);
    let comparison: EvalComparison | undefined;
    const [baselineRun, candidateRun] = runs;
    if (baselineRun && candidateRun) {
      comparison = compareRuns(baselineRun, candidateRun, {
        ...(numbers.alpha !== undefined ? { alpha: numbers.alpha } : {}),
        ...(numbers["max-pass-rate-drop"] !== undefined
          ? { maxPassRateDrop: numbers["max-pass-rate-drop"] }
          : {}),
      });
      write(formatComparisonSummary({ comparison, paint }));
    } else {
      write(formatRunSummary({ runs, paint }));
    }
    const report = { runs, ...(comparison ? { comparison } : {}), dataset };
    const outputs: [string | undefined, () => string][] = [
      [values.report, () => renderMarkdownReport(report)],
      [values.html, () => renderHtmlReport(report)],
      [values.json, () => `${JSON.stringify(report, null, 2)}\n`],
    ];
    for (const [file, render] of outputs) {
      if (file === undefined) continue;
      const path = resolve(options.cwd, file);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, render());
      const displayed = relative(options.cwd, path);
      write(
        `wrote ${sanitizeTerminalText(displayed.startsWith("..") || isAbsolute(displayed) ? path : displayed)}\n`,
      );
    }
    return comparison?.verdict === "regression" && values["fail-on-regression"] ? 1 : 0;
  } catch (error) {
    if (error instanceof EvalConfigError) return usage(error.message);
    if (signal.aborted) {
      writeError("sightline eval: stopped\n");
      return 130;
    }
    writeError(
      `sightline eval: failed: ${sanitizeTerminalText(error instanceof Error ? (error.stack ?? error.message) : String(error))}\n`,
    );
    return 1;
  } finally {
    process.off("SIGINT", onInterrupt);
    if (typeof teardown === "function") {
      try {
        await teardown();
      } catch (error) {
        writeError(`sightline eval: the config's teardown failed: ${sanitizeTerminalText(String(error))}\n`);
      }
    }
    await telemetry.shutdown();
  }
}

function parseEvalArgs(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      dataset: { type: "string" },
      config: { type: "string" },
      baseline: { type: "string" },
      candidate: { type: "string" },
      concurrency: { type: "string" },
      retries: { type: "string" },
      alpha: { type: "string" },
      "max-pass-rate-drop": { type: "string" },
      "fail-on-regression": { type: "boolean" },
      report: { type: "string" },
      html: { type: "string" },
      json: { type: "string" },
      "otlp-endpoint": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
}
