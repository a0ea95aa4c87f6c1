"""The benchmark reads wrk's report: throughput, the median and 99th percentile in
milliseconds whatever unit wrk chose, and every error, HTTP or socket."""

from shop.benchmark.wrk import parse

CLEAN = """Running 5s test @ http://127.0.0.1:41000/
  2 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     6.51ms    2.10ms  31.02ms   85.12%
    Req/Sec     1.23k   110.20     1.50k    71.00%
  Latency Distribution
     50%  620.00us
     75%    7.12ms
     90%    8.90ms
     99%    1.20s
  12345 requests in 5.01s, 2.10MB read
Requests/sec:   2464.07
Transfer/sec:    429.18KB
"""

WITH_ERRORS = CLEAN.replace(
    "Requests/sec:",
    "  Socket errors: connect 0, read 3, write 0, timeout 2\n"
    "  Non-2xx or 3xx responses: 7\nRequests/sec:",
)


def test_a_clean_report_gives_throughput_and_percentiles_in_milliseconds():
    measured = parse(CLEAN)

    assert measured.requests_per_second == 2464.07
    assert measured.requests == 12345
    assert measured.p50_ms == 0.62
    assert measured.p99_ms == 1200.0
    assert measured.errors == 0


def test_http_and_socket_errors_are_counted_together():
    assert parse(WITH_ERRORS).errors == 12


def test_the_mixed_load_asks_for_every_get_page_in_turn_with_its_own_headers():
    from shop.benchmark.pages import Page, mixed_script

    pages = [
        Page("home", "/", 0.25),
        Page("search", '/search/?q="kefir"', 0.10),
        Page("add", "/basket/add/1/", 0.10, ("Cookie: a=1",), lua='wrk.method = "POST"'),
        Page("profile", "/accounts/profile/", 0.10, ("Cookie: sessionid=abc",)),
    ]

    script = mixed_script(pages)

    assert '{path = "/", headers = {}},' in script
    assert r'{path = "/search/?q=\"kefir\"", headers = {}},' in script
    assert '{path = "/accounts/profile/", headers = {["Cookie"] = "sessionid=abc"}},' in script
    assert "/basket/add/" not in script, "the POST keeps its own script"
    assert "turn = turn % #pages + 1" in script
