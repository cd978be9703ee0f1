"""Errors the CLI turns into one line on stderr and exit code 2."""


class ClaimdiffError(Exception):
    """Base class: a problem the user can fix, said in one line."""


class InputError(ClaimdiffError):
    """A document could not be read: missing, empty, binary, undecodable, too large..."""


class ModelError(ClaimdiffError):
    """The embedding model could not be loaded."""


class ConfigError(ClaimdiffError):
    """A setting is unknown or has the wrong type."""
