package se.vagvisaren.progress;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.vagvisaren.admin.AdminProperties;
import se.vagvisaren.admin.WorkspaceZones;
import se.vagvisaren.conversation.Language;

/**
 * {@code GET /overview?token=…}: the read-only cross-municipality page for the county board, opened
 * from a signed link the bot hands out in chat ({@link OverviewLinks}). It may be framed by Teams (as a
 * website tab) and by nothing else; it loads only its own inline style (nonce) and, as a tab
 * ({@code /overview/tab}), only same-origin scripts.
 */
@RestController
@RequiredArgsConstructor
class OverviewController {

    private static final Logger log = LoggerFactory.getLogger(OverviewController.class);
    /** Weeks shown in each municipality's timeline. */
    static final int WEEKS = 12;
    private static final int LATEST = 5;
    private static final int MAX_UPDATES_PER_CHART = 2000;
    /** Teams, Microsoft 365 and Outlook hosts that may show the page as a tab (Teams tab requirements). */
    static final String FRAME_ANCESTORS = "'self' https://teams.microsoft.com https://*.teams.microsoft.com "
            + "https://*.cloud.microsoft https://*.microsoft365.com https://*.office.com "
            + "https://outlook.office.com https://outlook.office365.com";

    private final OverviewLinks links;
    private final AdminProperties admin;
    private final WorkspaceSummaries summaries;
    private final ProgressStore store;
    private final SummaryCards names;
    private final OverviewHtml html;
    private final WorkspaceZones zones;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /** Same-origin scripts of the Teams tab: Microsoft's library (served by {@code TeamsJsResources}), then ours. */
    static final List<String> TAB_SCRIPTS = List.of(TeamsJsResources.LIBRARY_PATH, "/overview/tab.js");

    @GetMapping(path = OverviewLinks.PATH)
    ResponseEntity<String> overview(@RequestParam(name = "token", required = false) String token,
                                    @RequestParam(name = "theme", required = false) String theme) {
        return render(token, OverviewTheme.parse(theme), List.of());
    }

    /**
     * {@code GET /overview/tab?token=…}: the same page as a Teams tab. It also loads the Teams JavaScript
     * library so that it follows the Teams theme; the link is checked exactly as for {@code /overview}.
     */
    @GetMapping(path = OverviewLinks.TAB_PATH)
    ResponseEntity<String> tab(@RequestParam(name = "token", required = false) String token,
                               @RequestParam(name = "theme", required = false) String theme) {
        return render(token, OverviewTheme.parse(theme), TAB_SCRIPTS);
    }

    /**
     * {@code GET /overview/config}: the configuration page of the channel tab (and the personal tab's
     * start page), where the person pastes the signed overview link. It shows no data.
     */
    @GetMapping(path = OverviewLinks.CONFIG_PATH)
    ResponseEntity<String> config(@RequestParam(name = "theme", required = false) String theme) {
        String nonce = nonce();
        return page(HttpStatus.OK, html.config(nonce, OverviewTheme.parse(theme),
                List.of(TeamsJsResources.LIBRARY_PATH, "/overview/config.js")), nonce);
    }

    private ResponseEntity<String> render(String token, OverviewTheme theme, List<String> scripts) {
        String nonce = nonce();
        Optional<String> holder = links.verify(token);
        if (holder.isEmpty()) {
            return page(HttpStatus.FORBIDDEN, html.refusal("progress.overview.page.invalid-link", nonce, theme), nonce);
        }
        boolean stillCountyBoard = admin.countyBoard().stream().map(links::holder).anyMatch(holder.get()::equals);
        if (!stillCountyBoard) {
            log.info("Overview link of a former county-board member refused");
            return page(HttpStatus.FORBIDDEN, html.refusal("progress.overview.page.revoked", nonce, theme), nonce);
        }
        Instant now = clock.instant();
        List<OverviewHtml.MunicipalityView> views = new ArrayList<>();
        for (WorkspaceSummaries.WorkspaceSummary summary : summaries.all()) {
            views.add(view(summary, now));
        }
        return page(HttpStatus.OK, html.page(views, now, nonce, theme, scripts), nonce);
    }

    private OverviewHtml.MunicipalityView view(WorkspaceSummaries.WorkspaceSummary summary, Instant now) {
        // each municipality's weeks in its own zone
        ZoneId zone = zones.of(summary.workspaceId());
        LocalDate thisMonday = LocalDate.ofInstant(now, zone).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate firstMonday = thisMonday.minusWeeks(WEEKS - 1);
        List<Integer> weekNumbers = new ArrayList<>();
        for (int i = 0; i < WEEKS; i++) {
            weekNumbers.add(firstMonday.plusWeeks(i).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        }
        int[][] counts = new int[ProgressUpdate.LAST_STEP][WEEKS];
        Instant from = firstMonday.atStartOfDay(zone).toInstant();
        for (ProgressUpdate u : store.latest(summary.workspaceId(), from, now.plusSeconds(1), List.of(), MAX_UPDATES_PER_CHART)) {
            LocalDate day = LocalDate.ofInstant(u.createdAt(), zone);
            int week = (int) ChronoUnit.WEEKS.between(firstMonday, day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
            if (week >= 0 && week < WEEKS) {
                u.steps().forEach(step -> counts[step - 1][week]++);
            }
        }
        List<ProgressUpdate> latest = store.latest(summary.workspaceId(), Instant.EPOCH, now.plusSeconds(1), List.of(), LATEST);
        return new OverviewHtml.MunicipalityView(names.displayName(summary, Language.SV), summary, counts, weekNumbers, latest);
    }

    static ResponseEntity<String> page(HttpStatus status, String body, String nonce) {
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'nonce-" + nonce + "'; "
                        + "img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors " + FRAME_ANCESTORS)
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }

    private String nonce() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
