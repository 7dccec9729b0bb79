/** jsonEqual: equality of plain JSON values as JSON sees them, key order aside. */
import { describe, expect, it } from "@jest/globals";
import { jsonEqual } from "../../src/runtime/json-equal";

describe("jsonEqual", () => {
  it("compares objects key by key in any order, arrays in order", () => {
    expect(jsonEqual({ a: 1, b: { c: [1, "x", null] } }, { b: { c: [1, "x", null] }, a: 1 })).toBe(true);
    expect(jsonEqual([1, 2], [2, 1])).toBe(false);
    expect(jsonEqual({ a: { b: 1 } }, { a: { b: 2 } })).toBe(false);
    expect(jsonEqual({ a: 1 }, { a: 1, b: 2 })).toBe(false);
  });

  it("treats a key holding undefined as missing, as JSON.stringify does", () => {
    expect(jsonEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
  });

  it("does not confuse values of different kinds", () => {
    expect(jsonEqual(0, false)).toBe(false);
    expect(jsonEqual("1", 1)).toBe(false);
    expect(jsonEqual(null, {})).toBe(false);
    expect(jsonEqual([], {})).toBe(false);
    expect(jsonEqual({ 0: "a" }, ["a"])).toBe(false);
  });
});
