package org.opensmur.oru.web;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** The dashboard as a person's browser uses it: cookies kept, redirects followed, the login form posted. */
final class Browsers {

    private Browsers() {
    }

    /** A browser of its own (its own session cookie). */
    static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    static HttpResponse<String> get(HttpClient http, String base, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> login(HttpClient http, String base, String name, String password) throws Exception {
        return http.send(loginRequest(base, name, password), HttpResponse.BodyHandlers.ofString());
    }

    /** The login form as posted. */
    static HttpRequest loginRequest(String base, String name, String password) {
        return HttpRequest.newBuilder(URI.create(base + "login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=" + URLEncoder.encode(name, StandardCharsets.UTF_8)
                        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8))).build();
    }
}
