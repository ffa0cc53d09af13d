import { readFileSync } from 'node:fs';
import { expect, inject, it } from 'vitest';
import { generateApiTypes, OPENAPI_FILE, TYPES_FILE } from '../scripts/api-types.ts';
import { openDatabase } from '../src/store/database.ts';

it("the web client's API types match the server (run `npm run gen:api` when this fails)", async () => {
  const db = await openDatabase({ dataDir: 'memory://', loadDataDir: new Blob([readFileSync(inject('pgliteDump'))]) });
  try {
    const { openapi, types } = await generateApiTypes(db);
    expect(readFileSync(OPENAPI_FILE, 'utf8'), 'web/src/api/openapi.json is stale: npm run gen:api').toBe(openapi);
    expect(readFileSync(TYPES_FILE, 'utf8'), 'web/src/api/schema.d.ts is stale: npm run gen:api').toBe(types);
  } finally {
    await db.close();
  }
});
