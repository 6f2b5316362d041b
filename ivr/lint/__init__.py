"""The call-flow linter: every rule over every flow file, each problem at its YAML line.

Its modules read YAML, the actions' contracts (ivr.actions.registry), the prompts the code
speaks and the variables calls start with (ivr.flows), and ivr.config; none imports Flask,
Twilio or the store (bar cli.py, the Flask commands), builds the app or opens a database.
`python -m ivr.lint --help`, or `flask lint-flows`; `flask flow-diagram` draws the flows.
"""
