from django.db.models import Count, Prefetch
from django.utils.functional import SimpleLazyObject
from django.views.generic import DetailView, ListView

from core.models import live_q
from core.views import ContentFragmentMixin, FilteredListView, PublishedMixin, newest
from members.models import ContactPerson

from .forms import ProjectFilterForm
from .models import FieldOfAction, Project, WorkingGroup

# Pages of a field or town list the newest projects; all of them are in the filtered list.
NEWEST_PROJECTS = 12


def newest_projects(queryset) -> tuple[list, bool]:
    """The most recently added projects, shown by title, and whether there are more."""
    projects, more = newest(queryset.published().order_by("-created_at", "-pk"), NEWEST_PROJECTS)
    return sorted(projects, key=lambda project: project.title), more


class FieldOfActionListView(ListView):
    context_object_name = "fields"

    def get_queryset(self):
        return FieldOfAction.objects.annotate(
            project_count=Count("projects", filter=live_q("projects__"), distinct=True),
            group_count=Count("working_groups", filter=live_q("working_groups__"), distinct=True),
        ).order_by("order", "name")  # aggregating queries ignore Meta.ordering


class FieldOfActionDetailView(ContentFragmentMixin, DetailView):
    context_object_name = "field"

    def get_context_data(self, **kwargs):
        projects = self.object.projects.prefetch_related("municipalities")
        return super().get_context_data(
            projects=SimpleLazyObject(lambda: newest_projects(projects)), **kwargs
        )

    def get_queryset(self):
        return FieldOfAction.objects.prefetch_related(
            Prefetch(
                "working_groups",
                queryset=WorkingGroup.objects.published(),
                to_attr="published_working_groups",
            ),
        )


class ProjectListView(FilteredListView):
    context_object_name = "projects"
    paginate_by = 24

    def get_queryset(self):
        self.filter_form = ProjectFilterForm(self.request.GET or None)
        return self.filter_form.filter(Project.objects.published().for_list()).distinct()


class ProjectDetailView(ContentFragmentMixin, PublishedMixin, DetailView):
    context_object_name = "project"

    def get_queryset(self):
        return Project.objects.for_detail(self.request.user)


class WorkingGroupListView(ListView):
    context_object_name = "groups"

    def get_queryset(self):
        return (
            WorkingGroup.objects.published()
            .select_related("field_of_action")
            .prefetch_related("municipalities")
            # The field's name too: fields share an order value, and regroup needs them contiguous.
            .order_by("field_of_action__order", "field_of_action__name", "name")
        )


class WorkingGroupDetailView(ContentFragmentMixin, PublishedMixin, DetailView):
    context_object_name = "group"

    def get_context_data(self, **kwargs):
        projects = SimpleLazyObject(lambda: newest_projects(self.object.projects))
        return super().get_context_data(projects=projects, **kwargs)

    def get_queryset(self):
        return self.visible(
            WorkingGroup.objects.select_related("field_of_action").prefetch_related(
                "municipalities",
                Prefetch(
                    "contacts",
                    queryset=ContactPerson.objects.public().select_related("municipality"),
                    to_attr="public_contacts",
                ),
            )
        )
