import type { SqlStorage } from '../../adapters/sql/storage';
import { textClassifierEngineWith } from '../../app/engines/classifier';
import { createEngines } from '../../app/engines';
import type { Engines } from '../../core/ports/engines';

/**
 * What the workbench's classifier changes from Forge's defaults: one C (the middle of C_GRID)
 * instead of cross-fitting each candidate, and the word model alone (no char n-gram view to
 * blend). On the demo desk that is about a fifth of the classifier's CPU for a top-1 accuracy
 * within about two points of the defaults, so the panel shows suggestions soon after the
 * backfill (docs/benchmarks.md, "Workbench start").
 */
export const QUICK_TRAINING = { c: 0.5, charView: false } as const;

/** The app's real engines; the classifier trains quickly unless `fullTraining` asks for Forge's. */
export function workbenchEngines(storage: SqlStorage, fullTraining: boolean): Engines {
  const engines = createEngines(storage);
  return fullTraining ? engines : { ...engines, classifier: textClassifierEngineWith(QUICK_TRAINING) };
}
