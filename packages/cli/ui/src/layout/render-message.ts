import { createElement } from "../dom/create-element.js";

/**
 * An empty, loading or error state: a short title and a hint, so no view is ever a blank page.
 * @example renderMessage({ kind: "empty", title: "No traces yet", detail: "Send some spans." });
 */
export function renderMessage(options: {
  kind: "empty" | "error" | "loading";
  title: string;
  detail?: string;
}): HTMLElement {
  return createElement(
    "div",
    {
      className: `message message-${options.kind}`,
      testId: `message-${options.kind}`,
      attributes: { role: options.kind === "error" ? "alert" : "status" },
    },
    [
      createElement("p", { className: "message-title", text: options.title }),
      options.detail ? createElement("p", { className: "message-detail", text: options.detail }) : null,
    ],
  );
}

/** The message of any thrown value. */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
