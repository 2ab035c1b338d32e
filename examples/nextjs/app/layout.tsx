import type { ReactNode } from "react";

/** The root layout Next.js requires; the example's interest is in its API routes. */
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
