import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pgArrayLiteral } from "./unnest.js";

/** A reference reader of one-dimensional array literals (PostgreSQL's rules for what we emit). */
function readLiteral(text: string): (string | null)[] {
  expect(text.startsWith("{") && text.endsWith("}")).toBe(true);
  const body = text.slice(1, -1);
  const out: (string | null)[] = [];
  if (body === "") return out;
  let i = 0;
  for (;;) {
    if (body[i] === '"') {
      let s = "";
      i++;
      while (body[i] !== '"') {
        if (body[i] === "\\") i++;
        s += body[i++];
      }
      i++;
      out.push(s);
    } else {
      let s = "";
      while (i < body.length && body[i] !== ",") s += body[i++];
      out.push(s.toLowerCase() === "null" ? null : s);
    }
    if (i >= body.length) return out;
    expect(body[i]).toBe(",");
    i++;
  }
}

describe("array literals", () => {
  it("unnest - numbers, booleans and nulls unquoted; strings quoted with backslash and quote escaped", () => {
    expect(pgArrayLiteral([1, 2.5, -0.25, null, undefined])).toBe("{1,2.5,-0.25,null,null}");
    expect(pgArrayLiteral([true, false])).toBe("{true,false}");
    expect(pgArrayLiteral(["a", 'say "hi"', "back\\slash", "NULL", "a,b {c}"])).toBe(
      String.raw`{"a","say \"hi\"","back\\slash","NULL","a,b {c}"}`,
    );
    expect(pgArrayLiteral([])).toBe("{}");
    expect(() => pgArrayLiteral([Number.NaN])).toThrow(RangeError);
    expect(() => pgArrayLiteral([{}])).toThrow(TypeError);
  });

  it("unnest - any strings (control characters, quotes, unicode) read back as written", () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.string({ unit: "grapheme" }), { nil: null })), (values) => {
        expect(readLiteral(pgArrayLiteral(values))).toEqual(values);
      }),
    );
    const tricky = ["tab\there", "line\nbreak", 'q"', "\\", "\u0001"];
    expect(readLiteral(pgArrayLiteral(tricky))).toEqual(tricky);
  });
});
