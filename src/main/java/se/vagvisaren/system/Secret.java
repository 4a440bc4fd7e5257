package se.vagvisaren.system;

/**
 * The secrets the bot signs with, each read only from its environment variable. They are separate so one can
 * be rotated without the other: rotating {@link #LINK} ends every handed-out link, rotating {@link #HASH}
 * changes every pseudonym.
 */
public enum Secret {

    /** Keyed hashes standing in for user ids: reflection respondents and owners, authors in exports. */
    HASH("VAGVISAREN_HASH_SECRET", "hash"),

    /** Signed links opened outside Teams: calendar feeds and the county-board overview. */
    LINK("VAGVISAREN_LINK_SECRET", GeneratedSecrets.LINKS);

    private final String variable;
    private final String storedName;

    Secret(String variable, String storedName) {
        this.variable = variable;
        this.storedName = storedName;
    }

    /** The environment variable that sets it, e.g. {@code VAGVISAREN_LINK_SECRET}. */
    public String variable() {
        return variable;
    }

    /** Its name in the {@code generated_secret} table when generated in local mode. */
    String storedName() {
        return storedName;
    }
}
