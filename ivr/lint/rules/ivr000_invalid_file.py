"""A flow file is not valid YAML, or breaks the flow schema, or has a malformed lint marker.

The app refuses such a file at start-up. The linter reports each schema violation at the line
of the deepest key it concerns (the app's own loader finds the line), and, unlike the app, goes
on with the other files and rules. A file that is not YAML at all cannot be linted further.
This rule is always on: --select and --ignore do not switch it off.

Passing::

    nodes:
      goodbye:
        type: hangup
        prompt: goodbye

Failing::

    nodes:
      goodbye:
        type: hangup
        prompt: goodbye
        colour: red        # not a field of a hangup node
"""

from __future__ import annotations

from ivr.lint.problem import ERROR

ID = "IVR000"
NAME = "invalid-file"
SEVERITY = ERROR


def check(model, known):
    """The syntax and schema problems found while reading the files."""
    yield from model.invalid
