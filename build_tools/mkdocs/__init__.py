"""The MkDocs adapter: the plugin, its options, and what touches MkDocs internals."""
