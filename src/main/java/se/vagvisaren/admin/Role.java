package se.vagvisaren.admin;

/** What a person may do in a team beyond what every member may do. */
public enum Role {
    /** Samordnare / processledare: manages deadlines, closes exercises, grants roles in the team. */
    COORDINATOR,
    /** Utbildare / MVP leader: launches and closes reflection exercises. */
    FACILITATOR,
    /** Länsstyrelsen: reads the cross-municipality overview; configured, never granted in chat. */
    COUNTY_BOARD
}
