package se.vagvisaren.progress;

import java.time.Instant;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.ReplyTexts;

/**
 * Renders the read-only {@code /overview} page in Swedish: a summary table of all municipalities, then
 * per municipality a step timeline (inline SVG) with the same figures as a table, the latest updates and
 * the coming deadlines. No JavaScript of its own (the Teams tab adds the same-origin scripts it is given);
 * headings in order; colours per Teams theme (light, dark, high contrast) from CSS variables. On a
 * phone (390 px) nothing scrolls sideways: long words wrap, the chart scales with its viewBox, and a table
 * wider than the screen scrolls inside its own focusable box.
 * All texts come from {@code dialogs/replies/sv/progress.yaml}; user text is escaped by {@link HtmlWriter}.
 */
@Component
@RequiredArgsConstructor
class OverviewHtml {

    private static final Language SV = Language.SV;
    /**
     * Colours per theme as CSS variables; {@code OverviewThemeContrastTest} reads them from here and checks
     * every text/background pair against WCAG 2.1 AA (4.5:1). The contrast theme follows Teams' own
     * high-contrast palette (white/yellow/cyan on black).
     */
    static final String THEME_CSS = """
            :root,[data-theme=light]{--bg:#ffffff;--text:#1a1a1a;--muted:#3d4752;--head-bg:#eef2f6;--border:#8c959f;--accent:#1f4e79;--link:#0b4f8a;--focus:#1a1a1a;--grid:#d0d7de;--empty:#6b7785}
            [data-theme=dark]{--bg:#1f1f1f;--text:#f0f0f0;--muted:#c8c8c8;--head-bg:#2e2e2e;--border:#8a8a8a;--accent:#9cc3ff;--link:#9cc3ff;--focus:#ffffff;--grid:#4a4a4a;--empty:#a0a0a0}
            [data-theme=contrast]{--bg:#000000;--text:#ffffff;--muted:#ffffff;--head-bg:#000000;--border:#ffffff;--accent:#ffff00;--link:#ffff00;--focus:#00ffff;--grid:#ffffff;--empty:#ffffff}
            """;
    private static final String CSS = THEME_CSS + """
            body{font-family:"Segoe UI",system-ui,-apple-system,sans-serif;color:var(--text);background:var(--bg);margin:0;line-height:1.5}
            header,main,footer{max-width:60rem;margin:0 auto;padding:1rem 1.25rem}
            h1{font-size:1.6rem;margin:.5rem 0}h2{font-size:1.3rem;margin:2rem 0 .5rem;border-bottom:2px solid var(--accent)}
            h3{font-size:1.05rem;margin:1.2rem 0 .3rem}
            h1,h2,h3,p,caption,figcaption{overflow-wrap:anywhere}th,td{overflow-wrap:break-word}
            .table-scroll{max-width:100%;overflow-x:auto;margin:.5rem 0 1rem}
            .table-scroll:focus,a:focus,button:focus,select:focus,input:focus{outline:3px solid var(--focus);outline-offset:2px}
            table{border-collapse:collapse;width:100%}
            caption{text-align:left;font-weight:600;padding:.25rem 0;color:var(--text)}
            th,td{border:1px solid var(--border);padding:.35rem .5rem;text-align:left;vertical-align:top}
            th{background:var(--head-bg)}
            .meta{color:var(--muted)}
            a{color:var(--link)}
            figure{margin:.5rem 0}figcaption{color:var(--muted);font-size:.95rem}
            svg{display:block;max-width:100%;height:auto}
            svg text{fill:var(--text)}svg line{stroke:var(--grid)}svg circle{fill:var(--accent)}svg circle[r="2"]{fill:var(--empty)}
            @media (max-width:30rem){header,main,footer{padding:.75rem}h1{font-size:1.35rem}h2{font-size:1.15rem}
            th,td{padding:.3rem .35rem}caption{max-width:calc(100vw - 1.5rem)}}
            ul{padding-left:1.25rem}li{margin:.3rem 0;overflow-wrap:anywhere}
            input,button{font:inherit;color:var(--text);background:var(--bg);border:2px solid var(--border);padding:.4rem .6rem}
            .link-field{width:100%;max-width:40rem;box-sizing:border-box}button{cursor:pointer;border-color:var(--accent)}
            """;

    private final ReplyTexts texts;
    private final DateLabels dates;
    private final ProgressVocabulary vocabulary;

    /** The whole page for {@code municipalities} as of {@code now}; {@code nonce} must match the CSP header. */
    String page(List<MunicipalityView> municipalities, Instant now, String nonce) {
        return page(municipalities, now, nonce, OverviewTheme.LIGHT, List.of());
    }

