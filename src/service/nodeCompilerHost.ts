/**
 * The Node face of the compiler seam: custom glossaries compile in a `worker_threads` Worker that runs
 * dist/compileWorker.js, so that a large or slow glossary never blocks the extension host's thread. The host does
 * not import `vscode`, so the unit tests and the benchmark drive it in plain Node.
 */
import * as fs from 'node:fs';
import { Worker } from 'node:worker_threads';
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

/**
 * The worker's old-generation heap. The compiler's peak is about 300 bytes of heap per byte of input, so the 4 MB
 * size limit needs about 1.2 GB; a hostile file that expands far more stops the worker, not the editor.
 */
const DEFAULT_COMPILE_MEMORY_MB = 2_048;

/**
 * After compiling more than this, the worker is stopped once it has answered, so that the hundreds of megabytes its
 * heap grew to go back to the system instead of staying with an idle thread of the editor. Smaller compiles (every
 * real glossary) reuse the worker.
 */
const RECYCLE_AFTER_BYTES = 1_048_576;

const IN_THREAD_FALLBACK_BYTES = 1_048_576;

export interface NodeCompilerHostOptions {
  /** The worker's script: dist/compileWorker.js in the extension. */
  readonly workerFile: string;
  readonly timeLimitMs?: number;
  readonly memoryLimitMb?: number;
  readonly inThreadFallbackBytes?: number;
  readonly recycleAfterBytes?: number;
}

interface Running {
  readonly finish: (outcome: CompileOutcome) => void;
}

/**
 * One worker, started on the first compile, reused for the next ones and started again after it was stopped (time
 * limit, memory limit, crash, or a message that is not a compile result). Compilations run one at a time, in order.
 */
export class NodeCompilerHost implements GlossaryCompilerHost {
  private worker: Worker | undefined;
  private running: Running | undefined;
  private readonly queue = new CompileQueue();
  private nextId = 0;
  private disposed = false;
  private readonly timeLimitMs: number;
  private readonly memoryLimitMb: number;
  private readonly fallback: InThreadCompilerHost;

  public constructor(private readonly options: NodeCompilerHostOptions) {
    this.timeLimitMs = options.timeLimitMs ?? DEFAULT_COMPILE_TIME_LIMIT_MS;
    this.memoryLimitMb = options.memoryLimitMb ?? DEFAULT_COMPILE_MEMORY_MB;
    this.fallback = new InThreadCompilerHost(options.inThreadFallbackBytes ?? IN_THREAD_FALLBACK_BYTES);
  }

  public compile(sources: readonly GlossarySource[], options: CompileOptions = {}): Promise<CompileOutcome> {
    return this.queue.run(() => this.run(sources, options));
  }

  /**
   * Starts the worker now, if none runs: it loads the compiler (dist/markdown.js) as it starts, on its own thread, so
   * that the first compilation finds it loaded. A worker that cannot start is left to `compile`, which says why.
   */
  public prepare(): void {
    if (this.disposed || this.worker) return;
    try {
      this.startWorker();
    } catch {
      // compile() tries again, and falls back to the calling thread with the reason.
    }
  }

  /** Stops the worker and ends a running compilation with a `disposed` outcome. */
  public dispose(): void {
    this.disposed = true;
    this.running?.finish({ ok: false, reason: 'disposed', detail: 'the extension is shutting down' });
    this.stopWorker();
  }

  private async run(sources: readonly GlossarySource[], options: CompileOptions): Promise<CompileOutcome> {
    if (this.disposed) return { ok: false, reason: 'disposed', detail: 'the compiler host was disposed' };
    let worker: Worker;
    try {
      worker = this.startWorker();
    } catch (error) {
      return this.compileInThread(sources, options, error instanceof Error ? error.message : String(error));
    }
    const id = ++this.nextId;
    // Measured before posting: the transfer empties the caller's arrays.
    const bytes = sourceBytes(sources);
    return new Promise<CompileOutcome>((resolve) => {
      const finish = (outcome: CompileOutcome): void => {
        if (this.running !== running) return;
        this.running = undefined;
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('messageerror', onMessageError);
        worker.off('error', onError);
        worker.off('exit', onExit);
        // A worker that failed, ran too long or spoke out of turn is not trusted with the next compilation, and one
        // that compiled a large input gives its memory back.
        if (
          outcome.ok ? bytes > (this.options.recycleAfterBytes ?? RECYCLE_AFTER_BYTES) : outcome.reason !== 'crashed'
        ) {
          this.stopWorker();
        }
        resolve(outcome);
      };
      const running: Running = { finish };
      this.running = running;
      const onMessage = (message: unknown): void => finish(readCompileResponse(message, id));
      const onMessageError = (): void =>
        finish({ ok: false, reason: 'invalid-message', detail: 'the worker sent a message that cannot be read' });
      const onError = (error: Error): void => {
        const outOfMemory = (error as { code?: unknown }).code === 'ERR_WORKER_OUT_OF_MEMORY';
        finish({
          ok: false,
          reason: outOfMemory ? 'memory' : 'crashed',
          detail: outOfMemory ? `${this.memoryLimitMb} MB` : error.message.slice(0, 500),
        });
      };
      const onExit = (code: number): void =>
        finish({ ok: false, reason: 'crashed', detail: `the compiler's worker stopped (exit code ${code})` });
      const timer = setTimeout(() => finish(timeoutOutcome(this.timeLimitMs)), this.timeLimitMs);
      worker.on('message', onMessage);
      worker.on('messageerror', onMessageError);
      worker.on('error', onError);
      worker.on('exit', onExit);
      try {
        post(worker, { type: 'compile', id, sources, ...(options.reference ? { reference: options.reference } : {}) });
      } catch (error) {
        finish(unsentOutcome(error));
      }
    });
  }

  /** The worker, started when there is none. Throws when its file is missing or it cannot be constructed. */
  private startWorker(): Worker {
    if (this.worker) return this.worker;
    if (!fs.existsSync(this.options.workerFile)) throw new Error(`${this.options.workerFile} is missing`);
    const worker = new Worker(this.options.workerFile, {
      resourceLimits: { maxOldGenerationSizeMb: this.memoryLimitMb },
    });
    // The worker must never keep a process alive on its own (the CLI, the tests), and an error while it is idle must
    // not become an unhandled 'error' event: it only means the next compilation starts a new worker.
    worker.unref();
    worker.on('error', () => undefined);
    worker.once('exit', () => {
      if (this.worker === worker) this.worker = undefined;
    });
    this.worker = worker;
    return worker;
  }

  private stopWorker(): void {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) void worker.terminate();
  }

  private async compileInThread(
    sources: readonly GlossarySource[],
    options: CompileOptions,
    why: string,
  ): Promise<CompileOutcome> {
    const outcome = await this.fallback.compile(sources, options);
    if (outcome.ok) return { ...outcome, fallback: why };
    return {
      ok: false,
      reason: 'unavailable',
      detail: `${why}; ${sourceBytes(sources)} bytes is too much to compile on the editor's thread`,
    };
  }
}

/** Posts the request, transferring each source's bytes instead of copying them where it can (transferableBuffers). */
function post(worker: Worker, request: CompileRequest): void {
  try {
    worker.postMessage(request, transferableBuffers(request.sources));
  } catch {
    // Some buffers cannot be transferred (Node marks its pool untransferable); copying them is always possible.
    worker.postMessage(request);
  }
}
