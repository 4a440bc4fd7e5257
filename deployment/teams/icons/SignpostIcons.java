import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Draws the Teams app icons: a signpost with one board pointing right and one pointing left.
 *
 * <p>Run from the repository root with {@code java deployment/teams/icons/SignpostIcons.java deployment/teams};
 * it writes {@code color.png} (192×192, full colour, symbol inside the central 96×96 safe area that Teams
 * asks for) and {@code outline.png} (32×32, white on transparent). Needs only the JDK, no display.
 */
public final class SignpostIcons {

    /** Same value as {@code accentColor} in manifest.json, so the icon tile and the accent match. */
    static final Color ACCENT = new Color(0x1F5F6B);
    static final Color BOARD_WARM = new Color(0xF5C15C);

    public static void main(String[] args) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Path dir = Path.of(args.length > 0 ? args[0] : ".");
        Files.createDirectories(dir);
        ImageIO.write(color(), "png", dir.resolve("color.png").toFile());
        ImageIO.write(outline(), "png", dir.resolve("outline.png").toFile());
    }

    static BufferedImage color() {
        BufferedImage image = new BufferedImage(192, 192, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = smooth(image);
        g.setColor(ACCENT);
        g.fillRect(0, 0, 192, 192);
        // Ground: a low mound the post stands in.
        g.setColor(new Color(0x17474F));
        g.fill(new RoundRectangle2D.Double(70, 132, 52, 10, 10, 10));
        // Post.
        g.setColor(Color.WHITE);
        g.fill(new RoundRectangle2D.Double(91, 50, 10, 88, 6, 6));
        // Upper board points right (forward), lower board points left (back): a choice of ways.
        g.fill(board(60, 62, 78, 24, true));
        g.setColor(BOARD_WARM);
        g.fill(board(54, 96, 78, 24, false));
        // A thin line on each board reads as text from afar without using letters.
        g.setStroke(new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(ACCENT);
        g.drawLine(68, 74, 118, 74);
        g.drawLine(76, 108, 122, 108);
        g.dispose();
        return image;
    }

    static BufferedImage outline() {
        BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = smooth(image);
        g.setColor(Color.WHITE);
        g.fill(new RoundRectangle2D.Double(15, 2, 2, 27, 1, 1));
        g.fill(board(5, 5, 22, 7, true));
        g.fill(board(5, 15, 22, 7, false));
        g.fill(new RoundRectangle2D.Double(9, 28, 14, 2, 1, 1));
        g.dispose();
        return image;
    }

    /** An arrow-shaped board: a rectangle whose tip (0.55 of its height deep) points right or left. */
    static Path2D board(double x, double y, double width, double height, boolean pointsRight) {
        double tip = height * 0.55;
        Path2D.Double path = new Path2D.Double();
        if (pointsRight) {
            path.moveTo(x, y);
            path.lineTo(x + width - tip, y);
            path.lineTo(x + width, y + height / 2);
            path.lineTo(x + width - tip, y + height);
            path.lineTo(x, y + height);
        } else {
            path.moveTo(x + width, y);
            path.lineTo(x + tip, y);
            path.lineTo(x, y + height / 2);
            path.lineTo(x + tip, y + height);
            path.lineTo(x + width, y + height);
        }
        path.closePath();
        return path;
    }

    private static Graphics2D smooth(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        return g;
    }
}
