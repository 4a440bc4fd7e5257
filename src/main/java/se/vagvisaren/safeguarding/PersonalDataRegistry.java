package se.vagvisaren.safeguarding;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * All {@link PersonalDataStore} beans of the application, used for a person's export (GDPR Art. 15)
 * and erasure (Art. 17). Every export and erasure is written to the audit log without content.
 * A store that fails does not stop the others; it is reported in the result.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class PersonalDataRegistry {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataRegistry.class);

    /**
     * What an erasure did.
     *
     * @param erased       deleted rows per store name
     * @param failedStores stores that threw; their data may remain
     */
    public record Erasure(Map<String, Integer> erased, List<String> failedStores) {
        public int total() {
            return erased.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /**
     * A copy of everything stored about one person.
     *
     * @param tenantId     the person's tenant
     * @param userId       the person's stable id
     * @param exportedAt   when the copy was made (UTC)
     * @param stores       rows per store name, in store name order
     * @param failedStores stores that threw; the copy is incomplete for them
     */
    public record Export(String tenantId, String userId, Instant exportedAt,
            Map<String, List<Map<String, Object>>> stores, List<String> failedStores) {
        public int total() {
            return stores.values().stream().mapToInt(List::size).sum();
        }
    }

    private final ObjectProvider<PersonalDataStore> stores;
    private final PrivacyAudit audit;
    private final Clock clock;

    /** The registered stores, sorted by name; fails on duplicate names, which would make settings ambiguous. */
    public List<PersonalDataStore> stores() {
        List<PersonalDataStore> all = new ArrayList<>(stores.orderedStream().toList());
        all.sort(Comparator.comparing(PersonalDataStore::name));
        Set<String> names = new HashSet<>();
        for (PersonalDataStore store : all) {
            if (!names.add(store.name())) {
                throw new IllegalStateException("Two personal-data stores are named " + store.name());
            }
        }
        return all;
    }

    /**
     * Erases one person's data in every store and audits it.
     *
     * @param actor a role for the audit log ({@code user}, {@code admin-api-key}, {@code admin-loopback})
     */
    public Erasure eraseUser(String tenantId, String userId, String actor) {
        EveryStore<Integer> erased = inEveryStore("Erasure", store -> store.eraseUser(tenantId, userId));
        String subject = PrivacyAudit.subjectHash(tenantId, userId);
        audit.record(actor, PrivacyAudit.Action.ERASE, subject, erased.results());
        log.info("Erased {} rows for subject {} by {}", erased.results().values().stream().mapToInt(Integer::intValue).sum(),
                subject.substring(0, 12), actor);
        return new Erasure(Map.copyOf(erased.results()), erased.failed());
    }

    /** Collects one person's data from every store and audits the export. */
    public Export exportUser(String tenantId, String userId, String actor) {
        EveryStore<List<Map<String, Object>>> rows = inEveryStore("Export", store -> store.exportUser(tenantId, userId));
        Map<String, Integer> counts = new LinkedHashMap<>();
        rows.results().forEach((name, list) -> counts.put(name, list.size()));
        String subject = PrivacyAudit.subjectHash(tenantId, userId);
        audit.record(actor, PrivacyAudit.Action.EXPORT, subject, counts);
        log.info("Exported data of subject {} for {}", subject.substring(0, 12), actor);
        return new Export(tenantId, userId, clock.instant(), rows.results(), rows.failed());
    }

    /**
     * What one job did in every store.
     *
     * @param results the result per store name, in store name order; stores that threw are left out
     * @param failed  the names of the stores that threw
     */
    record EveryStore<T>(Map<String, T> results, List<String> failed) {
    }

    /**
     * Runs {@code job} on every store in name order. A store that throws is logged (as
     * "{@code what} failed in store …", never with content) and listed, and the others still run.
     */
    <T> EveryStore<T> inEveryStore(String what, Function<PersonalDataStore, T> job) {
        Map<String, T> results = new LinkedHashMap<>();
        List<String> failed = new ArrayList<>();
        for (PersonalDataStore store : stores()) {
            try {
                results.put(store.name(), job.apply(store));
            } catch (RuntimeException e) {
                failed.add(store.name());
                log.error("{} failed in store {}: {}", what, store.name(), e.toString());
            }
        }
        return new EveryStore<>(results, List.copyOf(failed));
    }
}
