package se.vagvisaren.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.bot.restclient.serializer.JacksonAdapter;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationParameters;
import com.microsoft.bot.schema.Mention;
import com.microsoft.bot.schema.ResourceResponse;
import com.microsoft.bot.schema.teams.TeamsChannelData;
import com.microsoft.bot.schema.teams.TenantInfo;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.vagvisaren.conversation.Reply;
import se.vagvisaren.testing.TeamsActivity;

/** Our connector JSON must be byte-for-byte what the SDK's own serializer would send Teams. */
class ConnectorSerializerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static void assertSameJson(Object value) throws Exception {
        JsonNode ours = JSON.readTree(new ConnectorSerializer().serialize(value));
        JsonNode sdk = JSON.readTree(new JacksonAdapter().serialize(value)); // (the SDK's one mutates maps: second)

        assertThat(ours).isEqualTo(sdk);
    }

    @Test
    void serialize_textReply_sameAsSdk() throws Exception {
        assertSameJson(ActivityTranslator.toActivity(Reply.text("Hej **Anna**! Läs mer på [sidan](https://example.se).")));
    }

    @Test
    void serialize_cardReplyWithNestedData_sameAsSdk() throws Exception {
        JsonNode card = JSON.readTree("""
                {"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"Välj","wrap":true}],
                 "actions":[{"type":"Action.Submit","title":"Hjälp","data":{"verb":"core.choose","intent":"help",
                 "msteams":{"type":"messageBack","text":"x"}}}]}""");

        assertSameJson(ActivityTranslator.toActivity(Reply.card("Välj", card)));
    }

    @Test
    void serialize_incomingTeamsActivityWithEntitiesAndChannelData_sameAsSdk() throws Exception {
        Activity incoming = ActivityReader.MAPPER.readValue(TeamsActivity.channel("hjälp").toString(), Activity.class);
        Mention mention = new Mention();
        mention.setMentioned(new ChannelAccount("29:1", "Erik"));
        mention.setText("<at>Erik</at>");

        Activity reply = incoming.createReply("Hej <at>Erik</at>");
        reply.setMentions(List.of(mention));

        assertSameJson(reply);
    }

    @Test
    void serialize_newPersonalConversation_sameAsSdk() throws Exception {
        ConversationParameters parameters = new ConversationParameters();
        parameters.setIsGroup(false);
        parameters.setBot(new ChannelAccount(TeamsActivity.BOT_ID, "Vägvisaren"));
        parameters.setMembers(List.of(new ChannelAccount("29:1qW8v4ZkAnnaPersonalTeamsId")));
        parameters.setTenantId(TeamsActivity.TENANT);
        TeamsChannelData channelData = new TeamsChannelData();
        channelData.setTenant(new TenantInfo(TeamsActivity.TENANT));
        parameters.setChannelData(channelData);

        assertSameJson(parameters);
    }

    @Test
    void validate_cardReply_doesNotWalkTheCard() throws Exception {
        JsonNode card = JSON.readTree("{\"type\":\"AdaptiveCard\",\"version\":\"1.5\",\"body\":[{\"type\":\"TextBlock\",\"text\":\"x\"}]}");
        Activity reply = ActivityTranslator.toActivity(Reply.card(card));

        com.microsoft.bot.restclient.Validator.validate(reply); // the SDK runs this before every send

        assertThat(JSON.readTree(new ConnectorSerializer().serialize(reply)).path("attachments").get(0).path("content"))
                .isEqualTo(card);
    }

    @Test
    void deserialize_connectorResponse_readsTheId() throws Exception {
        ResourceResponse response = new ConnectorSerializer().deserialize("{\"id\":\"1732600000000\"}", ResourceResponse.class);

        assertThat(response.getId()).isEqualTo("1732600000000");
    }

    @Test
    void serialize_mapKeyWithADot_isKeptAsIs() throws Exception {
        // The SDK's flattening would turn {"a.b":1} into {"a":{"b":1}} inside a card.
        JsonNode card = JSON.readTree("{\"type\":\"AdaptiveCard\",\"version\":\"1.5\",\"body\":[],\"a.b\":1}");

        String json = new ConnectorSerializer().serialize(ActivityTranslator.toActivity(Reply.card(card)));

        assertThat(JSON.readTree(json).path("attachments").get(0).path("content").has("a.b")).isTrue();
    }
}
