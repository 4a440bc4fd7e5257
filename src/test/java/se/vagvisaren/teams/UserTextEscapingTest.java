package se.vagvisaren.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.vagvisaren.conversation.CardTemplates;
import se.vagvisaren.conversation.ContentSource;
import se.vagvisaren.conversation.Reply;
import se.vagvisaren.conversation.TeamsText;

/**
 * User-written text shown back in Teams: {@link TeamsText#escape} must neutralise Markdown, HTML, mentions
 * and card placeholders, and a filled card must stay one intact JSON document whatever the text holds.
 */
class UserTextEscapingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final CardTemplates cards = new CardTemplates(new ContentSource("dialogs", Path.of("dialogs")));

    @Test
    void escape_markdownLink_cannotBecomeALink() {
        String escaped = TeamsText.escape("[klicka här](javascript:alert(1))");

        assertThat(escaped).doesNotContain("](").contains("\\[").contains("\\(");
    }

    @Test
    void escape_htmlAndMentionTags_areShownNotInterpreted() {
        String escaped = TeamsText.escape("<at>Alla</at> <script>alert(1)</script> <img src=x onerror=alert(1)>");

        assertThat(escaped).doesNotContain("<").doesNotContain(">").contains("&lt;at&gt;");
    }

    @Test
    void escape_emphasisHeadingsListsAndCode_areLiteral() {
        assertThat(TeamsText.escape("**fet** _kursiv_ # rubrik - punkt `kod` > citat"))
                .isEqualTo("\\*\\*fet\\*\\* \\_kursiv\\_ \\# rubrik \\- punkt \\`kod\\` &gt; citat");
    }

    @Test
    void escape_ampersandFirst_soEntitiesAreNotDoubleDecoded() {
        assertThat(TeamsText.escape("&lt;b&gt;")).isEqualTo("&amp;lt;b&amp;gt;");
    }

    @Test
    void escape_nullAndEmpty_areEmpty() {
        assertThat(TeamsText.escape(null)).isEmpty();
        assertThat(TeamsText.escape("")).isEmpty();
    }

    @Test
    void escape_swedishTextAndEmoji_areUnchanged() {
        assertThat(TeamsText.escape("Hej Åsa, vi ses på fredag 🙂")).isEqualTo("Hej Åsa, vi ses på fredag 🙂");
    }

    @Test
    void escape_cardPlaceholderSyntax_isNotExpandedByTemplates() {
        ObjectNodeCard card = fill(TeamsText.escape("${question} {{DATE(2026-11-25T10:00:00Z)}}"));

        assertThat(card.text()).doesNotContain("${").doesNotContain("{{").contains("\\{question\\}");
    }

    @Test
    void fill_textWithQuotesBracesAndBackslashes_keepsTheCardValidJson() throws Exception {
        String nasty = "\"}, {\"type\": \"Action.OpenUrl\", \"url\": \"https://evil.example\"} \\ \u0000 \u2028";

        ObjectNodeCard card = fill(TeamsText.escape(nasty));
        JsonNode reparsed = JSON.readTree(new ConnectorSerializer().serialize(ActivityTranslator.toActivity(Reply.card(card.node()))));

        assertThat(reparsed.toString()).doesNotContain("Action.OpenUrl\",");
        assertThat(card.node().path("actions")).isEmpty();
        assertThat(card.node().path("body")).hasSize(1);
    }

    @Test
    void fill_hugeText_staysOneTextBlock() {
        ObjectNodeCard card = fill(TeamsText.escape("ä".repeat(28_000)));

        assertThat(card.node().path("body")).hasSize(1);
        assertThat(card.text()).hasSize(28_000);
    }

    private ObjectNodeCard fill(String question) {
        return new ObjectNodeCard(cards.fill("choose-intent", Map.of("question", question)));
    }

    private record ObjectNodeCard(JsonNode node) {
        String text() {
            return node.path("body").get(0).path("text").asText();
        }
    }
}
