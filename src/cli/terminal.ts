/**
 * What the command line prints comes in part from files (glossaries, a model's answers to them) and servers, which
 * may hold terminal escape sequences: one can clear the screen, rewrite what was printed, or set the clipboard
 * (OSC 52). Every line and every streamed piece is printed without the characters a terminal acts on.
 */

/**
 * C0 controls but tab and new line (ESC, BEL, the carriage return that rewrites a line), DEL, the C1 controls
 * (U+009B is a one-character CSI) and the bidirectional overrides and isolates that reorder what is shown.
 */
// eslint-disable-next-line no-control-regex -- the control characters are what this pattern is for
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** The text without the characters a terminal would act on instead of showing (a line end stays a line end). */
export function printable(text: string): string {
  return text.replace(/\r\n/g, '\n').replace(CONTROL, '');
}

/** Writes a streamed piece of an answer to standard output, printable. */
export function writeStreamed(text: string): void {
  process.stdout.write(printable(text));
}
