import assert from "node:assert/strict";
import { test } from "node:test";
import { boilerplateRule } from "../../../scripts/import/boilerplate.ts";

const removed = (line: string) => boilerplateRule(line)?.name;

test("form lines, with straight or curly quotes", () => {
  assert.equal(removed('"*" indicates required fields'), "form line");
  assert.equal(removed("“*” indicates required fields"), "form line");
  assert.equal(removed("* indicates required field"), "form line");
});

test("stand-alone subscribe, share, cookie and advert lines", () => {
  assert.equal(removed("Subscribe"), "subscribe prompt");
  assert.equal(removed("Sign up for our daily newsletter"), "subscribe prompt");
  assert.equal(removed("Share this article"), "share button");
  assert.equal(removed("Share this:"), "share button");
  assert.equal(removed("We use cookies to improve your experience. Accept all cookies"), "cookie notice");
  assert.equal(removed("Advertisement"), "advert label");
});

test("keeps article sentences that only mention such words", () => {
  assert.equal(removed("Readers who subscribe to the paper were told the UK would share this information."), undefined);
  assert.equal(removed("The Times reported it first."), undefined);
  assert.equal(removed(""), undefined);
});
