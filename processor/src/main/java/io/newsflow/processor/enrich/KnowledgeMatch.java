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

/**
 * Stage 2 of the recogniser, the dictionary and knowledge-base match: a candidate whose whole name is a known entity
 * (the entity dictionary — alias file and operators' entries —, then the known organisations and people) gets that
 * entity's type (and entry, hence id) before any context rule is asked.
 */
final class KnowledgeMatch {
    private final Lexicon lex;
    private final Gazetteer gaz;
    private final EntityDictionary dict;

    KnowledgeMatch(Lexicon lex, Gazetteer gaz, EntityDictionary dict) {
        this.lex = lex;
        this.gaz = gaz;
        this.dict = dict;
    }

    /**
     * Types the candidate from the knowledge base when its whole name is known: the entity dictionary (an entry gives
     * the id too), then the known organisations, then the known people (two words or more). True when it did.
     */
    boolean match(Candidate c) {
        // 1. operators' dictionary and the alias file
        EntityDictionary.Entry e = dict.lookup(c.clean);
        if (e != null && e.type() != null) {
            c.entry = e; c.type = e.type(); c.score = 5;
            return true;
        }
        // 2. known organisations and people
        if (lex.organizations.containsKey(c.key)) { c.type = EntityType.ORGANIZATION; c.score = 4; return true; }
        if (c.words >= 2 && lex.people.containsKey(c.key)) { c.type = EntityType.PERSON; c.score = 4; return true; }
        return false;
    }

    /** A name of two words or more that the gazetteer, the known organisations or people or the dictionary know. */
    boolean knownWhole(String text) {
        String k = Norm.key(text);
        return k.indexOf(' ') > 0 && (gaz.lookupKey(k).length > 0 || lex.organizations.containsKey(k)
            || lex.people.containsKey(k) || dict.lookup(text) != null);
    }
}
