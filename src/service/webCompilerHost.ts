/**
 * The web face of the compiler seam: in the web worker extension host, custom and discovered glossaries compile in a
 * nested Web Worker running dist/web/compileWorker.js, so that a large or hostile glossary is stopped by a time limit
 * (which no code on the calling thread can have) and never delays other extensions' answers. It speaks the protocol
 * of ./compilerHost.ts, checks every answer with `readCompileResponse`, and runs one compilation at a time, in order.
 * When no worker can be started, it compiles on the calling thread up to a size bound, like the Node host.
 *
 * Pure: no `vscode`, no DOM types. The composition root (src/extensionWeb.ts) passes the function that starts a
 * worker; VS Code's web extension host turns an extension's script URL into a same-origin worker.
 */
import type { CompileOptions, GlossarySource } from '../glossary';
import {
  CompileQueue,
  DEFAULT_COMPILE_TIME_LIMIT_MS,
  InThreadCompilerHost,
  readCompileResponse,
  sourceBytes,
  timeoutOutcome,
  transferableBuffers,
  unsentOutcome,
  type CompileOutcome,
  type CompileRequest,
  type GlossaryCompilerHost,
} from './compilerHost';

/** The part of a Web Worker this host uses. */
export interface MessageWorker {
  postMessage(message: unknown, transfer?: ArrayBuffer[]): void;
  terminate(): void;
  onmessage: ((event: { readonly data: unknown }) => void) | null;
  onmessageerror: ((event: unknown) => void) | null;
  onerror: ((event: { readonly message?: string; preventDefault?(): void }) => void) | null;
}

export interface WebCompilerHostOptions {
  /** Starts a worker running the compile worker's script; throws (or rejects) when the host cannot start one. */
  readonly createWorker: () => MessageWorker | Promise<MessageWorker>;
  readonly timeLimitMs?: number;
  /** The most compiled on the calling thread when no worker can be started. */
  readonly inThreadFallbackBytes: number;
  /** After compiling more than this, the worker is stopped, so that its grown heap is given back. */
  readonly recycleAfterBytes?: number;
}

export class WebCompilerHost implements GlossaryCompilerHost {
  private worker: MessageWorker | undefined;
  /** A worker being started (by `prepare` or the first compilation), so that two callers never start two. */
  private starting: Promise<MessageWorker> | undefined;
  private finishRunning: ((outcome: CompileOutcome) => void) | undefined;
  private readonly queue = new CompileQueue();
  private nextId = 0;
  private disposed = false;
  private readonly timeLimitMs: number;
  private readonly fallback: InThreadCompilerHost;

  public constructor(private readonly options: WebCompilerHostOptions) {
    this.timeLimitMs = options.timeLimitMs ?? DEFAULT_COMPILE_TIME_LIMIT_MS;
    this.fallback = new InThreadCompilerHost(options.inThreadFallbackBytes);
  }

  public compile(sources: readonly GlossarySource[], options: CompileOptions = {}): Promise<CompileOutcome> {
    return this.queue.run(() => this.run(sources, options));
  }

  /**
   * Starts the worker now, if none runs or is starting: fetching its script and loading the compiler into a fresh
   * worker is most of the first compilation's time, and can overlap reading the glossary files. A worker that cannot
   * start is left to `compile`, which tries again and says why.
   */
  public prepare(): void {
    if (this.disposed || this.worker || this.starting) return;
    this.obtainWorker().catch(() => undefined);
  }

  public dispose(): void {
    this.disposed = true;
    this.finishRunning?.({ ok: false, reason: 'disposed', detail: 'the extension is shutting down' });
    this.stopWorker();
  }

  private async run(sources: readonly GlossarySource[], options: CompileOptions): Promise<CompileOutcome> {
    if (this.disposed) return { ok: false, reason: 'disposed', detail: 'the compiler host was disposed' };
    let worker: MessageWorker;
    try {
      worker = await this.obtainWorker();
    } catch (error) {
      if (this.disposed) return { ok: false, reason: 'disposed', detail: 'the compiler host was disposed' };
      const why = error instanceof Error ? error.message : String(error);
      const outcome = await this.fallback.compile(sources, options);
      return outcome.ok
        ? { ...outcome, fallback: why }
        : { ok: false, reason: 'unavailable', detail: `${why}; ${outcome.detail}` };
    }
    const id = ++this.nextId;
    // Measured before posting: the transfer empties the caller's arrays.
    const bytes = sourceBytes(sources);
    return new Promise<CompileOutcome>((resolve) => {
      const finish = (outcome: CompileOutcome): void => {
        if (this.finishRunning !== finish) return;
        this.finishRunning = undefined;
        clearTimeout(timer);
        worker.onmessage = null;
        worker.onmessageerror = null;
        worker.onerror = null;
        // A worker that failed, ran too long or spoke out of turn is not trusted with the next compilation, and one
        // that compiled a large input gives its memory back.
        if (!outcome.ok || bytes > (this.options.recycleAfterBytes ?? 1_048_576)) this.stopWorker();
        resolve(outcome);
      };
      this.finishRunning = finish;
      const timer = setTimeout(() => finish(timeoutOutcome(this.timeLimitMs)), this.timeLimitMs);
      worker.onmessage = (event) => finish(readCompileResponse(event.data, id));
      worker.onmessageerror = () =>
        finish({ ok: false, reason: 'invalid-message', detail: 'the worker sent a message that cannot be read' });
      worker.onerror = (event) => {
        // The error is reported here, as a failure of this compilation; it must not also reach the host's console.
        event.preventDefault?.();
        finish({ ok: false, reason: 'crashed', detail: (event.message ?? 'the worker failed').slice(0, 500) });
      };
      // The alignment reference travels with the request, as to the Node worker (checked there by the protocol).
      const request: CompileRequest = {
        type: 'compile',
        id,
        sources,
        ...(options.reference ? { reference: options.reference } : {}),
      };
      try {
        worker.postMessage(request, transferableBuffers(sources));
      } catch (error) {
        finish(unsentOutcome(error));
      }
    });
  }

  /** The running worker, or the one being started, or a new one. */
  private obtainWorker(): Promise<MessageWorker> {
    if (this.worker) return Promise.resolve(this.worker);
    if (this.starting) return this.starting;
    // Called on a later turn, so that a `createWorker` that throws at once rejects this promise like one that fails
    // later, and the promise is in place before it settles.
    const starting = Promise.resolve()
      .then(() => this.options.createWorker())
      .then((worker) => {
        // The host may have been disposed while the script was fetched: such a worker would never be stopped.
        if (this.disposed) {
          worker.terminate();
          throw new Error('the compiler host was disposed');
        }
        this.worker = worker;
        return worker;
      })
      .finally(() => {
        if (this.starting === starting) this.starting = undefined;
      });
    this.starting = starting;
    return starting;
  }

  private stopWorker(): void {
    const worker = this.worker;
    this.worker = undefined;
    worker?.terminate();
  }
}
