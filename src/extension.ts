import type * as vscode from 'vscode';

/**
 * The composition root: it constructs the features and registers them, and does nothing else. Any work that
 * can wait (reading the term map, building the matcher index) happens on first use.
 */
export function activate(_context: vscode.ExtensionContext): void {
  // Features register here as they land.
}

export function deactivate(): void {
  // Everything registered is disposed through context.subscriptions.
}
