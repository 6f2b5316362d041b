"""A node id (or any YAML key), flow, prompt id or the line section is defined twice.

YAML would silently keep the last of two equal keys, so the app refuses them; a flow name or a
prompt id defined in two files, or two files setting `line`, are refused the same way. The
linter keeps the first definition and reads on.

Passing::

    nodes:
      goodbye: {type: hangup, prompt: goodbye}
      goodbye_unheard: {type: hangup, prompt: goodbye_unheard}

Failing::

    nodes:
      goodbye: {type: hangup, prompt: goodbye}
      goodbye: {type: hangup, prompt: goodbye_unheard}
"""

from __future__ import annotations

from ivr.lint.problem import ERROR

ID = "IVR002"
NAME = "duplicate-id"
SEVERITY = ERROR


def check(model, known):
    """The keys, flows, prompts and line sections found twice while reading."""
    yield from model.duplicates
