/** Instrumentation scope name of this package's spans and metrics. */
export const PACKAGE_NAME = "@sightline/langchain";
/** Instrumentation scope version. */
export const PACKAGE_VERSION = "0.1.0";
