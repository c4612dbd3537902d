"""Builds the tiny stand-in checkpoints of models.py into a local Hugging Face hub cache.

The stand-ins are written where `huggingface_hub` looks for cached downloads (`$HF_HOME/hub/models--org--name/`,
`refs/main` naming a snapshot), so that the examples' own `from_pretrained("openai-community/gpt2")` calls, pipelines
included, load them unchanged with `HF_HUB_OFFLINE=1`: nothing is patched, and no id can reach the hub.

Weights and tokenizers are built separately (a tokenizer's vocabulary holds every word of the examples, so it changes
with the glossary; the weights do not) and a snapshot links the two. Each part is keyed by the hash of its recipe and
rebuilt only when that changes.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import unicodedata
from pathlib import Path

from models import MODELS

FIXTURE_VERSION = "1"


def _hash(*parts: object) -> str:
    return hashlib.sha1(json.dumps([FIXTURE_VERSION, *parts], sort_keys=True, default=str).encode()).hexdigest()


def _words(corpus: list[str], lowercase: bool) -> list[str]:
    words: dict[str, None] = {}
    for text in corpus:
        if lowercase:
            text = "".join(c for c in unicodedata.normalize("NFD", text.lower()) if unicodedata.category(c) != "Mn")
        for word in re.findall(r"\w+|[^\w\s]", text):
            words[word] = None
    return list(words)


def _fill(vocab_size: int, specials: dict[str, int], tokens: list[str], filler: str) -> dict[str, int]:
    """A vocabulary of exactly `vocab_size` entries: specials at their real ids, then `tokens`, then fillers."""
    vocab = dict(specials)
    taken = set(specials.values())
    next_id = 0
    filler_index = 0

    def free_id() -> int:
        nonlocal next_id
        while next_id in taken:
            next_id += 1
        taken.add(next_id)
        return next_id

    # Ids below the first content id that the real vocabulary reserves (BERT's [unused] slots) are filled first.
    reserved_below = min((i for i in specials.values() if i > 0 and i - 1 not in specials.values() and i < 1000), default=0)
    while next_id < reserved_below:
        if next_id not in taken:
            vocab[filler.format(filler_index)] = free_id()
            filler_index += 1
        else:
            next_id += 1
    for token in tokens:
        if token not in vocab:
            if len(vocab) >= vocab_size:
                raise ValueError(f"the example corpus needs more than {vocab_size} tokens")
            vocab[token] = free_id()
    while len(vocab) < vocab_size:
        vocab[filler.format(filler_index)] = free_id()
        filler_index += 1
    return vocab


def _bytebpe(corpus: list[str], prefix_space: bool, suffix: str | None = None) -> tuple[list[str], list[tuple[str, str]]]:
    """Trains a byte-level BPE that keeps every word of the corpus whole, as common words are in real vocabularies."""
    from tokenizers import Tokenizer, models, pre_tokenizers, trainers

    tokenizer = Tokenizer(models.BPE(end_of_word_suffix=suffix) if suffix else models.BPE())
    tokenizer.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=prefix_space)
    options = {"end_of_word_suffix": suffix} if suffix else {}
    trainer = trainers.BpeTrainer(vocab_size=200_000, min_frequency=1, show_progress=False, initial_alphabet=pre_tokenizers.ByteLevel.alphabet(), **options)
    # Each word alone and inside its sentence, so that both the first word and the `Ġword` form get a token.
    lines = corpus + [w for text in corpus for w in text.split()]
    tokenizer.train_from_iterator([line.lower() if suffix else line for line in lines], trainer)
    model = json.loads(tokenizer.to_str())["model"]
    merges = [tuple(m.split(" ")) if isinstance(m, str) else tuple(m) for m in model["merges"]]
    tokens = sorted(model["vocab"], key=model["vocab"].get)
    return tokens, merges


def build_tokenizer(recipe: dict, corpus: list[str], out: Path) -> None:
    import transformers

    kind = recipe["kind"]
    cls = getattr(transformers, recipe["class"])
    common = {"model_max_length": recipe["model_max_length"]} if "model_max_length" in recipe else {}
    if kind == "wordpiece":
        lowercase = recipe["lowercase"]
        words = [w for w in _words(corpus, lowercase) if w not in recipe["splits"]]
        chars = sorted({c for w in words for c in w} | set("abcdefghijklmnopqrstuvwxyz0123456789.,!?'\"-"))
        pieces = [p for split in recipe["splits"].values() for p in split]
        tokens = chars + ["##" + c for c in chars] + pieces + words
        vocab = _fill(recipe["vocab_size"], recipe["specials"], tokens, recipe["filler"])
        tokenizer = cls(vocab=vocab, do_lower_case=lowercase, **common)
    elif kind in ("bytebpe", "clipbpe"):
        clip = kind == "clipbpe"
        tokens, merges = _bytebpe(corpus, prefix_space=False, suffix="</w>" if clip else None)
        vocab = _fill(recipe["vocab_size"], recipe["specials"], tokens, "<|filler{}|>")
        tokenizer = cls(vocab=vocab, merges=merges, **recipe.get("tokens", {}), **recipe.get("extra", {}), **common)
        if recipe.get("chat_template"):
            tokenizer.chat_template = recipe["chat_template"]
    elif kind == "unigram":
        words = _words(corpus, lowercase=False)
        pieces = [("▁", -2.0)] + [("▁" + w, -3.0) for w in words] + [(c, -10.0) for c in sorted({c for w in words for c in w})]
        by_id = sorted(recipe["specials"], key=recipe["specials"].get)
        seen = set(by_id)
        vocab = [(token, 0.0) for token in by_id] + [p for p in pieces if not (p[0] in seen or seen.add(p[0]))]
        vocab += [(f"<filler{i}>", -100.0) for i in range(recipe["vocab_size"] - len(vocab))]
        tokenizer = cls(vocab=vocab[: recipe["vocab_size"]], extra_ids=100, **common)
    elif kind == "ctc":
        vocab_file = out / "vocab.json"
        vocab_file.write_text(json.dumps({t: i for i, t in enumerate(recipe["vocab"])}))
        tokenizer = cls(str(vocab_file))
    else:
        raise ValueError(f"unknown tokenizer kind {kind}")
    tokenizer.save_pretrained(out)


def _processor_part(spec: dict):
    import transformers

    options = {k: v for k, v in spec.items() if k != "class"}
    return getattr(transformers, spec["class"])(**options)


def build_processing(recipe: dict, corpus: list[str], out: Path) -> None:
    """Tokenizer, image processor, feature extractor and processor files of a stand-in."""
    import transformers

    parts = []
    if "tokenizer" in recipe:
        build_tokenizer(recipe["tokenizer"], corpus, out)
        parts.append(transformers.AutoTokenizer.from_pretrained(out))
    for key in ("image_processor", "feature_extractor"):
        if key in recipe:
            part = _processor_part(recipe[key])
            part.save_pretrained(out)
            parts.insert(0, part)
    if "processor" in recipe:
        getattr(transformers, recipe["processor"])(*parts).save_pretrained(out)


def build_weights(recipe: dict, out: Path) -> None:
    import torch
    import transformers

    spec = dict(recipe["config"])
    config = getattr(transformers, spec.pop("class"))(**spec)
    torch.manual_seed(0)
    model = getattr(transformers, recipe["model"])(config)
    model = model.to(getattr(torch, recipe["dtype"]))
    model.save_pretrained(out)


def _build_once(target: Path, build) -> None:
    """Builds into a temporary folder and renames it, so that an interrupted build is never taken as finished."""
    if target.is_dir():
        return
    partial = target.with_name(target.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    build(partial)
    partial.rename(target)


def ensure_checkpoints(cache: Path, corpus: list[str], model_ids: set[str], log=print) -> None:
    """Makes every model id in `model_ids` loadable offline from `cache/hf-home/hub`."""
    hub = cache / "hf-home" / "hub"
    parts = cache / "parts"
    corpus_key = _hash(sorted(set(corpus)))
    for model_id in sorted(model_ids):
        recipe = MODELS[model_id]
        processing_recipe = {k: v for k, v in recipe.items() if k in ("tokenizer", "image_processor", "feature_extractor", "processor")}
        weights_dir = parts / "weights" / _hash(recipe["config"], recipe["model"], recipe["dtype"])
        processing_dir = parts / "processing" / _hash(processing_recipe, corpus_key if "tokenizer" in recipe else None)
        revision = _hash(weights_dir.name, processing_dir.name)
        repo = hub / ("models--" + model_id.replace("/", "--"))
        snapshot = repo / "snapshots" / revision
        if snapshot.is_dir() and (repo / "refs" / "main").is_file() and (repo / "refs" / "main").read_text() == revision:
            continue
        log(f"building a tiny stand-in for {model_id}")
        _build_once(weights_dir, lambda out: build_weights(recipe, out))
        _build_once(processing_dir, lambda out: build_processing(processing_recipe, corpus, out))
        shutil.rmtree(repo, ignore_errors=True)
        snapshot.mkdir(parents=True)
        for source in (weights_dir, processing_dir):
            for file in source.iterdir():
                if not (snapshot / file.name).exists():
                    os.symlink(file, snapshot / file.name)
        (repo / "refs").mkdir(exist_ok=True)
        (repo / "refs" / "main").write_text(revision)
