package io.newsflow.processor.enrich;

import static io.newsflow.processor.enrich.EntityCues.*;
import static io.newsflow.processor.enrich.Names.*;

import io.newsflow.avro.Entity;
import io.newsflow.avro.EntityType;
import io.newsflow.avro.GeoPoint;
import io.newsflow.avro.Mention;
import io.newsflow.processor.enrich.Gazetteer.Kind;
import io.newsflow.processor.enrich.Gazetteer.Place;
import io.newsflow.processor.enrich.Tokenizer.Token;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Names of photo and media credits typed with the recogniser's own evidence (see {@link #creditedName}). */
final class CreditedNames {
    private final Lexicon lex;
    private final Gazetteer gaz;
    private final EntityDictionary dict;
    private final PersonCues persons;
    private final Linker linker;

    CreditedNames(Lexicon lex, Gazetteer gaz, EntityDictionary dict, PersonCues persons, Linker linker) {
        this.lex = lex;
        this.gaz = gaz;
        this.dict = dict;
        this.persons = persons;
        this.linker = linker;
    }

    /**
     * One name of a photo or media credit ("Yevgeny Yepanchintsev", "TASS", "Anadolu Agency") as an entity without
     * mentions, with the id the same name gets in a body: the dictionary and the known organisations and people
     * first; then an organisation by an acronym or an organisation head ("... Agency", "... Press Service"), or
     * by its place in the credit ({@code agencySide}: after "/", "via", "for", or before "Photo" in "AP Photo/...")
     * unless it is clearly a person; a person by 2–4 capitalised words with a given name first or a surname last;
     * a single unknown capitalised word (not a word, given name, surname or place) as an organisation. Empty when
     * the evidence names neither.
     */
    java.util.Optional<Entity> creditedName(String name, boolean agencySide) {
        if (name == null || name.isBlank() || name.length() > 100) return java.util.Optional.empty();
        List<Token> toks = Tokenizer.tokenize(name);
        int from = 0, to = toks.size();
        while (from < to && (!toks.get(from).word || DETERMINERS.contains(toks.get(from).lower))) from++;
        while (to > from && !toks.get(to - 1).word) to--;
        if (from >= to) return java.util.Optional.empty();
        Candidate c = Candidate.of(name, toks, from, to);
        if (c.key.isEmpty() || c.words > 8) return java.util.Optional.empty();
        EntityType type = creditedType(c, toks, agencySide);
        if (type == null) return java.util.Optional.empty();
        c.type = type;
        return java.util.Optional.of(new Entity(linker.idFor(c), linker.canonicalName(c), c.type, new ArrayList<>(),
            c.entry != null ? c.entry.geo() : null));
    }

    EntityType creditedType(Candidate c, List<Token> toks, boolean agencySide) {
        EntityDictionary.Entry e = dict.lookup(c.clean);
        if (e != null && e.type() != null) { c.entry = e; return e.type(); }
        if (lex.organizations.containsKey(c.key)) return EntityType.ORGANIZATION;
        if (c.words >= 2 && lex.people.containsKey(c.key)) return EntityType.PERSON;
        Token first = toks.get(c.from), last = toks.get(c.to - 1);
        boolean capitalised = true;
        for (int k = c.from; k < c.to; k++) {
            Token t = toks.get(k);
            if (t.word && !t.number && !Norm.isUpperInitial(t.text) && !CONNECTORS.contains(t.lower)) capitalised = false;
        }
        if (!capitalised || first.number) return null;
        boolean acronym = Norm.isAllCaps(c.clean) && Norm.letters(c.clean) <= 8 && !isRoman(c.clean);
        boolean orgHead = lex.orgWords.contains(last.lower) && !lex.placeWords.contains(last.lower) && c.words >= 2;
        if (acronym || orgHead) return EntityType.ORGANIZATION;
        if (c.words >= 2 && !persons.allCommon(toks, c) && (c.words <= 4)) {
            boolean givenFirst = lex.isGivenName(first.lower);
            boolean surnameLast = lex.surnames.contains(last.lower) || Lexicon.surnameShape(last.lower);
            boolean person = givenFirst || surnameLast;
            boolean clearlyPerson = person && !lex.isCommonWord(last.lower) && !lex.orgWords.contains(last.lower);
            if (agencySide && !clearlyPerson) return EntityType.ORGANIZATION;
            if (person) return EntityType.PERSON;
            return agencySide ? EntityType.ORGANIZATION : null;
        }
        if (c.words == 1) {
            if (lex.isCommonWord(first.lower) || lex.isGivenName(first.lower) || lex.surnames.contains(first.lower)
                || Lexicon.surnameShape(first.lower) || Lexicon.NON_ENTITY.contains(first.lower)
                || lex.demonyms.contains(first.lower) || gaz.lookup(c.clean).length > 0 || first.text.length() < 3) {
                return null;
            }
            return EntityType.ORGANIZATION;
        }
        return agencySide && c.words <= 6 ? EntityType.ORGANIZATION : null;
    }
}
