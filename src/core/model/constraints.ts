// The constraints the decoding loop applies at each token, kept beside it (src/core/model/runtime.ts) rather than
import type { ComposePlan } from './runtime';
// inside it: the stop strings, and the compose constraint that lets an answer be written only from given pieces.
/**
 * Passes text on as it comes but holds back what could be the start of a stop string, and ends the
 * output before a stop string.
 */
export class StopFilter {
  /** Everything generated so far, cut before a stop string once one is found. */
  text = '';
  private sent = 0;

  constructor(
    private readonly stops: readonly string[],
    private readonly onText: (text: string) => void,
  ) {}

  /** Adds generated text; returns true when a stop string was reached. */
  push(piece: string, final = false): boolean {
    this.text += piece;
    const stopAt = this.firstStop();
    if (stopAt !== undefined) this.text = this.text.slice(0, stopAt);
    const end = stopAt !== undefined || final ? this.text.length : this.text.length - this.heldBack();
    if (end > this.sent) {
      this.onText(this.text.slice(this.sent, end));
      this.sent = end;
    }
    return stopAt !== undefined;
  }

  private firstStop(): number | undefined {
    const found = this.stops.map((stop) => this.text.indexOf(stop)).filter((index) => index >= 0);
    return found.length > 0 ? Math.min(...found) : undefined;
  }

  /** Length of the longest end of the text that begins a stop string. */
  private heldBack(): number {
    let longest = 0;
    for (const stop of this.stops) {
      for (let length = Math.min(stop.length - 1, this.text.length); length > longest; length--) {
        if (this.text.endsWith(stop.slice(0, length))) {
          longest = length;
          break;
        }
      }
    }
    return longest;
  }
}

/**
 * Lets the model write only the given pieces of text: at a boundary, the start of a piece not used yet (after
 * the first, preceded by a blank line) or the end of the answer; inside a piece, its next token. A group holds
 * the ways one passage may be written; once one is used, the group is done. Pieces are tokenized as the
 * answer would hold them, so the model's own choices are what it was trained on.
 */
export class ComposeConstraint {
  private readonly first: number[][][];
  private readonly later: number[][][];
  private readonly used = new Set<number>();
  /** The pieces the tokens since the last boundary are consistent with: [group, variant, position]. */
  private candidates: Array<[number, number, number]> = [];

  constructor(
    groups: readonly (readonly string[])[],
    encode: (text: string) => number[],
    private readonly eosIds: readonly number[],
    private readonly plan: ComposePlan = {},
  ) {
    this.first = groups.map((variants) => variants.map((text) => encode(text)).filter((ids) => ids.length > 0));
    this.later = groups.map((variants) => variants.map((text) => encode(`\n\n${text}`)).filter((ids) => ids.length > 0));
  }

  private get pieces(): number[][][] {
    return this.used.size === 0 ? this.first : this.later;
  }

  /** Every token but the allowed ones gets minus infinity. */
  mask(logits: Float32Array): void {
    const allowed = new Set<number>();
    if (this.candidates.length > 0) {
      for (const [group, variant, position] of this.candidates) allowed.add(this.pieces[group]![variant]![position]!);
    } else {
      this.pieces.forEach((variants, group) => {
        if (this.mayStartWith(group)) for (const ids of variants) allowed.add(ids[0]!);
      });
      if (this.mayEnd() || allowed.size === 0) for (const id of this.eosIds) allowed.add(id);
    }
    for (let id = 0; id < logits.length; id++) if (!allowed.has(id)) logits[id] = Number.NEGATIVE_INFINITY;
  }

  private mayStartWith(group: number): boolean {
    if (this.used.has(group)) return false;
    if (this.plan.inOrder && [...this.first.keys()].some((earlier) => earlier < group && !this.used.has(earlier))) return false;
    const opening = this.plan.opensWith;
    return this.used.size > 0 || opening === undefined || opening >= this.first.length || group === opening;
  }

  private mayEnd(): boolean {
    return this.used.size > 0 && (this.plan.mustCover ?? []).every((group) => group >= this.first.length || this.used.has(group));
  }

  accept(token: number): void {
    const pieces = this.pieces;
    const next: Array<[number, number, number]> = [];
    if (this.candidates.length === 0) {
      pieces.forEach((variants, group) => {
        if (this.mayStartWith(group)) variants.forEach((ids, variant) => ids[0] === token && next.push([group, variant, 1]));
      });
    } else {
      for (const [group, variant, position] of this.candidates) if (pieces[group]![variant]![position] === token) next.push([group, variant, position + 1]);
    }
    const finished = next.find(([group, variant, position]) => position === pieces[group]![variant]!.length);
    if (finished) {
      this.used.add(finished[0]);
      this.candidates = [];
    } else {
      this.candidates = next;
    }
  }
}
