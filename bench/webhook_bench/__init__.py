"""The parts of bench/bench_webhooks.py: the cases, the calls to replay, the served apps, wrk."""
