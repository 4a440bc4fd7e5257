package se.vagvisaren.nlu;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.vagvisaren.conversation.ContentSource;
import se.vagvisaren.language.dates.DateParser;

/** Binds {@link NluProperties} and builds the intent model bean; the other beans are this package's annotated classes. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NluProperties.class)
class NluConfiguration {

    /**
     * Reads the intent model from its cache (or trains it) on a thread of its own: the load overlaps the rest of
     * the start, like the knowledge base's. Messages wait for it and health says "loading" until it is done
     * ({@link NluHealth}).
     */
    @Bean
    TrainedUnderstanding trainedUnderstanding(@Qualifier("dialogs") ContentSource dialogs, NluProperties properties,
                                              DateParser dates) {
        return TrainedUnderstanding.loadingInBackground(dialogs, properties, dates,
                task -> Thread.ofPlatform().name("intent-model-first-load").daemon().start(task));
    }
}
