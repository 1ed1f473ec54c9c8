"""Answering without any outside service: the library's own words, BM25 and bigrams.

``text`` turns questions and entries into terms and character bigrams the same way;
``index`` holds one process's in-memory index and scores a question against it.
"""
