package se.vagvisaren.nlu;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@link NluProperties}; the beans themselves are the annotated classes of this package. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NluProperties.class)
class NluConfiguration {
}
