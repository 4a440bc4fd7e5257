package se.vagvisaren.safeguarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import se.vagvisaren.admin.AdminAccess;

/** {@code GET /api/privacy/export} and {@code DELETE /api/privacy/users}: key, loopback and input checks. */
class PrivacyAdminControllerTest {

    private static final DataSource DB = TestDatabases.h2("privacy-admin");
    private static final String KEY = "s3cret-admin-key";

    private final JdbcTemplate jdbc = new JdbcTemplate(DB);
    private PersonalDataRegistry registry;

    @BeforeEach
    void setUp() {
        jdbc.update("DELETE FROM test_note");
        jdbc.update("DELETE FROM privacy_audit");
        Clock clock = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);
        PrivacyAudit audit = new PrivacyAudit(jdbc, clock);
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("audit", audit);
        beans.addBean("notes", JdbcPersonalDataStore.builder("test-notes", jdbc).table("test_note")
                .createdAt("created_at").owner("tenant_id", "user_id").exportColumns("created_at", "body").build());
        registry = new PersonalDataRegistry(beans.getBeanProvider(PersonalDataStore.class), audit, clock);
        jdbc.update("INSERT INTO test_note (tenant_id, user_id, body, created_at) VALUES ('t1', 'anna', 'Annas rapport', ?)",
                OffsetDateTime.parse("2026-11-20T08:00:00Z"));
        jdbc.update("INSERT INTO test_note (tenant_id, user_id, body, created_at) VALUES ('t1', 'erik', 'Eriks rapport', ?)",
                OffsetDateTime.parse("2026-11-21T08:00:00Z"));
    }

    private MockMvc api(String configuredKey) {
        return MockMvcBuilders.standaloneSetup(new PrivacyAdminController(registry, new AdminAccess(configuredKey))).build();
    }

    private static MockHttpServletRequestBuilder from(MockHttpServletRequestBuilder request, String address) {
        return request.with(r -> {
            r.setRemoteAddr(address);
            return r;
        });
    }

    @Test
    void export_noKeyConfiguredFromLoopback_returnsTheCopy() throws Exception {
        api("").perform(from(get("/api/privacy/export").param("tenantId", "t1").param("userId", "anna"), "127.0.0.1"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andExpect(jsonPath("$.userId").value("anna"))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.stores.test-notes[0].body").value("Annas rapport"))
                .andExpect(jsonPath("$.stores.test-notes[0].created_at").value("2026-11-20T08:00:00Z"));

        assertThat(jdbc.queryForObject("SELECT actor FROM privacy_audit WHERE action = 'EXPORT'", String.class))
                .isEqualTo("admin-loopback");
    }

    @Test
    void export_noKeyConfiguredFromIpv6Loopback_isServed() throws Exception {
        api("").perform(from(get("/api/privacy/export").param("tenantId", "t1").param("userId", "anna"), "0:0:0:0:0:0:0:1"))
                .andExpect(status().isOk());
    }

    @Test
    void export_anotherUsersDataFromTheNetworkWithoutKey_isForbidden() throws Exception {
        api("").perform(from(get("/api/privacy/export").param("tenantId", "t1").param("userId", "erik"), "10.1.2.3"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").exists());

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM privacy_audit", Integer.class)).isZero();
    }

    @Test
    void export_keyConfigured_missingOrWrongKeyIsRefusedEvenFromLoopback() throws Exception {
        MockMvc api = api(KEY);

        api.perform(from(get("/api/privacy/export").param("tenantId", "t1").param("userId", "erik"), "127.0.0.1"))
                .andExpect(status().isUnauthorized());
        api.perform(from(get("/api/privacy/export").param("tenantId", "t1").param("userId", "erik")
                        .header("X-Api-Key", KEY + "x"), "127.0.0.1"))
                .andExpect(status().isUnauthorized());
        api.perform(from(get("/api/privacy/export").param("tenantId", "t1").param("userId", "erik")
                        .header("X-Api-Key", ""), "10.0.0.9"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void export_rightKeyFromAnywhere_returnsTheCopy() throws Exception {
        api(KEY).perform(from(get("/api/privacy/export").param("tenantId", "t1").param("userId", "erik")
                        .header("X-Api-Key", KEY), "10.0.0.9"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stores.test-notes[0].body").value("Eriks rapport"));

        assertThat(jdbc.queryForObject("SELECT actor FROM privacy_audit", String.class)).isEqualTo("admin-api-key");
    }

    @Test
    void export_missingBlankHugeOrControlCharacterIds_isBadRequest() throws Exception {
        MockMvc api = api("");
        api.perform(from(get("/api/privacy/export").param("tenantId", "t1"), "127.0.0.1")).andExpect(status().isBadRequest());
        api.perform(from(get("/api/privacy/export").param("tenantId", " ").param("userId", "anna"), "127.0.0.1"))
                .andExpect(status().isBadRequest());
        api.perform(from(get("/api/privacy/export").param("tenantId", "t1").param("userId", "a".repeat(300)), "127.0.0.1"))
                .andExpect(status().isBadRequest());
        api.perform(from(get("/api/privacy/export").param("tenantId", "t1").param("userId", "anna\nadmin"), "127.0.0.1"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void export_sqlInIds_findsNothingAndLeaksNothing() throws Exception {
        api("").perform(from(get("/api/privacy/export").param("tenantId", "t1").param("userId", "x' OR '1'='1"), "127.0.0.1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void erase_withKey_deletesAndAuditsWithoutContent() throws Exception {
        api(KEY).perform(from(delete("/api/privacy/users").param("tenantId", "t1").param("userId", "anna")
                        .header("X-Api-Key", KEY), "10.0.0.9"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.erased.test-notes").value(1));

        assertThat(jdbc.queryForList("SELECT body FROM test_note", String.class)).containsExactly("Eriks rapport");
        String audit = jdbc.queryForMap("SELECT * FROM privacy_audit").toString();
        assertThat(audit).contains("admin-api-key", "ERASE").doesNotContain("anna", "Annas rapport");
    }

    @Test
    void erase_withoutKeyFromTheNetwork_deletesNothing() throws Exception {
        api(KEY).perform(from(delete("/api/privacy/users").param("tenantId", "t1").param("userId", "anna"), "10.0.0.9"))
                .andExpect(status().isUnauthorized());
        api("").perform(from(delete("/api/privacy/users").param("tenantId", "t1").param("userId", "anna"), "10.0.0.9"))
                .andExpect(status().isForbidden());

        assertThat(jdbc.queryForList("SELECT body FROM test_note", String.class)).hasSize(2);
    }
}
