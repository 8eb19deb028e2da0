/** What the panel can show: a concept, or a text that matched none. */
export type PanelEntry = { readonly kind: 'concept'; readonly id: string } | { readonly kind: 'notFound'; readonly query: string };

/** Back/Forward navigation, like a browser's: a new entry drops the forward part. */
export class PanelHistory {
  private entries: PanelEntry[] = [];
  private index = -1;

  get current(): PanelEntry | undefined {
    return this.entries[this.index];
  }

  get canGoBack(): boolean {
    return this.index > 0;
  }

  get canGoForward(): boolean {
    return this.index < this.entries.length - 1;
  }

  push(entry: PanelEntry): void {
    if (this.current && sameEntry(this.current, entry)) {
      return;
    }
    this.entries = [...this.entries.slice(0, this.index + 1), entry].slice(-100);
    this.index = this.entries.length - 1;
  }

  /** Every entry, oldest first, and the one shown. */
  get all(): { entries: readonly PanelEntry[]; index: number } {
    return { entries: this.entries, index: this.index };
  }

  goTo(index: number): PanelEntry | undefined {
    if (index >= 0 && index < this.entries.length) {
      this.index = index;
    }
    return this.current;
  }

  back(): PanelEntry | undefined {
    if (this.canGoBack) {
      this.index--;
    }
    return this.current;
  }

  forward(): PanelEntry | undefined {
    if (this.canGoForward) {
      this.index++;
    }
    return this.current;
  }
}

function sameEntry(a: PanelEntry, b: PanelEntry): boolean {
  return a.kind === 'concept' ? b.kind === 'concept' && a.id === b.id : b.kind === 'notFound' && a.query === b.query;
}
