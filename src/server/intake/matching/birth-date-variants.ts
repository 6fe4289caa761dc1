/** Nobody Schakel meets was born before 1900; year 0 is not even a date in PostgreSQL. */
const earliestYear = 1900;

const isRealDate = (iso: string): boolean => {
  const d = new Date(`${iso}T00:00:00Z`);
  return (
    !Number.isNaN(d.getTime()) &&
    d.toISOString().slice(0, 10) === iso &&
    Number(iso.slice(0, 4)) >= earliestYear
  );
};

/**
 * The birth dates a mistyped birth date may really be: itself, day and month swapped, and every
 * date one digit away (YYYYMMDD). Used to look candidates up by index instead of scanning.
 */
export function birthDateVariants(iso: string): string[] {
  const digits = iso.replaceAll("-", "");
  const variants = new Set<string>([iso]);
  const [year, month, day] = iso.split("-");
  if (year && month && day && month !== day) {
    const swapped = `${year}-${day}-${month}`;
    if (isRealDate(swapped)) {
      variants.add(swapped);
    }
  }
  for (let i = 0; i < digits.length; i++) {
    for (let d = 0; d <= 9; d++) {
      const changed = digits.slice(0, i) + String(d) + digits.slice(i + 1);
      const candidate = `${changed.slice(0, 4)}-${changed.slice(4, 6)}-${changed.slice(6, 8)}`;
      if (isRealDate(candidate)) {
        variants.add(candidate);
      }
    }
  }
  return [...variants];
}
