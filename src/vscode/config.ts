import * as vscode from 'vscode';
import type { Lang } from '../core/glossary/types';
import { Disposable } from './dispose';
import { parseConfig, type Config, type LanguageSetting } from '../core/settings';

export type { Config, LanguageSetting } from '../core/settings';

export const CONFIG_SECTION = 'conceptExplainer';

export function readConfig(): Config {
  const config = vscode.workspace.getConfiguration(CONFIG_SECTION);
  return parseConfig(
    {
      value: (key) => config.get(key),
      userValue: (key) => {
        const inspected = config.inspect(key);
        return inspected?.globalValue ?? inspected?.defaultValue;
      },
    },
    vscode.workspace.isTrusted,
  );
}

/** The settings the extension writes itself (toggles and pickers), with the type of each value. */
export interface WritableSettings {
  'decorations.enabled': boolean;
  'panel.followSelection': boolean;
  'chat.language': LanguageSetting;
  'chat.backend': Config['chatBackend'];
  'chat.vscodeModel': string;
}

/** Writes one of our settings in the user's settings: the one way the extension changes a setting. */
export async function writeSetting<K extends keyof WritableSettings>(key: K, value: WritableSettings[K]): Promise<void> {
  await vscode.workspace.getConfiguration(CONFIG_SECTION).update(key, value, vscode.ConfigurationTarget.Global);
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
export class ConfigStore extends Disposable {
  private snapshot = readConfig();
  private readonly changed = this.register(new vscode.EventEmitter<Config>());
  readonly onDidChange = this.changed.event;

  constructor() {
    super();
    this.register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(CONFIG_SECTION)) {
          this.snapshot = readConfig();
          this.changed.fire(this.snapshot);
        }
      }),
    );
  }

  get current(): Config {
    return this.snapshot;
  }
}
