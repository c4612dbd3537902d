import type * as vscode from 'vscode';

/** Disposes every item, continuing past failures so that one broken disposable cannot leak the others. */
export function disposeAll(disposables: Iterable<vscode.Disposable>): void {
  const errors: unknown[] = [];
  for (const disposable of disposables) {
    try {
      disposable.dispose();
    } catch (error) {
      errors.push(error);
    }
  }
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new AggregateError(errors, 'Several disposables failed to dispose.');
}

/**
 * A base class for objects that own other disposables. Whatever is passed to `_register` is disposed together with
 * the owner, so that a feature can never forget one of its listeners.
 */
export abstract class Disposable implements vscode.Disposable {
  private _isDisposed = false;
  private readonly _disposables: vscode.Disposable[] = [];

  public dispose(): void {
    if (this._isDisposed) return;
    this._isDisposed = true;
    disposeAll(this._disposables.splice(0));
  }

  protected get isDisposed(): boolean {
    return this._isDisposed;
  }

  protected _register<T extends vscode.Disposable>(value: T): T {
    // Registering on a disposed owner would leak the value, so it is released at once instead.
    if (this._isDisposed) value.dispose();
    else this._disposables.push(value);
    return value;
  }
}
