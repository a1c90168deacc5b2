package io.newsflow.processor.enrich;

import io.newsflow.avro.CasualtyFigure;
import io.newsflow.avro.EnrichedArticle;
import io.newsflow.avro.Entity;
import io.newsflow.avro.EntityType;
import io.newsflow.avro.GazetteerEntry;
import io.newsflow.avro.Mention;
import io.newsflow.avro.RawArticle;
import io.newsflow.processor.enrich.kb.NameKey;
import io.newsflow.processor.enrich.Tokenizer.Token;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The Kafka-free enrichment: entities (people, organisations, places with GeoNames coordinates) and casualty
 * figures of an article. Load once with {@link #loadDefault()} (about a second: gazetteer and word lists from the
 * classpath) or {@link #load(EnricherOptions)} (with a GeoNames dump) and share: {@link #enrich} and {@link #analyse}
 * are thread-safe and never throw on any text. Operators' dictionary entries ({@link #upsert}/{@link #remove}, from
 * another thread) apply to the next article.
 */
public final class ArticleEnricher {

    /** Recorded on every EnrichedArticle; bump when the output of the same text changes. */
    public static final String VERSION = "enrich-2.3";
    /** Longer bodies are cut (at a whitespace) before analysis: offsets stay valid, the tail is not analysed. */
    public static final int MAX_CHARS = 400_000;
    /** Time budget per article; past it the analysis stops and returns what it found so far. */
    public static final long BUDGET_MILLIS = 2_000;

    static final String BUNDLED_PLACES = "/gazetteer/places.tsv.gz";

    private static volatile ArticleEnricher shared;
    private static volatile Lexicon sharedLexicon;

    private final Lexicon lexicon;
    private final Gazetteer gazetteer;
    private final EntityDictionary dictionary;
    private final EntityRecognizer entities;
    private final CasualtyExtractor casualties = new CasualtyExtractor();
    private final LanguageDetector languages;
    /** Articles whose body was cut at {@link #MAX_CHARS}, and those whose analysis ran out of {@link #BUDGET_MILLIS}. */
    private final java.util.concurrent.atomic.LongAdder truncatedByLength = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder truncatedByTime = new java.util.concurrent.atomic.LongAdder();

    private ArticleEnricher(Lexicon lexicon, Gazetteer gazetteer, EntityDictionary dictionary) {
        this.lexicon = lexicon;
        this.gazetteer = gazetteer;
        this.dictionary = dictionary;
        this.entities = new EntityRecognizer(lexicon, gazetteer, dictionary);
        this.languages = new LanguageDetector(lexicon.frequentWords);
    }

    /**
     * The enricher with the bundled data; loaded once per process and shared. Operators' entries applied to it are
     * seen by every user of the shared instance; a Kafka Streams processor should rather own one
     * ({@link #load(EnricherOptions)} or {@link #loadFresh()}).
     */
    public static ArticleEnricher loadDefault() {
        ArticleEnricher e = shared;
        if (e == null) {
            synchronized (ArticleEnricher.class) {
                e = shared;
                if (e == null) {
                    e = new ArticleEnricher(sharedLexicon(), Gazetteer.load(BUNDLED_PLACES), EntityDictionary.loadDefault());
                    shared = e;
                }
            }
        }
        return e;
    }

    /** A fresh enricher with its own (empty-at-start) operator dictionary; shares nothing mutable with others. */
    public static ArticleEnricher loadFresh() {
        ArticleEnricher base = loadDefault();
        return new ArticleEnricher(base.lexicon, base.gazetteer, EntityDictionary.loadDefault());
    }

    /**
     * An enricher built as the options say, with its own operator dictionary (like {@link #loadFresh()}). Without a
     * GeoNames dump it shares the bundled data with {@link #loadDefault()}; with one it reads the dump now (seconds for
     * cities500, minutes and gigabytes of heap for allCountries without filters): call it once per process, at start-up.
     *
     * @throws IllegalArgumentException when the dump does not exist or holds no GeoNames row
     * @throws java.io.UncheckedIOException when it cannot be read
     */
    public static ArticleEnricher load(EnricherOptions options) {
        options.validate();
        if (options.geonames() == null) return loadFresh();
        Lexicon lex = sharedLexicon();
        Gazetteer places = Gazetteer.load(BUNDLED_PLACES, options, lex.englishWords::contains);
        return new ArticleEnricher(lex, places, EntityDictionary.loadDefault());
    }

