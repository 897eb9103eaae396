package org.caseclock.alerts.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.caseclock.alerts.config.AlertsProperties;
import tools.jackson.databind.json.JsonMapper;

/** POSTs the message as JSON, signed with the shared secret. */
public final class WebhookChannel implements Channel {

    public static final String NAME = "webhook";
    public static final String DELIVERY_HEADER = "X-Caseclock-Delivery";

    private final URI url;
    private final String secret;
    private final Duration timeout;
    private final JsonMapper json;
    private final HttpClient client;

    public WebhookChannel(AlertsProperties.Webhook config, JsonMapper json) {
        if (config.secret() == null || config.secret().isBlank()) {
            throw new IllegalStateException("caseclock.alerts.webhook.secret is required with a webhook URL: "
                    + "receivers check every request's signature with it");
        }
        this.url = config.url();
        this.timeout = config.timeout();
        this.secret = config.secret();
        this.json = json;
        // Redirects are not followed: a signed request goes to the configured URL or nowhere.
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String send(Message message) throws IOException, InterruptedException {
        byte[] body = json.writeValueAsBytes(message);
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header(Signature.HEADER, Signature.of(secret, body))
                .header(DELIVERY_HEADER, message.deliveryId())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("HTTP " + response.statusCode());
        }
        return url.toString();
    }
}
