/**
 * The code actions of the terminology diagnostics (a VS Code adapter): a quick fix per diagnostic that replaces
 * exactly its range with the core's fix, and "fix all in file", both as a quick fix and as a `source.fixAll` action
 * (so that `editor.codeActionsOnSave` can run it). The replacements are the core's (`Finding.fixes`); this file only
 * turns them into workspace edits.
 */
import * as vscode from 'vscode';
import { fixAllTitle, quickFixTitle, type Finding } from '../terminology';
import { fixAllEdits } from './findingState';

/** The findings of a checked document as the diagnostics show them, and a fresh check of its current text. */
export interface CheckedDocument {
  readonly findings: readonly Finding[];
  checkNow(): Finding[];
}

/** `source.fixAll.transformersGlossary`: the kind `editor.codeActionsOnSave` names to fix every finding on save. */
const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('transformersGlossary');

/** "Fix all in file", whose edit is computed only when it is chosen: it checks the whole document again. */
class FixAllAction extends vscode.CodeAction {
  public constructor(
    title: string,
    kind: vscode.CodeActionKind,
    public readonly document: vscode.TextDocument,
  ) {
    super(title, kind);
  }
}

export class TerminologyCodeActions implements vscode.CodeActionProvider {
  public static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  public constructor(
    private readonly checked: (document: vscode.TextDocument) => CheckedDocument | undefined,
    private readonly source: string,
  ) {}

  public provideCodeActions(
    document: vscode.TextDocument,
    _range: vscode.Range | vscode.Selection,
    context: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    const checked = this.checked(document);
    if (!checked) return [];
    const fixable = checked.findings.filter((finding) => finding.fixes.length > 0).length;
    const actions: vscode.CodeAction[] = [];
    if (!context.only || context.only.contains(vscode.CodeActionKind.QuickFix)) {
      const ours = context.diagnostics.filter((diagnostic) => diagnostic.source === this.source);
      for (const diagnostic of ours) {
        const action = this.quickFix(document, diagnostic, checked.findings);
        if (action) actions.push(action);
      }
      if (actions.length > 0 && fixable > 1) {
        const fixAll = new FixAllAction(fixAllTitle(vscode.l10n), vscode.CodeActionKind.QuickFix, document);
        fixAll.diagnostics = ours;
        actions.push(fixAll);
      }
    }
    if (context.only?.contains(FIX_ALL_KIND) && fixable > 0) {
      actions.push(new FixAllAction(fixAllTitle(vscode.l10n), FIX_ALL_KIND, document));
    }
    return actions;
  }

  /** Fills in the edit of "fix all": the first fix of every finding of the document as it is now, in one edit. */
  public resolveCodeAction(action: vscode.CodeAction): vscode.CodeAction {
    if (!(action instanceof FixAllAction)) return action;
    const checked = this.checked(action.document);
    if (!checked) return action;
    const { document } = action;
    const edit = new vscode.WorkspaceEdit();
    for (const fix of fixAllEdits(checked.checkNow())) {
      edit.replace(
        document.uri,
        new vscode.Range(document.positionAt(fix.start), document.positionAt(fix.end)),
        fix.newText,
      );
    }
    action.edit = edit;
    return action;
  }

  /** The quick fix of one of our diagnostics, when its finding has a fix and its text is still what was flagged. */
  private quickFix(
    document: vscode.TextDocument,
    diagnostic: vscode.Diagnostic,
    findings: readonly Finding[],
  ): vscode.CodeAction | undefined {
    const start = document.offsetAt(diagnostic.range.start);
    const end = document.offsetAt(diagnostic.range.end);
    const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
    const finding = findings.find(
      (candidate) => candidate.start === start && candidate.end === end && candidate.code === code,
    );
    const fix = finding?.fixes[0];
    // An edit since the last check may have changed the flagged text: then the fix waits for the next check.
    if (!finding || !fix || document.getText(diagnostic.range) !== finding.text) return undefined;
    const action = new vscode.CodeAction(quickFixTitle(fix.newText, vscode.l10n), vscode.CodeActionKind.QuickFix);
    action.edit = new vscode.WorkspaceEdit();
    action.edit.replace(
      document.uri,
      new vscode.Range(document.positionAt(fix.start), document.positionAt(fix.end)),
      fix.newText,
    );
    action.diagnostics = [diagnostic];
    action.isPreferred = true;
    return action;
  }
}
