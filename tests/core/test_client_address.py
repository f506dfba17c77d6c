import pytest
from django.test import RequestFactory

from core.client import client_address


def _request(remote, forwarded=None):
    meta = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **meta)


def test_without_trusted_proxies_forwarded_header_is_ignored(settings):
    settings.TRUSTED_PROXIES = []
    assert client_address(_request("203.0.113.7", "198.51.100.1")) == "203.0.113.7"


@pytest.mark.parametrize(
    ("forwarded", "expected"),
    [
        # The proxy appends what it saw; a client's own entries stand left of it.
        ("198.51.100.1", "198.51.100.1"),
        ("6.6.6.6, 198.51.100.1", "198.51.100.1"),
        ("1.1.1.1, 2.2.2.2, 198.51.100.1", "198.51.100.1"),
        # A second proxy of ours in the chain is skipped.
        ("198.51.100.1, 10.0.0.5", "198.51.100.1"),
        ("nonsense, 198.51.100.1", "198.51.100.1"),
        # Nothing usable: the proxy itself.
        ("", "10.0.0.2"),
        ("nonsense", "10.0.0.2"),
    ],
)
def test_behind_trusted_proxy_rightmost_untrusted_entry_wins(settings, forwarded, expected):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    assert client_address(_request("10.0.0.2", forwarded)) == expected


def test_untrusted_peer_cannot_forge_forwarded_for(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    assert client_address(_request("203.0.113.7", "198.51.100.1")) == "203.0.113.7"


def test_ipv6_addresses_are_grouped_by_64(settings):
    settings.TRUSTED_PROXIES = []
    one = client_address(_request("2001:db8:1:2::1"))
    other = client_address(_request("2001:db8:1:2:ffff:ffff:ffff:ffff"))
    assert one == other == "2001:db8:1:2::"
    assert client_address(_request("2001:db8:1:3::1")) != one


def test_ipv4_mapped_ipv6_counts_as_ipv4(settings):
    settings.TRUSTED_PROXIES = []
    assert client_address(_request("::ffff:203.0.113.7")) == "203.0.113.7"


def test_request_without_address_gets_a_valid_ip_for_ip_columns(settings):
    settings.TRUSTED_PROXIES = []
    request = RequestFactory().get("/")
    del request.META["REMOTE_ADDR"]
    assert client_address(request) == "0.0.0.0"
