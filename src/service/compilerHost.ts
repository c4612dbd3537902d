/**
 * The platform seam between the glossary service and the place where custom glossaries are compiled. The service
 * hands sources to a `GlossaryCompilerHost` and gets a checked `CompileOutcome` back; it never calls the compiler
 * itself, so that a Node extension host can compile in a worker thread (./nodeCompilerHost.ts), a web extension host in
 * its own web worker, and a test in the calling thread, without the service knowing which.
 *
 * This file is pure: the protocol spoken with a worker and the check of every message that comes back live here once,
 * for every host that talks to a worker.
 */
import type { compileGlossaries } from '../glossary';
import {
  TermMapJsonError,
  isAlignmentReference,
  parseTermMapJson,
  type CompileOptions,
  type CompileResult,
  type Diagnostic,
  type GlossarySource,
} from '../glossary';
import { loadMarkdownLibrary } from '../markdownLibrary';

/**
 * The largest custom glossary file compiled: 4 MB. Compiling runs off the editor's thread (in a worker, see
 * ./nodeCompilerHost.ts), so size no longer freezes the editor; what bounds it is the worker's time and memory limits.
 * Since the compiler parses a file entry by entry, a generated 4 MB glossary of real entries compiles in about 6 s
 * with a heap high-water of about 180 MB on an idle 2-core machine (`npm run bench`), so even a machine five times
 * slower stays well inside the time limit. Real glossaries are tens of kilobytes (the Transformers ones are under
 * 40 KB), so this is a hundred times any real one: a larger file is far more likely a wrong path.
 */
export const MAX_CUSTOM_GLOSSARY_BYTES = 4 * 1_048_576;

/**
 * How long one compilation may take. The compiler took 26 s for a generated 1.25 MB glossary on this project's shared
 * build machine under a load of 14 jobs per core (about 0.05 MB/s there, roughly ten times that when idle), so the
 * 4 MB size limit of custom glossaries compiles in under 90 s even there; a compile that runs past two minutes is
 * stuck or hostile, not busy.
 */
export const DEFAULT_COMPILE_TIME_LIMIT_MS = 120_000;

/** Why a compilation produced no result. The service turns each reason into a message of its own words. */
type CompileFailureReason =
  /** The compilation ran past the host's time limit and was stopped. */
  | 'timeout'
  /** The compilation needed more memory than the host allows and was stopped. */
  | 'memory'
  /** The worker stopped or failed in a way that is neither of the above. */
  | 'crashed'
  /** The worker answered with something that is not a compile result. */
  | 'invalid-message'
  /** No worker could be started, and the input was too large to compile on the calling thread instead. */
  | 'unavailable'
  /** The host was disposed before the compilation ended. */
  | 'disposed';

/**
 * The result of one compilation. A failure's `detail` is short technical text for the log: for `timeout` the time
 * limit (`120 s`), for `memory` the memory limit (`1536 MB`), otherwise what went wrong.
 */
export type CompileOutcome =
  | {
      readonly ok: true;
      readonly result: CompileResult;
      /** Set when the host could not use its worker and compiled on the calling thread; says why, for the log. */
      readonly fallback?: string;
    }
  | { readonly ok: false; readonly reason: CompileFailureReason; readonly detail: string };

/**
 * Compiles glossary sources somewhere other than (or, for small inputs and tests, on) the calling thread. `compile`
 * never rejects: every failure is an outcome. Byte contents may be transferred to the worker, so the caller must not
 * read a source's `Uint8Array` after handing it over.
 */
export interface GlossaryCompilerHost {
  /** `options.reference` (the bundled glossary) aligns translations compiled without an English source. */
  compile(sources: readonly GlossarySource[], options?: CompileOptions): Promise<CompileOutcome>;
  /**
   * Gets ready for a compilation that is about to be asked for (the Node host starts its worker, which loads the
   * compiler), so that this work overlaps the reading of the files. Optional: a host with nothing to start has none.
   */
  prepare?(): void;
  dispose(): void;
}

/** Compiles on the calling thread, for inputs up to `maxBytes` (the fallback of a host without its worker). */
export class InThreadCompilerHost implements GlossaryCompilerHost {
  public constructor(private readonly maxBytes = Number.POSITIVE_INFINITY) {}

  public compile(sources: readonly GlossarySource[], options: CompileOptions = {}): Promise<CompileOutcome> {
    const bytes = sourceBytes(sources);
    if (bytes > this.maxBytes) {
      return Promise.resolve({
        ok: false,
        reason: 'unavailable',
        detail: `${bytes} bytes is more than the ${this.maxBytes} compiled on this thread`,
      });
    }
    // The compiler is loaded on first use (src/markdownLibrary.ts), so that hosts that never compile never load it.
    return loadMarkdownLibrary().then(
      (library): CompileOutcome => ({ ok: true, result: library.compileGlossaries(sources, options) }),
      (error: unknown): CompileOutcome => ({
        ok: false,
        reason: 'unavailable',
        detail: `the compiler could not be loaded: ${error instanceof Error ? error.message : String(error)}`,
      }),
    );
  }

  public dispose(): void {
    // Nothing runs outside the calling thread, so there is nothing to stop.
  }
}

/** The total size of the sources, counting a string by its UTF-16 length (an upper bound of what it costs to compile). */
export function sourceBytes(sources: readonly GlossarySource[]): number {
  let total = 0;
  for (const source of sources) {
    total += typeof source.content === 'string' ? source.content.length * 2 : source.content.byteLength;
  }
  return total;
}

/**
 * Runs a host's compilations one at a time, in the order they were asked for. A compilation that fails in an
 * unforeseen way does not break the chain, or every later one would fail with it.
 */
export class CompileQueue {
  private tail: Promise<unknown> = Promise.resolve();

