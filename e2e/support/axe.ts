import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { expect } from "vitest";

/** The WCAG 2.0–2.2 A and AA rules Schakel must meet. */
const wcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** Runs axe on the page as it is now and fails with a readable list when anything is found. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
  const violations = results.violations.map((violation) =>
    [
      `${violation.id} (${violation.impact ?? "unknown impact"}): ${violation.help}`,
      `  ${violation.helpUrl}`,
      ...violation.nodes.map((node) => `  at ${node.target.join(" ")}: ${node.failureSummary ?? ""}`),
    ].join("\n"),
  );
  expect(violations, `axe found accessibility problems on ${page.url()}`).toEqual([]);
}
