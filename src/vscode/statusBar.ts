import * as vscode from 'vscode';
import type { ModelState } from '../core/model/modelClient';
import { Commands } from './commandIds';
import { Disposable } from './dispose';
import type { ModelService } from './modelService';

/** Shows the model's state and opens the chat when clicked. */
export class ModelStatusBar extends Disposable {
  private readonly item = this.register(vscode.window.createStatusBarItem('conceptExplainer.model', vscode.StatusBarAlignment.Right, 100));

  constructor(model: ModelService) {
    super();
    this.item.name = vscode.l10n.t('Concept Explainer model');
    this.item.command = Commands.openChat;
    this.register(model.onDidChangeState((state) => this.show(state)));
    this.register(model.onDidReportSpeed((speed) => this.showSpeed(speed)));
    this.show(model.state);
    this.item.show();
  }

  /** While generating, the latest speed in tokens per second. */
  private showSpeed(tokensPerS: number): void {
    this.item.text = `$(sparkle) ${vscode.l10n.t('{0} tok/s', Math.round(tokensPerS))}`;
  }

  private show(state: ModelState): void {
    const labels: Record<ModelState, [string, string]> = {
      unloaded: ['$(circle-outline)', vscode.l10n.t('model not loaded')],
      loading: ['$(loading~spin)', vscode.l10n.t('loading the model')],
      ready: ['$(check)', vscode.l10n.t('model ready')],
      generating: ['$(sparkle)', vscode.l10n.t('generating')],
    };
    const [icon, label] = labels[state];
    this.item.text = `${icon} ${vscode.l10n.t('Concepts')}`;
    this.item.tooltip = `Concept Explainer: ${label}. ${vscode.l10n.t('Click to open the chat.')}`;
  }
}
