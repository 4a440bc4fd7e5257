package se.vagvisaren.safeguarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import se.vagvisaren.conversation.CardTemplates;
import se.vagvisaren.conversation.ReplyTexts;

class PrivacyNoticeControllerTest {

    private final ReplyTexts texts = SafeguardingFixtures.replyTexts();
    private final MockMvc web = MockMvcBuilders.standaloneSetup(new PrivacyNoticeController(SafeguardingFixtures.dialogs(),
            texts, new PrivacyReplies(texts, new CardTemplates(SafeguardingFixtures.dialogs()), PrivacyProperties.defaults(),
                    noStores(), Clock.systemUTC()))).build();

    /** The page quotes the default period only when no store has a period of its own (exceptions: PrivacyConversationTest). */
    private static PersonalDataRegistry noStores() {
        return new PersonalDataRegistry(new org.springframework.beans.factory.support.StaticListableBeanFactory()
                .getBeanProvider(PersonalDataStore.class), null, Clock.systemUTC());
    }

    private String page(String lang) throws Exception {
        var request = get("/privacy");
        if (lang != null) {
            request = request.param("lang", lang);
        }
        return web.perform(request)
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/html"))
                .andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.containsString("default-src 'none'")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void page_default_isAccessibleSwedish() throws Exception {
        String html = page(null);

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<html lang=\"sv\">", "<title>Integritet i Vägvisaren</title>",
                "<h1>Integritet i Vägvisaren</h1>", "<main id=\"content\">", "href=\"#content\"", "Hoppa till innehållet",
                "name=\"viewport\"", "24 månader", "Integritetsskyddsmyndigheten", "020-50 50 50",
                "<a href=\"/privacy?lang=en\" hreflang=\"en\" lang=\"en\">Read in English</a>");
        assertThat(html).doesNotContain("{{", "{retention}");
        assertThat(html.split("<h1>", -1)).hasSize(2);
    }

    @Test
    void page_english_isEnglishAndLinksBack() throws Exception {
        String html = page("en");

        assertThat(html).contains("<html lang=\"en\">", "<h1>Privacy in Vägvisaren</h1>", "24 months",
                "href=\"/privacy?lang=sv\"", "Läs på svenska");
    }

    @Test
    void page_hostileLanguageParameter_fallsBackToSwedishWithoutReflectingIt() throws Exception {
        String html = page("\"><script>alert(1)</script>");

        assertThat(html).contains("<html lang=\"sv\">").doesNotContain("<script>", "alert(1)");
    }
}
