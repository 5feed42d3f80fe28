import type { SlaRiskInput } from '../../../src/engine/sla';
import {
  resolutionModelFromJson,
  resolutionModelToJson,
  scoreBreachRisk,
  trainResolutionModel,
} from '../../../src/engine/sla';

const H = 3_600_000;
const model = trainResolutionModel([
  ...[1, 2, 3, 5, 8].map((h) => ({ ms: h * H, resolved: true, segments: ['p=High'] })),
  { ms: 4 * H, resolved: false, segments: ['p=High'] },
  ...[10, 20, 30].map((h) => ({ ms: h * H, resolved: true, segments: ['p=Low', '__proto__'] })),
]);

describe('resolution model JSON', () => {
  it('round-trips through JSON text and scores identically', () => {
    const back = resolutionModelFromJson(JSON.parse(JSON.stringify(resolutionModelToJson(model))));
    const input: SlaRiskInput = {
      metricName: 'm',
      cycle: {
        goalMs: 6 * H,
        elapsedMs: 1 * H,
        remainingMs: 5 * H,
        paused: false,
        withinCalendarHours: true,
        breached: false,
      },
      segments: ['p=High'],
    };
    expect(scoreBreachRisk(back, input)).toEqual(scoreBreachRisk(model, input));
    expect(back.segments.get('__proto__')?.count).toBe(3);
  });

  it.each([
    ['another version', { ...(resolutionModelToJson(model) as object), version: 2 }, /version 2/],
    ['another kind', { ...(resolutionModelToJson(model) as object), kind: 'x' }, /invalid at kind/],
    [
      'a survival above 1',
      {
        ...(resolutionModelToJson(model) as object),
        overall: { times: [1], survival: [1.5], count: 1, horizon: 1 },
      },
      /overall/,
    ],
    ['not an object', 'model', /invalid/],
  ])('refuses %s with a typed error', (_name, json, message) => {
    expect(() => resolutionModelFromJson(json)).toThrow(message);
  });
});
