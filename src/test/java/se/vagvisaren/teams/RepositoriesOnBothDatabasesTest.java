package se.vagvisaren.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.bot.schema.Activity;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.vagvisaren.conversation.Scope;
import se.vagvisaren.safeguarding.PersonalDataStore;
import se.vagvisaren.testing.TeamsActivity;
import se.vagvisaren.testing.TestDatabases;

/** Conversation references and user ids behave the same on H2 and PostgreSQL. */
class RepositoriesOnBothDatabasesTest {

    static Stream<Arguments> databases() {
        return Stream.of(Arguments.of("H2", TestDatabases.h2()), Arguments.of("PostgreSQL", TestDatabases.postgres()));
    }

    private static Activity activity(TeamsActivity fixture) throws Exception {
        return ActivityReader.MAPPER.readValue(fixture.toString(), Activity.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void remember_channelMessage_storesReferenceWithTeamAndKeepsItCurrent(String name, DataSource ds) throws Exception {
        ConversationReferences refs = new ConversationReferences(JdbcClient.create(ds), Clock.systemUTC());

        refs.remember(activity(TeamsActivity.channel("hej")));
        refs.remember(activity(TeamsActivity.channel("igen").serviceUrl("https://smba.trafficmanager.net/emea/")));

        var stored = refs.find(TeamsActivity.CHANNEL_CONVERSATION).orElseThrow();
        assertThat(stored.scope()).isEqualTo(Scope.CHANNEL);
        assertThat(stored.teamId()).isEqualTo(TeamsActivity.TEAM_ID);
        assertThat(stored.tenantId()).isEqualTo(TeamsActivity.TENANT);
        assertThat(stored.active()).isTrue();
        assertThat(stored.reference().getServiceUrl()).isEqualTo("https://smba.trafficmanager.net/emea/");
        assertThat(stored.reference().getConversation().getId()).isEqualTo(TeamsActivity.CHANNEL_CONVERSATION);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void markTeamRemoved_thenMessageAgain_reactivates(String name, DataSource ds) throws Exception {
        ConversationReferences refs = new ConversationReferences(JdbcClient.create(ds), Clock.systemUTC());
        refs.remember(activity(TeamsActivity.channel("hej")));

        refs.markTeamRemoved(TeamsActivity.TEAM_ID);
        assertThat(refs.find(TeamsActivity.CHANNEL_CONVERSATION).orElseThrow().active()).isFalse();

        refs.remember(activity(TeamsActivity.channel("tillbaka")));
        assertThat(refs.find(TeamsActivity.CHANNEL_CONVERSATION).orElseThrow().active()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void findPersonal_byEntraId_findsOnlyActive1to1Chat(String name, DataSource ds) throws Exception {
        ConversationReferences refs = new ConversationReferences(JdbcClient.create(ds), Clock.systemUTC());
        refs.remember(activity(TeamsActivity.personal("hej")));
        String anna = "0d3e5c2a-7b41-4f0e-9a6d-1c2b3a4d5e01";

        assertThat(refs.findPersonal(TeamsActivity.TENANT, anna)).isPresent();
        refs.markRemoved(TeamsActivity.PERSONAL_CONVERSATION);
        assertThat(refs.findPersonal(TeamsActivity.TENANT, anna)).isEmpty();
        assertThat(refs.findPersonal("other-tenant", anna)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void knownUsers_rememberTwice_keepsOneRowAndForgets(String name, DataSource ds) throws Exception {
        KnownUsers users = new KnownUsers(JdbcClient.create(ds), Clock.systemUTC());
        PersonalDataStore store = new TeamsPersonalData().knownUserStore(new JdbcTemplate(ds), users);
        users.remember(activity(TeamsActivity.personal("hej")));
        users.remember(activity(TeamsActivity.personal("hej igen")));
        String anna = "0d3e5c2a-7b41-4f0e-9a6d-1c2b3a4d5e01";

        assertThat(users.channelUserId(TeamsActivity.TENANT, anna)).contains("29:1qW8v4ZkAnnaPersonalTeamsId");
        assertThat(store.exportUser(TeamsActivity.TENANT, anna))
                .containsExactly(Map.of("teamsUserId", "29:1qW8v4ZkAnnaPersonalTeamsId"));
        assertThat(store.eraseUser(TeamsActivity.TENANT, anna)).isEqualTo(1);
        assertThat(users.channelUserId(TeamsActivity.TENANT, anna)).isEmpty();

        // the erasure also dropped what this instance remembered writing, so the next message stores it again
        users.remember(activity(TeamsActivity.personal("hej en gång till")));
        assertThat(users.channelUserId(TeamsActivity.TENANT, anna)).contains("29:1qW8v4ZkAnnaPersonalTeamsId");
    }

}
