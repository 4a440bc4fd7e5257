package se.vagvisaren.conversation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Reads editable content ({@code dialogs/} or {@code knowledge/}) from a directory on disk when one is
 * configured or present, otherwise from the copy packaged in the jar. Lets a coordinator fix a text
 * without a release.
 */
public final class ContentSource {

    private final String area;
    private final Path directory;

    /**
     * @param area      {@code dialogs} or {@code knowledge}: the classpath folder of the packaged defaults
     * @param directory a directory on disk that overrides the defaults, or {@code null} to use the jar
     */
    public ContentSource(String area, Path directory) {
        this.area = area;
        this.directory = directory != null && Files.isDirectory(directory) ? directory : null;
    }

    /** The directory on disk in use, or {@code null} when reading packaged defaults. */
    public Path directory() {
        return directory;
    }

    public String area() {
        return area;
    }

    /** A human-readable origin for logs and error messages. */
    public String describe() {
        return directory != null ? directory.toAbsolutePath().toString() : "classpath:" + area;
    }

    /**
     * Lists the files under {@code subfolder} whose names end with {@code suffix}, sorted by name.
     * Empty when the folder does not exist.
     */
    public List<ContentFile> list(String subfolder, String suffix) {
        try {
            return directory != null ? listOnDisk(subfolder, suffix) : listOnClasspath(subfolder, suffix);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + area + "/" + subfolder, e);
        }
    }

    /** Opens one file by relative path, or returns {@code null} when it does not exist. */
    public ContentFile file(String relativePath) {
        if (directory != null) {
            Path p = directory.resolve(relativePath).normalize();
            return p.startsWith(directory) && Files.isRegularFile(p) ? new DiskFile(relativePath, p) : null;
        }
        Resource r = new PathMatchingResourcePatternResolver().getResource("classpath:" + area + "/" + relativePath);
        return r.exists() ? new ClasspathFile(relativePath, r) : null;
    }

    private List<ContentFile> listOnDisk(String subfolder, String suffix) throws IOException {
        Path dir = directory.resolve(subfolder);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        return regularFiles(dir).stream()
                .filter(p -> p.getFileName().toString().endsWith(suffix))
                .map(p -> (ContentFile) new DiskFile(directory.relativize(p).toString().replace('\\', '/'), p))
                .toList();
    }

    /**
     * All regular files under {@code dir}, sorted by path, following symbolic links: the directory itself
     * may be a link ({@code ln -s}), and so may files and folders inside it (a Kubernetes ConfigMap or
     * Secret volume holds links into a hidden {@code ..data} folder). Hidden folders are skipped so such a
     * volume is read once, through its links; a link loop is skipped, not followed forever.
     */
    static List<Path> regularFiles(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(dir, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                boolean hidden = !d.equals(dir) && d.getFileName().toString().startsWith(".");
                return hidden ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile()) {
                    files.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof FileSystemLoopException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
        files.sort(Comparator.comparing(Path::toString));
        return files;
    }

    private List<ContentFile> listOnClasspath(String subfolder, String suffix) throws IOException {
        String prefix = subfolder.isEmpty() ? area : area + "/" + subfolder;
        Resource[] resources = new PathMatchingResourcePatternResolver()
                .getResources("classpath*:" + prefix + "/**/*" + suffix);
        List<ContentFile> out = new ArrayList<>();
        for (Resource r : resources) {
            String url = r.getURL().toString();
            int at = url.lastIndexOf("/" + area + "/");
            String rel = at >= 0 ? url.substring(at + area.length() + 2) : r.getFilename();
            out.add(new ClasspathFile(rel, r));
        }
        out.sort(Comparator.comparing(ContentFile::name));
        return out;
    }

    /** One content file: its path relative to the area root and its bytes. */
    public interface ContentFile {
        /** Path relative to the area root, with {@code /} separators, e.g. {@code intents/sv.yaml}. */
        String name();

        InputStream open() throws IOException;

        default String readString() {
            try (InputStream in = open()) {
                return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + name(), e);
            }
        }
    }

    private record DiskFile(String name, Path path) implements ContentFile {
        @Override
        public InputStream open() throws IOException {
            return Files.newInputStream(path);
        }
    }

    private record ClasspathFile(String name, Resource resource) implements ContentFile {
        @Override
        public InputStream open() throws IOException {
            return resource.getInputStream();
        }
    }
}
