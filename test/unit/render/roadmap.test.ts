import assert from 'node:assert/strict';
import { PAGE_CSP } from '../../../src/core/render/htmlPage.js';
import { renderRoadmap } from '../../../src/core/render/renderRoadmap.js';
import { buildRoadmap } from '../../../src/core/render/roadmapModel.js';
import { AnalysisBuilder } from './analysisBuilder.js';
import { HOSTILE } from './hostile.js';
import { assertSafeMarkup, decodeEntities } from './markup.js';

/** Today is Monday 2027-03-01 (Q1). */
function horizonPlan(): AnalysisBuilder {
  return new AnalysisBuilder({ today: '2027-03-01' })
    .goal('G-1', { title: 'Halve onboarding time', horizon: 'now', target: '2027-03-31', priority: 'must' })
    .goal('G-2', { title: 'Enterprise', horizon: 'next' })
    .goal('G-3', { title: 'Marketplace', horizon: 'later' })
    .goal('G-4', { title: 'Dated', horizon: '2027-Q2' })
    .goal('G-5', { title: 'Nothing yet', horizon: 'later' })
    .feature('FEAT-1', { title: 'Single sign-on', goals: ['G-1', 'G-2'], priority: 'should', owners: ['@ana'], status: 'in-progress' })
    .feature('FEAT-2', { title: 'Guided setup', goals: ['G-1'], priority: 'must' })
    .feature('FEAT-3', { title: 'Plugins', goals: ['G-3'] })
    .feature('FEAT-4', { title: 'Audit log', goals: ['G-4'] })
    .feature('FEAT-5', { title: 'Orphan', owners: ['@bob'] })
    .feature('FEAT-6', { title: 'Cancelled', goals: ['G-1'], status: 'dropped' })
    .task('T-1', { features: ['FEAT-1'], start: '2027-03-22', end: '2027-03-26', progress: 50 })
    .task('T-2', { features: ['FEAT-2'], start: '2027-03-01', end: '2027-03-05', status: 'done' })
    .task('T-2.1', { features: ['FEAT-2'], start: '2027-03-08', end: '2027-03-12' });
}

