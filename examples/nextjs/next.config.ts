import type { NextConfig } from "next";

const config: NextConfig = {
  // The OTel Node SDK is loaded by Node at run time rather than bundled by Next.js.
  serverExternalPackages: ["@sightline/node"],
};

export default config;
