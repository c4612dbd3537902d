/**
 * A language client for the protocol tests: starts the built server (dist/lsp.js, or another command) as a child
 * process and speaks JSON-RPC to it over stdio with vscode-jsonrpc, as an editor would. It records what the server
 * pushes (diagnostics, log and window messages) so that tests can wait for a condition on them.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  StreamMessageReader,
  StreamMessageWriter,
  createMessageConnection,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import type { Hover, InitializeResult, MarkupContent } from 'vscode-languageserver-protocol';
import { repoRoot } from '../helpers/repoRoot';

const SERVER = path.join(repoRoot(), 'dist', 'lsp.js');

export interface PublishedDiagnostics {
  readonly uri: string;
  readonly version?: number;
  readonly diagnostics: readonly {
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    message: string;
    severity?: number;
    code?: string | number;
    data?: unknown;
  }[];
}

export interface StartOptions {
  /** The command that starts the server (default: this Node running dist/lsp.js --stdio). */
  readonly command?: readonly string[];
  readonly initializationOptions?: unknown;
  readonly rootPath?: string;
  readonly locale?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Client capabilities to announce (default: none beyond the basics). */
  readonly capabilities?: object;
}

export class TestClient {
  public readonly diagnostics = new Map<string, PublishedDiagnostics>();
  public readonly messages: { type: number; message: string }[] = [];
  public readonly logs: string[] = [];
  public stderr = '';
  public exited: number | null | undefined;
  private readonly waiters = new Set<() => void>();

  private constructor(
    public readonly process: ChildProcessWithoutNullStreams,
    public readonly connection: MessageConnection,
  ) {}

  /** Starts the server and completes the initialize handshake. */
  public static async start(options: StartOptions = {}): Promise<{ client: TestClient; initialize: InitializeResult }> {
    const [command, ...args] = options.command ?? [process.execPath, SERVER, '--stdio'];
    const child = spawn(command!, args, {
      cwd: options.rootPath ?? repoRoot(),
      env: { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const connection = createMessageConnection(
      new StreamMessageReader(child.stdout),
      new StreamMessageWriter(child.stdin),
    );
    const client = new TestClient(child, connection);
    child.stderr.on('data', (chunk: Buffer) => (client.stderr += chunk.toString()));
    child.on('exit', (code) => {
      client.exited = code;
      client.notify();
    });
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishedDiagnostics) => {
      client.diagnostics.set(params.uri, params);
      client.notify();
    });
    connection.onNotification('window/showMessage', (params: { type: number; message: string }) => {
      client.messages.push(params);
      client.notify();
    });
    connection.onNotification('window/logMessage', (params: { message: string }) => {
      client.logs.push(params.message);
      client.notify();
    });
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('workspace/configuration', () => [null]);
    connection.listen();
    const rootUri = pathToFileURL(options.rootPath ?? repoRoot()).href;
    const initialize = await connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'root' }],
      capabilities: options.capabilities ?? {},
      initializationOptions: options.initializationOptions,
      locale: options.locale,
    });
    await connection.sendNotification('initialized', {});
    return { client, initialize };
  }

  /** Resolves when `predicate` holds, re-checked whenever the server sends something; rejects after `timeoutMs`. */
  public waitFor<T>(predicate: () => T | undefined | false, what: string, timeoutMs = 20_000): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = (): void => {
        const value = predicate();
        if (value !== undefined && value !== false) {
          cleanup();
          resolve(value);
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`timed out waiting for ${what}; stderr: ${this.stderr.slice(-2000)}`));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
      check();
    });
  }

  public open(uri: string, languageId: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId, version, text },
    });
  }

  public hover(uri: string, line: number, character: number): Promise<Hover | null> {
    return this.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } });
  }

  /** The Markdown of the hover at a position, or undefined when there is none. */
  public async hoverText(uri: string, line: number, character: number): Promise<string | undefined> {
    const hover = await this.hover(uri, line, character);
    return hover ? (hover.contents as MarkupContent).value : undefined;
  }

  /** A request with a typed answer. */
  public request<T>(method: string, params?: object): Promise<T> {
    return this.connection.sendRequest<T>(method, params);
  }

  /** Shuts the server down politely, then makes sure the process is gone. */
  public async stop(): Promise<void> {
    if (this.exited === undefined) {
      try {
        await this.connection.sendRequest('shutdown');
        await this.connection.sendNotification('exit');
        await this.waitFor(() => this.exited !== undefined, 'the server to exit', 5000);
      } catch {
        this.process.kill();
      }
    }
    this.connection.dispose();
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) waiter();
  }
}

/** A file URI under the repository for a document that exists only in the client. */
export function docUri(...segments: string[]): string {
  return pathToFileURL(path.join(repoRoot(), ...segments)).href;
}
