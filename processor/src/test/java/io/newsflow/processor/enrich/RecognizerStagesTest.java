package io.newsflow.processor.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.avro.Entity;
import io.newsflow.avro.EntityType;
import io.newsflow.processor.enrich.EntityDictionary.Entry;
import io.newsflow.processor.enrich.Gazetteer.Kind;
import io.newsflow.processor.enrich.Tokenizer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Each stage of the recogniser on its own, over invented sentences: the stage gets the tokens (and the candidates the
 * earlier stages would hand it) and its effect is checked directly, not through the whole pipeline.
 */
class RecognizerStagesTest {
    private static final Lexicon LEX = EnrichFixture.E.lexicon();
    private static final Gazetteer GAZ = EnrichFixture.E.gazetteer();
    private static final long NO_DEADLINE = Long.MAX_VALUE;

    private static final class Stages {
        final EntityDictionary dict = EntityDictionary.loadDefault();
        final PlaceCues places = new PlaceCues(LEX, GAZ);
        final OrgCues orgs = new OrgCues(LEX);
        final PersonCues persons = new PersonCues(LEX, GAZ);
        final KnowledgeMatch knowledge = new KnowledgeMatch(LEX, GAZ, dict);
        final ContextClassifier classifier = new ContextClassifier(LEX, GAZ, knowledge, places, orgs, persons);
        final CandidateStage candidates = new CandidateStage(LEX, GAZ, dict, knowledge, classifier, places, orgs, persons);
        final Coreference coreference = new Coreference(LEX, GAZ, dict);
        final Linker linker = new Linker(LEX, GAZ);

        List<Candidate> find(String text) {
            return candidates.find(text, Tokenizer.tokenize(text), NO_DEADLINE);
        }

        /** The candidate whose text is exactly {@code text}, as stage 1 made it. */
        Candidate candidate(String sentence, String text) {
            return find(sentence).stream().filter(c -> c.text.equals(text)).findFirst().orElseThrow(
                () -> new AssertionError("no candidate '" + text + "' in " + find(sentence).stream().map(c -> c.text).toList()));
        }

        /** A fresh, unclassified candidate over the tokens of {@code text} inside {@code sentence}. */
        Candidate raw(String sentence, String text, List<Token> toks) {
            int start = sentence.indexOf(text);
            int from = -1, to = -1;
            for (int i = 0; i < toks.size(); i++) {
                if (toks.get(i).start == start) from = i;
                if (toks.get(i).end == start + text.length()) to = i + 1;
            }
            return Candidate.of(sentence, toks, from, to);
        }
    }

    @Nested
    class Candidates {
        private final Stages s = new Stages();

        @Test
        void shouldKeepOneNameAcrossApostropheHyphenAndInitialWhenTheyJoinCapitalisedWords() {
            List<String> texts = s.find("Volunteers of the movement Rus' Vorontsova travelled by train to meet relatives in Ivano-Frankivsk and St. Petersburg.")
                .stream().map(c -> c.text).toList();
            assertThat(texts).contains("Rus' Vorontsova", "Ivano-Frankivsk", "St. Petersburg");
        }

        @Test
        void shouldTrimLeadingDeterminersAndTitlesButMarkTheTitleAsAPersonCue() {
            Candidate c = s.candidate("Yesterday the Governor Tarik Belmonte said little.", "Tarik Belmonte");
            assertThat(c.personCue).isTrue();
        }

        @Test
        void shouldSplitAPlaceBeforeATitleFromThePersonAfterIt() {
            List<Candidate> cs = s.find("Lviv Mayor Orest Halyna visited the site.");
            assertThat(cs).extracting(c -> c.text).containsExactly("Lviv", "Orest Halyna");
        }

        @Test
        void shouldNotJoinWordsOfAHeadlineThatAreNoKnownName() {
            List<String> texts = s.find("Flooding Hits Kharkiv After Storm Brings Rain\nThe storm came.")
                .stream().map(c -> c.text).toList();
            assertThat(texts).contains("Kharkiv").doesNotContain("Flooding Hits Kharkiv After Storm Brings Rain");
        }
    }

    @Nested
    class KnowledgeBase {
        private final Stages s = new Stages();

        @Test
        void shouldTypeANameByItsDictionaryEntryAndKeepTheEntryForTheId() {
            s.dict.upsert(new Entry("nf:org:tern-relief", "Tern Relief Collective", EntityType.ORGANIZATION, List.of("Tern"), null));
            List<Token> toks = Tokenizer.tokenize("Tern said on Monday.");
            Candidate c = s.raw("Tern said on Monday.", "Tern", toks);
            assertThat(s.knowledge.match(c)).isTrue();
            assertThat(c.type).isEqualTo(EntityType.ORGANIZATION);
            assertThat(c.entry.id()).isEqualTo("nf:org:tern-relief");
        }

