package se.vagvisaren.system;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The HTTP API speaks JSON only (shared/design.md: the same JSON as the CLI). Jackson's XML and YAML modules are on
 * the class path for other reasons (the holiday calendar reads XML, dialogs are YAML), and Spring MVC registers a
 * converter for every such module it finds: a request body in XML was read (and answered 200), and an endpoint
 * without {@code produces} could answer XML to a client asking for it, or to a browser, whose {@code Accept} header
 * ranks XML above {@code *}{@code /*}. Without those converters an XML or YAML body is answered 415, an explicit XML or
 * YAML {@code Accept} 406, and a browser gets JSON.
 *
 * <p>Spring Boot 4.0 has no property for this; removing the converters from MVC's list is the supported
 * customisation ({@code HttpMessageConverters.ServerBuilder}). It does not make the start cheaper: Boot builds the
 * XML converter and loads its classes on its own background thread either way (docs/performance.md).
 */
@Configuration(proxyBeanMethods = false)
class JsonOnlyHttpApi implements WebMvcConfigurer {

    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
        builder.configureMessageConvertersList(JsonOnlyHttpApi::removeXmlAndYaml);
    }

    /** Drops every converter that writes or reads an XML or YAML media type. */
    static void removeXmlAndYaml(List<HttpMessageConverter<?>> converters) {
        converters.removeIf(converter -> converter.getSupportedMediaTypes().stream().anyMatch(JsonOnlyHttpApi::isXmlOrYaml));
    }

    private static boolean isXmlOrYaml(MediaType type) {
        String subtype = type.getSubtype();
        return subtype.equals("xml") || subtype.endsWith("+xml") || subtype.equals("yaml") || subtype.endsWith("+yaml");
    }
}
