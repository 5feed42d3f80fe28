/** Time as the use-cases see it: injected so tests can move it and the engines stay pure. */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
