import * as vscode from 'vscode';
import type { GenerateOptions, GenerationResult, Prompt } from '../core/model/runtime';
import type { ModelClient, ModelState, ModelThread } from '../core/model/modelClient';
import { decodingOptionsFrom, type DecodingOverrides } from '../core/model/modelFormat';
import type { ConfigStore } from './config';
import { Disposable } from './dispose';
import type { ModelHost } from './host';

/**
 * The bundled model, or the one in `conceptExplainer.model.path`, loaded on first use, off the extension host's thread
 * where the host allows (see ModelHost).
 */
export class ModelService extends Disposable {
  private client: ModelClient | undefined;
  private clientKey = '';
  private readonly stateEmitter = this.register(new vscode.EventEmitter<ModelState>());
  readonly onDidChangeState = this.stateEmitter.event;
  private unsubscribe: (() => void) | undefined;
  private readonly speedEmitter = this.register(new vscode.EventEmitter<number>());
  /** Tokens per second while generating, about twice a second. */
  readonly onDidReportSpeed = this.speedEmitter.event;

  constructor(
    private readonly host: ModelHost,
    private readonly config: ConfigStore,
  ) {
    super();
    this.register(config.onDidChange(() => this.onConfigChange()));
    this.register({ dispose: () => void this.client?.dispose() });
  }

  get state(): ModelState {
    return this.client?.currentState ?? 'unloaded';
  }

  /** Where the model runs, once started. */
  get thread(): ModelThread | undefined {
    return this.client?.thread;
  }

  /** The folder the model is read from. */
  get modelDir(): string {
    return this.host.modelDir(this.config.current.modelPath);
  }

  /** Decoding options from the model folder's generation_config.json, with `overrides` (see decodingOptionsFrom). */
  async decodingOptions(overrides: DecodingOverrides = {}): Promise<GenerateOptions> {
    return decodingOptionsFrom(await this.host.generationDefaults(this.modelDir), overrides);
  }

  generate(prompt: Prompt, options: GenerateOptions, onText: (text: string) => void, signal?: AbortSignal): Promise<GenerationResult> {
    // Tokens, not pieces of text, counted from the first one: the prompt's processing is not decoding.
    let since: { at: number; tokens: number } | undefined;
    const counting = (text: string, tokens: number) => {
      const now = performance.now();
      since ??= { at: now, tokens };
      if (now - since.at > 500 && tokens > since.tokens) {
        this.speedEmitter.fire(((tokens - since.tokens) * 1000) / (now - since.at));
        since = { at: now, tokens };
      }
      onText(text);
    };
    return this.current().generate(prompt, options, counting, signal);
  }

  /** Loads the model ahead of the first question (the chat view has opened, so one is likely). */
  preload(): Promise<void> {
    return this.current().preload();
  }

  /** The settings a worker is started with; a change means a new worker. */
  private settingsKey(): string {
    return `${this.modelDir}|${this.config.current.modelIdleMinutes}`;
  }

  private current(): ModelClient {
    const key = this.settingsKey();
    if (!this.client || key !== this.clientKey) {
      void this.client?.dispose();
      this.unsubscribe?.();
      this.client = this.host.createClient(this.modelDir, this.config.current.modelIdleMinutes * 60_000);
      this.clientKey = key;
      this.unsubscribe = this.client.onStateChange((state) => this.stateEmitter.fire(state));
    }
    return this.client;
  }

  /** A new model folder or idle time applies from the next request; the old worker is let go now. */
  private onConfigChange(): void {
    if (this.client && this.settingsKey() !== this.clientKey && this.state !== 'generating') {
      void this.client.dispose();
      this.client = undefined;
      this.stateEmitter.fire('unloaded');
    }
  }
}
