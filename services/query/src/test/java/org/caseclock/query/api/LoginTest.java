package org.caseclock.query.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.caseclock.events.Topics;
import org.caseclock.local.LocalKafkaBroker;
import org.caseclock.local.LocalMongoServer;
import org.caseclock.oidc.OidcProvider;
import org.caseclock.query.store.AuditLog;
import org.caseclock.query.store.ItemStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard's sign-in (README, "Security") against a real OpenID Connect provider started
 * here ({@link OidcProvider}, Spring Authorization Server), driven as a browser drives it: an HTTP
 * client that keeps cookies and follows redirects, filling in the provider's sign-in form. The
 * provider insists on PKCE, so a sign-in that gets through used it. The organisation: teams T1
 * and T2 in service FAM, T3 in service CLA; one overdue item in T1 and one in T3.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
        "caseclock.security.enabled=true",
        "caseclock.security.claims.teams=" + OidcProvider.TEAMS_CLAIM,
        "caseclock.organisation.teams.T1=FAM",
        "caseclock.organisation.teams.T2=FAM",
        "caseclock.organisation.teams.T3=CLA"})
@DirtiesContext
class LoginTest {

    static final int PORT = freePort();
    static final String DASHBOARD = "http://localhost:" + PORT;
    static final ConfigurableApplicationContext PROVIDER = OidcProvider.start(DASHBOARD);
    static final LocalKafkaBroker KAFKA = LocalKafkaBroker.startTemporary()
            .withTopics(1, Topics.COMPLIANCE_ITEMS, Topics.INDICATOR_VALUES, Topics.ALERTS, Topics.ENGINE_PROGRESS);
    static final LocalMongoServer MONGO = LocalMongoServer.inMemory(0);
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** What a browser asks for when it follows a link or a redirect. */
    static final String PAGE = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    static final JsonMapper JSON = JsonMapper.builder().build();
    /** Spring Security's sign-in form: its CSRF token is a hidden field. */
    static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        String issuer = OidcProvider.issuer(PROVIDER);
        String client = "spring.security.oauth2.client.registration.authority.";
        registry.add("server.port", () -> PORT);
        registry.add(client + "client-id", () -> OidcProvider.CLIENT_ID);
        registry.add(client + "client-secret", () -> OidcProvider.CLIENT_SECRET);
        registry.add(client + "scope", () -> "openid,profile");
        registry.add("spring.security.oauth2.client.provider.authority.issuer-uri", () -> issuer);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> issuer);
        registry.add("spring.mongodb.uri", () -> MONGO.uri("caseclock-login"));
        registry.add("spring.kafka.bootstrap-servers", KAFKA::bootstrapServers);
    }

    @AfterAll
    static void stop() {
        PROVIDER.close();
        MONGO.close();
    }

    @Autowired
    ItemStore items;

    @Autowired
    MongoTemplate mongo;

    /**
     * A browser: its own cookies for each site; redirects are followed by {@link #send} (signing out
     * takes six in a row, past the HTTP client's own limit of five).
     */
    final HttpClient browser = HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @BeforeEach
    void oneOverdueItemInT1AndOneInT3() {
        TwoServices.oneOverdueItemInT1AndOneInT3(items, mongo);
    }

    @Test
    void a_team_manager_signed_in_at_the_provider_reads_their_teams_list_is_refused_another_teams_and_signing_out_ends_the_session()
            throws Exception {
        // Given the team manager of T1 opens the dashboard and is sent to the provider's sign-in form
        HttpResponse<String> form = get(DASHBOARD + "/");
        assertThat(form.uri().toString()).startsWith(OidcProvider.issuer(PROVIDER) + "/login");

        // When they sign in there
        HttpResponse<String> dashboard = signIn(form, "manager-t1");

        // Then they are back on the dashboard
        assertThat(dashboard.statusCode()).isEqualTo(200);
        // (Spring marks the address it saved before the sign-in with "?continue")
        assertThat(dashboard.uri().toString()).isIn(DASHBOARD + "/", DASHBOARD + "/?continue");
        assertThat(dashboard.body()).contains("<script src=\"dashboard.js\"></script>");
        // And it is offered their team's lists only, from the provider's teams claim
        JsonNode me = json(get(DASHBOARD + "/api/me"));
        assertThat(me.get("sub").asString()).isEqualTo("manager-t1");
        assertThat(me.get("lists").toString()).isEqualTo("[\"team/T1\"]");
        assertThat(me.get("auditTrail").asBoolean()).isFalse();

        // And their team's list is open to the session, with no token
        HttpResponse<String> own = get(DASHBOARD + "/api/overdue?scope=team/T1");
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(json(own).get("items").get(0).get("subject").asString()).isEqualTo("child/C1");
        // But another team's is refused, naming the scope
        HttpResponse<String> other = get(DASHBOARD + "/api/overdue?scope=team/T3");
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(json(other).get("scope").asString()).isEqualTo("team/T3");
        // And both reads are in the audit trail under their name
        assertThat(mongo.getCollection(AuditLog.COLLECTION).find().into(new ArrayList<>()))
                .extracting(d -> d.getString("sub") + " " + d.getString("scope") + " " + d.getBoolean("allowed"))
                .containsExactlyInAnyOrder("manager-t1 team/T1 true", "manager-t1 team/T3 false");

        // When they sign out (the form the dashboard posts, with the session's CSRF token)
        JsonNode signOut = me.get("signOut");
        HttpResponse<String> after = post(DASHBOARD + signOut.get("url").asString(),
                Map.of(signOut.get("parameter").asString(), signOut.get("token").asString()));

        // Then the provider's session ended too (RP-initiated logout): coming back to the
        // dashboard asks for the password again
        assertThat(after.uri().toString()).startsWith(OidcProvider.issuer(PROVIDER) + "/login");
        // And the next API call is no longer authorised
        HttpResponse<String> again = get(DASHBOARD + "/api/overdue?scope=team/T1");
        assertThat(again.statusCode()).isEqualTo(401);
        assertThat(again.body()).doesNotContain("child/");
    }

    @Test
    void signing_out_without_the_sessions_csrf_token_is_refused_and_the_session_stays() throws Exception {
        // Given a signed-in team manager
        signIn(get(DASHBOARD + "/"), "manager-t1");

        // When a page elsewhere posts to the sign-out without the token
        HttpResponse<String> forged = post(DASHBOARD + "/logout", Map.of());

        // Then it is refused, and the session still reads the team's list
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(get(DASHBOARD + "/api/overdue?scope=team/T1").statusCode()).isEqualTo(200);
    }

    @Test
    void an_api_call_without_a_session_or_token_is_401_not_sent_to_the_sign_in() throws Exception {
        HttpResponse<String> answer = get(DASHBOARD + "/api/overdue?scope=team/T1");
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.uri().toString()).startsWith(DASHBOARD);
        assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    }

    @Test
    void a_machines_bearer_token_from_the_provider_still_reads_the_lists_it_reaches_and_makes_no_session() throws Exception {
        // Given the reporting job's token from the provider, with the scope lists:la
        HttpResponse<String> granted = browser.send(HttpRequest.newBuilder(URI.create(OidcProvider.issuer(PROVIDER) + "/oauth2/token"))
                        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                                (OidcProvider.MACHINE_ID + ":" + OidcProvider.MACHINE_SECRET).getBytes(StandardCharsets.UTF_8)))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=lists:la")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(granted.statusCode()).isEqualTo(200);
        String token = json(granted).get("access_token").asString();

        // When it reads the authority's overdue list with it
        HttpResponse<String> list = browser.send(HttpRequest.newBuilder(URI.create(DASHBOARD + "/api/overdue?scope=LA"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());

        // Then it gets both items, and no session cookie
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(json(list).get("items").size()).isEqualTo(2);
        assertThat(list.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void the_signed_in_dashboard_page_comes_with_the_security_headers() throws Exception {
        HttpResponse<String> page = signIn(get(DASHBOARD + "/"), "manager-t1");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-inline"));
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    }

    @Test
    void in_chromium_the_signed_in_team_manager_is_offered_their_team_only_sees_its_list_and_signs_out_and_the_policy_blocks_nothing()
            throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "no " + CHROMIUM + " or " + CHROMEDRIVER + " (apt-get install -y chromium chromium-driver)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--user-data-dir=" + Files.createTempDirectory("chromium-login"));
        // The console, where Chromium reports anything the content security policy blocked.
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        WebDriver chromium = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build(), options);
        try {
            WebDriverWait wait = new WebDriverWait(chromium, Duration.ofSeconds(30));
            // Given the team manager of T1 opens the dashboard, When they sign in at the provider
            chromium.get(DASHBOARD + "/");
            wait.until(b -> b.getCurrentUrl().startsWith(OidcProvider.issuer(PROVIDER) + "/login"));
            chromium.findElement(By.name("username")).sendKeys("manager-t1");
            chromium.findElement(By.name("password")).sendKeys(OidcProvider.PASSWORD);
            chromium.findElement(By.cssSelector("button[type=submit]")).click();

            // Then the dashboard opens on their team's overdue list, with their child in it
            wait.until(b -> b.getCurrentUrl().startsWith(DASHBOARD + "/"));
            wait.until(b -> b.findElements(By.cssSelector("#overdue tr[data-key]")).stream()
                    .anyMatch(row -> row.getText().contains("C1")));
            assertThat(chromium.getCurrentUrl()).contains("scope=team%2FT1");
            // And the scope picker offers T1 only: not the authority, not T3
            assertThat(chromium.findElements(By.cssSelector("#scope option")).stream()
                    .map(o -> o.getAttribute("value")).toList()).containsExactly("team/T1");
            assertThat(chromium.findElement(By.id("who")).getText()).startsWith("Signed in as manager-t1");
            // And nothing on the page was blocked by the content security policy
            assertThat(chromium.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .map(LogEntry::getMessage).filter(m -> m.contains("Content Security Policy")).toList()).isEmpty();

            // When they sign out
            chromium.findElement(By.cssSelector("#who button[type=submit]")).click();

            // Then they are at the provider's sign-in again
            wait.until(b -> b.getCurrentUrl().startsWith(OidcProvider.issuer(PROVIDER) + "/login"));
        } finally {
            chromium.quit();
        }
    }

    private HttpResponse<String> signIn(HttpResponse<String> form, String user) throws Exception {
        Matcher csrf = CSRF_FIELD.matcher(form.body());
        assertThat(csrf.find()).as("the provider's sign-in form has a CSRF field").isTrue();
        return post(form.uri().toString(),
                Map.of("username", user, "password", OidcProvider.PASSWORD, "_csrf", csrf.group(1)));
    }

    /** As a browser asks for a page; the dashboard's script asks for JSON, which is no different to the server. */
    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", PAGE).GET().build());
    }

    /** Sends, then follows redirects as a browser does (each one a GET), up to 20. */
    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = browser.send(request, HttpResponse.BodyHandlers.ofString());
        for (int hops = 0; hops < 20 && List.of(301, 302, 303).contains(response.statusCode()); hops++) {
            URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
            response = browser.send(HttpRequest.newBuilder(next).header("Accept", PAGE).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }
        return response;
    }

    private HttpResponse<String> post(String url, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", PAGE)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
