import * as vscode from 'vscode';
import type { Lang } from '../core/glossary/types';

export type LanguageSetting = 'auto' | Lang;

/** The extension's settings, read once per change. */
export interface Config {
  /** Language of definitions: `auto` follows the term that was matched, then VS Code's display language. */
  readonly language: LanguageSetting;
  /** Whether hovers show definitions at all. */
  readonly hoverEnabled: boolean;
  /** Language ids where hovers are shown; empty means every language. */
  readonly hoverLanguages: readonly string[];
  /** Whether the explanation panel follows the editor's selection. */
  readonly followSelection: boolean;
  /** A folder with another model in the same layout; empty: the bundled model. Ignored in untrusted workspaces. */
  readonly modelPath: string;
  /** Minutes without a request before the model is unloaded; 0: keep it loaded. */
  readonly modelIdleMinutes: number;
  /** Language of chat answers: `auto` answers in the question's language. */
  readonly chatLanguage: LanguageSetting;
  /** The bundled model (offline), or the OpenAI-compatible server configured below. */
  readonly chatBackend: 'bundled' | 'server';
  readonly serverUrl: string;
  readonly serverModel: string;
  /** Earlier turns sent with a question (the saved conversation keeps them all). */
  readonly chatHistoryTurns: number;
  /** More glossary files or folders, besides each workspace folder's `.vscode/concepts.json`. */
  readonly glossaryPaths: readonly string[];
  /** Whether known terms are underlined in Markdown, plain text and comments. */
  readonly decorationsEnabled: boolean;
}

export const CONFIG_SECTION = 'conceptExplainer';

export function readConfig(): Config {
  const config = vscode.workspace.getConfiguration(CONFIG_SECTION);
  return {
    language: languageSetting(config.get<string>('language', 'auto')),
    hoverEnabled: config.get<boolean>('hover.enabled', true),
    hoverLanguages: config.get<string[]>('hover.languages', []).filter((id) => typeof id === 'string'),
    followSelection: config.get<boolean>('panel.followSelection', false),
    // Restricted Mode: a workspace must not point the extension at code or data of its choosing.
    modelPath: vscode.workspace.isTrusted ? config.get<string>('model.path', '').trim() : '',
    modelIdleMinutes: Math.max(0, config.get<number>('model.idleMinutes', 10)),
    chatLanguage: languageSetting(config.get<string>('chat.language', 'auto')),
    chatBackend: config.get<string>('chat.backend', 'bundled') === 'server' ? 'server' : 'bundled',
    serverUrl: config.get<string>('chat.server.url', '').trim(),
    serverModel: config.get<string>('chat.server.model', '').trim(),
    chatHistoryTurns: Math.max(0, Math.min(20, config.get<number>('chat.historyTurns', 4))),
    // A restricted setting: in Restricted Mode VS Code gives only the user's own value.
    glossaryPaths: config.get<string[]>('glossary.paths', []).filter((entry) => typeof entry === 'string' && entry.trim() !== ''),
    decorationsEnabled: config.get<boolean>('decorations.enabled', false),
  };
}

function languageSetting(value: string): LanguageSetting {
  return value === 'fr' || value === 'en' ? value : 'auto';
}

/** VS Code's display language reduced to one the glossary has. */
export function uiLang(): Lang {
  return vscode.env.language.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/** The language to show a concept in: the setting, else the matched form's language, else the UI's. */
export function displayLang(config: Config, matchedLang?: Lang): Lang {
  return config.language === 'auto' ? (matchedLang ?? uiLang()) : config.language;
}

/** A live snapshot of the settings, rebuilt when ours change. */
export class ConfigStore extends vscode.Disposable {
  private snapshot = readConfig();
  private readonly changed = new vscode.EventEmitter<Config>();
  readonly onDidChange = this.changed.event;
  private readonly listener: vscode.Disposable;

  constructor() {
    super(() => {
      this.listener.dispose();
      this.changed.dispose();
    });
    this.listener = vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(CONFIG_SECTION)) {
        this.snapshot = readConfig();
        this.changed.fire(this.snapshot);
      }
    });
  }

  get current(): Config {
    return this.snapshot;
  }
}
