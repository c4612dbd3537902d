/**
 * The hover feature (a VS Code adapter): registers the glossary hover for the configured languages and wraps the pure
 * hover content of ./hoverContent.ts in a vscode.Hover.
 */
import * as vscode from 'vscode';
import { termAtPosition } from '../editor/termAt';
import { languageName } from '../glossary';
import { Commands } from '../ids';
import type { GlossaryService } from '../service/glossaryService';
import { Disposable } from '../util/dispose';
import { hoverMarkdown, type HoverStrings } from './hoverContent';

/** The languages that always get hovers; `transformersGlossary.hover.additionalLanguages` adds more. */
const HOVER_LANGUAGES: readonly string[] = ['python', 'markdown'];

/**
 * The URI schemes hovers are offered in: files on disk, unsaved editors, Jupyter notebook cells, the virtual file
 * systems of remote repositories (github.dev's `vscode-vfs`: the manifest declares virtual workspaces supported, and
 * a hover only reads the open document), and `vscode-remote`, which is how a workspace's files look to the web
 * extension host when the files live on a server (Codespaces and code-server in the browser; the web tier found it).
 * Output panes, diff views of git history and settings editors stay quiet.
 */
const HOVER_SCHEMES: readonly string[] = ['file', 'untitled', 'vscode-notebook-cell', 'vscode-vfs', 'vscode-remote'];

/** The document selector for a list of language ids. */
function hoverSelector(languages: readonly string[]): vscode.DocumentFilter[] {
  const unique = [...new Set([...HOVER_LANGUAGES, ...languages])];
  return unique.flatMap((language) => HOVER_SCHEMES.map((scheme) => ({ language, scheme })));
}

function localizedHoverStrings(): HoverStrings {
  const uiLanguage = vscode.env.language;
  return {
    openEntry: vscode.l10n.t('Open entry'),
    openOnHub: vscode.l10n.t('Open on huggingface.co'),
    identifiers: vscode.l10n.t('Identifiers'),
    abbreviations: vscode.l10n.t('Abbreviation'),
    fallbackNote: (shown, requested) =>
      vscode.l10n.t(
        'Shown in {0} because this term has no {1} entry.',
        languageName(shown, uiLanguage, 'mid-sentence'),
        languageName(requested, uiLanguage, 'mid-sentence'),
      ),
  };
}

class GlossaryHoverProvider implements vscode.HoverProvider {
  private readonly strings = localizedHoverStrings();

  public constructor(private readonly glossary: GlossaryService) {}

  public async provideHover(
    document: vscode.TextDocument,
    position: vscode.Position,
    token: vscode.CancellationToken,
  ): Promise<vscode.Hover | undefined> {
    // The bundled term map is read on first use; the first hover waits for it (later ones find it read), and for the
    // first load of the repository's glossary if it is still running, for a bounded time: a translator's first hover
    // shows their own wording. A broken or slow glossary is not waited for beyond the bound (FIRST_LOAD_WAIT_MS).
    await this.glossary.whenFirstLoadSettled();
    if (token.isCancellationRequested) return undefined;
    // The snapshot of this moment is read once: a settings change during the hover cannot mix two states.
    const glossary = this.glossary.snapshot();
    // The matcher reads only the hovered line. (A Markdown document's fence layout is read once per version.)
    const found = termAtPosition(document, position, glossary);
    if (!found || token.isCancellationRequested) return undefined;
    const markdown = new vscode.MarkdownString(hoverMarkdown(found.term, glossary, this.strings));
    // Glossary text is escaped, and on top of that only our own command may run from a link; HTML stays off.
    markdown.isTrusted = { enabledCommands: [Commands.openEntry] };
    markdown.supportHtml = false;
    markdown.supportThemeIcons = false;
    return new vscode.Hover(
      markdown,
      new vscode.Range(position.line, found.match.start, position.line, found.match.end),
    );
  }
}

/**
 * Registers the glossary hover for Python, Markdown and the languages listed in the settings, and registers it again
 * whenever those settings change (or removes it while hovers are turned off).
 */
export function registerHover(glossary: GlossaryService): HoverRegistration {
  return new HoverRegistration(glossary);
}

export class HoverRegistration extends Disposable {
  private registration: vscode.Disposable | undefined;
  private selector: vscode.DocumentSelector | undefined;
  private readonly provider: GlossaryHoverProvider;
  private warmUp: ReturnType<typeof setTimeout> | undefined;
  private warmedUp = false;
  /** Whether the term map and the matcher are ready for the first hover (the bench waits on it). */
  public prepared = false;

  public constructor(private readonly glossary: GlossaryService) {
    super();
    this.provider = new GlossaryHoverProvider(glossary);
    this.update();
    this._register({
      dispose: () => {
        this.registration?.dispose();
        clearTimeout(this.warmUp);
      },
    });
    this._register(vscode.window.onDidChangeActiveTextEditor((editor) => this.prepareFor(editor)));
    // A new term map (the repository's glossary arrived, a setting changed) needs its own matcher: once hovers are
    // being prepared for, it is built in a timer too, rather than by the next hover.
    this._register(
      glossary.onDidChange(() => {
        if (this.warmedUp) this.scheduleWarmUp();
      }),
    );
    this._register(
      glossary.onDidChangeSettings((change) => {
        if (change.hoverRegistration) this.update();
      }),
    );
  }

  private update(): void {
    this.registration?.dispose();
    this.registration = undefined;
    this.selector = undefined;
    const config = this.glossary.settings;
    if (!config.hoverEnabled) return;
    this.selector = hoverSelector(config.hoverAdditionalLanguages);
    this.registration = vscode.languages.registerHoverProvider(this.selector, this.provider);
    this.prepareFor(vscode.window.activeTextEditor);
  }

  /**
   * Once an editor a hover can come from is shown, reads the term map and builds the matcher index (and runs the
   * matcher once) in a timer of their own, after the event that showed the editor: otherwise the first hover pays for
   * them, tens of milliseconds, more than VS Code's own hover round trip. Activation itself still does none of it.
   */
  private prepareFor(editor: vscode.TextEditor | undefined): void {
    if (this.warmedUp || editor === undefined || this.selector === undefined) return;
    if (vscode.languages.match(this.selector, editor.document) === 0) return;
    this.warmedUp = true;
    this.scheduleWarmUp();
  }

  /**
   * Builds the matcher of the current snapshot in a timer. It waits for the load of the custom and repository
   * glossaries first: a matcher built for the bundled term map alone while the repository's glossary is compiling
   * would be thrown away when it arrives (each build is tens of milliseconds of the extension host's thread).
   */
  private scheduleWarmUp(): void {
    clearTimeout(this.warmUp);
    this.prepared = false;
    this.warmUp = setTimeout(() => {
      const build = (): void => {
        if (this.isDisposed) return;
        this.glossary.snapshot().matcher.findTermAt('attention_mask', 0, 'code');
        this.prepared = true;
      };
      void this.glossary.whenCustomGlossariesLoaded().then(build, build);
    }, 0);
  }
}
