package se.vagvisaren.teams;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.builder.Storage;
import com.microsoft.bot.builder.StoreItem;
import java.io.IOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import lombok.RequiredArgsConstructor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The SDK {@link Storage} on our database, so conversation and dialog state survive restarts and are
 * shared by all replicas. Items that implement {@link StoreItem} get optimistic concurrency: a write
 * with a stale eTag fails (the SDK retries or reports), {@code "*"} overwrites. Values are stored as JSON
 * with their class name, like the SDK's {@code MemoryStorage}, but only classes from the SDK, our own
 * packages and the JDK may be restored.
 */
@Component
@RequiredArgsConstructor
class JdbcBotStorage implements Storage {

    private static final String TYPE_FIELD = "__type_name_";
    private static final String ETAG_FIELD = "eTag";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .findAndRegisterModules()
            .activateDefaultTyping(BasicPolymorphicTypeValidator.builder()
                    .allowIfSubType("com.microsoft.bot.")
                    .allowIfSubType("se.vagvisaren.")
                    .allowIfSubType("java.util.")
                    .allowIfSubType("java.lang.")
                    .allowIfSubType("java.time.")
                    .build(), ObjectMapper.DefaultTyping.NON_FINAL, JsonTypeInfo.As.PROPERTY);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    @Override
    public CompletableFuture<Map<String, Object>> read(String[] keys) {
        if (keys == null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("keys cannot be null"));
        }
        try {
            Map<String, Object> items = new HashMap<>();
            if (keys.length == 0) {
                return CompletableFuture.completedFuture(items);
            }
            List<Row> rows = jdbc.sql("SELECT state_key, e_tag, state_json FROM bot_state WHERE state_key IN (:keys)")
                    .param("keys", Arrays.asList(keys))
                    .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3)))
                    .list();
            for (Row row : rows) {
                items.put(row.key(), restore(row));
            }
            return CompletableFuture.completedFuture(items);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletableFuture<Void> write(Map<String, Object> changes) {
        if (changes == null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("changes cannot be null"));
        }
        try {
            transactions.executeWithoutResult(tx -> changes.forEach(this::writeOne));
            return CompletableFuture.completedFuture(null);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletableFuture<Void> delete(String[] keys) {
        if (keys == null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("keys cannot be null"));
        }
        try {
            if (keys.length > 0) {
                jdbc.sql("DELETE FROM bot_state WHERE state_key IN (:keys)").param("keys", Arrays.asList(keys)).update();
            }
            return CompletableFuture.completedFuture(null);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private void writeOne(String key, Object value) {
        String expected = value instanceof StoreItem item ? item.getETag() : "*";
        String newTag = UUID.randomUUID().toString();
        ObjectNode json = MAPPER.valueToTree(value);
        json.put(TYPE_FIELD, value.getClass().getName());
        json.remove(ETAG_FIELD);
        String body = json.toString();
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        boolean unconditional = expected == null || expected.isEmpty() || "*".equals(expected);
        int updated = unconditional
                ? jdbc.sql("UPDATE bot_state SET e_tag = :tag, state_json = :json, updated_at = :now WHERE state_key = :key")
                    .param("tag", newTag).param("json", body).param("now", now).param("key", key).update()
                : jdbc.sql("UPDATE bot_state SET e_tag = :tag, state_json = :json, updated_at = :now "
                        + "WHERE state_key = :key AND e_tag = :expected")
                    .param("tag", newTag).param("json", body).param("now", now).param("key", key)
                    .param("expected", expected).update();
        if (updated == 0) {
            if (!unconditional) {
                throw new StorageConflictException("eTag conflict for a state item; it was changed by another turn");
            }
            try {
                jdbc.sql("INSERT INTO bot_state (state_key, e_tag, state_json, updated_at) VALUES (:key, :tag, :json, :now)")
                        .param("key", key).param("tag", newTag).param("json", body).param("now", now).update();
            } catch (DuplicateKeyException raced) {
                throw new StorageConflictException("State item was created concurrently by another turn");
            }
        }
        if (value instanceof StoreItem item) {
            item.setETag(newTag);
        }
    }

    private static Object restore(Row row) {
        try {
            JsonNode node = MAPPER.readTree(row.json());
            String className = node.path(TYPE_FIELD).asText(null);
            if (className == null || !(className.startsWith("com.microsoft.bot.") || className.startsWith("se.vagvisaren.")
                    || className.startsWith("java."))) {
                throw new IllegalStateException("Stored state has no allowed type");
            }
            ((ObjectNode) node).remove(TYPE_FIELD);
            Object value = MAPPER.treeToValue(node, Class.forName(className));
            if (value instanceof StoreItem item) {
                item.setETag(row.eTag());
            }
            return value;
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("Stored state cannot be read", e);
        }
    }

    private record Row(String key, String eTag, String json) {
    }

    /** A write lost an optimistic-concurrency race. */
    static final class StorageConflictException extends RuntimeException {
        StorageConflictException(String message) {
            super(message);
        }
    }
}
