import { performance } from 'node:perf_hooks';
import { textToAdf } from '../../../adapters/jira/text-to-adf';
import { textClassifierEngine } from '../../../app/engines/classifier';
import { PanelData } from '../../../contracts/panel';
import { RESOLVERS } from '../../../contracts/resolvers';
import { ModelRepository } from '../../../core/train/models';
import { silentLogger, type Logger } from '../../../core/ports/logger';
import type { SeedSlaGoal } from '../../emulator/seed';
import { startWorkbench } from '../../workbench/start';
import type { Arrival, PanelDataset } from './panel-dataset';
import { localeDifferences } from './panel-locale';

/** What the panel showed one held-back ticket, in both languages, and the engine's own guess. */
export interface PanelObservation {
  arrival: Arrival;
  /** The key the emulated site gave the ticket when it arrived. */
  key: string;
  en: PanelData;
  de: PanelData;
  /**
   * English read again after the German one when the two differed: a difference the later
   * English read shares with the German one came with time (an SLA sweep between the reads), not
   * with the language.
   */
  enAgain: PanelData | null;
  ms: [number, number];
  /** Per field, the stored model's ranked labels for the export's text (eval classify's path). */
  engine: Map<string, string[]>;
}

export interface PanelCollection {
  observations: PanelObservation[];
  /** Site key of every arrived ticket → its export key (training tickets keep theirs). */
  exportKeyOf: Map<string, string>;
}

/**
 * Runs the app as the workbench does on the training part of the export, lets the held-back
 * tickets arrive as new ones, waits for their ingest, then opens the panel of each as an agent,
 * in English and in German.
 */
export async function collectPanels(
  data: PanelDataset,
  options: { slaGoals: SeedSlaGoal[]; logger?: Logger; onStatus?: (line: string) => void },
): Promise<PanelCollection> {
  const logger = options.logger ?? silentLogger;
  const wb = await startWorkbench({
    port: 0,
    prepared: { ...data.prepared, site: { ...data.prepared.site, slaGoals: options.slaGoals } },
    logger,
    onStatus: (s) => options.onStatus?.(s.message),
  });
  try {
    await wb.ready();
    await wb.idle();
    const site = wb.emulator.site;
    const exportKeyOf = new Map<string, string>();
    const arrived: { arrival: Arrival; key: string }[] = [];
    for (const arrival of data.test) {
      const t = arrival.arriving;
      const reporter = site.users.get(t.reporterId);
      if (reporter === undefined) continue;
      const issue = site.createIssue(
        {
          projectKey: t.projectKey,
          summary: t.summary,
          description: t.description === '' ? null : textToAdf(t.description),
          issueType: t.issueType,
          requestTypeId: t.requestTypeId,
          priority: t.priority,
          components: t.components,
          labels: t.labels,
          category: t.category,
          impact: t.impact ?? null,
          custom: { ...t.custom },
          teamId: t.teamId,
          assigneeId: t.assigneeId,
          reporterId: t.reporterId,
          organization: t.organization,
          status: t.status,
          resolution: t.resolution,
        },
        { kind: 'user', user: reporter },
      );
      exportKeyOf.set(issue.key, t.key);
      arrived.push({ arrival, key: issue.key });
    }
    options.onStatus?.(`${arrived.length} held-back tickets arrived; waiting for their ingest`);
    await wb.idle();
    const agent = [...site.users.values()]
      .filter((u) => u.kind === 'agent')
      .sort((a, b) => a.accountId.localeCompare(b.accountId))[0];
    if (agent === undefined)
      throw new Error('the export names no assignee, so there is no agent to open the panel as');
    const models = new ModelRepository(wb.storage.models, textClassifierEngine, logger);
    const observations: PanelObservation[] = [];
    for (const { arrival, key } of arrived) {
      const open = async (locale: 'en' | 'de'): Promise<[PanelData, number]> => {
        const start = performance.now();
        const r = await wb.app.resolvers[RESOLVERS.panelGet](
          { issueKey: key, locale },
          { accountId: agent.accountId },
        );
        const ms = performance.now() - start;
        if (!r.ok) throw new Error(`panel/get ${key} (${locale}) failed: ${r.error.message}`);
        return [PanelData.parse(r.data), ms];
      };
      const [en, msEn] = await open('en');
      const [de, msDe] = await open('de');
      const enAgain = localeDifferences(en, de).length > 0 ? (await open('en'))[0] : null;
      const engine = new Map<string, string[]>();
      for (const f of data.fields) {
        const found = await models.get(f.id);
        if (found.status !== 'ok') continue;
        engine.set(
          f.id,
          found.model.predict(arrival.truth).ranked.map((r) => r.label),
        );
      }
      observations.push({ arrival, key, en, de, enAgain, ms: [msEn, msDe], engine });
      if (observations.length % 100 === 0)
        options.onStatus?.(`${observations.length} of ${arrived.length} panels opened in en and de`);
    }
    return { observations, exportKeyOf };
  } finally {
    await wb.stop();
  }
}
