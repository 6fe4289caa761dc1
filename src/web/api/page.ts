export { type Page, pageSchema as pageOf } from "../../shared/page";

/** A query string from the set values only (undefined and "" are left out), with its leading "?". */
export function queryString(params: Record<string, string | number | boolean | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== "") {
      search.set(key, String(value));
    }
  }
  const text = search.toString();
  return text === "" ? "" : `?${text}`;
}

/** Spreads an abort signal into request options only when there is one (exactOptionalPropertyTypes). */
export const withSignal = (signal: AbortSignal | undefined) => (signal === undefined ? {} : { signal });

/** Whether a path segment can be an id of the API (ids are UUIDs). */
export const isUuid = (value: string): boolean =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
