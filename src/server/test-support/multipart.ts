import { randomBytes } from "node:crypto";

/** A multipart/form-data body as a browser's FormData sends it, for app.inject(). */
export function multipartBody(
  parts: { name: string; value: string | Buffer; fileName?: string; type?: string }[],
) {
  const boundary = `----schakel${randomBytes(8).toString("hex")}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition =
      part.fileName === undefined
        ? `form-data; name="${part.name}"`
        : `form-data; name="${part.name}"; filename="${part.fileName}"`;
    const type = part.type ?? (part.fileName === undefined ? undefined : "application/octet-stream");
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: ${disposition}\r\n${type ? `Content-Type: ${type}\r\n` : ""}\r\n`,
      ),
      typeof part.value === "string" ? Buffer.from(part.value) : part.value,
      Buffer.from("\r\n"),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** A small but real PDF (file-type knows it by its %PDF signature). */
export const smallPdf = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);
