/** Reads one environment variable: trimmed, with an empty value taken as unset (as the OTel SDKs do). */
export type EnvReader = (name: string) => string | undefined;

/** An {@link EnvReader} over a plain record such as `process.env` or `init`'s `env` option. */
export function createEnvReader(env: Record<string, string | undefined>): EnvReader {
  return (name) => {
    const value = env[name]?.trim();
    return value ? value : undefined;
  };
}

/** A comma-separated list (`OTEL_PROPAGATORS=tracecontext,baggage`), lower-cased, blanks dropped. */
export function readEnvList(read: EnvReader, name: string): string[] | undefined {
  const value = read(name);
  if (value === undefined) return undefined;
  return value
    .split(",")
    .map((item) => item.trim().toLowerCase())
    .filter((item) => item !== "");
}

/** A number, or undefined when unset or not a number (the SDKs ignore such values rather than fail). */
export function readEnvNumber(read: EnvReader, name: string): number | undefined {
  const value = read(name);
  if (value === undefined) return undefined;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : undefined;
}
