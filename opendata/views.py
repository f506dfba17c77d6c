from django.http import Http404, HttpResponse
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView

from .catalogue import SERIALISATIONS, catalogue
from .datasets import DATASETS, find_dataset, indicator_datasets
from .formats import RESPONSES
from .licence import LICENCE_NAME, LICENCE_URL, licence_link_header


class OpenDataView(TemplateView):
    template_name = "opendata/index.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            datasets=DATASETS,
            indicator_datasets=indicator_datasets(),
            licence_name=LICENCE_NAME,
            licence_url=LICENCE_URL,
            **kwargs,
        )


@require_safe
def download(request, key: str, fmt: str):
    dataset = find_dataset(key)
    if dataset is None or fmt not in dataset.formats:
        raise Http404("Diesen Datensatz gibt es nicht in diesem Format.")
    return RESPONSES[fmt](dataset, request.build_absolute_uri)


@require_safe
def catalogue_view(request, serialisation: str):
    """The DCAT-AP.de catalogue for harvesters such as GovData (Turtle or RDF/XML)."""
    body = catalogue(request.build_absolute_uri, serialisation)
    response = HttpResponse(body, content_type=f"{SERIALISATIONS[serialisation]}; charset=utf-8")
    response["Link"] = licence_link_header()
    response["Access-Control-Allow-Origin"] = "*"
    return response
