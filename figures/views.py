from django.db.models import Prefetch
from django.views.generic import DetailView, TemplateView

from governance.models import Document
from members.models import Municipality

from . import charts, summaries
from .models import Indicator
from .overview import latest_region_values
from .series import load_table


def published_reports():
    return Document.objects.published().filter(kind=Document.Kind.REPORT).order_by("-date", "title")


class FiguresIndexView(TemplateView):
    """All indicators by field of action with the region's latest value, and the reports."""

    template_name = "figures/index.html"

    def get_context_data(self, **kwargs):
        indicators = list(Indicator.objects.for_list())
        latest = latest_region_values(indicators, Municipality.objects.count())
        for indicator in indicators:
            indicator.latest_year, indicator.latest_region = latest.get(indicator.pk, (None, None))
        reports = published_reports().prefetch_related(
            Prefetch("indicators", queryset=Indicator.objects.only("name", "slug", "is_demo"))
        )
        return super().get_context_data(indicators=indicators, reports=reports, **kwargs)


class IndicatorDetailView(DetailView):
    """One indicator: the region's development, the towns compared, each with its table."""

    queryset = Indicator.objects.select_related("field_of_action")
    context_object_name = "indicator"

    def get_context_data(self, **kwargs):
        indicator = self.object
        table = load_table(indicator)
        context = {"table": table, "reports": indicator.reports.published().order_by("-date")}
        series = table.region_series
        if series:
            context["region_chart"] = charts.line_chart(series, indicator.decimals)
            context["region_summary"] = summaries.development(indicator, series)
            context["region_series"] = series
        if table.latest_year:
            latest = table.latest()
            region = table.region(table.latest_year)
            context["town_chart"] = charts.bar_chart(
                [(town.name, value) for town, value in latest], indicator.decimals
            )
            context["town_summary"] = summaries.comparison(
                indicator, table.latest_year, latest, region
            )
            context["latest"] = latest
            context["latest_region"] = region
        return super().get_context_data(**context, **kwargs)
