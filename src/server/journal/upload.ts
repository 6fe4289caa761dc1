import { fileTypeFromBuffer } from "file-type";
import { journalDocumentTypes } from "../../shared/journal.ts";
import { AppError } from "../errors.ts";

const allowed = new Map<string, string>(journalDocumentTypes.map((t) => [t.mediaType, t.extension]));

/** Control characters that never occur in a text document (tab, line feed, form feed and CR do). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const binaryControl = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/;

/** Markup a browser would run if it were ever shown inline (HTML, SVG, XML with scripts). */
const markup = /^\s*<(?:!doctype|html|svg|\?xml|script|head|body|iframe)\b|<script\b/i;

/**
 * Whether bytes are a plain-text document: valid UTF-8 (a byte-order mark allowed) without NUL or
 * other control characters, and not markup in disguise. file-type recognises formats by their
 * signature; text has none.
 */
export function isPlainText(content: Buffer): boolean {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(content);
  } catch {
    return false;
  }
  return !binaryControl.test(text) && !markup.test(text);
}

/**
 * The media type of an upload as its bytes say, when it is on the allow-list; 415 otherwise.
 * The name and the type the browser claims are not trusted.
 */
export async function detectDocumentType(content: Buffer): Promise<string> {
  if (content.length === 0) {
    throw new AppError("INVALID_INPUT", "The file is empty.", {
      errors: [{ path: "file", message: "the file is empty" }],
    });
  }
  const detected = await fileTypeFromBuffer(content);
  if (detected && allowed.has(detected.mime)) {
    return detected.mime;
  }
  if (!detected && isPlainText(content)) {
    return "text/plain";
  }
  throw new AppError(
    "UNSUPPORTED_MEDIA_TYPE",
    "This kind of file is not accepted. Upload a PDF, JPEG, PNG, Word (.docx), Excel (.xlsx), OpenDocument or plain-text file.",
    { errors: [{ path: "file", message: "not an accepted document type" }] },
  );
}

/** Extensions that name each accepted type; the first is added when a name lacks them all. */
const extensionsOf: Record<string, readonly string[]> = {
  "image/jpeg": ["jpg", "jpeg"],
  "text/plain": ["txt", "text", "csv", "md"],
};

/**
 * A file name safe to store and to send back in Content-Disposition: no path, no control
 * characters, at most 255 characters, ending in an extension of what the bytes are (a text file
 * called "x.pdf" becomes "x.pdf.txt", so it opens in the program it belongs to).
 */
export function cleanFileName(raw: string | undefined, mediaType: string): string {
  const extension = allowed.get(mediaType) ?? "bin";
  const fitting = extensionsOf[mediaType] ?? [extension];
  const base = (raw ?? "")
    .split(/[\\/]/)
    .pop()
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
    ?.replace(/[\u0000-\u001F\u007F]/g, "")
    .trim();
  const name = base === undefined || base === "" || /^\.+$/.test(base) ? "document" : base;
  const current = /\.([A-Za-z0-9]{1,5})$/.exec(name)?.[1]?.toLowerCase();
  const stem = current !== undefined && fitting.includes(current) ? name : `${name}.${extension}`;
  const suffix = stem.slice(stem.lastIndexOf("."));
  return stem.length <= 255 ? stem : `${stem.slice(0, 255 - suffix.length)}${suffix}`;
}

/**
 * Content-Disposition for a download: always an attachment (never shown inline), with an ASCII
 * fallback name and the exact name in RFC 5987 form.
 */
export function attachmentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7E]|["\\%;]/g, "_");
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
