package io.heatwire.corpus;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The fixed universe the generator draws from: providers, topics, categories and words. It does not
 * depend on the seed, so two corpora with different seeds share their providers and topics, like two
 * days of the same crawl.
 */
final class Vocabulary {

    /** How an AMP twin of a provider's pages is addressed; every form canonicalizes to the plain page. */
    enum AmpStyle {
        /** {@code /amp/section/slug}. */
        PATH_SEGMENT,
        /** {@code /section/slug.amp.html}; only for providers whose pages end in {@code .html}. */
        AMP_HTML,
        /** {@code /section/slug?amp}. */
        QUERY_FLAG,
        /** {@code /section/slug?amp=1}. */
        QUERY_ONE,
        /** {@code /section/slug?outputType=amp}. */
        OUTPUT_TYPE,
        /** The provider has no AMP pages. */
        NONE
    }

    /**
     * One news site.
     *
     * @param domain      registrable host without {@code www.}, lowercase
     * @param www         whether its pages are served from {@code www.domain}
     * @param htmlPages   whether page paths end in {@code .html}
     * @param datedPaths  whether paths carry {@code /yyyy/mm/dd/}
     */
    record Provider(String name, String domain, boolean www, boolean htmlPages, boolean datedPaths, AmpStyle ampStyle) {

        String host() {
            return www ? "www." + domain : domain;
        }
    }

    static final int PROVIDER_COUNT = 300;

    static final List<String> TOPICS = List.of(
            "Politics",
            "Elections",
            "Economy",
            "Markets",
            "AI",
            "Computer Vision",
            "Climate",
            "Energy",
            "Football",
            "Tennis",
            "Health",
            "Vaccines",
            "Space",
            "Privacy",
            "Cybersecurity",
            "Smartphones",
            "Gaming",
            "Movies",
            "Music",
            "Travel",
            "Housing",
            "Education",
            "Crime",
            "Courts",
            "Immigration",
            "Transport",
            "Electric Vehicles",
            "Retail",
            "Banking",
            "Crypto",
            "Startups",
            "Science",
            "Weather",
            "Food",
            "Fashion",
            "Art",
            "Media",
            "Agriculture",
            "Defence",
            "Diplomacy");

    static final List<String> CATEGORIES =
            List.of("news", "business", "technology", "sport", "science", "entertainment", "lifestyle");

    static final List<String> SECTIONS = List.of(
            "news",
            "world",
            "business",
            "tech",
            "sport",
            "science",
            "politics",
            "culture",
            "health",
            "local",
            "opinion",
            "money");

    static final List<String> UTM_SOURCES =
            List.of("rss", "twitter", "facebook", "newsletter", "flipboard", "google", "linkedin", "reddit");

    private static final String[] WORDS = ("government minister report police officers city council plan "
                    + "budget vote election campaign court ruling judge trial market shares investors bank rates "
                    + "inflation prices energy climate summit talks deal agreement company launch phone software update "
                    + "privacy data breach hackers security study researchers scientists discovery space mission rocket "
                    + "satellite team coach match season league final goal win loss fans stadium weather storm flood "
                    + "heat record hospital doctors patients vaccine health care school students teachers university "
                    + "housing rents homes prices workers union strike pay jobs economy growth recession trade tariffs "
                    + "exports border migrants policy reform law bill parliament senate protest rally crowd leader "
                    + "president prime chief executive board profit revenue quarter forecast film festival album tour "
                    + "artist museum exhibition travel airline flights airport trains railway road traffic cars electric "
                    + "battery charging factory plant farmers crops drought wildfire rescue crews residents community "
                    + "village region country nation global local national early late new old first last biggest "
                    + "major new rising falling sharp slow quick surprise warning alert review analysis interview "
                    + "explained inside behind why how what after before amid despite over under against toward "
                    + "facial recognition cameras artificial intelligence model chips cloud network outage streaming "
                    + "subscribers advertising media newspaper broadcaster license regulator fine probe investigation")
            .split(" ");

    /** Title-only flourishes so that the parser meets non-ASCII text, entities and mojibake. */
    static final List<String> TITLE_EXTRAS = List.of(
            "café", "—", "naïve", "São Paulo", "Zürich", "&amp;", "isnâ€™t", "“explained”", "‘first look’", "€2bn");

