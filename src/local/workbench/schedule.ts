/** A job the workbench runs on a timer, as Forge runs a scheduled trigger. */
export interface Repeating {
  /** Clears the timer and waits for a run in progress; no run starts afterwards. */
  stop(): Promise<void>;
}

/**
 * Calls `run` now and then `everyMs` after each run ends, so two runs never overlap however
 * long one takes. A failed run is reported and the schedule carries on, as Forge's would.
 */
export function repeatEvery(
  everyMs: number,
  run: () => Promise<void>,
  onError: (error: unknown) => void,
): Repeating {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const tick = (): void => {
    timer = null;
    if (stopped) return;
    running = run()
      .catch(onError)
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, everyMs);
      });
  };
  tick();
  return {
    async stop() {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
      timer = null;
      await running;
    },
  };
}
