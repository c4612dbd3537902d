"""Finds the Python examples of a glossary source and the markers that classify them.

An example is a fenced code block whose info string is ``python`` (or ``py``, ``pycon``). It belongs to the entry of
the nearest ``### heading`` above it; its id is ``<entry-id>`` plus ``#<n>`` when the entry has several examples.

A marker is an HTML comment on the lines right before the fence (blank lines may separate them), which renders as
nothing on huggingface.co and which the glossary compiler ignores like any other comment::

    <!-- example: offline-skip — needs a CUDA GPU for bf16 -->
    <!-- example: output-unchecked — the generated text depends on the real weights -->

``offline-skip`` means the example is not run; ``output-unchecked`` means it is run, must not raise, and its printed
output is not compared. The text after the dash (``—``, ``–``, ``-`` or ``:``) is the reason and is required.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

MARKER_KINDS = ("offline-skip", "output-unchecked")
_MARKER = re.compile(r"^<!--\s*example\s*:\s*([a-z-]+)\s*(?:[—–:-]+\s*(.*?))?\s*-->\s*$")
_FENCE_OPEN = re.compile(r"^(\s{0,3})(`{3,}|~{3,})\s*([\w+-]*)")
_HEADING = re.compile(r"^###\s+(.*?)\s*$")


@dataclass
class Example:
    """One fenced Python block of a glossary file."""

    file: str
    entry: str
    index: int
    line: int  # 1-based line of the first code line (after the fence)
    code: str
    marker: str | None = None
    reason: str | None = None
    problems: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        suffix = f"#{self.index}" if self.index > 1 else ""
        return f"{self.entry}{suffix}"


def english_anchor(heading: str) -> str:
    """The anchor doc-builder gives a heading (the same rule as src/glossary/anchors.ts englishAnchor)."""
    return re.sub(r"[^a-z0-9-]", "", heading.lower().replace(" ", "-"))


def entry_id(heading: str) -> str:
    custom = re.search(r"\[\[([^\[\]]*)\]\]\s*$", heading)
    if custom and custom.group(1).strip():
        return custom.group(1).strip()
    return english_anchor(heading.strip())


def extract_examples(file: str, text: str) -> list[Example]:
    lines = text.replace("\r\n", "\n").split("\n")
    examples: list[Example] = []
    entry = "(before the first entry)"
    counts: dict[str, int] = {}
    pending: tuple[str, str | None, list[str]] | None = None  # the marker waiting for its fence
    i = 0
    while i < len(lines):
        line = lines[i]
        heading = _HEADING.match(line)
        if heading:
            entry = entry_id(heading.group(1))
            pending = None
            i += 1
            continue
        marker = _MARKER.match(line.strip()) if line.strip().startswith("<!--") else None
        if marker:
            kind, reason = marker.group(1), (marker.group(2) or "").strip()
            problems = []
            if kind not in MARKER_KINDS:
                problems.append(f'unknown example marker "{kind}" (known: {", ".join(MARKER_KINDS)})')
            if not reason:
                problems.append(f'example marker "{kind}" gives no reason')
            pending = (kind, reason or None, problems)
            i += 1
            continue
        fence = _FENCE_OPEN.match(line)
        if fence:
            indent, ticks, info = fence.groups()
            close = re.compile(rf"^\s{{0,3}}{re.escape(ticks[0])}{{{len(ticks)},}}\s*$")
            body: list[str] = []
            j = i + 1
            while j < len(lines) and not close.match(lines[j]):
                body.append(lines[j][len(indent):] if lines[j].startswith(indent) else lines[j])
                j += 1
            if info.lower() in ("python", "py", "pycon", "python3"):
                counts[entry] = counts.get(entry, 0) + 1
                example = Example(file, entry, counts[entry], i + 2, "\n".join(body) + "\n")
                if pending:
                    example.marker, example.reason, example.problems = pending[0], pending[1], list(pending[2])
                examples.append(example)
            pending = None
            i = j + 1
            continue
        if line.strip():
            # Any other content between a marker and the next fence detaches the marker: it must stand right before.
            if pending:
                examples.append(Example(file, entry, 0, i, "", pending[0], pending[1], pending[2] + ["example marker is not followed by a python code block"]))
            pending = None
        i += 1
    return examples
