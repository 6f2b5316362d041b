"""Case status codes and the sentence the IVR speaks for each in English and Spanish."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Status:
    """One case status with its spoken English and Spanish sentence."""

    code: str
    en: str
    es: str


# Each sentence stands alone after "Here is the status of your case." so the call
# flow can read it as is. The agency speaks as "we"; the Spanish uses "usted" and
# the agency's own Spanish terms (solicitud de evidencia, servicios biométricos,
# ceremonia de juramentación).
STATUSES: tuple[Status, ...] = (
    Status(
        "case_received",
        "We received your case.",
        "Recibimos su caso.",
    ),
    Status(
        "fingerprint_fee_received",
        "We received your fingerprint fee payment.",
        "Recibimos el pago de la tarifa de huellas dactilares.",
    ),
    Status(
        "biometrics_scheduled",
        (
            "We scheduled your biometrics appointment. "
            "Your appointment notice has the date, time, and place."
        ),
        (
            "Programamos su cita de servicios biométricos. "
            "Su aviso de cita indica la fecha, la hora y el lugar."
        ),
    ),
    Status(
        "actively_reviewed",
        "We are actively reviewing your case.",
        "Estamos revisando activamente su caso.",
    ),
    Status(
        "rfe_sent",
        (
            "We sent you a request for evidence. "
            "Please respond by the deadline in the notice."
        ),
        (
            "Le enviamos una solicitud de evidencia. "
            "Por favor, responda antes de la fecha límite que indica el aviso."
        ),
    ),
    Status(
        "rfe_response_received",
        "We received your response to our request for evidence.",
        "Recibimos su respuesta a nuestra solicitud de evidencia.",
    ),
    Status(
        "noid_sent",
        (
            "We sent you a notice of intent to deny. "
            "Please respond by the deadline in the notice."
        ),
        (
            "Le enviamos un aviso de intención de denegar. "
            "Por favor, responda antes de la fecha límite que indica el aviso."
        ),
    ),
    Status(
        "interview_scheduled",
        (
            "We scheduled your interview. "
            "Your interview notice has the date, time, and place."
        ),
        (
            "Programamos su entrevista. "
            "Su aviso de entrevista indica la fecha, la hora y el lugar."
        ),
    ),
    Status(
        "interview_completed",
        "Your interview is complete, and we are reviewing your case.",
        "Ya se realizó su entrevista y estamos revisando su caso.",
    ),
    Status(
        "case_transferred",
        (
            "We transferred your case to another office, "
            "which will continue processing it."
        ),
        "Transferimos su caso a otra oficina, que continuará con el trámite.",
    ),
    Status(
        "approved",
        "We approved your case.",
        "Aprobamos su caso.",
    ),
    Status(
        "oath_ceremony_scheduled",
        "We scheduled your oath ceremony. Your notice has the date, time, and place.",
        (
            "Programamos su ceremonia de juramentación. "
            "Su aviso indica la fecha, la hora y el lugar."
        ),
    ),
    Status(
        "card_being_produced",
        "We are producing your new card.",
        "Estamos produciendo su nueva tarjeta.",
    ),
    Status(
        "card_mailed",
        "We mailed your new card.",
        "Le enviamos su nueva tarjeta por correo.",
    ),
    Status(
        "card_delivered",
        "The Postal Service delivered your new card.",
        "El Servicio Postal entregó su nueva tarjeta.",
    ),
    Status(
        "card_returned",
        (
            "The Postal Service returned your new card to us "
            "because it could not be delivered."
        ),
        "El Servicio Postal nos devolvió su nueva tarjeta porque no pudo entregarla.",
    ),
    Status(
        "denied",
        (
            "We denied your case. "
            "The decision notice explains why and what you can do next."
        ),
        (
            "Denegamos su caso. El aviso de decisión explica el motivo "
            "y lo que puede hacer a continuación."
        ),
    ),
    Status(
        "withdrawal_acknowledged",
        (
            "We received your request to withdraw your case "
            "and sent you a notice confirming it."
        ),
        (
            "Recibimos su solicitud de retirar su caso "
            "y le enviamos un aviso que lo confirma."
        ),
    ),
    Status(
        "case_rejected",
        (
            "We could not accept your case, "
            "and we returned it to you with a notice explaining why."
        ),
        (
            "No pudimos aceptar su caso "
            "y se lo devolvimos con un aviso que explica el motivo."
        ),
    ),
    Status(
        "reopened",
        "We reopened your case.",
        "Reabrimos su caso.",
    ),
)

_BY_CODE: dict[str, Status] = {status.code: status for status in STATUSES}


def status_by_code(code: str) -> Status | None:
    """Return the status with this code, or None if there is none."""
    return _BY_CODE.get(code)
