"""Atom feeds of the published meetings and documents (/termine/atom.xml, /dokumente/atom.xml)."""

from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.formats import date_format

from core.feeds import AtomFeed

from .models import Document, Meeting


class MeetingFeed(AtomFeed):
    section = "Termine"
    link = reverse_lazy("governance:meeting_list")
    subtitle = "Sitzungen und Termine der Gremien, zuletzt angekündigte oder geänderte zuerst."

    def items(self):
        return (
            Meeting.objects.published()
            .select_related("body")
            .order_by("-updated_at", "pk")[: self.limit]
        )

    def item_title(self, item: Meeting) -> str:
        day = date_format(timezone.localtime(item.start), "j. F Y")
        title = f"{item.title} am {day}"
        return f"Abgesagt: {title}" if item.cancelled else title

    def item_summary(self, item: Meeting) -> str:
        when = date_format(timezone.localtime(item.start), "l, j. F Y, H:i")
        parts = [f"{item.body.name}: {when} Uhr"]
        if item.location:
            parts.append(item.location)
        summary = ", ".join(parts) + "."
        if item.cancelled:
            summary += " Dieser Termin ist abgesagt."
        return summary

    def item_pubdate(self, item: Meeting):
        return item.created_at


class DocumentFeed(AtomFeed):
    section = "Dokumente"
    link = reverse_lazy("governance:document_list")
    subtitle = "Neue und geänderte Dokumente der Stadtregion, zuletzt veröffentlichte zuerst."

    def items(self):
        return (
            Document.objects.published()
            .select_related("body")
            .order_by("-updated_at", "pk")[: self.limit]
        )

    def item_summary(self, item: Document) -> str:
        summary = f"{item.get_kind_display()} vom {date_format(item.date, 'j. F Y')}"
        if item.body:
            summary += f" ({item.body.name})"
        summary += "."
        if item.description:
            summary += f" {item.description}"
        return summary

    def item_pubdate(self, item: Document):
        return item.created_at
