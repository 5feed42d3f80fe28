import { describeDriver, segmentInWords } from '../../../src/engine/sla/describe-driver';

describe('history segments in the panel’s words', () => {
  it.each([
    ['priority=Low|type=Printer and scanning', 'en', 'priority Low, Printer and scanning'],
    ['priority=Hoch|type=VPN', 'de', 'Priorität Hoch, VPN'],
    ['priority=-|type=Incident', 'en', 'Incident'],
    ['network', 'en', 'network'],
    ['priority=', 'en', 'priority='],
    ['team=<script>x</script>', 'en', '<script>x</script>'],
  ] as const)('%s (%s) reads "%s"', (segment, locale, words) => {
    expect(segmentInWords(segment, locale)).toBe(words);
  });

  it('the similar-tickets driver names the segment in words, not as a key', () => {
    const text = describeDriver({
      code: 'similar-take',
      segment: 'priority=High|type=VPN and remote access',
      medianMs: 6 * 3_600_000,
      remainingMs: 2 * 3_600_000,
      support: 40,
    });
    expect(text).toBe('similar tickets (priority High, VPN and remote access) take 6 h, 2 h left');
  });
});
