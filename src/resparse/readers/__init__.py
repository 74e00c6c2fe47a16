"""Input readers: one module per input shape, each giving a :class:`Document`."""

from resparse.readers.base import Document

__all__ = ["Document"]
