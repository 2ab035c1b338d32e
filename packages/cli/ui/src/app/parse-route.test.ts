import { describe, expect, it } from "vitest";
import { conversationHref, parseRoute, traceHref } from "./parse-route.js";

describe("parseRoute", () => {
  it.each([
    ["", "traces"],
    ["#", "traces"],
    ["#/", "traces"],
    ["#/?model=gpt-4o", "traces"],
    ["#/conversations", "conversations"],
    ["#/overview?range=1h", "overview"],
    ["#/trace", "not-found"],
    ["#/trace/a/b", "not-found"],
    ["#/elsewhere", "not-found"],
  ])("%s is the %s view", (hash, view) => {
    expect(parseRoute(hash).view).toBe(view);
  });

  it("decodes ids and keeps the query", () => {
    const route = parseRoute(traceHref("<script>", "s1"));
    expect(route).toMatchObject({ view: "trace", traceId: "<script>" });
    expect(route.params.get("span")).toBe("s1");
    expect(parseRoute(conversationHref("conv/42 ?"))).toMatchObject({
      view: "conversation",
      conversationId: "conv/42 ?",
    });
    expect(parseRoute("#/trace/%E0%A4%A")).toMatchObject({ view: "trace", traceId: "%E0%A4%A" });
  });
});
