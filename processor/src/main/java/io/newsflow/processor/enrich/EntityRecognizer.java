package io.newsflow.processor.enrich;

import io.newsflow.avro.Entity;
import io.newsflow.avro.EntityType;
import io.newsflow.processor.enrich.Tokenizer.Token;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Names of people, organisations and places in one document, as a pipeline of small stages (docs/enrichment.md,
 * "Stages"):
 * <ol>
 *   <li>{@link CandidateStage}: capitalised spans, trimmed and split into candidate names;</li>
 *   <li>{@link KnowledgeMatch}: the entity dictionary and knowledge base know the whole name;</li>
 *   <li>{@link ContextClassifier}: otherwise the name's form and context decide (first match wins), then lists of
 *       places over the document;</li>
 *   <li>{@link Coreference}: parenthesised acronyms and translations, their later uses, one type per surface form;</li>
 *   <li>{@link Linker}: ambiguous places resolved, mentions grouped into entities with ids and coordinates.</li>
 * </ol>
 * The cue words all stages use are data ({@code lexicon/rules/entities.tsv}, {@link EntityCues}); immutable after
 * construction and thread-safe (per-document state lives in the calls).
 */
final class EntityRecognizer {
    private final CandidateStage candidates;
    private final ContextClassifier classifier;
    private final PlaceCues places;
    private final Coreference coreference;
    private final Linker linker;
    private final CreditedNames credits;

    EntityRecognizer(Lexicon lex, Gazetteer gaz, EntityDictionary dict) {
        this.places = new PlaceCues(lex, gaz);
        OrgCues orgs = new OrgCues(lex);
        PersonCues persons = new PersonCues(lex, gaz);
        KnowledgeMatch knowledge = new KnowledgeMatch(lex, gaz, dict);
        this.classifier = new ContextClassifier(lex, gaz, knowledge, places, orgs, persons);
        this.candidates = new CandidateStage(lex, gaz, dict, knowledge, classifier, places, orgs, persons);
        this.coreference = new Coreference(lex, gaz, dict);
        this.linker = new Linker(lex, gaz);
        this.credits = new CreditedNames(lex, gaz, dict, persons, linker);
    }

    List<Entity> recognize(String body, List<Token> toks, long deadlineNanos) {
        // 1.-3. candidates, each matched against the knowledge base or classified by its context as it is made
        List<Candidate> cands = candidates.find(body, toks, deadlineNanos);
        // countries named anywhere help resolve ambiguous places
        Set<String> docCountries = linker.documentCountries(cands, toks);
        // 3. over the document: unknown names listed with places are places
        classifier.listPlaces(toks, cands);
        for (Candidate c : cands) {
            if (c.type == EntityType.LOCATION) c.locative = places.locative(toks, c);
        }
        // 4. in-document coreference
        coreference.linkAliases(toks, cands);
        coreference.glossAliases(body, toks, cands);
        coreference.voteTypes(cands);
        // 5. linking
        linker.resolvePlaces(cands, toks, docCountries);
        return linker.merge(body, cands);
    }

    /** For text in other languages: only places, by their names in any language of the gazetteer. */
    List<Entity> recognizePlacesOnly(String body, List<Token> toks, long deadlineNanos) {
        return linker.merge(body, candidates.placeCandidates(body, toks, deadlineNanos));
    }

    /** One name of a photo or media credit as an entity without mentions (see {@link CreditedNames#creditedName}). */
    Optional<Entity> creditedName(String name, boolean agencySide) {
        return credits.creditedName(name, agencySide);
    }
}
