import * as vscode from 'vscode';
import { Disposable } from './dispose';
import { hasProse, proseSpans, type TextSpan } from '../core/matching/prose';
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
    const glossary = this.config.current.decorationsEnabled && hasProse(document.languageId) ? this.glossary.get() : undefined;
    if (!glossary) {
      editor.setDecorations(this.type, []);
      return;
    }
    const text = document.getText();
    const terms: DecoratedTerm[] = [];
    const ranges: vscode.Range[] = [];
    for (const [from, to] of this.visibleSpans(editor, proseSpans(text, document.languageId))) {
      for (const match of glossary.matcher.findAll(text.slice(from, to))) {
        const range = new vscode.Range(document.positionAt(from + match.start), document.positionAt(from + match.end));
        ranges.push(range);
        terms.push({ line: range.start.line, start: range.start.character, end: range.end.character, conceptId: match.forms[0]!.conceptId });
      }
    }
    editor.setDecorations(this.type, ranges);
    this.decorated.set(document.uri.toString(), terms);
  }

  /** The prose spans cut to the visible lines (plus a margin). */
  private visibleSpans(editor: vscode.TextEditor, spans: readonly TextSpan[]): Array<[number, number]> {
    const document = editor.document;
    const windows = editor.visibleRanges.map((range) => {
      const first = Math.max(0, range.start.line - MARGIN_LINES);
      const last = Math.min(document.lineCount - 1, range.end.line + MARGIN_LINES);
      return [document.offsetAt(new vscode.Position(first, 0)), document.offsetAt(document.lineAt(last).range.end)] as const;
    });
    const result: Array<[number, number]> = [];
    for (const [start, end] of spans) {
      for (const [low, high] of windows) {
        const from = Math.max(start, low);
        const to = Math.min(end, high);
        if (from < to) result.push([from, to]);
      }
    }
    return result;
  }
}
