import type { SqlStorage } from '../../adapters/sql/storage';
import type { Engines } from '../../core/ports/engines';
import { textClassifierEngine } from './classifier';
import { rankArticles } from '../../engine/knowledge';
import { qualityEngine } from './quality';
import { routingEngine } from './routing';
import { sqlSimilarEngine } from './similar';
import { slaRiskModel } from '../../core/sla/sla-risk-model';

/** The real engines, wired over the app's storage. */
export function createEngines(storage: SqlStorage): Engines {
  return {
    classifier: textClassifierEngine,
    similar: sqlSimilarEngine(storage),
    routing: routingEngine,
    sla: slaRiskModel(storage),
    quality: qualityEngine,
    knowledge: { rank: rankArticles },
  };
}
