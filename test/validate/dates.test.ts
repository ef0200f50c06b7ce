import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { impossibleDate, isoDateSchema, partialDateSchema } from "../../src/validate/dates.ts";

describe("impossibleDate", () => {
  const cases: Array<[string, string | undefined]> = [
    ["2025-11-01", undefined],
    ["2024-02-29", undefined],
    ["2000-02-29", undefined],
    ["2025-12-31", undefined],
    ["2025", undefined],
    ["2025-09", undefined],
    ["2026-02-30", "2026-02 has no day 30"],
    ["2025-02-29", "2025-02 has no day 29"],
    ["1900-02-29", "1900-02 has no day 29"],
    ["2025-04-31", "2025-04 has no day 31"],
    ["2025-01-00", "2025-01 has no day 0"],
    ["2025-13", "there is no month 13"],
    ["2025-00-10", "there is no month 0"],
    ["1799-01-01", "year 1799 is out of range"],
    ["2201", "year 2201 is out of range"],
    ["not a date", undefined],
  ];
  for (const [text, why] of cases) {
    test(`${text} → ${why ?? "possible"}`, () => assert.equal(impossibleDate(text), why));
  }
});

describe("isoDateSchema", () => {
  test("accepts a real date", () => assert.equal(isoDateSchema.parse("2025-11-01"), "2025-11-01"));
  for (const bad of ["2025-11", "2025", "25-11-01", "2025-1-1", "2025/11/01", "2025-11-01T00:00:00Z", "1 Nov 2025"]) {
    test(`rejects the format of ${JSON.stringify(bad)}`, () => {
      const r = isoDateSchema.safeParse(bad);
      assert.equal(r.success, false);
      assert.match(r.error?.issues[0]?.message ?? "", /expected a date written YYYY-MM-DD/);
    });
  }
  test("rejects an impossible date with the reason", () => {
    const r = isoDateSchema.safeParse("2026-02-30");
    assert.deepEqual(
      r.error?.issues.map((i) => i.message),
      ["impossible date '2026-02-30': 2026-02 has no day 30"],
    );
  });
  test("rejects a YAML number", () => assert.equal(isoDateSchema.safeParse(20251101).success, false));
});

describe("partialDateSchema", () => {
  for (const ok of ["2025", "2025-09", "2025-09-14"]) {
    test(`accepts ${ok}`, () => assert.equal(partialDateSchema.parse(ok), ok));
  }
  test("accepts a bare year that YAML read as a number", () => assert.equal(partialDateSchema.parse(2025), "2025"));
  test("rejects a fractional number and impossible partial dates", () => {
    assert.equal(partialDateSchema.safeParse(2025.5).success, false);
    assert.match(partialDateSchema.safeParse("2025-13").error?.issues[0]?.message ?? "", /no month 13/);
    assert.match(partialDateSchema.safeParse("2025-9").error?.issues[0]?.message ?? "", /YYYY, YYYY-MM or YYYY-MM-DD/);
  });
});
