"""One entry for one person as a MIME message (Python's email package).

``multipart/alternative``: the plain text, then the HTML inside a ``multipart/related`` that
carries the photos the HTML shows by ``cid:``. Each person gets their own message, addressed
to them alone. Answers reach the writer (``Reply-To``); ``List-Unsubscribe`` is a mailto to the
writer too. (``List-Unsubscribe-Post`` is left out on purpose: RFC 8058 one-click needs an
HTTPS endpoint, which a static journal does not have.)
"""

from __future__ import annotations

import email.utils
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from urllib.parse import quote

from travelog.mail.family_list import Person
from travelog.mail.render import RenderedEntry
from travelog.smtp_settings import SmtpSettings

UNSUBSCRIBE_SUBJECT = "Unsubscribe"
# Long headers (List-Unsubscribe, Message-ID) stay on one line: some receivers mis-read a
# URL or id folded onto the next line. 998 is the hard limit of RFC 5322.
_POLICY = SMTP.clone(max_line_length=998)


def build_message(
    rendered: RenderedEntry, person: Person, *, smtp: SmtpSettings, site_name: str, list_id: str
) -> EmailMessage:
    message = EmailMessage(policy=_POLICY)
    domain = smtp.sender_address.rpartition("@")[2]
    message["Subject"] = rendered.subject
    message["From"] = Address(
        display_name=smtp.sender_name or site_name, addr_spec=smtp.sender_address
    )
    message["To"] = person.address()
    message["Reply-To"] = smtp.to
    message["Date"] = email.utils.formatdate(localtime=True)
    message["Message-ID"] = email.utils.make_msgid(idstring=rendered.entry.slug, domain=domain)
    message["List-Id"] = f"<{list_id}>"
    message["List-Unsubscribe"] = (
        f"<mailto:{smtp.to_address}?subject={quote(UNSUBSCRIBE_SUBJECT + ' ' + person.email)}>"
    )
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(rendered.text, cte="quoted-printable")
    message.add_alternative(rendered.html, subtype="html", cte="quoted-printable")
    _, html_part = message.iter_parts()
    for image in rendered.images:
        html_part.add_related(
            image.data,
            maintype="image",
            subtype=image.subtype,
            cid=f"<{image.cid}>",
            disposition="inline",
            filename=image.filename,
        )
    return message
