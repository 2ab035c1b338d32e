/** Instrumentation scope name. */
export const PACKAGE_NAME = "@sightline/core";
/** Instrumentation scope version; kept in step with package.json by the release script. */
export const PACKAGE_VERSION = "0.1.0";
