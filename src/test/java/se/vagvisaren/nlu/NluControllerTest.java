package se.vagvisaren.nlu;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(controllers = NluController.class)
@Import({ParseService.class, NluControllerTest.Shipped.class})
class NluControllerTest {

    @TestConfiguration
    static class Shipped {
        @Bean
        MessageUnderstanding understanding() {
            return ShippedDialogs.understanding();
        }

        @Bean
        NluProperties nluProperties() {
            return NluProperties.defaults();
        }
    }

    @Autowired
    private MockMvc mvc;

    @Test
    void parse_deadlineMessage_returnsIntentRankingLanguageAndEntities() throws Exception {
        mvc.perform(post("/api/nlu/parse").contentType(MediaType.APPLICATION_JSON).content("""
                        {"text": "påminn oss på fredag kl 14 om styrgruppen",
                         "now": "2026-11-25T10:00:00+01:00", "zone": "Europe/Stockholm"}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.intent.name").value("deadline_create"))
                .andExpect(jsonPath("$.intent.confidence").isNumber())
                .andExpect(jsonPath("$.ranking.length()").value(13))
                .andExpect(jsonPath("$.language").value("sv"))
                .andExpect(jsonPath("$.entities[0].type").value("datetime"))
                .andExpect(jsonPath("$.entities[0].value").value("2026-11-27T14:00"))
                .andExpect(jsonPath("$.entities[0].grain").value("minute"))
                .andExpect(jsonPath("$.entities[0].text").value("på fredag kl 14"));
    }

    @Test
    void parse_nowInOtherOffset_isResolvedInGivenZone() throws Exception {
        // 23:30 UTC on 25 Nov is 00:30 on 26 Nov in Stockholm, so "imorgon" is the 27th.
        mvc.perform(post("/api/nlu/parse").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"imorgon\", \"now\": \"2026-11-25T23:30:00Z\", \"zone\": \"Europe/Stockholm\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entities[0].value").value("2026-11-27"))
                .andExpect(jsonPath("$.entities[0].grain").value("day"));
    }

    @Test
    void parse_emptyText_fallsBack() throws Exception {
        mvc.perform(post("/api/nlu/parse").contentType(MediaType.APPLICATION_JSON).content("{\"text\": \"\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.intent.name").value("out_of_scope"))
                .andExpect(jsonPath("$.entities.length()").value(0));
    }

    @Test
    void parse_askedForXmlOrYaml_is406_theApiSpeaksJsonOnly() throws Exception {
        for (String type : new String[] {"application/xml", "text/xml", "application/yaml"}) {
            mvc.perform(post("/api/nlu/parse").contentType(MediaType.APPLICATION_JSON).accept(type)
                            .content("{\"text\": \"hej\"}"))
                    .andExpect(status().isNotAcceptable());
        }
    }

    @Test
    void parse_browserAcceptHeaderNamingXmlFirst_getsJson() throws Exception {
        mvc.perform(post("/api/nlu/parse").contentType(MediaType.APPLICATION_JSON)
                        .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                        .content("{\"text\": \"hej\"}"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.intent.name").isString());
    }

    @Test
    void parse_xmlBody_is415_notParsed() throws Exception {
        mvc.perform(post("/api/nlu/parse").contentType(MediaType.APPLICATION_XML).content("<text>hej</text>"))
                .andExpect(status().isUnsupportedMediaType());
    }

    @Test
    void parse_malformedJson_is400WithExample() throws Exception {
        mvc.perform(post("/api/nlu/parse").contentType(MediaType.APPLICATION_JSON).content("{\"text\": "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error", containsString("JSON object")));
    }

    @Test
    void parse_jsonArray_is400() throws Exception {
        mvc.perform(post("/api/nlu/parse").contentType(MediaType.APPLICATION_JSON).content("[1, 2]"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").isString());
    }

    @Test
    void parse_unknownZone_is400NamingTheField() throws Exception {
        mvc.perform(post("/api/nlu/parse").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"imorgon\", \"zone\": \"Mars/Olympus\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error", containsString("zone")));
    }

    @Test
    void parse_badNow_is400NamingTheField() throws Exception {
        mvc.perform(post("/api/nlu/parse").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"imorgon\", \"now\": \"igår\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error", containsString("now")));
    }

    @Test
    void parse_plainText_is415() throws Exception {
        mvc.perform(post("/api/nlu/parse").contentType(MediaType.TEXT_PLAIN).content("hej"))
                .andExpect(status().isUnsupportedMediaType());
    }
}
