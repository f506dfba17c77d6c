from django.views.generic import DetailView, ListView

from .models import Municipality


class MunicipalityListView(ListView):
    model = Municipality
    context_object_name = "municipalities"


class MunicipalityDetailView(DetailView):
    # Projects and working groups of the town come from the projects app's inclusion tags,
    # so this app does not depend on the apps built on top of it.
    queryset = Municipality.objects.with_public_contacts()
    context_object_name = "municipality"
