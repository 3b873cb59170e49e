"""Deliver messages through the writer's SMTP server, one recipient per message.

A refused recipient is reported and left for the next run; a failure that concerns every
message (no connection, a wrong password, TLS refused) stops the run with one line. Either
way what was delivered is recorded after each message, so nothing is sent twice.
"""

from __future__ import annotations

import smtplib
import ssl
from collections.abc import Iterator
from contextlib import contextmanager
from email.message import EmailMessage

from travelog.errors import TravelogError
from travelog.smtp_settings import SMTP_ENV_PREFIX, Security, SmtpSettings

TIMEOUT_SECONDS = 30


class RecipientRefused(Exception):
    """The server would not take this one message; the others can still go."""

    def __init__(self, recipient: str, reason: str):
        super().__init__(f"{recipient}: {reason}")
        self.recipient = recipient
        self.reason = reason


@contextmanager
def smtp_connection(
    smtp: SmtpSettings, *, context: ssl.SSLContext | None = None
) -> Iterator[smtplib.SMTP]:
    """A logged-in connection (STARTTLS, SSL or plain, as configured)."""
    where = f"{smtp.host}:{smtp.port}"
    context = context or ssl.create_default_context()
    try:
        if smtp.security is Security.SSL:
            connection: smtplib.SMTP = smtplib.SMTP_SSL(
                smtp.host, smtp.port, timeout=TIMEOUT_SECONDS, context=context
            )
        else:
            connection = smtplib.SMTP(smtp.host, smtp.port, timeout=TIMEOUT_SECONDS)
        with connection:
            if smtp.security is Security.STARTTLS:
                connection.starttls(context=context)
            if smtp.username:
                connection.login(smtp.username, smtp.password)
            yield connection
    except smtplib.SMTPAuthenticationError:
        raise TravelogError(
            f"{where} refused the login; check {SMTP_ENV_PREFIX}USERNAME and "
            f"{SMTP_ENV_PREFIX}PASSWORD (nothing more was sent)"
        ) from None
    except smtplib.SMTPNotSupportedError as error:
        raise TravelogError(
            f"{where} does not offer {_feature(error)}; set {SMTP_ENV_PREFIX}SECURITY "
            "(starttls, ssl or none) to what the server supports (nothing more was sent)"
        ) from None
    except ssl.SSLError as error:
        raise TravelogError(
            f"TLS with {where} failed ({error.reason or error}); check {SMTP_ENV_PREFIX}SECURITY "
            "and PORT (nothing more was sent)"
        ) from None
    except (smtplib.SMTPException, OSError) as error:
        reason = " ".join(str(error).split()) or type(error).__name__
        raise TravelogError(
            f"cannot send through {where} ({reason}); check {SMTP_ENV_PREFIX}HOST and PORT "
            "and try again: what was not sent will be sent then"
        ) from None


def deliver(connection: smtplib.SMTP, message: EmailMessage, sender: str, recipient: str) -> None:
    """Send one message to one recipient; raise RecipientRefused if only it was refused."""
    try:
        connection.send_message(message, from_addr=sender, to_addrs=[recipient])
    except smtplib.SMTPRecipientsRefused as error:
        code, reason = next(iter(error.recipients.values()))
        raise RecipientRefused(recipient, f"{code} {_text(reason)}") from None
    except smtplib.SMTPDataError as error:
        if 500 <= error.smtp_code < 600:
            raise RecipientRefused(
                recipient, f"{error.smtp_code} {_text(error.smtp_error)}"
            ) from None
        raise


def _text(reason: bytes | str) -> str:
    value = reason.decode("utf-8", "replace") if isinstance(reason, bytes) else reason
    return " ".join(value.split())


def _feature(error: smtplib.SMTPNotSupportedError) -> str:
    text = str(error)
    return "STARTTLS" if "STARTTLS" in text.upper() else "login (AUTH)"
