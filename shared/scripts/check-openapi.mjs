// Validates the committed OpenAPI document against the OpenAPI 3.1 schema and resolves every $ref
// (`npm run lint:api` runs this, then Redocly's rules). Node-side: swagger-parser needs the file system.
import SwaggerParser from '@apidevtools/swagger-parser';

const file = new URL('../openapi.json', import.meta.url).pathname;
try {
  const api = await SwaggerParser.validate(file);
  const operations = Object.values(api.paths ?? {}).flatMap((item) => Object.keys(item));
  process.stdout.write(
    `shared/openapi.json is valid OpenAPI ${api.openapi} (${operations.length} operations)\n`,
  );
} catch (error) {
  process.stderr.write(
    `shared/openapi.json is not valid: ${error instanceof Error ? error.message : error}\n`,
  );
  process.exit(1);
}
