-- "Lesson done" as a browser sends it: the signed-in cookie, the antiforgery token in the form body.
wrk.method = "POST"
wrk.body = "__RequestVerificationToken=" .. os.getenv("BENCH_TOKEN")
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = os.getenv("BENCH_COOKIE")