    private static Lexicon sharedLexicon() {
        Lexicon l = sharedLexicon;
        if (l == null) {
            synchronized (ArticleEnricher.class) {
                l = sharedLexicon;
                if (l == null) {
                    l = Lexicon.load();
                    sharedLexicon = l;
                }
            }
        }
        return l;
    }

    /** The run-time dictionary (alias file plus operators' entries from the news.gazetteer topic). */
    public EntityDictionary dictionary() { return dictionary; }

    /**
     * Adds or replaces an operator's entry; used for the next article. Safe to call while other threads enrich.
     *
     * @throws IllegalArgumentException when the entry has no id, no usable name or no type
     */
    public void upsert(GazetteerEntry entry) { dictionary.upsert(entry); }

    /** Removes an operator's entry (a tombstone on the news.gazetteer topic); the bundled data stays. Thread-safe. */
    public void remove(String id) { dictionary.remove(id); }

    /** Articles analysed only up to {@link #MAX_CHARS} characters so far (the tail was not analysed). */
    public long truncatedByLength() { return truncatedByLength.sum(); }

    /** Articles whose analysis stopped at the {@link #BUDGET_MILLIS} time budget so far (what was found is kept). */
    public long truncatedByTime() { return truncatedByTime.sum(); }

    /** Where the places come from, e.g. "68768 bundled places + 12 from cities500.txt (extend; ...)", for logs. */
    public String gazetteerSummary() { return gazetteer.summary(); }

    public EnrichedArticle enrich(RawArticle article) {
        String body = article.getBody() == null ? "" : article.getBody();
        Enrichment r = analyse(article.getTitle(), body);
        List<Entity> ents = new ArrayList<>(r.entities());
        addAuthors(article, ents);
        addCredits(article, ents);
        String language = r.language() != null ? r.language() : article.getLanguage();
        return EnrichedArticle.newBuilder()
            .setId(article.getId())
            .setArticle(article)
            .setLanguage(language)
            .setEntities(ents)
            .setCasualties(new ArrayList<>(r.casualties()))
            .setEnrichedAt(Instant.now())
            .setEnricherVersion(VERSION)
            .build();
    }

    /** Authors named in the article's metadata are people of the article too (without body mentions). */
    private void addAuthors(RawArticle article, List<Entity> ents) {
        if (article.getAuthors() == null) return;
        for (String a : article.getAuthors()) {
            if (a == null || a.isBlank() || a.length() > 80) continue;
            String id = "nf:person:" + NameKey.standard().person(Norm.key(a));
            boolean known = false;
            for (Entity e : ents) if (e.getId().equals(id)) known = true;
            if (!known) ents.add(new Entity(id, a.trim(), EntityType.PERSON, new ArrayList<Mention>(), null));
        }
    }

    /** Separators between the names of a credit: "Jane Doe / AFP", "X | Y", "AFP via Getty Images". */
    private static final java.util.regex.Pattern CREDIT_SEPARATORS =
        java.util.regex.Pattern.compile("\\s*[/|]\\s*|\\s+via\\s+", java.util.regex.Pattern.CASE_INSENSITIVE);
    private static final java.util.regex.Pattern FOR = java.util.regex.Pattern.compile("\\s+for\\s+");
    private static final java.util.regex.Pattern CREDIT_LABEL = java.util.regex.Pattern.compile(
        "^(?:©|\\(c\\)\\s|copyright\\s+|(?:photos?|photographs?|images?|pictures?|video|footage)(?:\\s+credits?)?\\s*"
            + "(?::|by\\b)|credits?\\s*:|courtesy(?:\\s+of)?\\b)\\s*", java.util.regex.Pattern.CASE_INSENSITIVE);
    /** "AP Photo/John Smith": the agency's name before "Photo", the photographer after it. */
    private static final java.util.regex.Pattern PICTURE_SUFFIX = java.util.regex.Pattern.compile(
        "\\s+photos?$", java.util.regex.Pattern.CASE_INSENSITIVE);

    /**
     * The photographers and agencies credited for the article's pictures ({@code RawArticle.credits}) are people and
     * organisations of the article too, without body mentions. A name the body already names (same id, same name,
     * or one of the entity's mentions, like "AFP" of "Agence France-Presse (AFP)") is not added again.
     */
    private void addCredits(RawArticle article, List<Entity> ents) {
        if (article.getCredits() == null) return;
        for (String credit : article.getCredits()) {
            if (credit == null || credit.isBlank() || credit.length() > 200) continue;
            for (Entity e : creditedNames(credit)) {
                if (!alreadyNamed(e, ents)) ents.add(e);
            }
        }
    }

