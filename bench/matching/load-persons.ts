import type { Database } from "../../src/server/db/client.ts";
import {
  firstNameKey,
  normaliseHouseNumber,
  normalisePostcode,
  surnameKey,
} from "../../src/server/intake/matching/normalise.ts";
import type { GeneratedPerson } from "./generate-persons.ts";

/** The persons row as createReport() writes it (src/server/intake/service/create-report.ts). */
interface StoredColumns {
  id: string[];
  first_name: string[];
  last_name: string[];
  birth_date: string[];
  bsn: (string | null)[];
  street: string[];
  house_number: string[];
  house_number_key: string[];
  postcode: string[];
  city: string[];
  surname_key: string[];
  first_name_key: string[];
}

function emptyColumns(): StoredColumns {
  return {
    id: [],
    first_name: [],
    last_name: [],
    birth_date: [],
    bsn: [],
    street: [],
    house_number: [],
    house_number_key: [],
    postcode: [],
    city: [],
    surname_key: [],
    first_name_key: [],
  };
}

/**
 * Adds a person the way createReport() stores one: the house number as typed and normalised, the
 * postcode normalised, and the matching keys computed by the application's own functions.
 */
function addStored(columns: StoredColumns, p: GeneratedPerson): void {
  columns.id.push(p.id);
  columns.first_name.push(p.firstName);
  columns.last_name.push(p.lastName);
  columns.birth_date.push(p.birthDate);
  columns.bsn.push(p.bsn);
  columns.street.push(p.street);
  columns.house_number.push(p.houseNumber);
  columns.house_number_key.push(normaliseHouseNumber(p.houseNumber));
  columns.postcode.push(normalisePostcode(p.postcode));
  columns.city.push(p.city);
  columns.surname_key.push(surnameKey(p.lastName));
  columns.first_name_key.push(firstNameKey(p.firstName));
}

// One statement per batch with a parameter per column: unnest turns the arrays back into rows, so a
// batch of thousands of rows costs one round trip and no statement text of megabytes.
const insertBatch = `
  INSERT INTO persons (id, created_at, first_name, last_name, birth_date, bsn, street, house_number,
                       house_number_key, postcode, city, surname_key, first_name_key)
  SELECT id, $1::timestamptz, first_name, last_name, birth_date, bsn, street, house_number, house_number_key,
         postcode, city, surname_key, first_name_key
  FROM unnest($2::uuid[], $3::text[], $4::text[], $5::date[], $6::text[], $7::text[], $8::text[], $9::text[],
              $10::text[], $11::text[], $12::text[], $13::text[])
       AS t(id, first_name, last_name, birth_date, bsn, street, house_number, house_number_key, postcode, city,
            surname_key, first_name_key)`;

export interface LoadTimings {
  persons: number;
  /** Generating, normalising and inserting the rows (the matching indexes dropped meanwhile). */
  insertSeconds: number;
  /** Recreating the persons indexes of the migrations and ANALYZE. */
  indexSeconds: number;
}

/**
 * Bulk-loads persons into a migrated database. The secondary indexes on persons are dropped and
 * recreated from their own definitions afterwards (building an index once is far cheaper than
 * maintaining it row by row), so the table ends exactly as the migrations define it.
 */
export async function loadPersons(
  database: Database,
  persons: Iterable<GeneratedPerson>,
  options: { batchSize: number; onProgress?: (loaded: number) => void },
): Promise<LoadTimings> {
  const { raw } = database;
  const indexes = await raw.query<{ indexname: string; indexdef: string }>(
    "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'persons' AND indexname <> 'persons_pkey'",
  );
  for (const index of indexes) {
    await raw.query(`DROP INDEX ${index.indexname}`);
  }

  const createdAt = new Date().toISOString();
  const insert = (columns: StoredColumns) =>
    raw.transaction((tx) =>
      tx.query(insertBatch, [
        createdAt,
        columns.id,
        columns.first_name,
        columns.last_name,
        columns.birth_date,
        columns.bsn,
        columns.street,
        columns.house_number,
        columns.house_number_key,
        columns.postcode,
        columns.city,
        columns.surname_key,
        columns.first_name_key,
      ]),
    );

  const insertStartedAt = performance.now();
  let loaded = 0;
  let columns = emptyColumns();
  // On PostgreSQL the next batch is generated while the previous one is inserted.
  let inFlight: Promise<unknown> = Promise.resolve();
  for (const person of persons) {
    addStored(columns, person);
    if (columns.id.length >= options.batchSize) {
      await inFlight;
      inFlight = insert(columns);
      loaded += columns.id.length;
      columns = emptyColumns();
      options.onProgress?.(loaded);
    }
  }
  await inFlight;
  if (columns.id.length > 0) {
    await insert(columns);
    loaded += columns.id.length;
  }
  const insertSeconds = (performance.now() - insertStartedAt) / 1_000;

  const indexStartedAt = performance.now();
  for (const index of indexes) {
    await raw.transaction(async (tx) => {
      if (database.kind === "postgresql") {
        // More memory for one index build; the queries measured later run with the defaults.
        await tx.query("SET LOCAL maintenance_work_mem = '512MB'");
      }
      await tx.query(index.indexdef);
    });
  }
  await raw.query("ANALYZE persons");
  const indexSeconds = (performance.now() - indexStartedAt) / 1_000;
  return { persons: loaded, insertSeconds, indexSeconds };
}
