"""Named exceptions whose messages say which document and what to do."""

from __future__ import annotations


class MarsadError(Exception):
    """Base of every error marsad raises on purpose. ``stage`` says where it happened."""

    stage = "marsad"


class InputError(MarsadError):
    """A file or record that cannot be read (missing, unreadable, wrong format)."""

    stage = "read"


class DecodingError(MarsadError):
    """Bytes that are not text in any encoding marsad knows."""

    stage = "decode"


class ExtractionError(MarsadError):
    """A page from which no article could be extracted (empty, not an article, binary)."""

    stage = "extract"


class PipelineOrderError(MarsadError):
    """A stage was placed before the stage that provides what it needs."""

    stage = "pipeline"


class StoreError(MarsadError):
    """The database could not be opened, migrated or written."""

    stage = "store"


class ModelError(MarsadError):
    """A model file is missing or does not match this version of marsad."""

    stage = "model"
