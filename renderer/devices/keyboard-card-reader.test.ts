import { describe, expect, it } from 'vitest';
import { checkDigitOf } from '../../domain/id-number';
import { createKeyboardCardClassifier, type KeyboardCard } from './keyboard-card-reader';

const first17 = '35992519561103201';
const ID = first17 + checkDigitOf(first17);
// A number whose check digit is X.
const X_FIRST17 = Array.from({ length: 1000 }, (_, i) => `35992519400101${String(i).padStart(3, '0')}`).find(
  (f) => checkDigitOf(f) === 'X',
)!;

/** Types `keys` starting at `start` ms, with the given gaps (cycled) between keys; returns every result. */
function type(
  classifier: ReturnType<typeof createKeyboardCardClassifier>,
  keys: string[],
  gaps: number[],
  start = 1_000,
): { results: (KeyboardCard | null)[]; end: number } {
  let at = start;
  const results = keys.map((key, i) => {
    if (i > 0) at += gaps[(i - 1) % gaps.length]!;
    return classifier.key(key, at);
  });
  return { results, end: at };
}

const cards = (results: (KeyboardCard | null)[]) => results.filter((r) => r !== null);

describe('keyboard card reader classifier', () => {
  it("takes a reader's burst (a few ms between keys) ending in Enter as a card", () => {
    const { results } = type(createKeyboardCardClassifier(), [...ID, 'Enter'], [8, 12, 6, 9, 15]);
    expect(cards(results)).toEqual([{ kind: 'card', idNumber: ID }]);
    expect(results.at(-1)).toEqual({ kind: 'card', idNumber: ID });
  });

  it('reads an X check digit typed with Shift, and a lower-case x', () => {
    const classifier = createKeyboardCardClassifier();
    const shifted = type(classifier, [...X_FIRST17, 'Shift', 'X', 'Enter'], [7]);
    const lower = type(classifier, [...X_FIRST17, 'x', 'Enter'], [7], shifted.end + 2_000);
    expect(cards([...shifted.results, ...lower.results])).toEqual([
      { kind: 'card', idNumber: `${X_FIRST17}X` },
      { kind: 'card', idNumber: `${X_FIRST17}X` },
    ]);
  });

  it('never takes a person typing as a card, even a fast typist with a few quick key pairs', () => {
    // 80-160 ms between keys, with rollover pairs as quick as 25-40 ms.
    const { results } = type(
      createKeyboardCardClassifier(),
      [...ID, 'Enter'],
      [120, 95, 35, 140, 88, 25, 160, 80, 40],
    );
    expect(cards(results)).toEqual([]);
  });

  it('drops a burst interrupted by a pause', () => {
    const classifier = createKeyboardCardClassifier();
    const part1 = type(classifier, [...ID.slice(0, 10)], [8]);
    const part2 = type(classifier, [...ID.slice(10), 'Enter'], [8], part1.end + 400);
    expect(cards([...part1.results, ...part2.results])).toEqual([]);
    expect(classifier.idle(part2.end + 1_000)).toBeNull();
  });

  it('takes a complete burst without Enter once the keys stop, but not before', () => {
    const classifier = createKeyboardCardClassifier();
    const { results, end } = type(classifier, [...ID], [9]);
    expect(cards(results)).toEqual([]);
    expect(classifier.idle(end + 20)).toBeNull();
    expect(classifier.idle(end + 200)).toEqual({ kind: 'card', idNumber: ID });
    expect(classifier.idle(end + 400)).toBeNull();
  });

  it('gives the card of a burst without Enter when the next key comes before idle is called', () => {
    const classifier = createKeyboardCardClassifier();
    const { end } = type(classifier, [...ID], [9]);
    expect(classifier.key('1', end + 500)).toEqual({ kind: 'card', idNumber: ID });
  });

  it('refuses bursts that are too short, too long or hold other keys', () => {
    const classifier = createKeyboardCardClassifier();
    let start = 0;
    const results = [
      [...ID.slice(0, 17)],
      [...ID, '7'],
      [...ID.slice(0, 9), 'a', ...ID.slice(9, 17)],
    ].flatMap((keys) => {
      const typed = type(classifier, [...keys, 'Enter'], [6], start);
      start = typed.end + 1_000;
      return typed.results;
    });
    expect(cards(results)).toEqual([]);
  });

  it('reads two cards one after the other', () => {
    const classifier = createKeyboardCardClassifier();
    const one = type(classifier, [...ID, 'Enter'], [10]);
    const two = type(classifier, [...`${X_FIRST17}X`, 'Enter'], [10], one.end + 3_000);
    expect(cards([...one.results, ...two.results])).toEqual([
      { kind: 'card', idNumber: ID },
      { kind: 'card', idNumber: `${X_FIRST17}X` },
    ]);
  });
});