describe('roadmap', () => {
  it('puts goals in lanes and features in Now / Next / Later columns', () => {
    const model = buildRoadmap(horizonPlan().build(), 'auto');
    assert.equal(model.mode, 'horizon');
    assert.deepEqual(model.columns.map((c) => c.label), ['Now', 'Next', 'Later', 'Unplanned']);
    const lanes = model.lanes.map((l) => [l.goal?.id ?? 'Untraced', l.cards.map((c) => `${c.id}@${c.column}`)]);
    assert.deepEqual(lanes, [
      ['G-1', ['FEAT-2@now', 'FEAT-1@now']],
      ['G-2', ['FEAT-1@next']],
      ['G-3', ['FEAT-3@later']],
      ['G-4', ['FEAT-4@next']],
      ['G-5', []],
      ['Untraced', ['FEAT-5@unplanned']],
    ]);
    assert.equal(model.lanes[4].column, 'later', 'a goal without features still has a column');
  });

  it('adds an Unplanned column only when something has no date and no horizon', () => {
    const dated = horizonPlan().task('T-5', { features: ['FEAT-5'], start: '2027-06-01', end: '2027-06-04' }).build();
    const model = buildRoadmap(dated, 'horizon');
    assert.deepEqual(model.columns.map((c) => c.key), ['now', 'next', 'later']);
    assert.equal(model.lanes[5].cards[0].column, 'next', 'Q2 is the next quarter');
  });

  it('renders Markdown with an overview, a table per goal and card facts', () => {
    const md = renderRoadmap(horizonPlan().build(), { format: 'markdown' });
    assert.match(md, /^# Roadmap\n/);
    assert.match(md, /\| Goal \| Now \| Next \| Later \|/);
    assert.match(md, /\| \*\*G-1\*\* Halve onboarding time \| FEAT-2, FEAT-1 \(at risk\) \| {2}\| {2}\|/);
    assert.match(md, /## G-1 Halve onboarding time\n\nHorizon: now · Deadline: 2027-03-31 · Priority: must/);
    assert.match(md, /\| Now \| \*\*FEAT-1\*\* Single sign-on \| in-progress \| should \| @ana \| 50% \| At risk: ends 2027-03-26, 3 working days before G-1's deadline 2027-03-31 \|/);
    assert.match(md, /\| Now \| \*\*FEAT-2\*\* Guided setup \| {2}\| must \| {2}\| 50% \| On track \|/);
    assert.match(md, /## Untraced\n\nFeatures that serve no goal\./);
    assert.match(md, /## G-5 Nothing yet\n\nHorizon: later\n\nHealth: Not planned: no feature serves it yet\n\n_No features yet \(Later\)\._/);
    assert.match(md, /## G-1 Halve onboarding time\n\n[^\n]+\n\nHealth: At risk: feature FEAT-1 is at risk\n/);
    assert.ok(!md.includes('FEAT-6'), 'dropped features are not on the roadmap');
  });

  it('uses dated quarters when most horizons are dated, placing slipped features where they land', () => {
    const a = new AnalysisBuilder({ today: '2027-01-04' })
      .goal('G-1', { horizon: '2027-Q1' })
      .goal('G-2', { horizon: '2027-Q3' })
      .goal('G-3', { horizon: 'next' })
      .feature('FEAT-1', { goals: ['G-1'] })
      .feature('FEAT-2', { goals: ['G-1'] })
      .feature('FEAT-3', { goals: ['G-2'] })
      .feature('FEAT-4', { goals: ['G-3'] })
      .task('T-1', { features: ['FEAT-1'], start: '2027-01-04', end: '2027-02-26' })
      .task('T-2', { features: ['FEAT-2'], start: '2027-03-01', end: '2027-04-09' })
      .build();
    const model = buildRoadmap(a, 'auto');
    assert.equal(model.mode, 'quarter');
    assert.deepEqual(model.columns.map((c) => c.label), ['2027 Q1', '2027 Q2', '2027 Q3']);
    const cards = Object.fromEntries(model.lanes.flatMap((l) => l.cards.map((c) => [c.id, model.columns.find((col) => col.key === c.column)?.label])));
    assert.deepEqual(cards, { 'FEAT-1': '2027 Q1', 'FEAT-2': '2027 Q2', 'FEAT-3': '2027 Q3', 'FEAT-4': '2027 Q2' });
    assert.equal(model.lanes[0].cards.find((c) => c.id === 'FEAT-2')?.health.level, 'late');
    assert.equal(buildRoadmap(a, 'horizon').mode, 'horizon');
  });

  it('uses halves when the dated horizons are halves or years', () => {
    const a = new AnalysisBuilder({ today: '2027-01-04' })
      .goal('G-1', { horizon: '2027-H1' })
      .goal('G-2', { horizon: '2028' })
      .feature('FEAT-1', { goals: ['G-1'] })
      .feature('FEAT-2', { goals: ['G-2'] })
      .build();
    const model = buildRoadmap(a, 'auto');
    assert.deepEqual(model.columns.map((c) => c.label), ['2027 H1', '2027 H2', '2028 H1', '2028 H2']);
    assert.deepEqual(buildRoadmap(a, 'half').columns.map((c) => c.hint), ['Jan–Jun', 'Jul–Dec', 'Jan–Jun', 'Jul–Dec']);
    const quarters = buildRoadmap(a, 'quarter');
    assert.equal(quarters.period, 'quarter', 'quarter forces quarters');
    assert.deepEqual([quarters.columns[0].label, quarters.columns.at(-1)?.label], ['2027 Q2', '2028 Q4']);
  });

  it('writes a mermaid timeline whose every line has an allowed shape, even with hostile text', () => {
    const b = new AnalysisBuilder({ today: '2027-03-01' });
    HOSTILE.forEach((h, i) => {
      b.goal(`G-${i}`, { title: h, horizon: ['now', 'next', 'later'][i % 3] });
      b.feature(`FEAT-${i}`, { title: h, goals: i % 4 === 0 ? [] : [`G-${i}`], owners: [`@${h}`] });
    });
    for (const title of [undefined, ...HOSTILE]) {
      const text = renderRoadmap(b.build(), { format: 'mermaid', title });
      const lines = text.slice(0, -1).split('\n');
      assert.equal(lines[0], 'timeline');
      assert.match(lines[1], /^ {4}title [^\n#;%:{}<>"'`&]+$/);
      let events = 0;
      for (const line of lines.slice(2)) {
        // eslint-disable-next-line no-control-regex -- NUL must never reach the output.
        assert.ok(!/[\u2028\u2029\u0000\r]/.test(line));
        if (line.startsWith('    section ')) {
          assert.match(line, /^ {4}section (Now|Next|Later|Unplanned)$/);
          continue;
        }
        assert.match(line, /^ {8}(?:[A-Z]+-\d+|Untraced)[^\n#;%:{}<>"'`&]*(?: : FEAT-\d+ [^\n#;%:{}<>"'`&]*\([a-z ]+(?:, \d+\u066A)?\))*$/, line);
        events += (line.match(/ : FEAT-/g) ?? []).length;
      }
      assert.equal(events, HOSTILE.length, 'one event per feature');
    }
  });

  it('writes a self-contained HTML board with cards', () => {
    const html = renderRoadmap(horizonPlan().build(), { format: 'html', title: 'Q1 <roadmap>' });
    assertSafeMarkup(html, true);
    assert.ok(html.includes(`content="${PAGE_CSP}"`));
    assert.match(html, /<title>Q1 &lt;roadmap&gt;<\/title>/);
    assert.match(html, /<div class="sl-card sl-h-at-risk" data-id="FEAT-1" data-file="plan.md" data-line="\d+" tabindex="0">/);
    assert.match(html, /<progress max="100" value="50"/);
    const labels = [...decodeEntities(html).matchAll(/<span class="sl-col-label">([^<]+)<\/span>/g)].map((m) => m[1]);
    assert.deepEqual(labels, ['Now', 'Next', 'Later', 'Unplanned']);
    assert.equal((html.match(/class="sl-card /g) ?? []).length, 6, 'one card per feature and lane (FEAT-1 serves two goals)');
    assert.match(html, /<th scope="row" class="sl-lane-head sl-h-at-risk" data-id="G-1" data-file="plan.md" data-line="\d+" tabindex="0">/);
  });

  it('escapes hostile text in Markdown and HTML', () => {
    const b = new AnalysisBuilder({ today: '2027-03-01' });
    HOSTILE.forEach((h, i) => {
      b.goal(`G-${i}`, { title: h, horizon: 'now', metric: h });
      b.feature(`FEAT-${i}`, { title: h, goals: [`G-${i}`], owners: [`@${h}`] });
    });
    const a = b.build();
    const html = renderRoadmap(a, { format: 'html' });
    assertSafeMarkup(html, true);
    assert.ok(!/javascript:/i.test(html));
    const md = renderRoadmap(a, { format: 'markdown' });
    assert.ok(!/<(?!br>)[a-z!/]/i.test(md), 'no raw HTML tags in Markdown');
    for (const line of md.split('\n').filter((l) => l.startsWith('| '))) {
      const cells = line.replace(/\\\|/g, '').split('|').length;
      assert.ok(cells === 9 || cells === 6, `row keeps its columns: ${line.slice(0, 120)}`);
    }
  });

  it('handles an empty workspace', () => {
    const a = new AnalysisBuilder().build();
    assert.match(renderRoadmap(a, { format: 'markdown' }), /No goals or features yet\./);
    assert.equal(renderRoadmap(a, { format: 'mermaid' }), 'timeline\n    title Roadmap\n');
    assertSafeMarkup(renderRoadmap(a, { format: 'html' }), true);
  });
});
