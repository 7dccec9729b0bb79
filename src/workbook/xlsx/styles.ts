/**
 * Number formats by cell style, from the workbook's styles part: the reader needs them to tell
 * dates (to give 1904-system workbooks 1900-system serials) and percentages (the percent hazard:
 * scores typed as fractions) from other numbers.
 */
import { elements, newTag, readTag } from "./xml";

/** Excel's built-in number formats (ECMA-376 Part 1, 18.8.30), the ones a file refers to by id alone. */
const BUILT_IN: Readonly<Record<number, string>> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "m/d/yy h:mm",
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

/** Ids Excel reserves for locale date formats (East Asian calendars) that files may use unnamed. */
const LOCALE_DATE_IDS = new Set([27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** A format code's first section without quoted text, escapes, colours, locales and fill characters. */
function bareFormat(code: string): string {
  const bare = code
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[(h+|m+|s+)\]/gi, "h")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/_.|\*./g, "");
  return (bare.split(";")[0] ?? "").replace(/General/gi, "").replace(/E[+-]/gi, "");
}

/** Whether a format code shows a date or time: d, m, y, h or s outside quotes, brackets and escapes. */
export function isDateFormat(code: string): boolean {
  return /[dmyhs]/i.test(bareFormat(code));
}

/** A time of day or a duration (hh:mm, [h]:mm:ss): no day or year, so no calendar date to move between date systems. */
export function isTimeFormat(code: string): boolean {
  const bare = bareFormat(code);
  return /[hs]/i.test(bare) && !/[dy]/i.test(bare);
}

export class Styles {
  private constructor(
    /** Per cell style index (the `s` of a cell): its number format code. */
    private readonly codes: readonly string[],
    private readonly dates: readonly boolean[],
    private readonly calendar: readonly boolean[] = dates.map((d, i) => d && !isTimeFormat(codes[i]!)),
  ) {}

  /** A calendar date (not a time of day alone): the 1904 date system moves these by 1,462 days. */
  isCalendarDate(style: number): boolean {
    return this.calendar[style] ?? false;
  }

  static none(): Styles {
    return new Styles([], []);
  }

  /** @param part how messages name the part ("its part xl/styles.xml") */
  static parse(s: string, part: string): Styles {
    const custom = new Map<number, string>();
    for (const f of elements(s, "numFmt", part)) custom.set(Number(f.get("numFmtId")), f.get("formatCode") ?? "General");
    const codes: string[] = [];
    const dates: boolean[] = [];
    // Only <cellXfs> (the styles cells use), not <cellStyleXfs> (named styles) which also hold <xf>.
    const tag = newTag();
    const at = s.search(/<([A-Za-z0-9_]+:)?cellXfs[\s>/]/);
    let p = at < 0 ? s.length : at;
    while (p < s.length) {
      const lt = s.indexOf("<", p);
      if (lt < 0) break;
      readTag(s, lt, part, tag);
      p = tag.end;
      if (tag.name === "cellXfs" && tag.closing) break;
      if (tag.name !== "xf" || tag.closing) continue;
      const id = Number(tag.attrs.get("numFmtId") ?? 0);
      const code = custom.get(id) ?? BUILT_IN[id] ?? (LOCALE_DATE_IDS.has(id) ? "yyyy-mm-dd" : "General");
      codes.push(code);
      dates.push(LOCALE_DATE_IDS.has(id) || isDateFormat(code));
    }
    return new Styles(codes, dates);
  }

  format(style: number): string {
    return this.codes[style] ?? "General";
  }

  isDate(style: number): boolean {
    return this.dates[style] ?? false;
  }
}
