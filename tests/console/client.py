"""A stand-in for a browser over real HTTP, for the console's HTTP tests.

It keeps the console's cookies itself: `requests` rightly never sends a Secure cookie over plain
http, while browsers treat 127.0.0.1 as a secure origin and do.
"""

from __future__ import annotations

import re
from http.cookies import SimpleCookie
from typing import Any

import requests
from requests.adapters import HTTPAdapter

from tests.console.staff import code_for

FORM_TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


class FromAddress(HTTPAdapter):
    """Connections from this loopback address (any of 127.0.0.0/8), as a client elsewhere."""

    def __init__(self, address: str) -> None:
        self.address = address
        super().__init__()

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, source_address=(self.address, 0), **kwargs)


class ConsoleClient:
    """`source_address` connects from another loopback address; `headers` go with every
    request (a forged X-Forwarded-For, say)."""

    def __init__(
        self, base_url: str, source_address: str | None = None, headers: dict | None = None
    ) -> None:
        self.base_url = base_url
        self.cookies: dict[str, str] = {}
        self.set_cookies: list[SimpleCookie] = []
        self.page = ""
        self._http = requests.Session()
        if source_address is not None:
            self._http.mount("http://", FromAddress(source_address))
        self._headers = headers or {}

    def request(self, method: str, path: str, data: dict | None = None) -> requests.Response:
        response = self._http.request(
            method, f"{self.base_url}{path}", data=data, cookies=self.cookies,
            headers=self._headers, allow_redirects=False, timeout=60,
        )  # fmt: skip
        for header in response.raw.headers.getlist("Set-Cookie"):
            cookie: SimpleCookie = SimpleCookie(header)
            self.set_cookies.append(cookie)
            for name, morsel in cookie.items():
                if morsel.value:
                    self.cookies[name] = morsel.value
                else:
                    self.cookies.pop(name, None)
        if response.headers.get("content-type", "").startswith("text/html"):
            self.page = response.text
        return response

    def get(self, path: str) -> requests.Response:
        return self.request("GET", path)

    def post(self, path: str, data: dict, token: str | None = "from the page") -> requests.Response:
        """POST a form with the page's form token, another token, or (None) none at all."""
        if token == "from the page":
            token = self.form_token()
        return self.request("POST", path, {**data, **({"csrf_token": token} if token else {})})

    def follow(self, response: requests.Response) -> requests.Response:
        assert response.status_code == 303, response.text
        return self.get(response.headers["Location"])

    def form_token(self) -> str:
        found = FORM_TOKEN.search(self.page)
        assert found, "no form on the last page"
        return found.group(1)

    def sign_in(self, username: str, password: str, code: str | None = None) -> requests.Response:
        """With the code the person's authenticator app shows now, unless another is given."""
        self.get("/console/sign-in")
        code = code_for(username) if code is None else code
        return self.post(
            "/console/sign-in", {"username": username, "password": password, "code": code}
        )
