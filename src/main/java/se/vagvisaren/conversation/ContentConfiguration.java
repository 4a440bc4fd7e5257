package se.vagvisaren.conversation;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Content sources for {@code dialogs/} and {@code knowledge/} and their hot-reload watcher. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ContentProperties.class)
class ContentConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ContentConfiguration.class);

    @Bean
    @Qualifier("dialogs")
    ContentSource dialogsContent(ContentProperties properties) {
        return checked(properties.dialogs(), properties.dialogsDir(), "dialogs-dir");
    }

    @Bean
    @Qualifier("knowledge")
    ContentSource knowledgeContent(ContentProperties properties) {
        return checked(properties.knowledge(), properties.knowledgeDir(), "knowledge-dir");
    }

    /** A configured directory that is missing (or a dangling link) must not quietly become the packaged copy. */
    private static ContentSource checked(ContentSource source, Path configured, String property) {
        if (configured != null && source.directory() == null) {
            log.warn("vagvisaren.content.{}={} is not a readable directory; using the {} packaged in the jar instead",
                    property, configured.toAbsolutePath(), source.area());
        }
        return source;
    }

    @Bean
    ContentWatcher contentWatcher(ContentProperties properties, ApplicationEventPublisher events) {
        return new ContentWatcher(properties, events);
    }
}
