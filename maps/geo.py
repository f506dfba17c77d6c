"""GeoJSON of the member municipalities and the published project sites (lat/lon decimals)."""

from django.db.models import Prefetch

from members.models import Municipality
from projects.models import Project

MUNICIPALITY = "kommune"
PROJECT = "projekt"


def located_municipalities(slug: str | None = None):
    queryset = Municipality.objects.filter(latitude__isnull=False, longitude__isnull=False)
    return queryset.filter(slug=slug) if slug else queryset


def located_projects(municipality_slug: str | None = None):
    queryset = (
        Project.objects.published()
        .filter(latitude__isnull=False, longitude__isnull=False)
        .select_related("field_of_action")
        .prefetch_related(Prefetch("municipalities", queryset=Municipality.objects.only("name")))
    )
    if municipality_slug:
        queryset = queryset.filter(municipalities__slug=municipality_slug).distinct()
    return queryset


def _point(obj, properties: dict) -> dict:
    # GeoJSON order is longitude, latitude (RFC 7946).
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [float(obj.longitude), float(obj.latitude)]},
        "properties": properties,
    }


def municipality_feature(municipality: Municipality) -> dict:
    return _point(
        municipality,
        {
            "kind": MUNICIPALITY,
            "name": municipality.name,
            "slug": municipality.slug,
            "district": municipality.district,
            "ags": municipality.ags,
            "url": municipality.get_absolute_url(),
        },
    )


def project_feature(project: Project) -> dict:
    return _point(
        project,
        {
            "kind": PROJECT,
            "name": project.title,
            "slug": project.slug,
            "location": project.location_name,
            "field": project.field_of_action.name,
            "municipalities": [m.name for m in project.municipalities.all()],
            "status": project.get_status_display(),
            "demo": project.is_demo,
            "url": project.get_absolute_url(),
        },
    )


def feature_collection(municipality_slug: str | None = None) -> dict:
    """Everything on the region map, or one town and the projects it takes part in."""
    features = [municipality_feature(m) for m in located_municipalities(municipality_slug)]
    features += [project_feature(p) for p in located_projects(municipality_slug)]
    return {"type": "FeatureCollection", "features": features}
