/** Package name, used in diagnostics. */
export const PACKAGE_NAME = "@sightline/budget-redis";
/** Package version; kept in step with package.json by the release script. */
export const PACKAGE_VERSION = "0.1.0";
