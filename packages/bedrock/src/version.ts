/** Instrumentation scope name. */
export const PACKAGE_NAME = "@sightline/bedrock";
/** Instrumentation scope version; checked against package.json by scripts/check-dependencies.mjs. */
export const PACKAGE_VERSION = "0.1.0";
