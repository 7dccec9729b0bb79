/**
 * Which documented field an unknown header most likely is, for the hint that tells the user how to
 * map it ("Transferred from CRC" looks like "CRC risk escalation"). Two measures, on normalised text:
 * the words the header shares with a field's header or aliases (a word matches when it is the same,
 * shares a stem of five or more letters, or is one typing slip away), and, for typing slips in the
 * whole header, the edit distance. A field is suggested only when it is clearly close, and only
 * when one field is closest.
 */
import type { FieldDef } from "../layout";

/** Words that say nothing about which field a header is. */
const STOP_WORDS = new Set(["a", "an", "and", "at", "by", "for", "from", "in", "is", "of", "on", "or", "per", "the", "to", "with"]);
/** Words that only say a column holds an identifier ("CRN number", "Case ref"); they count half. */
const WEAK_WORDS = new Set(["case", "code", "id", "name", "no", "number", "ref", "reference"]);
/** Closeness (0 to 1) a field needs to be suggested. */
const WORDS_NEEDED = 0.7;
const SPELLING_NEEDED = 0.8;

function words(normalised: string): string[] {
  return normalised.split(" ").filter((w) => w !== "" && !STOP_WORDS.has(w));
}

function weight(word: string): number {
  return WEAK_WORDS.has(word) ? 0.5 : 1;
}

/** Levenshtein distance, for short texts. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** "transferred" and "transfer", "escalated" and "escalation", "manger" and "manager". */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length < 5 || b.length < 5) return false;
  return commonPrefix(a, b) >= 5 || editDistance(a, b) <= 1;
}

/** Weighted share of words in common (Dice's coefficient): 1 when every word matches. */
function wordCloseness(a: readonly string[], b: readonly string[]): number {
  const total = a.reduce((s, w) => s + weight(w), 0) + b.reduce((s, w) => s + weight(w), 0);
  if (total === 0) return 0;
  const unused = [...b];
  let shared = 0;
  for (const w of a) {
    const k = unused.findIndex((x) => sameWord(w, x));
    if (k < 0) continue;
    shared += weight(w) + weight(unused[k]!);
    unused.splice(k, 1);
  }
  return shared / total;
}

/** 1 for the same text, falling with each typing slip; 0 for texts too short to judge. */
function spellingCloseness(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  if (longest < 5) return 0;
  return 1 - editDistance(a, b) / longest;
}

/**
 * The field an unknown header most likely is, among `fields`, or undefined when none is close or
 * two fields are equally close.
 * @param header the header as normalised by normaliseHeader
 * @param normalise the same normalisation, for the fields' headers and aliases
 */
export function closestField(header: string, fields: readonly FieldDef[], normalise: (s: string) => string): FieldDef | undefined {
  const mine = words(header);
  let best: { field: FieldDef; score: number } | undefined;
  let tied = false;
  for (const field of fields) {
    let score = 0;
    for (const name of [field.header, ...field.aliases]) {
      const n = normalise(name);
      const w = wordCloseness(mine, words(n));
      const s = spellingCloseness(header, n);
      score = Math.max(score, w >= WORDS_NEEDED ? w : 0, s >= SPELLING_NEEDED ? s : 0);
    }
    if (score === 0) continue;
    if (!best || score > best.score) {
      best = { field, score };
      tied = false;
    } else if (score === best.score) tied = true;
  }
  return best && !tied ? best.field : undefined;
}
