package se.vagvisaren.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.vagvisaren.testing.MutableClock;
import se.vagvisaren.testing.TeamsActivity;

/**
 * Issue 20: in local mode without {@code VAGVISAREN_LINK_SECRET}, a calendar link handed out before a restart
 * still works after it. Two bot instances, one after the other, on the same H2 file.
 */
class CalendarLinkRestartTest {

    @TempDir
    Path data;

    private static final Map<String, String> NO_SECRET = Map.of(
            "VAGVISAREN_LINK_SECRET", "", "vagvisaren.teams.app-id", "", "db-scheduler.enabled", "false");

    @Test
    void calendarLink_afterRestartOnTheSameDatabase_stillServesTheFeed() throws Exception {
        String url = "jdbc:h2:file:" + data.resolve("bot") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        MutableClock clock = new MutableClock(Instant.parse("2026-12-04T10:00:00Z"));
        String path;
        String otherTeamsPath;
        try (BotInstance first = BotInstance.start("before-restart", url, clock, NO_SECRET)) {
            first.create(TeamsActivity.TEAM_ID, "Lägesbilden till styrgruppen", LocalDate.of(2027, 3, 15), LocalTime.of(10, 0), "0");
            CalendarLinks links = first.bean(CalendarLinks.class);
            path = pathOf(links.url(TeamsActivity.TEAM_ID));
            otherTeamsPath = pathOf(links.url("19:another-team@thread.tacv2"));
            assertThat(get(first.port(), path).statusCode()).isEqualTo(200);
        }

        try (BotInstance second = BotInstance.start("after-restart", url, clock, NO_SECRET)) {
            HttpResponse<String> feed = get(second.port(), path);

            assertThat(feed.statusCode()).isEqualTo(200);
            assertThat(feed.body()).contains("SUMMARY:Lägesbilden till styrgruppen");
            // the token is still bound to its team
            HttpResponse<String> moved = get(second.port(), otherTeamsPath.replace("another-team", "teamNorsjo42"));
            assertThat(moved.statusCode()).isEqualTo(403);
            assertThat(moved.body()).startsWith("Kalenderlänken gäller inte");
        }
    }

    private static String pathOf(String link) {
        URI uri = URI.create(link);
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
