"""X-Queries on every answer of the benchmark's servers: how many SQL queries it ran."""

from django.db import connection


class QueryCountMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        queries = []
        with connection.execute_wrapper(lambda execute, *args: queries.append(1) or execute(*args)):
            response = self.get_response(request)
        response["X-Queries"] = str(len(queries))
        return response
