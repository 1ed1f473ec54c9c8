"""The client's address, as far as it can be trusted.

Behind the reverse proxy the docs prescribe, REMOTE_ADDR is the proxy's address, so
every citizen would share one rate-limit bucket. The forwarded headers are believed only
when the direct peer is one of ``GONGKAI_TRUSTED_PROXIES`` (addresses or CIDRs): then
X-Forwarded-For is read from the right, skipping trusted proxies, and the first address
not trusted is the client (anything further left is the client's to forge). Without
X-Forwarded-For, X-Real-IP set by the proxy is used.
"""
import ipaddress
from functools import lru_cache

from django.conf import settings


@lru_cache(maxsize=8)
def _networks(spec: tuple[str, ...]) -> tuple:
    return tuple(ipaddress.ip_network(item, strict=False) for item in spec)


def _parse(value: str):
    value = (value or "").strip()
    if value.startswith("[") and "]" in value:
        value = value[1:value.index("]")]
    try:
        address = ipaddress.ip_address(value.split("%", 1)[0])
    except ValueError:
        return None
    return address.ipv4_mapped or address if address.version == 6 else address


def _trusted(address) -> bool:
    networks = _networks(tuple(getattr(settings, "GONGKAI_TRUSTED_PROXIES", ())))
    return address is not None and any(address in net for net in networks
                                       if net.version == address.version)


def client_ip(request) -> str:
    """The client's IP address as a string ("" when unknown)."""
    peer = _parse(request.META.get("REMOTE_ADDR", ""))
    if not _trusted(peer):
        return str(peer) if peer else ""
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if forwarded:
        for item in reversed(forwarded.split(",")):
            address = _parse(item)
            if address is None:
                break  # garbage from the left side: stop at the last good hop
            if not _trusted(address):
                return str(address)
            peer = address
        return str(peer)
    real = _parse(request.META.get("HTTP_X_REAL_IP", ""))
    return str(real) if real else str(peer)
