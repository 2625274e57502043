// Usage: node check.mjs <introspection-result.json> <queries-folder>
// Loads the endpoint's introspection result with graphql-js (the reference implementation) and validates every
// .graphql file in the folder against the schema it describes. Prints each error; exits 1 when there is any.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildClientSchema, parse, validate, version } from 'graphql';

const [resultPath, queriesDir] = process.argv.slice(2);
if (!resultPath || !queriesDir) {
  console.error('usage: node check.mjs <introspection-result.json> <queries-folder>');
  process.exit(2);
}

const result = JSON.parse(readFileSync(resultPath, 'utf8'));
if (result.errors?.length) {
  console.error(`the introspection query failed: ${JSON.stringify(result.errors)}`);
  process.exit(1);
}

let schema;
try {
  schema = buildClientSchema(result.data);
} catch (error) {
  console.error(`buildClientSchema refused the introspection result: ${error.message}`);
  process.exit(1);
}

let failures = 0;
const files = readdirSync(queriesDir).filter((f) => f.endsWith('.graphql')).sort();
for (const file of files) {
  let errors;
  try {
    errors = validate(schema, parse(readFileSync(join(queriesDir, file), 'utf8')));
  } catch (error) {
    errors = [error];
  }
  for (const error of errors) {
    const at = error.locations?.map((l) => `${l.line}:${l.column}`).join(', ');
    console.error(`${file}${at ? ` (${at})` : ''}: ${error.message}`);
  }
  failures += errors.length;
}
console.log(`graphql ${version}: ${Object.keys(schema.getTypeMap()).length} types, ${files.length} queries checked, ${failures} errors`);
process.exit(failures > 0 ? 1 : 0);
