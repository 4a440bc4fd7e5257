package se.vagvisaren.knowledge;

import java.io.IOException;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import se.vagvisaren.conversation.Language;

/**
 * Reads a PDF into passages with page numbers (PDFBox). Headings are recognised by a font clearly larger
 * than the body text; paragraphs by vertical gaps. Page numbers are the PDF's own page index plus an
 * optional offset, because printed page numbers often start later (cover, contents).
 */
final class PdfPassageReader {

    private static final Pattern TABLE_OF_CONTENTS_LINE = Pattern.compile(".*(\\.\\s?){4,}\\s*\\d{1,4}\\s*$");
    private static final Pattern PAGE_NUMBER_LINE = Pattern.compile("^\\s*(s\\.|sida|page)?\\s*\\d{1,4}\\s*$", Pattern.CASE_INSENSITIVE);
    private static final float HEADING_SIZE_RATIO = 1.15f;
    private static final int MAX_HEADING_CHARS = 150;

    /**
     * What a PDF gave.
     *
     * @param passages passages in reading order
     * @param pages    number of pages in the PDF
     * @param skipped  parts that did not become passages, and why
     */
    record Reading(List<Passage> passages, int pages, List<SkippedPart> skipped) {
    }

    private PdfPassageReader() {
    }

    /**
     * @param file       name for error messages
     * @param pageOffset subtracted from the PDF page index to get the printed page number
     * @param progress   receives one short English line per page read
     * @throws KnowledgeFormatException when the bytes are not a readable, unencrypted PDF
     */
    static Reading read(String file, byte[] pdf, String document, Language language, String idPrefix,
                        int pageOffset, Consumer<String> progress) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            int pages = doc.getNumberOfPages();
            PassageSplitter splitter = new PassageSplitter(document, language, idPrefix, LocalDate.now(), file);
            List<SkippedPart> skipped = new ArrayList<>();
            List<Line> lines = new ArrayList<>();
            for (int page = 1; page <= pages; page++) {
                List<Line> pageLines = LineCollector.lines(doc, page);
                if (pageLines.isEmpty()) {
                    skipped.add(new SkippedPart("page " + printed(page, pageOffset), "no extractable text (scanned image?)"));
                }
                lines.addAll(pageLines);
                progress.accept("read page " + page + " of " + pages);
            }
            toBlocks(lines, pageOffset, skipped).forEach(splitter::accept);
            splitter.finish();
            skipped.addAll(splitter.skipped());
            return new Reading(splitter.passages(), pages, skipped);
        } catch (InvalidPasswordException e) {
            throw new KnowledgeFormatException(file, "the PDF is encrypted; save an unprotected copy and import that", e);
        } catch (IOException e) {
            throw new KnowledgeFormatException(file, "not a readable PDF (" + e.getMessage() + ")", e);
        }
    }

    private static Integer printed(int page, int offset) {
        int printed = page - offset;
        return printed >= 1 ? printed : null;
    }

    private static List<DocumentBlock> toBlocks(List<Line> lines, int pageOffset, List<SkippedPart> skipped) {
        float body = bodyFontSize(lines);
        List<DocumentBlock> blocks = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        Integer paragraphPage = null;
        Previous previous = null;
        for (Line line : lines) {
            String text = line.text().strip();
            if (PAGE_NUMBER_LINE.matcher(text).matches()) {
                continue;
            }
            if (TABLE_OF_CONTENTS_LINE.matcher(text).matches()) {
                skipped.add(new SkippedPart("page " + printed(line.page(), pageOffset), "table of contents line"));
                continue;
            }
            boolean heading = line.fontSize() >= body * HEADING_SIZE_RATIO && text.length() <= MAX_HEADING_CHARS;
            boolean newParagraph = previous == null || heading || previous.heading
                    || line.page() != previous.line.page() && endsSentence(paragraph)
                    || line.page() == previous.line.page() && line.y() - previous.line.y() > previous.line.height() * 1.8f;
            if (newParagraph && paragraph.length() > 0) {
                blocks.add(DocumentBlock.paragraph(paragraph.toString(), paragraphPage));
                paragraph.setLength(0);
            }
            if (heading) {
                if (previous != null && previous.heading && !blocks.isEmpty() && blocks.get(blocks.size() - 1).heading()) {
                    // A heading wrapped over two lines is one heading.
                    DocumentBlock last = blocks.remove(blocks.size() - 1);
                    blocks.add(DocumentBlock.heading(last.text() + " " + text, last.page()));
                } else {
                    blocks.add(DocumentBlock.heading(text, printed(line.page(), pageOffset)));
                }
            } else {
                if (paragraph.length() == 0) {
                    paragraphPage = printed(line.page(), pageOffset);
                } else if (paragraph.charAt(paragraph.length() - 1) == '-' && !text.isEmpty() && Character.isLowerCase(text.charAt(0))) {
                    paragraph.setLength(paragraph.length() - 1); // re-join a word hyphenated at the line end
                } else {
                    paragraph.append(' ');
                }
                paragraph.append(text);
            }
            previous = new Previous(line, heading);
        }
        if (paragraph.length() > 0) {
            blocks.add(DocumentBlock.paragraph(paragraph.toString(), paragraphPage));
        }
        return blocks;
    }

    private static boolean endsSentence(StringBuilder text) {
        if (text.length() == 0) {
            return true;
        }
        char last = text.charAt(text.length() - 1);
        return last == '.' || last == '!' || last == '?' || last == ':';
    }

    /** The most common font size, weighted by text length: that is the body text. */
    private static float bodyFontSize(List<Line> lines) {
        Map<Float, Integer> weight = new HashMap<>();
        for (Line line : lines) {
            weight.merge(Math.round(line.fontSize() * 2) / 2f, line.text().length(), Integer::sum);
        }
        return weight.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(10f);
    }

    /** One text line of a page with its font size and vertical position (points from the top). */
    record Line(int page, String text, float fontSize, float y, float height) {
    }

    private record Previous(Line line, boolean heading) {
    }

    /** Collects lines with their geometry: PDFTextStripper calls writeString per word of a line. */
    private static final class LineCollector extends PDFTextStripper {
        private final List<Line> lines = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();
        private final List<TextPosition> positions = new ArrayList<>();
        private final int page;

        private LineCollector(int page) {
            this.page = page;
            setSortByPosition(true);
            setStartPage(page);
            setEndPage(page);
        }

        static List<Line> lines(PDDocument doc, int page) throws IOException {
            LineCollector collector = new LineCollector(page);
            collector.writeText(doc, new StringWriter());
            collector.endLine();
            return collector.lines;
        }

        @Override
        protected void writeString(String string, List<TextPosition> textPositions) {
            text.append(string);
            positions.addAll(textPositions);
        }

        @Override
        protected void writeWordSeparator() {
            text.append(' ');
        }

        @Override
        protected void writeLineSeparator() {
            endLine();
        }

        private void endLine() {
            String line = text.toString().strip();
            if (!line.isEmpty() && !positions.isEmpty()) {
                float size = (float) positions.stream().mapToDouble(TextPosition::getFontSizeInPt).average().orElse(0);
                float height = (float) positions.stream().mapToDouble(TextPosition::getHeightDir).max().orElse(size);
                lines.add(new Line(page, line, size, positions.get(0).getYDirAdj(), Math.max(height, size * 0.7f)));
            }
            text.setLength(0);
            positions.clear();
        }
    }
}
