"""A sandbox for Transformers Glossary: hover the names below to read what they mean.

Nothing here needs the transformers library; it only has to look like model code.
"""


def build_inputs(token_rows, pad_id=0):
    """Returns the two lists almost every model call takes: input_ids and attention_mask."""
    width = max(len(row) for row in token_rows)
    input_ids = [row + [pad_id] * (width - len(row)) for row in token_rows]
    attention_mask = [[1] * len(row) + [0] * (width - len(row)) for row in token_rows]
    return {"input_ids": input_ids, "attention_mask": attention_mask}


def shift_for_decoder(labels, start_id):
    """Builds decoder_input_ids by moving the labels one step right, as seq2seq expects."""
    return [[start_id] + row[:-1] for row in labels]


if __name__ == "__main__":
    inputs = build_inputs([[101, 7592, 102], [101, 2023, 2003, 1037, 3231, 102]])
    labels = [[7592, 102], [2023, 102]]
    decoder_input_ids = shift_for_decoder(labels, start_id=0)
    # A model would now return logits, one score per vocabulary entry and position:
    # outputs = model(**inputs, decoder_input_ids=decoder_input_ids)
    print(inputs["attention_mask"], decoder_input_ids)
