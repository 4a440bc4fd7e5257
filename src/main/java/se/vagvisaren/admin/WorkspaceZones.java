package se.vagvisaren.admin;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import se.vagvisaren.system.InvalidSettingException;

/**
 * The one place that says which time zone a workspace lives in: its {@code zone} workspace setting when that is a
 * valid zone id, otherwise the bot's standard zone {@code vagvisaren.zone} (default {@code Europe/Stockholm}).
 * Every feature that turns "måndag kl 9" or "den 15 mars" into an instant asks here; nothing else hard-codes
 * a zone.
 */
@Component
public class WorkspaceZones {

    /** The workspace setting holding a zone id, e.g. {@code Europe/Stockholm}. */
    public static final String SETTING = "zone";
    /** The standard zone when {@code vagvisaren.zone} is not set: where the municipalities using the bot are. */
    public static final ZoneId DEFAULT = ZoneId.of("Europe/Stockholm");
    static final String PROPERTY = "vagvisaren.zone";
    /** The feature zones this setting replaced; a value left in them would otherwise be ignored without a word. */
    static final List<String> RETIRED = List.of("vagvisaren.progress.zone", "vagvisaren.privacy.zone");
    private static final Logger log = LoggerFactory.getLogger(WorkspaceZones.class);

    private final WorkspaceSettings settings;
    private final ZoneId standard;

    /**
     * @throws InvalidSettingException when {@code vagvisaren.zone} is not a zone id, or a retired feature zone is set
     *                                 to another zone (digests and retention would silently move)
     */
    public WorkspaceZones(WorkspaceSettings settings, Environment environment) {
        this.settings = settings;
        String configured = environment.getProperty(PROPERTY, DEFAULT.getId()).trim();
        try {
            this.standard = ZoneId.of(configured);
        } catch (DateTimeException e) {
            throw new InvalidSettingException(PROPERTY, "is not a time zone id such as Europe/Stockholm");
        }
        for (String retired : RETIRED) {
            String value = environment.getProperty(retired, "").trim();
            if (!value.isEmpty() && !value.equals(standard.getId())) {
                throw new InvalidSettingException(retired, "is no longer read: set " + PROPERTY
                        + " (VAGVISAREN_ZONE) instead, or a workspace's own zone setting");
            }
        }
    }

    /**
     * The bot's standard zone, for work that belongs to no single workspace: the weekly digest schedule, the
     * retention sweep, dates shown on progress cards, birth dates in personal identity numbers.
     */
    public ZoneId standard() {
        return standard;
    }

    /** The zone of {@code workspaceId}: its valid {@code zone} setting, otherwise {@link #standard()}. */
    public ZoneId of(String workspaceId) {
        if (workspaceId == null) {
            return standard;
        }
        return settings.get(workspaceId, SETTING).map(value -> parse(workspaceId, value)).orElse(standard);
    }

    private ZoneId parse(String workspaceId, String value) {
        try {
            return ZoneId.of(value.trim());
        } catch (DateTimeException e) {
            log.warn("Workspace {} has an unknown zone setting; using {}", workspaceId, standard);
            return standard;
        }
    }
}
