/** A UUID in the one form the API writes: 8-4-4-4-12 hexadecimal digits. */
const standardForm = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Every spelling PostgreSQL's uuid type accepts: upper or lower case, optional braces around it,
 * and a hyphen allowed after any group of four digits.
 */
const postgresForm = /^(\{)?[0-9a-f]{4}(?:-?[0-9a-f]{4}){7}(\})?$/i;

/** Whether the value is a UUID written in the standard 8-4-4-4-12 form, in any case. */
export const isStandardUuid = (value: string): boolean => standardForm.test(value);

/**
 * The canonical (lower-case, 8-4-4-4-12) form of any spelling of a UUID that PostgreSQL accepts,
 * or undefined when the value is no UUID. The database stores a uuid in this form whatever was
 * sent, so whatever is compared with or hashed beside a stored id must be in it too.
 */
export function canonicalUuid(value: string): string | undefined {
  const match = postgresForm.exec(value);
  if (!match || Boolean(match[1]) !== Boolean(match[2])) {
    return undefined;
  }
  const hex = value.replace(/[{}-]/g, "").toLowerCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
