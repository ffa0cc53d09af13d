/** `npm run gen:api`: writes web/src/api/openapi.json and web/src/api/schema.d.ts (see api-types.ts). */
import { writeFileSync } from 'node:fs';
import { openDatabase } from '../src/store/database.ts';
import { generateApiTypes, OPENAPI_FILE, TYPES_FILE } from './api-types.ts';

const db = await openDatabase({ dataDir: 'memory://' });
try {
  const { openapi, types } = await generateApiTypes(db);
  writeFileSync(OPENAPI_FILE, openapi);
  writeFileSync(TYPES_FILE, types);
  console.log(`wrote ${OPENAPI_FILE} and ${TYPES_FILE}`);
} finally {
  await db.close();
}
