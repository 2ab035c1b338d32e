/**
 * Reads an environment variable on any runtime: Node and Bun expose `process.env`, Deno
 * `Deno.env.get` (which throws without permission), edge runtimes often nothing at all.
 */
export function readEnv(name: string): string | undefined {
  const runtime = globalThis as {
    process?: { env?: Record<string, string | undefined> };
    Deno?: { env?: { get(key: string): string | undefined } };
  };
  try {
    const fromProcess = runtime.process?.env?.[name];
    if (fromProcess !== undefined) return fromProcess;
    return runtime.Deno?.env?.get(name);
  } catch {
    return undefined;
  }
}
