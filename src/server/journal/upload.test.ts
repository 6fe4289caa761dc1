import { describe, expect, it } from "vitest";
import { attachmentDisposition, cleanFileName, detectDocumentType, isPlainText } from "./upload.ts";

describe("plain text", () => {
  it("is UTF-8 without control characters", () => {
    expect(isPlainText(Buffer.from("Gesprek met moeder.\r\n\tTweede regel: café, ü, 😊\n"))).toBe(true);
    expect(isPlainText(Buffer.from([0xef, 0xbb, 0xbf, 0x61]))).toBe(true);
  });
  it("is not binary data, invalid UTF-8 or markup", () => {
    expect(isPlainText(Buffer.from("a\u0000b"))).toBe(false);
    expect(isPlainText(Buffer.from([0xc3, 0x28]))).toBe(false);
    expect(isPlainText(Buffer.from("\u001b[31mred"))).toBe(false);
    expect(isPlainText(Buffer.from("<!DOCTYPE html><p>hi</p>"))).toBe(false);
    expect(isPlainText(Buffer.from("  <svg onload=alert(1)>"))).toBe(false);
    expect(isPlainText(Buffer.from("Notitie\n<script>alert(1)</script>"))).toBe(false);
  });
});

describe("the type of an upload", () => {
  it("is decided by the bytes", async () => {
    expect(await detectDocumentType(Buffer.from("%PDF-1.7\n%%EOF\n"))).toBe("application/pdf");
    expect(await detectDocumentType(Buffer.from("89504e470d0a1a0a0000000d49484452", "hex"))).toBe(
      "image/png",
    );
    expect(await detectDocumentType(Buffer.from("ffd8ffe000104a46494600", "hex"))).toBe("image/jpeg");
    expect(await detectDocumentType(Buffer.from("Gewoon tekst."))).toBe("text/plain");
  });
  it("refuses a type outside the allow-list with 415 and an empty file with 400", async () => {
    await expect(detectDocumentType(Buffer.from("GIF89a\u0001\u0000\u0001\u0000"))).rejects.toMatchObject({
      status: 415,
    });
    await expect(detectDocumentType(Buffer.from("MZ\u0000\u0000\u0000"))).rejects.toMatchObject({
      status: 415,
    });
    await expect(detectDocumentType(Buffer.alloc(0))).rejects.toMatchObject({ status: 400 });
  });
});

describe("file names", () => {
  it("drop paths and control characters and keep the name", () => {
    expect(cleanFileName("C:\\Users\\x\\Verslag.pdf", "application/pdf")).toBe("Verslag.pdf");
    expect(cleanFileName("../../etc/pass\r\nwd.pdf", "application/pdf")).toBe("passwd.pdf");
    expect(cleanFileName(undefined, "image/png")).toBe("document.png");
    expect(cleanFileName("..", "image/png")).toBe("document.png");
  });
  it("end in an extension of what the bytes are", () => {
    expect(cleanFileName("foto.jpeg", "image/jpeg")).toBe("foto.jpeg");
    expect(cleanFileName("notities.pdf", "text/plain")).toBe("notities.pdf.txt");
    expect(cleanFileName("verslag", "application/pdf")).toBe("verslag.pdf");
  });
  it("stay within 255 characters, extension included", () => {
    const name = cleanFileName(`${"a".repeat(300)}.pdf`, "application/pdf");
    expect(name).toHaveLength(255);
    expect(name.endsWith(".pdf")).toBe(true);
  });
  it("are sent as an attachment with an ASCII fallback and the exact UTF-8 name", () => {
    expect(attachmentDisposition('Verslag "Noor" é.pdf')).toBe(
      `attachment; filename="Verslag _Noor_ _.pdf"; filename*=UTF-8''Verslag%20%22Noor%22%20%C3%A9.pdf`,
    );
  });
});
