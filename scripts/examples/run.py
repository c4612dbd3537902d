"""Runs the glossary examples against the installed Transformers, with the tiny stand-ins of models.py.

Started by `scripts/check-examples` inside its virtual environment, with `HF_HOME` pointing at the stand-ins and
`HF_HUB_OFFLINE=1`. Prints one line per example and `N passed, N failed, N skipped (offline)`; exits 1 on a failure.

How an example is checked:
- every example (unless marked `offline-skip`) must run without raising, except where its doctest output expects a
  traceback, in which case the same exception type must be raised;
- the printed output of each `>>>` statement is compared with the expected output (doctest, whitespace normalized,
  `...` matches anything), because the stand-ins keep everything the API shows: shapes, config values, special tokens,
  labels, the word segmentation of common words;
- it is not compared when the example is marked `output-unchecked` (the reason says why: generated text, a pipeline's
  label, anything that comes from the real weights), or when the expected output holds a floating-point number, which
  can only be a value computed by the real weights.
"""

from __future__ import annotations

import argparse
import ast
import doctest
import hashlib
import json
import io
import os
import re
import signal
import sys
import tempfile
import tokenize
import traceback
import warnings
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from extract import Example, extract_examples  # noqa: E402
from models import MODELS  # noqa: E402

# Bump when what counts as a pass changes (the comparison, the markers, the run): remembered passes are then forgotten.
CHECK_VERSION = 1
FLOAT = re.compile(r"(?<![\w.])-?\d+\.\d+(?:e[-+]?\d+)?|\d+e-\d+")
HUB_ID = re.compile(r"^[A-Za-z0-9][\w.-]*/[\w.-]+$")
TIMEOUT_SECONDS = 300


def string_literals(code: str) -> list[str]:
    """Every string literal of a block, doctest prompts removed; empty when the code does not tokenize."""
    prompts = doctest.DocTestParser().get_examples(code)
    source = "".join(e.source for e in prompts) if prompts else code
    found = []
    try:
        for token in tokenize.generate_tokens(io.StringIO(source).readline):
            if token.type == tokenize.STRING:
                try:
                    value = ast.literal_eval(token.string)
                except (ValueError, SyntaxError):
                    continue
                if isinstance(value, str):
                    found.append(value)
    except (tokenize.TokenError, IndentationError, SyntaxError):
        pass
    return found


def model_ids(example: Example) -> set[str]:
    return {s for s in string_literals(example.code) if HUB_ID.match(s) and not s.startswith((".", "/"))}


def code_key(example: Example) -> str:
    """The code without its comments: the es examples repeat the en code with translated comments."""
    try:
        tokens = [t for t in tokenize.generate_tokens(io.StringIO(example.code).readline) if t.type != tokenize.COMMENT]
        return repr([(t.type, t.string) for t in tokens if t.type not in (tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT)])
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return example.code


def dedupe_key(example: Example) -> str:
    """Examples with the same code and the same marker have the same result: each is run once."""
    return code_key(example) + str(example.marker)


class Checker(doctest.OutputChecker):
    """Doctest's comparison, skipped for outputs that only the real weights can reproduce."""

    def __init__(self, compare: bool):
        self.compare = compare

    def check_output(self, want: str, got: str, optionflags: int) -> bool:
        if not self.compare or FLOAT.search(want):
            return True
        return super().check_output(want, got, optionflags)


class Reporter(doctest.DocTestRunner):
    def __init__(self, checker: Checker):
        super().__init__(checker=checker, optionflags=doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS | doctest.IGNORE_EXCEPTION_DETAIL)
        self.problems: list[str] = []

    def report_failure(self, out, test, example, got):  # noqa: ARG002 (doctest's signature)
        self.problems.append(f"line {example.lineno + 1}: `{example.source.strip()}` printed {got.strip()!r}, expected {example.want.strip()!r}")

    def report_unexpected_exception(self, out, test, example, exc_info):  # noqa: ARG002
        detail = "".join(traceback.format_exception_only(exc_info[0], exc_info[1])).strip()
        self.problems.append(f"line {example.lineno + 1}: `{example.source.strip()}` raised {detail}")


def _on_timeout(signum, frame):  # noqa: ARG001
    raise TimeoutError(f"the example ran longer than {TIMEOUT_SECONDS} s")


def run_example(example: Example) -> list[str]:
    """Runs one block in a fresh namespace and a fresh working folder; returns its problems (empty: passed)."""
    import torch

    torch.manual_seed(0)
    torch.set_default_dtype(torch.float32)
    parser = doctest.DocTestParser()
    compare = example.marker != "output-unchecked"
    with tempfile.TemporaryDirectory(prefix="glossary-example-") as folder:
        previous = os.getcwd()
        os.chdir(folder)
        signal.signal(signal.SIGALRM, _on_timeout)
        signal.alarm(TIMEOUT_SECONDS)
        sink = io.StringIO()
        try:
            with warnings.catch_warnings(), redirect_stderr(sink):
                warnings.simplefilter("ignore")
                if parser.get_examples(example.code):
                    test = parser.get_doctest(example.code, {"__name__": "__main__"}, example.name, example.file, example.line - 1)
                    runner = Reporter(Checker(compare))
                    with redirect_stdout(sink):
                        runner.run(test, out=sink.write, clear_globs=True)
                    return runner.problems
                with redirect_stdout(sink):
                    exec(compile(example.code, f"{example.file}:{example.line}", "exec"), {"__name__": "__main__"})
                return []
        except BaseException as error:  # noqa: BLE001 (an example may raise anything, SystemExit included)
            if isinstance(error, KeyboardInterrupt):
                raise
            frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename.startswith(example.file)]
            where = f"line {example.line + frames[-1].lineno - 1}: " if frames else ""
            return [where + "".join(traceback.format_exception_only(type(error), error)).strip()]
        finally:
            signal.alarm(0)
            os.chdir(previous)


