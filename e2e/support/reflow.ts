import type { Page } from "playwright-core";
import { expect } from "vitest";

/**
 * The widths a page must fit without sideways scrolling: 320 CSS px (WCAG 1.4.10 Reflow) and
 * 640 px, which is what a 1280 px wide window shows at 200 % zoom.
 */
const reflowWidths = [320, 640];

/**
 * Elements reaching past the viewport's right edge, named so a failure says where to look; those
 * clipped by an ancestor (a visually hidden table header) are left out.
 */
const widestElementsScript = `(() => {
  const limit = document.documentElement.clientWidth;
  const isClipped = (element) => {
    for (let parent = element.parentElement; parent !== null; parent = parent.parentElement) {
      const style = getComputedStyle(parent);
      if ((style.overflowX !== "visible" || style.clipPath !== "none") &&
        parent.getBoundingClientRect().right <= limit + 1) {
        return true;
      }
    }
    return false;
  };
  const found = [];
  for (const element of document.body.querySelectorAll("*")) {
    const box = element.getBoundingClientRect();
    if (box.width > 0 && box.right > limit + 1 && !isClipped(element)) {
      const classes = typeof element.className === "string" && element.className !== ""
        ? "." + element.className.trim().split(/\\s+/).join(".")
        : "";
      found.push(element.tagName.toLowerCase() + (element.id ? "#" + element.id : "") + classes +
        " (right edge " + Math.round(box.right) + " px)");
    }
  }
  return found.slice(-8);
})()`;

const overflowScript = `({
  scrollWidth: document.documentElement.scrollWidth,
  clientWidth: document.documentElement.clientWidth,
})`;

/**
 * Fails when the page as it is now scrolls sideways at 320 px or at a 640 px viewport (200 %
 * zoom of a 1280 px window). The viewport is given back as it was, so the journey goes on.
 */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const before = page.viewportSize() ?? { width: 1280, height: 720 };
  try {
    for (const width of reflowWidths) {
      await page.setViewportSize({ width, height: before.height });
      // Let layout settle after the resize (fonts, wrapped flex rows).
      await page.evaluate(
        "new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))",
      );
      const { scrollWidth, clientWidth } = (await page.evaluate(overflowScript)) as {
        scrollWidth: number;
        clientWidth: number;
      };
      if (scrollWidth > clientWidth) {
        const culprits = (await page.evaluate(widestElementsScript)) as string[];
        expect.fail(
          `${page.url()} scrolls sideways at ${width} px: ${scrollWidth} px of content in ${clientWidth} px\n  ${culprits.join("\n  ")}`,
        );
      }
    }
  } finally {
    await page.setViewportSize(before);
  }
}
