package se.vagvisaren.nlu;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trained intent model kept on disk between starts, so an unchanged {@code dialogs/} loads in well under a
 * second instead of being trained again. The file carries a {@linkplain #keyOf content key}: a SHA-256 over
 * the training examples, the model settings, the OpenNLP version and the bytes of the classes that turn text
 * into features. A file with another key, a truncated file or one whose bytes do not match their digest is
 * ignored with one WARN and the model is trained (and the file rewritten).
 *
 * <p>File layout: magic {@code VGVNLU01}, the key (UTF), the payload length (long), the payload's SHA-256
 * (32 bytes), the payload (OpenNLP's model zip). One file per folder; a new key overwrites the old one by an
 * atomic rename, so a reader never sees half a file from this class.
 */
final class IntentModelCache {

    private static final Logger log = LoggerFactory.getLogger(IntentModelCache.class);
    static final String FILE_NAME = "intent-model.bin";
    private static final String MAGIC = "VGVNLU01";
    /** Raise when the file layout or the meaning of a setting changes in a way the key cannot see. */
    private static final int FORMAT = 1;
    /** Classes whose code decides which features a text gets: a change to any of them must retrain. */
    private static final Class<?>[] FEATURE_CODE = {ChatFeatures.class, TextNormalizer.class, IntentModel.class,
            SparseSoftmaxTrainer.class, SoftmaxObjective.class};
    /** A model larger than this is not ours (the shipped one is a few MB; CLINC150 with n-grams about 80 MB). */
    private static final long MAX_PAYLOAD_BYTES = 1L << 30;

    private final Path file;

    IntentModelCache(Path folder) {
        this.file = folder.resolve(FILE_NAME);
    }

    /** The cached model when its key matches, else a newly trained one, which is then written to the cache. */
    IntentModel loadOrTrain(TrainingData data, IntentModel.ModelSettings settings) {
        String key = keyOf(data, settings);
        Optional<IntentModel> cached = read(key, settings);
        if (cached.isPresent()) {
            return cached.get();
        }
        IntentModel trained = IntentModel.train(data, settings);
        write(key, trained);
        return trained;
    }

    Path file() {
        return file;
    }

    private Optional<IntentModel> read(String key, IntentModel.ModelSettings settings) {
        if (!Files.isRegularFile(file)) {
            log.info("No cached intent model at {} yet; training", file);
            return Optional.empty();
        }
        byte[] payload;
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            payload = readPayload(in, key);
            if (payload == null) {
                return Optional.empty();
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Ignoring the cached intent model {}: unreadable or truncated ({}); retraining", file, e.toString());
            return Optional.empty();
        }
        try (InputStream in = new ByteArrayInputStream(payload)) {
            IntentModel model = IntentModel.readFrom(in, settings);
            log.info("Loaded the cached intent model from {} ({} bytes)", file, payload.length);
            return Optional.of(model);
        } catch (IOException | RuntimeException e) {
            log.warn("Ignoring the cached intent model {}: not a valid model ({}); retraining", file, e.toString());
            return Optional.empty();
        }
    }

    /** The verified payload; {@code null} (after one WARN) when the file belongs to other data or is damaged. */
    private byte[] readPayload(DataInputStream in, String key) throws IOException {
        byte[] magic = new byte[MAGIC.length()];
        in.readFully(magic);
        if (!MAGIC.equals(new String(magic, StandardCharsets.US_ASCII))) {
            log.warn("Ignoring the cached intent model {}: not a Vägvisaren model cache file; retraining", file);
            return null;
        }
        String storedKey = in.readUTF();
        if (!key.equals(storedKey)) {
            log.warn("Ignoring the cached intent model {}: built from other training data, settings or code "
                    + "(hash {}, now {}); retraining", file, abbreviate(storedKey), abbreviate(key));
            return null;
        }
        long length = in.readLong();
        if (length < 0 || length > MAX_PAYLOAD_BYTES) {
            log.warn("Ignoring the cached intent model {}: implausible length {}; retraining", file, length);
            return null;
        }
        byte[] digest = new byte[32];
        in.readFully(digest);
        byte[] payload = new byte[(int) length];
        in.readFully(payload);
        if (!Arrays.equals(digest, sha256().digest(payload))) {
            log.warn("Ignoring the cached intent model {}: its bytes do not match their checksum; retraining", file);
            return null;
        }
        return payload;
    }

    private void write(String key, IntentModel model) {
        Path temp = null;
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
            model.writeTo(bytes);
            byte[] payload = bytes.toByteArray();
            Files.createDirectories(file.getParent());
            temp = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
            try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(temp))) {
                out.write(MAGIC.getBytes(StandardCharsets.US_ASCII));
                out.writeUTF(key);
                out.writeLong(payload.length);
                out.write(sha256().digest(payload));
                out.write(payload);
            }
            moveIntoPlace(temp);
            log.info("Cached the intent model at {} ({} bytes)", file, payload.length);
        } catch (IOException | RuntimeException e) {
            // The bot works without the cache; the next start simply trains again.
            log.warn("Could not cache the intent model at {}: {}", file, e.toString());
            deleteQuietly(temp);
        }
    }

    private void moveIntoPlace(Path temp) throws IOException {
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // a stray temporary file in the cache folder is harmless
            }
        }
    }

    /**
     * SHA-256 (hex) over everything the trained model depends on: examples in order (intent, language, text),
     * the settings that shape the model (not the thread count, which only changes rounding), the OpenNLP
     * version and the bytes of {@link #FEATURE_CODE}.
     */
    static String keyOf(TrainingData data, IntentModel.ModelSettings settings) {
        MessageDigest digest = sha256();
        update(digest, "format=" + FORMAT);
        update(digest, "opennlp=" + opennlp.tools.util.Version.currentVersion());
        update(digest, "settings=" + settings.algorithm() + "|" + settings.iterations() + "|" + settings.cutoff()
                + "|" + settings.l2() + "|" + settings.characterGrams() + "|" + settings.lbfgsCorrections()
                + "|" + settings.learningRate() + "|urgent=" + IntentModel.URGENT_HELP_WEIGHT);
        for (Class<?> type : FEATURE_CODE) {
            update(digest, type.getName());
            digest.update(classBytes(type));
        }
        for (TrainingData.Example example : data.examples()) {
            update(digest, example.intent());
            update(digest, example.language().name());
            update(digest, example.text());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void update(MessageDigest digest, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        // The length first, so ("ab", "c") and ("a", "bc") hash differently.
        digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
        digest.update(bytes);
    }

    private static byte[] classBytes(Class<?> type) {
        String resource = type.getSimpleName() + ".class";
        try (InputStream in = type.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Class file " + resource + " not found");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read class file " + resource, e);
        }
    }

    private static String abbreviate(String key) {
        return key.length() > 12 ? key.substring(0, 12) : key;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
