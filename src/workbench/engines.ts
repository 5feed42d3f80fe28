import type { SqlStorage } from '../adapters/sql/storage';
import { textClassifierEngineWith } from '../app/engines/classifier';
import { createEngines } from '../app/engines';
import type { Engines } from '../core/ports/engines';

/**
 * What the workbench's classifier changes from Forge's defaults: one C (the middle of C_GRID)
 * instead of a fit per candidate to choose from, which roughly halves the training's CPU, so the
 * demo desk shows suggestions soon after the backfill (docs/benchmarks.md, workbench start).
 */
export const QUICK_TRAINING = { c: 0.5 } as const;

/** The app's real engines; the classifier trains quickly unless `fullTraining` asks for Forge's. */
export function workbenchEngines(storage: SqlStorage, fullTraining: boolean): Engines {
  const engines = createEngines(storage);
  return fullTraining ? engines : { ...engines, classifier: textClassifierEngineWith(QUICK_TRAINING) };
}
