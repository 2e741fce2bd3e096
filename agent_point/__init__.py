"""The assisted app: a post-office agent or volunteer working for the citizen beside them."""
