/**
 * The 100,000-ticket scale corpus shared by the similar and storage benches: the real texts in
 * order, then the same texts again with every 7th description word dropped (a re-worded repeat),
 * one ticket every 5 minutes from 2025-01-01.
 */
export interface ScaleText {
  summary: string;
  description: string;
  createdMs: number;
}

export function scaleTexts(
  base: readonly { summary: string; description: string }[],
  count: number,
): ScaleText[] {
  return Array.from({ length: count }, (_, i) => {
    const src = base[i % base.length] as { summary: string; description: string };
    const description =
      i < base.length
        ? src.description
        : src.description
            .split(/\s+/)
            .filter((_, w) => w % 7 !== 3)
            .join(' ');
    return { summary: src.summary, description, createdMs: Date.UTC(2025, 0, 1) + i * 300_000 };
  });
}