    /**
     * The page in {@code theme}, loading {@code scripts} (same-origin paths; the Teams tab loads the Teams
     * JavaScript library and its theme follower) with the nonce.
     */
    String page(List<MunicipalityView> municipalities, Instant now, String nonce, OverviewTheme theme, List<String> scripts) {
        HtmlWriter w = head(t("progress.overview.page.title"), nonce, theme, scripts);
        w.start("header");
        w.element("h1", t("progress.overview.page.heading"));
        w.element("p", texts.get(SV, "progress.overview.page.generated", "time", dates.dayTime(now)), "class", "meta");
        w.end("header");
        w.start("main");
        summaryTable(w, municipalities);
        for (int i = 0; i < municipalities.size(); i++) {
            municipality(w, municipalities.get(i), "m" + (i + 1));
        }
        w.end("main");
        w.start("footer").element("p", stepLegend(), "class", "meta").end("footer");
        return w.end("body").end("html").toString();
    }

    /**
     * The configuration page of the overview tab: one labelled field for the signed link the bot gave in
     * chat and a submit button; {@code /overview/config.js} saves it with Teams' {@code pages.config}.
     * It holds no data, so it needs no token.
     */
    String config(String nonce, OverviewTheme theme, List<String> scripts) {
        HtmlWriter w = head(t("progress.overview.page.config.title"), nonce, theme, scripts);
        w.start("main");
        w.element("h1", t("progress.overview.page.config.title"));
        w.element("p", t("progress.overview.page.config.intro"));
        w.start("form", "id", "overview-config", "data-tab-name", t("progress.overview.page.config.tab-name"), "novalidate", "novalidate");
        w.start("p");
        w.element("label", t("progress.overview.page.config.label"), "for", "overview-link");
        w.empty("br");
        w.empty("input", "id", "overview-link", "name", "link", "type", "url", "autocomplete", "off", "required", "required",
                "aria-describedby", "overview-link-hint overview-link-error", "class", "link-field");
        w.end("p");
        w.element("p", t("progress.overview.page.config.hint"), "id", "overview-link-hint", "class", "meta");
        w.element("p", t("progress.overview.page.config.error"), "id", "overview-link-error", "role", "alert", "hidden", "hidden");
        w.element("button", t("progress.overview.page.config.submit"), "type", "submit");
        w.end("form");
        w.end("main");
        return w.end("body").end("html").toString();
    }

    /** A short page saying the link does not work, without any data. */
    String refusal(String messageKey, String nonce) {
        return refusal(messageKey, nonce, OverviewTheme.LIGHT);
    }

    /** The refusal page in {@code theme}. */
    String refusal(String messageKey, String nonce, OverviewTheme theme) {
        HtmlWriter w = head(t("progress.overview.page.title"), nonce, theme, List.of());
        w.start("main");
        w.element("h1", t("progress.overview.page.heading"));
        w.element("p", t(messageKey));
        w.end("main");
        return w.end("body").end("html").toString();
    }

    private HtmlWriter head(String title, String nonce, OverviewTheme theme, List<String> scripts) {
        HtmlWriter w = new HtmlWriter().doctype();
        w.start("html", "lang", "sv", "data-theme", theme.id()).start("head");
        w.empty("meta", "charset", "utf-8");
        w.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1");
        w.empty("meta", "name", "robots", "content", "noindex, nofollow");
        w.element("title", title);
        w.style(CSS, nonce);
        for (String src : scripts) {
            w.start("script", "src", src, "nonce", nonce, "defer", "defer").end("script");
        }
        w.end("head").start("body");
        return w;
    }

    private void summaryTable(HtmlWriter w, List<MunicipalityView> municipalities) {
        w.start("section", "aria-labelledby", "summary");
        w.element("h2", t("progress.overview.page.summary"), "id", "summary");
        if (municipalities.isEmpty()) {
            w.element("p", t("progress.overview.page.empty"));
            w.end("section");
            return;
        }
        String caption = t("progress.overview.page.summary-caption");
        startTable(w, caption, List.of("municipality", "active", "last", "deadlines"));
        for (MunicipalityView m : municipalities) {
            w.start("tr");
            w.element("th", m.name(), "scope", "row");
            w.element("td", activeSteps(m.summary().activeSteps()));
            w.element("td", dates.day(m.summary().lastUpdate()));
            w.element("td", Integer.toString(m.summary().deadlines().size()));
            w.end("tr");
        }
        w.end("tbody").end("table").end("div").end("section");
    }

    /**
     * Opens a table up to its body: a box that scrolls a wide table on a narrow screen (focusable, so it can be
     * scrolled from the keyboard, and labelled by the caption), the caption, and one column header per
     * {@code progress.overview.page.col.<key>} text. The caller closes tbody, table and div.
     */
    private void startTable(HtmlWriter w, String caption, List<String> columnKeys) {
        w.start("div", "class", "table-scroll", "role", "region", "aria-label", caption, "tabindex", "0");
        w.start("table");
        w.element("caption", caption);
        w.start("thead").start("tr");
        for (String key : columnKeys) {
            w.element("th", t("progress.overview.page.col." + key), "scope", "col");
        }
        w.end("tr").end("thead").start("tbody");
    }

