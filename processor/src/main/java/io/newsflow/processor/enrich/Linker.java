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
 * Stage 5 of the recogniser, linking: ambiguous places resolved by the document's countries and the text's region
 * words; candidates grouped into entities (a person's short forms join the full name) with ids from the knowledge
 * base (dictionary entry, GeoNames/ISO place) or a spelling-insensitive key, canonical names and coordinates.
 */
final class Linker {
    private final Lexicon lex;
    private final Gazetteer gaz;

    Linker(Lexicon lex, Gazetteer gaz) {
        this.lex = lex;
        this.gaz = gaz;
    }

    /** One entity of the document being built: its id, name, type, place and mentions. */
    private static final class Group {
        String id, name;
        EntityType type;
        Place place;
        GeoPoint geo;
        final List<Candidate> mentions = new ArrayList<>();
        String lastKey, firstKey;
        int words;
    }

    /** Countries named anywhere in the document (also inside organisation names): context for ambiguous places. */
    Set<String> documentCountries(List<Candidate> cands, List<Token> toks) {
        Set<String> docCountries = new HashSet<>();
        for (Candidate c : cands) {
            if (c.place != null && c.place.kind == Kind.COUNTRY) docCountries.add(c.place.country);
            // a country inside an organisation's name ("Human Rights Commission of Pakistan") sets the context too
            if (c.type == EntityType.ORGANIZATION && c.words >= 2 && c.entry == null) {
                for (int k = c.from; k < c.to; k++) {
                    Token w = toks.get(k);
                    if (!w.word || !Norm.isUpperInitial(w.text) || w.text.length() < 4) continue;
                    Place[] p = gaz.lookupKey(w.lower);
                    if (p.length > 0 && p[0].kind == Kind.COUNTRY) docCountries.add(p[0].country);
                }
            }
        }
        return docCountries;
    }

    /** Resolves each gazetteer place of the document among its candidates (score in docs/enrichment.md, "Places"). */
    void resolvePlaces(List<Candidate> cands, List<Token> toks, Set<String> docCountries) {
        for (Candidate c : cands) {
            if (c.type == EntityType.LOCATION && c.place != null && c.entry == null) c.place = resolve(c, toks, docCountries);
        }
    }

    Place resolve(Candidate c, List<Token> toks, Set<String> docCountries) {
        Place[] all = gaz.lookup(c.clean);
        if (all.length <= 1) return all.length == 1 ? all[0] : c.place;
        Token next = c.to < toks.size() ? toks.get(c.to) : null;
        if (next != null && (next.punct('[') || next.punct('(')) && c.to + 1 < toks.size()) next = toks.get(c.to + 1);
        boolean regionWord = next != null && next.word && (next.is("region") || next.is("oblast") || next.is("province")
            || next.is("state") || next.is("governorate") || next.is("prefecture") || next.is("county"));
        Place best = null;
        double bestScore = -1e9;
        boolean anyExact = false;
        for (Place p : all) if (Norm.key(p.name).equals(c.key)) anyExact = true;
        for (Place p : all) {
            double s = p.prior();
            // "Brasilia" is also an alternate name of Brazil: the city of that name wins
            if (anyExact && p.kind == Kind.COUNTRY && !Norm.key(p.name).equals(c.key)) s -= 10;
            if (docCountries.contains(p.country) && p.kind != Kind.COUNTRY) s += 3;
            if (Norm.key(p.name).equals(c.key)) s += 0.5;
            if (regionWord && p.kind == Kind.ADMIN1) s += 3;
            if (s > bestScore) { bestScore = s; best = p; }
        }
        return best;
    }

    /**
     * The entities of the document: candidates grouped by id (a person's first or last word joins the one full name
     * it belongs to, later uses of an alias join its name), in order of first mention.
     */
    List<Entity> merge(String body, List<Candidate> cands) {
        // people with a full name: their surnames and first names are short forms
        Map<String, Group> groups = new LinkedHashMap<>();
        Map<String, Group> byKey = new HashMap<>();
        Map<String, Group> personByPart = new HashMap<>();
        Set<String> ambiguousParts = new HashSet<>();
        // pass 1: multi-word people
        for (Candidate c : cands) {
            if (c.type != EntityType.PERSON || c.words < 2 || c.aliasOf != null) continue;
            Group g = groupFor(groups, byKey, c);
            // first and last word of the name, a hyphenated surname whole ("Anaya-Rivera")
            String[] words = personCore(c.clean).split(" ");
            String[] parts = {Norm.key(words[0]), Norm.key(words[words.length - 1])};
            for (String p : new String[] {parts[0], parts[parts.length - 1]}) {
                Group o = personByPart.putIfAbsent(p, g);
                if (o != null && o != g) ambiguousParts.add(p);
            }
        }
        for (String p : ambiguousParts) personByPart.remove(p);
        Map<String, Candidate> aliasTarget = new HashMap<>();
        for (Candidate c : cands) if (c.aliasOf != null) aliasTarget.putIfAbsent(c.key, c.aliasOf);
        // pass 2: everything else
        for (Candidate c : cands) {
            if (c.aliasOf != null) continue;
            Candidate target = aliasTarget.get(c.key);
            if (target != null && target != c && target.start < c.start) {
                Group tg = byKey.get(target.key);
                if (tg != null) { tg.mentions.add(c); continue; }
            }
            if (c.type == EntityType.PERSON && c.words >= 2) continue;
            // "Didier Kasongo ... Kasongo said": a person's short form is linked before the gazetteer's town of that
            // name, unless the text says it is a place or the place is big
            if (c.words == 1 && c.type == EntityType.LOCATION && !c.locative && c.entry == null && (c.place == null
                || c.place.kind == Kind.CITY && c.place.population < 1_000_000)) {
                Group person = personByPart.get(c.key);
                if (person != null) {
                    person.mentions.add(c);
                    continue;
                }
            }
            if (c.words == 1 && c.type != EntityType.LOCATION || c.weak) {
                Group person = personByPart.get(c.key);
                if (person != null && (c.type == null || c.type == EntityType.PERSON || c.weak || c.score < 3)) {
                    person.mentions.add(c);
                    continue;
                }
                Group same = byKey.get(c.key);
                if (same != null && (c.type == null || c.weak)) {
                    same.mentions.add(c);
                    continue;
                }
            }
            if (c.type == null) continue;
            if (c.weak && c.type == EntityType.LOCATION && c.place == null) continue;
            groupFor(groups, byKey, c);
        }
        // parenthesised aliases join their name's group
        for (Candidate c : cands) {
            if (c.aliasOf == null) continue;
            Group g = byKey.get(c.aliasOf.key);
            if (g == null) continue;
            g.mentions.add(c);
            byKey.putIfAbsent(c.key, g);
        }
        // later short forms that are acronyms of a group ("RSF" after "Rapid Support Forces (RSF)") were merged by key
        List<Entity> out = new ArrayList<>(groups.size());
        for (Group g : groups.values()) {
            if (g.mentions.isEmpty()) continue;
            List<Mention> ms = new ArrayList<>(g.mentions.size());
            g.mentions.sort((a, b) -> Integer.compare(a.start, b.start));
            for (Candidate c : g.mentions) ms.add(new Mention(c.text, c.start, c.end));
            out.add(new Entity(g.id, g.name, g.type, ms, g.geo));
        }
        return out;
    }

    Group groupFor(Map<String, Group> groups, Map<String, Group> byKey, Candidate c) {
        String id = idFor(c);
        Group g = groups.get(id);
        if (g == null) {
            g = new Group();
            g.id = id;
            g.type = c.type;
            g.name = canonicalName(c);
            g.place = c.place;
            if (c.place != null) {
                g.geo = new GeoPoint(c.place.lat, c.place.lon, c.place.country, c.place.admin1, c.place.geonamesId);
            } else if (c.entry != null && c.entry.geo() != null) {
                g.geo = c.entry.geo();
            }
            g.words = c.words;
            groups.put(id, g);
        } else if (c.type == EntityType.PERSON && c.words > g.words && c.entry == null) {
            g.name = canonicalName(c);
            g.words = c.words;
        }
        g.mentions.add(c);
        byKey.putIfAbsent(c.key, g);
        return g;
    }

    String canonicalName(Candidate c) {
        if (c.entry != null) return c.entry.name();
        if (c.place != null) return c.place.name;
        if (c.type == EntityType.PERSON && c.words == 1) {
            String full = lex.famousSurnames.get(c.key);
            if (full != null) return titleCase(full);
        }
        String s = c.type == EntityType.PERSON ? personCore(c.clean) : c.clean;
        if (s.startsWith("The ") || s.startsWith("the ")) s = s.substring(4);
        return s;
    }

    /**
     * A person's name as English-language news writes it on first reference: leading titles
     * ("Secretary-General Antonio Guterres") and a patronymic between given name and surname
     * ("Vladimir Vladimirovich Putin") dropped. Names of one or two words stay as they are.
     */
    String personCore(String clean) {
        String[] words = clean.split(" ");
        int from = 0;
        while (words.length - from > 2 && isTitleWord(words[from])) from++;
        List<String> kept = new ArrayList<>(words.length);
        for (int i = from; i < words.length; i++) {
            boolean middle = i > from && i < words.length - 1;
            if (middle && words.length - from > 2 && isPatronymic(Norm.lower(words[i]))) continue;
            kept.add(words[i]);
        }
        return String.join(" ", kept);
    }

    boolean isTitleWord(String word) {
        for (String part : Norm.lower(word).replace(".", "").split("-")) {
            if (!Lexicon.PERSON_TITLES.contains(part)) return false;
        }
        return true;
    }

    static boolean isPatronymic(String lower) {
        return lower.length() > 6 && (lower.endsWith("ovich") || lower.endsWith("evich") || lower.endsWith("ovna")
            || lower.endsWith("evna") || lower.endsWith("ichna") || lower.endsWith("ovych") || lower.endsWith("ivna"));
    }

    String idFor(Candidate c) {
        if (c.entry != null) return c.entry.id();
        if (c.place != null) return c.place.id;
        switch (c.type) {
            case PERSON: {
                String k = Norm.key(personCore(c.clean));
                String[] parts = Norm.translit(k).split(" ");
                if (parts.length == 1 && lex.famousSurnames.containsKey(k)) k = lex.famousSurnames.get(k);
                String[] p = k.split(" ");
                String firstLast = p.length >= 2 ? p[0] + " " + p[p.length - 1] : k;
                return "nf:person:" + Norm.skeleton(firstLast);
            }
            case ORGANIZATION: {
                String k = c.key.startsWith("the ") ? c.key.substring(4) : c.key;
                if (c.words == 1 && Norm.isAllCaps(c.text)) return "nf:org:" + k.replace(' ', '-');
                return "nf:org:" + Norm.skeleton(k);
            }
            default: {
                String k = c.key;
                int sp = k.lastIndexOf(' ');
                if (sp > 0 && lex.placeWords.contains(k.substring(sp + 1))) k = k.substring(0, sp);
                return "nf:loc:" + Norm.skeleton(k);
            }
        }
    }

    static String titleCase(String s) {
        StringBuilder b = new StringBuilder();
        for (String w : s.split(" ")) {
            if (w.isEmpty()) continue;
            if (b.length() > 0) b.append(' ');
            b.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
        }
        return b.toString();
    }
}
