import fc from 'fast-check';
import { highlightSegments } from '../../../static/shared/highlight';

describe('highlightSegments', () => {
  it('marks the spans and keeps the text around them', () => {
    const segments = highlightSegments('VPN drops after update', [
      [0, 3],
      [16, 22],
    ]);
    expect(segments).toEqual([
      { text: 'VPN', highlighted: true },
      { text: ' drops after ', highlighted: false },
      { text: 'update', highlighted: true },
    ]);
  });

  it('merges overlapping and touching spans and ignores empty or reversed ones', () => {
    const segments = highlightSegments('abcdefgh', [
      [2, 4],
      [3, 6],
      [6, 7],
      [5, 5],
      [7, 1],
    ]);
    expect(segments).toEqual([
      { text: 'ab', highlighted: false },
      { text: 'cdefg', highlighted: true },
      { text: 'h', highlighted: false },
    ]);
  });

  it('clamps spans that reach outside the text instead of throwing', () => {
    expect(
      highlightSegments('abc', [
        [-5, 1],
        [2, 99],
        [Number.NaN, 2],
      ]),
    ).toEqual([
      { text: 'a', highlighted: true },
      { text: 'b', highlighted: false },
      { text: 'c', highlighted: true },
    ]);
  });

  it('keeps markup-looking ticket text as plain characters', () => {
    const text = '<img src=x onerror=alert(1)> <script>x</script>';
    const segments = highlightSegments(text, [[1, 4]]);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments[1]).toEqual({ text: 'img', highlighted: true });
  });

  it('gives one plain segment for empty text', () => {
    expect(highlightSegments('', [[0, 3]])).toEqual([{ text: '', highlighted: false }]);
  });

  it('always concatenates back to the text, with highlights inside valid spans only', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 60 }),
        fc.array(fc.tuple(fc.integer({ min: -10, max: 80 }), fc.integer({ min: -10, max: 80 })), {
          maxLength: 8,
        }),
        (text, spans) => {
          const segments = highlightSegments(text, spans);
          expect(segments.map((s) => s.text).join('')).toBe(text);
          let offset = 0;
          for (const segment of segments) {
            if (segment.highlighted) {
              const covered = spans.some(([s, e]) => s <= offset && e >= offset + segment.text.length);
              const pieces = spans.filter(
                ([s, e]) => e > s && e > offset && s < offset + segment.text.length,
              );
              expect(covered || pieces.length > 0).toBe(true);
              expect(segment.text.length).toBeGreaterThan(0);
            }
            offset += segment.text.length;
          }
          // No two neighbours share a state: runs are maximal.
          for (let i = 1; i < segments.length; i++) {
            if (segments[i]!.highlighted && segments[i - 1]!.highlighted)
              throw new Error('adjacent highlights');
          }
        },
      ),
    );
  });
});
