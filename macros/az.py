"""The generated "Services A–Z" index."""
from __future__ import annotations

from itertools import groupby

from markupsafe import escape

from .catalog import Catalog
from .sections import entry_link


def sort_key(name: str) -> str:
    """Sort ignoring the vendor prefix, as people look for 'Kinesis', not 'Amazon Kinesis'."""
    for prefix in ("Amazon SageMaker ", "SageMaker ", "Amazon ", "AWS "):
        if name.startswith(prefix) and len(name) > len(prefix):
            return name[len(prefix):].casefold()
    return name.casefold()


def services_az(catalog: Catalog, from_page: str, domain_names: dict[str, str]) -> str:
    entries = sorted(catalog, key=lambda e: sort_key(e.name))
    out: list[str] = []
    letters = []
    for letter, group in groupby(entries, key=lambda e: sort_key(e.name)[0].upper()):
        letter = letter if letter.isalpha() else "#"
        letters.append(letter)
        out.append(f"## {letter} {{ #az-{letter.lower() if letter != '#' else 'num'} }}\n")
        for entry in group:
            aliases = f" — <small>{escape(', '.join(entry.aliases))}</small>" if entry.aliases else ""
            status = "" if entry.status == "current" else f' <span class="svc-status svc-status--{entry.status}">{escape(entry.status_label)}</span>'
            out.append(f"- {entry_link(entry, from_page)}{aliases}{status}  \n"
                       f"  {escape(entry.summary)} <small>({escape(domain_names[entry.domain])})</small>")
        out.append("")
    jump = " · ".join(f"[{l}](#az-{l.lower() if l != '#' else 'num'})" for l in letters)
    header = f'<p class="az-jump">{len(entries)} entries. Jump to: </p>\n\n{jump}\n'
    return header + "\n" + "\n".join(out)
