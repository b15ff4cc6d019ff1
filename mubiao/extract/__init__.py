"""Text → records: segment, find value mentions, interpret them."""
