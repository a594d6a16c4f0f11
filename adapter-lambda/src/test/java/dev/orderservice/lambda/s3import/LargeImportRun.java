package dev.orderservice.lambda.s3import;

import com.sun.management.GarbageCollectionNotificationInfo;
import dev.orderservice.http.contract.JsonBody;
import dev.orderservice.lambda.aws.StructuredLog;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Runs one import in a JVM of its own, so that its heap can be limited and measured apart from the test's, and
 * prints one JSON line with the figures to standard output.
 *
 * <p>It reads its configuration as a Lambda function does, from environment variables, plus
 * {@code IMPORT_BUCKET}, {@code IMPORT_KEY} and {@code IMPORT_ETAG} for the notification it handles. The log
 * lines go to standard error.
 */
final class LargeImportRun {

    private LargeImportRun() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> environment = System.getenv();
        S3ImportHandler handler = S3ImportHandler.forEnvironment(environment,
                new StructuredLog(new PrintStream(System.err, true, StandardCharsets.UTF_8)));
        byte[] notification = ImportFunction.notification(environment.get("IMPORT_BUCKET"),
                new ImportFunction.Upload(environment.get("IMPORT_KEY"), environment.get("IMPORT_ETAG"), null));
        AtomicLong peakAfterCollection = watchHeapAfterEachCollection();
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        peakAfterCollection.set(0);

        long start = System.nanoTime();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(notification), output, null);
        double seconds = (System.nanoTime() - start) / 1e9;

        JsonBody imported = JsonBody.parse(output.toByteArray());
        System.out.println("{\"linesRead\":" + imported.integer("imports[0].linesRead")
                + ",\"ordersPlaced\":" + imported.integer("imports[0].ordersPlaced")
                + ",\"seconds\":" + String.format(Locale.ROOT, "%.3f", seconds)
                + ",\"peakHeapBytes\":" + peakHeapUsed()
                + ",\"peakHeapAfterCollectionBytes\":" + peakAfterCollection.get()
                + ",\"maxHeapBytes\":" + Runtime.getRuntime().maxMemory() + "}");
        System.exit(0);
    }

    /** Returns the most heap that was in use at once since the peaks were reset, garbage included. */
    private static long peakHeapUsed() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    /** Tracks the most heap in use right after a collection, which is what the import keeps reachable. */
    private static AtomicLong watchHeapAfterEachCollection() {
        AtomicLong peak = new AtomicLong();
        Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getName)
                .collect(Collectors.toSet());
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) collector).addNotificationListener((notification, handback) -> {
                if (!notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                    return;
                }
                GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                        (CompositeData) notification.getUserData());
                long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                        .filter(pool -> heapPools.contains(pool.getKey()))
                        .mapToLong(pool -> pool.getValue().getUsed())
                        .sum();
                peak.accumulateAndGet(used, Math::max);
            }, null, null);
        }
        return peak;
    }
}
