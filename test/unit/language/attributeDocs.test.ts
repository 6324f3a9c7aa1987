import assert from 'node:assert/strict';
import { ATTRIBUTE_DOCS } from '../../../src/core/language/attributeDocs.js';
import { attributeKey } from '../../../src/core/parse/attributeKeys.js';

describe('attributeDocs', () => {
  it('documents every key of docs/format.md#attributes once, with aliases the parser accepts', () => {
    const keys = ['title', 'goals', 'features', 'after', 'milestone', 'start', 'end', 'date', 'duration', 'owner', 'allocation', 'status',
      'progress', 'priority', 'horizon', 'target', 'metric', 'personas', 'probability', 'impact', 'mitigation', 'affects',
      'budget', 'cost', 'spent', 'metricBaseline', 'metricTarget', 'metricCurrent', 'reach', 'confidence', 'effort'];
    assert.deepEqual(ATTRIBUTE_DOCS.map((d) => d.key), keys);
    for (const doc of ATTRIBUTE_DOCS) {
      assert.equal(attributeKey(doc.written ?? doc.key), doc.key);
      assert.equal(attributeKey(doc.label), doc.key, `label ${doc.label}`);
      for (const alias of doc.aliases) assert.equal(attributeKey(alias), doc.key, `alias ${alias}`);
      assert.ok(doc.doc.length > 10 && doc.appliesTo.length > 0);
    }
  });
});
