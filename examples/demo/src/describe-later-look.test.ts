import { expect, it } from "vitest";
import { describeLaterLook } from "./describe-later-look.js";

it("names the store only when one was chosen, and the Node that has node:sqlite when the demo switched", () => {
  expect(
    describeLaterLook({ storePath: "/home/a/.local/share/sightline/dev.sqlite", storeChosen: false }),
  ).toBe(
    "\nlook at these traces again: node packages/cli/dist/cli.js dev --open\n" +
      "  (in your own app: npx sightline dev --open); they are kept in /home/a/.local/share/sightline/dev.sqlite\n",
  );
  expect(
    describeLaterLook({ storePath: "/tmp/s.sqlite", storeChosen: true, node: ".cache/node-22/bin/node" }),
  ).toMatch(
    /^\nlook at these traces again: \.cache\/node-22\/bin\/node packages\/cli\/dist\/cli\.js dev --open --store \/tmp\/s\.sqlite\n/,
  );
  expect(describeLaterLook({ storePath: ":memory:", storeChosen: true })).toBe(
    "\nnothing was kept: the store was :memory:\n",
  );
  expect(describeLaterLook({ storePath: undefined, storeChosen: false })).toMatch(/needs Node 22\.13\+/);
});
