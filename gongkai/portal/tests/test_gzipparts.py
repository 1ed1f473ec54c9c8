"""A gzip body joined from parts compressed ahead and values added per request."""
import gzip
import zlib

import pytest

from gongkai.portal import gzipparts

PAGE = ["<html><body>" + "公开目录 " * 400 + '<input value="', '"><input value="',
        '">' + "</p>页脚" * 300 + "</body></html>"]


@pytest.mark.parametrize("values", [["a" * 64, "k" * 57], ["", ""], ["x", "页脚" * 10]])
def test_the_joined_body_is_the_whole_page_for_any_gzip_reader(values):
    parts = tuple(part.encode() for part in PAGE)
    body = gzipparts.join(parts, gzipparts.pack(list(parts)), [v.encode() for v in values])
    text = (PAGE[0] + values[0] + PAGE[1] + values[1] + PAGE[2]).encode()
    assert gzip.decompress(body) == text
    reader = zlib.decompressobj(16 + zlib.MAX_WBITS)
    assert reader.decompress(body) == text and reader.eof and not reader.unused_data


def test_a_values_size_on_the_wire_does_not_depend_on_the_page_around_it():
    parts = tuple(part.encode() for part in PAGE)
    packed = gzipparts.pack(list(parts))
    # A value repeating the page's own text compresses no better than random letters.
    echo = "公开目录 公开目录 公开目录 公开目录 公开".encode()[:57]
    other = (b"Q7x9Lm2Vb8Nc4Rt6Yw1Pz3Kd5Hf0Gj8Sa2Eu7Io4Xq9Cv6Bn1Mk3Zl5W" * 2)[:len(echo)]
    sizes = {len(gzipparts.join(parts, packed, [value, value])) for value in (echo, other)}
    assert len(sizes) == 1


def test_a_value_longer_than_a_stored_block_is_refused():
    with pytest.raises(ValueError):
        gzipparts.stored(b"x" * 70000)
