package se.vagvisaren.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.server.ResponseStatusException;

class AdminAccessTest {

    private static MockHttpServletRequest from(String address, String key) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(address);
        if (key != null) {
            request.addHeader(AdminAccess.HEADER, key);
        }
        return request;
    }

    @Test
    void allows_keyConfigured_onlyTheRightKeyFromAnywhere() {
        AdminAccess access = new AdminAccess("s3cret-key");

        assertThat(access.allows(from("203.0.113.7", "s3cret-key"))).isTrue();
        assertThat(access.allows(from("127.0.0.1", null))).isFalse();
        assertThat(access.allows(from("127.0.0.1", "s3cret-kez"))).isFalse();
        assertThat(access.allows(from("127.0.0.1", ""))).isFalse();
    }

    @Test
    void allows_noKey_onlyLoopback() {
        AdminAccess access = new AdminAccess("");

        assertThat(access.allows(from("127.0.0.1", null))).isTrue();
        assertThat(access.allows(from("0:0:0:0:0:0:0:1", null))).isTrue();
        assertThat(access.allows(from("10.0.0.5", "anything"))).isFalse();
        assertThat(access.allows(from("192.168.1.20", null))).isFalse();
        assertThat(access.allows(from("", null))).isFalse();
    }

    @Test
    void check_wrongKey_is401AndRemoteWithoutKey_is403() {
        assertThatThrownBy(() -> new AdminAccess("k").check(from("127.0.0.1", "x")))
                .isInstanceOf(ResponseStatusException.class).hasMessageContaining("401");
        assertThatThrownBy(() -> new AdminAccess((String) null).check(from("10.1.2.3", null)))
                .isInstanceOf(ResponseStatusException.class).hasMessageContaining("403");
        assertThatCode(() -> new AdminAccess((String) null).check(from("127.0.0.1", null))).doesNotThrowAnyException();
    }
}
