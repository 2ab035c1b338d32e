import type { EvalProgress } from "@sightline/evals";

const BAR_WIDTH = 24;

/**
 * Progress of a run: a bar redrawn in place on a terminal (`\r`), or a plain line every tenth of the rows
 * (and the last) otherwise, so CI logs stay short. Written to standard error; standard output keeps the results.
 */
export function createProgressReporter(options: {
  write: (text: string) => void;
  terminal: boolean;
}): (progress: EvalProgress) => void {
  return (progress) => {
    const { completed, total, failed, target } = progress;
    if (options.terminal) {
      const filled = total === 0 ? BAR_WIDTH : Math.round((completed / total) * BAR_WIDTH);
      const bar = `${"█".repeat(filled)}${"░".repeat(BAR_WIDTH - filled)}`;
      options.write(`\r${target} ${bar} ${completed}/${total} rows, ${failed} failed\x1b[K`);
      if (completed === total) options.write("\n");
      return;
    }
    const step = Math.max(1, Math.ceil(total / 10));
    if (completed !== total && completed % step !== 0) return;
    options.write(`${target}: ${completed}/${total} rows, ${failed} failed\n`);
  };
}
