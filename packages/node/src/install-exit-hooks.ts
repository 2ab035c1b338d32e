/** The part of `process` the exit hooks use; tests pass a fake. */
export interface ExitHookTarget {
  once(event: string, listener: (...values: unknown[]) => void): unknown;
  off(event: string, listener: (...values: unknown[]) => void): unknown;
  listenerCount(event: string): number;
  kill(pid: number, signal: string): unknown;
  pid: number;
}

const SIGNALS = ["SIGTERM", "SIGINT"] as const;

/**
 * Runs `shutdown` once on `SIGTERM`, `SIGINT` or `beforeExit`. A signal listener replaces Node's default
 * "exit on signal", so when nobody else listens the signal is raised again after the flush and the
 * process ends as it would have. Returns a function that removes the hooks.
 */
export function installExitHooks(options: {
  shutdown: () => Promise<void>;
  target?: ExitHookTarget;
}): () => void {
  const target = options.target ?? process;
  const onSignal = (signal: unknown) => {
    void options.shutdown().finally(() => {
      // Our `once` listener is already gone; anyone left owns the decision to exit.
      if (typeof signal === "string" && target.listenerCount(signal) === 0) target.kill(target.pid, signal);
    });
  };
  const onBeforeExit = () => {
    void options.shutdown();
  };
  for (const signal of SIGNALS) target.once(signal, onSignal);
  target.once("beforeExit", onBeforeExit);
  return () => {
    for (const signal of SIGNALS) target.off(signal, onSignal);
    target.off("beforeExit", onBeforeExit);
  };
}