    private void municipality(HtmlWriter w, MunicipalityView m, String id) {
        w.start("section", "aria-labelledby", id);
        w.element("h2", m.name(), "id", id);
        w.start("figure");
        StepTimeline.render(w, id, m.name(), m.weeklyCounts(), m.weekNumbers(), texts);
        w.element("figcaption", t("progress.overview.page.figcaption"));
        w.end("figure");
        stepTable(w, m);
        w.element("h3", t("progress.overview.page.latest"));
        if (m.latest().isEmpty()) {
            w.element("p", t("progress.overview.page.no-updates"));
        } else {
            w.start("ul");
            for (ProgressUpdate u : m.latest()) {
                w.start("li");
                w.element("time", dates.day(u.createdAt()), "datetime", u.createdAt().toString());
                w.text(" · " + stepsText(u) + " · " + u.text());
                if (u.link() != null) {
                    w.text(" ");
                    w.element("a", t("progress.overview.page.link"), "href", u.link(),
                            "rel", "noopener noreferrer nofollow", "target", "_blank");
                }
                w.end("li");
            }
            w.end("ul");
        }
        w.element("h3", t("progress.overview.page.deadlines"));
        if (m.summary().deadlines().isEmpty()) {
            w.element("p", t("progress.overview.page.no-deadlines"));
        } else {
            w.start("ul");
            for (UpcomingDeadlines.UpcomingDeadline d : m.summary().deadlines()) {
                w.start("li").element("time", dates.dayTime(d.due()), "datetime", d.due().toString())
                        .text(" · " + d.title()).end("li");
            }
            w.end("ul");
        }
        w.end("section");
    }

    private void stepTable(HtmlWriter w, MunicipalityView m) {
        String caption = texts.get(SV, "progress.overview.page.step-caption", "weeks", m.weekNumbers().size());
        startTable(w, caption, List.of("step", "count", "last", "status"));
        for (int step = ProgressUpdate.FIRST_STEP; step <= ProgressUpdate.LAST_STEP; step++) {
            int total = 0;
            for (int n : m.weeklyCounts()[step - 1]) {
                total += n;
            }
            String status = m.summary().activeSteps().contains(step) ? "progress.overview.page.status.active"
                    : m.summary().quietSteps().contains(step) ? "progress.overview.page.status.quiet"
                    : "progress.overview.page.status.none";
            w.start("tr");
            w.element("th", step + " " + vocabulary.get().stepName(step, SV), "scope", "row");
            w.element("td", Integer.toString(total));
            w.element("td", dates.day(m.summary().lastPerStep().get(step)));
            w.element("td", t(status));
            w.end("tr");
        }
        w.end("tbody").end("table").end("div");
    }

    private String stepsText(ProgressUpdate u) {
        if (u.steps().isEmpty()) {
            return t("progress.overview.page.no-step");
        }
        return texts.get(SV, "progress.overview.page.steps", "steps", numbers(u.steps()));
    }

    private String stepLegend() {
        StringBuilder legend = new StringBuilder(t("progress.overview.page.legend"));
        for (int step = ProgressUpdate.FIRST_STEP; step <= ProgressUpdate.LAST_STEP; step++) {
            legend.append(step == 1 ? " " : "; ").append(step).append(' ').append(vocabulary.get().stepName(step, SV));
        }
        return legend.append('.').toString();
    }

    /** "steg 2 och 3" rather than a bare "2, 3" that reads as a count under "Aktiva steg". */
    private String activeSteps(java.util.Collection<Integer> steps) {
        return steps.isEmpty() ? t("progress.overview.page.none")
                : texts.get(SV, "progress.overview.page.steps", "steps", numbers(steps));
    }

    private String numbers(java.util.Collection<Integer> steps) {
        return steps.isEmpty() ? t("progress.overview.page.none") : StepNumbers.join(steps, t("progress.and"));
    }

    private String t(String key) {
        return texts.get(SV, key);
    }

    /**
     * One municipality on the page.
     *
     * @param name         display name (configured, or a neutral label)
     * @param weeklyCounts {@code [step - 1][week]}, oldest week first
     * @param weekNumbers  ISO week numbers of the columns
     * @param latest       the newest updates, newest first
     */
    record MunicipalityView(String name, WorkspaceSummaries.WorkspaceSummary summary, int[][] weeklyCounts,
                            List<Integer> weekNumbers, List<ProgressUpdate> latest) {
    }
}
