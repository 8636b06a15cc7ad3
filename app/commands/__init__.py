"""Sub-commands of the ``ringfence`` command line, one module each."""
