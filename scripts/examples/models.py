"""The hub model ids the glossary examples may use, and the tiny stand-in each one gets.

Every stand-in keeps what the API makes visible (the architecture, the dimensions printed in shapes, the number of
layers, the special tokens and their ids, the vocabulary size, the labels, the image and audio settings, the dtype the
checkpoint is stored in) and shrinks what no example prints (the feed-forward width, and whole towers of the vision
and audio models), so that shapes, keys and config values match the real checkpoint while the weights stay random.

A recipe is plain data so that its hash decides when the stand-in must be rebuilt. To support a new model id, add a
recipe here; `scripts/check-examples` fails any example whose model id has none.
"""

from __future__ import annotations

BERT_SPECIALS = {"[PAD]": 0, "[UNK]": 100, "[CLS]": 101, "[SEP]": 102, "[MASK]": 103}
GPT2_SPECIALS = {"<|endoftext|>": 50256}
WAV2VEC2_VOCAB = ["<pad>", "<s>", "</s>", "<unk>", "|", *"ETAONIHSRDLUMWCFGYPBVK'XJQZ"]

# SmolLM2's ChatML template, with the default system prompt it inserts when the conversation has none.
SMOLLM2_CHAT_TEMPLATE = (
    "{% for message in messages %}{% if loop.first and messages[0]['role'] != 'system' %}"
    "{{ '<|im_start|>system\nYou are a helpful AI assistant named SmolLM, trained by Hugging Face<|im_end|>\n' }}"
    "{% endif %}{{'<|im_start|>' + message['role'] + '\n' + message['content'] + '<|im_end|>' + '\n'}}{% endfor %}"
    "{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}"
)


def _bert(vocab_size: int, lowercase: bool, layers: int = 12) -> dict:
    return {
        "tokenizer": {
            "kind": "wordpiece",
            "class": "BertTokenizer",
            "lowercase": lowercase,
            "vocab_size": vocab_size,
            "specials": BERT_SPECIALS,
            "filler": "[unused{}]",
            # Words the real vocabulary does not hold whole, with the pieces it splits them into.
            "splits": {} if lowercase else {"Transformer": ["Trans", "##former"]},
            "model_max_length": 512,
        },
        "config": {
            "class": "BertConfig",
            "vocab_size": vocab_size,
            "hidden_size": 768,
            "num_hidden_layers": layers,
            "num_attention_heads": 12,
            "intermediate_size": 64,
            "max_position_embeddings": 512,
            "type_vocab_size": 2,
        },
        "model": "BertForMaskedLM",
        "dtype": "float32",
    }


