"""Atom feed of the published projects (/projekte/atom.xml)."""

from django.urls import reverse_lazy

from core.feeds import AtomFeed

from .models import Project


class ProjectFeed(AtomFeed):
    section = "Projekte"
    link = reverse_lazy("projects:project_list")
    subtitle = "Die gemeinsamen Projekte der Kommunen, zuletzt geänderte zuerst."

    def items(self):
        return (
            Project.objects.published()
            .select_related("field_of_action")
            .order_by("-updated_at", "pk")[: self.limit]
        )

    def item_summary(self, item: Project) -> str:
        return (
            f"{item.summary} Handlungsfeld: {item.field_of_action.name}. "
            f"Stand: {item.get_status_display()}."
        )

    def item_pubdate(self, item: Project):
        return item.created_at
