"""Small widgets the pages are built from (tiles, notices, badges, the crash card)."""
