import type { SimilarSection, SimilarTicket } from '../../../src/contracts/panel';
import { findSimilar, keepLinked, similarShown } from '../../../static/issue-panel/src/keep-linked';

function ticket(key: string, kind: SimilarTicket['kind'], alreadyLinked = false): SimilarTicket {
  return {
    key,
    summary: `Summary of ${key}`,
    status: 'Done',
    resolved: true,
    kind,
    score: 0.8,
    sharedTerms: ['vpn'],
    summarySpans: [],
    alreadyLinked,
  };
}

const LINK_TYPES = { duplicate: 'Duplicate', related: 'Relates' };

const section = (duplicates: SimilarTicket[], related: SimilarTicket[]): SimilarSection => ({
  duplicates,
  related,
  weak: [],
  linkTypes: LINK_TYPES,
});

describe('keepLinked', () => {
  it('puts a linked ticket the refreshed answer dropped back where it was, marked as linked', () => {
    const before = section(
      [ticket('IT-1', 'duplicate'), ticket('IT-2', 'duplicate'), ticket('IT-4', 'duplicate')],
      [ticket('IT-3', 'related')],
    );
    const linked = findSimilar(before, 'IT-2');
    expect(linked?.at).toBe(1);
    const after = keepLinked(
      section([ticket('IT-1', 'duplicate'), ticket('IT-4', 'duplicate')], [ticket('IT-3', 'related')]),
      [linked!],
    );
    expect(after.duplicates.map((t) => [t.key, t.alreadyLinked])).toEqual([
      ['IT-1', false],
      ['IT-2', true],
      ['IT-4', false],
    ]);
    expect(after.related).toEqual([ticket('IT-3', 'related')]);
  });

  it('keeps a place past the end of a shorter list at the end', () => {
    const after = keepLinked(section([], []), [
      { ticket: ticket('IT-9', 'related'), at: 5, linkTypes: LINK_TYPES },
    ]);
    expect(after.related.map((t) => [t.key, t.alreadyLinked])).toEqual([['IT-9', true]]);
  });

  it('marks a linked ticket the answer still lists, without listing it twice', () => {
    const related = ticket('HR-7', 'related');
    const after = keepLinked(section([], [related, ticket('HR-8', 'related')]), [
      { ticket: related, at: 0, linkTypes: LINK_TYPES },
    ]);
    expect(after.related.map((t) => [t.key, t.alreadyLinked])).toEqual([
      ['HR-7', true],
      ['HR-8', false],
    ]);
  });

  it('changes nothing when nothing was linked here, and finds nothing it does not list', () => {
    const s = section([ticket('IT-1', 'duplicate')], []);
    expect(keepLinked(s, [])).toBe(s);
    expect(findSimilar(s, 'IT-9')).toBeUndefined();
  });
});

describe('similarShown', () => {
  const linked = { ticket: ticket('IT-5', 'duplicate'), at: 0, linkTypes: LINK_TYPES };

  it('shows the linked ticket when the refreshed answer has no similar ticket left', () => {
    const shown = similarShown({ status: 'empty', reason: 'no-similar' }, [linked]);
    expect(shown).toEqual({
      status: 'ok',
      data: {
        duplicates: [{ ...linked.ticket, alreadyLinked: true }],
        related: [],
        weak: [],
        linkTypes: LINK_TYPES,
      },
    });
  });

  it('passes errors and untouched answers through', () => {
    const error = { status: 'error', code: 'upstream_error', message: 'Jira is unavailable' } as const;
    expect(similarShown(error, [linked])).toBe(error);
    const empty = { status: 'empty', reason: 'no-similar' } as const;
    expect(similarShown(empty, [])).toBe(empty);
  });
});
