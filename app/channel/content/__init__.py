"""The definitions build on the publisher side: upstream rule sets in, "Ringfence Core" out (docs/definitions.md)."""
