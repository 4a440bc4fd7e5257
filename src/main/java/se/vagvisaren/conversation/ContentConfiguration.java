package se.vagvisaren.conversation;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Content sources for {@code dialogs/} and {@code knowledge/} and their hot-reload watcher. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ContentProperties.class)
class ContentConfiguration {

    @Bean
    @Qualifier("dialogs")
    ContentSource dialogsContent(ContentProperties properties) {
        return properties.dialogs();
    }

    @Bean
    @Qualifier("knowledge")
    ContentSource knowledgeContent(ContentProperties properties) {
        return properties.knowledge();
    }

    @Bean
    ContentWatcher contentWatcher(ContentProperties properties, ApplicationEventPublisher events) {
        return new ContentWatcher(properties, events);
    }
}
