/** One trace as the demo's terminal view printed it. */
export interface PrintedTrace {
  /** Number of the `▸ N · …` scene it was printed under. */
  scene: number;
  /** The root span's name (first tree line). */
  rootName: string;
  spanCount: number;
  modelCalls: number;
  /** The tree lines under the header. */
  lines: string[];
  /** Sum of the `$…` costs on its lines (`<$0.000001` counts as 0). */
  costUsd: number;
  /** A line shows an error (`✗`). */
  hasError: boolean;
}

/** One row of the demo's "summary per model" table. */
export interface PrintedModelRow {
  model: string;
  calls: number;
  errors: number;
  inputTokens: number;
  outputTokens: number;
  /** `null` for `—`, 0 for `<$0.000001`. */
  costUsd: number | null;
}

/** What the demo printed, read back: its traces, its summary table and its budget lines. */
export interface DemoOutput {
  traces: PrintedTrace[];
  models: PrintedModelRow[];
  budgets: { name: string; used: number; limit: number; share: number }[];
}

/**
 * Reads the demo's stdout (NO_COLOR) into traces, summary rows and budgets. This is the terminal view's
 * account of the run, computed apart from the store's queries, so the browser tests compare the web UI with it.
 */
export function readDemoOutput(stdout: string): DemoOutput {
  const traces: PrintedTrace[] = [];
  const models: PrintedModelRow[] = [];
  const budgets: DemoOutput["budgets"] = [];
  let scene = 0;
  let current: PrintedTrace | undefined;
  let inSummary = false;
  for (const line of stdout.split("\n")) {
    const sceneMatch = /^▸ (\d+) · /.exec(line);
    if (sceneMatch) scene = Number(sceneMatch[1]);
    const header = /^● trace \w+ · .* · (\d+) spans? · (\d+) model calls? · /.exec(line);
    if (header) {
      current = {
        scene,
        rootName: "",
        spanCount: Number(header[1]),
        modelCalls: Number(header[2]),
        lines: [],
        costUsd: 0,
        hasError: false,
      };
      traces.push(current);
      continue;
    }
    if (current && /^[ │├└─]/.test(line) && line.trim() !== "") {
      if (current.rootName === "") current.rootName = /^└─ (.*?) {2}/.exec(line)?.[1] ?? "";
      current.lines.push(line);
      for (const cost of line.matchAll(/ \$(\d+\.\d+)/g)) current.costUsd += Number(cost[1]);
      if (line.includes("✗")) current.hasError = true;
      continue;
    }
    current = undefined;
    const budget = /^ {2}budget (\S+): (\d+) of (\d+) .*\((\d+)%\)$/.exec(line);
    if (budget)
      budgets.push({
        name: budget[1] ?? "",
        used: Number(budget[2]),
        limit: Number(budget[3]),
        share: Number(budget[4]),
      });
    if (line.startsWith("summary per model")) inSummary = true;
    else if (inSummary && line.startsWith("model ")) continue;
    else if (inSummary) {
      const row = /^(\S+)\s+(\d+)\s+(\d+)\s+\S+ \S+\s+\S+ \S+\s+(\d+)\s+(\d+)\s+(\S+)$/.exec(line);
      if (!row) inSummary = false;
      else
        models.push({
          model: row[1] ?? "",
          calls: Number(row[2]),
          errors: Number(row[3]),
          inputTokens: Number(row[4]),
          outputTokens: Number(row[5]),
          costUsd: row[6] === "—" ? null : row[6]?.startsWith("<") ? 0 : Number(row[6]?.slice(1)),
        });
    }
  }
  return { traces, models, budgets };
}
