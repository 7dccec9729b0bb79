/** @jest-environment jsdom */
/**
 * The court report mix picture writes every figure out: the three types (shares of the delivered
 * reports), the short format against 90% (NPS Operating Model v1.0, ch.2), Adjourn as a share of
 * every decision with no target, then the authors.
 */
import { afterEach, describe, expect, it } from "@jest/globals";
import { cleanup, render } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { DEFAULT_CONFIG } from "../../src/model/config";
import { reportMix, type ReportAdvice } from "../../src/model/reports";
import type { Grade } from "../../src/model/values";
import { ReportMixPicture } from "../../src/taskpane/Pictures";

afterEach(cleanup);

function times<const T extends string>(n: number, x: T): T[] {
  return Array.from({ length: n }, () => x);
}

function lines(types: ReportAdvice[], authors: Grade[]): string[] {
  const { container } = render(
    <FluentProvider theme={webLightTheme}>
      <ReportMixPicture mix={reportMix(types, authors, DEFAULT_CONFIG)} />
    </FluentProvider>,
  );
  return [...container.querySelectorAll("li")].map((li) => li.textContent ?? "");
}

describe("report mix picture (NPS Operating Model v1.0, ch.1-2)", () => {
  it("lists Oral, FDR, SDR, the short format, then the authors, each against its target", () => {
    expect(lines([...times(60, "Oral"), ...times(30, "FDR"), ...times(10, "SDR")], [...times(35, "PO"), ...times(65, "PSO")])).toEqual([
      "Oral: 60.0% (60 of 100), target 60% ±5: on target",
      "FDR: 30.0% (30 of 100), target 30% ±5: on target",
      "SDR: 10.0% (10 of 100), target 10% ±5: on target",
      "Short format (oral and FDR): 90.0% (90 of 100), target 90% ±5: on target",
      "PO: 35.0% (35 of 100), target 35% ±5: on target",
      "PSO: 65.0% (65 of 100), target 65% ±5: on target",
    ]);
  });

  it("shows Adjourn (Napo's variant) after the short format, out of every decision, with no target", () => {
    const text = lines([...times(6, "Oral"), ...times(3, "FDR"), ...times(1, "SDR"), ...times(5, "Adjourn")], []);
    expect(text.slice(3, 5)).toEqual([
      "Short format (oral and FDR): 90.0% (9 of 10), target 90% ±5: on target",
      "Adjourn: 33.3% (5 of 15 decisions, adjournments included), no target",
    ]);
  });
});
