package se.vagvisaren.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.vagvisaren.testing.MutableClock;

/**
 * Issue 19: {@code /overview/tab}, the overview as a Teams tab. A forged, expired or missing link gets a
 * 403 with one line and no data; the config page holds no data; the Teams library is served only when
 * the build fetched it, else a 404 with one line.
 */
@ProgressBotTest
class OverviewTabTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    OverviewLinks links;
    @Autowired
    MutableClock clock;

    @Test
    void tab_withForgedExpiredOrMissingToken_is403WithOneLineAndNoData() throws Exception {
        clock.set(Instant.parse("2026-11-25T09:00:00Z"));
        String good = links.token(ProgressBotTest.COUNTY_OFFICER);
        String forged = good.substring(0, good.length() - 2) + (good.endsWith("A") ? "BB" : "AA");
        String otherHolder = links.token("29:someone-else");
        for (String query : new String[] {"token=" + forged, "token=" + otherHolder, "", "token=" + "x".repeat(5000), "token=%00"}) {
            HttpResponse<String> response = get("/overview/tab?theme=dark&" + query);
            assertThat(response.statusCode()).as(query).isBetween(400, 499);
            assertThat(response.body()).as(query).doesNotContain("<table").doesNotContain("Norsjö")
                    .doesNotContain("<script");
        }
        assertThat(get("/overview/tab?token=" + forged).body()).contains("ogiltig eller har gått ut");

        clock.advance(Duration.ofDays(8));
        HttpResponse<String> expired = get("/overview/tab?token=" + good);
        assertThat(expired.statusCode()).isEqualTo(403);
        assertThat(expired.body()).contains("ogiltig eller har gått ut").doesNotContain("<table");
    }

    @Test
    void tab_withValidToken_loadsOnlySameOriginScripts() throws Exception {
        clock.set(Instant.parse("2026-11-25T09:00:00Z"));
        HttpResponse<String> response = get("/overview/tab?theme=nonsense&token=" + links.token(ProgressBotTest.COUNTY_OFFICER));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("data-theme=\"light\"")
                .contains("<script src=\"/teams-js/MicrosoftTeams.min.js\"").contains("<script src=\"/overview/tab.js\"");
        assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self'").contains("frame-ancestors 'self' https://teams.microsoft.com");
    }

    @Test
    void configPage_showsTheFormAndNoData() throws Exception {
        HttpResponse<String> response = get("/overview/config");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<h1>Lägg till översikten som flik</h1>").contains("<label for=\"overview-link\"")
                .contains("/overview/config.js").doesNotContain("<table");
        assertThat(get("/overview/config.js").statusCode()).isEqualTo(200);
        assertThat(get("/overview/tab.js").body()).contains("registerOnThemeChangeHandler");
    }

    @Test
    void teamsLibrary_missing_is404WithOneLine_present_isServedAsJavaScript(@TempDir Path folder) throws IOException {
        TeamsJsResources missing = new TeamsJsResources(folder);
        var notFound = missing.library();
        assertThat(notFound.getStatusCode().value()).isEqualTo(404);
        assertThat(new String(notFound.getBody(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("Teams JavaScript library not installed; run deployment/teams/fetch-teams-js.sh\n");

        Files.writeString(folder.resolve(TeamsJsResources.FILE_NAME), "window.microsoftTeams={};");
        var found = missing.library();
        assertThat(found.getStatusCode().value()).isEqualTo(200);
        assertThat(found.getHeaders().getContentType().toString()).startsWith("text/javascript");
        assertThat(new String(found.getBody(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("window.microsoftTeams={};");
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
