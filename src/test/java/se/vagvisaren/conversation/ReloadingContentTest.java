package se.vagvisaren.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ReloadingContentTest {

    private final AtomicReference<String> source = new AtomicReference<>("v1");

    private String load() {
        String value = source.get();
        if (value == null) {
            throw new IllegalArgumentException("broken file");
        }
        return value;
    }

    @Test
    void onContentChanged_sameArea_reloads() {
        ReloadingContent<String> content = new ReloadingContent<>("dialogs", "x.yaml", this::load);
        source.set("v2");

        content.onContentChanged(new ContentChanged("dialogs"));

        assertThat(content.get()).isEqualTo("v2");
    }

    @Test
    void onContentChanged_otherArea_keepsValue() {
        ReloadingContent<String> content = new ReloadingContent<>("dialogs", "x.yaml", this::load);
        source.set("v2");

        content.onContentChanged(new ContentChanged("knowledge"));

        assertThat(content.get()).isEqualTo("v1");
    }

    @Test
    void onContentChanged_brokenEdit_keepsPreviousValue() {
        ReloadingContent<String> content = new ReloadingContent<>("dialogs", "x.yaml", this::load);
        source.set(null);

        content.onContentChanged(new ContentChanged("dialogs"));

        assertThat(content.get()).isEqualTo("v1");
    }

    @Test
    void reload_fixedEdit_usesNewValue() {
        ReloadingContent<String> content = new ReloadingContent<>("dialogs", "x.yaml", this::load);
        source.set(null);
        content.reload();
        source.set("v3");

        content.reload();

        assertThat(content.get()).isEqualTo("v3");
    }

    @Test
    void reload_brokenEdit_keepsPreviousValue() {
        ReloadingContent<String> content = new ReloadingContent<>("dialogs", "x.yaml", this::load);
        source.set(null);

        content.reload();

        assertThat(content.get()).isEqualTo("v1");
    }

    @Test
    void constructor_brokenAtStart_fails() {
        source.set(null);

        assertThatThrownBy(() -> new ReloadingContent<>("dialogs", "x.yaml", this::load))
                .hasMessageContaining("broken file");
    }

    @Test
    void orElse_brokenAtStart_startsWithFallbackAndPicksUpTheFix() {
        source.set(null);
        ReloadingContent<String> content = ReloadingContent.orElse("dialogs", "x.yaml", this::load, "none");
        assertThat(content.get()).isEqualTo("none");

        source.set("v2");
        content.onContentChanged(new ContentChanged("dialogs"));
        assertThat(content.get()).isEqualTo("v2");

        source.set(null);
        content.onContentChanged(new ContentChanged("dialogs"));
        assertThat(content.get()).isEqualTo("v2");
    }
}
