import * as vscode from 'vscode';
import { Disposable } from './dispose';
import { hasProse } from '../core/matching/prose';
import { Commands } from './commandIds';
import { writeSetting, type ConfigStore } from './config';
import type { GlossaryService } from './glossaryService';

/** Lines around the visible ones that are decorated too, so scrolling a little shows them at once. */
const MARGIN_LINES = 100;
/** Waits this long after typing or scrolling before decorating again. */
const UPDATE_DELAY_MS = 150;

/** A term underlined in an editor, for tests. */
export interface DecoratedTerm {
  readonly line: number;
  readonly start: number;
  readonly end: number;
  readonly conceptId: string;
}

/**
 * Underlines the glossary's terms in Markdown, plain text and code comments when the setting asks for it
 * (off by default). Only the visible part of each editor is decorated, so a huge file costs no more than a
 * small one. The hover provider already answers on those terms.
 */
export class TermDecorations extends Disposable {
  private readonly type = this.register(vscode.window.createTextEditorDecorationType({ textDecoration: 'underline dotted' }));
  private readonly decorated = new Map<string, DecoratedTerm[]>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly glossary: GlossaryService,
    private readonly config: ConfigStore,
  ) {
    super();
    const schedule = () => this.schedule();
    this.register({ dispose: () => clearTimeout(this.timer) });
    [
      config.onDidChange(schedule),
      glossary.onDidChange(schedule),
      vscode.window.onDidChangeVisibleTextEditors(schedule),
      vscode.window.onDidChangeTextEditorVisibleRanges(schedule),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (vscode.window.visibleTextEditors.some((editor) => editor.document === event.document)) schedule();
      }),
      vscode.commands.registerCommand(Commands.toggleDecorations, () => this.toggle()),
    ].forEach((subscription) => this.register(subscription));
    if (config.current.decorationsEnabled) this.schedule();
  }

  /** The terms underlined in a document now (empty when the setting is off). */
  termsIn(uri: vscode.Uri): readonly DecoratedTerm[] {
    return this.decorated.get(uri.toString()) ?? [];
  }

  /** Decorates now, without waiting: for the toggle command and for tests. */
  update(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.decorated.clear();
    for (const editor of vscode.window.visibleTextEditors) this.decorate(editor);
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.update(), UPDATE_DELAY_MS);
  }

  private async toggle(): Promise<boolean> {
    const enabled = !this.config.current.decorationsEnabled;
    await writeSetting('decorations.enabled', enabled);
    return enabled;
  }

  private decorate(editor: vscode.TextEditor): void {
    const document = editor.document;
    const reading = this.config.current.decorationsEnabled && hasProse(document.languageId) ? this.glossary.readingOf(document) : undefined;
    if (!reading) {
      editor.setDecorations(this.type, []);
      return;
    }
    const terms: DecoratedTerm[] = [];
    const ranges: vscode.Range[] = [];
    for (const [first, last] of this.visibleLines(editor)) {
      // What hovers show, in prose only (comments, docstrings, Markdown text), without overlapping underlines.
      for (const hit of reading.hits(first, last + 1)) {
        const previous = terms[terms.length - 1];
        if (hit.zone !== 'prose' || (previous && previous.line === hit.line && hit.start < previous.end)) continue;
        ranges.push(new vscode.Range(hit.line, hit.start, hit.line, hit.end));
        terms.push({ line: hit.line, start: hit.start, end: hit.end, conceptId: hit.concept.id });
      }
    }
    editor.setDecorations(this.type, ranges);
    this.decorated.set(document.uri.toString(), terms);
  }

  /** The visible lines (plus a margin), as `[first, last]` ranges that do not overlap. */
  private visibleLines(editor: vscode.TextEditor): Array<[number, number]> {
    const lastLine = editor.document.lineCount - 1;
    const ranges = editor.visibleRanges
      .map((range): [number, number] => [Math.max(0, range.start.line - MARGIN_LINES), Math.min(lastLine, range.end.line + MARGIN_LINES)])
      .sort((a, b) => a[0] - b[0]);
    const merged: Array<[number, number]> = [];
    for (const range of ranges) {
      const previous = merged[merged.length - 1];
      if (previous && range[0] <= previous[1] + 1) previous[1] = Math.max(previous[1], range[1]);
      else merged.push(range);
    }
    return merged;
  }
}
