"""Table models for the pages (``QAbstractTableModel`` fed with whole lists, sorted and filtered by proxies)."""