def remove_unused_parts(cache: Path) -> None:
    """Deletes the built weights and tokenizers that no snapshot of the local hub cache links to any more.

    Every change of the glossary's words builds new tokenizers, and every change of a recipe new weights; without
    this the cache would grow by the old ones each time.
    """
    import shutil

    used = {Path(os.path.realpath(link)).parent for link in (cache / "hf-home" / "hub").glob("models--*/snapshots/*/*")}
    for part in (cache / "parts").glob("*/*"):
        # A `.partial` folder belongs to a build in progress; runs are meant to be sequential, but never break one.
        if part.is_dir() and not part.name.endswith(".partial") and Path(os.path.realpath(part)) not in used:
            shutil.rmtree(part, ignore_errors=True)


def pass_key(example: Example) -> str:
    """What a remembered pass depends on: the code, its marker, the stand-ins it loads, how they are built, the library.

    The tokenizers' vocabularies grow with the glossary's words, which leaves the segmentation of the words an
    example already used unchanged, so the vocabulary is deliberately not part of the key.
    """
    import transformers

    stand_ins = (Path(__file__).parent / "fixtures.py").read_text()
    recipes = [MODELS[i] for i in sorted(model_ids(example)) if i in MODELS]
    material = json.dumps([CHECK_VERSION, code_key(example), example.marker, recipes, transformers.__version__, stand_ins], sort_keys=True, default=str)
    return hashlib.sha1(material.encode()).hexdigest()


def load_passes(cache: Path) -> dict[str, bool]:
    try:
        return json.loads((cache / "passes.json").read_text())
    except (OSError, ValueError):
        return {}


def save_passes(cache: Path, passes: dict[str, bool]) -> None:
    (cache / "passes.json.tmp").write_text(json.dumps(passes))
    (cache / "passes.json.tmp").replace(cache / "passes.json")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--cache", type=Path, required=True)
    parser.add_argument("--only", help="run only the examples whose entry id contains this text")
    parser.add_argument("--no-cache", action="store_true", help="run every example again, ignoring remembered passes")
    args = parser.parse_args()

    examples: list[Example] = []
    for file in args.files:
        examples.extend(extract_examples(str(file), file.read_text(encoding="utf-8")))
    runnable = [e for e in examples if e.marker != "offline-skip" and not e.problems]
    needed = set().union(*(model_ids(e) for e in runnable)) if runnable else set()
    # Words that examples add to a tokenizer are, by definition, not in the real vocabulary: keep them out of it.
    added = {s for e in examples for line in e.code.splitlines() if re.search(r"add_(?:special_)?tokens|additional_special_tokens", line) for s in string_literals(line.lstrip(">. "))}
    corpus = [s for e in examples for s in string_literals(e.code) if s not in added]
    # The vocabulary comes from every example, so that running a few (--only) builds the same stand-ins as a full run.
    if args.only:
        examples = [e for e in examples if args.only in e.name]
    from fixtures import ensure_checkpoints

    ensure_checkpoints(args.cache, corpus, needed & set(MODELS), log=lambda m: print(m, flush=True))
    remove_unused_parts(args.cache)

    # The examples of a translated glossary repeat the English code; only `#` comments are translated. The first file
    # given (glossary/en.md sorts first) is the reference for the others.
    reference: dict[str, Example] = {}
    for example in examples:
        if example.file == examples[0].file:
            reference.setdefault(example.name, example)

    passed = failed = skipped = 0
    results: dict[str, list[str]] = {}
    passes = load_passes(args.cache)
    for example in examples:
        original = reference.get(example.name)
        if original is not None and original is not example and code_key(original) != code_key(example):
            example.problems.append(f"the code differs from {original.file}:{original.line} beyond its comments (translate only the comments)")
        label = f"{example.file}:{example.line} {example.name}"
        if example.problems:
            failed += 1
            print(f"FAIL {label}: " + "; ".join(example.problems), flush=True)
            continue
        if example.marker == "offline-skip":
            skipped += 1
            print(f"SKIP {label} (offline: {example.reason})", flush=True)
            continue
        unknown = sorted(i for i in model_ids(example) if i not in MODELS)
        if unknown:
            failed += 1
            print(f"FAIL {label}: no tiny stand-in for {', '.join(unknown)} (add a recipe to scripts/examples/models.py, or mark the example offline-skip)", flush=True)
            continue
        key = dedupe_key(example)
        reused = key in results
        remembered = not reused and not args.no_cache and passes.get(pass_key(example)) is True
        if remembered:
            results[key] = []
        elif not reused:
            results[key] = run_example(example)
            if not results[key]:
                passes[pass_key(example)] = True
                save_passes(args.cache, passes)
        problems = results[key]
        note = " (same code as above)" if reused else " (passed before with this code and these stand-ins)" if remembered else ""
        if problems:
            failed += 1
            print(f"FAIL {label}{note}", flush=True)
            for problem in problems:
                print(f"    {problem}", flush=True)
        else:
            passed += 1
            unchecked = " (output not compared: " + (example.reason or "") + ")" if example.marker == "output-unchecked" else ""
            print(f"ok   {label}{note}{unchecked}", flush=True)

    print(f"{passed} passed, {failed} failed, {skipped} skipped (offline)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
