/** Typed arrays that double when full: the index stores millions of postings without boxing. */
export function ensureCapacity<T extends Int32Array | Uint32Array | Float64Array>(
  array: T,
  needed: number,
  create: (size: number) => T,
): T {
  if (needed <= array.length) return array;
  const grown = create(Math.max(needed, array.length * 2, 8));
  grown.set(array);
  return grown;
}
