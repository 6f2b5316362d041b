"""`flask call`: walk the IVR from a terminal, reading prompts and typing answers."""

from __future__ import annotations

import click
from flask import current_app
from flask.cli import with_appcontext

from ivr.harness.simulator import SimulatedCall
from ivr.harness.transport import FlaskTransport
from ivr.runtime import runtime

HELP = ("Type keys (1, 0, *, 3222190012345#), or words after a quote ('case status), "
        "Enter alone for silence, q to hang up.")


def _show(call: SimulatedCall, shown: int) -> int:
    """Print the transcript since entry `shown`; return the new count."""
    for who, what in call.transcript[shown:]:
        if who == "ivr":
            click.echo(click.style("  ivr: ", fg="cyan") + what)
        elif who == "transfer":
            click.echo(click.style(f"  -> transferred to {what}", fg="green"))
    return len(call.transcript)


def _act(call: SimulatedCall, answer: str) -> None:
    """Do what the person typed."""
    if answer.startswith("'"):
        call.say(answer[1:].strip())
    elif answer:
        call.press(answer)
    else:
        call.silence()


@click.command("call")
@click.option("--from", "caller", default="+12025550143", show_default=True, help="The caller's number.")
@click.option("--to", "called", default="+18003755283", show_default=True, help="The number dialled.")
@click.option("--agent", "agent_outcome", default="answered", show_default=True,
              type=click.Choice(["answered", "busy", "no-answer", "failed", "queue-full"]),
              help="What happens when the IVR transfers you.")
@with_appcontext
def call_command(caller: str, called: str, agent_outcome: str) -> None:
    """Place a simulated call to this IVR and walk it from the terminal."""
    call = SimulatedCall(FlaskTransport(current_app.test_client()), "http://localhost", runtime().auth_token,
                         caller=caller, called=called, agent_outcome=agent_outcome)
    click.echo(HELP)
    printed = _show(call.start(), 0)
    while not call.ended:
        answer = click.prompt(click.style("you", fg="yellow"), default="", show_default=False).strip()
        if answer.lower() in ("q", "quit", "hangup"):
            call.hangup()
            break
        try:
            _act(call, answer)
        except AssertionError as problem:  # input the IVR is not waiting for: say so, keep the call
            click.echo(click.style(f"  ! {problem}", fg="red"))
        printed = _show(call, printed)
    click.echo("Call ended.")
