import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { runCli } from './helpers.js';

/**
 * The SARIF 2.1.0 JSON schema as Microsoft's SARIF tooling ships it in a registry package
 * (`@microsoft/jest-sarif`, `sarif-2.1.0-rtm.5.json`: the schema of the 2.1.0 format, the
 * same one schemastore publishes), never a hand-made copy. It is a draft-04 schema, so
 * it is compiled with ajv's draft-04 class.
 */
const SCHEMA_FILE = createRequire(import.meta.url).resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

describe('specline check --format sarif against the SARIF 2.1.0 schema', () => {
  it('validates for examples/acme, locally and in a GitHub Actions job', async () => {
    const schema = JSON.parse(await readFile(SCHEMA_FILE, 'utf8')) as { $schema: string; properties: { version: { enum: string[] } } };
    assert.match(schema.$schema, /draft-04/);
    assert.deepEqual(schema.properties.version.enum, ['2.1.0']);
    // strict off: the schema predates ajv's strict mode. unicodeRegExp off: one of its
    // patterns (a language tag) is valid only without the u flag, as draft-04 tools read it.
    const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats.default(ajv); // "uri", "uri-reference", "date-time" are checked, not ignored
    const validate = ajv.compile(schema);

    for (const env of [{}, { GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: process.cwd() }]) {
      const run = await runCli(['check', 'examples/acme', '--format', 'sarif', '--today', '2027-02-15'], { env });
      assert.equal(run.code, 1, run.stderr);
      const log = JSON.parse(run.stdout) as { runs: Array<{ results: unknown[] }> };
      assert.ok(log.runs[0]!.results.length >= 20, 'the problems of acme are in the log');
      const valid = validate(log);
      assert.equal(valid, true, JSON.stringify(validate.errors?.slice(0, 5), null, 2));
    }

    // The schema is strict enough to fail a broken log: the check above can fail.
    assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] }), false);
  });
});
