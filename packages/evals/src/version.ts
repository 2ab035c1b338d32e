/** Instrumentation scope name. */
export const PACKAGE_NAME = "@sightline/evals";
/** Instrumentation scope version; kept in step with package.json by the release script. */
export const PACKAGE_VERSION = "0.1.0";
