package se.vagvisaren.knowledge;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks what a single file cannot check on its own: citations of the handbook, web addresses and links
 * between passages. A problem here never costs the passage: the bad part is left out (a url that is not
 * {@code https}, a {@code related} id that does not exist) and the problem names the file and line.
 */
final class PassageValidator {

    /** Documents whose name starts with this are the handbook; their passages must cite section and url. */
    static final String HANDBOOK = "inget att vänta på";

    private PassageValidator() {
    }

    /**
     * @param passages passages with unique ids, in load order
     * @param lines    front-matter lines per {@link Passage#origin()}; a missing entry means no line numbers
     * @param problems receives one problem per finding
     * @return the passages, with malformed urls and unknown related ids removed
     */
    static List<Passage> validate(List<Passage> passages, Map<String, FrontMatterLines> lines, List<KnowledgeProblem> problems) {
        Set<String> ids = passages.stream().map(Passage::id).collect(Collectors.toSet());
        List<Passage> out = new ArrayList<>(passages.size());
        for (Passage p : passages) {
            FrontMatterLines where = lines.getOrDefault(p.origin(), FrontMatterLines.none());
            out.add(checkRelated(checkSource(p, where, problems), ids, where, problems));
        }
        return out;
    }

    private static Passage checkSource(Passage p, FrontMatterLines where, List<KnowledgeProblem> problems) {
        PassageSource source = p.source();
        if (source.url() != null && !isHttps(source.url())) {
            problems.add(KnowledgeProblem.kept(p.origin(), where.line("url"),
                    "source.url '" + source.url() + "' is not an https address; the link is left out"));
            source = source.withoutUrl();
        }
        if (isHandbook(source.document())) {
            Integer sourceLine = where.line("source");
            if (source.section() == null) {
                problems.add(KnowledgeProblem.kept(p.origin(), sourceLine,
                        "cites the handbook without source.section (the handbook's number and title, e.g. \"2.1 Definiera ...\")"));
            }
            if (source.url() == null && p.source().url() == null) {
                problems.add(KnowledgeProblem.kept(p.origin(), sourceLine,
                        "cites the handbook without source.url (the official page of that step or chapter)"));
            }
        }
        return source == p.source() ? p : p.withSource(source);
    }

    private static Passage checkRelated(Passage p, Set<String> ids, FrontMatterLines where, List<KnowledgeProblem> problems) {
        List<String> kept = new ArrayList<>();
        for (String id : p.related()) {
            if (ids.contains(id) && !id.equals(p.id())) {
                kept.add(id);
            } else {
                String why = id.equals(p.id()) ? "points at the passage itself" : "does not exist";
                problems.add(KnowledgeProblem.kept(p.origin(), where.line("related", id),
                        "related id '" + id + "' " + why + "; the link is left out"));
            }
        }
        return kept.size() == p.related().size() ? p : p.withRelated(kept);
    }

    static boolean isHandbook(String document) {
        return document != null && document.strip().toLowerCase(Locale.ROOT).startsWith(HANDBOOK);
    }

    /** An absolute {@code https} URL with a host, e.g. {@code https://jamstalldhetsmyndigheten.se/...}. */
    static boolean isHttps(String url) {
        try {
            URI uri = new URI(url);
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
