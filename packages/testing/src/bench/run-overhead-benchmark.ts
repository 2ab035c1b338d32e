import { measureOverheadVariants } from "./measure-overhead-variants.js";

/** One row of the benchmark: a case and how its overhead is expressed. */
export interface OverheadPlanItem {
  caseName: string;
  /** Calls per measuring process. */
  calls: number;
  /** `call`, or `chunk` for streams (the overhead is divided by `perCall`). */
  unit: "call" | "chunk";
  /** Units per call (chunks per stream). */
  perCall: number;
}

/** Options of {@link runOverheadBenchmark}. */
export interface OverheadBenchmarkOptions {
  /** The client the table compares against, e.g. `openai`. */
  clientName: string;
  /** Path of the provider's runner script (it calls `runOverheadCase`). */
  runnerPath: string;
  plan: OverheadPlanItem[];
  /** Fewer processes and calls, for a smoke run. Default: false. */
  quick?: boolean;
  /** Only the in-process replay, not loopback HTTP (the figure the targets are set in). Default: false. */
  inProcessOnly?: boolean;
}

/**
 * Sightline's per-call overhead against the raw client. Every measurement runs in a fresh process
 * with one client, as an app has; raw and wrapped processes alternate so drifting machine load
 * lands on both alike; figures are medians over processes. Two transports: loopback HTTP to the
 * mock server, and an in-process replay of the same bytes without a socket (the only way to see
 * microseconds on a noisy machine). Prints a Markdown table.
 */
export function runOverheadBenchmark(options: OverheadBenchmarkOptions): void {
  const processes = options.quick ? 2 : 7;
  const scale = options.quick ? 0.2 : 1;
  const rows: string[] = [];
  for (const transport of options.inProcessOnly ? ["in-process"] : ["in-process", "http"]) {
    for (const item of options.plan) {
      const calls = Math.max(50, Math.round(item.calls * scale));
      const figures = measureOverheadVariants({
        runnerPath: options.runnerPath,
        caseName: item.caseName,
        transport: transport as "in-process" | "http",
        calls,
        variants: ["wrapped"],
        rounds: processes,
      });
      const figure = (variant: string, field: "wall" | "cpu" | "peakRssMegabytes") =>
        figures.get(variant)?.[field] ?? 0;
      const raw = figure("raw", "wall");
      const wrapped = figure("wrapped", "wall");
      const extra = wrapped - raw;
      rows.push(
        `| ${transport} | ${item.caseName} | ${raw.toFixed(1)} | ${wrapped.toFixed(1)} | ${(wrapped / raw).toFixed(3)} | ${extra.toFixed(1)} | ${(figure("wrapped", "cpu") - figure("raw", "cpu")).toFixed(1)} | ${(extra / item.perCall).toFixed(2)} µs/${item.unit} | ${(figure("wrapped", "peakRssMegabytes") - figure("raw", "peakRssMegabytes")).toFixed(1)} MB |`,
      );
    }
  }
  const lines = [
    "",
    `Sightline overhead vs the raw ${options.clientName} client (medians of ${processes} fresh processes per variant, alternating; Node ${process.version})`,
    "",
    "| transport | case | raw µs/call | wrapped µs/call | ratio | extra wall µs/call | extra CPU µs/call | extra per unit (wall) | extra peak RSS |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ...rows,
    "",
    "Wrapped: spans, metrics, cost and drift all on. CPU includes V8's parallel GC threads, so it can exceed wall time.",
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
}
