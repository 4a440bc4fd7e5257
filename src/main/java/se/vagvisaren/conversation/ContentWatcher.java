package se.vagvisaren.conversation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Polls the content directories on disk and publishes {@link ContentChanged} when a file was added,
 * removed or modified. Polling (not a WatchService) because it also works on network and container
 * volumes, where file events are unreliable.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ContentWatcher implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ContentWatcher.class);

    private final ContentProperties properties;
    private final ApplicationEventPublisher events;
    private final Map<String, Long> fingerprints = new HashMap<>();
    private ScheduledExecutorService executor;

    @Override
    public void afterPropertiesSet() {
        long millis = properties.reloadInterval().toMillis();
        if (millis <= 0) {
            return;
        }
        fingerprints.put("dialogs", fingerprint(properties.dialogs().directory()));
        fingerprints.put("knowledge", fingerprint(properties.knowledge().directory()));
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "content-watcher");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::checkNow, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Compares fingerprints once and publishes an event per changed area. Visible for tests. */
    public synchronized void checkNow() {
        check("dialogs", properties.dialogs().directory());
        check("knowledge", properties.knowledge().directory());
    }

    private void check(String area, Path dir) {
        try {
            long now = fingerprint(dir);
            Long before = fingerprints.put(area, now);
            if (before != null && before != now) {
                log.info("Content changed in {}, reloading", area);
                events.publishEvent(new ContentChanged(area));
            }
        } catch (RuntimeException e) {
            log.warn("Could not check {} for changes: {}", area, e.toString());
        }
    }

    /** A cheap summary of names, sizes and modification times; 0 when the directory is absent. */
    static long fingerprint(Path dir) {
        if (dir == null || !Files.isDirectory(dir)) {
            return 0;
        }
        try {
            long sum = 0;
            for (Path p : ContentSource.regularFiles(dir)) {
                sum += p.toString().hashCode() * 31L + Files.size(p) * 17L + Files.getLastModifiedTime(p).toMillis();
            }
            return sum;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void destroy() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
