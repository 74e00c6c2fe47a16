"""Akoma Ntoso out: what precedes the text: meta (FRBR, workflow, votes), cover, preface."""

from __future__ import annotations

from typing import TYPE_CHECKING

from resparse.exports._akn_base import _Base
from resparse.exports._akn_groups import (
    _COMMITTEE_RE,
    _NO_COMMITTEE_RE,
    _NO_DATE,
    _U,
    _VOTE_OUTCOMES,
    _agenda_line,
    _find_printed_date,
    _Group,
    _squash,
    _votes,
    _written_date,
)

if TYPE_CHECKING:
    from lxml import etree

    from resparse.model import VoteRecord


class _Front(_Base):
    """The meta block, the cover page and the preface of a statement."""

    def identification(self, meta: etree._Element, number: str, name: str) -> None:
        """FRBR work, expression and manifestation; ``name`` is ``!main`` or an annex's."""
        date = (self.adopted or _NO_DATE).isoformat()
        issued = (self.issued or _NO_DATE).isoformat()
        work = f"/akn/un/statement/deliberation/{self.body.actor}/{date}/{number}"
        expression = f"{work}/{self.language}@"
        body = self.ref(
            self.body.ref,
            kind="TLCOrganization",
            href=f"/akn/ontology/organization/un/{self.body.ontology}",
            show=self.body.name,
        )
        identification = self.el(meta, "identification", {"source": self.ref("resparse")})
        frbr = self.el(identification, "FRBRWork")
        self.el(frbr, "FRBRthis", {"value": f"{work}/{name}"})
        self.el(frbr, "FRBRuri", {"value": work})
        self.el(frbr, "FRBRdate", {"date": date, "name": "adoption"})
        self.el(frbr, "FRBRauthor", {"href": body, "as": self.ref("author")})
        self.el(frbr, "FRBRcountry", {"value": "un"})
        if self.header.number:
            self.el(frbr, "FRBRnumber", {"value": self.header.number.rstrip(". ")})
        if self.header.symbol:
            self.el(frbr, "FRBRname", {"value": self.header.symbol})
        frbr = self.el(identification, "FRBRExpression")
        self.el(frbr, "FRBRthis", {"value": f"{expression}/{name}"})
        self.el(frbr, "FRBRuri", {"value": expression})
        self.el(frbr, "FRBRdate", {"date": issued, "name": "publication"})
        self.el(frbr, "FRBRauthor", {"href": body, "as": self.ref("issuer")})
        self.el(frbr, "FRBRlanguage", {"language": self.language})
        frbr = self.el(identification, "FRBRManifestation")
        self.el(frbr, "FRBRthis", {"value": f"{expression}/{name}.xml"})
        self.el(frbr, "FRBRuri", {"value": f"{expression}.akn"})
        self.el(frbr, "FRBRdate", {"date": issued, "name": "markup"})
        self.el(frbr, "FRBRauthor", {"href": self.ref("resparse"), "as": self.ref("editor")})

    def meta(self, parent: etree._Element, group: _Group | None, number: str) -> etree._Element:
        meta = self.el(parent, "meta")
        self.identification(meta, number, "!main")
        vote = group.votes[0] if group is not None and group.votes else None
        if vote is not None:
            self.workflow(meta, vote)
            self.analysis(meta, vote)
        return meta

    def workflow(self, meta: etree._Element, vote: VoteRecord) -> None:
        """The adoption step; ``by`` says "unanimously" or gives the tally as the UN's do."""
        date = vote.date or self.adopted
        if date is None:
            return
        by = ""
        if vote.method == "unanimous":
            by = "Adopted unanimously"
        elif self.body.security_council and vote.in_favour is not None:
            by = f"Adopted {vote.in_favour}-{vote.against or 0}-{vote.abstaining or 0}"
        if by and vote.meeting:
            by = f"{by}, {vote.meeting}"
        workflow = self.el(meta, "workflow", {"source": self.ref("resparse")})
        step, by = _failed_step(vote) or ("adopted", by)
        self.el(workflow, "step", {"date": date.isoformat(), "outcome": step, "by": by})

    def analysis(self, meta: etree._Element, vote: VoteRecord) -> None:
        counts = (
            ("inFavour", vote.in_favour, vote.in_favour_states),
            ("against", vote.against, vote.against_states),
            ("abstaining", vote.abstaining, vote.abstaining_states),
        )
        known = any(value is not None or states for _, value, states in counts)
        outcome = _VOTE_OUTCOMES.get(vote.method or "")
        if outcome is None and not known:
            return
        analysis = self.el(meta, "analysis", {"source": self.ref("resparse")})
        voting = self.el(
            self.el(analysis, "parliamentary"), "voting", {"outcome": outcome} if outcome else {}
        )
        if not known:
            self.el(voting, "quorum", {"value": ""})  # the schema wants a child; the UN's too
            return
        for key, value, states in counts:
            # an unknown count is written empty, which reads back as unknown, not as zero
            value_text = "" if value is None else str(value)
            count = self.el(voting, "count", {"value": value_text, "refersTo": self.ref(key)})
            if states:
                voters = self.etree.SubElement(count, _U + "voters")
                for state in states:
                    self.el(voters, "organization", {"refersTo": self.ref("memberState")}, state)
        # members named absent or not participating: counts of resparse's own, so the
        # round trip keeps them (the UN's files have no such counts)
        for key, states in (
            ("absent", vote.absent_states),
            ("notParticipating", vote.not_participating_states),
        ):
            if states:
                count = self.el(
                    voting, "count", {"value": str(len(states)), "refersTo": self.ref(key)}
                )
                voters = self.etree.SubElement(count, _U + "voters")
                for state in states:
                    self.el(voters, "organization", {"refersTo": self.ref("memberState")}, state)

    def references(self, meta: etree._Element) -> None:
        references = self.el(meta, "references", {"source": self.ref("resparse")})
        for key, (kind, href, show) in self.refs.items():
            attrib = {"eId": key, "href": href or f"/akn/ontology/concept/un/{key}"}
            self.el(references, kind, {**attrib, "showAs": show})

    def printed(self, field: str, fallback: str | None) -> str | None:
        """A header field as the source printed it (``Distr.: General``), else ``fallback``."""
        span = self.header.span_of(field)
        text = _squash(self.res.raw(span)) if span is not None else ""
        return text or fallback

    def cover(self, parent: etree._Element, group: _Group | None) -> None:
        """One ``p`` per printed line, each holding the element the UN marks it with."""
        header = self.header
        cover = self.el(parent, "coverPage")
        if header.publisher:
            self.line(cover, "docAuthority", {"refersTo": self.ref("publisher")}, header.publisher)
        if header.symbol:
            self.line(cover, "docNumber", {"refersTo": self.ref("symbol")}, header.symbol)
        if header.body:
            self.line(cover, "docAuthority", {"refersTo": self.ref("issuingBody")}, header.body)
        fallback = header.distribution and f"Distr.: {header.distribution}"
        if distribution := self.printed("distribution", fallback):
            ref = {"refersTo": self.ref("generalDistribution")}
            self.line(cover, "docStatus", ref, distribution)
        if header.issued is not None:
            written = _written_date(header.issued, self.res.language, issued=True)
            text = self.printed("issued", None) or written
            ref = {"date": header.issued.isoformat(), "refersTo": self.ref("dateOfIssuance")}
            self.line(cover, "docDate", ref, text)
        if session := header.session_title:
            ref = {"refersTo": self.ref(self.body.ref)}
            if header.session is not None:
                ref["value"] = str(header.session)
            self.line(cover, "session", ref, session)
        self.agenda(cover)
        self.adoption_lines(cover, group)
        if header.report_line:
            ref = {"refersTo": self.proponent(header.report_line)}
            self.line(cover, "docProponent", ref, header.report_line)
        if not len(cover):
            self.el(cover, "p")

    def agenda(self, cover: etree._Element) -> None:
        items = self.header.agenda_items
        if not items:
            return
        numbers = [item.number for item in items]
        title = numbers[0] if len(numbers) == 1 else ", ".join(numbers[:-1]) + " and " + numbers[-1]
        first = self.res.raw(items[0].span).strip().split("\n", 1)[0]
        squashed = _squash(first)
        printed = squashed if _agenda_line(squashed, self.res.language) else ""
        if not printed:
            printed = f"Agenda item{'s' if len(numbers) > 1 else ''} {title}"
        self.line(cover, "inline", {"name": "agenda item", "title": title}, printed)
        for item in items:
            if item.title:
                self.line(cover, "inline", {"name": "agenda item name"}, item.title)

    def adoption_lines(self, cover: etree._Element, group: _Group | None) -> None:
        """The adoption line; the Security Council's comes after its number and carries its vote."""
        header = self.header
        if self.body.security_council and header.number:
            printed = self.printed("number", None)
            if not printed or header.number not in printed:
                printed = f"Resolution {header.number}"
            self.line(cover, "docTitle", {"refersTo": self.ref("resolutionNumber")}, printed)
        if not header.adoption_line:
            return
        text = header.adoption_line
        vote = self.cover_vote(group)
        if vote is None:
            self.line(cover, "docTitle", {}, text)
            return
        title = self.el(self.el(cover, "p"), "docTitle", {"refersTo": self.ref("adoption")})
        self.meeting_and_date(title, text, vote, event=False)

    def cover_vote(self, group: _Group | None) -> VoteRecord | None:
        """The vote printed as the cover's adoption line (the Security Council's way)."""
        line = self.header.span_of("adoption_line")
        if line is None or not self.body.security_council:
            return None
        votes = group.votes if group is not None else _votes(self.res)
        return next((v for v in votes if v.span.overlaps(line) or v.span == line), None)

    def proponent(self, report_line: str) -> str:
        """The committee a report line names, as a reference (``#sixthCommittee``)."""
        if _NO_COMMITTEE_RE.search(report_line):
            return self.ref("noMainCommittee")
        found = _COMMITTEE_RE.search(report_line)
        if found is None:
            return self.ref("proponent")
        key = found["name"].lower() + "Committee"
        href = f"/akn/ontology/organization/un/{key}"
        return self.ref(key, kind="TLCOrganization", href=href, show=f"{found['name']} Committee")

    def preface(self, parent: etree._Element) -> None:
        header = self.header
        if self.body.security_council or not (header.number or header.title):
            return
        p = self.el(self.el(parent, "preface"), "p")
        last: etree._Element | None = None
        if header.number:
            printed = self.printed("number", None)
            if not printed or header.number.rstrip(". ") not in printed:
                printed = header.number.rstrip(". ") + "."
            last = self.el(p, "docNumber", text=printed)
        if header.title:
            self.add_text(p, last, " ")
            self.el(p, "docTitle", {"refersTo": self.ref("resolutionTitle")}, header.title)

    def meeting_and_date(
        self, parent: etree._Element, text: str, vote: VoteRecord, *, event: bool
    ) -> None:
        """A line naming the meeting and the date, both marked where they appear.

        In the conclusions (``event``) the UN writes ``event/location, eol, docDate``; on
        the Security Council's cover, ``inline name="adoptionMeeting"`` and ``docDate``.
        """
        marks: list[tuple[int, int, str, dict[str, str]]] = []
        if vote.meeting and (at := text.find(vote.meeting)) >= 0:
            ref = {"refersTo": self.ref("adoptionMeeting")}
            tag, attrib = (
                ("location", ref) if event else ("inline", {"name": "adoptionMeeting", **ref})
            )
            marks.append((at, at + len(vote.meeting), tag, attrib))
        printed = (
            _find_printed_date(text, vote.date, self.res.language)
            if vote.date is not None
            else None
        )
        clash = printed is not None and any(s < printed[1] and printed[0] < e for s, e, *_ in marks)
        if vote.date is not None and printed is not None and not clash:
            attrib = {"date": vote.date.isoformat(), "refersTo": self.ref("adoptionDate")}
            marks.append((*printed, "docDate", attrib))
        marks.sort(key=lambda mark: mark[0])
        tags = [tag for _, _, tag, _ in marks]
        if tags == ["location", "docDate"] and not text[marks[0][1] : marks[1][0]].strip():
            (m_start, m_end, _, m_attrib), (d_start, d_end, _, d_attrib) = marks
            self.add_text(parent, None, text[:m_start])
            wrapper = self.el(parent, "event", {"refersTo": self.ref("adoption")})
            self.el(wrapper, "location", m_attrib, text[m_start:m_end])
            self.el(wrapper, "eol")
            self.el(wrapper, "docDate", d_attrib, text[d_start:d_end])
            self.add_text(parent, wrapper, text[d_end:])
            return
        last: etree._Element | None = None
        cursor = 0
        for start, end, tag, attrib in marks:
            self.add_text(parent, last, text[cursor:start])
            last = self.el(parent, tag, attrib, text[start:end])
            cursor = end
        self.add_text(parent, last, text[cursor:])


def _failed_step(vote: VoteRecord) -> tuple[str, str] | None:
    """The workflow step of a draft that failed, worded as the UN's files word it."""
    if vote.outcome == "not_adopted":
        return "notAdopted", "The draft resolution was not adopted"
    if vote.outcome != "vetoed":
        return None
    by = "The draft resolution was not adopted due to the negative vote of "
    names = list(vote.vetoed_by)
    if len(names) > 1:
        by += f"{len(names)} permanent members of the Security Council"
    else:
        by += "a permanent member of the Security Council"
    if names:
        listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        by += f" ({listed})"
    return "veto", by
