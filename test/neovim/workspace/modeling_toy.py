def forward(self, input_ids, attention_mask=None):
    """Runs the model on a padded batch."""
    return self.model(input_ids, attention_mask=attention_mask)
