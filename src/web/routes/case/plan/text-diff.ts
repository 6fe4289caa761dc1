/** A run of text that both versions share, or that only the old or only the new one has. */
export interface TextPart {
  kind: "same" | "removed" | "added";
  text: string;
}

/** Beyond this many token pairs the comparison is too costly; the text is then shown as replaced. */
const maxCells = 4_000_000;

/** Words and the white space between them, so that joining the tokens gives the text back. */
const tokens = (text: string): string[] => text.split(/(\s+)/).filter((token) => token !== "");

function pushPart(parts: TextPart[], kind: TextPart["kind"], text: string): void {
  const last = parts.at(-1);
  if (last !== undefined && last.kind === kind) {
    last.text += text;
  } else {
    parts.push({ kind, text });
  }
}

/**
 * A word-by-word comparison of two texts (longest common subsequence of words), as parts to
 * show: shared text, removed text and added text, in reading order.
 */
export function diffWords(before: string, after: string): TextPart[] {
  if (before === after) {
    return before === "" ? [] : [{ kind: "same", text: before }];
  }
  const a = tokens(before);
  const b = tokens(after);
  if ((a.length + 1) * (b.length + 1) > maxCells) {
    const parts: TextPart[] = [];
    if (before !== "") {
      parts.push({ kind: "removed", text: before });
    }
    if (after !== "") {
      parts.push({ kind: "added", text: after });
    }
    return parts;
  }
  // lengths[i][j]: the longest common subsequence of a[i..] and b[j..], in one flat array.
  const width = b.length + 1;
  const lengths = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      lengths[i * width + j] =
        a[i] === b[j]
          ? (lengths[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(lengths[(i + 1) * width + j] ?? 0, lengths[i * width + j + 1] ?? 0);
    }
  }
  const parts: TextPart[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      pushPart(parts, "same", a[i] as string);
      i += 1;
      j += 1;
    } else if ((lengths[(i + 1) * width + j] ?? 0) >= (lengths[i * width + j + 1] ?? 0)) {
      pushPart(parts, "removed", a[i] as string);
      i += 1;
    } else {
      pushPart(parts, "added", b[j] as string);
      j += 1;
    }
  }
  for (; i < a.length; i += 1) {
    pushPart(parts, "removed", a[i] as string);
  }
  for (; j < b.length; j += 1) {
    pushPart(parts, "added", b[j] as string);
  }
  return parts;
}
