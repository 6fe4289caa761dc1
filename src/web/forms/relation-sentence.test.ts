import i18next from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import en from "../i18n/en.json";
import nl from "../i18n/nl.json";
import { relationSentence } from "./relation-sentence";

const translator = i18next.createInstance();

beforeAll(async () => {
  await translator.init({
    resources: { nl: { translation: nl }, en: { translation: en } },
    lng: "nl",
    interpolation: { escapeValue: false },
  });
});

const fatma = { number: 1, name: "Fatma el-Amrani" };
const yasmin = { number: 3, name: "Yasmin el-Amrani" };
const unnamed = { number: 2, name: "" };

describe("the relation sentence", () => {
  it("reads as Dutch, with the article each relation takes", () => {
    const t = translator.getFixedT("nl");
    expect(relationSentence(t, "parent", fatma, yasmin)).toBe(
      "Fatma el-Amrani (persoon 1) is een ouder van Yasmin el-Amrani (persoon 3).",
    );
    expect(relationSentence(t, "partner", fatma, unnamed)).toBe(
      "Fatma el-Amrani (persoon 1) is de partner van persoon 2.",
    );
    expect(relationSentence(t, "other", fatma, yasmin)).toBe(
      "Fatma el-Amrani (persoon 1) is op een andere manier verbonden met Yasmin el-Amrani (persoon 3).",
    );
  });

  it("starts with a capital when an unnamed person starts it", () => {
    const t = translator.getFixedT("nl");
    expect(relationSentence(t, "sibling", unnamed, yasmin)).toBe(
      "Persoon 2 is een broer of zus van Yasmin el-Amrani (persoon 3).",
    );
  });

  it("reads as English in English", () => {
    const t = translator.getFixedT("en");
    expect(relationSentence(t, "parent", unnamed, fatma)).toBe(
      "Person 2 is a parent of Fatma el-Amrani (person 1).",
    );
  });
});
