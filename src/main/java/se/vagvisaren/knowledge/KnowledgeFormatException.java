package se.vagvisaren.knowledge;

/** A knowledge file that cannot be read as passages. The message names the file and the reason. */
public class KnowledgeFormatException extends RuntimeException {

    public KnowledgeFormatException(String file, String reason) {
        super(file + ": " + reason);
    }

    public KnowledgeFormatException(String file, String reason, Throwable cause) {
        super(file + ": " + reason, cause);
    }
}
