from django.http import Http404, HttpResponse
from django.views.generic import TemplateView

from core.interfaces import interface
from core.licence import LICENCE_NAME, LICENCE_URL, licence_link_header
from core.siteurl import absolute_url

from .catalogue import SERIALISATIONS, catalogue
from .datasets import DATASETS, find_dataset, indicator_datasets
from .formats import RESPONSES, excel_csv_response


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


@interface
def download(request, key: str, fmt: str):
    dataset = find_dataset(key)
    if dataset is None or fmt not in dataset.formats:
        raise Http404("Diesen Datensatz gibt es nicht in diesem Format.")
    # Addresses in the data on the configured site address, whatever host was asked.
    return RESPONSES[fmt](dataset, absolute_url)


@interface
def download_excel(request, key: str):
    dataset = find_dataset(key)
    if dataset is None:
        raise Http404("Diesen Datensatz gibt es nicht.")
    return excel_csv_response(dataset, absolute_url)


@interface
def catalogue_view(request, serialisation: str):
    """The DCAT-AP.de catalogue for harvesters such as GovData (Turtle or RDF/XML)."""
    # URIs are identifiers to harvesters: the configured address, never the request's host.
    body = catalogue(absolute_url, serialisation)
    response = HttpResponse(body, content_type=f"{SERIALISATIONS[serialisation]}; charset=utf-8")
    response["Link"] = licence_link_header()
    return response
