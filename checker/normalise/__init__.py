"""Normalisers: turn surface forms into canonical ids and pivot values.

``entities`` (subjects), ``places`` (scopes), ``fx`` (money to USD at the
claim's date), ``units`` (scale words, pint units), ``dates`` (as_of intervals).
"""
