/** A running workbench the browser tests talk to, and how to make its emulator fail. */
export interface TestWorkbench {
  url: string;
  setFault(enabled: boolean): Promise<void>;
  close(): Promise<void>;
}

async function postJson(url: string, body: unknown): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
}

/** Uses the workbench at E2E_WORKBENCH_URL (already running, e.g. `npm start`). */
export function startTestWorkbench(): Promise<TestWorkbench> {
  const external = process.env.E2E_WORKBENCH_URL;
  if (!external) throw new Error('set E2E_WORKBENCH_URL to a running workbench');
  const url = external.replace(/\/$/, '');
  return Promise.resolve({
    url,
    setFault: (enabled) => postJson(`${url}/__workbench/faults`, { enabled }),
    close: () => Promise.resolve(),
  });
}
