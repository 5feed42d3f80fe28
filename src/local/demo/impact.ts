import type { Rng } from '../../engine/util';
import type { SeedLanguage } from '../emulator/seed';
import { pickWeighted } from './random';
import { CITIES, pick } from './slots';

/** JSM's default Impact options for incidents, widest first. */
export const IMPACTS = [
  'Extensive / Widespread',
  'Significant / Large',
  'Moderate / Limited',
  'Minor / Localized',
] as const;
export type Impact = (typeof IMPACTS)[number];

/** Impact weights per priority (widest first): higher priorities are mostly wider outages. */
const BY_PRIORITY: Record<string, readonly number[]> = {
  Highest: [5, 3, 1, 0.5],
  High: [1.5, 4, 2, 1],
  Medium: [0.3, 1.5, 4, 3],
  Low: [0.1, 0.5, 2, 5],
  Lowest: [0, 0.2, 1, 6],
};

export function pickImpact(rng: Rng, priority: string, burst: boolean): Impact {
  if (burst) return rng() < 0.7 ? 'Extensive / Widespread' : 'Significant / Large';
  const weights = BY_PRIORITY[priority] ?? [1, 1, 1, 1];
  return pickWeighted(rng, IMPACTS, (_impact, i) => weights[i] ?? 0);
}

const SCOPE: Record<Impact, Record<SeedLanguage, readonly string[]>> = {
  'Extensive / Widespread': {
    en: ['Nobody in the {city} office can work.', 'The whole company seems to be affected.'],
    de: ['Im ganzen Standort {city} kann niemand arbeiten.', 'Die ganze Firma scheint betroffen zu sein.'],
  },
  'Significant / Large': {
    en: ['Our whole department is affected.', 'About thirty people on our floor have the same problem.'],
    de: [
      'Die ganze Abteilung ist betroffen.',
      'Etwa dreißig Leute auf unserer Etage haben das gleiche Problem.',
    ],
  },
  'Moderate / Limited': {
    en: ['Two colleagues in my team have the same problem.', 'A few people in our team are affected.'],
    de: [
      'Zwei Kollegen aus meinem Team haben das gleiche Problem.',
      'Ein paar Leute bei uns im Team sind betroffen.',
    ],
  },
  'Minor / Localized': {
    en: ['Only my machine is affected, the others work fine.', 'It is just me, my colleagues are fine.'],
    de: [
      'Betrifft nur meinen Rechner, bei den anderen geht es.',
      'Nur bei mir, die Kollegen haben kein Problem.',
    ],
  },
};

/** How the reporter describes who is affected; null when they do not say (as is common). */
export function scopeLine(rng: Rng, impact: Impact, language: SeedLanguage): string | null {
  if (rng() >= 0.7) return null;
  return pick(rng, SCOPE[impact][language]).replace('{city}', pick(rng, CITIES));
}
