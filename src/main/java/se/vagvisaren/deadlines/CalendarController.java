package se.vagvisaren.deadlines;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.vagvisaren.admin.WorkspaceZones;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.ReplyTexts;

/**
 * {@code GET /api/deadlines/{workspaceId}/calendar.ics?token=...}: a team's deadlines for calendar
 * subscriptions. Calendar clients cannot send headers, so the signed token is in the query; a missing or
 * wrong token gets 403 with one plain line on what to do, and tells nothing about the team.
 */
@RestController
class CalendarController {

    static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

    private final CalendarLinks links;
    private final CalendarFeed feed;
    private final DeadlineStore deadlines;
    private final Clock clock;
    private final ReplyTexts texts;
    private final WorkspaceZones zones;

    CalendarController(CalendarLinks links, CalendarFeed feed, DeadlineStore deadlines, Clock clock, ReplyTexts texts,
                       WorkspaceZones zones) {
        this.zones = zones;
        this.links = links;
        this.feed = feed;
        this.deadlines = deadlines;
        this.clock = clock;
        this.texts = texts;
    }

    @GetMapping("/api/deadlines/{workspaceId}/calendar.ics")
    ResponseEntity<String> calendar(@PathVariable String workspaceId,
                                    @RequestParam(name = "token", required = false) String token,
                                    @RequestParam(name = "lang", required = false) String lang) {
        Language language = Language.fromCode(lang);
        if (!links.verify(workspaceId, token)) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN)
                    .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                    .body(texts.get(language, "deadlines.calendar.invalid") + "\n");
        }
        String body = feed.write(deadlines.calendar(workspaceId, 500), zones.of(workspaceId), language, clock.instant());
        return ResponseEntity.ok().contentType(TEXT_CALENDAR)
                .cacheControl(CacheControl.noStore())
                .header("Content-Disposition", "inline; filename=\"deadlines.ics\"")
                .body(body);
    }
}
