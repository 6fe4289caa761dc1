import { describe, expect, it } from "vitest";
import { clearDrafts, type DraftStorage, draftKey, readDraft, removeDraft, writeDraft } from "./draft-store";

function memoryStorage(): DraftStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    get length() {
      return items.size;
    },
    key: (index) => [...items.keys()][index] ?? null,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => {
      items.set(key, value);
    },
    removeItem: (key) => {
      items.delete(key);
    },
  };
}

describe("kept drafts", () => {
  it("keeps a form's input per user and form, and reads it back", () => {
    const storage = memoryStorage();
    writeDraft(storage, "u1", "journal:c1", { text: "Gesprek met moeder" });
    expect(readDraft(storage, "u1", "journal:c1")).toEqual({ text: "Gesprek met moeder" });
    expect(readDraft(storage, "u2", "journal:c1")).toBeUndefined();
    expect(readDraft(storage, "u1", "journal:c2")).toBeUndefined();
    removeDraft(storage, "u1", "journal:c1");
    expect(readDraft(storage, "u1", "journal:c1")).toBeUndefined();
  });

  it("clears every draft on logout and other users' drafts on a login", () => {
    const storage = memoryStorage();
    storage.setItem("schakel.session.other", "stays");
    writeDraft(storage, "u1", "a", 1);
    writeDraft(storage, "u2", "a", 2);
    writeDraft(storage, "u10", "a", 10);
    clearDrafts(storage, "u1");
    expect(readDraft(storage, "u1", "a")).toBe(1);
    expect(readDraft(storage, "u2", "a")).toBeUndefined();
    // A user id that starts with another's is another user.
    expect(readDraft(storage, "u10", "a")).toBeUndefined();
    clearDrafts(storage);
    expect(readDraft(storage, "u1", "a")).toBeUndefined();
    expect(storage.getItem("schakel.session.other")).toBe("stays");
  });

  it("ignores what it cannot read", () => {
    const storage = memoryStorage();
    storage.setItem(draftKey("u1", "f"), "{not json");
    expect(readDraft(storage, "u1", "f")).toBeUndefined();
    storage.setItem(draftKey("u1", "f"), "null");
    expect(readDraft(storage, "u1", "f")).toBeUndefined();
  });

  it("keeps working when storage refuses to write", () => {
    const storage = memoryStorage();
    storage.setItem = () => {
      throw new Error("QuotaExceededError");
    };
    expect(() => writeDraft(storage, "u1", "f", "x")).not.toThrow();
  });
});
