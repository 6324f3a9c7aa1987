import * as assert from 'node:assert/strict';

/**
 * The parts of SARIF 2.1.0 that GitHub code scanning requires or reads, checked by hand
 * (the schema is not a dependency): required properties, types, enums, 1-based regions,
 * rule indexes that agree with rule ids, relative URIs under `%SRCROOT%`.
 */
export function assertValidSarif(sarif: unknown): void {
  const log = sarif as Record<string, unknown>;
  assert.equal(log['version'], '2.1.0');
  assert.equal(typeof log['$schema'], 'string');
  assert.match(log['$schema'] as string, /sarif.*2\.1\.0/i);
  const runs = log['runs'] as unknown[];
  assert.ok(Array.isArray(runs) && runs.length === 1, 'exactly one run');
  const run = runs[0] as Record<string, unknown>;
  const driver = (run['tool'] as { driver: Record<string, unknown> }).driver;
  assert.equal(driver['name'], 'specline');
  assert.equal(typeof driver['version'], 'string');
  assert.match(driver['informationUri'] as string, /^https:\/\//);
  const rules = driver['rules'] as Array<Record<string, unknown>>;
  assert.ok(Array.isArray(rules) && rules.length > 0);
  const ids = new Set<string>();
  for (const rule of rules) {
    assert.equal(typeof rule['id'], 'string');
    assert.ok(!ids.has(rule['id'] as string), `rule ${String(rule['id'])} listed once`);
    ids.add(rule['id'] as string);
    assert.equal(typeof (rule['shortDescription'] as { text: unknown }).text, 'string');
    assert.ok(['error', 'warning', 'note', 'none'].includes((rule['defaultConfiguration'] as { level: string }).level));
  }
  const results = run['results'] as Array<Record<string, unknown>>;
  assert.ok(Array.isArray(results));
  for (const result of results) {
    assert.equal(typeof result['ruleId'], 'string');
    const index = result['ruleIndex'] as number;
    assert.ok(Number.isInteger(index) && index >= 0 && index < rules.length);
    assert.equal(rules[index]!['id'], result['ruleId']);
    assert.ok(['error', 'warning', 'note'].includes(result['level'] as string));
    assert.equal(typeof (result['message'] as { text: unknown }).text, 'string');
    const locations = result['locations'] as unknown[];
    assert.ok(Array.isArray(locations) && locations.length >= 1);
    for (const location of locations) assertPhysicalLocation(location);
    const related = (result['relatedLocations'] ?? []) as Array<Record<string, unknown>>;
    const relatedIds = new Set<number>();
    for (const r of related) {
      const id = r['id'] as number;
      assert.ok(Number.isInteger(id) && id >= 0 && !relatedIds.has(id));
      relatedIds.add(id);
      assertPhysicalLocation(r);
      assert.equal(typeof (r['message'] as { text: unknown }).text, 'string');
    }
    const fingerprints = result['partialFingerprints'] as Record<string, unknown>;
    assert.ok(fingerprints && Object.keys(fingerprints).length > 0);
    for (const value of Object.values(fingerprints)) assert.equal(typeof value, 'string');
  }
}

function assertPhysicalLocation(location: unknown): void {
  const physical = (location as { physicalLocation: { artifactLocation: Record<string, unknown>; region: Record<string, number> } }).physicalLocation;
  const uri = physical.artifactLocation['uri'] as string;
  assert.equal(typeof uri, 'string');
  assert.ok(!/^[a-z]+:/i.test(uri) && !uri.startsWith('/'), `relative uri: ${uri}`);
  assert.equal(physical.artifactLocation['uriBaseId'], '%SRCROOT%');
  const region = physical.region;
  for (const key of ['startLine', 'startColumn', 'endLine', 'endColumn'] as const) {
    assert.ok(Number.isInteger(region[key]) && region[key]! >= 1, `${key} is 1-based`);
  }
  assert.ok(region.endLine! > region.startLine! || (region.endLine === region.startLine && region.endColumn! >= region.startColumn!));
}
