import assert from 'node:assert/strict';
import * as path from 'node:path';
import { createNodeWorkspace } from '../../../src/node/nodeWorkspace.js';
import { parseIsoDate } from '../../../src/core/model/dates.js';
import { goalHealth } from '../../../src/core/render/goalHealth.js';
import { roadmapBoardHtml } from '../../../src/core/render/roadmapBoard.js';
import { buildRoadmap } from '../../../src/core/render/roadmapModel.js';
import { renderFencedBlock } from '../../../src/core/views/fencedBlock.js';
import type { RoadmapViewOptions } from '../../../src/core/views/roadmapView.js';
import {
  clearRoadmapFilters, DEFAULT_ROADMAP_OPTIONS, renderRoadmapView, restoreRoadmapOptions, setRoadmapOption, UNTRACED_LANE,
} from '../../../src/core/views/roadmapView.js';
import { REPO_ROOT, runCli } from '../../cli/helpers.js';
import { AnalysisBuilder } from '../render/analysisBuilder.js';
import { HOSTILE } from '../render/hostile.js';
import { assertSafeMarkup, assertSafeView, decodeEntities } from '../render/markup.js';

const opts = (o: Partial<RoadmapViewOptions> = {}): RoadmapViewOptions => ({ ...DEFAULT_ROADMAP_OPTIONS, ...o });
const cardIds = (html: string): string[] => [...html.matchAll(/<div class="sl-card [^"]*" data-id="([^"]+)"/g)].map((m) => m[1]);
const laneIds = (html: string): string[] => [...html.matchAll(/<th scope="row" class="sl-lane-head[^"]*"(?: data-id="([^"]+)")?/g)].map((m) => m[1] ?? 'Untraced');

/** Today is Monday 2027-03-01 (Q1). */
function plan(): AnalysisBuilder {
  return new AnalysisBuilder({ today: '2027-03-01' })
    .goal('G-1', { title: 'Halve onboarding time', horizon: 'now', target: '2027-03-31', priority: 'must' })
    .goal('G-2', { title: 'Enterprise', horizon: 'next' })
    .goal('G-3', { title: 'Marketplace', horizon: 'later' })
    .feature('FEAT-1', { title: 'Single sign-on', goals: ['G-1', 'G-2'], owners: ['@ana'], status: 'in-progress' })
    .feature('FEAT-2', { title: 'Guided setup', goals: ['G-1'], owners: ['@Bob'], status: 'approved' })
    .feature('FEAT-3', { title: 'Plugins', goals: ['G-3'] })
    .feature('FEAT-5', { title: 'Orphan', owners: ['@bob'] })
    // FEAT-1: 5 working days, half done; ends 3 working days before G-1's target → at risk.
    .task('T-1', { features: ['FEAT-1'], start: '2027-03-22', end: '2027-03-26', progress: 50 })
    // FEAT-2: 5 days done + 10 days open = 5 of 15 working days → 33%.
    .task('T-2', { features: ['FEAT-2'], start: '2027-03-01', end: '2027-03-05', status: 'done' })
    .task('T-3', { features: ['FEAT-2'], start: '2027-03-08', end: '2027-03-19' });
}

describe('roadmap view', () => {
  it('shows goals as lanes, untraced features in their own lane, and counts what it shows', () => {
    const a = plan().build();
    const view = renderRoadmapView(a, opts());
    assert.deepEqual(laneIds(view.html), ['G-1', 'G-2', 'G-3', 'Untraced']);
    assert.deepEqual(cardIds(view.html), ['FEAT-1', 'FEAT-2', 'FEAT-1', 'FEAT-3', 'FEAT-5']);
    assert.deepEqual(
      { cards: view.counts.cards, features: view.counts.features, lanes: view.counts.lanes, goals: view.counts.goals, untraced: view.counts.untraced, columns: view.counts.columns },
      { cards: 5, features: 4, lanes: 4, goals: 3, untraced: 1, columns: 4 },
    );
    const labels = [...decodeEntities(view.html).matchAll(/<span class="sl-col-label">([^<]+)<\/span>/g)].map((m) => m[1]);
    assert.deepEqual(labels, ['Now', 'Next', 'Later', 'Unplanned']);
    assert.equal(view.title, 'Roadmap');
    assert.match(decodeEntities(view.toolbar), /4 features in 3 goals · 1 at risk · 1 untraced · as of 2027-03-01/);
  });

  it('rolls progress up from completed working days and shows it as a bar with the number', () => {
    const a = plan().build();
    assert.equal(Math.round(a.features.get('FEAT-2')?.progress ?? -1), 33);
    const html = renderRoadmapView(a, opts()).html;
    const card = (id: string): string => new RegExp(`<div class="sl-card [^"]*" data-id="${id}"[^>]*>.*?</div></div>`).exec(html)?.[0] ?? '';
    assert.match(card('FEAT-2'), /<progress max="100" value="33">33%<\/progress><span class="sl-progress-value">33%<\/span>/);
    assert.match(card('FEAT-1'), /<progress max="100" value="50">/);
    assert.match(card('FEAT-1'), /^<div class="sl-card [^"]*" data-id="FEAT-1" data-file="[^"]+" data-line="\d+" tabindex="0">/, 'a card reveals its spec, also from the keyboard');
    assert.match(html, /data-id="FEAT-3"[^>]*>.*?No scheduled tasks/);
  });

  it('gives each card and goal a health badge with a word, not colour alone', () => {
    const view = renderRoadmapView(plan().build(), opts());
    const text = decodeEntities(view.html);
    assert.match(text, /data-id="FEAT-1"[^>]*><div class="sl-card-head"><span class="sl-id">FEAT-1<\/span><span class="sl-badge sl-h-at-risk"[^>]*><span class="sl-badge-icon" aria-hidden="true">▲<\/span>At risk<\/span>/);
    assert.match(text, /class="sl-lane-head sl-h-at-risk" data-id="G-1"[^>]*><div class="sl-lane-top"><span class="sl-id">G-1<\/span><span class="sl-badge sl-h-at-risk" data-tip="At risk: feature FEAT-1 is at risk">/);
    assert.match(text, /class="sl-lane-head sl-h-unplanned" data-id="G-3"/, 'G-3 has one unplanned feature and no deadline');
    assert.equal(view.counts.atRisk, 1);
    assert.equal(view.counts.goalsAtRisk, 2, 'G-1 and G-2 both carry the at-risk FEAT-1');
  });

  it('derives goal health from its features and its own deadline', () => {
    const a = new AnalysisBuilder({ today: '2027-05-03' })
      .goal('G-1', { horizon: '2027-Q2' })                      // a late feature
      .goal('G-2', { horizon: '2027-Q1' })                      // deadline passed, feature open but on track against nothing else
      .goal('G-3', { target: '2027-06-30' })                    // deadline ahead, no feature
      .goal('G-4', { target: '2027-04-30' })                    // deadline passed, no feature
      .goal('G-5', { horizon: 'later' })                        // everything done
      .goal('G-6', { horizon: 'now' })                          // on track + not planned
      .goal('G-7', { horizon: 'next' })                         // only unplanned features
      .goal('G-8', { horizon: 'now', status: 'done' })
      .feature('FEAT-1', { goals: ['G-1'] })
      .feature('FEAT-2', { goals: ['G-2'] })
      .feature('FEAT-5', { goals: ['G-5'] })
      .feature('FEAT-6', { goals: ['G-6'] })
      .feature('FEAT-7', { goals: ['G-6', 'G-7'] })
      .feature('FEAT-8', { goals: ['G-8'] })
      .task('T-1', { features: ['FEAT-1'], start: '2027-06-01', end: '2027-07-09' })
      .task('T-2', { features: ['FEAT-2'], start: '2027-05-03', end: '2027-05-07' })
      .task('T-5', { features: ['FEAT-5'], start: '2027-01-04', end: '2027-01-08', status: 'done' })
      .task('T-6', { features: ['FEAT-6'], start: '2027-05-03', end: '2027-05-07' })
      .task('T-8', { features: ['FEAT-8'], start: '2027-05-03', end: '2027-05-07' })
      .build();
    const level = (id: string): string => `${goalHealth(a, id).level}: ${goalHealth(a, id).reasons.join('; ')}`;
    assert.equal(level('G-1'), 'late: feature FEAT-1 is late');
    assert.match(level('G-2'), /^late: its deadline 2027-03-31 has passed with 1 feature open/);
    assert.equal(level('G-3'), 'at-risk: no feature serves it before its deadline 2027-06-30');
    assert.equal(level('G-4'), 'late: its deadline 2027-04-30 has passed and no feature serves it');
    assert.equal(level('G-5'), 'done: ');
    assert.equal(level('G-6'), 'on-track: FEAT-7 has no scheduled task yet');
    assert.equal(level('G-7'), 'unplanned: no feature of it has a scheduled task');
    assert.equal(level('G-8'), 'done: ', 'a goal marked done is done');
    const g1 = goalHealth(a, 'G-1');
    assert.deepEqual([g1.features, g1.done, g1.late, g1.atRisk], [1, 0, 1, 0]);
    // The view shows the same verdicts and counts them.
    const view = renderRoadmapView(a, opts());
    assert.equal(view.counts.goalsLate, 3);
    assert.equal(view.counts.goalsAtRisk, 1);
  });

  it('filters by goal, owner, status and health, keeping the columns', () => {
    const a = plan().build();
    const all = renderRoadmapView(a, opts());
    const byGoal = renderRoadmapView(a, opts({ goal: 'G-1' }));
    assert.deepEqual(laneIds(byGoal.html), ['G-1']);
    assert.deepEqual(cardIds(byGoal.html), ['FEAT-1', 'FEAT-2']);
    assert.equal(byGoal.counts.columns, all.counts.columns, 'filters never move the timeline');
    assert.deepEqual(cardIds(renderRoadmapView(a, opts({ goal: UNTRACED_LANE })).html), ['FEAT-5']);
    const bob = renderRoadmapView(a, opts({ owner: 'BOB' }));
    assert.deepEqual(cardIds(bob.html), ['FEAT-2', 'FEAT-5'], 'owner ignores case and the @');
    assert.deepEqual(laneIds(bob.html), ['G-1', 'Untraced'], 'lanes left without cards are hidden');
    assert.deepEqual(cardIds(renderRoadmapView(a, opts({ status: 'in-progress' })).html), ['FEAT-1', 'FEAT-1']);
    assert.deepEqual(cardIds(renderRoadmapView(a, opts({ health: 'attention' })).html), ['FEAT-1', 'FEAT-1']);
    assert.deepEqual(cardIds(renderRoadmapView(a, opts({ health: 'unplanned' })).html), ['FEAT-3', 'FEAT-5']);
    const none = renderRoadmapView(a, opts({ owner: '@nobody' }));
    assert.equal(none.counts.cards, 0);
    assert.match(none.html, /No feature matches these filters/);
    assert.match(none.html, /data-command="clearFilters"/);
    assert.match(none.toolbar, /data-command="clearFilters"/);
    assert.deepEqual(clearRoadmapFilters(opts({ columns: 'quarter', owner: 'x', goal: 'G-1', status: 'done', health: 'late' })), opts({ columns: 'quarter' }));
  });

  it('switches columns between horizons, quarters and halves', () => {
    const a = plan().build();
    const quarters = renderRoadmapView(a, opts({ columns: 'quarter' }));
    assert.equal(quarters.counts.dated, 1);
    assert.match(quarters.html, /<span class="sl-col-label">2027 Q1<\/span>/);
    assert.match(quarters.html, /<div class="sl-col-hint">Jan–Mar<\/div>/);
    assert.equal(quarters.counts.cards, 5, 'the same cards, in other columns');
    const halves = renderRoadmapView(a, opts({ columns: 'half' }));
    assert.match(halves.html, /<span class="sl-col-label">2027 H1<\/span>/);
    assert.match(renderRoadmapView(a, opts()).toolbar, /aria-pressed="true">Auto \(Now \/ Next \/ Later\)<\/button>/);
    assert.match(quarters.toolbar, /data-value="quarter" aria-pressed="true">Quarters</);
  });

  it('validates options from the webview and from saved state', () => {
    const o = opts();
    assert.equal(setRoadmapOption(o, 'columns', 'month'), undefined);
    assert.equal(setRoadmapOption(o, 'status', 'finished'), undefined);
    assert.equal(setRoadmapOption(o, 'health', 'great'), undefined);
    assert.equal(setRoadmapOption(o, 'zoom', 'day'), undefined);
    assert.deepEqual(setRoadmapOption(o, 'health', 'late'), opts({ health: 'late' }));
    assert.deepEqual(setRoadmapOption(o, 'columns', 'half'), opts({ columns: 'half' }));
    assert.deepEqual(restoreRoadmapOptions({ columns: 'weird', goal: 7, owner: 'x'.repeat(500), status: 'blocked', health: 'attention', extra: 1 }), opts({ status: 'blocked', health: 'attention' }));
    assert.deepEqual(restoreRoadmapOptions(null), opts());
  });

  it('explains what to write when the workspace has no goals or features', () => {
    const view = renderRoadmapView(new AnalysisBuilder().build(), opts());
    assert.equal(view.counts.cards, 0);
    assert.equal(view.counts.lanes, 0);
    const text = decodeEntities(view.html);
    assert.match(text, /No roadmap yet/);
    assert.match(text, /## G-1 Halve onboarding time\n\n- horizon: 2027-Q2/);
    assert.match(text, /goals: \[G-1\]/);
    assertSafeMarkup(view.html);
  });

  it('escapes hostile titles, owners, metrics and horizons', () => {
    const b = new AnalysisBuilder({ today: '2027-03-01' });
    HOSTILE.forEach((h, i) => {
      b.goal(`G-${i}`, { title: h, horizon: ['now', 'next', 'later'][i % 3], metric: h, owners: [`@${h}`], priority: h });
      b.feature(`FEAT-${i}`, { title: h, goals: i % 4 === 0 ? [] : [`G-${i}`], owners: [`@${h}`], priority: h });
    });
    const a = b.build();
    for (const o of [opts(), opts({ columns: 'quarter' }), opts({ owner: `@${HOSTILE[1]}` }), opts({ goal: HOSTILE[0] })]) {
      const view = renderRoadmapView(a, o);
      assertSafeView(view);
    }
  });

  it('draws the same board in a specline-roadmap Markdown block, with its options', () => {
    const a = plan().build();
    const block = renderFencedBlock('specline-roadmap', a, 'columns: half\ngoal: G-1\n', 'notes.md') ?? '';
    const model = buildRoadmap(a, 'half');
    model.lanes = model.lanes.filter((l) => l.goal?.id === 'G-1');
    assert.ok(block.includes(roadmapBoardHtml(model)), 'the block holds the panel’s board');
    assert.match(block, /<span class="sl-col-label">2027 H1<\/span>/);
    assert.match(block, /class="sl-legend-row"/);
    assert.doesNotMatch(block, /specline-block-errors/);
    assert.match(renderFencedBlock('specline-roadmap', a, 'columns: monthly', undefined) ?? '', /columns must be auto, horizon, quarter or half/);
  });

  describe('on examples/acme, against the CLI', () => {
    const root = path.join(REPO_ROOT, 'examples', 'acme');
    const today = '2027-02-15';
    const analysis = async () => {
      const ws = createNodeWorkspace({ root, today: parseIsoDate(today)!, parallel: false });
      await ws.load();
      return ws.analyze();
    };

    for (const columns of ['auto', 'quarter'] as const) {
      it(`shows the same board as specline roadmap --format html --columns ${columns}`, async () => {
        const a = await analysis();
        const view = renderRoadmapView(a, opts({ columns }));
        const cli = await runCli(['roadmap', root, '--format', 'html', '--columns', columns, '--today', today]);
        assert.equal(cli.code, 0, cli.stderr);
        const board = roadmapBoardHtml(buildRoadmap(a, columns));
        assert.ok(cli.stdout.includes(board), 'the CLI page holds the same board markup');
        assert.ok(view.html.includes(board), 'the panel holds the same board markup');
        // And the numbers, counted from the CLI's page independently of the view.
        assert.equal((cli.stdout.match(/<div class="sl-card /g) ?? []).length, view.counts.cards);
        assert.equal((cli.stdout.match(/<th scope="row"/g) ?? []).length, view.counts.lanes);
        assert.equal(new Set(cardIds(cli.stdout)).size, view.counts.features);
      });
    }

    it('has the lanes and health a reader of the example expects', async () => {
      const view = renderRoadmapView(await analysis(), opts());
      assert.deepEqual(laneIds(view.html), ['G-1', 'G-2', 'G-3', 'G-4', 'G-5', 'G-6', 'Untraced']);
      assert.deepEqual({ cards: view.counts.cards, features: view.counts.features, untraced: view.counts.untraced }, { cards: 10, features: 9, untraced: 1 });
      assert.match(view.html, /class="sl-card sl-h-late" data-id="FEAT-6"/, 'SCIM ends after G-3’s April deadline');
      assert.match(view.html, /class="sl-lane-head sl-h-late" data-id="G-3"/);
      assert.match(view.html, /class="sl-lane-head sl-h-done" data-id="G-6"/);
      assert.match(view.html, /data-id="FEAT-4"[^>]*>.*?marked done, but its tasks are 69% done/, 'a done feature with open tasks says so');
    });
  });
});
