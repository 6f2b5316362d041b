"""The callback worker: claim due callbacks, dial them, and settle each by its call's outcome."""

from __future__ import annotations

import logging
from concurrent.futures import Executor, ThreadPoolExecutor
from datetime import datetime
from itertools import islice

from ivr.actions.services import Services
from ivr.domain.callback_slots import candidate_slots
from ivr.store.callbacks import Claim, claim_due, get_callback, known_call_sids, mark_dialed, rebook, release, unsettled
from ivr.store.calls import record_status
from ivr.store.db import Store
from ivr.telephony import Dialer

log = logging.getLogger(__name__)

PARALLEL_DIALS = 10  # calls one worker has in flight to Twilio at once
RETRY_STATUSES = {"busy", "no-answer", "failed"}  # the person may answer a later try
FINAL_STATES = {"completed": "completed", "canceled": "cancelled"}


def dialling_pool() -> Executor:
    """The threads a worker dials with: a dial is mostly waiting on Twilio, so a batch is dialled side by side."""
    return ThreadPoolExecutor(max_workers=PARALLEL_DIALS, thread_name_prefix="dial")


def dispatch_once(store: Store, services: Services, dialer: Dialer, worker: str, pool: Executor,
                  batch: int = 20) -> int:
    """Dial every callback this worker could claim now, side by side in `pool`; how many calls were placed."""
    claims = claim_due(store, worker, services.clock(), services.callbacks.lease, batch)
    # A recovered claim asks Twilio which calls went to its number since the dead worker's claim; a
    # call this worker places side by side to the same number would pass for the dead worker's until
    # its SID is stored, so recovered claims are settled first, one at a time, and fresh ones after.
    recovered = [claim for claim in claims if claim.earlier_claim is not None]
    fresh = [claim for claim in claims if claim.earlier_claim is None]
    placed = sum(_dispatch(store, services, dialer, claim) for claim in recovered)
    # Each SID is stored as its call is placed, not when the batch is done.
    return placed + sum(pool.map(lambda claim: _dispatch(store, services, dialer, claim), fresh))


def _dispatch(store: Store, services: Services, dialer: Dialer, claim: Claim) -> int:
    """Place one claimed callback's call and store its SID; 1 when placed, 0 when it must wait for the lease."""
    try:
        call_sid = _dial_once(store, dialer, claim)
    except Exception:  # one failed dial must not stop the others; the lease lets it be retried
        log.exception("callback %s: dialing failed", claim.callback.id)
        return 0
    mark_dialed(store, claim.callback.id, call_sid, services.clock())
    return 1


def _dial_once(store: Store, dialer: Dialer, claim: Claim) -> str:
    """The CallSid of the callback's call: the one a dead worker placed, as Twilio's call list tells, or a new one.

    A worker that died after Twilio accepted its call but before storing the SID left a claim with no
    SID; redialling blindly would ring the person twice, so Twilio settles whether that call exists.
    A call to the same number that another callback already holds is that one's, not this one's.
    """
    callback = claim.callback
    if claim.earlier_claim is not None:
        placed = dialer.placed_since(callback.phone, claim.earlier_claim)
        held = known_call_sids(store, placed)
        unclaimed = [sid for sid in placed if sid not in held]
        if unclaimed:
            log.info("callback %s: call %s was already placed; not dialling again", callback.id, unclaimed[0])
            return unclaimed[0]
    return dialer.place(callback.id, callback.phone, callback.lang)


def reconcile(store: Store, services: Services, dialer: Dialer) -> int:
    """Settle callbacks whose status callback never came, asking Twilio how their call ended."""
    now, settled = services.clock(), 0
    for callback_id, call_sid in unsettled(store, now - services.callbacks.reconcile_after):
        try:
            status = dialer.status(call_sid)
        except Exception:  # Twilio unreachable: ask again on the next round
            log.exception("callback %s: could not fetch call %s", callback_id, call_sid)
            continue
        # Recorded like a status callback, so a late one that does arrive changes nothing.
        if record_status(store, call_sid, status, now) and settle(store, services, callback_id, status):
            settled += 1
    return settled


def settle(store: Store, services: Services, callback_id: int, call_status: str) -> str | None:
    """Apply an outbound call's final status to its callback; the callback's new state."""
    callback = get_callback(store, callback_id)
    if callback is None or callback.state != "dialing":
        return None  # already settled: a repeated status callback changes nothing
    now = services.clock()
    if call_status in FINAL_STATES:
        release(store, callback_id, FINAL_STATES[call_status], now)
        return FINAL_STATES[call_status]
    if call_status not in RETRY_STATUSES:
        return None  # ringing, in-progress...: not an outcome yet
    if callback.attempts < services.callbacks.max_attempts and _retry(store, services, callback, now):
        return "scheduled"
    state = "failed" if call_status == "failed" else "no-answer"
    release(store, callback_id, state, now)
    return state


def _retry(store: Store, services: Services, callback, now: datetime) -> bool:
    """Book the next open slot after the retry delay, inside the caller's window."""
    policy = services.callbacks
    later = now + policy.retry_after
    starts = list(islice(candidate_slots(later, callback.time_zone, services.hours, policy.window, days=7), 50))
    return rebook(store, callback.id, starts, policy.capacity, now) is not None
