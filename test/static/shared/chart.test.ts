import { coverageAtTarget, linePath, scale } from '../../../static/shared/chart';

describe('scale', () => {
  it('maps the range onto the size and clamps outside values', () => {
    expect(scale(5, 0, 10, 200)).toBe(100);
    expect(scale(-3, 0, 10, 200)).toBe(0);
    expect(scale(30, 0, 10, 200)).toBe(200);
  });

  it('answers 0 for an empty range or a non-number instead of NaN', () => {
    expect(scale(1, 5, 5, 100)).toBe(0);
    expect(scale(Number.NaN, 0, 1, 100)).toBe(0);
  });
});

describe('linePath', () => {
  it('moves to the first point and draws lines to the rest', () => {
    expect(
      linePath([
        { x: 0, y: 1 },
        { x: 2.25, y: 3 },
      ]),
    ).toBe('M0.0,1.0 L2.3,3.0');
    expect(linePath([])).toBe('');
  });
});

describe('coverageAtTarget', () => {
  const curve = [
    { coverage: 0.1, precision: 0.99 },
    { coverage: 0.4, precision: 0.93 },
    { coverage: 0.6, precision: 0.88 },
    { coverage: 0.7, precision: 0.91 },
    { coverage: 1, precision: 0.8 },
  ];

  it('finds the widest coverage that still reaches the target, even on a bumpy curve', () => {
    expect(coverageAtTarget(curve, 0.9)).toBe(0.7);
    expect(coverageAtTarget(curve, 0.95)).toBe(0.1);
  });

  it('answers null when no point reaches the target', () => {
    expect(coverageAtTarget(curve, 0.999)).toBeNull();
    expect(coverageAtTarget([], 0.5)).toBeNull();
  });
});
