/** Character trigrams of a key with a space on each side, counted: typo-tolerant comparison of terms. */
export function trigrams(key: string): Map<string, number> {
  const padded = ` ${key} `;
  const grams = new Map<string, number>();
  for (let i = 0; i + 3 <= padded.length; i++) {
    const gram = padded.slice(i, i + 3);
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}
