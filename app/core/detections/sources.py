"""What the definitions in use are made of: their version, rule and hash counts, and each public rule set
they were built from (licence and its text, pinned commit, counts per category) — for "About the
definitions" in the console and ``ringfence update status --sources``.

Each source is a ``SourceInfo`` as the definitions reader gives it; :class:`SourceLike` names what is used.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from app.core.context import Context
from app.engine.provenance import read_sources


class SourceLike(Protocol):
    """One rule set the definitions were built from (read-only, as the definitions reader gives it)."""

    @property
    def id(self) -> str: ...  # short id, e.g. "signature-base" (what a detection's ``source`` says)
    @property
    def name(self) -> str: ...
    @property
    def url(self) -> str: ...
    @property
    def commit(self) -> str: ...
    @property
    def licence(self) -> str: ...  # licence id, e.g. "DRL-1.1"
    @property
    def rule_count(self) -> int: ...
    @property
    def hash_count(self) -> int: ...
    @property
    def categories(self) -> Mapping[str, int]: ...  # "threat" / "pua" / "suspicious" -> rules and hashes

    def licence_text(self) -> str: ...  # the licence's full text ("" when the definitions do not carry it)


@dataclass(frozen=True)
class AboutDefinitions:
    version: str
    origin: str  # "baseline", "channel" or "custom"
    rule_count: int | None
    hash_count: int
    sources: Sequence[SourceLike] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"version": self.version, "origin": self.origin, "rule_count": self.rule_count,
                "hash_count": self.hash_count, "sources": [source_json(s) for s in self.sources]}


def source_json(source: SourceLike) -> dict[str, Any]:
    """A rule set as the CLI's JSON shows it (the licence text stays in the definitions)."""
    return {"id": source.id, "name": source.name, "url": source.url, "commit": source.commit,
            "licence": source.licence, "rule_count": source.rule_count, "hash_count": source.hash_count,
            "categories": dict(source.categories)}


def about_definitions(ctx: Context) -> AboutDefinitions:
    """The definitions in use (slow the first time: unpacks the built-in definitions)."""
    from app.core.scanning import definitions

    active = definitions.active(ctx)
    defs = active.definitions
    # bundles of content schema 1 do not record their rule sets: an empty list, and the view says so
    return AboutDefinitions(active.version, active.source, defs.declared_rule_count, len(defs.hashes),
                            sources=read_sources(defs.root))


__all__ = ["AboutDefinitions", "SourceLike", "about_definitions", "source_json"]
