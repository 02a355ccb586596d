// A seeded pseudo-random generator (mulberry32): the same sequence for the same seed, so
// generated test inputs (scripts/make-corpus.mjs, tests/js/property.worker.mjs) are
// the same on every run.
export function seededRandom(seed) {
  let state = seed | 0;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = (list) => list[Math.floor(random() * list.length)];
  return { random, pick };
}
