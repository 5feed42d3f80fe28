import { startWorkbench, type RunningWorkbench } from '../../../src/local/workbench/start';

/** A running workbench the browser tests talk to, and how to make its emulator fail. */
export interface TestWorkbench {
  url: string;
  /** Makes every issue read fail with 503 (or stops that), as a broken Jira would. */
  setFault(enabled: boolean): void;
  close(): Promise<void>;
}

/**
 * The real workbench in this process: demo service desk, emulator, resolvers, triggers and the
 * built static/ bundles, on a free port with a temporary SQLite file. Resolves once backfill and
 * training are done, so every panel section has something to show.
 */
export async function startTestWorkbench(options: { demoTickets?: number } = {}): Promise<TestWorkbench> {
  const external = process.env.E2E_WORKBENCH_URL;
  if (external) return externalWorkbench(external);
  const started = Date.now();
  const workbench: RunningWorkbench = await startWorkbench({
    port: 0,
    demoTickets: options.demoTickets ?? Number(process.env.E2E_DEMO_TICKETS ?? 1500),
    // Warm-up can take minutes on a busy machine; E2E_VERBOSE=1 shows where it is.
    ...(process.env.E2E_VERBOSE
      ? {
          onStatus: (status) =>
            process.stderr.write(
              `workbench ${((Date.now() - started) / 1000).toFixed(1)} s: ${status.message}\n`,
            ),
        }
      : {}),
  });
  try {
    await workbench.ready();
  } catch (error) {
    await workbench.stop();
    throw error;
  }
  return {
    url: workbench.url,
    setFault(enabled) {
      if (enabled) {
        workbench.emulator.faults.add({
          route: 'getIssue',
          fault: { kind: 'status', status: 503 },
          times: 1_000_000,
        });
      } else {
        workbench.emulator.faults.clear();
      }
    },
    close: () => workbench.stop(),
  };
}

/**
 * A workbench someone already started (`E2E_WORKBENCH_URL`, for working on the UI against a warm
 * instance). It has no fault switch over HTTP, so the fault scenario fails there with this message.
 */
function externalWorkbench(url: string): TestWorkbench {
  return {
    url: url.replace(/\/$/, ''),
    setFault() {
      throw new Error('fault injection needs the in-process workbench: unset E2E_WORKBENCH_URL');
    },
    close: () => Promise.resolve(),
  };
}