MODELS: dict[str, dict] = {
    "google-bert/bert-base-cased": _bert(28996, lowercase=False),
    "google-bert/bert-base-uncased": _bert(30522, lowercase=True),
    "distilbert/distilbert-base-uncased-finetuned-sst-2-english": {
        "tokenizer": {**_bert(30522, lowercase=True)["tokenizer"], "class": "DistilBertTokenizer"},
        "config": {
            "class": "DistilBertConfig",
            "vocab_size": 30522,
            "dim": 768,
            "n_layers": 6,
            "n_heads": 12,
            "hidden_dim": 64,
            "id2label": {0: "NEGATIVE", 1: "POSITIVE"},
            "finetuning_task": "sst-2",
        },
        "model": "DistilBertForSequenceClassification",
        "dtype": "float32",
    },
    "openai-community/gpt2": {
        "tokenizer": {
            "kind": "bytebpe",
            "class": "GPT2Tokenizer",
            "vocab_size": 50257,
            "specials": GPT2_SPECIALS,
            "tokens": {"bos_token": "<|endoftext|>", "eos_token": "<|endoftext|>", "unk_token": "<|endoftext|>"},
            "model_max_length": 1024,
        },
        "config": {
            "class": "GPT2Config",
            "vocab_size": 50257,
            "n_positions": 1024,
            "n_embd": 768,
            "n_layer": 12,
            "n_head": 12,
            "n_inner": 64,
            "bos_token_id": 50256,
            "eos_token_id": 50256,
        },
        "model": "GPT2LMHeadModel",
        "dtype": "float32",
    },
    "facebook/opt-125m": {
        "tokenizer": {
            "kind": "bytebpe",
            "class": "GPT2Tokenizer",
            "vocab_size": 50265,
            "specials": {"<s>": 0, "<pad>": 1, "</s>": 2, "<unk>": 3},
            "tokens": {"bos_token": "</s>", "eos_token": "</s>", "unk_token": "</s>", "pad_token": "<pad>"},
            "extra": {"add_bos_token": True},
            "model_max_length": 1000000000000000019884624838656,
        },
        "config": {
            "class": "OPTConfig",
            "vocab_size": 50272,
            "hidden_size": 768,
            "num_hidden_layers": 12,
            "ffn_dim": 64,
            "num_attention_heads": 12,
            "max_position_embeddings": 2048,
            "word_embed_proj_dim": 768,
            "pad_token_id": 1,
            "bos_token_id": 2,
            "eos_token_id": 2,
        },
        "model": "OPTForCausalLM",
        "dtype": "float16",
    },
    "HuggingFaceTB/SmolLM2-135M-Instruct": {
        "tokenizer": {
            "kind": "bytebpe",
            "class": "GPT2Tokenizer",
            "vocab_size": 49152,
            "specials": {"<|endoftext|>": 0, "<|im_start|>": 1, "<|im_end|>": 2},
            "tokens": {"bos_token": "<|im_start|>", "eos_token": "<|im_end|>", "unk_token": "<|endoftext|>", "pad_token": "<|im_end|>"},
            "chat_template": SMOLLM2_CHAT_TEMPLATE,
            "model_max_length": 8192,
        },
        "config": {
            "class": "LlamaConfig",
            "vocab_size": 49152,
            "hidden_size": 576,
            "intermediate_size": 64,
            # The real model has 30 layers. Its weights are stored in bfloat16, which CPUs without bf16 instructions
            # multiply slowly: 30 layers made a 40-token chat reply take minutes. No example prints the layer count.
            "num_hidden_layers": 4,
            "num_attention_heads": 9,
            "num_key_value_heads": 3,
            "max_position_embeddings": 8192,
            "rope_theta": 100000.0,
            "tie_word_embeddings": True,
            "bos_token_id": 1,
            "eos_token_id": 2,
            "pad_token_id": 2,
        },
        "model": "LlamaForCausalLM",
        "dtype": "bfloat16",
    },
    "google-t5/t5-small": {
        "tokenizer": {"kind": "unigram", "class": "T5Tokenizer", "vocab_size": 32000, "specials": {"<pad>": 0, "</s>": 1, "<unk>": 2}, "model_max_length": 512},
        "config": {
            "class": "T5Config",
            "vocab_size": 32128,
            "d_model": 512,
            "d_kv": 64,
            "d_ff": 64,
            "num_layers": 6,
            "num_decoder_layers": 6,
            "num_heads": 8,
            "decoder_start_token_id": 0,
            "pad_token_id": 0,
            "eos_token_id": 1,
        },
        "model": "T5ForConditionalGeneration",
        "dtype": "float32",
    },
    "openai/whisper-tiny": {
        "feature_extractor": {"class": "WhisperFeatureExtractor", "feature_size": 80},
        "config": {
            "class": "WhisperConfig",
            "vocab_size": 51865,
            "d_model": 384,
            "encoder_layers": 4,
            "decoder_layers": 4,
            "encoder_attention_heads": 6,
            "decoder_attention_heads": 6,
            "encoder_ffn_dim": 64,
            "decoder_ffn_dim": 64,
            "num_mel_bins": 80,
        },
        "model": "WhisperForConditionalGeneration",
        "dtype": "float32",
    },
    "facebook/wav2vec2-base-960h": {
        "tokenizer": {"kind": "ctc", "class": "Wav2Vec2CTCTokenizer", "vocab": WAV2VEC2_VOCAB},
        "feature_extractor": {"class": "Wav2Vec2FeatureExtractor", "feature_size": 1, "sampling_rate": 16000, "padding_value": 0.0, "do_normalize": True, "return_attention_mask": False},
        "processor": "Wav2Vec2Processor",
        "config": {
            "class": "Wav2Vec2Config",
            "vocab_size": 32,
            "hidden_size": 32,
            "num_hidden_layers": 2,
            "num_attention_heads": 2,
            "intermediate_size": 37,
            "conv_dim": [32] * 7,
            "num_conv_pos_embeddings": 16,
            "num_conv_pos_embedding_groups": 2,
        },
        "model": "Wav2Vec2ForCTC",
        "dtype": "float32",
    },
    "google/vit-base-patch16-224": {
        "image_processor": {"class": "ViTImageProcessor", "size": {"height": 224, "width": 224}, "image_mean": [0.5] * 3, "image_std": [0.5] * 3},
        "config": {"class": "ViTConfig", "hidden_size": 32, "num_hidden_layers": 2, "num_attention_heads": 2, "intermediate_size": 37, "image_size": 224, "patch_size": 16, "num_labels": 1000},
        "model": "ViTForImageClassification",
        "dtype": "float32",
    },
    "microsoft/resnet-50": {
        "image_processor": {"class": "ConvNextImageProcessor", "size": {"shortest_edge": 224}, "crop_pct": 0.875},
        "config": {"class": "ResNetConfig", "embedding_size": 64, "hidden_sizes": [256, 512, 1024, 2048], "depths": [1, 1, 1, 1], "layer_type": "bottleneck", "num_labels": 1000},
        "model": "ResNetForImageClassification",
        "dtype": "float32",
    },
    "facebook/detr-resnet-50": {
        "image_processor": {"class": "DetrImageProcessor", "size": {"shortest_edge": 800, "longest_edge": 1333}},
        "config": {
            "class": "DetrConfig",
            "backbone_config": {"model_type": "resnet", "embedding_size": 8, "hidden_sizes": [8, 8, 8, 16], "depths": [1, 1, 1, 1], "out_features": ["stage4"]},
            "d_model": 32,
            "encoder_layers": 1,
            "decoder_layers": 1,
            "encoder_attention_heads": 2,
            "decoder_attention_heads": 2,
            "encoder_ffn_dim": 32,
            "decoder_ffn_dim": 32,
            "num_queries": 100,
            "num_labels": 91,
        },
        "model": "DetrForObjectDetection",
        "dtype": "float32",
    },
    "openai/clip-vit-base-patch32": {
        "tokenizer": {"kind": "clipbpe", "class": "CLIPTokenizer", "vocab_size": 49408, "specials": {"<|startoftext|>": 49406, "<|endoftext|>": 49407}, "model_max_length": 77},
        "image_processor": {"class": "CLIPImageProcessor", "size": {"shortest_edge": 224}, "crop_size": {"height": 224, "width": 224}},
        "processor": "CLIPProcessor",
        "config": {
            "class": "CLIPConfig",
            "text_config": {"vocab_size": 49408, "hidden_size": 32, "num_hidden_layers": 2, "num_attention_heads": 2, "intermediate_size": 37, "max_position_embeddings": 77},
            "vision_config": {"hidden_size": 32, "num_hidden_layers": 2, "num_attention_heads": 2, "intermediate_size": 37, "image_size": 224, "patch_size": 32},
            "projection_dim": 512,
        },
        "model": "CLIPModel",
        "dtype": "float32",
    },
}
