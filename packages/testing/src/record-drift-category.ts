/**
 * Wraps a drift monitor so that each observation's value of one category is kept, in call order, while the monitor
 * still judges every observation: a test can read what a wrapped client fed the monitor (e.g. `refusal: "yes"`).
 *
 * @example
 * const { monitor, values: refusals } = recordDriftCategory(createDriftMonitor(), "refusal");
 */
export function recordDriftCategory<Monitor extends { observe: (observation: never) => unknown }>(
  monitor: Monitor,
  category: string,
): { monitor: Monitor; values: (string | undefined)[] } {
  const values: (string | undefined)[] = [];
  const observe = monitor.observe as (observation: unknown) => unknown;
  const recording = {
    ...monitor,
    observe: (observation: unknown) => {
      values.push(
        (observation as { categories?: Record<string, string | undefined> }).categories?.[category],
      );
      return observe(observation);
    },
  };
  return { monitor: recording as Monitor, values };
}
