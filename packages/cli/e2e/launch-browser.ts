import { type Browser, chromium, type Page } from "playwright-core";

/** A launched Chromium with one page, and what went wrong on it that a test should see. */
export interface LaunchedBrowser {
  /** The browser, for more contexts or pages. */
  browser: Browser;
  /** A fresh page, with the listeners below attached. */
  page: Page;
  /** Every `alert`, `confirm`, `prompt` or `beforeunload` dialog, as `type: message` (each dismissed). */
  dialogs: string[];
  /** Uncaught exceptions thrown by the page's scripts. */
  pageErrors: string[];
  /** `console.error` messages, which include CSP violations and failed loads. */
  consoleErrors: string[];
  /** Closes the browser. */
  close(): Promise<void>;
}

/** Flags for a headless Chromium in a container and in CI: no sandbox (root), no GPU, nothing fetched in the background. */
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/**
 * Launches the system's Chromium (not a Playwright download) headless, opens a page, and records every
 * dialog, page error and console error, so a test can assert that none happened: a dialog means injected
 * content ran, a page error means the UI broke.
 * @example
 * const launched = await launchBrowser();
 * await launched.page.goto(url);
 * expect(launched.pageErrors).toEqual([]);
 * await launched.close();
 */
export async function launchBrowser(options: { executablePath?: string } = {}): Promise<LaunchedBrowser> {
  const executablePath = options.executablePath ?? process.env.SIGHTLINE_CHROMIUM;
  if (!executablePath) {
    throw new Error(
      "no Chromium: set SIGHTLINE_CHROMIUM to its path, or run the browser tests with node scripts/browser/run.mjs",
    );
  }
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const page = await browser.newPage();
  const launched: LaunchedBrowser = {
    browser,
    page,
    dialogs: [],
    pageErrors: [],
    consoleErrors: [],
    close: () => browser.close(),
  };
  page.on("dialog", (dialog) => {
    launched.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    // An open dialog blocks the page; dismiss it so the test goes on and fails on the record instead.
    void dialog.dismiss().catch(() => {});
  });
  page.on("pageerror", (error) => void launched.pageErrors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") launched.consoleErrors.push(message.text());
  });
  return launched;
}
