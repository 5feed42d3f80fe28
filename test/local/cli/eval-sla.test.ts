import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRng } from '../../../src/engine/util';
import { runCli as run } from '../../support/run-cli';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tl-eval-sla-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** 500 tickets: priority High breaches 70 %, Low 10 %; older tickets (more hours) breach more. */
function ticketsCsv(): string {
  const rng = createRng(11);
  const lines = ['priority,channel,hours,opened,made_sla'];
  for (let i = 0; i < 500; i++) {
    const high = rng() < 0.5;
    const hours = Math.round(rng() * 48);
    const p = (high ? 0.5 : 0.05) + hours / 200;
    const day = String(1 + (i % 28)).padStart(2, '0');
    lines.push(
      `${high ? 'High' : 'Low'},${rng() < 0.5 ? 'Phone' : 'Email'},${hours},2026-0${1 + (i % 9)}-${day} 10:00,${rng() < p ? 'false' : 'true'}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

const base = (input: string) => [
  'eval',
  'sla',
  '--input',
  input,
  '--label',
  'made_sla',
  '--positive',
  'false',
  '--features',
  'priority,channel',
];

describe('triage-lens eval sla', () => {
  it('prints a report and, with --json, one JSON line with the agreed keys', async () => {
    const input = write('t.csv', ticketsCsv());
    const r = await run([
      ...base(input),
      '--numeric',
      'hours',
      '--split',
      'chrono',
      '--time',
      'opened',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out.trim().split('\n').pop()!) as Record<string, number | string>;
    expect(Object.keys(json).slice(0, 7)).toEqual([
      'task',
      'n_train',
      'n_test',
      'auc',
      'brier',
      'ece',
      'train_ms',
    ]);
    expect(json).toMatchObject({ task: 'sla', n_train: 400, n_test: 100 });
    // What cross-validation on the training rows chose is reported, from the stacked model's choice.
    expect(['linear', 'trees', 'blend']).toContain(json.model);
    expect(['platt', 'isotonic']).toContain(json.calibration);
    expect(['all', 'recent']).toContain(json.calibration_slice);
    expect(r.out).toMatch(/calibration on (the newest|all) training rows \(chosen by cross-validation\)/);
    expect(json.auc as number).toBeGreaterThan(0.7);
    expect(json.brier as number).toBeLessThan(json.prior_brier as number);
    expect(r.out).toMatch(/reliability/);
  });

  it('defaults to the mod5 split', async () => {
    const r = await run([...base(write('m.csv', ticketsCsv())), '--json']);
    expect(JSON.parse(r.out.trim().split('\n').pop()!)).toMatchObject({ n_train: 400, n_test: 100 });
  });

  it.each([
    [
      'missing --positive',
      ['eval', 'sla', '--input', 'x.csv', '--label', 'made_sla', '--features', 'priority'],
      /--positive/,
    ],
    [
      'missing --features',
      ['eval', 'sla', '--input', 'x.csv', '--label', 'made_sla', '--positive', 'false'],
      /--features/,
    ],
    ['bad split', [...base('x.csv'), '--split', 'random'], /--split must be mod5 or chrono/],
    ['chrono without time', [...base('@t'), '--split', 'chrono'], /needs --time/],
    [
      'unknown column',
      ['eval', 'sla', '--input', '@t', '--label', 'made_sla', '--positive', 'false', '--features', 'colour'],
      /column "colour" not found/,
    ],
    [
      'positive value never seen',
      [
        'eval',
        'sla',
        '--input',
        '@t',
        '--label',
        'made_sla',
        '--positive',
        'maybe',
        '--features',
        'priority',
      ],
      /no row has "maybe"/,
    ],
    [
      'text in a numeric column',
      [...base('@t'), '--numeric', 'channel'],
      /column "channel" row 2: "(Phone|Email)" is not a number/,
    ],
    ['bad cross', [...base('@t'), '--cross', 'priority:nope'], /--cross "priority:nope"/],
    ['missing file', base('/nonexistent/t.csv'), /cannot read/],
    ['header only', base('@empty'), /no data rows/],
  ])('%s: one-line error, exit 2', async (_name, args, message) => {
    const t = write('bad.csv', ticketsCsv());
    const empty = write('empty.csv', 'priority,channel,hours,opened,made_sla\n');
    const r = await run(args.map((a) => (a === '@t' ? t : a === '@empty' ? empty : a)));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });
});