    private static final String[] NAME_FIRST = {
        "Morning",
        "Evening",
        "Daily",
        "Weekly",
        "Harbor",
        "North",
        "South",
        "East",
        "West",
        "Capital",
        "Metro",
        "Valley",
        "River",
        "Coast",
        "Pacific",
        "Atlantic",
        "Central",
        "Union",
        "Liberty",
        "Summit",
        "Granite",
        "Silver",
        "Golden",
        "Red",
        "Blue",
        "Green",
        "Open",
        "Clear",
        "Bright",
        "Prime"
    };
    private static final String[] NAME_SECOND = {
        "Herald",
        "Post",
        "Times",
        "Wire",
        "Gazette",
        "Chronicle",
        "Ledger",
        "Tribune",
        "Observer",
        "Courier",
        "Journal",
        "Review",
        "Monitor",
        "Dispatch",
        "Standard",
        "Record",
        "Sentinel",
        "Bulletin",
        "Express",
        "Insider"
    };
    private static final String[] TLDS = {
        ".com", ".com", ".com", ".co.uk", ".net", ".org", ".io", ".news", ".com.au", ".de"
    };

    private static final List<Provider> PROVIDERS = providers();

    private Vocabulary() {}

    static List<Provider> providers(final int count) {
        return PROVIDERS.subList(0, count);
    }

    static Provider provider(final int index) {
        return PROVIDERS.get(index);
    }

    static String word(final SplittableRandom random) {
        return WORDS[random.nextInt(WORDS.length)];
    }

    /** Capitalised words separated by blanks, occasionally with a non-ASCII or encoded flourish. */
    static String title(final SplittableRandom random, final int words) {
        final StringBuilder title = new StringBuilder(words * 9);
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                title.append(' ');
            }
            final String word = word(random);
            title.append(i == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
        }
        if (random.nextInt(8) == 0) {
            title.append(' ').append(TITLE_EXTRAS.get(random.nextInt(TITLE_EXTRAS.size())));
        }
        return title.toString();
    }

    /** Sentences of plain words, each ending in a full stop. */
    static String text(final SplittableRandom random, final int words) {
        final StringBuilder text = new StringBuilder(words * 8);
        int sentence = 0;
        for (int i = 0; i < words; i++) {
            final String word = word(random);
            if (sentence == 0) {
                if (i > 0) {
                    text.append(' ');
                }
                text.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
            } else {
                text.append(' ').append(word);
            }
            sentence++;
            if (i == words - 1 || sentence >= 8 && random.nextInt(6) == 0) {
                text.append('.');
                sentence = 0;
            }
        }
        return text.toString();
    }

    /** Lowercase words joined by hyphens: the slug of a page path; never the segment {@code amp}. */
    static String slug(final String title) {
        final StringBuilder slug = new StringBuilder(64);
        int words = 0;
        for (final String part : title.toLowerCase(Locale.ROOT).split(" ")) {
            if (words == 7) {
                break;
            }
            if (!part.isEmpty() && part.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
                if (slug.length() > 0) {
                    slug.append('-');
                }
                slug.append(part);
                words++;
            }
        }
        return slug.length() == 0 ? "story" : slug.toString();
    }

    private static List<Provider> providers() {
        // A fixed seed: the provider universe is part of the generator, not of a corpus.
        final SplittableRandom random = new SplittableRandom(0x6e657773L);
        final Set<String> domains = new LinkedHashSet<>();
        final List<Provider> providers = new ArrayList<>(PROVIDER_COUNT);
        while (providers.size() < PROVIDER_COUNT) {
            final String first = NAME_FIRST[random.nextInt(NAME_FIRST.length)];
            final String second = NAME_SECOND[random.nextInt(NAME_SECOND.length)];
            final String tld = TLDS[random.nextInt(TLDS.length)];
            final boolean hyphen = random.nextInt(5) == 0;
            final boolean newsHost = random.nextInt(10) == 0;
            final String domain = (newsHost ? "news." : "")
                    + first.toLowerCase(Locale.ROOT)
                    + (hyphen ? "-" : "")
                    + second.toLowerCase(Locale.ROOT)
                    + tld;
            if (!domains.add(domain)) {
                continue;
            }
            final boolean htmlPages = random.nextInt(3) == 0;
            final AmpStyle[] styles = AmpStyle.values();
            AmpStyle ampStyle = styles[random.nextInt(styles.length)];
            if (ampStyle == AmpStyle.AMP_HTML && !htmlPages) {
                ampStyle = AmpStyle.PATH_SEGMENT;
            }
            providers.add(new Provider(
                    "The " + first + " " + second,
                    domain,
                    !newsHost && random.nextInt(4) != 0,
                    htmlPages,
                    random.nextBoolean(),
                    ampStyle));
        }
        return List.copyOf(providers);
    }
}
