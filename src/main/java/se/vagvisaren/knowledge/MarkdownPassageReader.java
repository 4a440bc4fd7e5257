package se.vagvisaren.knowledge;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.node.AbstractVisitor;
import se.vagvisaren.conversation.Language;

/**
 * Splits a plain Markdown document (no front matter) into passages by its headings (commonmark).
 * Paragraphs, lists and quotes keep their Markdown source so formatting survives into Teams.
 */
final class MarkdownPassageReader {

    private static final Parser PARSER = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS).build();

    private MarkdownPassageReader() {
    }

    /**
     * @param document the citation's document name; the first level-1 heading replaces it when present
     */
    static PdfPassageReader.Reading read(String file, String markdown, String document, Language language, String idPrefix) {
        Node root = PARSER.parse(markdown);
        String title = firstTopHeading(root);
        PassageSplitter splitter = new PassageSplitter(title != null ? title : document, language, idPrefix, LocalDate.now(), file);
        for (Node block = root.getFirstChild(); block != null; block = block.getNext()) {
            if (block instanceof Heading heading) {
                if (heading.getLevel() == 1 && title != null && plainText(heading).equals(title)) {
                    continue; // the document title, already the citation's document
                }
                splitter.accept(DocumentBlock.heading(plainText(heading), null));
            } else {
                splitter.accept(DocumentBlock.paragraph(source(markdown, block.getSourceSpans()), null));
            }
        }
        splitter.finish();
        return new PdfPassageReader.Reading(splitter.passages(), 0, splitter.skipped());
    }

    private static String firstTopHeading(Node root) {
        for (Node n = root.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Heading h && h.getLevel() == 1) {
                return plainText(h);
            }
        }
        return null;
    }

    private static String source(String markdown, List<SourceSpan> spans) {
        return spans.stream()
                .map(s -> markdown.substring(s.getInputIndex(), Math.min(markdown.length(), s.getInputIndex() + s.getLength())))
                .collect(Collectors.joining("\n"));
    }

    private static String plainText(Node node) {
        StringBuilder out = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                out.append(text.getLiteral());
            }
        });
        return out.toString().strip();
    }
}
