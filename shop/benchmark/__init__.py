"""``manage.py bench``'s parts: the store and a bare Django view served the same way
(gunicorn), wrk driving both, and the pages with their targets as ratios of the bare
view's throughput measured in the same run (a shared machine's noise moves both)."""
