package se.vagvisaren.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import se.vagvisaren.conversation.Language;

/**
 * Turns documents a municipality already has into knowledge passages: a PDF (page numbers kept for the
 * citation) or a folder of Markdown files. Passages are written under {@code <output>/imported/<document>/}
 * and are picked up by a running bot through hot reload.
 */
public final class KnowledgeImporter {

    private final Path output;
    private final Consumer<String> progress;

    /**
     * @param output   the knowledge directory to write into
     * @param progress receives short English progress lines (for stderr)
     */
    public KnowledgeImporter(Path output, Consumer<String> progress) {
        this.output = output;
        this.progress = progress;
    }

    /**
     * Imports one PDF.
     *
     * @param document   citation name; {@code null} = the file name without {@code .pdf}
     * @param pageOffset subtracted from the PDF page index to give printed page numbers (0 = the same)
     * @throws KnowledgeFormatException when the file is not a readable PDF (the message names it)
     */
    public ImportSummary importPdf(Path pdf, String document, Language language, int pageOffset) {
        String name = document != null ? document : baseName(pdf);
        byte[] bytes = read(pdf);
        String slug = PassageSplitter.slug(name, 40);
        PdfPassageReader.Reading reading = PdfPassageReader.read(pdf.toString(), bytes, name, language, slug, pageOffset, progress);
        Path folder = output.resolve("imported").resolve(slug);
        int written = writeAll(reading.passages(), folder);
        return new ImportSummary(written, reading.pages(), 1, reading.skipped(), List.of(), folder);
    }

    /**
     * Imports every {@code .md} file under {@code directory}. Files with front matter are checked and copied
     * as they are; plain Markdown is split by its headings. A broken file is reported and the rest go on.
     */
    public ImportSummary importMarkdown(Path directory, Language language) {
        if (!Files.isDirectory(directory)) {
            throw new KnowledgeFormatException(directory.toString(), "not a directory");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(directory, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
            files = walk.filter(p -> p.getFileName().toString().endsWith(".md")).filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + directory, e);
        }
        Path folder = output.resolve("imported").resolve(PassageSplitter.slug(directory.getFileName().toString(), 40));
        List<SkippedPart> skipped = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        int written = 0;
        int done = 0;
        for (Path file : files) {
            progress.accept("read " + (++done) + " of " + files.size() + ": " + directory.relativize(file));
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
                List<Passage> passages;
                if (text.stripLeading().startsWith("---")) {
                    passages = List.of(PassageParser.parse(file.toString(), text));
                } else {
                    String slug = PassageSplitter.slug(baseName(file), 40);
                    PdfPassageReader.Reading reading = MarkdownPassageReader.read(file.toString(), text, baseName(file), language, slug);
                    passages = reading.passages();
                    reading.skipped().forEach(s -> skipped.add(new SkippedPart(file.getFileName() + ", " + s.where(), s.reason())));
                }
                written += writeAll(passages, folder);
            } catch (IOException | RuntimeException e) {
                failed.add(e instanceof KnowledgeFormatException ? e.getMessage() : file + ": " + e.getMessage());
            }
        }
        return new ImportSummary(written, 0, files.size(), skipped, failed, folder);
    }

    private int writeAll(List<Passage> passages, Path folder) {
        try {
            for (Passage p : passages) {
                PassageWriter.write(p, folder);
            }
            return passages.size();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write passages to " + folder, e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new KnowledgeFormatException(file.toString(), "cannot read the file (" + e.getMessage() + ")", e);
        }
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
