package se.vagvisaren.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.bot.builder.StoreItem;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The SDK Storage contract on a real database; run against H2 and PostgreSQL by the subclasses. */
abstract class JdbcBotStorageContract {

    private DataSource dataSource;
    private JdbcBotStorage storage;

    abstract DataSource newDatabase();

    @BeforeEach
    void setUp() {
        dataSource = newDatabase();
        storage = newStorage();
    }

    private JdbcBotStorage newStorage() {
        return new JdbcBotStorage(JdbcClient.create(dataSource),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)), Clock.systemUTC());
    }

    @Test
    void write_thenReadFromNewInstance_returnsSameStateAfterRestart() {
        Map<String, Object> dialogState = new HashMap<>();
        dialogState.put("step", 2);
        dialogState.put("answers", new ArrayList<>(List.of("ja", "nej")));
        storage.write(Map.of("msteams/conversations/19:a@thread.tacv2;messageid=1", dialogState)).join();

        Map<String, Object> read = newStorage().read(new String[] {"msteams/conversations/19:a@thread.tacv2;messageid=1"}).join();

        assertThat(read.get("msteams/conversations/19:a@thread.tacv2;messageid=1")).isEqualTo(dialogState);
    }

    @Test
    void read_unknownKey_isAbsent() {
        assertThat(storage.read(new String[] {"nope"}).join()).isEmpty();
    }

    @Test
    void write_storeItem_getsETagAndStaleETagIsRejected() {
        Counter counter = new Counter();
        counter.value = 1;
        storage.write(Map.of("k", counter)).join();
        Counter first = (Counter) storage.read(new String[] {"k"}).join().get("k");
        Counter second = (Counter) storage.read(new String[] {"k"}).join().get("k");
        assertThat(first.getETag()).isNotBlank();

        first.value = 2;
        storage.write(Map.of("k", first)).join();
        second.value = 3;

        assertThatThrownBy(() -> storage.write(Map.of("k", second)).join())
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(JdbcBotStorage.StorageConflictException.class);
        assertThat(((Counter) storage.read(new String[] {"k"}).join().get("k")).value).isEqualTo(2);
    }

    @Test
    void write_wildcardETag_overwrites() {
        Counter counter = new Counter();
        counter.value = 1;
        storage.write(Map.of("k", counter)).join();
        Counter overwrite = new Counter();
        overwrite.value = 9;
        overwrite.setETag("*");

        storage.write(Map.of("k", overwrite)).join();

        assertThat(((Counter) storage.read(new String[] {"k"}).join().get("k")).value).isEqualTo(9);
    }

    @Test
    void delete_removesOnlyGivenKeys() {
        storage.write(Map.of("a", new HashMap<>(Map.of("x", 1)), "b", new HashMap<>(Map.of("y", 2)))).join();

        storage.delete(new String[] {"a"}).join();

        assertThat(storage.read(new String[] {"a", "b"}).join()).containsOnlyKeys("b");
    }

    @Test
    void nullArguments_failTheFutureNotTheCaller() {
        assertThatThrownBy(() -> storage.read(null).join()).hasCauseInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage.write(null).join()).hasCauseInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage.delete(null).join()).hasCauseInstanceOf(IllegalArgumentException.class);
    }

    /** A state item with optimistic concurrency, as the SDK's dialog state classes are. */
    public static class Counter implements StoreItem {
        public int value;
        private String eTag;

        @Override
        public String getETag() {
            return eTag;
        }

        @Override
        public void setETag(String withETag) {
            eTag = withETag;
        }
    }
}
