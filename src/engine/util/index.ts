/** Small deterministic helpers the engines share: the seeded RNG (the engine never calls Math.random). */
export { createRng, shuffleInPlace } from './rng';
export type { Rng } from './rng';