    private List<Entity> creditedNames(String credit) {
        String[] raw = CREDIT_SEPARATORS.split(credit.strip());
        List<String> parts = new ArrayList<>();
        boolean apStyle = false;
        int agencyIndex = -1;
        for (String r : raw) {
            String p = clean(r);
            if (p.isEmpty()) continue;
            java.util.regex.Matcher m = PICTURE_SUFFIX.matcher(p);
            if (m.find() && !lexicon.organizations.containsKey(Norm.key(p)) && dictionary.lookup(p) == null) {
                p = p.substring(0, m.start()).strip();
                if (agencyIndex < 0 && !p.isEmpty()) { agencyIndex = parts.size(); apStyle = true; }
            }
            if (!p.isEmpty()) parts.add(p);
        }
        List<Entity> out = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            String p = parts.get(i);
            boolean agencySide = apStyle ? i == agencyIndex : i > 0;
            // "Jane Doe for The Daily Ledger": a person for an outlet, unless the whole is one name
            String[] forParts = FOR.split(p, 2);
            if (forParts.length == 2 && entities.creditedName(p, false).isEmpty()) {
                java.util.Optional<Entity> who = entities.creditedName(forParts[0], false);
                if (who.isPresent() && who.get().getType() == EntityType.PERSON) {
                    out.add(who.get());
                    entities.creditedName(forParts[1], true).ifPresent(out::add);
                    continue;
                }
            }
            entities.creditedName(p, agencySide).ifPresent(out::add);
        }
        return out;
    }

    private static final java.util.regex.Pattern CREDIT_MARKUP = java.util.regex.Pattern.compile("[()\\[\\]*_]");
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");
    private static final java.util.regex.Pattern CREDIT_YEAR =
        java.util.regex.Pattern.compile("^(?:19|20)\\d\\d\\b\\s*|\\s*\\b(?:19|20)\\d\\d$");
    private static final java.util.regex.Pattern TRAILING_PUNCT = java.util.regex.Pattern.compile("[\\s.,;:]+$");

    private static String clean(String part) {
        String p = SPACES.matcher(CREDIT_MARKUP.matcher(part).replaceAll(" ")).replaceAll(" ").strip();
        for (int i = 0; i < 2; i++) p = CREDIT_LABEL.matcher(p).replaceFirst("").strip();
        p = CREDIT_YEAR.matcher(p).replaceAll("");
        return TRAILING_PUNCT.matcher(p).replaceAll("").strip();
    }

    private static boolean alreadyNamed(Entity credited, List<Entity> ents) {
        String key = Norm.key(credited.getName());
        for (Entity e : ents) {
            if (e.getId().equals(credited.getId())) return true;
            if (e.getType() == EntityType.LOCATION) continue;
            if (Norm.key(e.getName()).equals(key)) return true;
            for (Mention m : e.getMentions()) if (Norm.key(m.getText()).equals(key)) return true;
        }
        return false;
    }

    /**
     * Entities and casualty figures of an article; all offsets are into {@code body}. The title only helps to detect
     * the language. Never throws: on an internal error the result is empty.
     */
    public Enrichment analyse(String title, String body) {
        if (body == null) body = "";
        String language = null;
        try {
            String text = body.length() > MAX_CHARS ? cut(body) : body;
            if (text.length() < body.length()) truncatedByLength.increment();
            language = languages.detect(text.isEmpty() && title != null ? title : text.length() > 4000 ? text.substring(0, 4000) : text);
            if (text.isBlank()) return Enrichment.empty(language);
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(BUDGET_MILLIS);
            List<Token> toks = Tokenizer.tokenize(text);
            boolean english = language == null || "en".equals(language);
            List<Entity> ents = english ? entities.recognize(text, toks, deadline) : entities.recognizePlacesOnly(text, toks, deadline);
            List<CasualtyFigure> figs = english ? casualties.extract(text, toks, deadline) : List.of();
            if (System.nanoTime() - deadline > 0) truncatedByTime.increment();
            return new Enrichment(ents, figs, language);
        } catch (RuntimeException | StackOverflowError e) {
            return Enrichment.empty(language);
        }
    }

    private static String cut(String body) {
        int end = MAX_CHARS;
        while (end > MAX_CHARS - 1000 && !Character.isWhitespace(body.charAt(end))) end--;
        return body.substring(0, end);
    }

    static final Set<String> SUPPORTED_FULLY = Set.of("en");

    Gazetteer gazetteer() { return gazetteer; }

    Lexicon lexicon() { return lexicon; }
}
