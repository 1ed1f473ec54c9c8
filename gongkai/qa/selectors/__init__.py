"""Reads of the Q&A app: the office's statistics and the staff lists."""
