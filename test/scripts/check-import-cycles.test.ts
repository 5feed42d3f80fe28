import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cycles, importGraph } from '../../scripts/check-import-cycles';

describe('import cycle check', () => {
  it('finds a cycle through a type-only import and a re-export, and nothing in a tree', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cycles-'));
    writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ include: ['*.ts'] }));
    writeFileSync(path.join(dir, 'a.ts'), "import type { B } from './b';\nexport type A = B;\n");
    writeFileSync(path.join(dir, 'b.ts'), "export { C as B } from './c';\n");
    writeFileSync(
      path.join(dir, 'c.ts'),
      "import { x } from './leaf';\nimport type { A } from './a';\nexport type C = A | typeof x;\n",
    );
    writeFileSync(path.join(dir, 'leaf.ts'), 'export const x = 1;\n');
    const found = cycles(importGraph(path.join(dir, 'tsconfig.json')));
    expect(found.map((c) => c.map((f) => path.basename(f)))).toEqual([['a.ts', 'b.ts', 'c.ts']]);
  });

  it('counts a file importing itself', () => {
    expect(
      cycles(
        new Map([
          ['/x.ts', ['/x.ts']],
          ['/y.ts', ['/x.ts']],
        ]),
      ),
    ).toEqual([['/x.ts']]);
    expect(
      cycles(
        new Map([
          ['/x.ts', []],
          ['/y.ts', ['/x.ts']],
        ]),
      ),
    ).toEqual([]);
  });
});
