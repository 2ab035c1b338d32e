import { isAbsolute, resolve } from "node:path";
import { parseArgs } from "node:util";
import type { DevServerOptions } from "./types.js";

/** What `sightline dev`'s flags and variables ask for. */
export interface DevCommandOptions {
  /** Print the help and stop. */
  help: boolean;
  /** Open the web UI in the default browser once listening. */
  open: boolean;
  /** Whether `--host` (rather than `SIGHTLINE_DEV_HOST` or the default) chose the interface. */
  hostFromFlag: boolean;
  /** The receiver's options, `color` and `write` aside. */
  server: Required<Pick<DevServerOptions, "port" | "host" | "json" | "maxTraces" | "maxBodyBytes" | "ui">> &
    Pick<DevServerOptions, "store" | "retention">;
}

/** The store value that keeps nothing across restarts; never resolved as a path. */
const MEMORY_STORE = ":memory:";

/**
 * Reads `sightline dev`'s arguments and variables (`SIGHTLINE_DEV_PORT`, `SIGHTLINE_DEV_HOST`,
 * `SIGHTLINE_DEV_STORE`) into the receiver's options. Returns a one-line message naming the flag and a
 * valid example when something is wrong, for an exit code of 2.
 */
export function readDevOptions(options: {
  args: string[];
  env: Record<string, string | undefined>;
  cwd: string;
}): DevCommandOptions | string {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args: options.args,
      options: {
        port: { type: "string" },
        host: { type: "string" },
        json: { type: "boolean" },
        "max-traces": { type: "string" },
        "max-body-mb": { type: "string" },
        // `--no-ui` is the flag people type; `allowNegative` reads it as ui = false.
        ui: { type: "boolean" },
        store: { type: "string" },
        "retention-hours": { type: "string" },
        "retention-mb": { type: "string" },
        open: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
      allowNegative: true,
      strict: true,
    }).values;
  } catch (error) {
    return `${(error as Error).message}; see sightline dev --help`;
  }
  const text = (name: string) => values[name] as string | undefined;
  const port = parseWhole({
    value: text("port") ?? options.env.SIGHTLINE_DEV_PORT,
    flag: "--port",
    fallback: 4318,
  });
  const maxTraces = parseWhole({ value: text("max-traces"), flag: "--max-traces", fallback: 500 });
  const maxBodyMb = parseWhole({ value: text("max-body-mb"), flag: "--max-body-mb", fallback: 16 });
  const maxAgeHours = parsePositive({
    value: text("retention-hours"),
    flag: "--retention-hours",
    example: 168,
  });
  const maxSizeMb = parsePositive({ value: text("retention-mb"), flag: "--retention-mb", example: 256 });
  for (const parsed of [port, maxTraces, maxBodyMb, maxAgeHours, maxSizeMb]) {
    if (typeof parsed === "string") return parsed;
  }
  const store = readStore({
    flag: text("store"),
    variable: options.env.SIGHTLINE_DEV_STORE,
    cwd: options.cwd,
  });
  if (store !== undefined && store.error !== undefined) return store.error;
  const ui = values.ui !== false;
  if (!ui && values.open === true)
    return "--open opens the web UI, which --no-ui turns off; drop one of them";
  const retention = {
    ...(maxAgeHours === undefined ? {} : { maxAgeHours: maxAgeHours as number }),
    ...(maxSizeMb === undefined ? {} : { maxSizeMb: maxSizeMb as number }),
  };
  const hostFlag = text("host");
  return {
    help: values.help === true,
    open: values.open === true,
    hostFromFlag: hostFlag !== undefined,
    server: {
      port: port as number,
      host: hostFlag ?? options.env.SIGHTLINE_DEV_HOST ?? "127.0.0.1",
      json: values.json === true,
      maxTraces: maxTraces as number,
      maxBodyBytes: (maxBodyMb as number) * 1024 * 1024,
      ui,
      ...(store === undefined ? {} : { store: store.path }),
      ...(Object.keys(retention).length === 0 ? {} : { retention }),
    },
  };
}

function parseWhole(options: { value: string | undefined; flag: string; fallback: number }): number | string {
  if (options.value === undefined) return options.fallback;
  const number = Number(options.value);
  const tooLarge = options.flag === "--port" && number > 65_535;
  if (!Number.isInteger(number) || number < 0 || tooLarge || (options.flag !== "--port" && number === 0)) {
    return `${options.flag} ${options.value} is not a valid number; e.g. ${options.flag} ${options.fallback}`;
  }
  return number;
}

/** Retention bounds may be fractions (half an hour), but not zero: that would delete everything at once. */
function parsePositive(options: {
  value: string | undefined;
  flag: string;
  example: number;
}): number | string | undefined {
  if (options.value === undefined) return undefined;
  const number = options.value.trim() === "" ? Number.NaN : Number(options.value);
  if (!Number.isFinite(number) || number <= 0) {
    return `${options.flag} ${options.value} is not a positive number; e.g. ${options.flag} ${options.example}`;
  }
  return number;
}

/** `--store` wins over `SIGHTLINE_DEV_STORE`; an empty variable counts as unset, an empty flag is a mistake. */
function readStore(options: {
  flag: string | undefined;
  variable: string | undefined;
  cwd: string;
}): { path: string; error?: undefined } | { path?: undefined; error: string } | undefined {
  if (options.flag !== undefined && options.flag.trim() === "") {
    return {
      error: `--store needs a file path, or ${MEMORY_STORE} to keep nothing; e.g. --store ./dev.sqlite`,
    };
  }
  const value = options.flag ?? (options.variable?.trim() === "" ? undefined : options.variable);
  if (value === undefined) return undefined;
  if (value === MEMORY_STORE || isAbsolute(value)) return { path: value };
  return { path: resolve(options.cwd, value) };
}
