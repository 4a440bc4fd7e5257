package se.vagvisaren.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small knowledge base whose passages carry {@code kind}, {@code step} and {@code audience}, shaped like the
 * real one, with the shipped {@code question-types.yaml}, {@code synonyms.txt} and {@code stopwords.txt}. Some
 * passages are written to tempt the plain word search into the wrong answer (the line for people who use
 * violence mentions "rädd" and "partner"; a practice passage repeats "MVP").
 */
final class RoutingFixtures {

    private RoutingFixtures() {
    }

    static Path typed(Path root, String id, String lang, String kind, Integer step, String audience, String section,
                      String title, String text) {
        String md = "---\nid: " + id + "\ntitle: \"" + title + "\"\nlang: " + lang + "\nkind: " + kind + "\n"
                + (step == null ? "" : "step: " + step + "\n")
                + (audience == null ? "" : "audience: " + audience + "\n")
                + "question: \"" + title + "?\"\nsource:\n  document: \"Testhandbok\"\n  section: \"" + section + "\"\n---\n"
                + text + "\n";
        return KnowledgeFixtures.write(root.resolve(kind).resolve(id + ".md"), md);
    }

    static Path base(Path root) {
        typed(root, "fem-stegen", "sv", "steps-overview", null, null, "Översikt", "De fem stegen",
                "Arbetet följer fem steg: initiera samverkan, beskriv våld som problem, identifiera förändringsfaktorer, "
                        + "utveckla insatser samt implementera, följ upp och sprid.");
        typed(root, "five-steps-en", "en", "steps-overview", null, null, "Overview", "The five steps",
                "The work follows five steps: initiate cooperation, describe violence as a problem, identify change "
                        + "factors, develop interventions, and implement, follow up and spread.");
        String[] sv = {"Initiera samverkan", "Beskriv våld som problem", "Identifiera förändringsfaktorer",
                "Utveckla insatser", "Implementera, följ upp och sprid"};
        String[] en = {"Initiate cooperation", "Describe violence as a problem", "Identify change factors",
                "Develop interventions", "Implement, follow up and spread"};
        for (int n = 1; n <= 5; n++) {
            typed(root, "steg-" + n, "sv", "step", n, null, "Steg " + n, "Steg " + n + ": " + sv[n - 1],
                    "I steg " + n + " ska kommunen " + sv[n - 1].toLowerCase() + ". Steget bygger på det förra och leder till nästa.");
            typed(root, "step-" + n + "-en", "en", "step", n, null, "Step " + n, "Step " + n + ": " + en[n - 1],
                    "In step " + n + " the municipality should " + en[n - 1].toLowerCase() + ". It builds on the step before.");
        }
        typed(root, "steg-2-1", "sv", "section", 2, null, "2.1 Definiera vilket våld som ska kartläggas",
                "Definiera vilket våld som ska kartläggas",
                "Innan kartläggningen bestämmer ni vilka former av våld och vilka grupper den ska omfatta.");
        typed(root, "steg-3-1", "sv", "section", 3, null, "3.1 Risk- och skyddsfaktorer som kan förändras",
                "Förändringsfaktorer",
                "Förändringsfaktorer är de risk- och skyddsfaktorer som kommunen faktiskt kan påverka med insatser.");
        typed(root, "steg-4-2", "sv", "section", 4, null, "4.2 Logisk kedja", "Logisk kedja",
                "En logisk kedja binder ihop problem, förändringsfaktorer, insatser och förväntade resultat.");
        typed(root, "mvp", "sv", "concept", null, null, "Metoder", "MVP – Mentorer i våldsprevention",
                "MVP står för Mentorer i våldsprevention, ett skolprogram där unga övar på att säga ifrån.");
        typed(root, "mvp-i-skolan", "sv", "practice", null, null, "Erfarenheter", "MVP i skolan",
                "Skolor som använder MVP berättar att MVP-lektionerna fungerar bäst när MVP-mentorerna får stöd av MVP-utbildade lärare.");
        typed(root, "valdspyramiden", "sv", "concept", null, null, "Begrepp", "Våldspyramiden",
                "Våldspyramiden visar att grovt våld vilar på en bred bas av vardagliga kränkningar och normer.");
        typed(root, "vad-ar-vald", "sv", "concept", null, null, "Begrepp", "Vad är våld?",
                "Våld är handlingar som skadar, smärtar, skrämmer eller kränker. Det finns flera former av våld.");
        typed(root, "valdsformer", "sv", "list", null, null, "Begrepp", "Våldets former",
                "Fysiskt, psykiskt, sexuellt, ekonomiskt och materiellt våld, försummelse och latent våld.");
        typed(root, "kvinnofridslinjen", "sv", "support", null, "victim", "Stödlinjer", "Kvinnofridslinjen",
                "Kvinnofridslinjen är en stödtelefon för den som är utsatt för våld, hot eller kränkningar av någon närstående.");
        typed(root, "valj-att-sluta", "sv", "support", null, "uses-violence", "Stödlinjer", "Välj att sluta",
                "Välj att sluta är en stödlinje för dig som använder våld mot din partner, eller är rädd att du ska göra det.");
        typed(root, "bris", "sv", "support", null, "child", "Stödlinjer", "Bris",
                "Bris är en stödlinje för barn och unga som vill prata med en vuxen.");
        typed(root, "stod-112", "sv", "support", null, "anyone", "Akut fara", "Ring 112 vid akut fara",
                "Är någon i akut fara, ring 112.");
        typed(root, "support-victim-en", "en", "support", null, "victim", "Support lines", "Support if you are subjected to violence",
                "If someone close to you hurts, threatens or controls you, the national women's helpline is free and open all day.");
        typed(root, "support-uses-violence-en", "en", "support", null, "uses-violence", "Support lines",
                "Support for people who use violence",
                "If you use violence against your partner, or are afraid you will, a support line can help you stop.");
        try {
            Files.copy(Path.of("knowledge/question-types.yaml"), root.resolve("question-types.yaml"));
            Files.copy(Path.of("knowledge/synonyms.txt"), root.resolve("synonyms.txt"));
            Files.copy(Path.of("knowledge/stopwords.txt"), root.resolve("stopwords.txt"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return root;
    }
}
