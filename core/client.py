"""Who is asking: the one place that decides a request's client address.

Behind a reverse proxy REMOTE_ADDR is the proxy, the same for every visitor. The proxy appends
the address it saw to X-Forwarded-For, so the right-most entry that is not one of our own
proxies is the client; everything left of it is whatever the client chose to send.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings

UNKNOWN = "0.0.0.0"
IPV6_GROUP_PREFIX = 64  # one customer line gets a whole /64; counting single addresses is moot


@lru_cache(maxsize=8)
def _networks(proxies: tuple[str, ...]):
    return tuple(ipaddress.ip_network(p, strict=False) for p in proxies)


def _parse(value: str):
    try:
        return ipaddress.ip_address(value.strip().strip("[]"))
    except ValueError:
        return None


def _trusted(address, networks) -> bool:
    return any(address in network for network in networks)


def client_address(request) -> str:
    """The client's address; for IPv6 the first address of its /64, so that it still fits the
    IP address fields of libraries (django-axes) while one line counts as one client."""
    networks = _networks(tuple(settings.TRUSTED_PROXIES))
    address = _parse(request.META.get("REMOTE_ADDR", ""))
    if address is not None and networks and _trusted(address, networks):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        for entry in reversed([e for e in forwarded.split(",") if e.strip()]):
            hop = _parse(entry)
            if hop is None:
                break  # garbage left of our proxies: the last trusted hop is all we know
            address = hop
            if not _trusted(hop, networks):
                break
    if address is None:
        # No usable address (Django's test client logging in, a broken proxy): one shared
        # bucket, and still an IP address, which django-axes stores in an IP column.
        return UNKNOWN
    if address.version == 6:
        if address.ipv4_mapped:
            return str(address.ipv4_mapped)
        network = ipaddress.ip_network(f"{address}/{IPV6_GROUP_PREFIX}", strict=False)
        return str(network.network_address)
    return str(address)
