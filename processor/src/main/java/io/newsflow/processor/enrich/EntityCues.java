package io.newsflow.processor.enrich;

import java.util.Set;

/**
 * The entity recogniser's cue lists, read once from {@code lexicon/rules/entities.tsv} (see that file's header for the
 * format and what each list is for). The stages import them statically; the lists themselves are data.
 */
final class EntityCues {
    private EntityCues() {
    }

    static final Set<String> CONNECTORS = Rules.ENTITIES.set("connectors");
    static final Set<String> DETERMINERS = Rules.ENTITIES.set("determiners");
    static final Set<String> PLACE_OF = Rules.ENTITIES.set("place-of");
    /** Lower-case particles joined by hyphens inside names: Deir al-Balah, Marie el-Drese, Tehreek-e-Insaf. */
    static final Set<String> HYPHEN_PARTICLES = Rules.ENTITIES.set("hyphen-particles");
    /** "X-led", "X-run": the X of such a compound, when not a place or a people, is an organisation. */
    static final Set<String> LED_BY = Rules.ENTITIES.set("led-by");
    /** Modifiers that precede a title: Senior General, Acting President, Supreme Leader, Vice President. */
    static final Set<String> TITLE_MODIFIERS = Rules.ENTITIES.set("title-modifiers");
    static final Set<String> MONTH_ABBREV = Rules.ENTITIES.set("month-abbrev");
    static final Set<String> AFTER_ORG_VERBS = Rules.ENTITIES.set("after-org-verbs");
    static final Set<String> FAITH_WORDS = Rules.ENTITIES.set("faith-words");
    static final Set<String> NAME_SUFFIXES = Rules.ENTITIES.set("name-suffixes");
    /** Letters after a name that belong to it: post-nominals and generations. */
    static final Set<String> POST_NOMINALS = Rules.ENTITIES.set("post-nominals");
    static final Set<String> PERSON_HEADS = Rules.ENTITIES.set("person-heads");
    /** Words before "by" that make a credit line: "(Reporting by ...; Editing by ...)", "Story by ...". */
    static final Set<String> CREDIT_WORDS = Rules.ENTITIES.set("credit-words");
    /** Labels before a colon that introduce a picture credit: "Photo: Jane Doe/AFP". */
    static final Set<String> PICTURE_LABELS = Rules.ENTITIES.set("picture-labels");
    /** Geographic feature words that start a place's name: "Lake Kivu", "Gulf of Aden", "the Isthmus of Kra". */
    static final Set<String> GEO_FEATURES = Rules.ENTITIES.set("geo-features");
    /** Feature words that also come right before the name ("Lake Kivu", "Mount Kenya", "Cape Verde"). */
    static final Set<String> FEATURE_BEFORE_NAME = Rules.ENTITIES.set("feature-before-name");
    /** Second words of town names ("Columbus Junction", "Bakersfield Heights") after a gazetteer place. */
    static final Set<String> TOWN_SUFFIXES = Rules.ENTITIES.set("town-suffixes");
    /** "Russian-occupied Melitopol", "rebel-held Idlib", "Indian-administered Kashmir": the name after is a place. */
    static final Set<String> HELD = Rules.ENTITIES.set("held");
    static final Set<String> ARMED = Rules.ENTITIES.set("armed");
    /** Words that, capitalised after a name, make the whole a first- or second-level region. */
    static final Set<String> REGION_WORDS = Rules.ENTITIES.set("region-words");
    static final Set<String> ADMIN1_WORDS = Rules.ENTITIES.set("admin1-words");
    static final Set<String> STRONG_PLACE_PREPS = Rules.ENTITIES.set("strong-place-preps");
    /** Words that end an appositive noun phrase: "X (Y), a Russian movement of ...", "X, an independent outlet". */
    static final Set<String> APPOSITIVE_END = Rules.ENTITIES.set("appositive-end");
    /** Single capitalised words in parentheses after a name that are asides, not translations of it. */
    static final Set<String> NO_GLOSS = Rules.ENTITIES.set("no-gloss");
}
