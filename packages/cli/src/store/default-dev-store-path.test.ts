import { expect, it } from "vitest";
import { defaultDevStorePath } from "./default-dev-store-path.js";

it("uses XDG_DATA_HOME on Linux, else ~/.local/share", () => {
  expect(defaultDevStorePath({ XDG_DATA_HOME: "/data" }, "linux", "/home/ada")).toBe(
    "/data/sightline/dev.sqlite",
  );
  expect(defaultDevStorePath({}, "linux", "/home/ada")).toBe("/home/ada/.local/share/sightline/dev.sqlite");
  // A relative XDG_DATA_HOME is invalid per the spec and ignored.
  expect(defaultDevStorePath({ XDG_DATA_HOME: "data" }, "freebsd", "/home/ada")).toBe(
    "/home/ada/.local/share/sightline/dev.sqlite",
  );
});

it("uses ~/Library/Application Support on macOS", () => {
  expect(defaultDevStorePath({ XDG_DATA_HOME: "/data" }, "darwin", "/Users/ada")).toBe(
    "/Users/ada/Library/Application Support/sightline/dev.sqlite",
  );
});

it("uses %LOCALAPPDATA% on Windows, else ~\\AppData\\Local", () => {
  expect(
    defaultDevStorePath({ LOCALAPPDATA: "C:\\Users\\ada\\AppData\\Local" }, "win32", "C:\\Users\\ada"),
  ).toBe("C:\\Users\\ada\\AppData\\Local\\sightline\\dev.sqlite");
  expect(defaultDevStorePath({}, "win32", "C:\\Users\\ada")).toBe(
    "C:\\Users\\ada\\AppData\\Local\\sightline\\dev.sqlite",
  );
});
