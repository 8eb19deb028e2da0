/**
 * GPT-2's reversible map between bytes and printable characters: byte-level BPE works on these characters,
 * so every byte sequence, hence every string, has a spelling in the vocabulary.
 */
function buildByteToChar(): string[] {
  const printable: number[] = [];
  for (const [from, to] of [[0x21, 0x7e], [0xa1, 0xac], [0xae, 0xff]] as const) {
    for (let byte = from; byte <= to; byte++) printable.push(byte);
  }
  const table: string[] = new Array(256);
  let extra = 0;
  for (let byte = 0; byte < 256; byte++) {
    table[byte] = String.fromCharCode(printable.includes(byte) ? byte : 256 + extra++);
  }
  return table;
}

export const BYTE_TO_CHAR: readonly string[] = buildByteToChar();
export const CHAR_TO_BYTE: ReadonlyMap<string, number> = new Map(BYTE_TO_CHAR.map((ch, byte) => [ch, byte]));

const encoder = new TextEncoder();

/** The byte-level spelling of a piece of text. */
export function toByteChars(text: string): string {
  let out = '';
  for (const byte of encoder.encode(text)) out += BYTE_TO_CHAR[byte];
  return out;
}

/** The bytes of a byte-level token; characters outside the map (never in a well-formed vocab) are dropped. */
export function fromByteChars(token: string): number[] {
  const bytes: number[] = [];
  for (const ch of token) {
    const byte = CHAR_TO_BYTE.get(ch);
    if (byte !== undefined) bytes.push(byte);
  }
  return bytes;
}

/** GPT-2's pre-tokenisation pattern: contractions, words, numbers, punctuation runs and spaces. */
export const GPT2_SPLIT = /'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+/gu;
