package se.vagvisaren.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static se.vagvisaren.deployment.RepositoryFiles.deployment;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;

/** The icons Teams shows: sizes, format and the outline's white-on-transparent rule. */
class TeamsIconsTest {

    @Test
    void colorIcon_is192SquarePngInAccentColour() throws IOException {
        Path file = deployment("teams/color.png");
        assertThat(formatOf(file)).isEqualTo("png");
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image.getWidth()).isEqualTo(192);
        assertThat(image.getHeight()).isEqualTo(192);
        String accent = RepositoryFiles.json(deployment("teams/manifest.json")).path("accentColor").asText();
        int corner = image.getRGB(2, 2);
        assertThat(String.format("#%06X", corner & 0xFFFFFF)).isEqualToIgnoringCase(accent);
        assertThat(corner >>> 24).as("opaque background").isEqualTo(255);
    }

    @Test
    void colorIcon_symbol_staysInsideCentralSafeArea() throws IOException {
        BufferedImage image = ImageIO.read(deployment("teams/color.png").toFile());
        int background = image.getRGB(0, 0);
        // Teams asks for the symbol to sit within the central 96x96 of the 192x192 tile (48 px margin).
        for (int y = 0; y < 192; y++) {
            for (int x = 0; x < 192; x++) {
                boolean margin = x < 48 || x >= 144 || y < 48 || y >= 144;
                if (margin) {
                    assertThat(image.getRGB(x, y)).as("pixel %d,%d in the margin", x, y).isEqualTo(background);
                }
            }
        }
    }

    @Test
    void outlineIcon_is32SquareWhiteOnTransparent() throws IOException {
        Path file = deployment("teams/outline.png");
        assertThat(formatOf(file)).isEqualTo("png");
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image.getWidth()).isEqualTo(32);
        assertThat(image.getHeight()).isEqualTo(32);
        assertThat(image.getColorModel().hasAlpha()).isTrue();
        int visible = 0;
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                int argb = image.getRGB(x, y);
                int alpha = argb >>> 24;
                if (alpha > 0) {
                    visible++;
                    assertThat(argb & 0xFFFFFF).as("pixel %d,%d must be white", x, y).isEqualTo(0xFFFFFF);
                }
            }
        }
        assertThat(image.getRGB(0, 0) >>> 24).as("transparent corner").isZero();
        assertThat(image.getRGB(31, 31) >>> 24).as("transparent corner").isZero();
        // A readable glyph: neither a speck nor a filled square.
        assertThat(visible).isBetween(32 * 32 / 10, 32 * 32 * 7 / 10);
    }

    private static String formatOf(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            return reader.getFormatName().toLowerCase();
        }
    }
}
