/** An array whose element reads are counted: how many, and the furthest element read. */
export function counted<T>(items: readonly T[]): { array: T[]; reads: () => number; furthest: () => number; reset: () => void } {
  let reads = 0;
  let furthest = 0;
  const array = new Proxy(items as T[], {
    get(target, key, receiver) {
      if (typeof key === "string" && /^\d+$/.test(key)) {
        reads++;
        furthest = Math.max(furthest, Number(key) + 1);
      }
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  return {
    array,
    reads: () => reads,
    furthest: () => furthest,
    reset: () => {
      reads = 0;
      furthest = 0;
    },
  };
}
