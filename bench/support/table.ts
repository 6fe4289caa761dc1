/** Plain-text tables for the terminal: the first column left-aligned, numbers right-aligned. */
export function formatTable(
  header: readonly string[],
  rows: readonly (readonly (string | number)[])[],
): string {
  const cells = [header, ...rows].map((row) => row.map((cell) => String(cell)));
  const widths = header.map((_, column) => Math.max(...cells.map((row) => (row[column] ?? "").length)));
  const line = (row: readonly string[]) =>
    row
      .map((cell, column) => {
        const width = widths[column] ?? 0;
        return column === 0 ? cell.padEnd(width) : cell.padStart(width);
      })
      .join("  ");
  const [head, ...body] = cells;
  return [line(head ?? []), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(line)].join("\n");
}

/** A section title as the summary prints it. */
export const heading = (title: string): string =>
  `\n== ${title} ${"=".repeat(Math.max(0, 76 - title.length))}`;

/** A target check for the summary: "ok" or "MISS", so a reader scanning the table sees misses at once. */
export const verdict = (met: boolean): string => (met ? "ok" : "MISS");
