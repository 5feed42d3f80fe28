import { InputError } from '../../../src/engine/errors';
import { usualOpenLoad } from '../../../src/engine/sla';

const H = 3_600_000;
const D = 24 * H;
const NOW = 1_760_000_000_000;

/** `n` tickets always open over the whole window (created long ago, never resolved). */
const backlog = (key: string, n: number) =>
  Array.from({ length: n }, () => ({ keys: [key], created: NOW - 200 * D, resolved: null }));

describe('usualOpenLoad', () => {
  it('is the median open count over the window', () => {
    // Two always open, plus one open only in the last week: the median ignores the short bump.
    const stays = [...backlog('team:net', 2), { keys: ['team:net'], created: NOW - 7 * D, resolved: null }];
    expect(usualOpenLoad(stays, { now: NOW }).get('team:net')).toBe(2);
  });

  it('counts a ticket open from its creation until its resolution', () => {
    // A ticket every 12 h, each open 24 h: two open at (almost) every sample time.
    const stays = Array.from({ length: 200 }, (_, i) => {
      const created = NOW - 100 * D + i * 12 * H + 1;
      return { keys: ['a'], created, resolved: created + 24 * H };
    });
    expect(usualOpenLoad(stays, { now: NOW }).get('a')).toBe(2);
  });

  it("starts a queue's samples at its first ticket", () => {
    // A team that started ten days ago with three open: usual 3, not diluted by empty weeks.
    const stays = Array.from({ length: 3 }, () => ({
      keys: ['new-team'],
      created: NOW - 10 * D,
      resolved: null,
    }));
    expect(usualOpenLoad(stays, { now: NOW }).get('new-team')).toBe(3);
  });

  it('leaves out queues with less than a week of history, and gives nothing for no tickets', () => {
    const stays = [{ keys: ['young'], created: NOW - 3 * D, resolved: null }];
    expect(usualOpenLoad(stays, { now: NOW }).has('young')).toBe(false);
    expect(usualOpenLoad([], { now: NOW }).size).toBe(0);
  });

  it('a queue long quiet has a usual load of zero (so no ratio is formed from it)', () => {
    const stays = [{ keys: ['quiet'], created: NOW - 300 * D, resolved: NOW - 299 * D }];
    expect(usualOpenLoad(stays, { now: NOW }).get('quiet')).toBe(0);
  });

  it('skips unreadable times and refuses nonsense options', () => {
    const stays = [...backlog('x', 1), { keys: ['x'], created: Number.NaN, resolved: null }];
    expect(usualOpenLoad(stays, { now: NOW }).get('x')).toBe(1);
    expect(() => usualOpenLoad(stays, { now: Number.NaN })).toThrow(InputError);
    expect(() => usualOpenLoad(stays, { now: NOW, samplesPerDay: 0 })).toThrow(InputError);
  });
});
