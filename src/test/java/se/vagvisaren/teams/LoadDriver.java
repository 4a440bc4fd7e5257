package se.vagvisaren.teams;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A small closed-loop HTTP load generator: {@code concurrency} threads each send the next request as soon
 * as their previous one is answered, until {@code requests} are done. Bounded by count, so it always stops.
 */
final class LoadDriver {

    /**
     * Figures of one run; latencies in milliseconds. {@code cpuPerRequest} is the CPU time of this whole JVM
     * (server, stubs and driver) per request in milliseconds, which stays meaningful when other processes
     * share the machine; {@code cpuByThreads} splits it by thread-name group, and {@code cpuOutsideJavaThreads} is
     * what no Java thread used (garbage collection, JIT compilation). {@code allocatedKbPerRequest} is the heap
     * allocated by all threads per request: independent of the machine's load, and what drives the GC share.
     */
    record Result(String name, int requests, int concurrency, long errors, Map<Integer, Integer> statuses,
                  double seconds, double throughput, double p50, double p90, double p99, double max,
                  double cpuPerRequest, Map<String, Double> cpuByThreads, double cpuOutsideJavaThreads,
                  double allocatedKbPerRequest) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-14s %6d requests, concurrency %2d: %7.1f req/s, p50 %6.2f ms, p90 %6.2f ms, "
                            + "p99 %6.2f ms, max %7.2f ms, errors %d %s%n%14s CPU per request %.3f ms: %s, outside Java threads (GC, JIT) %.3f%n"
                            + "%14s allocated per request %.1f KB", name, requests, concurrency, throughput, p50, p90, p99,
                    max, errors, statuses, "", cpuPerRequest, cpuByThreads, cpuOutsideJavaThreads, "", allocatedKbPerRequest);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * @param body   the JSON body of request {@code i}
     * @param isOk   which statuses count as success
     */
    Result run(String name, String url, int requests, int concurrency, IntFunction<String> body,
               java.util.function.IntPredicate isOk) throws InterruptedException {
        long[] latencies = new long[requests];
        AtomicInteger next = new AtomicInteger();
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        AtomicInteger errors = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        Map<Long, Long> threadCpuBefore = threadCpu();
        long cpuBefore = processCpu();
        long allocatedBefore = allocated();
        long start = System.nanoTime();
        long startMillis = System.currentTimeMillis();
        for (int w = 0; w < concurrency; w++) {
            Thread worker = new Thread(() -> {
                for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body.apply(i))).build();
                    long t0 = System.nanoTime();
                    int status;
                    try {
                        status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (IOException e) {
                        status = -1;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    latencies[i] = System.nanoTime() - t0;
                    statuses.merge(status, 1, Integer::sum);
                    if (!isOk.test(status)) {
                        errors.incrementAndGet();
                    }
                }
            }, "load-" + name + "-" + w);
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        // Wall-clock window of this run, so JFR samples can be split by endpoint (docs/performance.md).
        System.out.printf(java.util.Locale.ROOT, "load window %s %d %d%n", name, startMillis, System.currentTimeMillis());
        double cpuPerRequest = (processCpu() - cpuBefore) / 1e6 / requests;
        double allocatedKb = (allocated() - allocatedBefore) / 1024.0 / requests;
        Map<String, Double> byThreads = cpuByThreadGroup(threadCpuBefore, requests);
        double inJavaThreads = byThreads.remove(ALL_THREADS);
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        return new Result(name, requests, concurrency, errors.get(), Map.copyOf(statuses), seconds, requests / seconds,
                millis(percentile(sorted, 50)), millis(percentile(sorted, 90)), millis(percentile(sorted, 99)),
                millis(sorted[sorted.length - 1]), cpuPerRequest, byThreads, cpuPerRequest - inJavaThreads, allocatedKb);
    }

    private static final String ALL_THREADS = "(all Java threads)";

    /** Heap bytes allocated by every thread since the JVM started (threads that ended included). */
    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getTotalThreadAllocatedBytes();
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static Map<Long, Long> threadCpu() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> cpu = new HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            cpu.put(id, Math.max(0, threads.getThreadCpuTime(id)));
        }
        return cpu;
    }

    /** CPU ms per request by thread group (names without their trailing numbers), largest first, and their sum under {@link #ALL_THREADS}. */
    private static Map<String, Double> cpuByThreadGroup(Map<Long, Long> before, int requests) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Double> groups = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long used = Math.max(0, threads.getThreadCpuTime(info.getThreadId())) - before.getOrDefault(info.getThreadId(), 0L);
            String group = info.getThreadName().replaceAll("[-\\d]+$", "").replaceAll("^load-.*", "load-driver");
            groups.merge(group, used / 1e6 / requests, Double::sum);
        }
        Map<String, Double> sorted = new LinkedHashMap<>();
        sorted.put(ALL_THREADS, groups.values().stream().mapToDouble(Double::doubleValue).sum());
        groups.entrySet().stream().filter(e -> e.getValue() >= 0.005)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), Math.round(e.getValue() * 1000) / 1000.0));
        return sorted;
    }

    private static long percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