  public run<T>(task: () => Promise<T>): Promise<T> {
    const next = this.tail.then(task);
    this.tail = next.catch(() => undefined);
    return next;
  }
}

/**
 * The buffers a host can transfer to its worker instead of copying: each source's own, whole buffer, once. A view into
 * a shared buffer (Node's small-Buffer pool) is copied: transferring it would empty its neighbours.
 */
export function transferableBuffers(sources: readonly GlossarySource[]): ArrayBuffer[] {
  const transfer: ArrayBuffer[] = [];
  for (const { content } of sources) {
    if (typeof content === 'string' || !(content.buffer instanceof ArrayBuffer)) continue;
    if (
      content.byteOffset === 0 &&
      content.byteLength === content.buffer.byteLength &&
      !transfer.includes(content.buffer)
    ) {
      transfer.push(content.buffer);
    }
  }
  return transfer;
}

/** The outcome of a compilation whose request could not be posted to the worker. */
export function unsentOutcome(error: unknown): CompileOutcome {
  return {
    ok: false,
    reason: 'crashed',
    detail: `the sources could not be sent to the worker: ${error instanceof Error ? error.message : String(error)}`,
  };
}

/** The outcome of a compilation stopped by the host's time limit. */
export function timeoutOutcome(timeLimitMs: number): CompileOutcome {
  return { ok: false, reason: 'timeout', detail: `${timeLimitMs / 1000} s` };
}

// ------------------------------------------------------------------------------------------------ the protocol

/** What the host posts to its worker. */
export interface CompileRequest {
  readonly type: 'compile';
  readonly id: number;
  readonly sources: readonly GlossarySource[];
  /** The alignment reference (see CompileOptions); checked by the worker before use. */
  readonly reference?: CompileOptions['reference'];
}

/**
 * What a worker posts back. The term map travels as JSON text, so that the receiving side checks it with the same
 * validator as every term map read from a file (`parseTermMapJson`) before anything is published.
 */
export type CompileResponse =
  | {
      readonly type: 'result';
      readonly id: number;
      readonly termMapJson: string;
      readonly diagnostics: readonly Diagnostic[];
    }
  | { readonly type: 'failure'; readonly id: number; readonly message: string };

/**
 * The worker's side: answers one request with `compile` (the compiler, which each worker gets its own way: the Node
 * worker loads it from dist/markdown.js, beside it, and the web worker has it bundled in). Exceptions become a
 * `failure` message rather than a dead worker.
 */
export function answerCompileRequest(request: unknown, compile: typeof compileGlossaries): CompileResponse | undefined {
  if (
    !isRecord(request) ||
    request.type !== 'compile' ||
    typeof request.id !== 'number' ||
    !Array.isArray(request.sources) ||
    (request.reference !== undefined && !isAlignmentReference(request.reference))
  ) {
    return undefined;
  }
  try {
    const reference = request.reference;
    const result = compile(request.sources as GlossarySource[], reference ? { reference } : {});
    return {
      type: 'result',
      id: request.id,
      termMapJson: JSON.stringify(result.termMap),
      diagnostics: result.diagnostics,
    };
  } catch (error) {
    return { type: 'failure', id: request.id, message: error instanceof Error ? error.message : String(error) };
  }
}

/** The longest worker message text kept in a failure detail: a hostile worker must not flood the log. */
const MAX_DETAIL_CHARS = 500;

/**
 * The host's side: the outcome of a message that arrived for request `id`. Nothing about the message is trusted: its
 * shape, its id, every diagnostic and the term map are checked, and anything else is an `invalid-message` failure.
 */
export function readCompileResponse(message: unknown, id: number): CompileOutcome {
  const invalid = (detail: string): CompileOutcome => ({ ok: false, reason: 'invalid-message', detail });
  if (!isRecord(message)) return invalid('the worker sent something that is not an object');
  if (message.id !== id) {
    return invalid(`the worker answered request ${String(message.id).slice(0, 40)} while ${id} was waiting`);
  }
  if (message.type === 'failure') {
    const text = typeof message.message === 'string' ? message.message.slice(0, MAX_DETAIL_CHARS) : 'no reason given';
    return { ok: false, reason: 'crashed', detail: `the compiler failed: ${text}` };
  }
  if (message.type !== 'result') return invalid('the worker sent a message of an unknown type');
  if (typeof message.termMapJson !== 'string') return invalid('the worker sent no term map');
  if (!Array.isArray(message.diagnostics)) return invalid('the worker sent no diagnostics');
  const diagnostics: Diagnostic[] = [];
  for (const item of message.diagnostics as unknown[]) {
    const diagnostic = readDiagnostic(item);
    if (!diagnostic) return invalid('the worker sent a malformed diagnostic');
    diagnostics.push(diagnostic);
  }
  try {
    return {
      ok: true,
      result: { termMap: parseTermMapJson(message.termMapJson, 'the compiled term map'), diagnostics },
    };
  } catch (error) {
    if (error instanceof TermMapJsonError) return invalid(error.message.slice(0, MAX_DETAIL_CHARS));
    throw error;
  }
}

/** A diagnostic rebuilt from its checked fields only, so that no extra property of a foreign object travels on. */
function readDiagnostic(value: unknown): Diagnostic | undefined {
  if (!isRecord(value) || (value.severity !== 'error' && value.severity !== 'warning')) return undefined;
  if (typeof value.message !== 'string' || typeof value.code !== 'string' || !isRecord(value.location)) {
    return undefined;
  }
  const { file, line, column } = value.location;
  if (typeof file !== 'string' || !Number.isInteger(line) || !Number.isInteger(column)) return undefined;
  return {
    severity: value.severity,
    message: value.message,
    code: value.code,
    location: { file, line: line as number, column: column as number },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
