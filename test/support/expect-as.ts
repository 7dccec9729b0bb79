/**
 * `expectAs(value, label)` is Jest's `expect(value)` with a label put before any failure message, so
 * a check inside a loop says which item failed ("TIER(rosh)", "Caseload: Case ID"). Every matcher,
 * `.not`, `.resolves` and `.rejects` included, behaves as Jest's own.
 */
import { expect } from "@jest/globals";

function relabel(label: string, e: unknown): unknown {
  if (e instanceof Error) e.message = `${label}\n\n${e.message}`;
  return e;
}

function labelled<T extends object>(target: T, label: string): T {
  return new Proxy(target, {
    get(t, prop, receiver) {
      const v: unknown = Reflect.get(t, prop, receiver);
      if (typeof v === "function") {
        return (...args: unknown[]) => {
          try {
            const r: unknown = v.apply(t, args);
            return r instanceof Promise ? r.catch((e: unknown) => Promise.reject(relabel(label, e))) : r;
          } catch (e) {
            throw relabel(label, e);
          }
        };
      }
      return typeof v === "object" && v !== null ? labelled(v, label) : v;
    },
  });
}

export function expectAs<T>(actual: T, label: string): ReturnType<typeof expect<T>> {
  return labelled(expect(actual), label);
}
