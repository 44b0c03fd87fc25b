"""Check kinds: one module each, listed in :data:`CHECKS`.

A check kind module has ``KIND`` (its name in rule files), ``Options`` (a
pydantic model with ``extra="forbid"``), a docstring with a **Conflict** and a
**No conflict** example, and ``check(rule, claims, ctx) -> CheckResult``.
Rules in ``rules/*.yaml`` instantiate kinds with options and a severity.
"""

from __future__ import annotations

from types import ModuleType

from checker.checks import (
    conversion_consistency,
    count_decrease,
    date_conflict,
    ordinal_count,
    part_whole,
    reference,
    status_conflict,
    value_conflict,
)

#: kind name -> module
CHECKS: dict[str, ModuleType] = {
    value_conflict.KIND: value_conflict,
    date_conflict.KIND: date_conflict,
    status_conflict.KIND: status_conflict,
    count_decrease.KIND: count_decrease,
    ordinal_count.KIND: ordinal_count,
    conversion_consistency.KIND: conversion_consistency,
    part_whole.KIND: part_whole,
    reference.KIND: reference,
}
