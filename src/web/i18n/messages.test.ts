import { describe, expect, it } from "vitest";
import en from "./en.json";
import nl from "./nl.json";

/** Flattens nested messages to "a.b.c" → text. */
function flatten(messages: object, prefix = ""): Map<string, unknown> {
  const result = new Map<string, unknown>();
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix === "" ? key : `${prefix}.${key}`;
    if (typeof value === "object" && value !== null) {
      for (const [nestedKey, nestedValue] of flatten(value, path)) {
        result.set(nestedKey, nestedValue);
      }
    } else {
      result.set(path, value);
    }
  }
  return result;
}

function placeholders(text: unknown): string[] {
  return [...String(text).matchAll(/\{\{\s*(\w+)\s*\}\}|<(\w+)>/g)]
    .map((match) => match[1] ?? match[2] ?? "")
    .sort();
}

const dutch = flatten(nl);
const english = flatten(en);

describe("the interface messages", () => {
  it("have the same keys in Dutch and English", () => {
    expect([...english.keys()].sort()).toEqual([...dutch.keys()].sort());
  });

  it("are non-empty strings", () => {
    const bad = [...dutch, ...english].filter(([, text]) => typeof text !== "string" || text.trim() === "");
    expect(bad).toEqual([]);
  });

  it("use the same placeholders and tags in both languages", () => {
    const mismatches = [...dutch.keys()].filter(
      (key) => placeholders(dutch.get(key)).join() !== placeholders(english.get(key)).join(),
    );
    expect(mismatches).toEqual([]);
  });
});
