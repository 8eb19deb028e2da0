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
}

export const CONFIG_SECTION = 'conceptExplainer';

export function readConfig(): Config {
  const config = vscode.workspace.getConfiguration(CONFIG_SECTION);
  const language = config.get<string>('language', 'auto');
  return {
    language: language === 'fr' || language === 'en' ? language : 'auto',
    hoverEnabled: config.get<boolean>('hover.enabled', true),
    hoverLanguages: config.get<string[]>('hover.languages', []).filter((id) => typeof id === 'string'),
    followSelection: config.get<boolean>('panel.followSelection', false),
  };
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