        @Test
        void shouldLeaveAnUnknownNameToTheContextStage() {
            List<Token> toks = Tokenizer.tokenize("Brannoc Velt said on Monday.");
            Candidate c = s.raw("Brannoc Velt said on Monday.", "Brannoc Velt", toks);
            assertThat(s.knowledge.match(c)).isFalse();
            assertThat(c.type).isNull();
        }
    }

    @Nested
    class Context {
        private final Stages s = new Stages();

        private EntityType classify(String sentence, String name) {
            List<Token> toks = Tokenizer.tokenize(sentence);
            Candidate c = s.raw(sentence, name, toks);
            s.classifier.classify(c, toks);
            return c.type;
        }

        @Test
        void shouldTypeANameByTheCueNounBeforeIt() {
            assertThat(classify("The aid group Orvanta delivered food.", "Orvanta")).isEqualTo(EntityType.ORGANIZATION);
        }

        @Test
        void shouldTypeANameByItsPlaceWord() {
            assertThat(classify("Boats sank in the Kesselbrook River overnight.", "Kesselbrook River")).isEqualTo(EntityType.LOCATION);
        }

        @Test
        void shouldTypeUnknownWordsNextToAReportingVerbAsAPerson() {
            assertThat(classify("The figures were wrong, said Brannoc Velt on Monday.", "Brannoc Velt")).isEqualTo(EntityType.PERSON);
        }

        @Test
        void shouldMakeUnknownNamesListedWithGazetteerPlacesPlaces() {
            String text = "Floods reached Kharkiv, Brelvin and Odesa on Sunday.";
            List<Token> toks = Tokenizer.tokenize(text);
            List<Candidate> cands = s.candidates.find(text, toks, NO_DEADLINE);
            s.classifier.listPlaces(toks, cands);
            assertThat(cands).filteredOn(c -> c.text.equals("Brelvin")).singleElement()
                .extracting(c -> c.type).isEqualTo(EntityType.LOCATION);
        }
    }

    @Nested
    class InDocumentCoreference {
        private final Stages s = new Stages();

        @Test
        void shouldMakeAParenthesisedAcronymOfTheInitialsAnAliasOfTheName() {
            String text = "The Kestrel Relief Council (KRC) said aid was late. KRC later added more.";
            List<Token> toks = Tokenizer.tokenize(text);
            List<Candidate> cands = s.candidates.find(text, toks, NO_DEADLINE);
            s.coreference.linkAliases(toks, cands);
            Candidate acr = cands.stream().filter(c -> c.text.equals("KRC")).findFirst().orElseThrow();
            assertThat(acr.aliasOf).isNotNull();
            assertThat(acr.aliasOf.text).isEqualTo("Kestrel Relief Council");
        }

        @Test
        void shouldGiveEveryUseOfASurfaceFormTheTypeMostUsesVoteFor() {
            List<Candidate> cands = new ArrayList<>();
            for (double score : new double[] {3, 0.5, 0.5}) {
                Candidate c = new Candidate();
                c.key = "harrow";
                c.score = score;
                c.type = score == 3 ? EntityType.ORGANIZATION : EntityType.PERSON;
                cands.add(c);
            }
            s.coreference.voteTypes(cands);
            assertThat(cands).extracting(c -> c.type).containsOnly(EntityType.ORGANIZATION);
        }
    }

    @Nested
    class Linking {
        private final Stages s = new Stages();

        @Test
        void shouldResolveAnAmbiguousTownByTheCountryTheDocumentNames() {
            String text = "Officials in Moscow, Idaho, spoke. The United States sent help.";
            List<Token> toks = Tokenizer.tokenize(text);
            List<Candidate> cands = s.candidates.find(text, toks, NO_DEADLINE);
            Set<String> countries = s.linker.documentCountries(cands, toks);
            assertThat(countries).contains("US");
            s.linker.resolvePlaces(cands, toks, countries);
            Candidate moscow = cands.stream().filter(c -> c.text.equals("Moscow")).findFirst().orElseThrow();
            assertThat(moscow.place.country).isEqualTo("US");
            assertThat(moscow.place.kind).isEqualTo(Kind.CITY);
        }

        @Test
        void shouldGroupAPersonsSurnameWithTheFullNameUnderOneId() {
            String text = "Nurse Teodora Vancik treated the wounded. Vancik said supplies were short.";
            List<Token> toks = Tokenizer.tokenize(text);
            List<Candidate> cands = s.candidates.find(text, toks, NO_DEADLINE);
            s.coreference.voteTypes(cands);
            List<Entity> es = s.linker.merge(text, cands);
            assertThat(es).filteredOn(e -> e.getType() == EntityType.PERSON).singleElement()
                .satisfies(e -> assertThat(e.getMentions()).hasSize(2));
        }
    }
}
