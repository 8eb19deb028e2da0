import type { Lang } from './glossary/types';

export type LanguageSetting = 'auto' | Lang;

/** Where hovers show definitions: everywhere, only in comments, strings and prose, or only when asked (Explain Selection). */
export type HoverWhere = 'everywhere' | 'prose' | 'onDemand';

/** The extension's settings, read once per change, every value checked. */
export interface Config {
  /** Language of definitions: `auto` follows the term that was matched, then VS Code's display language. */
  readonly language: LanguageSetting;
  /** Whether hovers show definitions at all. */
  readonly hoverEnabled: boolean;
  /** Language ids where hovers are shown; empty means every language. */
  readonly hoverLanguages: readonly string[];
  /** Where in a document hovers show: everywhere, only in comments, strings and prose, or never (Explain Selection only). */
  readonly hoverWhere: HoverWhere;
  /** Whether the Markdown preview and notebooks' Markdown cells mark the glossary's terms. */
  readonly previewEnabled: boolean;
  /** Whether the explanation panel follows the editor's selection. */
  readonly followSelection: boolean;
  /** A folder with another model in the same layout; empty: the bundled model. Ignored in untrusted workspaces. */
  readonly modelPath: string;
  /** Minutes without a request before the model is unloaded; 0: keep it loaded. At most a day. */
  readonly modelIdleMinutes: number;
  /** Language of chat answers: `auto` answers in the question's language. */
  readonly chatLanguage: LanguageSetting;
  /** The bundled model (offline), or the OpenAI-compatible server configured below. */
  readonly chatBackend: 'bundled' | 'server' | 'vscode';
  readonly serverUrl: string;
  readonly serverModel: string;
  /** Earlier turns sent with a question (the saved conversation keeps them all). */
  readonly chatHistoryTurns: number;
  /** More glossary files or folders, besides each workspace folder's `.vscode/concepts.json`. */
  readonly glossaryPaths: readonly string[];
  /** User glossary files larger than this many kilobytes are not read. */
  readonly glossaryMaxFileKB: number;
  /** `@concepts` in VS Code's chat answers with the model picked there instead of the bundled one. */
  readonly participantUsesChatModel: boolean;
  /** The VS Code language model of the side view's `vscode` backend (id, family or name; empty: the first). */
  readonly vscodeModel: string;
  /** Whether known terms are underlined in Markdown, plain text and comments. */
  readonly decorationsEnabled: boolean;
}

/** Where a value comes from: every scope merged, or the user's own settings only. */
export interface SettingsSource {
  value(key: string): unknown;
  userValue(key: string): unknown;
}

/** The longest idle time the timer can hold is about 24 days; a day is plenty, and safe. */
const MAX_IDLE_MINUTES = 24 * 60;
const MAX_LIST = 200;
const MAX_TEXT = 2000;

/**
 * The settings, each value checked for its type and range: a wrong one (`"hover.languages": "python"`, a
 * model name that is a number) falls back to its default instead of stopping the extension. In an untrusted
 * workspace, the settings that could send data elsewhere or load code come from the user's own settings only.
 */
export function parseConfig(source: SettingsSource, trusted: boolean): Config {
  const scoped = (key: string) => (trusted ? source.value(key) : source.userValue(key));
  return {
    language: languageSetting(source.value('language')),
    hoverEnabled: bool(source.value('hover.enabled'), true),
    hoverLanguages: strings(source.value('hover.languages')),
    hoverWhere: hoverWhereSetting(source.value('hover.where')),
    previewEnabled: bool(source.value('preview.enabled'), true),
    followSelection: bool(source.value('panel.followSelection'), false),
    // Restricted Mode: a workspace must not point the extension at code or data of its choosing.
    modelPath: trusted ? text(source.value('model.path')) : '',
    modelIdleMinutes: number(source.value('model.idleMinutes'), 10, 0, MAX_IDLE_MINUTES),
    chatLanguage: languageSetting(source.value('chat.language')),
    chatBackend: backendSetting(scoped('chat.backend')),
    serverUrl: text(scoped('chat.server.url')),
    serverModel: text(scoped('chat.server.model')),
    chatHistoryTurns: Math.round(number(source.value('chat.historyTurns'), 4, 0, 20)),
    glossaryPaths: strings(scoped('glossary.paths')).filter((entry) => entry.trim() !== ''),
    // A workspace may lower the limit, never raise it.
    glossaryMaxFileKB: Math.min(number(source.userValue('glossary.maxFileSizeKB'), 2048, 1, 51_200), number(source.value('glossary.maxFileSizeKB'), 2048, 1, 51_200)),
    participantUsesChatModel: bool(scoped('participant.useChatModel'), false),
    vscodeModel: text(scoped('chat.vscodeModel')),
    decorationsEnabled: bool(source.value('decorations.enabled'), false),
  };
}

function backendSetting(value: unknown): Config['chatBackend'] {
  return value === 'server' || value === 'vscode' ? value : 'bundled';
}

function hoverWhereSetting(value: unknown): HoverWhere {
  return value === 'prose' || value === 'onDemand' ? value : 'everywhere';
}

function languageSetting(value: unknown): LanguageSetting {
  return value === 'fr' || value === 'en' ? value : 'auto';
}

function bool(value: unknown, fallback: boolean): boolean {
  return typeof value === 'boolean' ? value : fallback;
}

function number(value: unknown, fallback: number, min: number, max: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : fallback;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim().slice(0, MAX_TEXT) : '';
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string').slice(0, MAX_LIST).map((item) => item.slice(0, MAX_TEXT)) : [];
}
