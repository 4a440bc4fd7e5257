package se.vagvisaren.nlu;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class NluConfiguration {

    @Bean
    @ConditionalOnMissingBean(MessageUnderstanding.class)
    MessageUnderstanding keywordUnderstanding() {
        return new KeywordUnderstanding();
    }
}
